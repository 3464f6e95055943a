#pragma once
// Adam with the update fused into one pass over memory. For contiguous float CPU tensors our own loop (LibTorch 1.13's
// Adam makes ~8 passes; for the 5 M-parameter discriminator that alone cost ~20 ms a step here); for GPU tensors
// LibTorch's fused kernel where the LibTorch has one (2.4 and newer), else Adam::step. The same state as
// torch::optim::Adam either way; checkpoints read and write it per parameter through state_of/set_state, which hide
// how the LibTorch version keys it, so they move between versions and devices.

#include <torch/torch.h>

#include <functional>
#include <optional>
#include <unordered_map>

#include "model/nn/bfloat16.h"

namespace fvae {

// One parameter's Adam state.
struct AdamState {
  int64_t step = 0;
  torch::Tensor exp_avg, exp_avg_sq;
};

class FusedAdam : public torch::optim::Adam {
 public:
  using torch::optim::Adam::Adam;
  size_t parameter_count() const;  // over all groups, in the order given
  // The state of the index-th parameter; none before its first step.
  std::optional<AdamState> state_of(size_t index) const;
  // Replaces the index-th parameter's state; the tensors must match the parameter's shape and are copied onto its
  // device. Throws std::invalid_argument otherwise.
  void set_state(size_t index, const AdamState& state);
  torch::Tensor step(LossClosure closure = nullptr) override;
  // The same update with our loop's elements divided into `parts` slices: `run_parts(slice)` must call slice(k) once
  // for every k in [0, parts), each on its own thread (the trainer's shard threads). Every element's update is its
  // own, so the result is step()'s (test_model checks it bit for bit).
  using PartRunner = std::function<void(const std::function<void(int part)>& slice)>;
  void step_in_parts(int parts, const PartRunner& run_parts);
  // Drops the gradients instead of zeroing them (PyTorch's zero_grad(set_to_none=True)): the next backward pass then
  // stores its result instead of adding it to zeros, saving a fill and an add over every parameter (~6 ms a step
  // for the 5 M-parameter discriminator here).
  void forget_gradients();
  // Writes the parameter's bfloat16 copy in the same pass as its update (saves a read of the weights; the
  // discriminator's bf16 products use it). The cache must outlive this optimiser.
  void mirror_in_bfloat16(const torch::Tensor& parameter, Bfloat16Cache& cache);

 private:
  enum class Kernel { Loop, LibTorch, Unfused };
  void update(int parts, const PartRunner& run_parts);
  Kernel kernel_for(const torch::Tensor& parameter) const;
  std::unordered_map<const void*, Bfloat16Cache*> mirrors_;
  std::unordered_map<const void*, torch::Tensor> step_tensors_;  // LibTorch's kernel reads the step from a tensor
};

}  // namespace fvae
