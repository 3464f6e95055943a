#pragma once
// FactorVAE training loop: one VAE step and one discriminator step per batch, with pause, resume and cancel from
// other threads, a NaN guard, and exact resumption from saved state.

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "model/base/config.h"
#include "model/base/run_control.h"
#include "model/base/task_thread.h"
#include "model/data/dataset.h"
#include "model/nn/fused_adam.h"
#include "model/nn/networks.h"

namespace fvae {

class ModelSnapshot;

// Raised when training cannot go on (a non-finite loss, a dataset smaller than a batch, no CUDA device).
class TrainingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One row of the loss history: everything reported for one step.
struct StepReport {
  int64_t step = 0;   // 1-based count of steps done
  int64_t epoch = 0;  // 0-based epoch the step belonged to
  double reconstruction = 0, kl = 0, tc = 0, vae_loss = 0;
  double disc_loss = 0, disc_accuracy = 0;
  double beta = 0, gamma = 0, images_per_second = 0;
  std::vector<double> kl_per_dim;

  static std::vector<std::string> column_names(int64_t latent_dim);  // for CSV files and checkpoints
  std::vector<double> values() const;                                // in column_names order
  static StepReport from_values(const std::vector<double>& values);
};

// Where the run stands: enough to continue it exactly.
struct TrainingProgress {
  int64_t step = 0, epoch = 0, step_in_epoch = 0;
  torch::Tensor vae_order, disc_order;  // this epoch's sample orders (undefined at an epoch boundary)
};

torch::Device resolve_device(const std::string& requested);  // throws TrainingError when CUDA is asked for but absent

class Trainer {
 public:
  // A fresh run: weights initialised from config.seed. `control` stops and pauses it (a new one when none is given).
  Trainer(const ModelConfig& model, const TrainConfig& train, std::shared_ptr<const Dataset> data,
          std::shared_ptr<RunControl> control = nullptr);
  ~Trainer();

  enum class Outcome { Finished, StoppedAsAsked, Cancelled };
  struct Callbacks {
    std::function<void(const StepReport&)> on_step;
    std::function<void(int64_t finished_epoch)> on_epoch_end;  // after the epoch's last step
    int64_t stop_after = 0;  // > 0: return StoppedAsAsked once this step is done (a candidate's screening)
  };
  // Trains until the step/epoch budget is spent, callbacks.stop_after is reached or the control says stop (then
  // Cancelled). Throws TrainingError on a non-finite loss, leaving the weights as they were before the failing step.
  Outcome run(const Callbacks& callbacks);
  Outcome run();  // no callbacks
  StepReport step();  // one step; starts a new epoch when needed
  bool budget_spent() const;
  int64_t steps_per_epoch() const { return steps_per_epoch_; }
  int64_t total_steps() const;  // the step budget implied by epochs / max_steps

  // Stop and pause, from any thread (shared with whoever else trains under the same control).
  RunControl& control() const { return *control_; }

  // Publishes weights into `snapshot` every `every_steps` steps (and at epoch ends) for decoding on other threads.
  void attach_snapshot(std::shared_ptr<ModelSnapshot> snapshot, int64_t every_steps);
  std::shared_ptr<ModelSnapshot> snapshot() const { return snapshot_; }  // null until attached

  const ModelConfig& model_config() const { return model_config_; }
  const TrainConfig& train_config() const { return train_config_; }
  void set_budget(int64_t epochs, int64_t max_steps);  // e.g. to extend a resumed run
  torch::Device device() const { return device_; }
  Networks& networks() { return *networks_; }
  const Networks& networks() const { return *networks_; }
  // The fixed images above their reconstructions by the current weights (the strip of the GIF and the GUI).
  torch::Tensor reconstruction_strip(const torch::Tensor& images) const;
  const Dataset& dataset() const { return *data_; }
  FusedAdam& vae_optimizer() { return *vae_optimizer_; }
  FusedAdam& disc_optimizer() { return *disc_optimizer_; }
  at::Generator& generator() { return generator_; }
  TrainingProgress& progress() { return progress_; }
  const TrainingProgress& progress() const { return progress_; }
  std::vector<StepReport>& history() { return history_; }
  const std::vector<StepReport>& history() const { return history_; }

  // Sets the intra-op thread count for the calling thread (ATen's setting is per OS thread): one where the batch is
  // split among threads (every thread computes its shard on its own core), else TrainConfig::threads.
  void apply_thread_setting() const;
  // Threads the batch is split among (TrainConfig::threads for the lean architecture on the CPU; 1 otherwise: the
  // seed architecture's batch norm and dropout couple the batch).
  int shards() const { return shards_; }
  // In words, for the CLI and the GUI: e.g. "2 threads (the batch split in 2)".
  std::string describe_threads() const;
  // Whether the discriminator's step runs on its own thread (TrainConfig::disc_thread, resolved).
  bool discriminator_on_task_thread() const { return task_thread_ != nullptr; }

 private:
  struct StepResult;
  void start_epoch_if_needed();
  void publish_snapshot();
  StepResult single_pass(const torch::Tensor& x, int64_t offset, double beta, double gamma);
  StepResult sharded_pass(const torch::Tensor& x, int64_t offset, double beta, double gamma);
  // Runs work(w) for every shard w, shard 0 on the calling thread; rethrows the first failure once all have ended.
  void run_on_shard_threads(const std::function<void(int)>& work);

  ModelConfig model_config_;
  TrainConfig train_config_;
  std::shared_ptr<const Dataset> data_;
  torch::Device device_;
  std::unique_ptr<Networks> networks_;
  std::vector<torch::Tensor> vae_parameters_, disc_parameters_;
  std::unique_ptr<FusedAdam> vae_optimizer_, disc_optimizer_;
  at::Generator generator_;
  TrainingProgress progress_;
  std::vector<StepReport> history_;
  int64_t steps_per_epoch_ = 0;

  std::shared_ptr<RunControl> control_;

  std::shared_ptr<ModelSnapshot> snapshot_;
  int64_t snapshot_every_ = 0;

  std::unique_ptr<TaskThread> task_thread_;  // runs the discriminator's step when TrainConfig::disc_thread says so
  int shards_ = 1;
  std::vector<std::unique_ptr<TaskThread>> shard_threads_;  // shards 1..T-1 (shard 0 runs on the training thread)
  std::vector<torch::Tensor> vae_gradient_sums_, disc_gradient_sums_;  // the shards' gradients summed, step to step
};

}  // namespace fvae
