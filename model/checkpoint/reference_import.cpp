#include "model/checkpoint/reference_import.h"

#include <algorithm>
#include <optional>
#include <set>

#include "model/checkpoint/export.h"
#include "model/checkpoint/legacy_archive.h"

namespace fvae {

namespace {

struct Family {
  Architecture architecture;
  const char* group;
  const char* channels_from;  // a convolution weight [out, C, k, k]
  const char* latent_from;    // a weight whose first size is latent × latent_factor
  int64_t latent_factor;
  const char* discriminator_from;  // 1Konny: its separate Discriminator's first layer, anywhere in the file
};

const Family kFamilies[] = {
    {Architecture::KonnyFactorVae1, "1konny-factorvae", "encode.0.weight", "encode.10.weight", 2, "net.0.weight"},
    {Architecture::KonnyFactorVae2, "1konny-factorvae", "encode.0.weight", "encode.10.weight", 2, "net.0.weight"},
    {Architecture::KonnyFactorVae3, "1konny-factorvae", "encode.0.weight", "encode.10.weight", 2, "net.0.weight"},
    {Architecture::KonnyBetaVaeH, "1konny-betavae", "encoder.0.weight", "encoder.11.weight", 2, nullptr},
    {Architecture::KonnyBetaVaeB, "1konny-betavae", "encoder.0.weight", "encoder.13.weight", 2, nullptr},
    {Architecture::AntixkBetaVae, "antixk", "encoder.0.0.weight", "fc_mu.weight", 1, nullptr},
    {Architecture::AntixkFactorVae, "antixk", "encoder.0.0.weight", "fc_mu.weight", 1, nullptr},
    {Architecture::AntixkBetaTcVae, "antixk", "encoder.0.0.weight", "fc_mu.weight", 1, nullptr},
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

using Tensors = std::vector<std::pair<std::string, torch::Tensor>>;

const torch::Tensor* find(const Tensors& tensors, const std::string& name) {
  for (const auto& [n, t] : tensors)
    if (n == name) return &t;
  return nullptr;
}

// Where the model's state dict lies in the file: "" for a bare state dict, "model_states.VAE." for 1Konny's solver,
// "state_dict.model." for a Lightning checkpoint of AntixK's experiment, …
std::optional<std::string> prefix_of(const Tensors& tensors, const std::string& probe) {
  for (const auto& [name, t] : tensors)
    if (name == probe || ends_with(name, "." + probe)) return name.substr(0, name.size() - probe.size());
  return std::nullopt;
}

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string shape(const torch::Tensor& t) { return c10::str(t.sizes()); }

struct Attempt {
  const Family* family = nullptr;
  size_t matched = 0, expected = 1;
  std::string misfit;
  std::optional<Checkpoint> checkpoint;
};

// One module's tensors from the file: `prefix` + the module's own names.
struct ModuleMatch {
  torch::nn::Module* module;
  std::string prefix;
};

Attempt attempt(const TorchFile& file, const Family& family) {
  Attempt a;
  a.family = &family;
  const auto& tensors = file.tensors;
  const auto prefix = prefix_of(tensors, family.channels_from);
  if (!prefix) {
    a.misfit = std::string("'") + family.channels_from + "' is missing";
    return a;
  }
  const torch::Tensor* first = find(tensors, *prefix + family.channels_from);
  const torch::Tensor* latent = find(tensors, *prefix + family.latent_from);
  if (first->dim() != 4) {
    a.misfit = "'" + *prefix + family.channels_from + "' has shape " + shape(*first) + ", not a convolution's";
    return a;
  }
  if (!latent || latent->dim() < 2 || latent->size(0) % family.latent_factor != 0) {
    a.misfit = "'" + *prefix + family.latent_from + (latent ? "' has shape " + shape(*latent) : "' is missing");
    return a;
  }
  Checkpoint cp;
  cp.model.architecture = family.architecture;
  cp.model.channels = first->size(1);
  cp.model.image_size = 64;
  cp.model.latent_dim = latent->size(0) / family.latent_factor;
  try {
    cp.model.validate();
  } catch (const ConfigError& e) {
    a.misfit = "'" + *prefix + family.channels_from + "' has shape " + shape(*first) + ": " + e.what();
    return a;
  }
  cp.networks = std::make_shared<Networks>(cp.model);
  std::vector<ModuleMatch> modules = {{cp.networks->encoder.ptr().get(), *prefix},
                                      {cp.networks->decoder.ptr().get(), *prefix}};
  cp.has_discriminator = false;
  if (family.architecture == Architecture::AntixkFactorVae) {
    modules.push_back({cp.networks->discriminator.ptr().get(), *prefix});
    cp.has_discriminator = true;
  } else if (family.discriminator_from) {
    // 1Konny's solver saves its Discriminator beside the VAE (model_states.D); a bare VAE state dict has none.
    for (const auto& [name, t] : tensors)
      if ((name == family.discriminator_from || ends_with(name, std::string(".") + family.discriminator_from)) &&
          t.dim() == 2 && t.size(1) == cp.model.latent_dim) {
        modules.push_back({cp.networks->discriminator.ptr().get(),
                           name.substr(0, name.size() - std::string(family.discriminator_from).size())});
        cp.has_discriminator = true;
        break;
      }
  }
  std::set<std::string> used;
  std::vector<std::pair<torch::Tensor, const torch::Tensor*>> copies;
  a.expected = 0;
  for (const auto& m : modules) {
    auto check = [&](const std::string& own, const torch::Tensor& target) {
      ++a.expected;
      const std::string name = m.prefix + own;
      const torch::Tensor* stored = find(tensors, name);
      if (!stored) {
        if (a.misfit.empty()) a.misfit = "'" + name + "' is missing";
        return;
      }
      if (stored->sizes() != target.sizes()) {
        if (a.misfit.empty())
          a.misfit = "'" + name + "' has shape " + shape(*stored) + ", expected " + shape(target);
        return;
      }
      if (target.is_floating_point() != stored->is_floating_point()) {
        if (a.misfit.empty()) a.misfit = "'" + name + "' has the wrong type of numbers";
        return;
      }
      ++a.matched;
      used.insert(name);
      copies.emplace_back(target, stored);
    };
    for (const auto& item : m.module->named_parameters()) check(item.key(), item.value());
    for (const auto& item : m.module->named_buffers()) check(item.key(), item.value());
  }
  // Nothing else may lie beside the model's tensors: another layout of the same names is not this family.
  if (a.misfit.empty())
    for (const auto& [name, t] : tensors)
      if (!used.count(name) && std::any_of(modules.begin(), modules.end(),
                                           [&](const ModuleMatch& m) { return name.rfind(m.prefix, 0) == 0; })) {
        a.misfit = "'" + name + "' belongs to no layer of " + to_string(family.architecture);
        break;
      }
  if (!a.misfit.empty()) return a;
  torch::NoGradGuard no_grad;
  for (auto& [target, stored] : copies) {
    if (stored->is_floating_point() && !torch::isfinite(*stored).all().item<bool>()) {
      for (const auto& [name, t] : tensors)
        if (&t == stored) a.misfit = "'" + name + "' holds NaN or infinite values";
      a.matched = a.expected;  // the family fits; its weights do not
      return a;
    }
    target.copy_(stored->to(target.scalar_type()));
  }
  cp.networks->train(false);
  a.checkpoint = std::move(cp);
  return a;
}

}  // namespace

std::vector<std::string> reference_family_names() {
  std::vector<std::string> names = {"seed"};
  for (const auto& f : kFamilies) {
    if (std::find(names.begin(), names.end(), f.group) == names.end()) names.push_back(f.group);
    names.push_back(to_string(f.architecture));
  }
  return names;
}

bool is_foreign_torch_file(const std::string& bytes) {
  if (!looks_like_torch_file(bytes)) return false;
  if (!looks_like_zip(bytes)) return true;
  // LibTorch's module archives (this project's format 1) hold TorchScript constants; torch.save's files do not.
  return bytes.find("/constants.pkl") == std::string::npos;
}

Checkpoint checkpoint_from_reference(const TorchFile& file, const std::string& source, const std::string& family) {
  std::vector<const Family*> candidates;
  for (const auto& f : kFamilies)
    if (family.empty() || family == f.group || family == to_string(f.architecture)) candidates.push_back(&f);
  if (candidates.empty()) {
    std::string known;
    for (const auto& name : reference_family_names()) known += (known.empty() ? "" : ", ") + name;
    throw CheckpointError(source + ": unknown family '" + family + "' (choose " + known + ")");
  }
  if (file.tensors.empty()) throw CheckpointError(source + ": the file holds no tensors");
  std::optional<Attempt> closest;
  std::string tried;
  for (const Family* f : candidates) {
    Attempt a = attempt(file, *f);
    if (a.checkpoint) {
      Checkpoint cp = std::move(*a.checkpoint);
      for (const char* step : {"iter", "global_step", "step"})
        if (const auto it = file.integers.find(step); it != file.integers.end() && it->second >= 0) {
          cp.step = it->second;
          break;
        }
      if (const auto it = file.integers.find("epoch"); it != file.integers.end() && it->second >= 0)
        cp.epoch = it->second;
      cp.train = TrainConfig();
      // 1Konny's dSprites models and every 1Konny FactorVAE: Bernoulli; squared error on the colour ones.
      if (cp.model.channels == 3) cp.train.reconstruction = Reconstruction::Gaussian;
      cp.dataset.split = "train";
      cp.dataset.description = "imported from " + source + ", " + reference_origin(cp.model.architecture);
      cp.origin = reference_origin(cp.model.architecture);
      cp.foreign = true;
      cp.latent_names.assign(static_cast<size_t>(cp.model.latent_dim), "");
      return cp;
    }
    tried += (tried.empty() ? "" : ", ") + to_string(f->architecture);
    const double score = static_cast<double>(a.matched) / static_cast<double>(std::max<size_t>(a.expected, 1));
    const double best = closest ? static_cast<double>(closest->matched) /
                                      static_cast<double>(std::max<size_t>(closest->expected, 1))
                                : -1.0;
    if (score > best) closest = std::move(a);
  }
  throw CheckpointError(source + ": not a model of a supported family (tried " + tried + "); closest " +
                        to_string(closest->family->architecture) + ": " + closest->misfit);
}

Checkpoint import_model_file(const std::string& path, const std::string& bytes, const std::string& family) {
  TorchFile file;
  try {
    file = read_torch_file(path, bytes);
  } catch (const RecordError& e) {
    throw CheckpointError(e.what());
  }
  // The original project's LightningModule (3liFi/FactorVAE) keeps its VAE as `vae`, its layers as encoder.conv …
  if (family.empty() || family == "seed")
    if (const auto prefix = prefix_of(file.tensors, "vae.encoder.conv.0.weight")) {
      std::map<std::string, torch::Tensor> state;
      for (const auto& [name, t] : file.tensors)
        if (name.rfind(*prefix, 0) == 0) state[name.substr(prefix->size())] = t;
      Checkpoint cp = checkpoint_from_original(state, path);
      if (const auto it = file.integers.find(*prefix == "state_dict." ? "global_step" : ""); it != file.integers.end())
        cp.step = std::max<int64_t>(it->second, 0);
      cp.origin = "3liFi/FactorVAE (the original project)";
      cp.dataset.description = "imported from " + file_name(path);
      cp.foreign = true;
      return cp;
    }
  if (family == "seed") throw CheckpointError(path + ": not a checkpoint of the original project's seed layers");
  Checkpoint cp = checkpoint_from_reference(file, path, family);
  cp.dataset.description = "imported from " + file_name(path) + ", " + cp.origin;
  return cp;
}

ReferenceStateDicts reference_state_dicts(const Checkpoint& cp) {
  ReferenceStateDicts out;
  auto add = [](std::map<std::string, torch::Tensor>& to, torch::nn::Module& module) {
    for (const auto& item : module.named_parameters()) to[item.key()] = item.value().detach().cpu().clone();
    for (const auto& item : module.named_buffers()) to[item.key()] = item.value().detach().cpu().clone();
  };
  add(out.model, *cp.networks->encoder);
  add(out.model, *cp.networks->decoder);
  if (cp.has_discriminator && reference_has_discriminator(cp.model.architecture))
    add(cp.model.architecture == Architecture::AntixkFactorVae ? out.model : out.discriminator,
        *cp.networks->discriminator);
  return out;
}

}  // namespace fvae
