#include "model/checkpoint.h"

#include <filesystem>

#include "model/atomic_file.h"

namespace fvae {

namespace {

const char* const kFormat = "FactorVAE Studio checkpoint 1";

void write_module(torch::serialize::OutputArchive& archive, const std::string& prefix, torch::nn::Module& module) {
  for (const auto& item : module.named_parameters()) archive.write(prefix + item.key(), item.value().cpu());
  for (const auto& item : module.named_buffers()) archive.write(prefix + item.key(), item.value().cpu(), true);
}

void read_module(torch::serialize::InputArchive& archive, const std::string& prefix, torch::nn::Module& module,
                 const std::string& path) {
  torch::NoGradGuard no_grad;
  auto load = [&](const std::string& name, torch::Tensor& target, bool is_buffer) {
    torch::Tensor stored;
    if (!archive.try_read(prefix + name, stored, is_buffer))
      throw CheckpointError(path + ": tensor '" + prefix + name + "' is missing (damaged file or another version)");
    if (stored.sizes() != target.sizes())
      throw CheckpointError(path + ": tensor '" + prefix + name + "' has shape " + c10::str(stored.sizes()) +
                            " but the stored configuration needs " + c10::str(target.sizes()));
    if (stored.scalar_type() != target.scalar_type())
      throw CheckpointError(path + ": tensor '" + prefix + name + "' has the wrong data type");
    target.copy_(stored);
  };
  for (auto& item : module.named_parameters()) load(item.key(), item.value(), false);
  for (auto& item : module.named_buffers()) load(item.key(), item.value(), true);
}

torch::Tensor history_tensor(const std::vector<StepReport>& history, int64_t latent_dim) {
  const int64_t columns = static_cast<int64_t>(StepReport::column_names(latent_dim).size());
  auto t = torch::zeros({static_cast<int64_t>(history.size()), columns}, torch::kDouble);
  auto a = t.accessor<double, 2>();
  for (size_t i = 0; i < history.size(); ++i) {
    auto v = history[i].values();
    for (int64_t j = 0; j < columns && j < static_cast<int64_t>(v.size()); ++j) a[i][j] = v[j];
  }
  return t;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) s += (i ? "\n" : "") + names[i];
  return s;
}

std::vector<std::string> split_names(const std::string& s, int64_t count) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    auto end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  out.resize(static_cast<size_t>(count));
  return out;
}

KeyValues metadata(const ModelConfig& m, const TrainConfig& t, const DatasetInfo& d, int64_t epoch, int64_t step) {
  auto kv = to_key_values(m, t);
  kv["dataset.spec"] = d.spec;
  kv["dataset.split"] = d.split;
  kv["dataset.description"] = d.description;
  kv["dataset.subset"] = std::to_string(d.subset);
  kv["progress.epoch"] = std::to_string(epoch);
  kv["progress.step"] = std::to_string(step);
  return kv;
}

void write_atomically(const std::string& path, torch::serialize::OutputArchive& archive) {
  // Serialise into memory first: LibTorch's file writer throws from a destructor when a write fails (a full disk
  // would terminate the program); here every write error is ours to report.
  std::string bytes;
  archive.save_to([&bytes](const void* data, size_t size) -> size_t {
    bytes.append(static_cast<const char*>(data), size);
    return size;
  });
  try {
    write_file_atomically(path, bytes);
  } catch (const FileWriteError& e) {
    throw CheckpointError(e.what());
  }
}

}  // namespace

std::string Checkpoint::latent_name(int64_t dim) const {
  if (dim >= 0 && dim < static_cast<int64_t>(latent_names.size()) && !latent_names[dim].empty())
    return latent_names[dim];
  return "z" + std::to_string(dim);
}

namespace {

// What every checkpoint holds: format marker, configuration, names, the three networks and the loss history.
void write_model(torch::serialize::OutputArchive& archive, const ModelConfig& model, const TrainConfig& train,
                 const DatasetInfo& dataset, int64_t epoch, int64_t step, const std::vector<std::string>& latent_names,
                 Networks& networks, const std::vector<StepReport>& history) {
  const std::string config = serialize_key_values(metadata(model, train, dataset, epoch, step));
  // A run must never write a checkpoint it cannot read back: parse the configuration as load_checkpoint will.
  try {
    ModelConfig m;
    TrainConfig t;
    from_key_values(parse_key_values(config), m, t);
  } catch (const ConfigError& e) {
    throw CheckpointError(std::string("the configuration would not load again (") + e.what() +
                          "); nothing was written");
  }
  archive.write("format", c10::IValue(std::string(kFormat)));
  archive.write("config", c10::IValue(config));
  archive.write("latent_names", c10::IValue(join_names(latent_names)));
  write_module(archive, "encoder.", *networks.encoder);
  write_module(archive, "decoder.", *networks.decoder);
  write_module(archive, "discriminator.", *networks.discriminator);
  archive.write("history", history_tensor(history, model.latent_dim));
}

}  // namespace

