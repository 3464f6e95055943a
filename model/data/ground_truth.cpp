#include "model/data/ground_truth.h"

namespace fvae {

torch::Tensor GroundTruthSource::sample_factors(int64_t n, at::Generator& generator) const {
  auto sizes = factor_sizes();
  auto out = torch::empty({n, static_cast<int64_t>(sizes.size())}, torch::kLong);
  for (size_t k = 0; k < sizes.size(); ++k)
    out.select(1, static_cast<int64_t>(k)).copy_(torch::randint(sizes[k], {n}, generator, torch::kLong));
  return out;
}

std::vector<std::vector<std::string>> GroundTruthSource::factor_value_names() const {
  std::vector<std::vector<std::string>> names;
  for (int64_t size : factor_sizes()) {
    names.emplace_back();
    for (int64_t v = 0; v < size; ++v) names.back().push_back(std::to_string(v));
  }
  return names;
}

}  // namespace fvae
