#include "model/nn/networks.h"

#include "model/base/torch_internals.h"
#include "model/nn/bfloat16.h"

namespace fvae {

namespace nn = torch::nn;

namespace {

nn::LeakyReLU leaky() { return nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)); }

// Lean layout: stride-2 4×4 convolutions down to a 7×7, 8×8 or 4×4 map (the paper's dSprites encoder at 64×64).
std::vector<int64_t> lean_channels(int64_t image_size) {
  if (image_size == 64) return {32, 32, 64, 64};
  return {32, 64};
}
constexpr int64_t kLeanHidden = 128;
constexpr int64_t kDiscHidden = 1000;

}  // namespace

ResizeConv2dImpl::ResizeConv2dImpl(int64_t in_channels, int64_t out_channels) {
  conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(in_channels, out_channels, 3).padding(1)));
  // Output row 2i+a reads upsampled rows 2i+a−1 … 2i+a+1, i.e. low-resolution rows i + floor((a+d)/2), d = −1, 0, 1.
  phase_map_ = torch::zeros({2, 3, 3});
  for (int a = 0; a < 2; ++a)
    for (int d = -1; d <= 1; ++d) {
      const int r = (a + d) >= 0 ? (a + d) / 2 : -1;
      phase_map_[a][r + 1][d + 1] = 1.0;
    }
}

std::pair<torch::Tensor, torch::Tensor> ResizeConv2dImpl::phased_weight_and_bias() const {
  const auto& w = conv->weight;
  const int64_t out = w.size(0), in = w.size(1);
  auto map = phase_map_.to(w.options());
  return {torch::einsum("ard,bse,oide->oabirs", {map, map, w}).reshape({out * 4, in, 3, 3}),
          conv->bias.repeat_interleave(4)};
}

torch::Tensor ResizeConv2dImpl::forward(const torch::Tensor& x) {
  // Training: the gradient flows through the einsum to the weights. Inference tensors have no version counter.
  if (torch::GradMode::is_enabled() || conv->weight.is_inference() || conv->bias.is_inference()) {
    auto [phased, bias] = phased_weight_and_bias();
    return torch::pixel_shuffle(torch::conv2d(x, phased, bias, 1, 1), 2);
  }
  const auto &w = conv->weight, &b = conv->bias;
  if (cache_.weight_data != w.data_ptr() || cache_.weight_version != internals::version_of(w) ||
      cache_.bias_data != b.data_ptr() || cache_.bias_version != internals::version_of(b) || !cache_.weight.defined() ||
      cache_.weight.device() != w.device()) {
    std::tie(cache_.weight, cache_.bias) = phased_weight_and_bias();
    cache_.weight_data = w.data_ptr(), cache_.bias_data = b.data_ptr();
    cache_.weight_version = internals::version_of(w), cache_.bias_version = internals::version_of(b);
  }
  return torch::pixel_shuffle(torch::conv2d(x, cache_.weight, cache_.bias, 1, 1), 2);
}

torch::Tensor ResizeConv2dImpl::reference_forward(const torch::Tensor& x) {
  namespace F = torch::nn::functional;
  auto up =
      F::interpolate(x, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest));
  return conv->forward(up);
}

EncoderImpl::EncoderImpl(const ModelConfig& config) : config_(config) {
  config.validate();
  if (config.architecture != Architecture::Lean && !is_seed(config.architecture)) {
    reference_ = reference_encoder(config);
    reference_->trunk.register_in(*this);
    if (reference_->mu) {
      register_module(reference_->mu_name, reference_->mu);
      register_module(reference_->logvar_name, reference_->logvar);
    }
    return;
  }
  features_ = nn::Sequential();
  const int64_t L = config.latent_dim;
  if (config.architecture == Architecture::Lean) {
    int64_t in = config.channels, size = config.image_size;
    for (int64_t out : lean_channels(config.image_size)) {
      features_->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 4).stride(2).padding(1)));
      features_->push_back(nn::ReLU());
      in = out;
      size /= 2;
    }
    features_->push_back(nn::Flatten());
    head_ = nn::Sequential(nn::Linear(in * size * size, kLeanHidden), nn::ReLU(), nn::Linear(kLeanHidden, 2 * L));
    register_module("features", features_);
    register_module("head", head_);
  } else {
    auto conv = [](int64_t in, int64_t out, int64_t stride) {
      return nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).padding_mode(torch::kReplicate));
    };
    features_->push_back(conv(config.channels, 128, 2));
    features_->push_back(leaky());
    features_->push_back(conv(128, 256, 2));
    features_->push_back(leaky());
    features_->push_back(conv(256, 512, 1));
    features_->push_back(nn::BatchNorm2d(512));
    features_->push_back(leaky());
    features_->push_back(nn::Flatten());
    const int64_t flat = 512 * (config.image_size / 4) * (config.image_size / 4);  // 25088 at 28×28
    auto head = [&] {
      return nn::Sequential(nn::Linear(flat, 256), leaky(), nn::Linear(256, 128), leaky(), nn::Linear(128, 64), leaky(),
                            nn::Linear(64, L));
    };
    mu_head_ = head();
    logvar_head_ = head();
    register_module("features", features_);
    register_module("mu_head", mu_head_);
    register_module("logvar_head", logvar_head_);
  }
}

