#include "model/run/run_log.h"

#include <cstdlib>
#include <filesystem>

#include "model/base/atomic_file.h"
#include "model/base/csv.h"
#include "model/base/numbers.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"
#include "model/io/image_files.h"
#ifdef FACTORVAE_HAVE_TENSORBOARD
#include "model/tensorboard/event_file.h"
#else
namespace fvae::tensorboard {
class EventWriter {};  // a build without protobuf writes no TensorBoard log
}  // namespace fvae::tensorboard
#endif

namespace fvae {

namespace {

// The reconstruction GIF gets a frame per epoch; runs of thousands of short epochs keep every other frame once there
// are too many, so that the animation (and its memory) stay bounded while still spanning the whole run.
void add_bounded(std::vector<torch::Tensor>& frames, torch::Tensor frame) {
  constexpr size_t kMaxFrames = 120;
  if (frames.size() >= kMaxFrames) {
    std::vector<torch::Tensor> thinned;
    for (size_t i = 0; i < frames.size(); i += 2) thinned.push_back(frames[i]);
    frames.swap(thinned);
  }
  frames.push_back(std::move(frame));
}

constexpr int64_t kFlushEverySteps = 200;  // TensorBoard shows a live run at most this far behind

#ifdef FACTORVAE_HAVE_TENSORBOARD
// The run's settings as TensorBoard hyper-parameters: numbers as numbers, the rest (and the 64-bit seed) as text.
std::map<std::string, tensorboard::HParamValue> hyper_parameters(const Trainer& trainer, const DatasetInfo& dataset) {
  std::map<std::string, tensorboard::HParamValue> h;
  for (const auto& [key, text] : to_key_values(trainer.model_config(), trainer.train_config())) {
    const auto number = parse_double(text);
    if (key != "train.seed" && number)
      h[key] = *number;
    else
      h[key] = text;
  }
  h["dataset"] = dataset.spec;
  h["dataset.split"] = dataset.split;
  return h;
}
#endif

}  // namespace

std::string tensorboard_tag(const std::string& column) {
  static const std::map<std::string, std::string> tags = {{"epoch", "progress/epoch"},
                                                          {"reconstruction", "loss/reconstruction"},
                                                          {"kl", "loss/kl"},
                                                          {"tc", "tc/estimate"},
                                                          {"vae_loss", "loss/vae"},
                                                          {"disc_loss", "discriminator/loss"},
                                                          {"disc_accuracy", "discriminator/accuracy"},
                                                          {"beta", "schedule/beta"},
                                                          {"gamma", "schedule/gamma"},
                                                          {"images_per_second", "speed/images_per_second"}};
  if (column == "step") return {};
  if (const auto it = tags.find(column); it != tags.end()) return it->second;
  if (column.rfind("kl_", 0) == 0) return "kl_per_dim/z" + column.substr(3);
  return "other/" + column;
}

void write_losses_csv(const std::string& path, const std::vector<StepReport>& history, int64_t latent_dim) {
  CsvTable table(StepReport::column_names(latent_dim));
  for (const auto& row : history) {
    const auto values = row.values();
    std::vector<std::string> fields;
    for (size_t i = 0; i < values.size(); ++i)
      fields.push_back(i < 2 ? format_fixed(values[i], 0) : format_general(values[i], 9));
    table.add_row(fields);
  }
  table.write(path);  // as the checkpoint: a kill mid-write leaves the previous file
}

RunLog::RunLog(const std::string& folder, Trainer& trainer, const DatasetInfo& dataset, torch::Tensor fixed,
               bool resumed)
    : trainer_(trainer), fixed_(std::move(fixed)) {
  namespace fs = std::filesystem;
  csv_path_ = (fs::path(folder) / "losses.csv").string();
  gif_path_ = (fs::path(folder) / "reconstructions.gif").string();
  for (const auto& path : {csv_path_, gif_path_}) remove_stale_temporaries(path);  // left by a kill mid-save
  for (const auto& column : StepReport::column_names(trainer.model_config().latent_dim))
    tags_.push_back(tensorboard_tag(column));
#ifdef FACTORVAE_HAVE_TENSORBOARD
  const int64_t step = trainer.progress().step;
  events_ = std::make_unique<tensorboard::EventWriter>(folder, resumed ? step : -1);
  if (!events_->has_hparams()) events_->add_hparams(hyper_parameters(trainer, dataset), dataset.description);
  // A resumed run whose log is missing or behind (a new folder, a log flushed before the checkpoint): the restored
  // history fills it up to the checkpoint's step.
  for (const auto& report : trainer.history())
    if (report.step > events_->last_scalar_step() && report.step <= step) on_step(report);
  events_->flush();
#else
  (void)dataset;
  (void)resumed;
#endif
}

RunLog::~RunLog() = default;

#ifdef FACTORVAE_HAVE_TENSORBOARD
std::string RunLog::events_path() const { return events_->path(); }

void RunLog::on_step(const StepReport& report) {
  const auto values = report.values();
  std::vector<std::pair<std::string, float>> scalars;
  scalars.reserve(values.size());
  for (size_t i = 0; i < values.size() && i < tags_.size(); ++i)
    if (!tags_[i].empty()) scalars.emplace_back(tags_[i], static_cast<float>(values[i]));
  events_->add_scalars(report.step, scalars);
  if (report.step % kFlushEverySteps == 0) events_->flush();
}

// Images in the log are PNGs: written where the build has a PNG encoder.
void RunLog::add_image(int64_t step, const std::string& tag, const torch::Tensor& image, const ImageStyle& style) {
  if (!png_supported()) return;
  const auto png = encode_png(image, style);
  events_->add_image(step, tag, png.bytes, png.width, png.height, png.channels);
}

void RunLog::flush_events() { events_->flush(); }
#else
std::string RunLog::events_path() const { return {}; }
void RunLog::on_step(const StepReport&) {}
void RunLog::add_image(int64_t, const std::string&, const torch::Tensor&, const ImageStyle&) {}
void RunLog::flush_events() {}
#endif

void RunLog::add_frame() {
  const auto strip = reconstruction_strip(trainer_.networks(), fixed_);
  add_bounded(frames_, strip);
  frame_step_ = trainer_.progress().step;
  add_image(frame_step_, "reconstructions", strip, {2, {}, 0, 0});
}

void RunLog::write_files() {
  write_losses_csv(csv_path_, trainer_.history(), trainer_.model_config().latent_dim);
  if (!frames_.empty() && gif_supported()) save_gif(gif_path_, frames_, 500, {4, {}, 0, 0});
  flush_events();
}

void RunLog::on_epoch_end() {
  add_frame();
  write_files();
}

void RunLog::on_finish(const std::vector<std::string>& latent_names) {
  if (frame_step_ != trainer_.progress().step) add_frame();
  auto& networks = trainer_.networks();
  const int64_t latent_dim = trainer_.model_config().latent_dim;
  const auto values = traversal_values();
  const auto traversal = latent_traversal([&](const torch::Tensor& z) { return decode(networks.decoder, z); },
                                          torch::zeros({latent_dim}), values, false);
  std::vector<std::string> labels;
  for (int64_t d = 0; d < latent_dim; ++d) {
    const auto& name = d < static_cast<int64_t>(latent_names.size()) ? latent_names[d] : std::string();
    labels.push_back(name.empty() ? "z" + std::to_string(d) : name);
  }
  const int row_height = static_cast<int>(trainer_.model_config().image_size + 1);
  add_image(trainer_.progress().step, "traversal", tile(with_difference_maps(traversal), 1, 0.5),
            {2, labels, row_height, 1, traversal_column_labels(values), row_height, 1});
  write_files();
}

void RunLog::on_failure() {
  write_losses_csv(csv_path_, trainer_.history(), trainer_.model_config().latent_dim);
  flush_events();
}

}  // namespace fvae
