#include "model/checkpoint/export.h"

#include <cmath>
#include <cstdlib>
#include <set>

#include "model/base/atomic_file.h"
#include "model/base/numbers.h"
#include "model/base/torch_internals.h"
#include "model/checkpoint/reference_import.h"

namespace fvae {

namespace {

// Module paths of the seed architecture and of the original project; the layer indices inside them are the same.
const std::pair<const char*, const char*> kSeedPrefixes[] = {
    {"encoder.features.", "vae.encoder.conv."},         {"encoder.mu_head.", "vae.encoder.fc_mu."},
    {"encoder.logvar_head.", "vae.encoder.fc_logvar."}, {"decoder.dense.", "vae.decoder.fc."},
    {"decoder.upsampling.", "vae.decoder.deconv."},     {"discriminator.layers.", "discriminator.discriminator."}};

// The discriminators' last layer: this project's logit 0 is "drawn from q(z)", the original's logit 1.
bool is_discriminator_output(const std::string& ours) { return ours.rfind("discriminator.layers.8.", 0) == 0; }

std::string replace_prefix(const std::string& name, bool to_original) {
  for (const auto& [ours, original] : kSeedPrefixes) {
    const std::string from = to_original ? ours : original, to = to_original ? original : ours;
    if (name.rfind(from, 0) == 0) return to + name.substr(from.size());
  }
  return {};
}

void add_module(std::map<std::string, torch::Tensor>& out, const std::string& prefix, torch::nn::Module& module) {
  for (const auto& item : module.named_parameters()) out[prefix + item.key()] = item.value().detach().cpu().clone();
  for (const auto& item : module.named_buffers()) out[prefix + item.key()] = item.value().detach().cpu().clone();
}

c10::IValue config_value(const std::string& key, const std::string& text) {
  if (key == "train.seed") return text;
  if (const auto integer = parse_int64(text)) return *integer;
  if (const auto number = parse_double(text)) return *number;
  return text;
}

const char* decoder_output_note(const Checkpoint& cp) {
  if (cp.networks->decoder->output() == DecoderOutput::Tanh)
    return "tanh values (the original's own output; trained against images in [0, 1]: clamp to [0, 1] for intensities)";
  if (cp.model.architecture == Architecture::Seed) return "logits (the original project's Sigmoid follows)";
  return "logits (apply torch.sigmoid for intensities)";
}

}  // namespace

std::string seed_name_to_original(const std::string& ours) { return replace_prefix(ours, true); }
std::string seed_name_from_original(const std::string& original) { return replace_prefix(original, false); }

std::map<std::string, torch::Tensor> export_state_dict(const Checkpoint& cp) {
  if (is_reference(cp.model.architecture)) return reference_state_dicts(cp).model;
  std::map<std::string, torch::Tensor> ours;
  add_module(ours, "encoder.", *cp.networks->encoder);
  add_module(ours, "decoder.", *cp.networks->decoder);
  // Only the corrected seed layout is the original's model: the earlier one (SeedV1) keeps this project's names, so
  // that the original VAE class cannot load it strictly and decode other images than this project does.
  if (cp.model.architecture != Architecture::Seed) return ours;
  add_module(ours, "discriminator.", *cp.networks->discriminator);
  std::map<std::string, torch::Tensor> original;
  for (auto& [name, tensor] : ours) {
    if (is_discriminator_output(name)) tensor = tensor.flip(0).contiguous();
    original[seed_name_to_original(name)] = tensor;
  }
  return original;
}

void export_pytorch(const std::string& path, const Checkpoint& cp) {
  c10::Dict<std::string, torch::Tensor> state;
  for (const auto& [name, tensor] : export_state_dict(cp)) state.insert(name, tensor.contiguous());
  c10::impl::GenericDict config(c10::StringType::get(), c10::AnyType::get());
  for (const auto& [key, text] : to_key_values(cp.model, cp.train)) config.insert(key, config_value(key, text));
  config.insert("dataset.spec", cp.dataset.spec);
  config.insert("dataset.description", cp.dataset.description);
  config.insert("progress.step", cp.step);
  c10::List<std::string> names;
  for (int64_t d = 0; d < cp.model.latent_dim; ++d) names.push_back(cp.latent_name(d));
  c10::impl::GenericDict top(c10::StringType::get(), c10::AnyType::get());
  top.insert("format", std::string("FactorVAE Studio export 1"));
  top.insert("state_dict", state);
  top.insert("config", config);
  top.insert("latent_names", names);
  top.insert("decoder_output", std::string(decoder_output_note(cp)));
  if (is_reference(cp.model.architecture)) {
    // 1Konny's solver keeps its Discriminator apart from the VAE (model_states['D']); so does the export.
    c10::Dict<std::string, torch::Tensor> discriminator;
    for (const auto& [name, tensor] : reference_state_dicts(cp).discriminator)
      discriminator.insert(name, tensor.contiguous());
    if (discriminator.size()) top.insert("discriminator_state_dict", discriminator);
    top.insert("origin", reference_origin(cp.model.architecture));
  }

  const std::vector<char> archive = internals::torch_save_bytes(c10::IValue(top));
  try {
    write_file_atomically(path, archive.data(), archive.size());
  } catch (const FileWriteError& e) {
    throw CheckpointError(e.what());
  }
}

Checkpoint checkpoint_from_original(const std::map<std::string, torch::Tensor>& state, const std::string& source) {
  auto tensor = [&](const std::string& name) -> const torch::Tensor& {
    const auto it = state.find(name);
    if (it == state.end())
      throw CheckpointError(source + ": '" + name +
                            "' is missing: not a checkpoint of the original project's architecture");
    return it->second;
  };
  for (const auto& [name, t] : state)
    if (seed_name_from_original(name).empty())
      throw CheckpointError(source + ": '" + name + "' belongs to no layer of the original project's architecture");
  const auto& mu_in = tensor("vae.encoder.fc_mu.0.weight");
  const auto& mu_out = tensor("vae.encoder.fc_mu.6.weight");
  const auto& first = tensor("vae.encoder.conv.0.weight");
  if (mu_in.dim() != 2 || mu_out.dim() != 2 || first.dim() != 4)
    throw CheckpointError(source + ": the encoder's tensors have unexpected ranks");
  Checkpoint cp;
  cp.model.architecture = Architecture::Seed;
  cp.model.latent_dim = mu_out.size(0);
  cp.model.channels = first.size(1);
  // The dense heads read 512 maps of (size / 4)²: 25,088 inputs at 28×28.
  const int64_t quarter = static_cast<int64_t>(std::llround(std::sqrt(static_cast<double>(mu_in.size(1)) / 512.0)));
  cp.model.image_size = 4 * quarter;
  if (512 * quarter * quarter != mu_in.size(1))
    throw CheckpointError(source + ": the encoder's dense input (" + std::to_string(mu_in.size(1)) +
                          ") fits no image size");
  try {
    cp.model.validate();
  } catch (const ConfigError& e) {
    throw CheckpointError(source + ": " + e.what());
  }
  cp.train = preset("seed").train;
  cp.dataset.split = "train";
  cp.dataset.description = "imported from " + source;
  cp.latent_names.assign(static_cast<size_t>(cp.model.latent_dim), "");
  cp.networks = std::make_shared<Networks>(cp.model);
  torch::NoGradGuard no_grad;
  std::set<std::string> used;
  auto load = [&](const std::string& prefix, torch::nn::Module& module) {
    auto copy = [&](const std::string& name, torch::Tensor& target) {
      const std::string ours = prefix + name, original = seed_name_to_original(ours);
      auto stored = tensor(original);
      used.insert(original);
      if (stored.sizes() != target.sizes())
        throw CheckpointError(source + ": '" + original + "' has shape " + c10::str(stored.sizes()) + ", expected " +
                              c10::str(target.sizes()) + " for " + cp.model.describe());
      if (!stored.is_floating_point() && target.is_floating_point())
        throw CheckpointError(source + ": '" + original + "' is not a floating-point tensor");
      if (!torch::isfinite(stored.to(torch::kDouble)).all().item<bool>())
        throw CheckpointError(source + ": '" + original + "' holds NaN or infinite values");
      if (is_discriminator_output(ours)) stored = stored.flip(0);
      target.copy_(stored.to(target.scalar_type()));
    };
    for (auto& item : module.named_parameters()) copy(item.key(), item.value());
    for (auto& item : module.named_buffers()) copy(item.key(), item.value());
  };
  load("encoder.", *cp.networks->encoder);
  load("decoder.", *cp.networks->decoder);
  load("discriminator.", *cp.networks->discriminator);
  // Every tensor must have found its layer: one more (another layout of the same module names) is not ignored.
  for (const auto& [name, t] : state)
    if (!used.count(name))
      throw CheckpointError(source + ": '" + name + "' belongs to no layer of the original project's architecture");
  cp.networks->train(false);
  return cp;
}

}  // namespace fvae
