#pragma once
// The FactorVAE objective's pieces, each averaged over the batch so that β and γ mean the same at every batch size.

#include <torch/torch.h>

#include "model/base/config.h"

namespace fvae {

// KL(N(mu, exp(logvar)) || N(0, I)) for each sample and dimension: [B, D].
torch::Tensor kl_per_dimension(const torch::Tensor& mu, const torch::Tensor& logvar);

// z = mu + eps · exp(logvar / 2), eps drawn from `generator` on the CPU (so that CPU and CUDA runs draw alike).
torch::Tensor reparameterize(const torch::Tensor& mu, const torch::Tensor& logvar, at::Generator& generator);

// Per-image negative log-likelihood (summed over pixels), averaged over the batch.
// Bernoulli: BCE with logits. Gaussian: squared error of sigmoid(logits), as the original project's MSE.
torch::Tensor reconstruction_loss(const torch::Tensor& logits, const torch::Tensor& target, Reconstruction kind);

// Each column of z permuted independently across the batch: samples from the product of the marginals.
torch::Tensor permute_dimensions(const torch::Tensor& z, at::Generator& generator);

// Density-ratio estimate of total correlation: mean(logit_joint − logit_permuted) over the batch.
torch::Tensor total_correlation_estimate(const torch::Tensor& discriminator_logits);

struct DiscriminatorLoss {
  torch::Tensor loss;      // 0.5 · (CE(real, 0) + CE(permuted, 1))
  torch::Tensor accuracy;  // fraction classified correctly, both halves together
};
DiscriminatorLoss discriminator_loss(const torch::Tensor& logits_real, const torch::Tensor& logits_permuted);

}  // namespace fvae
