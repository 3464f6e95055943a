#include "model/inference/inference.h"

#include "model/base/torch_internals.h"

#include "model/inference/grids.h"

#include <chrono>
#include <thread>

namespace fvae {

namespace {

// Runs `f` with `module` in eval mode, restoring the previous mode afterwards, without autograd. (NoGradGuard, not
// InferenceMode: callers go on to do arithmetic, even in place, on the results.)
template <typename Module, typename F>
auto in_eval_mode(Module& module, F&& f) {
  const bool was_training = module->is_training();
  module->eval();
  struct Restore {
    Module& m;
    bool training;
    ~Restore() { m->train(training); }
  } restore{module, was_training};
  torch::NoGradGuard no_grad;
  return f();
}

torch::Device device_of(torch::nn::Module& module) {
  auto params = module.parameters();
  return params.empty() ? torch::Device(torch::kCPU) : params.front().device();
}

}  // namespace

std::vector<torch::Tensor> module_state(torch::nn::Module& module) {
  auto state = module.parameters();
  for (auto& b : module.buffers()) state.push_back(b);
  return state;
}

Posterior encode(Encoder& encoder, const torch::Tensor& images) {
  return in_eval_mode(encoder, [&] {
    auto p = encoder->forward(images.to(device_of(*encoder)));
    return Posterior{p.mu.to(torch::kCPU), p.logvar.to(torch::kCPU)};
  });
}

torch::Tensor decode(Decoder& decoder, const torch::Tensor& z) {
  return in_eval_mode(decoder,
                      [&] { return decoder->intensities(decoder->forward(z.to(device_of(*decoder)))).cpu(); });
}

torch::Tensor reconstruct(Networks& networks, const torch::Tensor& images) {
  return decode(networks.decoder, encode(networks.encoder, images).mu);
}

torch::Tensor reconstruction_strip(Networks& networks, const torch::Tensor& images) {
  return tile(torch::stack({images, reconstruct(networks, images)}, 0), 1, 0.5);
}

torch::Tensor sample_prior(int64_t count, int64_t latent_dim, double temperature, uint64_t seed) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  return torch::randn({count, latent_dim}, gen, torch::kFloat) * temperature;
}

ModelSnapshot::ModelSnapshot(const ModelConfig& config) : config_(config), encoder_(config), decoder_(config) {
  encoder_->eval();
  decoder_->eval();
  encoder_state_ = module_state(*encoder_);
  decoder_state_ = module_state(*decoder_);
}

void ModelSnapshot::pin_state() {
  for (auto* state : {&encoder_state_, &decoder_state_})
    for (auto& t : *state) t.set_data(t.pin_memory());  // the modules' own tensors now live in page-locked memory
  encoder_state_ = module_state(*encoder_);
  decoder_state_ = module_state(*decoder_);
  pinned_ = true;
}

void ModelSnapshot::wait_for_copy() {
  if (!pending_copy_) return;
  // Event::synchronize is newer than LibTorch 1.13; query() is in both. The copy takes a millisecond or so.
  while (!pending_copy_->query()) std::this_thread::sleep_for(std::chrono::microseconds(50));
  pending_copy_.reset();
}

void ModelSnapshot::update_from(Networks& live, int64_t step) {
  TORCH_CHECK(live.config == config_, "snapshot and model differ in configuration");
  auto enc = module_state(*live.encoder);
  auto dec = module_state(*live.decoder);
  torch::NoGradGuard no_grad;
  std::lock_guard<std::mutex> lock(mutex_);
  const bool from_gpu = !enc.empty() && enc.front().is_cuda();
  if (from_gpu && !pinned_) pin_state();
  // Queued on the training thread's current stream after the step that produced the weights, so they copy those.
  for (size_t i = 0; i < enc.size(); ++i) encoder_state_[i].copy_(enc[i], /*non_blocking=*/from_gpu);
  for (size_t i = 0; i < dec.size(); ++i) decoder_state_[i].copy_(dec[i], /*non_blocking=*/from_gpu);
  if (from_gpu) {
    const c10::Device device = enc.front().device();
    c10::Event copied(device.type());
    internals::record_on_current_stream(copied, device);
    pending_copy_ = std::move(copied);
  }
  step_ = step;
  ++version_;
}

std::shared_ptr<ModelSnapshot> ModelSnapshot::copy() {
  auto copy = std::make_shared<ModelSnapshot>(config_);
  torch::NoGradGuard no_grad;
  std::lock_guard<std::mutex> lock(mutex_);
  wait_for_copy();
  for (size_t i = 0; i < encoder_state_.size(); ++i) copy->encoder_state_[i].copy_(encoder_state_[i]);
  for (size_t i = 0; i < decoder_state_.size(); ++i) copy->decoder_state_[i].copy_(decoder_state_[i]);
  copy->version_ = version_.load();
  copy->step_ = step_.load();
  return copy;
}

Posterior ModelSnapshot::encode(const torch::Tensor& images) {
  std::lock_guard<std::mutex> lock(mutex_);
  wait_for_copy();
  return fvae::encode(encoder_, images);
}

torch::Tensor ModelSnapshot::decode(const torch::Tensor& z) {
  std::lock_guard<std::mutex> lock(mutex_);
  wait_for_copy();
  return fvae::decode(decoder_, z);
}

}  // namespace fvae
