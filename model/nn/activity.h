#pragma once
// When a latent dimension is inactive (collapsed to the prior): the one definition for the metrics, the latent
// responses, the explorer, the latent map, the naming and the candidates table. A dimension is active when its KL to
// the prior, averaged over the data, is at least kActiveKlNats: 0.1 nats is a seventh of a bit, less than the
// difference between two of the 40 orientations of the shapes; dimensions below it carry nothing a person could see
// (the KL 0.04–0.09 nats of collapsed dimensions that an earlier Var[μ] > 0.01 rule counted as active).
// UDR keeps its published filter (KL ≤ 0.01 nats, disentanglement_lib) inside its ranking. No LibTorch here: the
// widgets show it too.

#include <cstdint>
#include <vector>

namespace fvae {

constexpr double kActiveKlNats = 0.1;

inline bool is_active(double mean_kl_nats) { return mean_kl_nats >= kActiveKlNats; }

// Per dimension, from the mean KL per dimension; every dimension when the KL is unknown (empty).
inline std::vector<bool> active_dimensions(const std::vector<double>& mean_kl, int64_t latent_dim) {
  std::vector<bool> active(static_cast<size_t>(latent_dim), true);
  for (size_t d = 0; d < active.size() && d < mean_kl.size(); ++d) active[d] = is_active(mean_kl[d]);
  return active;
}

}  // namespace fvae
