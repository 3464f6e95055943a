#pragma once
// Adam with the update fused into one pass over memory for contiguous float CPU tensors. LibTorch 1.13's Adam makes
// ~8 passes; for the 5 M-parameter discriminator that alone cost ~20 ms a step here. Same state layout as
// torch::optim::Adam, so checkpoints save and load through Adam's own code; other tensors fall back to Adam::step.

#include <torch/torch.h>

namespace fvae {

class FusedAdam : public torch::optim::Adam {
 public:
  using torch::optim::Adam::Adam;
  torch::Tensor step(LossClosure closure = nullptr) override;
};

}  // namespace fvae