Posterior EncoderImpl::forward(const torch::Tensor& images) {
  if (reference_) {
    auto h = reference_->trunk.forward(images).flatten(1);
    if (reference_->mu) return {reference_->mu->forward(h), reference_->logvar->forward(h)};
    auto parts = h.chunk(2, 1);  // μ first, as the originals slice it
    return {parts[0], parts[1]};
  }
  auto h = features_->forward(images);
  if (head_) {
    auto out = head_->forward(h);
    auto parts = out.chunk(2, 1);
    return {parts[0], parts[1]};
  }
  return {mu_head_->forward(h), logvar_head_->forward(h)};
}

DecoderImpl::DecoderImpl(const ModelConfig& config) : config_(config) {
  config.validate();
  if (config.architecture != Architecture::Lean && !is_seed(config.architecture)) {
    reference_ = reference_decoder(config);
    reference_->steps.register_in(*this);
    return;
  }
  const int64_t L = config.latent_dim;
  upsampling_ = nn::Sequential();
  if (config.architecture == Architecture::Lean) {
    auto channels = lean_channels(config.image_size);
    start_channels_ = channels.back();
    start_size_ = config.image_size >> channels.size();
    dense_ = nn::Sequential(nn::Linear(L, kLeanHidden), nn::ReLU(),
                            nn::Linear(kLeanHidden, start_channels_ * start_size_ * start_size_), nn::ReLU());
    // Resize-convolution (nearest upsample + 3×3 conv): ConvTranspose2d backward is ~40× slower in this LibTorch.
    int64_t in = start_channels_;
    for (size_t i = channels.size(); i-- > 0;) {
      const int64_t out = i == 0 ? config.channels : channels[i - 1];
      upsampling_->push_back(ResizeConv2d(in, out));
      if (i != 0) upsampling_->push_back(nn::ReLU());
      in = out;
    }
  } else {
    start_channels_ = 1024;
    start_size_ = config.image_size / 4;
    dense_ = nn::Sequential(nn::Linear(L, 128), leaky(), nn::Linear(128, 256), leaky(), nn::Linear(256, 512), leaky(),
                            nn::Linear(512, start_channels_ * start_size_ * start_size_), leaky());
    // 3×3 transposed convolutions with padding 1; a stride-2 one doubles the size (output_padding 1, as the original
    // computes it to reach 14 and 28 from 7).
    auto up = [](int64_t in, int64_t out, int64_t stride) {
      auto o = nn::ConvTranspose2dOptions(in, out, 3).stride(stride).padding(1);
      if (stride == 2) o.output_padding(1);
      return nn::ConvTranspose2d(o);
    };
    // The original keeps 7×7 through the first two and doubles in the last two (vae.py: stride 1, 1, 2, 2). The
    // earlier layout of this project doubled in the second and third (stride 1, 2, 2, 1): same weight shapes,
    // different images.
    const bool v1 = config.architecture == Architecture::SeedV1;
    const int64_t strides[4] = {1, v1 ? 2 : 1, 2, v1 ? 1 : 2};
    upsampling_->push_back(up(1024, 512, strides[0]));
    upsampling_->push_back(nn::BatchNorm2d(512));
    upsampling_->push_back(leaky());
    upsampling_->push_back(up(512, 256, strides[1]));
    upsampling_->push_back(nn::BatchNorm2d(256));
    upsampling_->push_back(leaky());
    upsampling_->push_back(up(256, 128, strides[2]));
    upsampling_->push_back(nn::BatchNorm2d(128));
    upsampling_->push_back(leaky());
    upsampling_->push_back(up(128, config.channels, strides[3]));
    // The original ends in Sigmoid; here the decoder returns logits and sigmoid is applied by the caller.
  }
  register_module("dense", dense_);
  register_module("upsampling", upsampling_);
}

