#include "model/base/torch_internals.h"

#include <ATen/Context.h>
#include <ATen/detail/CUDAHooksInterface.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/export.h>
#include <torch/csrc/jit/serialization/pickler.h>

namespace fvae::internals {

const void* identity(const torch::Tensor& tensor) { return tensor.unsafeGetTensorImpl(); }

int64_t version_of(const torch::Tensor& tensor) { return static_cast<int64_t>(tensor._version()); }

void mark_written(const torch::Tensor& tensor) { tensor.unsafeGetTensorImpl()->bump_version(); }

OptimizerStateKey optimizer_state_key(const torch::Tensor& parameter) {
#if TORCH_VERSION_MAJOR >= 2
  return static_cast<void*>(parameter.unsafeGetTensorImpl());
#else
  return c10::guts::to_string(parameter.unsafeGetTensorImpl());
#endif
}

void fused_adam(const std::vector<torch::Tensor>& parameters, const std::vector<torch::Tensor>& gradients,
                const std::vector<torch::Tensor>& exp_avgs, const std::vector<torch::Tensor>& exp_avg_sqs,
                const std::vector<torch::Tensor>& steps, double lr, double beta1, double beta2, double eps) {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
  at::_fused_adam_(parameters, gradients, exp_avgs, exp_avg_sqs, /*max_exp_avg_sqs=*/{}, steps, lr, beta1, beta2,
                   /*weight_decay=*/0.0, eps, /*amsgrad=*/false, /*maximize=*/false);
#else
  (void)parameters, (void)gradients, (void)exp_avgs, (void)exp_avg_sqs, (void)steps;
  (void)lr, (void)beta1, (void)beta2, (void)eps;
  TORCH_CHECK(false, "LibTorch's fused Adam needs LibTorch 2.4 or newer");
#endif
}

at::Generator default_cpu_generator() { return at::detail::getDefaultCPUGenerator(); }

void record_on_current_stream(c10::Event& event, const torch::Device& device) {
  event.record(c10::impl::getDeviceGuardImpl(device.type())->getStream(device));
}

bool cuda_supports_bfloat16() {
  // The CUDA hooks answer in CPU-only builds too (false); the question is the same one cuDNN's bf16 paths ask.
  return torch::cuda::is_available() && at::detail::getCUDAHooks().supportsBFloat16ConvolutionWithCuDNNv8();
}

void set_flush_denormal(bool on) { at::globalContext().setFlushDenormal(on); }

std::vector<char> torch_save_bytes(const c10::IValue& value) {
  // torch::pickle_save tags dicts with a TorchScript type (torch.jit._pickle.restore_type_tag), which torch.load's
  // default weights_only mode refuses; the same pickler without tags writes plain dicts.
  std::vector<char> pickle;
  torch::jit::Pickler pickler([&](const char* data, size_t size) { pickle.insert(pickle.end(), data, data + size); },
                              nullptr, nullptr, nullptr, nullptr, /*tag_aggregates=*/false);
  pickler.protocol();
  pickler.pushIValue(value);
  pickler.stop();
  std::vector<char> archive;
  caffe2::serialize::PyTorchStreamWriter writer([&](const void* data, size_t size) {
    const char* bytes = static_cast<const char*>(data);
    archive.insert(archive.end(), bytes, bytes + size);
    return size;
  });
  torch::jit::writeArchiveAndTensors("data", pickle.data(), pickle.size(), pickler.tensorData(), writer);
  writer.writeEndOfFile();
  return archive;
}

}  // namespace fvae::internals