void save_checkpoint(const std::string& path, Trainer& trainer, const DatasetInfo& dataset,
                     const std::vector<std::string>& latent_names) {
  const auto& progress = trainer.progress();
  torch::serialize::OutputArchive archive;
  write_model(archive, trainer.model_config(), trainer.train_config(), dataset, progress.epoch, progress.step,
              latent_names, trainer.networks(), trainer.history());
  torch::serialize::OutputArchive vae_opt, disc_opt;
  trainer.vae_optimizer().save(vae_opt);
  trainer.disc_optimizer().save(disc_opt);
  archive.write("vae_optimizer", vae_opt);
  archive.write("disc_optimizer", disc_opt);
  archive.write("state.generator", trainer.generator().get_state());
  archive.write("state.global_generator", at::detail::getDefaultCPUGenerator().get_state());
  archive.write("state.step_in_epoch", torch::tensor({progress.step_in_epoch}, torch::kLong));
  if (progress.vae_order.defined()) {
    archive.write("state.vae_order", progress.vae_order);
    archive.write("state.disc_order", progress.disc_order);
  }
  write_atomically(path, archive);
}

void save_checkpoint(const std::string& path, const Checkpoint& cp) {
  torch::serialize::OutputArchive archive;
  write_model(archive, cp.model, cp.train, cp.dataset, cp.epoch, cp.step, cp.latent_names, *cp.networks, cp.history);
  if (cp.has_training_state && cp.archive) {
    // Carry the training state over, so that a renamed checkpoint can still be resumed. Optimiser state goes through
    // optimisers over the same parameters, as the trainer wrote it.
    auto& in = *cp.archive;
    std::vector<torch::Tensor> vae_params = cp.networks->encoder->parameters();
    for (auto& p : cp.networks->decoder->parameters()) vae_params.push_back(p);
    FusedAdam vae(vae_params, torch::optim::AdamOptions()), disc(cp.networks->discriminator->parameters(), {});
    torch::serialize::InputArchive vae_in, disc_in;
    in.read("vae_optimizer", vae_in);
    in.read("disc_optimizer", disc_in);
    vae.load(vae_in);
    disc.load(disc_in);
    torch::serialize::OutputArchive vae_out, disc_out;
    vae.save(vae_out);
    disc.save(disc_out);
    archive.write("vae_optimizer", vae_out);
    archive.write("disc_optimizer", disc_out);
    for (const char* key :
         {"state.generator", "state.global_generator", "state.step_in_epoch", "state.vae_order", "state.disc_order"}) {
      torch::Tensor t;
      if (in.try_read(key, t)) archive.write(key, t);
    }
  }
  write_atomically(path, archive);
}

Checkpoint load_checkpoint(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CheckpointError(path + ": no such file");
  if (fs::is_directory(path, ec)) throw CheckpointError(path + ": is a folder, not a checkpoint file");
  auto archive = std::make_shared<torch::serialize::InputArchive>();
  try {
    archive->load_from(path);
  } catch (const std::exception& e) {
    throw CheckpointError(path +
                          ": not a readable FactorVAE Studio checkpoint (the file is damaged, truncated or of "
                          "another format)");
  }
  Checkpoint cp;
  c10::IValue format, config, names;
  if (!archive->try_read("format", format) || !format.isString() || format.toStringRef() != kFormat)
    throw CheckpointError(path +
                          ": not a FactorVAE Studio checkpoint (no format marker; a PyTorch or Lightning file "
                          "must be converted with tools/convert_checkpoint.py)");
  if (!archive->try_read("config", config) || !config.isString())
    throw CheckpointError(path + ": the configuration entry is missing");
  KeyValues kv;
  try {
    kv = parse_key_values(config.toStringRef());
    from_key_values(kv, cp.model, cp.train);
  } catch (const ConfigError& e) {
    throw CheckpointError(path + ": invalid configuration: " + e.what());
  }
  auto value = [&](const std::string& key) { return kv.count(key) ? kv.at(key) : std::string(); };
  cp.dataset.spec = value("dataset.spec");
  cp.dataset.split = value("dataset.split");
  cp.dataset.description = value("dataset.description");
  try {
    cp.dataset.subset = std::stoll(value("dataset.subset"));
    cp.epoch = std::stoll(value("progress.epoch"));
    cp.step = std::stoll(value("progress.step"));
  } catch (const std::exception&) {
    throw CheckpointError(path + ": the progress entries are damaged");
  }
  if (archive->try_read("latent_names", names) && names.isString())
    cp.latent_names = split_names(names.toStringRef(), cp.model.latent_dim);
  else
    cp.latent_names.assign(static_cast<size_t>(cp.model.latent_dim), "");

  cp.networks = std::make_shared<Networks>(cp.model);
  read_module(*archive, "encoder.", *cp.networks->encoder, path);
  read_module(*archive, "decoder.", *cp.networks->decoder, path);
  read_module(*archive, "discriminator.", *cp.networks->discriminator, path);
  cp.networks->train(false);

  torch::Tensor history;
  if (archive->try_read("history", history) && history.dim() == 2 && history.scalar_type() == torch::kDouble) {
    auto a = history.accessor<double, 2>();
    for (int64_t i = 0; i < history.size(0); ++i) {
      std::vector<double> row(static_cast<size_t>(history.size(1)));
      for (int64_t j = 0; j < history.size(1); ++j) row[j] = a[i][j];
      cp.history.push_back(StepReport::from_values(row));
    }
  }
  torch::Tensor step_in_epoch;
  cp.has_training_state = archive->try_read("state.step_in_epoch", step_in_epoch);
  cp.archive = archive;
  return cp;
}

