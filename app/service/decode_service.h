#pragma once
// Decoding slider positions for the explorer off the GUI thread, "latest wins".

#include <QImage>
#include <QObject>
#include <QVector>
#include <memory>

#include "app/service/decode_model.h"
#include "app/service/job_tracker.h"

namespace fvae::service {

// Decodes slider positions on the interactive lane of the job pool: only the newest request waits, results carry their
// generation so that the view can drop stale ones.
class DecodeService : public QObject {
  Q_OBJECT
 public:
  explicit DecodeService(QObject* parent = nullptr);
  ~DecodeService() override;
  void setModel(std::shared_ptr<DecodeModel> model);
  std::shared_ptr<DecodeModel> model() const;
  quint64 request(const QVector<float>& code);  // returns the request's generation

 signals:
  void decoded(const QImage& image, quint64 generation, double milliseconds);
  void failed(const QString& message);

 private:
  std::shared_ptr<DecodeModel> model_;
  quint64 generation_ = 0;
  JobTracker* jobs_;
};

}  // namespace fvae::service
