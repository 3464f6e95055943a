#include "model/checkpoint/checkpoint.h"

#include <filesystem>
#include <fstream>
#include <set>

#include "model/base/atomic_file.h"
#include "model/base/numbers.h"
#include "model/base/torch_internals.h"
#include "model/checkpoint/legacy_archive.h"
#include "model/checkpoint/record_file.h"
#include "model/checkpoint/reference_import.h"
#include "model/checkpoint/safetensors_file.h"

namespace fvae {

namespace {

// Format 1 was LibTorch's TorchScript archive (read by legacy_archive.cpp), format 2 record_file.h's container;
// format 3, written now, is safetensors (safetensors_file.h). The records inside are the same in all three.
const char* const kFormat1 = "FactorVAE Studio checkpoint 1";
const char* const kFormat2 = "FactorVAE Studio checkpoint 2";
const char* const kFormat3 = "FactorVAE Studio checkpoint 3";
// The "contents" entry of a file without the discriminator and training state (for sharing a trained model).
const char* const kWeightsOnly = "encoder and decoder";
const char* const kOptimizers[] = {"vae_optimizer", "disc_optimizer"};

void add_text(Records& records, const std::string& name, std::string text) {
  records[name].text = std::move(text);
  records[name].is_text = true;
}

void add_module(Records& records, const std::string& prefix, torch::nn::Module& module) {
  for (const auto& item : module.named_parameters()) records[prefix + item.key()].tensor = item.value().detach().cpu();
  for (const auto& item : module.named_buffers()) records[prefix + item.key()].tensor = item.value().detach().cpu();
}

void read_module(const Records& records, const std::string& prefix, torch::nn::Module& module,
                 const std::string& path) {
  torch::NoGradGuard no_grad;
  auto load = [&](const std::string& name, torch::Tensor& target) {
    const auto it = records.find(prefix + name);
    if (it == records.end() || it->second.is_text)
      throw CheckpointError(path + ": tensor '" + prefix + name + "' is missing (damaged file or another version)");
    const auto& stored = it->second.tensor;
    if (stored.sizes() != target.sizes())
      throw CheckpointError(path + ": tensor '" + prefix + name + "' has shape " + c10::str(stored.sizes()) +
                            " but the stored configuration needs " + c10::str(target.sizes()));
    if (stored.scalar_type() != target.scalar_type())
      throw CheckpointError(path + ": tensor '" + prefix + name + "' has the wrong data type");
    target.copy_(stored);
  };
  std::set<std::string> expected;
  for (auto& item : module.named_parameters()) load(item.key(), item.value()), expected.insert(prefix + item.key());
  for (auto& item : module.named_buffers()) load(item.key(), item.value()), expected.insert(prefix + item.key());
  // A file of another layout must not load because the expected tensors happen to be there too.
  for (auto it = records.lower_bound(prefix); it != records.end() && it->first.rfind(prefix, 0) == 0; ++it)
    if (!expected.count(it->first))
      throw CheckpointError(path + ": holds tensor '" + it->first +
                            "', which the stored configuration's model does not have (damaged file or another "
                            "version)");
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

// What every checkpoint holds: format marker, configuration, names, the three networks and the loss history.
Records model_records(const ModelConfig& model, const TrainConfig& train, const DatasetInfo& dataset, int64_t epoch,
                      int64_t step, const std::vector<std::string>& latent_names, Networks& networks,
                      const std::vector<StepReport>& history, bool with_discriminator = true) {
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
  Records records;
  add_text(records, "format", kFormat3);
  add_text(records, "config", config);
  add_text(records, "latent_names", join_names(latent_names));
  add_module(records, "encoder.", *networks.encoder);
  add_module(records, "decoder.", *networks.decoder);
  if (with_discriminator)
    add_module(records, "discriminator.", *networks.discriminator);
  else
    add_text(records, "contents", kWeightsOnly);
  records["history"].tensor = history_tensor(history, model.latent_dim);
  add_text(records, "history_columns", join_names(StepReport::column_names(model.latent_dim)));
  return records;
}

// Adam's state per parameter, in the optimiser's parameter order: "<name>.<i>.step|exp_avg|exp_avg_sq", and
// "<name>.parameters" (how many parameters the optimiser has, so that another architecture is recognised).
void add_optimizer(Records& records, const std::string& name, const FusedAdam& optimizer) {
  for (size_t i = 0; i < optimizer.parameter_count(); ++i) {
    const auto state = optimizer.state_of(i);
    if (!state) continue;
    const std::string at = name + "." + std::to_string(i) + ".";
    records[at + "step"].tensor = torch::tensor(state->step, torch::kLong);
    records[at + "exp_avg"].tensor = state->exp_avg.detach().cpu();
    records[at + "exp_avg_sq"].tensor = state->exp_avg_sq.detach().cpu();
  }
  records[name + ".parameters"].tensor = torch::tensor(static_cast<int64_t>(optimizer.parameter_count()), torch::kLong);
}

void write_records(const std::string& path, const Records& records) {
  try {
    // Straight to the file, record by record: no copy of a checkpoint in memory (it once cost ~190 MB of resident
    // memory at the first save, which the allocator then kept).
    write_file_atomically(path, [&](const ChunkWriter& write) { encode_safetensors(records, write); });
  } catch (const FileWriteError& e) {
    throw CheckpointError(e.what());
  } catch (const RecordError& e) {
    throw CheckpointError(path + ": " + e.what());
  }
}

bool is_training_state(const std::string& name) {
  return name.rfind("state.", 0) == 0 || name.rfind("vae_optimizer.", 0) == 0 || name.rfind("disc_optimizer.", 0) == 0;
}

const torch::Tensor& state_tensor(const Records& records, const std::string& name, const std::string& path) {
  const auto it = records.find(name);
  if (it == records.end() || it->second.is_text || !it->second.tensor.defined())
    throw CheckpointError(path + ": the training state is damaged ('" + name + "' is missing)");
  return it->second.tensor;
}

}  // namespace

std::string Checkpoint::latent_name(int64_t dim) const {
  if (dim >= 0 && dim < static_cast<int64_t>(latent_names.size()) && !latent_names[dim].empty())
    return latent_names[dim];
  return "z" + std::to_string(dim);
}

void save_checkpoint(const std::string& path, Trainer& trainer, const DatasetInfo& dataset,
                     const std::vector<std::string>& latent_names) {
  const auto& progress = trainer.progress();
  auto records = model_records(trainer.model_config(), trainer.train_config(), dataset, progress.epoch, progress.step,
                               latent_names, trainer.networks(), trainer.history());
  add_optimizer(records, "vae_optimizer", trainer.vae_optimizer());
  add_optimizer(records, "disc_optimizer", trainer.disc_optimizer());
  records["state.generator"].tensor = trainer.generator().get_state();
  records["state.global_generator"].tensor = internals::default_cpu_generator().get_state();
  records["state.step_in_epoch"].tensor = torch::tensor({progress.step_in_epoch}, torch::kLong);
  if (progress.vae_order.defined()) {
    records["state.vae_order"].tensor = progress.vae_order;
    records["state.disc_order"].tensor = progress.disc_order;
  }
  write_records(path, records);
}

void save_checkpoint(const std::string& path, const Checkpoint& cp) {
  auto records = model_records(cp.model, cp.train, cp.dataset, cp.epoch, cp.step, cp.latent_names, *cp.networks,
                               cp.history, cp.has_discriminator);
  // Carry the training state over, so that a renamed checkpoint can still be resumed.
  if (cp.has_training_state && cp.records)
    for (const auto& [name, record] : *cp.records)
      if (is_training_state(name)) records[name] = record;
  write_records(path, records);
}

void save_weights_only(const std::string& path, const Checkpoint& cp) {
  // Of the loss history only the last step: its KL per dimension is what the explorer shows (the whole history of a
  // 40,000-step run would add 6 MB to a 4 MB file).
  std::vector<StepReport> last;
  if (!cp.history.empty()) last.push_back(cp.history.back());
  write_records(path, model_records(cp.model, cp.train, cp.dataset, cp.epoch, cp.step, cp.latent_names, *cp.networks,
                                    last, false));
}

namespace {

std::string read_whole_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CheckpointError(path + ": no such file");
  if (fs::is_directory(path, ec)) throw CheckpointError(path + ": is a folder, not a checkpoint file");
  std::string bytes;
  std::ifstream in(path, std::ios::binary);
  const auto size = fs::file_size(path, ec);
  if (!in || ec) throw CheckpointError(path + ": cannot read the file");
  try {
    bytes.resize(static_cast<size_t>(size));
  } catch (const std::exception&) {
    throw CheckpointError(path + ": too large to be a checkpoint (" + std::to_string(size) + " bytes)");
  }
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    throw CheckpointError(path + ": cannot read the file");
  return bytes;
}

Records decode_checkpoint_records(const std::string& path, const std::string& bytes) {
  try {
    if (looks_like_records(bytes)) return decode_records(path, bytes);
    if (looks_like_zip(bytes)) return read_legacy_archive(path, bytes);
    if (looks_like_safetensors(bytes)) return decode_safetensors(path, bytes);
  } catch (const RecordError& e) {
    throw CheckpointError(e.what());
  }
  throw CheckpointError(path +
                        ": not a readable FactorVAE Studio checkpoint (the file is damaged, truncated or of another "
                        "format)");
}

}  // namespace

Records read_checkpoint_records(const std::string& path) { return decode_checkpoint_records(path, read_whole_file(path)); }

void write_checkpoint_records(const std::string& path, const Records& records) { write_records(path, records); }

Checkpoint load_checkpoint(const std::string& path, const std::string& family) {
  const std::string bytes = read_whole_file(path);
  if (is_foreign_torch_file(bytes)) return import_model_file(path, bytes, family);
  if (!family.empty())
    throw CheckpointError(path + ": a FactorVAE Studio checkpoint; a family is named only for models trained elsewhere");
  auto records = std::make_shared<Records>(decode_checkpoint_records(path, bytes));
  auto text = [&](const std::string& name) -> const std::string* {
    const auto it = records->find(name);
    return it != records->end() && it->second.is_text ? &it->second.text : nullptr;
  };
  const std::string* format = text("format");
  if (!format || (*format != kFormat1 && *format != kFormat2 && *format != kFormat3))
    throw CheckpointError(path +
                          ": not a FactorVAE Studio checkpoint (no format marker; a PyTorch or Lightning file "
                          "must be converted first)");
  Checkpoint cp;
  const std::string* config = text("config");
  if (!config) throw CheckpointError(path + ": the configuration entry is missing");
  KeyValues kv;
  try {
    kv = parse_key_values(*config);
    from_key_values(kv, cp.model, cp.train);
  } catch (const ConfigError& e) {
    throw CheckpointError(path + ": invalid configuration: " + e.what());
  }
  auto value = [&](const std::string& key) { return kv.count(key) ? kv.at(key) : std::string(); };
  cp.dataset.spec = value("dataset.spec");
  cp.dataset.split = value("dataset.split");
  cp.dataset.description = value("dataset.description");
  // Imported before the seed decoder's strides were corrected: the weights are the original's, but this file was made
  // to be decoded in the wrong layout. Decoding it in either layout would silently change or keep wrong images.
  if (cp.model.architecture == Architecture::SeedV1 && cp.dataset.description.rfind("imported from", 0) == 0)
    throw CheckpointError(path + ": " + cp.dataset.description +
                          " by an earlier FactorVAE Studio, whose decoder for the original project's layers had the "
                          "wrong strides, so it decodes other images than the original does. Import the original "
                          "checkpoint again: factorvae import-seed ORIGINAL.ckpt --out NEW.fvae (or File → Import "
                          "original project checkpoint…)");
  for (auto [key, target] : {std::pair{"dataset.subset", &cp.dataset.subset}, std::pair{"progress.epoch", &cp.epoch},
                             std::pair{"progress.step", &cp.step}}) {
    const auto number = parse_int64(value(key));
    if (!number || *number < 0)
      throw CheckpointError(path + ": the entry '" + key + "' is damaged ('" + value(key) + "' is no count)");
    *target = *number;
  }
  const std::string* names = text("latent_names");
  cp.latent_names = names ? split_names(*names, cp.model.latent_dim)
                          : std::vector<std::string>(static_cast<size_t>(cp.model.latent_dim), "");

  cp.networks = std::make_shared<Networks>(cp.model);
  read_module(*records, "encoder.", *cp.networks->encoder, path);
  read_module(*records, "decoder.", *cp.networks->decoder, path);
  const std::string* contents = text("contents");
  cp.has_discriminator = !(contents && *contents == kWeightsOnly);
  if (cp.has_discriminator) read_module(*records, "discriminator.", *cp.networks->discriminator, path);
  cp.networks->train(false);

  const auto history = records->find("history");
  if (history != records->end() && !history->second.is_text) {
    const auto& h = history->second.tensor;
    if (h.dim() != 2 || h.scalar_type() != torch::kDouble || (h.size(0) > 0 && h.size(1) < 11))
      throw CheckpointError(path + ": the loss history is damaged");
    auto a = h.accessor<double, 2>();
    for (int64_t i = 0; i < h.size(0); ++i) {
      std::vector<double> row(static_cast<size_t>(h.size(1)));
      for (int64_t j = 0; j < h.size(1); ++j) row[j] = a[i][j];
      cp.history.push_back(StepReport::from_values(row));
    }
  }
  cp.has_training_state = records->count("state.step_in_epoch") > 0;
  cp.records = records;
  return cp;
}

void restore_training_state(const Checkpoint& cp, Trainer& trainer, const std::string& path) {
  if (trainer.model_config() != cp.model)
    throw CheckpointError(path + ": the checkpoint holds a " + cp.model.describe() + " model, not the requested " +
                          trainer.model_config().describe());
  if (!cp.has_training_state || !cp.records || !cp.has_discriminator)
    throw CheckpointError(path +
                          ": holds weights only, no training state to resume from (train anew, or resume "
                          "from the run's own checkpoint)");
  const Records& records = *cp.records;
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
    // Optimiser state per parameter, placed on the parameters' device. The learning rates and betas come from the
    // configuration, never from the file.
    FusedAdam* optimizers[] = {&trainer.vae_optimizer(), &trainer.disc_optimizer()};
    for (int o = 0; o < 2; ++o) {
      const std::string name = kOptimizers[o];
      FusedAdam& optimizer = *optimizers[o];
      const auto count = state_tensor(records, name + ".parameters", path);
      if (count.numel() != 1 || count.item<int64_t>() != static_cast<int64_t>(optimizer.parameter_count()))
        throw CheckpointError(path + ": the optimiser state belongs to another architecture");
      for (size_t i = 0; i < optimizer.parameter_count(); ++i) {
        const std::string at = name + "." + std::to_string(i) + ".";
        if (!records.count(at + "exp_avg")) continue;  // no step taken yet for this parameter
        const auto& step = state_tensor(records, at + "step", path);
        if (step.numel() != 1 || step.scalar_type() != torch::kLong)
          throw CheckpointError(path + ": the training state is damaged ('" + at + "step')");
        try {
          optimizer.set_state(i, {step.item<int64_t>(), state_tensor(records, at + "exp_avg", path),
                                  state_tensor(records, at + "exp_avg_sq", path)});
        } catch (const std::invalid_argument&) {
          throw CheckpointError(path + ": the training state is damaged ('" + at + "' does not fit its parameter)");
        }
      }
    }
    trainer.generator().set_state(state_tensor(records, "state.generator", path));
    at::Generator global = internals::default_cpu_generator();  // shares the default generator's state
    global.set_state(state_tensor(records, "state.global_generator", path));
    auto& progress = trainer.progress();
    const auto& step_in_epoch = state_tensor(records, "state.step_in_epoch", path);
    if (step_in_epoch.numel() != 1 || step_in_epoch.scalar_type() != torch::kLong || step_in_epoch.item<int64_t>() < 0)
      throw CheckpointError(path + ": the training state is damaged (position in the epoch)");
    progress.epoch = cp.epoch;
    progress.step = cp.step;
    progress.step_in_epoch = step_in_epoch.item<int64_t>();
    if (records.count("state.vae_order") && records.count("state.disc_order")) {
      const auto& vae_order = state_tensor(records, "state.vae_order", path);
      const auto& disc_order = state_tensor(records, "state.disc_order", path);
      if (vae_order.numel() != trainer.dataset().size())
        throw CheckpointError(path + ": was trained on " + std::to_string(vae_order.numel()) +
                              " images, but the dataset now holds " + std::to_string(trainer.dataset().size()));
      // An order indexes the dataset: it must be a permutation of it.
      for (const auto* order : {&vae_order, &disc_order})
        if (order->dim() != 1 || order->scalar_type() != torch::kLong || order->numel() != vae_order.numel() ||
            !torch::equal(std::get<0>(order->sort()), torch::arange(vae_order.numel(), torch::kLong)))
          throw CheckpointError(path + ": the training state is damaged (sample order)");
      if (progress.step_in_epoch >= trainer.steps_per_epoch())
        throw CheckpointError(path + ": the training state is damaged (position in the epoch)");
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
