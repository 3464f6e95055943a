#include "model/nn/reference_networks.h"

#include <cmath>

namespace fvae {

namespace nn = torch::nn;

namespace {

nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride = 1, int64_t padding = 0) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding));
}
nn::ConvTranspose2d transposed(int64_t in, int64_t out, int64_t kernel) {
  return nn::ConvTranspose2d(nn::ConvTranspose2dOptions(in, out, kernel));
}
PhasedConvTranspose2d up(int64_t in, int64_t out, int64_t kernel = 4) {
  return PhasedConvTranspose2d(in, out, kernel);
}
nn::LeakyReLU leaky(double slope = 0.01) { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(slope)); }
nn::Unflatten unflatten(std::vector<int64_t> shape) { return nn::Unflatten(nn::UnflattenOptions(1, std::move(shape))); }

// 1Konny/FactorVAE, model.py: FactorVAE1 (1 channel, 128 wide), FactorVAE2 (3, 256), FactorVAE3 (1, 256).
int64_t konny_width(Architecture a) { return a == Architecture::KonnyFactorVae1 ? 128 : 256; }

// 1Konny's four stride-2 4×4 convolutions from 64×64 to 4×4 (ReLU after each), then the family's own layers.
Block konny_convolutions(int64_t channels, const std::vector<int64_t>& widths) {
  Block s;
  int64_t in = channels;
  for (int64_t out : widths) {
    s->push_back(conv(in, out, 4, 2, 1));
    s->push_back(nn::ReLU());
    in = out;
  }
  return s;
}

// AntixK's encoder blocks: 3×3 stride-2 convolutions (BatchNorm between in BetaVAE and FactorVAE), LeakyReLU 0.01.
Block antixk_encoder(int64_t channels, const std::vector<int64_t>& widths, int64_t kernel, bool batch_norm) {
  Block blocks;
  int64_t in = channels;
  for (int64_t out : widths) {
    Block block(conv(in, out, kernel, 2, 1));
    if (batch_norm) block->push_back(nn::BatchNorm2d(out));
    block->push_back(leaky());
    blocks->push_back(block);
    in = out;
  }
  return blocks;
}

Block antixk_decoder_blocks(const std::vector<int64_t>& widths, bool batch_norm) {
  Block blocks;
  for (size_t i = 0; i + 1 < widths.size(); ++i) {
    Block block(up(widths[i], widths[i + 1], 3));
    if (batch_norm) block->push_back(nn::BatchNorm2d(widths[i + 1]));
    block->push_back(leaky());
    blocks->push_back(block);
  }
  return blocks;
}

Block antixk_final_layer(int64_t width, bool batch_norm) {
  Block s(up(width, width, 3));
  if (batch_norm) s->push_back(nn::BatchNorm2d(width));
  s->push_back(leaky());
  s->push_back(conv(width, 3, 3, 1, 1));  // three output channels whatever the input had, as the original
  s->push_back(nn::Tanh());
  return s;
}

const std::vector<int64_t> kAntixkWidths = {32, 64, 128, 256, 512};  // BetaVAE, FactorVAE: 2×2 after five halvings
const std::vector<int64_t> kAntixkTcWidths = {32, 32, 32, 32};       // BetaTCVAE: 4×4 after four

}  // namespace

PhasedConvTranspose2dImpl::PhasedConvTranspose2dImpl(int64_t in_channels, int64_t out_channels, int64_t kernel)
    : kernel_(kernel) {
  TORCH_CHECK(kernel == 3 || kernel == 4, "PhasedConvTranspose2d takes kernel 3 or 4, got ", kernel);
  weight = register_parameter("weight", torch::empty({in_channels, out_channels, kernel, kernel}));
  bias = register_parameter("bias", torch::empty({out_channels}));
  // PyTorch's ConvTranspose2d initialisation (its fan-in is weight.size(1) · k²).
  nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
  const double bound = 1.0 / std::sqrt(static_cast<double>(out_channels * kernel * kernel));
  nn::init::uniform_(bias, -bound, bound);
  // Output row 2m+a takes input row m+d through kernel tap t = a + 1 − 2d (stride 2, padding 1).
  phase_map_ = torch::zeros({2, 3, kernel});
  for (int a = 0; a < 2; ++a)
    for (int d = -1; d <= 1; ++d) {
      const int t = a + 1 - 2 * d;
      if (t >= 0 && t < kernel) phase_map_[a][d + 1][t] = 1.0;
    }
}

torch::Tensor PhasedConvTranspose2dImpl::forward(const torch::Tensor& x) {
  const int64_t out = weight.size(1), in = weight.size(0);
  auto map = phase_map_.to(weight.options());
  auto phased = torch::einsum("art,bsu,iotu->oabirs", {map, map, weight}).reshape({out * 4, in, 3, 3});
  return torch::pixel_shuffle(torch::conv2d(x, phased, bias.repeat_interleave(4), 1, 1), 2);
}

torch::Tensor PhasedConvTranspose2dImpl::reference_forward(const torch::Tensor& x) {
  return torch::conv_transpose2d(x, weight, bias, 2, 1, kernel_ == 3 ? 1 : 0);
}

