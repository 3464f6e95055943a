#include "model/nn/bfloat16.h"

#include "model/base/torch_internals.h"

namespace fvae {

namespace {

void convert_to_bfloat16(const float* from, at::BFloat16* to, int64_t n) {
  const uint32_t* in = reinterpret_cast<const uint32_t*>(from);
  uint16_t* out = reinterpret_cast<uint16_t*>(to);
  for (int64_t i = 0; i < n; ++i) out[i] = bfloat16_bits(in[i]);
}

}  // namespace

torch::Tensor to_bfloat16(const torch::Tensor& values) {
  if (!values.device().is_cpu() || values.scalar_type() != torch::kFloat) return values.to(torch::kBFloat16);
  auto source = values.contiguous();
  auto out = torch::empty(source.sizes(), source.options().dtype(torch::kBFloat16));
  convert_to_bfloat16(source.data_ptr<float>(), out.data_ptr<at::BFloat16>(), source.numel());
  return out;
}

torch::Tensor to_float(const torch::Tensor& values) {
  if (!values.device().is_cpu() || values.scalar_type() != torch::kBFloat16) return values.to(torch::kFloat);
  auto source = values.contiguous();
  auto out = torch::empty(source.sizes(), source.options().dtype(torch::kFloat));
  const uint16_t* in = reinterpret_cast<const uint16_t*>(source.data_ptr<at::BFloat16>());
  uint32_t* dst = reinterpret_cast<uint32_t*>(out.data_ptr<float>());
  const int64_t n = source.numel();
  for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<uint32_t>(in[i]) << 16;  // exact: bf16 is fp32's top half
  return out;
}

namespace {

class Bfloat16Linear : public torch::autograd::Function<Bfloat16Linear> {
 public:
  static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                               const torch::Tensor& /*weight: the leaf its gradient goes to*/,
                               const torch::Tensor& bias, const torch::Tensor& weight_bf16) {
    ctx->save_for_backward({x, weight_bf16});
    return torch::addmm(to_bfloat16(bias), x, weight_bf16.t());
  }

  static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                               torch::autograd::tensor_list grads) {
    const auto saved = ctx->get_saved_variables();
    const auto& x = saved[0];
    const auto& weight_bf16 = saved[1];
    auto grad = to_bfloat16(grads[0]);
    torch::Tensor grad_x, grad_weight, grad_bias;
    if (ctx->needs_input_grad(0)) grad_x = grad.mm(weight_bf16);
    if (ctx->needs_input_grad(1)) grad_weight = to_float(grad.t().mm(x));
    if (ctx->needs_input_grad(2)) grad_bias = grad.to(torch::kFloat).sum(0);
    return {grad_x, grad_weight, grad_bias, torch::Tensor()};
  }
};

}  // namespace

torch::Tensor bfloat16_linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                              const torch::Tensor& weight_bf16) {
  return Bfloat16Linear::apply(x, weight, bias, weight_bf16);
}

const torch::Tensor& Bfloat16Cache::get(const torch::Tensor& weight) {
  if (current_for(weight)) return copy_;
  torch::NoGradGuard no_grad;
  if (weight.device().is_cpu() && weight.scalar_type() == torch::kFloat && weight.is_contiguous()) {
    convert_to_bfloat16(weight.data_ptr<float>(), reinterpret_cast<at::BFloat16*>(values_for(weight)), weight.numel());
  } else {
    copy_ = to_bfloat16(weight.detach());
  }
  mark_current(weight);
  return copy_;
}

void Bfloat16Cache::reserve_for(const torch::Tensor& weight) {
  if (copy_.defined() && copy_.sizes() == weight.sizes() && copy_.device() == weight.device()) return;
  copy_ = torch::empty(weight.sizes(), weight.options().dtype(torch::kBFloat16).requires_grad(false));
}

uint16_t* Bfloat16Cache::values_for(const torch::Tensor& weight) {
  reserve_for(weight);
  // Rewritten in place: a graph that saved the old values must not use them silently.
  internals::mark_written(copy_);
  return reinterpret_cast<uint16_t*>(copy_.data_ptr<at::BFloat16>());
}

void Bfloat16Cache::mark_current(const torch::Tensor& weight) {
  source_ = internals::identity(weight);
  version_ = internals::version_of(weight);
}

bool Bfloat16Cache::current_for(const torch::Tensor& weight) const {
  return copy_.defined() && source_ == internals::identity(weight) && version_ == internals::version_of(weight) &&
         copy_.device() == weight.device() && copy_.sizes() == weight.sizes();
}

}  // namespace fvae
