#include "model/nn/objective.h"

namespace fvae {

torch::Tensor kl_per_dimension(const torch::Tensor& mu, const torch::Tensor& logvar) {
  return 0.5 * (mu.pow(2) + logvar.exp() - logvar - 1.0);
}

torch::Tensor reparameterize(const torch::Tensor& mu, const torch::Tensor& logvar, at::Generator& generator) {
  auto eps = torch::randn(mu.sizes(), generator, torch::TensorOptions().dtype(mu.dtype()));
  return mu + eps.to(mu.device()) * (0.5 * logvar).exp();
}

torch::Tensor reconstruction_loss(const torch::Tensor& logits, const torch::Tensor& target, Reconstruction kind) {
  const auto batch = static_cast<double>(logits.size(0));
  if (kind == Reconstruction::Bernoulli)
    return torch::binary_cross_entropy_with_logits(logits, target, {}, {}, at::Reduction::Sum) / batch;
  return (torch::sigmoid(logits) - target).pow(2).sum() / batch;
}

torch::Tensor permute_dimensions(const torch::Tensor& z, at::Generator& generator) {
  TORCH_CHECK(z.dim() == 2, "permute_dimensions expects [batch, latent], got ", z.sizes());
  // argsort of uniform noise gives an independent uniformly random permutation per column.
  auto order = torch::rand({z.size(0), z.size(1)}, generator).argsort(/*dim=*/int64_t{0}).to(z.device());
  return z.gather(0, order);
}

torch::Tensor total_correlation_estimate(const torch::Tensor& logits) {
  return (logits.select(1, 0) - logits.select(1, 1)).mean();
}

DiscriminatorLoss discriminator_loss(const torch::Tensor& logits_real, const torch::Tensor& logits_permuted) {
  auto opts = torch::TensorOptions().dtype(torch::kLong).device(logits_real.device());
  auto zeros = torch::zeros({logits_real.size(0)}, opts);
  auto ones = torch::ones({logits_permuted.size(0)}, opts);
  auto loss = 0.5 * (torch::nn::functional::cross_entropy(logits_real, zeros) +
                     torch::nn::functional::cross_entropy(logits_permuted, ones));
  auto correct = (logits_real.argmax(1) == 0).sum() + (logits_permuted.argmax(1) == 1).sum();
  auto accuracy = correct.to(torch::kDouble) / static_cast<double>(logits_real.size(0) + logits_permuted.size(0));
  return {loss, accuracy};
}

}  // namespace fvae
