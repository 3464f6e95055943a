#pragma once
// Reconstruction quality and latent usage of a trained model on a dataset split.

#include <torch/torch.h>

#include <functional>
#include <vector>

#include "model/data/dataset.h"
#include "model/nn/networks.h"

namespace fvae {

struct EvaluationResult {
  int64_t images = 0;
  double bce_nats_per_image = 0;    // Bernoulli negative log-likelihood with z = μ, summed over pixels
  double mse_per_pixel = 0;         // mean squared error of the reconstruction (z = μ)
  std::vector<double> kl_per_dim;   // KL(q(z|x) || p(z)) averaged over images
  std::vector<double> mu_variance;  // variance of μ across images, per dimension
  int64_t active_dims = 0;          // active dimensions (model/nn/activity.h: mean KL ≥ 0.1 nats)
};

// The mean KL to the prior per dimension over a seeded subset of `max_images` images of `data` (model/nn/activity.h
// decides from it which dimensions are active), through `encode` (an encoder, or a snapshot of one).
std::vector<double> mean_kl_on(const std::function<Posterior(const torch::Tensor&)>& encode, const Dataset& data,
                               int64_t max_images = 2000, uint64_t seed = 0, int64_t batch_size = 250);

// Reconstruction errors per image of x and x̂ [N, C, H, W] in [0, 1]: Bernoulli NLL (nats, summed over pixels, x̂
// clamped to [1e-7, 1 − 1e-7]) and mean squared error per pixel. Both double [N].
struct ImageErrors {
  torch::Tensor bce_nats, mse;
};
ImageErrors per_image_errors(const torch::Tensor& images, const torch::Tensor& reconstructions);

// μ and log σ² of images of a dataset, one row per image, for tools outside this program (factorvae encode, the
// latent map's export).
struct DatasetCodes {
  torch::Tensor indices;     // int64 [N]: the dataset index of each row
  torch::Tensor mu, logvar;  // float [N, D], on the CPU
  bool complete = true;      // false when cancelled: the rows then cover the images done
};
// The images `indices` of `data` (every image when undefined), in batches through `encode` (an encoder, or a snapshot
// of one). Returns false from `progress` (fraction done) to cancel.
DatasetCodes encode_dataset(const std::function<Posterior(const torch::Tensor&)>& encode, const Dataset& data,
                            torch::Tensor indices = {}, int64_t batch_size = 256,
                            const std::function<bool(double)>& progress = {});

// Returns false from `progress` (fraction done) to cancel; the partial result then covers the images seen.
EvaluationResult evaluate_model(Networks& networks, const Dataset& data, int64_t batch_size = 256,
                                const std::function<bool(double)>& progress = {});

}  // namespace fvae
