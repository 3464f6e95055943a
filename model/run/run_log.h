#pragma once
// Everything a training writes beside its checkpoint, the same for the CLI and the GUI: losses.csv (every step),
// reconstructions.gif (the fixed inputs above their reconstructions, a frame per epoch) and a TensorBoard log
// (events.out.tfevents.*: every losses.csv value as a scalar, the reconstructions per epoch, the traversal grid at the
// end, the hyper-parameters). A resumed run continues the same log without repeating steps.

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

#include "model/checkpoint/checkpoint.h"
#include "model/io/image_files.h"
#include "model/training/trainer.h"

namespace fvae {

namespace tensorboard {
class EventWriter;
}

// The TensorBoard tag of a losses.csv column ("reconstruction" → "loss/reconstruction", "kl_3" → "kl_per_dim/z3");
// empty for "step", which is the event's step rather than a value.
std::string tensorboard_tag(const std::string& csv_column);

// losses.csv as the CLI and GUI write it: a header of StepReport::column_names, one row per step. Atomic.
void write_losses_csv(const std::string& path, const std::vector<StepReport>& history, int64_t latent_dim);

class RunLog {
 public:
  // `fixed`: the inputs [N, C, H, W] shown with their reconstructions. `resumed`: the trainer continues a checkpoint
  // (its history already restored). Throws tensorboard::EventFileError when the log cannot be created.
  RunLog(const std::string& folder, Trainer& trainer, const DatasetInfo& dataset, torch::Tensor fixed, bool resumed);
  ~RunLog();

  void on_step(const StepReport& report);  // the step's scalars (written through a buffer)
  void on_epoch_end();                     // a reconstruction frame and image; every file brought up to date
  // After the run: a last frame when the epoch was unfinished, the traversal grid (z = 0, named rows), every file.
  void on_finish(const std::vector<std::string>& latent_names);
  void on_failure();  // losses.csv up to the failure, for diagnosis, and the log flushed

  const std::string& csv_path() const { return csv_path_; }
  const std::string& gif_path() const { return gif_path_; }
  std::string events_path() const;  // empty in a build without protobuf (no TensorBoard log)
  bool writes_gif() const { return gif_supported(); }

 private:
  void add_frame();
  void write_files();
  void add_image(int64_t step, const std::string& tag, const torch::Tensor& image, const ImageStyle& style);
  void flush_events();

  Trainer& trainer_;
  torch::Tensor fixed_;
  std::string csv_path_, gif_path_;
  std::vector<torch::Tensor> frames_;
  std::unique_ptr<tensorboard::EventWriter> events_;
  std::vector<std::string> tags_;  // per losses.csv column
  int64_t frame_step_ = -1;        // the step of the newest frame
};

}  // namespace fvae
