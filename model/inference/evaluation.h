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
  int64_t active_dims = 0;          // dimensions with Var_x[μ] > 0.01 (Burda et al.'s activity criterion)
};

// Reconstruction errors per image of x and x̂ [N, C, H, W] in [0, 1]: Bernoulli NLL (nats, summed over pixels, x̂
// clamped to [1e-7, 1 − 1e-7]) and mean squared error per pixel. Both double [N].
struct ImageErrors {
  torch::Tensor bce_nats, mse;
};
ImageErrors per_image_errors(const torch::Tensor& images, const torch::Tensor& reconstructions);

// Returns false from `progress` (fraction done) to cancel; the partial result then covers the images seen.
EvaluationResult evaluate_model(Networks& networks, const Dataset& data, int64_t batch_size = 256,
                                const std::function<bool(double)>& progress = {});

}  // namespace fvae
