#pragma once
// Encoding, decoding and sampling in eval mode without autograd, and thread-safe weight snapshots for decoding on
// another thread while training goes on.

#include <torch/torch.h>

#include <c10/core/Event.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

#include "model/nn/networks.h"

namespace fvae {

// Helpers that switch the module to eval mode for the call and restore its mode afterwards.
// Not for modules that an optimiser is updating on another thread: use a ModelSnapshot there.
Posterior encode(Encoder& encoder, const torch::Tensor& images);
torch::Tensor decode(Decoder& decoder, const torch::Tensor& z);  // intensities in [0, 1]
// Reconstructions with z = μ, in [0, 1].
torch::Tensor reconstruct(Networks& networks, const torch::Tensor& images);
// Fixed inputs [N, C, H, W] in a row above their reconstructions: one tiled image [C, H', W'] (grey padding).
torch::Tensor reconstruction_strip(Networks& networks, const torch::Tensor& images);
// Codes drawn from N(0, temperature²·I) with a private generator, so sampling never disturbs training's randomness.
torch::Tensor sample_prior(int64_t count, int64_t latent_dim, double temperature, uint64_t seed);

// A CPU copy of the encoder and decoder that the training thread refreshes by copy_() into preallocated tensors.
// From a GPU the copies go into page-locked memory without blocking: the training thread queues them behind its
// kernels and goes on; whoever reads the snapshot next waits for them to land.
class ModelSnapshot {
 public:
  explicit ModelSnapshot(const ModelConfig& config);
  // Called by the training thread; `step` is the training step the weights are from (-1: unknown).
  void update_from(Networks& live, int64_t step = -1);
  // A new snapshot holding the weights of this one as they are now, for work that must see one set of weights
  // throughout (a traversal, a metric) while training goes on refreshing this one.
  std::shared_ptr<ModelSnapshot> copy();
  Posterior encode(const torch::Tensor& images);
  torch::Tensor decode(const torch::Tensor& z);
  uint64_t version() const { return version_; }  // incremented by each update
  int64_t step() const { return step_; }         // the step given with the last update
  const ModelConfig& config() const { return config_; }

 private:
  ModelConfig config_;
  Encoder encoder_;
  Decoder decoder_;
  void pin_state();      // the snapshot's tensors moved to page-locked memory (once, on the first GPU update)
  void wait_for_copy();  // waits for a queued GPU → CPU copy; with mutex_ held
  std::vector<torch::Tensor> encoder_state_, decoder_state_;  // parameters then buffers, in module order
  std::optional<c10::Event> pending_copy_;                    // recorded after the last queued GPU → CPU copy
  bool pinned_ = false;
  std::mutex mutex_;
  std::atomic<uint64_t> version_{0};
  std::atomic<int64_t> step_{-1};
};

// Parameters followed by buffers: the full state a copy needs (BatchNorm statistics included).
std::vector<torch::Tensor> module_state(torch::nn::Module& module);

}  // namespace fvae
