#include "model/run/training_run.h"

#include "model/run/run_folder.h"

#include <cmath>
#include <filesystem>

#include "model/base/atomic_file.h"
#include "model/base/numbers.h"
#include "model/base/platform.h"
#include "model/checkpoint/checkpoint.h"
#include "model/inference/inference.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_log.h"
#include "model/run/time_budget.h"

namespace fvae {

std::string latest_checkpoint(const std::string& folder) {
  return (std::filesystem::path(folder) / "latest.fvae").string();
}

TrainingRun::TrainingRun(RunSettings settings, DatasetOpener open, std::shared_ptr<RunControl> control)
    : settings_(std::move(settings)),
      open_(open ? std::move(open) : DatasetOpener(open_dataset)),
      control_(control ? std::move(control) : std::make_shared<RunControl>()) {}

void TrainingRun::set_latent_names(const std::vector<std::string>& names) {
  std::lock_guard<std::mutex> lock(mutex_);
  names_ = names;
  names_set_ = true;
}

std::vector<std::string> TrainingRun::names(int64_t latent_dim) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto n = names_;
  n.resize(static_cast<size_t>(latent_dim));
  return n;
}

RunOutcome TrainingRun::run(RunObserver& observer) {
  const std::string& out = settings_.out;
  std::error_code ec;
  // A new run overwrites no earlier one unasked; a resumed run was asked for by its checkpoint (it may go on in a
  // folder whose log went further: the log is cut back to its step).
  if (settings_.request.resume_from.empty()) claim_run_folder(out, settings_.replace);
  std::filesystem::create_directories(out, ec);
  if (ec) throw ConfigError(out + ": cannot create the output folder (" + ec.message() + ")");
  RunOutcome outcome;
  outcome.checkpoint = latest_checkpoint(out);
  remove_stale_temporaries(outcome.checkpoint);  // a run killed mid-save leaves a temporary beside the intact file

  const auto started = std::chrono::steady_clock::now();
  RunPlan plan;
  if (settings_.minutes > 0) {
    observer.on_calibrating();
    TimedPlan timed = plan_within_minutes(settings_.request, settings_.minutes, open_, 1, 0, 0, started);
    settings_.deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                       std::chrono::duration<double>(settings_.minutes * 60.0));
    plan = std::move(timed.plan);
    // From here on an ordinary step-budget run: settings() says what it trains.
    settings_.request.train.max_steps = timed.time.steps;
    settings_.minutes = 0;
  } else {
    plan = plan_run(settings_.request, open_);
  }
  const ModelConfig& model = plan.model;
  const TrainConfig& train = plan.train;
  const auto data = plan.data;
  set_compute_threads(train.threads);  // ATen's thread setting is per OS thread: this one trains
  Trainer trainer(model, train, data, control_);  // a stop pressed while the dataset opened holds for it too
  if (settings_.snapshot_every > 0)
    trainer.attach_snapshot(std::make_shared<ModelSnapshot>(model), settings_.snapshot_every);
  const bool resumed = plan.resumed != nullptr;
  if (resumed) {
    restore_training_state(*plan.resumed, trainer, settings_.request.resume_from);
    plan.resumed.reset();  // a large checkpoint: its memory back before training
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!names_set_) names_ = plan.latent_names;
  }
  const int64_t fixed_count = std::min<int64_t>(settings_.fixed_images, data->size());
  const auto fixed = data->images(subset_indices(data->size(), fixed_count, train.seed));
  RunLog log(out, trainer, plan.info, fixed, resumed);
  outcome.csv = log.csv_path();
  outcome.gif = log.writes_gif() ? log.gif_path() : std::string();
  outcome.events = log.events_path();
  observer.on_start(plan, trainer, fixed);

  // Under a deadline the step budget follows the speed the run really has (epoch-end checkpoints and logs included,
  // which a calibration does not see), re-planned every few seconds.
  const auto training_started = std::chrono::steady_clock::now();
  const int64_t first_step = trainer.progress().step;
  auto last_replan = training_started;
  auto replan = [&](int64_t step) {
    const auto now = std::chrono::steady_clock::now();
    if (!settings_.deadline || now - last_replan < std::chrono::seconds(3) || step - first_step < 20) return;
    last_replan = now;
    const double per_step =
        std::chrono::duration<double>(now - training_started).count() / static_cast<double>(step - first_step);
    const double left = std::chrono::duration<double>(*settings_.deadline - now).count() - kRunOverheadSeconds;
    const int64_t total = step + std::max<int64_t>(1, static_cast<int64_t>(std::floor(left / per_step)));
    if (total != trainer.total_steps()) trainer.set_budget(0, total);
  };
  Trainer::Callbacks callbacks;
  callbacks.stop_after = settings_.stop_after;
  callbacks.on_step = [&](const StepReport& r) {
    steps_done_ = r.step;
    replan(r.step);
    log.on_step(r);
    observer.on_step(r, trainer);
  };
  callbacks.on_epoch_end = [&](int64_t epoch) {
    save_checkpoint(outcome.checkpoint, trainer, plan.info, names(model.latent_dim));
    log.on_epoch_end();
    if (settings_.keep_every_epoch) {
      std::string number = std::to_string(epoch + 1);
      number.insert(0, number.size() < 3 ? 3 - number.size() : 0, '0');
      save_checkpoint((std::filesystem::path(out) / ("epoch-" + number + ".fvae")).string(), trainer, plan.info,
                      names(model.latent_dim));
    }
    observer.on_epoch_saved(epoch, outcome.checkpoint, trainer);
  };
  Trainer::Outcome result = Trainer::Outcome::Finished;
  try {
    result = trainer.run(callbacks);
  } catch (const TrainingError&) {
    log.on_failure();  // the history up to the failure, for diagnosis
    throw;
  }
  if (settings_.deadline) settings_.request.train.max_steps = trainer.total_steps();  // as re-planned
  save_checkpoint(outcome.checkpoint, trainer, plan.info, names(model.latent_dim));
  log.on_finish(names(model.latent_dim));
  outcome.step = trainer.progress().step;
  if (!trainer.history().empty()) outcome.last.push_back(trainer.history().back());
  outcome.status = result == Trainer::Outcome::Finished         ? RunOutcome::Status::Finished
                   : result == Trainer::Outcome::StoppedAsAsked ? RunOutcome::Status::StoppedAsAsked
                                                                : RunOutcome::Status::Cancelled;
  observer.on_finish(trainer);
  return outcome;
}

}  // namespace fvae
