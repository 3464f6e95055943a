#include "model/inference/evaluation.h"

#include "model/inference/inference.h"
#include "model/nn/activity.h"
#include "model/nn/objective.h"

namespace fvae {

ImageErrors per_image_errors(const torch::Tensor& images, const torch::Tensor& reconstructions) {
  TORCH_CHECK(images.dim() == 4 && images.sizes() == reconstructions.sizes(),
              "errors need images and reconstructions [N, C, H, W] of one shape, got ", images.sizes(), " and ",
              reconstructions.sizes());
  auto x = images.to(torch::kDouble), r = reconstructions.to(torch::kDouble).clamp(1e-7, 1 - 1e-7);
  auto bce = torch::binary_cross_entropy(r, x, {}, at::Reduction::None).flatten(1).sum(1);
  auto mse = (r - x).pow(2).flatten(1).mean(1);
  return {bce, mse};
}

DatasetCodes encode_dataset(const std::function<Posterior(const torch::Tensor&)>& encode, const Dataset& data,
                            torch::Tensor indices, int64_t batch_size, const std::function<bool(double)>& progress) {
  if (!indices.defined()) indices = torch::arange(data.size(), torch::kLong);
  const int64_t n = indices.size(0);
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> mu, logvar;
  DatasetCodes codes;
  int64_t done = 0;
  for (int64_t start = 0; start < n; start += batch_size) {
    const auto batch = indices.slice(0, start, std::min(n, start + batch_size));
    const auto posterior = encode(data.images(batch));
    mu.push_back(posterior.mu.detach().to(torch::kCPU, torch::kFloat));
    logvar.push_back(posterior.logvar.detach().to(torch::kCPU, torch::kFloat));
    done += batch.size(0);
    if (progress && !progress(static_cast<double>(done) / static_cast<double>(n)) && done < n) {
      codes.complete = false;
      break;
    }
  }
  codes.indices = indices.slice(0, 0, done).clone();
  codes.mu = mu.empty() ? torch::zeros({0, 0}) : torch::cat(mu);
  codes.logvar = logvar.empty() ? torch::zeros({0, 0}) : torch::cat(logvar);
  return codes;
}

EvaluationResult evaluate_model(Networks& networks, const Dataset& data, int64_t batch_size,
                                const std::function<bool(double)>& progress) {
  EvaluationResult result;
  const int64_t n = data.size(), L = networks.config.latent_dim;
  auto kl_sum = torch::zeros({L}, torch::kDouble);
  auto mu_sum = torch::zeros({L}, torch::kDouble), mu_sq_sum = torch::zeros({L}, torch::kDouble);
  double bce = 0, squared = 0;
  int64_t pixels_per_image = 0;
  for (int64_t start = 0; start < n; start += batch_size) {
    auto x = data.images(torch::arange(start, std::min(n, start + batch_size), torch::kLong));
    auto posterior = encode(networks.encoder, x);
    auto errors = per_image_errors(x, decode(networks.decoder, posterior.mu));
    auto mu = posterior.mu.to(torch::kDouble);
    pixels_per_image = x[0].numel();
    bce += errors.bce_nats.sum().item<double>();
    squared += errors.mse.sum().item<double>() * static_cast<double>(pixels_per_image);
    kl_sum += kl_per_dimension(mu, posterior.logvar.to(torch::kDouble)).sum(0);
    mu_sum += mu.sum(0);
    mu_sq_sum += mu.pow(2).sum(0);
    result.images += x.size(0);
    if (progress && !progress(static_cast<double>(result.images) / n)) break;
  }
  const double count = static_cast<double>(std::max<int64_t>(result.images, 1));
  result.bce_nats_per_image = bce / count;
  result.mse_per_pixel = squared / (count * static_cast<double>(std::max<int64_t>(pixels_per_image, 1)));
  auto kl = kl_sum / count;
  auto mean = mu_sum / count;
  auto variance = (mu_sq_sum / count - mean.pow(2)).clamp_min(0);
  result.kl_per_dim.assign(kl.data_ptr<double>(), kl.data_ptr<double>() + L);
  result.mu_variance.assign(variance.data_ptr<double>(), variance.data_ptr<double>() + L);
  for (double k : result.kl_per_dim) result.active_dims += is_active(k) ? 1 : 0;
  return result;
}

std::vector<double> mean_kl_on(const std::function<Posterior(const torch::Tensor&)>& encode, const Dataset& data,
                               int64_t max_images, uint64_t seed, int64_t batch_size) {
  const int64_t n = std::min<int64_t>(max_images, data.size());
  const auto indices = subset_indices(data.size(), n, seed);
  torch::Tensor sum;
  for (int64_t start = 0; start < n; start += batch_size) {
    const auto batch = indices.narrow(0, start, std::min(batch_size, n - start));
    const auto posterior = encode(data.images(batch));
    const auto kl = kl_per_dimension(posterior.mu.to(torch::kDouble), posterior.logvar.to(torch::kDouble)).sum(0);
    sum = sum.defined() ? sum + kl : kl;
  }
  if (!sum.defined()) return {};
  const auto mean = (sum / static_cast<double>(n)).cpu().contiguous();
  return std::vector<double>(mean.data_ptr<double>(), mean.data_ptr<double>() + mean.numel());
}

}  // namespace fvae