void LayerSteps::register_in(torch::nn::Module& owner) const {
  for (const auto& [name, module] : steps)
    if (!name.empty()) owner.register_module(name, module.ptr());
}

torch::Tensor LayerSteps::forward(torch::Tensor x) {
  for (auto& step : steps) x = step.second.forward(x);
  return x;
}

EncoderLayout reference_encoder(const ModelConfig& c) {
  const int64_t C = c.channels, L = c.latent_dim;
  EncoderLayout e;
  switch (c.architecture) {
    case Architecture::KonnyFactorVae1:
    case Architecture::KonnyFactorVae2:
    case Architecture::KonnyFactorVae3: {
      const int64_t width = konny_width(c.architecture);
      auto s = konny_convolutions(C, {32, 32, 64, 64});
      s->push_back(conv(64, width, 4));  // 4×4 → 1×1
      s->push_back(nn::ReLU());
      s->push_back(conv(width, 2 * L, 1));
      e.trunk.add("encode", nn::AnyModule(s));
      e.trunk.add("", nn::AnyModule(nn::Flatten()));
      break;
    }
    case Architecture::KonnyBetaVaeH: {
      auto s = konny_convolutions(C, {32, 32, 64, 64});
      s->push_back(conv(64, 256, 4));
      s->push_back(nn::ReLU());
      s->push_back(nn::Flatten());  // the original's View((-1, 256))
      s->push_back(nn::Linear(256, 2 * L));
      e.trunk.add("encoder", nn::AnyModule(s));
      break;
    }
    case Architecture::KonnyBetaVaeB: {
      auto s = konny_convolutions(C, {32, 32, 32, 32});
      s->push_back(nn::Flatten());  // View((-1, 32*4*4))
      s->push_back(nn::Linear(512, 256));
      s->push_back(nn::ReLU());
      s->push_back(nn::Linear(256, 256));
      s->push_back(nn::ReLU());
      s->push_back(nn::Linear(256, 2 * L));
      e.trunk.add("encoder", nn::AnyModule(s));
      break;
    }
    case Architecture::AntixkBetaVae:
    case Architecture::AntixkFactorVae:
      e.trunk.add("encoder", nn::AnyModule(antixk_encoder(C, kAntixkWidths, 3, true)));
      e.trunk.add("", nn::AnyModule(nn::Flatten()));
      e.mu_name = "fc_mu", e.logvar_name = "fc_var";
      e.mu = nn::Linear(512 * 4, L), e.logvar = nn::Linear(512 * 4, L);
      break;
    case Architecture::AntixkBetaTcVae:
      e.trunk.add("encoder", nn::AnyModule(antixk_encoder(C, kAntixkTcWidths, 4, false)));
      e.trunk.add("", nn::AnyModule(nn::Flatten()));
      e.trunk.add("fc", nn::AnyModule(nn::Linear(32 * 16, 256)));  // no activation after it, as the original
      e.mu_name = "fc_mu", e.logvar_name = "fc_var";
      e.mu = nn::Linear(256, L), e.logvar = nn::Linear(256, L);
      break;
    case Architecture::Burgess: {
      // disentanglement_lib's conv_encoder: 32, 32, 64, 64 channels of 4×4 stride 2, a dense 256, then μ and log σ²
      // (its two dense heads as one layer of 2·latent outputs).
      e.trunk.add("conv", nn::AnyModule(konny_convolutions(C, {32, 32, 64, 64})));
      e.trunk.add("", nn::AnyModule(nn::Flatten()));
      e.trunk.add("dense", nn::AnyModule(Block(nn::Linear(64 * 16, 256), nn::ReLU(), nn::Linear(256, 2 * L))));
      break;
    }
    default:
      TORCH_CHECK(false, "reference_encoder: ", to_string(c.architecture), " is no reference architecture");
  }
  return e;
}

