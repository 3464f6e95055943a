#include "model/nn/fused_adam.h"

#include "model/base/torch_internals.h"

#include <cmath>
#include <cstring>

namespace fvae {

namespace {

// One pass: the same arithmetic as torch::optim::Adam without weight decay or AMSGrad; with `mirror`, the new
// weights rounded to bfloat16 as well.
// One clone per instruction set, chosen when the program loads (an ifunc). ThreadSanitizer's runtime is not up yet
// when ifunc resolvers run, so sanitizer builds keep the one default version.
#ifdef FACTORVAE_SANITIZED
#define FACTORVAE_CLONES
#else
#define FACTORVAE_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#endif
FACTORVAE_CLONES void adam_update(float* __restrict p, const float* __restrict g, float* __restrict m,
                                  float* __restrict v, uint16_t* __restrict mirror, int64_t n, float beta1, float beta2,
                                  float inv_sqrt_bc2, float eps, float step_size) {
  const float a1 = 1.0f - beta1, a2 = 1.0f - beta2;
  auto update = [&](int64_t i) {
    const float gi = g[i];
    const float mi = beta1 * m[i] + a1 * gi;
    const float vi = beta2 * v[i] + a2 * gi * gi;
    m[i] = mi;
    v[i] = vi;
    return p[i] - step_size * mi / (std::sqrt(vi) * inv_sqrt_bc2 + eps);
  };
  if (mirror) {
    for (int64_t i = 0; i < n; ++i) {
      const float pi = update(i);
      p[i] = pi;
      uint32_t bits;
      std::memcpy(&bits, &pi, sizeof bits);
      mirror[i] = bfloat16_bits(bits);
    }
  } else {
    for (int64_t i = 0; i < n; ++i) p[i] = update(i);
  }
}

// Where torch::optim::Adam keeps a parameter's state.
internals::OptimizerStateKey state_key(const torch::Tensor& p) { return internals::optimizer_state_key(p); }

}  // namespace

size_t FusedAdam::parameter_count() const {
  size_t n = 0;
  for (const auto& group : param_groups_) n += group.params().size();
  return n;
}

namespace {
const torch::Tensor& parameter_at(const std::vector<torch::optim::OptimizerParamGroup>& groups, size_t index) {
  for (const auto& group : groups) {
    if (index < group.params().size()) return group.params()[index];
    index -= group.params().size();
  }
  throw std::invalid_argument("optimiser parameter index " + std::to_string(index) + " out of range");
}
}  // namespace

std::optional<AdamState> FusedAdam::state_of(size_t index) const {
  const auto it = state_.find(state_key(parameter_at(param_groups_, index)));
  if (it == state_.end()) return std::nullopt;
  const auto& s = static_cast<const torch::optim::AdamParamState&>(*it->second);
  return AdamState{s.step(), s.exp_avg(), s.exp_avg_sq()};
}

void FusedAdam::set_state(size_t index, const AdamState& state) {
  const torch::Tensor& p = parameter_at(param_groups_, index);
  if (!state.exp_avg.defined() || !state.exp_avg_sq.defined() || state.exp_avg.sizes() != p.sizes() ||
      state.exp_avg_sq.sizes() != p.sizes() || state.step < 0)
    throw std::invalid_argument("optimiser state " + std::to_string(index) + " does not fit its parameter");
  auto s = std::make_unique<torch::optim::AdamParamState>();
  s->step(state.step);
  const auto options = p.options().requires_grad(false);
  s->exp_avg(state.exp_avg.to(options).clone(torch::MemoryFormat::Contiguous));
  s->exp_avg_sq(state.exp_avg_sq.to(options).clone(torch::MemoryFormat::Contiguous));
  state_[state_key(p)] = std::move(s);
}

FusedAdam::Kernel FusedAdam::kernel_for(const torch::Tensor& parameter) const {
  if (parameter.device().is_cpu())
    return parameter.scalar_type() == torch::kFloat && parameter.is_contiguous() ? Kernel::Loop : Kernel::Unfused;
  return internals::kHasFusedAdam ? Kernel::LibTorch : Kernel::Unfused;
}

torch::Tensor FusedAdam::step(LossClosure closure) {
  torch::NoGradGuard no_grad;
  torch::Tensor loss = {};
  if (closure != nullptr) {
    at::AutoGradMode enable_grad(true);
    loss = closure();
  }
  update(1, {});
  return loss;
}

void FusedAdam::step_in_parts(int parts, const PartRunner& run_parts) {
  torch::NoGradGuard no_grad;
  update(parts, run_parts);
}

void FusedAdam::update(int parts, const PartRunner& run_parts) {
  bool fallback = false;
  for (auto& group : param_groups_) {
    auto& options = static_cast<torch::optim::AdamOptions&>(group.options());
    if (options.weight_decay() != 0 || options.amsgrad()) fallback = true;
    for (auto& p : group.params())
      if (p.grad().defined() && (kernel_for(p) == Kernel::Unfused || !p.grad().is_contiguous())) fallback = true;
  }
  if (fallback) {
    torch::optim::Adam::step(nullptr);
    return;
  }

  // Our loop's updates, gathered first: each element's update depends on that element alone, so the loop can run in
  // slices on several threads with the same result for every element.
  struct LoopUpdate {
    torch::Tensor p, exp_avg, exp_avg_sq;
    Bfloat16Cache* cache;
    uint16_t* mirror;
    float beta1, beta2, inv_sqrt_bc2, eps, step_size;
  };
  std::vector<LoopUpdate> loops;
  for (auto& group : param_groups_) {
    auto& options = static_cast<torch::optim::AdamOptions&>(group.options());
    const double beta1 = std::get<0>(options.betas()), beta2 = std::get<1>(options.betas());
    // Parameters for LibTorch's kernel, gathered so that one call updates them all.
    std::vector<torch::Tensor> params, grads, exp_avgs, exp_avg_sqs, steps;
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;
      const auto key = state_key(p);
      auto it = state_.find(key);
      if (it == state_.end()) {
        auto state = std::make_unique<torch::optim::AdamParamState>();
        state->step(0);
        state->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
        state->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Contiguous));
        it = state_.emplace(key, std::move(state)).first;
      }
      auto& state = static_cast<torch::optim::AdamParamState&>(*it->second);
      state.step(state.step() + 1);
      if (kernel_for(p) == Kernel::LibTorch) {
        params.push_back(p), grads.push_back(p.grad());
        exp_avgs.push_back(state.exp_avg()), exp_avg_sqs.push_back(state.exp_avg_sq());
        // The kernel reads the step count from a tensor on the parameter's device; the state keeps the integer.
        auto& count = step_tensors_[internals::identity(p)];
        if (!count.defined() || count.device() != p.device())
          count = torch::empty({}, p.options().dtype(torch::kFloat).requires_grad(false));
        count.fill_(static_cast<double>(state.step()));
        steps.push_back(count);
        continue;  // a bf16 copy sees the weight's version move on and is remade when used
      }
      const double bias_correction1 = 1 - std::pow(beta1, static_cast<double>(state.step()));
      const double bias_correction2 = 1 - std::pow(beta2, static_cast<double>(state.step()));
      const auto mirror = mirrors_.find(internals::identity(p));
      Bfloat16Cache* cache = mirror == mirrors_.end() ? nullptr : mirror->second;
      loops.push_back({p, state.exp_avg(), state.exp_avg_sq(), cache, cache ? cache->values_for(p) : nullptr,
                       static_cast<float>(beta1), static_cast<float>(beta2),
                       static_cast<float>(1.0 / std::sqrt(bias_correction2)), static_cast<float>(options.eps()),
                       static_cast<float>(options.lr() / bias_correction1)});
    }
    if (!params.empty())
      internals::fused_adam(params, grads, exp_avgs, exp_avg_sqs, steps, options.lr(), beta1, beta2, options.eps());
  }
  const int slices = run_parts ? std::max(1, parts) : 1;
  // Slices start at multiples of 64 elements: every element then goes through the same code (vectorised body or
  // scalar tail) at the same alignment as in one loop over the whole tensor, and rounds the same.
  auto boundary = [slices](int64_t n, int part) { return part >= slices ? n : n * part / slices / 64 * 64; };
  auto run_slice = [&](int part) {
    for (const auto& u : loops) {
      const int64_t n = u.p.numel(), first = boundary(n, part), count = boundary(n, part + 1) - first;
      if (count <= 0) continue;
      adam_update(u.p.data_ptr<float>() + first, u.p.grad().data_ptr<float>() + first,
                  u.exp_avg.data_ptr<float>() + first, u.exp_avg_sq.data_ptr<float>() + first,
                  u.mirror ? u.mirror + first : nullptr, count, u.beta1, u.beta2, u.inv_sqrt_bc2, u.eps, u.step_size);
    }
  };
  if (slices > 1)
    run_parts(run_slice);
  else
    run_slice(0);
  for (const auto& u : loops) {
    // Written through raw pointers: tell autograd and caches keyed on the version counter (bf16 copies) that the
    // weight changed, as an in-place ATen op would.
    internals::mark_written(u.p);
    if (u.cache) u.cache->mark_current(u.p);
    internals::mark_written(u.exp_avg);
    internals::mark_written(u.exp_avg_sq);
  }
}

void FusedAdam::mirror_in_bfloat16(const torch::Tensor& parameter, Bfloat16Cache& cache) {
  mirrors_[internals::identity(parameter)] = &cache;
}

void FusedAdam::forget_gradients() {
  for (auto& group : param_groups_)
    for (auto& p : group.params()) p.mutable_grad().reset();
}

}  // namespace fvae
