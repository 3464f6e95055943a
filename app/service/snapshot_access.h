#pragma once
// Inside app/service (LibTorch-typed; ui never sees it): the weights behind a DecodeModel, for the service's
// analysis and export jobs.

#include <torch/torch.h>

#include <memory>

#include "app/service/decode_model.h"
#include "model/analysis/metrics.h"
#include "model/inference/inference.h"

namespace fvae::service {

// One set of weights that does not change while the caller works: the model's own, or a copy of a live model's.
std::shared_ptr<ModelSnapshot> stableSnapshot(DecodeModel& model);
// Dataset images converted to the model's channels and size where they differ (a dataset opened before the model,
// at another size).
torch::Tensor modelInput(const ModelConfig& config, const torch::Tensor& images);
// The encoder means of a snapshot, on images of any size and channels.
RepresentationFunction encoderMeans(std::shared_ptr<ModelSnapshot> snapshot);

}  // namespace fvae::service
