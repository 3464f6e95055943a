#pragma once
// The layers of the field's reference implementations, each as its own code builds it and under its own module names,
// so that their state dicts load here name for name: 1Konny/FactorVAE (model.py: FactorVAE1/2/3, Discriminator),
// 1Konny/Beta-VAE (model.py: BetaVAE_H, BetaVAE_B), AntixK/PyTorch-VAE (models/beta_vae.py, fvae.py, betatc_vae.py),
// and disentanglement_lib's conv_encoder/deconv_decoder as this project's trainable "burgess" architecture.

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

#include "model/base/config.h"

namespace fvae {

// A transposed convolution with stride 2 and padding 1 whose output is exactly twice its input: kernel 4, or kernel 3
// with output_padding 1. Holds ConvTranspose2d's parameters (weight [in, out, k, k], bias [out]) under its names, and
// computes the same function as a 3×3 convolution at the input's resolution with four output phases and a pixel
// shuffle: LibTorch 1.13's ConvTranspose2d backward pass is about 40× slower than this here.
class PhasedConvTranspose2dImpl : public torch::nn::Module {
 public:
  PhasedConvTranspose2dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor reference_forward(const torch::Tensor& x);  // torch::conv_transpose2d itself (for tests)
  torch::Tensor weight, bias;

 private:
  int64_t kernel_;
  torch::Tensor phase_map_;  // [2 phases, 3 input offsets, k taps]
};
TORCH_MODULE(PhasedConvTranspose2d);

// nn::Sequential with a plain forward, so that it nests (AnyModule cannot hold Sequential's templated forward); its
// layers are named "0", "1", … as in PyTorch's nn.Sequential.
class BlockImpl : public torch::nn::SequentialImpl {
 public:
  using SequentialImpl::SequentialImpl;
  torch::Tensor forward(torch::Tensor x) { return SequentialImpl::forward(std::move(x)); }
};
TORCH_MODULE(Block);

// One network as a sequence of steps; named steps are registered under their names (the original's attribute names),
// unnamed ones hold no parameters (reshapes, activations between named blocks).
struct LayerSteps {
  std::vector<std::pair<std::string, torch::nn::AnyModule>> steps;
  void add(const std::string& name, torch::nn::AnyModule module) { steps.emplace_back(name, std::move(module)); }
  void register_in(torch::nn::Module& owner) const;
  torch::Tensor forward(torch::Tensor x);
};

// How the encoder's trunk ends: one tensor of 2·latent values (μ first; 1Konny, burgess), or two named linear heads
// (AntixK: fc_mu, fc_var).
struct EncoderLayout {
  LayerSteps trunk;
  std::string mu_name, logvar_name;  // empty: split the trunk's output
  torch::nn::Linear mu{nullptr}, logvar{nullptr};
};

// What the decoder's last layer gives: logits (sigmoid makes intensities) or tanh values (AntixK; trained against
// images in [0, 1] with squared error, so intensities are the values clamped to [0, 1]).
enum class DecoderOutput { Logits, Tanh };

struct DecoderLayout {
  LayerSteps steps;
  DecoderOutput output = DecoderOutput::Logits;
};

// The discriminator's layers and the name its code gives them ("net" in 1Konny's Discriminator, "discriminator" in
// AntixK's FactorVAE); empty steps for a family without one.
struct DiscriminatorLayout {
  std::string name;
  Block layers{nullptr};
};

// For an architecture that is neither lean nor seed.
EncoderLayout reference_encoder(const ModelConfig& config);
DecoderLayout reference_decoder(const ModelConfig& config);
DiscriminatorLayout reference_discriminator(const ModelConfig& config);
// Whether the family's own code has a discriminator (1Konny's FactorVAE, AntixK's FactorVAE).
bool reference_has_discriminator(Architecture a);
// The source a model of the family comes from, e.g. "1Konny/FactorVAE (FactorVAE1)".
std::string reference_origin(Architecture a);

}  // namespace fvae
