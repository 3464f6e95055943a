// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/model_analysis.h"

#include "app/service/dataset_view.h"
#include "app/service/errors.h"
#include "app/service/snapshot_access.h"
#include "model/analysis/responses.h"
#include "model/base/atomic_file.h"
#include "model/data/ground_truth.h"
#include "model/inference/evaluation.h"

namespace fvae::service {

namespace {

// The core's computations under the service's convention: a cancel is Cancelled, any other failure an Error.
template <typename Work>
auto guarded(Work work) -> decltype(work()) {
  try {
    return work();
  } catch (const MetricCancelled&) {
    throw Cancelled();
  } catch (const Cancelled&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
}

// The built-in ground truth at the model's size, with the mean KL per dimension on its images (which dimensions are
// active: the one definition, model/nn/activity.h).
struct GroundTruth {
  std::shared_ptr<const Dataset> data;
  const GroundTruthSource* source = nullptr;
  std::vector<double> mean_kl;
};

GroundTruth ground_truth_for(const std::shared_ptr<ModelSnapshot>& snapshot, const char* what) {
  const ModelConfig& config = snapshot->config();
  GroundTruth truth;
  truth.data = ground_truth_dataset(config.image_size);
  truth.source = truth.data->ground_truth();
  if (config.channels != truth.data->shape().channels)
    throw Error(std::string(what) + " need a model of " + std::to_string(truth.data->shape().channels) +
                " channel(s): the images with ground truth (" + truth.data->description() + ") have that many");
  truth.mean_kl = mean_kl_on([&](const torch::Tensor& x) { return snapshot->encode(x); }, *truth.data);
  return truth;
}

}  // namespace

DisentanglementReport measureDisentanglement(DecodeModel& model, const MetricSettings& settings,
                                             const std::function<bool(double)>& progress) {
  if (const std::string problem = settings.problem(); !problem.empty()) throw Error(problem);
  return guarded([&] {
    const auto snapshot = stableSnapshot(model);
    const GroundTruth truth = ground_truth_for(snapshot, "The metrics");
    DisentanglementReport report;
    report.record.model =
        model_record(snapshot->config(), snapshot->step(), {}, model.name().toStdString());
    report.record.metrics = disentanglement_record(
        *truth.source, [&](const torch::Tensor& x) { return snapshot->encode(x).mu; }, settings, truth.mean_kl,
        progress);
    return report;
  });
}

void saveEvaluationRecord(const EvaluationRecord& record, const QString& path) {
  guarded([&] { write_file_atomically(path.toStdString(), to_json(record)); });
}

FactorResponses factorResponses(DecodeModel& model, const ResponseSettings& settings,
                                const std::function<bool(double)>& progress) {
  return guarded([&] {
    const auto snapshot = stableSnapshot(model);
    const GroundTruth truth = ground_truth_for(snapshot, "Factor responses");
    FactorResponseOptions options;
    options.seed = settings.seed;
    options.samples_per_value = settings.samplesPerValue;
    options.group_by = settings.perShape ? 0 : -1;
    options.mean_kl = truth.mean_kl;
    return factor_responses(
        *truth.source, [&](const torch::Tensor& x) { return snapshot->encode(x).mu; }, options, progress);
  });
}

ClassResponses classResponses(DecodeModel& model, const DatasetView& data, const ResponseSettings& settings,
                              const std::function<bool(double)>& progress) {
  return guarded([&] {
    ClassResponseOptions options;
    options.seed = settings.seed;
    options.max_images = settings.maxImages;
    return class_responses(*data.data(), encoderMeans(stableSnapshot(model)), options, progress);
  });
}

LatentMap latentMap(DecodeModel& model, const DatasetView& data, const ResponseSettings& settings,
                    const std::function<bool(double)>& progress) {
  return guarded([&] {
    LatentMapOptions options;
    options.seed = settings.seed;
    options.max_points = settings.maxImages;
    return latent_map(*data.data(), encoderMeans(stableSnapshot(model)), options, progress);
  });
}

QVector<double> meanKl(DecodeModel& model, const DatasetView& data) {
  return guarded([&] {
    const auto snapshot = stableSnapshot(model);
    const auto kl = mean_kl_on([&](const torch::Tensor& x) { return snapshot->encode(x); }, *data.data());
    return QVector<double>(kl.begin(), kl.end());
  });
}

}  // namespace fvae::service
