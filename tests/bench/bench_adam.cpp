// Adam steps over the paper's discriminator (5.0 M parameters in 7 tensors) on the CPU, one thread: this project's
// fused loop (FusedAdam), LibTorch's own fused kernel (at::_fused_adam_, LibTorch 2.4 and newer) and LibTorch's
// plain Adam, in one run, the same arithmetic each. Decides which FusedAdam uses on the CPU.
//   build/tests/bench_adam [STEPS (default 200)]
#include <torch/torch.h>

#include <chrono>
#include <cstdio>

#include "model/base/platform.h"
#include "model/base/torch_internals.h"
#include "model/nn/fused_adam.h"
#include "model/nn/networks.h"

using namespace fvae;

namespace {

std::vector<torch::Tensor> parameters_with_gradients() {
  torch::manual_seed(1);
  Discriminator discriminator{ModelConfig{}};
  std::vector<torch::Tensor> params;
  for (auto& p : discriminator->parameters()) {
    auto q = p.detach().clone().set_requires_grad(true);
    q.mutable_grad() = torch::randn_like(q) * 1e-3;
    params.push_back(q);
  }
  return params;
}

template <typename Step>
double milliseconds_per_step(int steps, Step step) {
  for (int i = 0; i < 10; ++i) step();  // warm-up: state allocated, caches filled
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) step();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / steps;
}

}  // namespace

int main(int argc, char** argv) {
  const int steps = argc > 1 ? std::atoi(argv[1]) : 200;
  set_compute_threads(1);
  int64_t count = 0;
  for (const auto& p : parameters_with_gradients()) count += p.numel();
  std::printf("LibTorch %s, %lld parameters, %d steps, 1 thread\n", TORCH_VERSION, static_cast<long long>(count),
              steps);
  const auto options = torch::optim::AdamOptions(1e-4).betas({0.5, 0.9});

  auto ours = parameters_with_gradients();
  FusedAdam fused(ours, options);
  std::printf("%-40s %8.3f ms/step\n", "FusedAdam, our loop", milliseconds_per_step(steps, [&] { fused.step(); }));

  auto plain_params = parameters_with_gradients();
  torch::optim::Adam plain(plain_params, options);
  std::printf("%-40s %8.3f ms/step\n", "torch::optim::Adam", milliseconds_per_step(steps, [&] { plain.step(); }));

  if constexpr (internals::kHasFusedAdam) {
    auto params = parameters_with_gradients();
    std::vector<torch::Tensor> grads, exp_avgs, exp_avg_sqs, counts;
    for (auto& p : params) {
      grads.push_back(p.grad());
      exp_avgs.push_back(torch::zeros_like(p));
      exp_avg_sqs.push_back(torch::zeros_like(p));
      counts.push_back(torch::zeros({}));
    }
    torch::NoGradGuard no_grad;
    double step = 0;
    const double ms = milliseconds_per_step(steps, [&] {
      step += 1;
      for (auto& c : counts) c.fill_(step);
      std::vector<torch::Tensor> detached;
      for (auto& p : params) detached.push_back(p.detach());
      internals::fused_adam(detached, grads, exp_avgs, exp_avg_sqs, counts, 1e-4, 0.5, 0.9, 1e-8);
    });
    std::printf("%-40s %8.3f ms/step\n", "at::_fused_adam_ (LibTorch's kernel)", ms);
    // The same arithmetic: after the same steps, the weights agree.
    double worst = 0;
    auto check = parameters_with_gradients();
    FusedAdam reference(check, options);
    for (int i = 0; i < steps + 10; ++i) reference.step();
    for (size_t i = 0; i < params.size(); ++i)
      worst = std::max(worst, (params[i] - check[i]).abs().max().item<double>());
    std::printf("largest difference between the two fused updates after %d steps: %.3g\n", steps + 10, worst);
  } else {
    std::printf("at::_fused_adam_: not in this LibTorch (it needs 2.4 or newer)\n");
  }
  return 0;
}
