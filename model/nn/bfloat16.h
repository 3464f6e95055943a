#pragma once
// Mixed-precision linear layers for the discriminator: bfloat16 products of fp32 master weights. On CPUs with AMX
// the products run several times faster than in fp32, but ATen's own fp32 ↔ bf16 conversion costs ~1.7 ns per
// element here — more than the products save when every forward casts 5 M weights. So the weights are converted once
// per change (the cache follows the tensors' version counters) by a plain loop, and the weight gradient is computed
// and converted in one place.

#include <torch/torch.h>

namespace fvae {

// One fp32 value (as its bits) → bfloat16 bits, round to nearest even, bit-identical to ATen's conversion (NaN stays
// NaN). Inline so that loops over it vectorise.
inline uint16_t bfloat16_bits(uint32_t bits) {
  const bool nan = (bits & 0x7fffffffu) > 0x7f800000u;
  // Round to nearest, ties to even: add 0x7fff plus the lowest kept bit, then drop the low half.
  const uint32_t rounded = (bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16;
  return nan ? static_cast<uint16_t>((bits >> 16) | 0x0040u) : static_cast<uint16_t>(rounded);
}

// fp32 → bfloat16 (bfloat16_bits for each value). Any device; on the CPU a vectorisable loop. Not recorded by
// autograd: for weights and inside backward passes.
torch::Tensor to_bfloat16(const torch::Tensor& values);
// bfloat16 → fp32 (exact).
torch::Tensor to_float(const torch::Tensor& values);

// y = x·Wᵀ + b with x in bfloat16, W and b fp32 leaves and W_bf16 a bfloat16 copy of W. Gradients: x's in bfloat16,
// W's and b's in fp32 (products in bfloat16, as mixed-precision training does).
torch::Tensor bfloat16_linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                              const torch::Tensor& weight_bf16);

// A bfloat16 copy of a weight, remade only when the weight has changed (optimiser step, load) since the last call,
// into the same buffer (a fresh 10 MB a step cost ~2,500 page faults).
class Bfloat16Cache {
 public:
  const torch::Tensor& get(const torch::Tensor& weight);

  // For a writer that updates a CPU weight and its copy in one pass (FusedAdam): the copy's values, sized for the
  // weight, to be overwritten; then mark_current once the weight's version counter has moved on.
  uint16_t* values_for(const torch::Tensor& weight);
  void mark_current(const torch::Tensor& weight);
  bool current_for(const torch::Tensor& weight) const;

 private:
  void reserve_for(const torch::Tensor& weight);

  torch::Tensor copy_;
  const void* source_ = nullptr;
  int64_t version_ = -1;
};

}  // namespace fvae
