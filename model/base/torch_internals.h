#pragma once
// Every use of LibTorch beyond its documented C++ API, in one place and with the version switches it needs (the
// project builds against Debian's LibTorch 1.13 and a current wheel's 2.x). Only torch_internals.cpp includes
// LibTorch's internal headers; the rest of the project calls these.

#include <torch/torch.h>

#include <c10/core/Event.h>

#include <string>
#include <vector>

namespace fvae::internals {

// A tensor's identity and its version counter (bumped by every in-place change), for caches keyed on both.
const void* identity(const torch::Tensor& tensor);
int64_t version_of(const torch::Tensor& tensor);
// A tensor written through a raw pointer: its version counter moves on, as after an in-place ATen op, so that
// autograd's checks and the caches above see the change.
void mark_written(const torch::Tensor& tensor);

// The key torch::optim::Optimizer's state map uses for a parameter: its TensorImpl's address, as text in LibTorch 1.x.
#if TORCH_VERSION_MAJOR >= 2
using OptimizerStateKey = void*;
#else
using OptimizerStateKey = std::string;
#endif
OptimizerStateKey optimizer_state_key(const torch::Tensor& parameter);

// LibTorch's own fused Adam (at::_fused_adam_, from LibTorch 2.4, for CPU and CUDA tensors): one kernel over a list
// of parameters, the same arithmetic as torch::optim::Adam without weight decay or AMSGrad. `steps` are float
// tensors on the parameters' device holding each parameter's step count after this step.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
constexpr bool kHasFusedAdam = true;
#else
constexpr bool kHasFusedAdam = false;
#endif
void fused_adam(const std::vector<torch::Tensor>& parameters, const std::vector<torch::Tensor>& gradients,
                const std::vector<torch::Tensor>& exp_avgs, const std::vector<torch::Tensor>& exp_avg_sqs,
                const std::vector<torch::Tensor>& steps, double lr, double beta1, double beta2, double eps);

// The default CPU generator, whose state a checkpoint saves so that a resumed run draws what the first would have.
at::Generator default_cpu_generator();

// Records `event` on the current stream of `device` (after queued copies from a GPU).
void record_on_current_stream(c10::Event& event, const torch::Device& device);

// Whether the current CUDA device computes bfloat16 natively (cuDNN's own test; false without CUDA).
bool cuda_supports_bfloat16();

// Sets denormal flushing on the calling thread (ATen's global context does it per thread).
void set_flush_denormal(bool on);

// `value` in torch.save's zip format, pickled without TorchScript type tags, so that torch.load's default
// weights_only mode opens it.
std::vector<char> torch_save_bytes(const c10::IValue& value);

}  // namespace fvae::internals
