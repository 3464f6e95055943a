#include "model/analysis/factor_steps.h"

namespace fvae {

torch::Tensor bernoulli_js_nats(const torch::Tensor& a, const torch::Tensor& b) {
  TORCH_CHECK(a.sizes() == b.sizes(), "bernoulli_js_nats: the two batches differ in shape");
  auto p = a.to(torch::kDouble).flatten(1);
  auto q = b.to(torch::kDouble).flatten(1);
  auto m = (p + q) / 2;
  // x·ln(x / m) with 0·ln 0 = 0, for a value and its complement.
  auto term = [](const torch::Tensor& x, const torch::Tensor& mean) {
    return torch::where(x > 0, x * (x.clamp_min(1e-300) / mean.clamp_min(1e-300)).log(), torch::zeros_like(x));
  };
  auto kl = [&](const torch::Tensor& x) { return term(x, m) + term(1 - x, 1 - m); };
  return ((kl(p) + kl(q)) / 2).sum(1);
}

std::vector<FactorStepValue> factor_step_values(const GroundTruthSource& source, int64_t pairs, uint64_t seed) {
  auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
  const auto sizes = source.factor_sizes();
  const auto names = source.factor_names();
  auto base = source.sample_factors(pairs, generator);
  auto images = source.render(base);
  std::vector<FactorStepValue> values;
  for (size_t k = 0; k < sizes.size(); ++k) {
    auto neighbour = base.clone();
    auto column = neighbour.select(1, static_cast<int64_t>(k));
    column.copy_(torch::where(column == sizes[k] - 1, column - 1, column + 1));
    auto js = bernoulli_js_nats(images, source.render(neighbour));
    values.push_back({names[k], js.mean().item<double>()});
  }
  return values;
}

}  // namespace fvae
