#include "app/service/decode_service.h"

#include <chrono>

namespace fvae::service {

DecodeService::DecodeService(QObject* parent)
    : QObject(parent),
      jobs_(new JobTracker(this, JobTracker::Lane::Interactive, JobTracker::Superseded::DeliverResult)) {
  connect(jobs_, &JobTracker::failed, this, &DecodeService::failed);
}

DecodeService::~DecodeService() = default;

void DecodeService::setModel(std::shared_ptr<DecodeModel> model) { model_ = std::move(model); }

std::shared_ptr<DecodeModel> DecodeService::model() const { return model_; }

quint64 DecodeService::request(const QVector<float>& code) {
  const quint64 generation = ++generation_;
  auto model = model_;
  if (!model || code.size() != model->latentDim()) return generation;
  struct Decoded {
    QImage image;
    double ms = 0;
  };
  jobs_->start<Decoded>(
      [model, code](TaskControl&) {
        const auto start = std::chrono::steady_clock::now();
        Decoded d{model->decode(code)};
        d.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return d;
      },
      [this, generation](const Decoded& d) { emit decoded(d.image, generation, d.ms); });
  return generation;
}

}  // namespace fvae::service
