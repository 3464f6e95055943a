#pragma once
// One training run, the same for the CLI and the GUI: it plans (plan_run), trains (Trainer), saves OUT/latest.fvae
// every epoch and at the end, and writes losses.csv, reconstructions.gif and the TensorBoard log (RunLog). Front ends
// only present it, through a RunObserver. run() works on the calling thread; its RunControl (stop, pause) and the
// latent names may be used from any other.

#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/run/run_plan.h"
#include "model/training/trainer.h"

namespace fvae {

struct RunSettings {
  RunRequest request;  // what to train; plan_run decides every setting the request leaves open
  std::string out;     // the run's folder
  // > 0: stop after this step, saved and resumable, with the budget and schedules of the full run (a candidate's
  // screening).
  int64_t stop_after = 0;
  // > 0: a time budget in minutes instead of the request's step budget. The steps are planned from a short
  // calibration (model/run/time_budget.h) and recorded, so the run is then an ordinary step-budget run.
  double minutes = 0;
  // Set by a time budget (this run's, or its pipeline's for the chosen run): while it trains, the run measures its
  // real speed (checkpoints and logs included) and re-plans its step budget to end here.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  bool keep_every_epoch = false;  // also OUT/epoch-NNN.fvae
  // A new run in a folder that holds one (model/run/run_folder.h): false refuses (FolderInUse, before anything is
  // written), true removes what the earlier run wrote first. A resumed run needs neither.
  bool replace = false;
  int64_t fixed_images = 8;       // inputs shown above their reconstructions (GIF, TensorBoard, the GUI's strip)
  // > 0: the trainer publishes its weights every this many steps (and at epoch ends) into a ModelSnapshot, which
  // observers find as trainer.snapshot(), for decoding on other threads while it trains.
  int64_t snapshot_every = 0;
};

// What a front end sees of a run: a read-only view of the trainer. Every call comes from the run's thread.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  // Before a time-budgeted run plans its steps: the calibration takes a few seconds.
  virtual void on_calibrating() {}
  // Planned, restored when resuming, about to take its first step. `fixed` are the inputs of the reconstruction strip.
  virtual void on_start(const RunPlan& /*plan*/, const Trainer& /*trainer*/, const torch::Tensor& /*fixed*/) {}
  virtual void on_step(const StepReport& /*report*/, const Trainer& /*trainer*/) {}
  virtual void on_epoch_saved(int64_t /*epoch*/, const std::string& /*checkpoint*/, const Trainer& /*trainer*/) {}
  // After the last step, once the checkpoint and the logs are written (not after a failure).
  virtual void on_finish(const Trainer& /*trainer*/) {}
};

struct RunOutcome {
  enum class Status { Finished, StoppedAsAsked, Cancelled };
  Status status = Status::Finished;
  std::string checkpoint;        // OUT/latest.fvae
  std::string csv, gif, events;  // the logs written; gif and events empty where the build cannot write them
  int64_t step = 0;
  std::vector<StepReport> last;  // the last step's report (empty when no step was taken)
};

class TrainingRun {
 public:
  // `control` stops and pauses the run (shared with the front end, and with the pipeline a candidate belongs to); a new
  // one when none is given.
  explicit TrainingRun(RunSettings settings, DatasetOpener open = {}, std::shared_ptr<RunControl> control = nullptr);
  // Plans and trains; throws ConfigError for settings that cannot work, DatasetError and CheckpointError for the
  // files, TrainingError when training cannot go on (the last good checkpoint stays, losses.csv up to the failure).
  RunOutcome run(RunObserver& observer);

  // Stop (after the current step; the run saves and returns Cancelled) and pause, from any thread.
  RunControl& control() const { return *control_; }
  int64_t steps_done() const { return steps_done_; }  // -1 before the first step
  // Names of the latent dimensions, saved with the next checkpoint (the plan's names until set).
  void set_latent_names(const std::vector<std::string>& names);
  const RunSettings& settings() const { return settings_; }

 private:
  std::vector<std::string> names(int64_t latent_dim);

  RunSettings settings_;
  DatasetOpener open_;
  std::shared_ptr<RunControl> control_;
  mutable std::mutex mutex_;  // guards the names
  std::vector<std::string> names_;
  bool names_set_ = false;
  std::atomic<int64_t> steps_done_{-1};
};

// The name of a run's checkpoint in its folder.
std::string latest_checkpoint(const std::string& folder);

}  // namespace fvae
