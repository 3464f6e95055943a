#pragma once
// What resolving one step of a ground-truth factor is worth to a Bernoulli reconstruction term. A decoder that
// cannot tell two neighbouring values of a factor apart draws their average m = (a + b) / 2; against drawing each
// image exactly it loses, per image, ½·Σ_pixels [KL(a‖m) + KL(b‖m)] nats: the Jensen–Shannon divergence of the two
// images, pixel by pixel. This is the reward the KL term's β and the TC term's γ are weighed against, so the ratio of
// these values at two image sizes says how to rescale β and γ to price a nat of code as another size does.

#include <torch/torch.h>

#include <string>
#include <vector>

#include "model/data/shapes.h"

namespace fvae {

// Per image of two batches of intensities in [0, 1] ([n, ...] each): Σ over pixels of the Jensen–Shannon divergence
// between Bernoulli(a) and Bernoulli(b), in nats ([n], double). Binary images differing in k pixels give k·ln 2.
torch::Tensor bernoulli_js_nats(const torch::Tensor& a, const torch::Tensor& b);

struct FactorStepValue {
  std::string factor;
  double nats = 0;  // mean over the sampled pairs
};

// For each factor: `pairs` random factor combinations (seeded), each against the same combination with that factor
// one value higher (one lower at the top value); the mean Jensen–Shannon divergence of the rendered pairs.
std::vector<FactorStepValue> factor_step_values(const GroundTruthSource& source, int64_t pairs, uint64_t seed);

}  // namespace fvae
