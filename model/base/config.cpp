#include "model/base/config.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "model/base/numbers.h"

namespace fvae {

namespace {

double parse_double(const std::string& key, const std::string& value) {
  const auto d = fvae::parse_double(value);
  if (!d) throw ConfigError("'" + key + "' must be a number, got '" + value + "'");
  return *d;
}

int64_t parse_int(const std::string& key, const std::string& value) {
  const auto i = parse_int64(value);
  if (!i) throw ConfigError("'" + key + "' must be an integer, got '" + value + "'");
  return *i;
}

uint64_t parse_unsigned(const std::string& key, const std::string& value) {
  const auto u = parse_uint64(value);
  if (!u) throw ConfigError("'" + key + "' must be an integer from 0 to 18446744073709551615, got '" + value + "'");
  return *u;
}

std::string format_double(double d) { return format_number(d); }

}  // namespace

void ModelConfig::validate() const {
  if (channels != 1 && channels != 3) throw ConfigError("channels must be 1 or 3, got " + std::to_string(channels));
  if (image_size != 28 && image_size != 32 && image_size != 64)
    throw ConfigError("image size must be 28, 32 or 64, got " + std::to_string(image_size));
  if (latent_dim < 1 || latent_dim > 256)
    throw ConfigError("latent dimension must be between 1 and 256, got " + std::to_string(latent_dim));
  const bool native = architecture == Architecture::Lean || is_seed(architecture);
  if (!native && image_size != 64)
    throw ConfigError("the " + to_string(architecture) + " architecture takes 64×64 images, got " +
                      std::to_string(image_size) + "×" + std::to_string(image_size));
  const int64_t fixed_channels = [&]() -> int64_t {
    switch (architecture) {
      case Architecture::KonnyFactorVae1:
      case Architecture::KonnyFactorVae3:
        return 1;
      case Architecture::KonnyFactorVae2:
      case Architecture::AntixkBetaVae:
      case Architecture::AntixkFactorVae:
      case Architecture::AntixkBetaTcVae:
        return 3;
      default:
        return 0;
    }
  }();
  if (fixed_channels && channels != fixed_channels)
    throw ConfigError("the " + to_string(architecture) + " architecture takes " +
                      (fixed_channels == 1 ? "grey (1-channel)" : "colour (3-channel)") + " images, got " +
                      std::to_string(channels) + " channels");
}

bool ModelConfig::operator==(const ModelConfig& o) const {
  return architecture == o.architecture && channels == o.channels && image_size == o.image_size &&
         latent_dim == o.latent_dim;
}

std::string ModelConfig::describe() const {
  return to_string(architecture) + " " + std::to_string(channels) + "x" + std::to_string(image_size) + "x" +
         std::to_string(image_size) + ", latent " + std::to_string(latent_dim);
}

void TrainConfig::validate() const {
  auto positive = [](double v, const char* name) {
    if (!(v > 0) || !std::isfinite(v)) throw ConfigError(std::string(name) + " must be positive");
  };
  auto non_negative = [](double v, const char* name) {
    if (!(v >= 0) || !std::isfinite(v)) throw ConfigError(std::string(name) + " must be zero or positive");
  };
  non_negative(beta, "beta");
  non_negative(beta_min, "beta-min");
  non_negative(gamma, "gamma");
  non_negative(kl_capacity, "KL capacity");
  if (capacity_steps < 0) throw ConfigError("capacity steps must be zero or positive");
  positive(vae_lr, "vae learning rate");
  if (!(vae_lr_decay_fraction >= 0 && vae_lr_decay_fraction <= 1))
    throw ConfigError("the learning-rate decay fraction must lie in [0, 1]");
  if (vae_lr_warmup_steps < 0) throw ConfigError("learning-rate warm-up steps must be zero or positive");
  positive(disc_lr, "discriminator learning rate");
  for (double b : {vae_beta1, vae_beta2, disc_beta1, disc_beta2})
    if (!(b >= 0 && b < 1)) throw ConfigError("Adam betas must lie in [0, 1)");
  if (batch_size < 2) throw ConfigError("batch size must be at least 2 (the discriminator permutes across it)");
  if (epochs < 1 && max_steps < 1) throw ConfigError("give at least one epoch or a positive step budget");
  if (beta_warmup_epochs < 0 || gamma_warmup_epochs < 0) throw ConfigError("warm-up epochs must be zero or positive");
  if (threads < 1) throw ConfigError("threads must be at least 1");
  if (disc_precision != "auto" && disc_precision != "fp32" && disc_precision != "bf16")
    throw ConfigError("discriminator precision must be auto, fp32 or bf16, got '" + disc_precision + "'");
  if (disc_thread != "auto" && disc_thread != "on" && disc_thread != "off")
    throw ConfigError("discriminator thread must be auto, on or off, got '" + disc_thread + "'");
  if (device != "auto" && device != "cpu" && device != "cuda")
    throw ConfigError("device must be auto, cpu or cuda, got '" + device + "'");
}

double TrainConfig::beta_at(int64_t epoch) const {
  if (beta_warmup_epochs <= 0) return beta;
  double ramp = beta * static_cast<double>(epoch) / static_cast<double>(beta_warmup_epochs);
  return std::min(beta, std::max(beta_min, ramp));
}

double TrainConfig::gamma_at(int64_t epoch) const {
  if (gamma_warmup_epochs <= 0) return gamma;
  return std::min(gamma, gamma * static_cast<double>(epoch) / static_cast<double>(gamma_warmup_epochs));
}

double TrainConfig::capacity_at(int64_t step) const {
  if (kl_capacity <= 0 || capacity_steps <= 0) return kl_capacity;
  return kl_capacity * std::min(1.0, static_cast<double>(step) / static_cast<double>(capacity_steps));
}

double TrainConfig::vae_lr_at(int64_t step, int64_t total_steps) const {
  // Warm-up: the first step runs at vae_lr / N, the N-th at the full rate.
  double rate = vae_lr;
  if (vae_lr_warmup_steps > 0 && step < vae_lr_warmup_steps)
    rate = vae_lr * static_cast<double>(step + 1) / static_cast<double>(vae_lr_warmup_steps);
  // Decay: its first step runs at the full rate, its last at vae_lr / decay_steps. Where both apply, the lower wins.
  const auto decay_steps = static_cast<int64_t>(std::llround(vae_lr_decay_fraction * static_cast<double>(total_steps)));
  const int64_t left = total_steps - step;
  if (decay_steps > 0 && left <= decay_steps)
    rate = std::min(rate, vae_lr * static_cast<double>(std::max<int64_t>(left, 1)) / static_cast<double>(decay_steps));
  return rate;
}

int64_t total_steps(const TrainConfig& train, int64_t steps_per_epoch) {
  return train.max_steps > 0 ? train.max_steps : train.epochs * steps_per_epoch;
}

const std::vector<Preset>& presets() {
  static const std::vector<Preset> all = [] {
    std::vector<Preset> p;
    Preset paper;
    paper.name = "paper";
    paper.description =
        "Lean convolutional model with Kim & Mnih's settings: Bernoulli likelihood, Adam 1e-4 (0.9, 0.999) for the "
        "VAE and 1e-4 (0.5, 0.9) for the discriminator, batch 64, beta 1, gamma per dataset (6.4 on natural images). "
        "On shapes the quality bar's recipe instead: beta 0.5, gamma 10 and learning rate 1e-3 at 32 px (beta and "
        "gamma scaled by what a factor step is worth at 28 and 64 px), a budget of about 12 minutes on 2 CPU cores.";
    p.push_back(paper);

    Preset burgess = paper;
    burgess.name = "burgess";
    burgess.description =
        "The field's standard 64×64 encoder and decoder (disentanglement_lib's conv_encoder and deconv_decoder: 4×4 "
        "stride-2 convolutions of 32, 32, 64, 64 channels and a dense layer of 256, mirrored), with the paper preset's "
        "settings and 10 latent dimensions, to compare with the literature in its own architecture.";
    burgess.model.architecture = Architecture::Burgess;
    burgess.model.image_size = 64;
    burgess.model.latent_dim = 10;  // as Kim & Mnih, 1Konny and disentanglement_lib on dSprites
    p.push_back(burgess);

    Preset seed;
    seed.name = "seed";
    seed.description =
        "The original Python project's layers (47.5 M parameters at latent 8) and recipe: MSE reconstruction, "
        "Adam 1e-3 with default betas for both networks, batch 256, beta = max(0.001, 0.7*epoch/30) capped at 0.7, "
        "gamma 9 on a batch-mean TC beside batch-summed terms. This project averages every term over the batch, so "
        "that gamma is 9/256 = 0.035 per sample here.";
    seed.model.architecture = Architecture::Seed;
    seed.train.reconstruction = Reconstruction::Gaussian;
    seed.train.vae_lr = seed.train.disc_lr = 1e-3;
    seed.train.vae_beta1 = seed.train.disc_beta1 = 0.9;
    seed.train.vae_beta2 = seed.train.disc_beta2 = 0.999;
    seed.train.batch_size = 256;
    seed.train.beta = 0.7;
    seed.train.beta_min = 0.001;
    seed.train.beta_warmup_epochs = 30;
    seed.train.gamma = 9.0 / 256.0;
    seed.train.epochs = 30;
    p.push_back(seed);
    return p;
  }();
  return all;
}

const Preset& preset(const std::string& name) {
  for (const auto& p : presets())
    if (p.name == name) return p;
  throw ConfigError("unknown preset '" + name + "' (choose paper, burgess or seed)");
}

double default_gamma_for_dataset(const std::string& dataset_kind) {
  // The paper's choices: 35 on dSprites-like data; 6.4 on natural images.
  return dataset_kind == "shapes" ? 35.0 : 6.4;
}

namespace {

// Names of the architectures that are their own record (all but the two seed layouts).
const std::pair<Architecture, const char*> kArchitectureNames[] = {
    {Architecture::Lean, "lean"},
    {Architecture::Burgess, "burgess"},
    {Architecture::KonnyFactorVae1, "1konny-factorvae1"},
    {Architecture::KonnyFactorVae2, "1konny-factorvae2"},
    {Architecture::KonnyFactorVae3, "1konny-factorvae3"},
    {Architecture::KonnyBetaVaeH, "1konny-betavae-h"},
    {Architecture::KonnyBetaVaeB, "1konny-betavae-b"},
    {Architecture::AntixkBetaVae, "antixk-betavae"},
    {Architecture::AntixkFactorVae, "antixk-factorvae"},
    {Architecture::AntixkBetaTcVae, "antixk-betatcvae"}};

}  // namespace

std::string to_string(Architecture a) {
  if (a == Architecture::Seed) return "seed";
  if (a == Architecture::SeedV1) return "seed-v1";
  for (const auto& [architecture, name] : kArchitectureNames)
    if (architecture == a) return name;
  return "?";
}
std::string to_string(Reconstruction r) { return r == Reconstruction::Bernoulli ? "bernoulli" : "gaussian"; }

Architecture architecture_from_string(const std::string& s) {
  if (s == "lean") return Architecture::Lean;
  if (s == "seed") return Architecture::Seed;
  if (s == "burgess") return Architecture::Burgess;
  throw ConfigError("unknown architecture '" + s + "' (choose lean, seed or burgess)");
}

bool is_trainable(Architecture a) {
  return a == Architecture::Lean || a == Architecture::Seed || a == Architecture::SeedV1 || a == Architecture::Burgess;
}

bool is_reference(Architecture a) { return !is_trainable(a); }

bool has_plain_layers(Architecture a) { return a == Architecture::Lean || a == Architecture::Burgess; }

std::string architecture_record(Architecture a) {
  if (a == Architecture::Seed) return "seed-2";
  if (a == Architecture::SeedV1) return "seed";
  return to_string(a);
}

Architecture architecture_from_record(const std::string& s) {
  if (s == "seed-2") return Architecture::Seed;
  if (s == "seed") return Architecture::SeedV1;
  for (const auto& [architecture, name] : kArchitectureNames)
    if (s == name) return architecture;
  throw ConfigError("unknown architecture '" + s + "' (written by a newer FactorVAE Studio?)");
}

bool is_seed(Architecture a) { return a == Architecture::Seed || a == Architecture::SeedV1; }

Reconstruction reconstruction_from_string(const std::string& s) {
  if (s == "bernoulli" || s == "bce") return Reconstruction::Bernoulli;
  if (s == "gaussian" || s == "mse") return Reconstruction::Gaussian;
  throw ConfigError("unknown reconstruction loss '" + s + "' (choose bernoulli or gaussian)");
}

KeyValues to_key_values(const ModelConfig& m, const TrainConfig& t) {
  KeyValues kv;
  kv["model.architecture"] = architecture_record(m.architecture);
  kv["model.channels"] = std::to_string(m.channels);
  kv["model.image_size"] = std::to_string(m.image_size);
  kv["model.latent_dim"] = std::to_string(m.latent_dim);
  kv["train.reconstruction"] = to_string(t.reconstruction);
  kv["train.beta"] = format_double(t.beta);
  kv["train.beta_min"] = format_double(t.beta_min);
  kv["train.beta_warmup_epochs"] = std::to_string(t.beta_warmup_epochs);
  kv["train.gamma"] = format_double(t.gamma);
  kv["train.gamma_warmup_epochs"] = std::to_string(t.gamma_warmup_epochs);
  kv["train.vae_lr_decay_fraction"] = format_double(t.vae_lr_decay_fraction);
  kv["train.vae_lr_warmup_steps"] = std::to_string(t.vae_lr_warmup_steps);
  kv["train.kl_capacity"] = format_double(t.kl_capacity);
  kv["train.capacity_steps"] = std::to_string(t.capacity_steps);
  kv["train.vae_lr"] = format_double(t.vae_lr);
  kv["train.vae_beta1"] = format_double(t.vae_beta1);
  kv["train.vae_beta2"] = format_double(t.vae_beta2);
  kv["train.disc_lr"] = format_double(t.disc_lr);
  kv["train.disc_beta1"] = format_double(t.disc_beta1);
  kv["train.disc_beta2"] = format_double(t.disc_beta2);
  kv["train.batch_size"] = std::to_string(t.batch_size);
  kv["train.epochs"] = std::to_string(t.epochs);
  kv["train.max_steps"] = std::to_string(t.max_steps);
  kv["train.seed"] = std::to_string(t.seed);
  kv["train.threads"] = std::to_string(t.threads);
  kv["train.device"] = t.device;
  kv["train.disc_precision"] = t.disc_precision;
  kv["train.disc_thread"] = t.disc_thread;
  return kv;
}

void from_key_values(const KeyValues& kv, ModelConfig& m, TrainConfig& t) {
  auto get = [&](const std::string& key) -> const std::string& {
    auto it = kv.find(key);
    if (it == kv.end()) throw ConfigError("missing configuration entry '" + key + "'");
    return it->second;
  };
  m.architecture = architecture_from_record(get("model.architecture"));
  m.channels = parse_int("model.channels", get("model.channels"));
  m.image_size = parse_int("model.image_size", get("model.image_size"));
  m.latent_dim = parse_int("model.latent_dim", get("model.latent_dim"));
  t.reconstruction = reconstruction_from_string(get("train.reconstruction"));
  t.beta = parse_double("train.beta", get("train.beta"));
  t.beta_min = parse_double("train.beta_min", get("train.beta_min"));
  t.beta_warmup_epochs = parse_int("train.beta_warmup_epochs", get("train.beta_warmup_epochs"));
  t.gamma = parse_double("train.gamma", get("train.gamma"));
  t.gamma_warmup_epochs = parse_int("train.gamma_warmup_epochs", get("train.gamma_warmup_epochs"));
  t.vae_lr = parse_double("train.vae_lr", get("train.vae_lr"));
  t.vae_beta1 = parse_double("train.vae_beta1", get("train.vae_beta1"));
  t.vae_beta2 = parse_double("train.vae_beta2", get("train.vae_beta2"));
  t.disc_lr = parse_double("train.disc_lr", get("train.disc_lr"));
  t.disc_beta1 = parse_double("train.disc_beta1", get("train.disc_beta1"));
  t.disc_beta2 = parse_double("train.disc_beta2", get("train.disc_beta2"));
  t.batch_size = parse_int("train.batch_size", get("train.batch_size"));
  t.epochs = parse_int("train.epochs", get("train.epochs"));
  t.max_steps = parse_int("train.max_steps", get("train.max_steps"));
  t.seed = parse_unsigned("train.seed", get("train.seed"));
  t.threads = static_cast<int>(parse_int("train.threads", get("train.threads")));
  t.device = get("train.device");
  // Entries added later: a checkpoint written before one existed gets what it trained with (a constant learning rate,
  // no warm-up, no capacity target, fp32 discriminator products).
  auto get_or = [&](const std::string& key, const std::string& fallback) {
    auto it = kv.find(key);
    return it == kv.end() ? fallback : it->second;
  };
  t.vae_lr_decay_fraction = parse_double("train.vae_lr_decay_fraction", get_or("train.vae_lr_decay_fraction", "0"));
  t.vae_lr_warmup_steps = parse_int("train.vae_lr_warmup_steps", get_or("train.vae_lr_warmup_steps", "0"));
  t.kl_capacity = parse_double("train.kl_capacity", get_or("train.kl_capacity", "0"));
  t.capacity_steps = parse_int("train.capacity_steps", get_or("train.capacity_steps", "0"));
  t.disc_precision = get_or("train.disc_precision", "fp32");
  t.disc_thread = get_or("train.disc_thread", "auto");
  m.validate();
  t.validate();
}

std::string serialize_key_values(const KeyValues& kv) {
  std::string out;
  for (const auto& [k, v] : kv) {
    if (k.find_first_of("=\n") != std::string::npos || v.find('\n') != std::string::npos)
      throw ConfigError("configuration entry '" + k + "' cannot be stored (contains '=' or a newline)");
    out += k + "=" + v + "\n";
  }
  return out;
}

KeyValues parse_key_values(const std::string& text) {
  KeyValues kv;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ConfigError("malformed configuration line " + std::to_string(number) + ": '" + line + "'");
    kv[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return kv;
}

}  // namespace fvae
