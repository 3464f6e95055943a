#pragma once
// Encoder, decoder and discriminator of the FactorVAE: the lean default, the original project's "seed", and the
// reference implementations' layers (reference_networks.h), burgess among them.

#include <torch/torch.h>

#include <optional>

#include "model/base/config.h"
#include "model/nn/bfloat16.h"
#include "model/nn/reference_networks.h"

namespace fvae {

struct Posterior {
  torch::Tensor mu;      // [B, latent]
  torch::Tensor logvar;  // [B, latent]
};

// Nearest ×2 upsampling followed by a 3×3 convolution (zero padding 1) — resize-convolution — computed exactly as a
// 3×3 convolution at the low resolution with four output phases and a pixel shuffle: the same parameters and the
// same function, without materialising the upsampled input (~4× faster here, forward and backward).
class ResizeConv2dImpl : public torch::nn::Module {
 public:
  ResizeConv2dImpl(int64_t in_channels, int64_t out_channels);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor reference_forward(const torch::Tensor& x);  // the literal upsample + conv (for tests)
  torch::nn::Conv2d conv{nullptr};                          // holds weight [out, in, 3, 3] and bias

 private:
  std::pair<torch::Tensor, torch::Tensor> phased_weight_and_bias() const;

  torch::Tensor phase_map_;  // [2, 3, 3]: low-resolution tap × high-resolution tap, per output phase
  // Without autograd (decoding) the phased weights are kept until the weights change: making them took about half of
  // a single-image decode at 64×64. Keyed on the tensors' storage and version counters.
  struct PhasedCache {
    torch::Tensor weight, bias;
    const void* weight_data = nullptr;
    const void* bias_data = nullptr;
    int64_t weight_version = -1, bias_version = -1;
  } cache_;
};
TORCH_MODULE(ResizeConv2d);

class EncoderImpl : public torch::nn::Module {
 public:
  explicit EncoderImpl(const ModelConfig& config);
  Posterior forward(const torch::Tensor& images);  // images [B, C, H, W] in [0, 1]

 private:
  ModelConfig config_;
  torch::nn::Sequential features_{nullptr};
  // Lean: one head producing 2·latent values. Seed: two independent heads.
  torch::nn::Sequential head_{nullptr}, mu_head_{nullptr}, logvar_head_{nullptr};
  std::optional<EncoderLayout> reference_;  // the other architectures
};
TORCH_MODULE(Encoder);

class DecoderImpl : public torch::nn::Module {
 public:
  explicit DecoderImpl(const ModelConfig& config);
  // The last layer's values [B, C, H, W]: logits for all but AntixK's models, whose decoders end in tanh.
  torch::Tensor forward(const torch::Tensor& z);
  DecoderOutput output() const { return reference_ ? reference_->output : DecoderOutput::Logits; }
  // Pixel intensities in [0, 1] from forward's values: sigmoid of logits, tanh values clamped to [0, 1].
  torch::Tensor intensities(const torch::Tensor& output) const;

 private:
  ModelConfig config_;
  int64_t start_channels_ = 0, start_size_ = 0;
  torch::nn::Sequential dense_{nullptr}, upsampling_{nullptr};
  std::optional<DecoderLayout> reference_;
};
TORCH_MODULE(Decoder);

class DiscriminatorImpl : public torch::nn::Module {
 public:
  explicit DiscriminatorImpl(const ModelConfig& config);
  // Logits [B, 2]: column 0 "drawn from q(z)", column 1 "drawn from the product of marginals".
  torch::Tensor forward(const torch::Tensor& z);
  // Linear layers multiply in bfloat16 (weights cast per call; gradients flow back to the fp32 weights); logits are
  // returned in fp32. Only for the paper's discriminator (the seed one has BatchNorm).
  void set_bfloat16_products(bool on);
  bool bfloat16_products() const { return bfloat16_; }
  // Each Linear weight with its bfloat16 copy, for an optimiser that writes both in one pass
  // (FusedAdam::mirror_in_bfloat16). Empty without bf16 products; valid until set_bfloat16_products is called again.
  std::vector<std::pair<torch::Tensor, Bfloat16Cache*>> bfloat16_weight_copies();
  // Brings every bfloat16 copy up to date, so that forward passes on several threads at once only read them.
  void refresh_bfloat16_copies();

 private:
  torch::nn::Sequential layers_{nullptr};
  bool bfloat16_ = false;
  std::vector<Bfloat16Cache> bf16_weights_;  // one per Linear layer
};
TORCH_MODULE(Discriminator);

// The three networks of one model, built from one configuration.
struct Networks {
  explicit Networks(const ModelConfig& config);
  ModelConfig config;
  Encoder encoder;
  Decoder decoder;
  Discriminator discriminator;

  void to(const torch::Device& device);
  void train(bool on);
};

int64_t parameter_count(const torch::nn::Module& module);

}  // namespace fvae
