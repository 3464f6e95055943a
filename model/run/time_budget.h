#pragma once
// A training's length in minutes, the way users think of it. The steps are planned from the speed this machine shows
// in a short calibration (a few seconds of real steps of the same networks on the same images), and the run itself
// is then an ordinary step-budget run: its steps are recorded in its checkpoint and pipeline.cfg, so resuming it or
// training it again with those steps gives the same run. Only the step count depends on the machine.

#include <chrono>
#include <cstdint>
#include <string>

#include "model/run/run_plan.h"

namespace fvae {

// Throws ConfigError unless `minutes` is a usable budget: positive, finite, at most a week.
void validate_minutes(double minutes);

// What the calibration measured.
struct MeasuredSpeed {
  double seconds_per_step = 0;          // a full training step (VAE and discriminator), after warm-up
  double seconds_per_encoded_image = 0; // the encoder alone without gradients (the ranking's cost)
  double seconds = 0;                   // the calibration's own time (from the start, planning included)
  int64_t steps = 0;                    // timed steps
};

// Trains a throwaway copy of the planned networks (plan.model, plan.train, plan.data) for about `seconds` on the
// calling thread, with the plan's thread settings, and times it. Nothing is written.
MeasuredSpeed measure_training_speed(const RunPlan& plan, double seconds = 3.0);

struct TimePlan {
  double minutes = 0;
  int candidates = 1;        // 1: a single run
  int64_t steps = 0;         // the run's step budget (for a pipeline: the chosen run's, screening included)
  int64_t screen_steps = 0;  // steps per candidate before the ranking; 0 for a single run
  MeasuredSpeed speed;
  double planned_seconds = 0;  // what the plan should take, the calibration included
  // For the user, after "Time budget of ": "15 minutes: measured 23.4 steps/s in a 3.5 s calibration; planned …".
  std::string describe() const;
};

// Smallest plans: a screening shorter than this ranks noise, and the screening is at most an eighth of the budget.
constexpr int64_t kMinScreenSteps = 100;
constexpr int64_t kMinSingleRunSteps = 100;

// Fits a single run (candidates 1) or a candidate pipeline into `minutes`: K screenings of S steps, the ranking
// (`ranking_images` encoded per candidate) and the chosen run continued to N steps, with S = min(preferred, N / 8)
// as default_screen_steps decides. Throws ConfigError, saying the smallest budget that works, when not even the
// smallest plan fits.
TimePlan plan_for_minutes(double minutes, const MeasuredSpeed& speed, int candidates, int64_t ranking_images,
                          int64_t preferred_screen_steps);

// Steps the chosen candidate can still train in `seconds_left`, at the speed its pipeline's screenings showed (their
// wall time per step: checkpoints and logs included). Never less than `screen_steps + 1`.
int64_t continuation_steps(int64_t screen_steps, double seconds_left, double seconds_per_step);

// A request planned to fit `minutes` on this machine: planned once, calibrated on its networks and images, then
// planned again with the step budget that fits (and, for a pipeline of `candidates`, the screening steps; a
// `preferred_screen_steps` of 0 means the dataset's). The plan's notes say what was measured and planned. Throws
// ConfigError for a resumed run or a request that names its own step or epoch budget.
struct TimedPlan {
  RunPlan plan;
  TimePlan time;
};
// `started`: when the user started it (the budget counts from there: opening the dataset and calibrating included).
TimedPlan plan_within_minutes(RunRequest request, double minutes, const DatasetOpener& open, int candidates = 1,
                              int64_t ranking_images = 0, int64_t preferred_screen_steps = 0,
                              std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now());

// Per run: opening the output, the first save, the logs at the end (measured ~1 s on 2 cores).
constexpr double kRunOverheadSeconds = 1.5;

}  // namespace fvae
