#pragma once
// Choosing a run without labels, the same for the CLI and the GUI: K seeds are each trained for a few steps (the
// screening, in OUT/seed-S), ranked by UDR, and the best is continued to the full budget and copied to
// OUT/latest.fvae. OUT/candidates.csv records every candidate's state, UDR and choice as it goes.
//
// The pipeline resumes: run again on the same folder it keeps the candidates whose screening is done, continues a
// stopped one from its checkpoint, keeps a ranking already made, and continues the chosen run from where it stopped.
// After the ranking the candidates that lost keep their weights only, or are removed (CandidateSettings::losers).

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/run/run_ranking.h"
#include "model/run/training_run.h"

namespace fvae {

struct CandidateSettings {
  // The run every candidate makes: base.request.train.seed is the first seed (1 when unset), base.out the pipeline's
  // folder, base.stop_after is ignored.
  RunSettings base;
  int count = 4;
  int64_t screen_steps = 0;  // 0: the dataset's default, at most an eighth of the budget (default_screen_steps)
  int64_t ranking_images = 10000;
  // What becomes of the candidates that lost, once the ranking is made: a training checkpoint is ~84 MB (the
  // discriminator and both optimisers' moments), its weights alone ~4 MB.
  enum class Losers { KeepWeights, Remove, KeepAll };
  Losers losers = Losers::KeepWeights;
  // Set by settings_in: the pipeline goes on in its folder. Otherwise a new pipeline claims its folder
  // (claim_run_folder: refused where a run or pipeline is, unless base.replace).
  bool going_on = false;
};
std::string to_string(CandidateSettings::Losers losers);  // "weights", "remove", "keep"
// Throws ConfigError for anything else.
CandidateSettings::Losers losers_from_string(const std::string& text);

struct Candidate {
  // Removed: a candidate that lost, its folder removed as the settings asked.
  enum class State { Waiting, Screening, Screened, Continuing, Done, Stopped, Removed };
  uint64_t seed = 0;
  std::string folder, checkpoint;
  State state = State::Waiting;
  int64_t step = 0;  // steps trained so far
  double udr = -1;   // < 0 until ranked
  int active_dims = -1;
  std::vector<double> kl_per_dim;  // on the ranking's images, once ranked
  bool chosen = false;
};
std::string to_string(Candidate::State state);

struct PipelineStatus {
  enum class Stage { Screening, Ranking, Continuing, Finished, Stopped };
  Stage stage = Stage::Screening;
  int current = -1;  // the candidate being trained (-1 while ranking)
  std::vector<Candidate> candidates;
  int64_t screen_steps = 0, budget = 0;  // steps per screening; the chosen run's full budget
  std::string time_plan;                 // what a time budget measured and planned, in words; empty without one
  // The whole pipeline in steps: K screenings and the rest of the chosen run's budget.
  int64_t total_steps() const;
  // How many of them are done when the current run has trained `run_step` steps.
  int64_t steps_done(int64_t run_step) const;
};

// What a front end sees: the runs' steps (RunObserver) and every change of the pipeline's state.
class PipelineObserver : public RunObserver {
 public:
  virtual void on_pipeline(const PipelineStatus& /*status*/) {}
};

// A screening to do: candidate `index` trains with `settings` (a new run with its seed, or its own checkpoint
// resumed) until settings.stop_after.
struct ScreeningJob {
  size_t index = 0;
  RunSettings settings;
};
// Runs screenings; must train each to its stop step or throw (a message naming what failed). The default runs each as
// a TrainingRun on the pipeline's thread, one after another; the CLI's --parallel hands them to processes.
using ScreeningRunner = std::function<void(const std::vector<ScreeningJob>& jobs)>;

struct PipelineOutcome {
  enum class Status { Finished, Stopped };
  Status status = Status::Finished;
  std::vector<Candidate> candidates;
  int best = -1;  // the chosen candidate; when stopped before the ranking, the one trained furthest (-1: none yet)
  bool ranked = false;
  std::string checkpoint;  // OUT/latest.fvae once the chosen run has finished; else the best candidate's checkpoint
};

class CandidatePipeline {
 public:
  // `control` stops and pauses the pipeline and every run in it (a new one when none is given).
  explicit CandidatePipeline(CandidateSettings settings, DatasetOpener open = {},
                             std::shared_ptr<RunControl> control = nullptr);
  // The settings of the pipeline that runs in `folder` (recorded there as pipeline.cfg when it started), to go on with
  // it; throws ConfigError when the folder holds none, naming the file.
  static CandidateSettings settings_in(const std::string& folder);
  static bool is_pipeline_folder(const std::string& folder);
  // Plans the base run (throws ConfigError for settings that cannot work) and resolves the screening steps. With a
  // time budget (base.minutes) it first calibrates and plans the steps (model/run/time_budget.h); the chosen run's
  // steps are planned again after the ranking from the time the screenings took, so that the pipeline ends on time.
  const PipelineStatus& prepare();
  PipelineOutcome run(PipelineObserver& observer, const ScreeningRunner& runner = {});
  // Stop (the current run stops after its step and saves; nothing further starts) and pause, from any thread.
  RunControl& control() const { return *control_; }

 private:
  void publish(PipelineObserver& observer);
  void write_table() const;
  void train(size_t index, RunSettings settings, PipelineObserver& observer);
  void read_earlier_ranking();
  void shrink_losers();
  void record_settings() const;  // pipeline.cfg: what this pipeline decided
  void replan_continuation(double screening_seconds_per_step);

  KeyValues recorded_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;  // with a time budget
  double calibrated_seconds_per_step_ = 0;

  CandidateSettings settings_;
  DatasetOpener open_;
  PipelineStatus status_;
  bool prepared_ = false;
  std::shared_ptr<RunControl> control_;
};

}  // namespace fvae
