#pragma once
// Model and training configuration: plain structs, presets and a text form stored in checkpoints.

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace fvae {

// Raised for invalid user-supplied configuration values.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Lean: this project's small convolutional model. Seed: the original Python project's layers (3liFi/FactorVAE,
// python/model/vae.py), layer for layer. SeedV1: the layout this project gave the seed architecture before December
// 2026, whose decoder had the wrong strides (14×14 after the second transposed convolution instead of 7×7); kept only
// so that models trained with it keep decoding as they did. No new model is made with it.
// Burgess: the field's standard 64×64 convolutional encoder and decoder (disentanglement_lib's conv_encoder and
// deconv_decoder; model/nn/reference_networks.h). The rest are the reference implementations' models, layer for layer
// and under their own module names, for models trained elsewhere (imported, not trained here):
// 1Konny/FactorVAE's FactorVAE1/2/3, 1Konny/Beta-VAE's BetaVAE_H and BetaVAE_B, and AntixK/PyTorch-VAE's BetaVAE,
// FactorVAE and BetaTCVAE.
enum class Architecture {
  Lean,
  Seed,
  SeedV1,
  Burgess,
  KonnyFactorVae1,
  KonnyFactorVae2,
  KonnyFactorVae3,
  KonnyBetaVaeH,
  KonnyBetaVaeB,
  AntixkBetaVae,
  AntixkFactorVae,
  AntixkBetaTcVae
};
enum class Reconstruction { Bernoulli, Gaussian };

struct ModelConfig {
  Architecture architecture = Architecture::Lean;
  int64_t channels = 1;
  int64_t image_size = 28;
  int64_t latent_dim = 8;

  void validate() const;  // throws ConfigError
  bool operator==(const ModelConfig& other) const;
  bool operator!=(const ModelConfig& other) const { return !(*this == other); }
  std::string describe() const;  // e.g. "lean 1×28×28, latent 8"
};

struct TrainConfig {
  Reconstruction reconstruction = Reconstruction::Bernoulli;
  // β schedule: beta_at(epoch) = clamp(beta * epoch / beta_warmup_epochs, beta_min, beta); no warm-up when 0.
  double beta = 1.0;
  double beta_min = 0.0;
  int64_t beta_warmup_epochs = 0;
  double gamma = 35.0;
  int64_t gamma_warmup_epochs = 0;  // linear 0 → gamma when > 0
  // KL capacity (Burgess et al. 2018, "Understanding disentangling in β-VAE"): when kl_capacity > 0 the KL term
  // becomes β·|KL − C|, with C rising linearly from 0 to kl_capacity nats over capacity_steps steps. Unlike a small β,
  // which only allows more KL, the target pushes it up, so dimensions open one after another as C grows.
  double kl_capacity = 0.0;
  int64_t capacity_steps = 0;
  double vae_lr = 1e-4, vae_beta1 = 0.9, vae_beta2 = 0.999;
  // Over this last fraction of the step budget the VAE's learning rate falls linearly towards 0 (0: constant). Adam
  // moves every weight by about the learning rate whatever the gradient's size, so at a constant rate the unused
  // dimensions' means keep jittering with the input instead of settling at 0.
  double vae_lr_decay_fraction = 0.0;
  // Over the first this many steps the VAE's learning rate rises linearly from vae_lr / N to vae_lr (0: none): a head
  // start for the discriminator, whose density-ratio estimate is still untrained while the VAE's latent layout forms
  // (in the first few hundred steps at a constant rate).
  int64_t vae_lr_warmup_steps = 0;
  double disc_lr = 1e-4, disc_beta1 = 0.5, disc_beta2 = 0.9;
  int64_t batch_size = 64;
  int64_t epochs = 10;
  int64_t max_steps = 0;  // > 0: stop after this many steps in total, whatever the epoch count
  uint64_t seed = 1;
  int threads = 1;              // intra-op threads; one is fastest on the 2-vCPU machines we measured
  std::string device = "auto";  // "auto" (CUDA when available), "cpu" or "cuda"
  // Arithmetic of the discriminator's matrix products: "fp32", "bf16" (bfloat16 products of fp32 master weights,
  // as mixed-precision training does) or "auto" (bf16 on CPUs with native bfloat16 instructions, e.g. AMX, where
  // it is several times faster, and on GPUs of compute capability 8.0 or newer; fp32 elsewhere). The VAE always
  // computes in fp32.
  std::string disc_precision = "auto";
  // Whether the discriminator's step runs on a second CPU core while the VAE's backward pass runs: "on", "off" or
  // "auto" (on for CPU training with one intra-op thread on a machine with two or more cores). The results are
  // bit-identical either way; only the speed differs.
  std::string disc_thread = "auto";

  void validate() const;  // throws ConfigError
  double beta_at(int64_t epoch) const;
  double gamma_at(int64_t epoch) const;
  double capacity_at(int64_t step) const;                     // C after `step` steps; 0 when the capacity target is off
  double vae_lr_at(int64_t step, int64_t total_steps) const;  // the learning rate of the step after `step` steps
};

struct Preset {
  std::string name;
  std::string description;
  ModelConfig model;
  TrainConfig train;
};

// "paper": Kim & Mnih's optimiser settings on the lean model. "seed": the original Python project's layers and
// training recipe (MSE, Adam 1e-3, batch 256, β warm-up 0.001 → 0.7 over 30 epochs, γ 9 on a batch-mean TC beside
// batch-summed terms, i.e. γ = 9/256 ≈ 0.035 per sample in this project's per-sample convention).
const std::vector<Preset>& presets();

// The step budget a configuration implies: max_steps when set, else epochs of `steps_per_epoch`.
int64_t total_steps(const TrainConfig& train, int64_t steps_per_epoch);
const Preset& preset(const std::string& name);  // throws ConfigError for an unknown name
double default_gamma_for_dataset(const std::string& dataset_kind);

// What users type (--arch) and read: "lean", "seed", "seed-v1" (the earlier layout), "burgess", and the reference
// implementations' names ("1konny-factorvae1", "antixk-betatcvae", …).
std::string to_string(Architecture a);
std::string to_string(Reconstruction r);
// A user's choice for a new model: "lean", "seed" or "burgess" (the earlier seed layout and the imported models'
// architectures are not offered for training).
Architecture architecture_from_string(const std::string& s);
// Whether this program trains models of the architecture (the imported ones are decoded, encoded and scored only).
bool is_trainable(Architecture a);
// A model trained elsewhere, in the layers and names of its own code.
bool is_reference(Architecture a);
// Whether a training batch may be split among threads (no BatchNorm, whose statistics depend on the split) and the
// discriminator is the paper's (Linear and LeakyReLU only, so bfloat16 products apply): lean and burgess.
bool has_plain_layers(Architecture a);
// How a checkpoint's configuration names the architecture: "lean", "seed-2" (the original's layers) and "seed", which
// every checkpoint of the earlier layout holds. A build from before the correction refuses "seed-2" instead of
// decoding it with the wrong strides.
std::string architecture_record(Architecture a);
Architecture architecture_from_record(const std::string& s);
bool is_seed(Architecture a);  // either seed layout: the original's encoder, BatchNorm discriminator
Reconstruction reconstruction_from_string(const std::string& s);

// Flat key=value text used inside checkpoints; parsing rejects unknown or malformed entries.
using KeyValues = std::map<std::string, std::string>;
KeyValues to_key_values(const ModelConfig& m, const TrainConfig& t);
void from_key_values(const KeyValues& kv, ModelConfig& m, TrainConfig& t);
std::string serialize_key_values(const KeyValues& kv);
KeyValues parse_key_values(const std::string& text);

}  // namespace fvae