DecoderLayout reference_decoder(const ModelConfig& c) {
  const int64_t C = c.channels, L = c.latent_dim;
  DecoderLayout d;
  switch (c.architecture) {
    case Architecture::KonnyFactorVae1:
    case Architecture::KonnyFactorVae2:
    case Architecture::KonnyFactorVae3: {
      const int64_t width = konny_width(c.architecture);
      d.steps.add("", nn::AnyModule(unflatten({L, 1, 1})));  // its decoder takes z as [B, z, 1, 1]
      d.steps.add("decode", nn::AnyModule(Block(conv(L, width, 1), nn::ReLU(), transposed(width, 64, 4),
                                                         nn::ReLU(), up(64, 64), nn::ReLU(), up(64, 32), nn::ReLU(),
                                                         up(32, 32), nn::ReLU(), up(32, C))));
      break;
    }
    case Architecture::KonnyBetaVaeH:
      d.steps.add("decoder", nn::AnyModule(Block(nn::Linear(L, 256), unflatten({256, 1, 1}), nn::ReLU(),
                                                          transposed(256, 64, 4), nn::ReLU(), up(64, 64), nn::ReLU(),
                                                          up(64, 32), nn::ReLU(), up(32, 32), nn::ReLU(), up(32, C))));
      break;
    case Architecture::KonnyBetaVaeB:
      d.steps.add("decoder",
                  nn::AnyModule(Block(nn::Linear(L, 256), nn::ReLU(), nn::Linear(256, 256), nn::ReLU(),
                                               nn::Linear(256, 512), nn::ReLU(), unflatten({32, 4, 4}), up(32, 32),
                                               nn::ReLU(), up(32, 32), nn::ReLU(), up(32, 32), nn::ReLU(), up(32, C))));
      break;
    case Architecture::AntixkBetaVae:
    case Architecture::AntixkFactorVae: {
      d.steps.add("decoder_input", nn::AnyModule(nn::Linear(L, 512 * 4)));
      d.steps.add("", nn::AnyModule(unflatten({512, 2, 2})));
      const std::vector<int64_t> widths(kAntixkWidths.rbegin(), kAntixkWidths.rend());
      d.steps.add("decoder", nn::AnyModule(antixk_decoder_blocks(widths, true)));
      d.steps.add("final_layer", nn::AnyModule(antixk_final_layer(widths.back(), true)));
      d.output = DecoderOutput::Tanh;
      break;
    }
    case Architecture::AntixkBetaTcVae:
      d.steps.add("decoder_input", nn::AnyModule(nn::Linear(L, 256 * 2)));
      d.steps.add("", nn::AnyModule(unflatten({32, 4, 4})));
      d.steps.add("decoder", nn::AnyModule(antixk_decoder_blocks(kAntixkTcWidths, false)));
      d.steps.add("final_layer", nn::AnyModule(antixk_final_layer(32, false)));
      d.output = DecoderOutput::Tanh;
      break;
    case Architecture::Burgess:
      // disentanglement_lib's deconv_decoder: dense 256 and 1024 (64×4×4), then 4×4 stride-2 transposed convolutions
      // to 64, 32, 32 and the image's channels, returning logits.
      d.steps.add("dense", nn::AnyModule(Block(nn::Linear(L, 256), nn::ReLU(), nn::Linear(256, 64 * 16),
                                                        nn::ReLU())));
      d.steps.add("", nn::AnyModule(unflatten({64, 4, 4})));
      d.steps.add("deconv", nn::AnyModule(Block(up(64, 64), nn::ReLU(), up(64, 32), nn::ReLU(), up(32, 32),
                                                         nn::ReLU(), up(32, C))));
      break;
    default:
      TORCH_CHECK(false, "reference_decoder: ", to_string(c.architecture), " is no reference architecture");
  }
  return d;
}

DiscriminatorLayout reference_discriminator(const ModelConfig& c) {
  const int64_t L = c.latent_dim;
  DiscriminatorLayout d;
  if (c.architecture == Architecture::AntixkFactorVae) {
    d.name = "discriminator";
    d.layers = Block();
    int64_t in = L;
    for (int i = 0; i < 3; ++i) {
      d.layers->push_back(nn::Linear(in, 1000));
      d.layers->push_back(nn::BatchNorm1d(1000));
      d.layers->push_back(leaky(0.2));
      in = 1000;
    }
    d.layers->push_back(nn::Linear(1000, 2));
    return d;
  }
  // 1Konny's Discriminator (five hidden layers of 1000, LeakyReLU 0.2), also the stand-in for families without one.
  d.name = "net";
  d.layers = Block();
  int64_t in = L;
  for (int i = 0; i < 5; ++i) {
    d.layers->push_back(nn::Linear(in, 1000));
    d.layers->push_back(leaky(0.2));
    in = 1000;
  }
  d.layers->push_back(nn::Linear(1000, 2));
  return d;
}

bool reference_has_discriminator(Architecture a) {
  return a == Architecture::KonnyFactorVae1 || a == Architecture::KonnyFactorVae2 ||
         a == Architecture::KonnyFactorVae3 || a == Architecture::AntixkFactorVae;
}

std::string reference_origin(Architecture a) {
  switch (a) {
    case Architecture::KonnyFactorVae1:
      return "1Konny/FactorVAE (FactorVAE1)";
    case Architecture::KonnyFactorVae2:
      return "1Konny/FactorVAE (FactorVAE2)";
    case Architecture::KonnyFactorVae3:
      return "1Konny/FactorVAE (FactorVAE3)";
    case Architecture::KonnyBetaVaeH:
      return "1Konny/Beta-VAE (BetaVAE_H)";
    case Architecture::KonnyBetaVaeB:
      return "1Konny/Beta-VAE (BetaVAE_B)";
    case Architecture::AntixkBetaVae:
      return "AntixK/PyTorch-VAE (BetaVAE)";
    case Architecture::AntixkFactorVae:
      return "AntixK/PyTorch-VAE (FactorVAE)";
    case Architecture::AntixkBetaTcVae:
      return "AntixK/PyTorch-VAE (BetaTCVAE)";
    default:
      return "FactorVAE Studio";
  }
}

}  // namespace fvae