torch::Tensor DecoderImpl::forward(const torch::Tensor& z) {
  if (reference_) return reference_->steps.forward(z);
  auto h = dense_->forward(z).view({z.size(0), start_channels_, start_size_, start_size_});
  return upsampling_->forward(h);
}

torch::Tensor DecoderImpl::intensities(const torch::Tensor& output) const {
  return this->output() == DecoderOutput::Tanh ? output.clamp(0.0, 1.0) : torch::sigmoid(output);
}

DiscriminatorImpl::DiscriminatorImpl(const ModelConfig& config) {
  config.validate();
  if (is_reference(config.architecture)) {
    auto layout = reference_discriminator(config);
    register_module(layout.name, layout.layers);
    layers_ = nn::Sequential(layout.layers.ptr());
    return;
  }
  layers_ = nn::Sequential();
  const int64_t L = config.latent_dim;
  if (config.architecture == Architecture::Lean || config.architecture == Architecture::Burgess) {
    // As in the paper: six hidden layers of 1000 units with LeakyReLU(0.2).
    int64_t in = L;
    for (int i = 0; i < 6; ++i) {
      layers_->push_back(nn::Linear(in, kDiscHidden));
      layers_->push_back(leaky());
      in = kDiscHidden;
    }
    layers_->push_back(nn::Linear(in, 2));
  } else {
    layers_->push_back(nn::Linear(L, kDiscHidden));
    layers_->push_back(nn::BatchNorm1d(kDiscHidden));
    layers_->push_back(leaky());
    layers_->push_back(nn::Dropout(0.3));
    layers_->push_back(nn::Linear(kDiscHidden, kDiscHidden));
    layers_->push_back(nn::BatchNorm1d(kDiscHidden));
    layers_->push_back(leaky());
    layers_->push_back(nn::Dropout(0.3));
    layers_->push_back(nn::Linear(kDiscHidden, 2));
  }
  register_module("layers", layers_);
}

torch::Tensor DiscriminatorImpl::forward(const torch::Tensor& z) {
  if (!bfloat16_) return layers_->forward(z);
  auto h = z.to(torch::kBFloat16);  // autograd's cast: the TC term's gradient must reach the encoder
  size_t linear_index = 0;
  for (auto& layer : *layers_) {
    if (auto* linear = layer.ptr()->as<nn::LinearImpl>()) {
      auto& cache = bf16_weights_[linear_index++];
      h = bfloat16_linear(h, linear->weight, linear->bias, cache.get(linear->weight));
    } else {
      h = layer.forward(h);
    }
  }
  return h.to(torch::kFloat);
}

void DiscriminatorImpl::set_bfloat16_products(bool on) {
  for (const auto& layer : *layers_)
    TORCH_CHECK(!on || layer.ptr()->as<nn::LinearImpl>() || layer.ptr()->as<nn::LeakyReLUImpl>(),
                "bfloat16 products need the paper's discriminator (Linear and LeakyReLU layers only)");
  bfloat16_ = on;
  bf16_weights_.assign(layers_->size(), Bfloat16Cache());
}

std::vector<std::pair<torch::Tensor, Bfloat16Cache*>> DiscriminatorImpl::bfloat16_weight_copies() {
  std::vector<std::pair<torch::Tensor, Bfloat16Cache*>> copies;
  if (!bfloat16_) return copies;
  size_t linear_index = 0;
  for (auto& layer : *layers_)
    if (auto* linear = layer.ptr()->as<torch::nn::LinearImpl>())
      copies.emplace_back(linear->weight, &bf16_weights_[linear_index++]);
  return copies;
}

void DiscriminatorImpl::refresh_bfloat16_copies() {
  for (auto& [weight, cache] : bfloat16_weight_copies()) cache->get(weight);
}

Networks::Networks(const ModelConfig& c) : config(c), encoder(c), decoder(c), discriminator(c) {}

void Networks::to(const torch::Device& device) {
  encoder->to(device);
  decoder->to(device);
  discriminator->to(device);
}

void Networks::train(bool on) {
  encoder->train(on);
  decoder->train(on);
  discriminator->train(on);
}

int64_t parameter_count(const torch::nn::Module& module) {
  int64_t n = 0;
  for (const auto& p : module.parameters()) n += p.numel();
  return n;
}

}  // namespace fvae