void restore_training_state(const Checkpoint& cp, Trainer& trainer, const std::string& path) {
  if (trainer.model_config() != cp.model)
    throw CheckpointError(path + ": the checkpoint holds a " + cp.model.describe() + " model, not the requested " +
                          trainer.model_config().describe());
  if (!cp.has_training_state || !cp.archive)
    throw CheckpointError(path + ": holds weights only, no training state to resume from");
  auto& archive = *cp.archive;
  auto& nets = trainer.networks();
  {
    torch::NoGradGuard no_grad;
    auto copy = [&](torch::nn::Module& from, torch::nn::Module& to) {
      auto src = from.named_parameters();
      for (auto& item : to.named_parameters()) item.value().copy_(src[item.key()]);
      auto srcb = from.named_buffers();
      for (auto& item : to.named_buffers()) item.value().copy_(srcb[item.key()]);
    };
    copy(*cp.networks->encoder, *nets.encoder);
    copy(*cp.networks->decoder, *nets.decoder);
    copy(*cp.networks->discriminator, *nets.discriminator);
  }
  try {
    torch::serialize::InputArchive vae_opt, disc_opt;
    archive.read("vae_optimizer", vae_opt);
    archive.read("disc_optimizer", disc_opt);
    trainer.vae_optimizer().load(vae_opt);
    trainer.disc_optimizer().load(disc_opt);
    // Optimiser state loads onto the CPU; move it to the model's device.
    for (auto* opt : {&trainer.vae_optimizer(), &trainer.disc_optimizer()})
      for (auto& group : opt->param_groups())
        for (auto& p : group.params()) {
          auto it = opt->state().find(c10::guts::to_string(p.unsafeGetTensorImpl()));
          if (it == opt->state().end()) continue;
          auto& s = static_cast<torch::optim::AdamParamState&>(*it->second);
          s.exp_avg(s.exp_avg().to(p.device()));
          s.exp_avg_sq(s.exp_avg_sq().to(p.device()));
          if (s.max_exp_avg_sq().defined()) s.max_exp_avg_sq(s.max_exp_avg_sq().to(p.device()));
        }
    torch::Tensor generator_state, global_state, step_in_epoch;
    archive.read("state.generator", generator_state);
    archive.read("state.global_generator", global_state);
    archive.read("state.step_in_epoch", step_in_epoch);
    trainer.generator().set_state(generator_state);
    at::Generator global = at::detail::getDefaultCPUGenerator();  // shares the default generator's state
    global.set_state(global_state);
    auto& progress = trainer.progress();
    progress.epoch = cp.epoch;
    progress.step = cp.step;
    progress.step_in_epoch = step_in_epoch.item<int64_t>();
    torch::Tensor vae_order, disc_order;
    if (archive.try_read("state.vae_order", vae_order) && archive.try_read("state.disc_order", disc_order)) {
      if (vae_order.numel() != trainer.dataset().size())
        throw CheckpointError(path + ": was trained on " + std::to_string(vae_order.numel()) +
                              " images, but the dataset now holds " + std::to_string(trainer.dataset().size()));
      progress.vae_order = vae_order;
      progress.disc_order = disc_order;
    } else {
      progress.vae_order = progress.disc_order = torch::Tensor();
    }
  } catch (const CheckpointError&) {
    throw;
  } catch (const std::exception& e) {
    throw CheckpointError(path + ": the training state is damaged: " + std::string(e.what()).substr(0, 200));
  }
  trainer.history() = cp.history;
}

}  // namespace fvae
