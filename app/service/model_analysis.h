#pragma once
// What a model has learned, measured for the GUI on one frozen set of its weights: the disentanglement metrics (as
// the evaluation record keeps them), the latent responses per factor or class, the latent map. Each throws
// service::Error naming the problem, or service::Cancelled when `progress(fraction)` returned false. Qt and plain
// types only.

#include <QString>
#include <QVector>
#include <functional>

#include "model/analysis/evaluation_record.h"
#include "model/analysis/response_types.h"

namespace fvae::service {

class DatasetView;
class DecodeModel;

using MetricSettings = fvae::MetricSettings;  // disentanglement_lib's defaults, once (model/analysis)

// The metrics of one model and step, as `factorvae evaluate` reports them (record.metrics is set).
struct DisentanglementReport {
  EvaluationRecord record;
  const DisentanglementRecord& metrics() const { return *record.metrics; }
};

// What the latent responses and the latent map compute on.
struct ResponseSettings {
  int samplesPerValue = 64;  // factor responses: images behind each point of a curve
  bool perShape = false;     // factor responses on shapes: also one curve per shape
  int maxImages = 10000;     // class responses and the latent map: a seeded random subset of the dataset
  quint64 seed = 0;          // the same seed encodes the same images
};

// The FactorVAE metric and MIG on the built-in dataset with ground truth, at the model's size.
DisentanglementReport measureDisentanglement(DecodeModel& model, const MetricSettings& settings,
                                             const std::function<bool(double)>& progress);
// The same record as JSON (factorvae evaluate --json's layout), written atomically.
void saveEvaluationRecord(const EvaluationRecord& record, const QString& path);

// On the built-in dataset with ground truth, at the model's size:
FactorResponses factorResponses(DecodeModel& model, const ResponseSettings& settings,
                                const std::function<bool(double)>& progress);
// On a dataset with labels; its images are converted to the model's size and channels where they differ:
ClassResponses classResponses(DecodeModel& model, const DatasetView& data, const ResponseSettings& settings,
                              const std::function<bool(double)>& progress);
LatentMap latentMap(DecodeModel& model, const DatasetView& data, const ResponseSettings& settings,
                    const std::function<bool(double)>& progress);
// Each dimension's mean KL to the prior over a seeded sample of 2,000 of the dataset's images (model/nn/activity.h:
// which dimensions are active), for a model whose file does not say (one trained elsewhere). The dataset must have
// the model's size and channels.
QVector<double> meanKl(DecodeModel& model, const DatasetView& data);

}  // namespace fvae::service
