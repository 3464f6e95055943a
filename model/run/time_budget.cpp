#include "model/run/time_budget.h"

#include <chrono>
#include <cmath>

#include "model/base/numbers.h"
#include "model/base/platform.h"
#include "model/inference/inference.h"
#include "model/training/trainer.h"

namespace fvae {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One decimal, rounded up: the smallest budget to suggest.
double minutes_rounded_up(double seconds) { return std::ceil(seconds / 60.0 * 10.0) / 10.0; }

// Thousands separated, as the messages show step counts ("11,840").
std::string count(int64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

}  // namespace

void validate_minutes(double minutes) {
  if (!std::isfinite(minutes) || minutes <= 0)
    throw ConfigError("the time budget must be a positive number of minutes, got " + format_number(minutes));
  if (minutes > 7 * 24 * 60)
    throw ConfigError("the time budget must be at most a week (10080 minutes), got " + format_number(minutes) +
                      "; give a step budget for longer runs");
}

MeasuredSpeed measure_training_speed(const RunPlan& plan, double seconds) {
  const auto started = Clock::now();
  TrainConfig train = plan.train;
  train.epochs = 0;
  train.max_steps = int64_t{1} << 40;  // the schedules' shape does not change a step's cost
  set_compute_threads(train.threads);
  Trainer trainer(plan.model, train, plan.data);
  // The first steps allocate and warm the caches; they say nothing about the thousands after them.
  for (int i = 0; i < 3; ++i) trainer.step();
  MeasuredSpeed speed;
  const auto timed = Clock::now();
  while (speed.steps < 10 || seconds_since(timed) < seconds) {
    trainer.step();
    ++speed.steps;
  }
  speed.seconds_per_step = seconds_since(timed) / static_cast<double>(speed.steps);
  {
    torch::NoGradGuard no_grad;
    const int64_t n = std::min<int64_t>(plan.data->size(), 256);
    const auto images = plan.data->images(torch::arange(n, torch::kLong)).to(trainer.device());
    trainer.networks().encoder->forward(images);  // warm
    const auto encoding = Clock::now();
    trainer.networks().encoder->forward(images);
    speed.seconds_per_encoded_image = seconds_since(encoding) / static_cast<double>(n);
  }
  speed.seconds = seconds_since(started);
  return speed;
}

TimePlan plan_for_minutes(double minutes, const MeasuredSpeed& speed, int candidates, int64_t ranking_images,
                          int64_t preferred_screen_steps) {
  validate_minutes(minutes);
  if (speed.seconds_per_step <= 0) throw ConfigError("the training speed was not measured");
  TimePlan plan;
  plan.minutes = minutes;
  plan.candidates = std::max(1, candidates);
  plan.speed = speed;
  const double t = speed.seconds_per_step;
  const double budget = minutes * 60.0;
  const int K = plan.candidates;
  if (K == 1) {
    const double fixed = speed.seconds + kRunOverheadSeconds;
    plan.steps = static_cast<int64_t>(std::floor((budget - fixed) / t));
    if (plan.steps < kMinSingleRunSteps)
      throw ConfigError("a time budget of " + format_number(minutes) + " minutes is too small: this machine trains " +
                        format_fixed(1.0 / t, 1) + " steps/s, and the smallest run (" +
                        std::to_string(kMinSingleRunSteps) + " steps) needs " +
                        format_number(minutes_rounded_up(fixed + kMinSingleRunSteps * t)) + " minutes");
    plan.planned_seconds = fixed + static_cast<double>(plan.steps) * t;
    return plan;
  }
  // K screenings and the continuation are runs of their own; the ranking encodes every candidate's images; the
  // losers are rewritten as weights only (about a run's overhead each).
  const double ranking = static_cast<double>(K * ranking_images) * speed.seconds_per_encoded_image + 1.0;
  const double fixed = speed.seconds + ranking + (2 * K + 1) * kRunOverheadSeconds;
  const double steps_that_fit = std::floor((budget - fixed) / t);
  const int64_t P = std::max<int64_t>(kMinScreenSteps, preferred_screen_steps);
  // K·S + (N − S) steps in all, with S = min(P, N / 8).
  int64_t N = static_cast<int64_t>(steps_that_fit) - (K - 1) * P;
  int64_t S = P;
  if (N < 8 * P) {
    N = static_cast<int64_t>(std::floor(steps_that_fit / (1.0 + (K - 1) / 8.0)));
    S = N / 8;
  }
  if (S < kMinScreenSteps) {
    const int64_t smallest = (K + 7) * kMinScreenSteps;
    throw ConfigError("a time budget of " + format_number(minutes) + " minutes is too small for " + std::to_string(K) +
                      " candidates: this machine trains " + format_fixed(1.0 / t, 1) + " steps/s, and the smallest " +
                      "pipeline (" + std::to_string(kMinScreenSteps) + " screening steps each) needs " +
                      format_number(minutes_rounded_up(fixed + static_cast<double>(smallest) * t)) +
                      " minutes (or train one candidate)");
  }
  plan.steps = N;
  plan.screen_steps = S;
  plan.planned_seconds = fixed + static_cast<double>(K * S + N - S) * t;
  return plan;
}

int64_t continuation_steps(int64_t screen_steps, double seconds_left, double seconds_per_step) {
  const double more = std::floor((seconds_left - kRunOverheadSeconds) / std::max(seconds_per_step, 1e-9));
  return screen_steps + std::max<int64_t>(1, static_cast<int64_t>(std::max(0.0, more)));
}

TimedPlan plan_within_minutes(RunRequest request, double minutes, const DatasetOpener& open, int candidates,
                              int64_t ranking_images, int64_t preferred_screen_steps, Clock::time_point started) {
  validate_minutes(minutes);
  if (!request.resume_from.empty())
    throw ConfigError("a time budget plans a new run; a resumed run keeps the step budget it was planned with");
  if (request.train.max_steps || request.train.epochs)
    throw ConfigError("give a time budget or a step (or epoch) budget, not both");
  const RunPlan first = plan_run(request, open);
  TimedPlan timed;
  const int64_t preferred = preferred_screen_steps > 0
                                ? preferred_screen_steps
                                : dataset_defaults(first.data->kind(), first.model.image_size).screen_steps;
  MeasuredSpeed speed = measure_training_speed(first);
  speed.seconds = seconds_since(started);  // everything so far counts against the budget
  timed.time = plan_for_minutes(minutes, speed, candidates, ranking_images, preferred);
  request.train.max_steps = timed.time.steps;
  timed.plan = plan_run(request, reuse_dataset(first.data));
  timed.plan.time_plan = timed.time.describe();
  return timed;
}

std::string TimePlan::describe() const {
  std::string text = format_number(minutes) + " minutes: measured " + format_fixed(1.0 / speed.seconds_per_step, 1) +
                     " steps/s in a " + format_fixed(speed.seconds, 1) + " s calibration; planned ";
  if (candidates == 1)
    text += count(steps) + " steps";
  else
    text += std::to_string(candidates) + " candidates × " + count(screen_steps) +
            " screening steps, then the chosen one continued to " + count(steps) + " steps";
  return text + " (about " + format_fixed(planned_seconds / 60.0, 1) + " minutes)";
}

}  // namespace fvae
