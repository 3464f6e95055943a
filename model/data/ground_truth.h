#pragma once
// The ground-truth interface of the disentanglement metrics (as disentanglement_lib's GroundTruthData): a source that
// renders observations from known factors of variation. Apart from any dataset: the built-in shapes implement it.

#include <torch/torch.h>

#include <string>
#include <vector>

namespace fvae {

// Images generated from known factors of variation; what the disentanglement metrics need.
class GroundTruthSource {
 public:
  virtual ~GroundTruthSource() = default;
  virtual std::vector<int64_t> factor_sizes() const = 0;
  virtual std::vector<std::string> factor_names() const = 0;
  // [factor][value]: how each value reads on an axis ("heart", "0.7", "90°"); by default its index.
  virtual std::vector<std::vector<std::string>> factor_value_names() const;
  // Uniform random factor indices [n, K] drawn from `generator`.
  torch::Tensor sample_factors(int64_t n, at::Generator& generator) const;
  // Float images [n, C, H, W] for factor indices [n, K].
  virtual torch::Tensor render(const torch::Tensor& factors) const = 0;
};

}  // namespace fvae
