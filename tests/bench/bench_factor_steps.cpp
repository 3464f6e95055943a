// What one step of each `shapes` factor is worth to the Bernoulli reconstruction term at 28, 32 and 64 px (nats per
// image, see model/factor_steps.h), and each size's ratio to 64 px: the factor by which β and γ shrink to price a nat
// of code as the paper does on 64×64 dSprites.
#include <cmath>
#include <cstdio>
#include <map>

#include "model/analysis/factor_steps.h"

int main(int argc, char** argv) {
  const int64_t pairs = argc > 1 ? std::atoll(argv[1]) : 4000;
  std::map<int64_t, std::vector<fvae::FactorStepValue>> by_size;
  for (int64_t size : {64, 32, 28}) by_size[size] = fvae::factor_step_values(fvae::ShapesDataset(size), pairs, 7);
  const auto& reference = by_size[64];
  std::printf("nats of reconstruction per image that resolving one factor step is worth (%lld pairs each)\n",
              static_cast<long long>(pairs));
  std::printf("%-13s %10s %10s %10s %10s %10s\n", "factor", "64 px", "32 px", "28 px", "32/64", "28/64");
  double log_ratio[2] = {0, 0};
  for (size_t k = 0; k < reference.size(); ++k) {
    const double r32 = by_size[32][k].nats / reference[k].nats, r28 = by_size[28][k].nats / reference[k].nats;
    log_ratio[0] += std::log(r32);
    log_ratio[1] += std::log(r28);
    std::printf("%-13s %10.3f %10.3f %10.3f %10.3f %10.3f\n", reference[k].factor.c_str(), reference[k].nats,
                by_size[32][k].nats, by_size[28][k].nats, r32, r28);
  }
  const double n = static_cast<double>(reference.size());
  std::printf("%-13s %10s %10s %10s %10.3f %10.3f\n", "geometric mean", "", "", "", std::exp(log_ratio[0] / n),
              std::exp(log_ratio[1] / n));
}
