#include "model/run/candidate_pipeline.h"

#include "model/run/run_folder.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/base/atomic_file.h"
#include "model/base/csv.h"
#include "model/base/numbers.h"
#include "model/checkpoint/checkpoint.h"
#include "model/run/time_budget.h"

namespace fvae {

namespace {

namespace fs = std::filesystem;

const char* const kTableName = "candidates.csv";
const char* const kSettingsName = "pipeline.cfg";

// A request that continues the run saved in `checkpoint` with its own settings and dataset.
RunRequest resume_request(const std::string& checkpoint) {
  RunRequest request;
  request.resume_from = checkpoint;
  request.dataset_given = false;
  request.dataset.split.clear();
  return request;
}

// Splits one line of a CSV file written by CsvTable (quoted fields allowed, no line breaks inside them).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

}  // namespace

bool CandidatePipeline::is_pipeline_folder(const std::string& folder) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(folder) / kSettingsName, ec);
}

CandidateSettings CandidatePipeline::settings_in(const std::string& folder) {
  const std::string path = (fs::path(folder) / kSettingsName).string();
  std::ifstream in(path);
  if (!in) throw ConfigError(path + ": no candidate pipeline was started in this folder");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    const KeyValues kv = parse_key_values(text);
    ModelConfig model;
    TrainConfig train;
    from_key_values(kv, model, train);
    auto get = [&](const std::string& key) {
      const auto it = kv.find(key);
      if (it == kv.end()) throw ConfigError("missing configuration entry '" + key + "'");
      return it->second;
    };
    auto count = [&](const std::string& key) {
      const auto n = parse_int64(get(key));
      if (!n || *n < 0) throw ConfigError("'" + key + "' must be a count, got '" + get(key) + "'");
      return *n;
    };
    CandidateSettings s;
    s.going_on = true;
    s.base.out = folder;
    s.base.request.architecture = model.architecture;
    s.base.request.latent_dim = model.latent_dim;
    s.base.request.train = TrainingChoices::all_of(train);
    s.base.request.dataset.spec = get("dataset.spec");
    s.base.request.dataset.split = get("dataset.split");
    s.base.request.dataset.size = count("dataset.size");
    s.base.request.dataset.channels = count("dataset.channels");
    s.base.request.dataset.subset = count("dataset.subset");
    s.count = static_cast<int>(count("pipeline.candidates"));
    s.screen_steps = count("pipeline.screen_steps");
    s.ranking_images = count("pipeline.ranking_images");
    if (kv.count("pipeline.losers")) s.losers = losers_from_string(get("pipeline.losers"));  // older folders: default
    return s;
  } catch (const ConfigError& e) {
    throw ConfigError(path + ": " + e.what());
  }
}

std::string to_string(CandidateSettings::Losers losers) {
  switch (losers) {
    case CandidateSettings::Losers::KeepWeights:
      return "weights";
    case CandidateSettings::Losers::Remove:
      return "remove";
    case CandidateSettings::Losers::KeepAll:
      return "keep";
  }
  return "weights";
}

CandidateSettings::Losers losers_from_string(const std::string& text) {
  for (auto losers :
       {CandidateSettings::Losers::KeepWeights, CandidateSettings::Losers::Remove, CandidateSettings::Losers::KeepAll})
    if (text == to_string(losers)) return losers;
  throw ConfigError("what becomes of the candidates that lost must be weights, remove or keep, got '" + text + "'");
}

std::string to_string(Candidate::State state) {
  switch (state) {
    case Candidate::State::Waiting:
      return "waiting";
    case Candidate::State::Screening:
      return "screening";
    case Candidate::State::Screened:
      return "screened";
    case Candidate::State::Continuing:
      return "continuing";
    case Candidate::State::Done:
      return "done";
    case Candidate::State::Stopped:
      return "stopped";
    case Candidate::State::Removed:
      return "removed";
  }
  return "?";
}

int64_t PipelineStatus::total_steps() const {
  return static_cast<int64_t>(candidates.size()) * screen_steps + std::max<int64_t>(0, budget - screen_steps);
}

int64_t PipelineStatus::steps_done(int64_t run_step) const {
  int64_t done = 0;
  for (size_t i = 0; i < candidates.size(); ++i)
    if (static_cast<int>(i) != current) done += std::min(candidates[i].step, screen_steps);
  if (current >= 0) {
    const auto& c = candidates[static_cast<size_t>(current)];
    done += std::min(run_step, screen_steps);
    if (c.state == Candidate::State::Continuing) done += std::max<int64_t>(0, run_step - screen_steps);
  } else {
    for (const auto& c : candidates) done += std::max<int64_t>(0, c.step - screen_steps);
  }
  return std::min(done, total_steps());
}

CandidatePipeline::CandidatePipeline(CandidateSettings settings, DatasetOpener open,
                                     std::shared_ptr<RunControl> control)
    : settings_(std::move(settings)),
      open_(open ? std::move(open) : DatasetOpener(open_dataset)),
      control_(control ? std::move(control) : std::make_shared<RunControl>()) {}

const PipelineStatus& CandidatePipeline::prepare() {
  if (prepared_) return status_;
  if (settings_.count < 2 || settings_.count > 100) throw ConfigError("candidates must number 2 to 100");
  if (!settings_.base.request.resume_from.empty())
    throw ConfigError("candidates start new runs; a run is resumed on its own, or the pipeline on its folder");
  if (!settings_.going_on) claim_run_folder(settings_.base.out, settings_.base.replace);
  std::error_code created;
  fs::create_directories(settings_.base.out, created);
  if (created) throw ConfigError(settings_.base.out + ": cannot create the folder (" + created.message() + ")");
  RunPlan plan;
  if (settings_.base.minutes > 0) {
    const auto started = std::chrono::steady_clock::now();
    TimedPlan timed = plan_within_minutes(settings_.base.request, settings_.base.minutes, open_, settings_.count,
                                          settings_.ranking_images, settings_.screen_steps, started);
    plan = std::move(timed.plan);
    // From here on a step-budget pipeline, recorded as such: going on with it later keeps these steps.
    settings_.base.request.train.max_steps = timed.time.steps;
    settings_.screen_steps = timed.time.screen_steps;
    settings_.base.minutes = 0;
    deadline_ = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(timed.time.minutes * 60.0));
    calibrated_seconds_per_step_ = timed.time.speed.seconds_per_step;
    status_.time_plan = plan.time_plan;
  } else {
    plan = plan_run(settings_.base.request, open_);
  }
  status_.budget = plan.total_steps;
  status_.screen_steps =
      settings_.screen_steps > 0
          ? settings_.screen_steps
          : default_screen_steps(dataset_defaults(plan.data->kind(), plan.model.image_size), plan.total_steps);
  if (status_.screen_steps < 1) throw ConfigError("the screening needs at least one step per candidate");
  if (status_.screen_steps >= status_.budget)
    throw ConfigError("the screening (" + std::to_string(status_.screen_steps) + " steps per candidate) must be " +
                      "shorter than the step budget (" + std::to_string(status_.budget) + ")");
  const uint64_t first = settings_.base.request.train.seed.value_or(1);
  // What this pipeline decided, so that it can go on later from its folder alone (the GUI's Resume, --resume FOLDER).
  {
    TrainConfig recorded = plan.train;
    recorded.seed = first;
    recorded_ = to_key_values(plan.model, recorded);
    recorded_["dataset.spec"] = plan.dataset.spec;
    recorded_["dataset.split"] = plan.dataset.split;
    recorded_["dataset.size"] = std::to_string(plan.dataset.size);
    recorded_["dataset.channels"] = std::to_string(plan.dataset.channels);
    recorded_["dataset.subset"] = std::to_string(plan.dataset.subset);
    recorded_["pipeline.candidates"] = std::to_string(settings_.count);
    recorded_["pipeline.screen_steps"] = std::to_string(status_.screen_steps);
    recorded_["pipeline.ranking_images"] = std::to_string(settings_.ranking_images);
    recorded_["pipeline.losers"] = to_string(settings_.losers);
    record_settings();
  }
  for (int i = 0; i < settings_.count; ++i) {
    Candidate c;
    c.seed = first + static_cast<uint64_t>(i);
    c.folder = (fs::path(settings_.base.out) / ("seed-" + std::to_string(c.seed))).string();
    c.checkpoint = latest_checkpoint(c.folder);
    std::error_code ec;
    if (fs::exists(c.checkpoint, ec)) {  // an earlier run of this pipeline got this far
      c.step = load_checkpoint(c.checkpoint).step;
      c.state = c.step >= status_.budget         ? Candidate::State::Done
                : c.step > status_.screen_steps  ? Candidate::State::Continuing
                : c.step == status_.screen_steps ? Candidate::State::Screened
                                                 : Candidate::State::Stopped;
    }
    status_.candidates.push_back(c);
  }
  read_earlier_ranking();
  // Candidates that lost a ranking made earlier need no more screening, whether their weights stay or not.
  for (auto& c : status_.candidates)
    if (c.udr >= 0 && !c.chosen && c.state != Candidate::State::Screened) {
      std::error_code ec;
      c.state = fs::exists(c.checkpoint, ec) ? Candidate::State::Screened : Candidate::State::Removed;
      if (c.state == Candidate::State::Removed) c.step = status_.screen_steps;
    }
  prepared_ = true;
  return status_;
}

void CandidatePipeline::record_settings() const {
  write_file_atomically((fs::path(settings_.base.out) / kSettingsName).string(), serialize_key_values(recorded_));
}

void CandidatePipeline::replan_continuation(double screening_seconds_per_step) {
  if (!deadline_) return;
  const double left = std::chrono::duration<double>(*deadline_ - std::chrono::steady_clock::now()).count();
  const double per_step = screening_seconds_per_step > 0 ? screening_seconds_per_step : calibrated_seconds_per_step_;
  const int64_t steps = continuation_steps(status_.screen_steps, left, per_step);
  if (steps == status_.budget) return;
  status_.time_plan += "; after the screenings (" + format_fixed(1.0 / per_step, 1) +
                       " steps/s) the chosen run continues to " + std::to_string(steps) + " steps instead of " +
                       std::to_string(status_.budget);
  status_.budget = steps;
  recorded_["train.max_steps"] = std::to_string(steps);
  record_settings();
}

void CandidatePipeline::shrink_losers() {
  if (settings_.losers == CandidateSettings::Losers::KeepAll) return;
  for (auto& c : status_.candidates) {
    if (c.chosen || c.state == Candidate::State::Removed) continue;
    if (settings_.losers == CandidateSettings::Losers::Remove) {
      std::error_code ec;
      fs::remove_all(c.folder, ec);
      if (ec)
        throw CheckpointError(c.folder + ": cannot remove the folder of a candidate that lost (" + ec.message() + ")");
      c.state = Candidate::State::Removed;
    } else {
      const Checkpoint cp = load_checkpoint(c.checkpoint);
      if (cp.has_training_state) save_weights_only(c.checkpoint, cp);  // atomically: the full one stays on failure
    }
  }
  write_table();
}

void CandidatePipeline::read_earlier_ranking() {
  std::ifstream in((fs::path(settings_.base.out) / kTableName).string());
  std::string line;
  if (!in || !std::getline(in, line)) return;
  const auto header = csv_fields(line);
  auto column = [&](const std::string& name) {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  };
  const int seed = column("seed"), udr = column("udr"), active = column("active_dims"), chosen = column("chosen");
  if (seed < 0 || udr < 0 || active < 0 || chosen < 0) return;
  while (std::getline(in, line)) {
    const auto f = csv_fields(line);
    if (static_cast<int>(f.size()) != static_cast<int>(header.size())) return;
    const auto s = parse_uint64(f[seed]);
    const auto score = parse_double(f[udr]);
    const auto dims = parse_int64(f[active]);
    for (auto& c : status_.candidates)
      if (s && c.seed == *s && score && *score >= 0 && dims) {
        c.udr = *score;
        c.active_dims = static_cast<int>(*dims);
        c.chosen = f[chosen] == "yes";
      }
  }
  // A ranking counts only when every candidate has its score (a pipeline stopped before it wrote none).
  for (const auto& c : status_.candidates)
    if (c.udr < 0) {
      for (auto& other : status_.candidates) other.udr = -1, other.chosen = false;
      return;
    }
}

void CandidatePipeline::write_table() const {
  CsvTable table({"seed", "state", "step", "udr", "active_dims", "chosen", "checkpoint"});
  for (const auto& c : status_.candidates)
    table.add_row({std::to_string(c.seed), to_string(c.state), std::to_string(c.step),
                   c.udr < 0 ? std::string() : format_number(c.udr),
                   c.active_dims < 0 ? std::string() : std::to_string(c.active_dims), c.chosen ? "yes" : "no",
                   c.checkpoint});
  table.write((fs::path(settings_.base.out) / kTableName).string());
}

void CandidatePipeline::publish(PipelineObserver& observer) {
  write_table();
  observer.on_pipeline(status_);
}

void CandidatePipeline::train(size_t index, RunSettings settings, PipelineObserver& observer) {
  // Steps of the candidate update its row, so that the table and the pipeline's progress follow the run; the chosen
  // run's step budget, re-planned under a time budget, is the pipeline's (and recorded, for going on later).
  struct Relay : RunObserver {
    PipelineObserver& outer;
    Candidate& row;
    CandidatePipeline& pipeline;
    Relay(PipelineObserver& o, Candidate& c, CandidatePipeline& p) : outer(o), row(c), pipeline(p) {}
    void on_start(const RunPlan& plan, const Trainer& trainer, const torch::Tensor& fixed) override {
      outer.on_start(plan, trainer, fixed);
    }
    void on_step(const StepReport& report, const Trainer& trainer) override {
      row.step = report.step;
      if (row.state == Candidate::State::Continuing && trainer.total_steps() != pipeline.status_.budget) {
        pipeline.status_.budget = trainer.total_steps();
        pipeline.recorded_["train.max_steps"] = std::to_string(pipeline.status_.budget);
        pipeline.record_settings();
      }
      outer.on_step(report, trainer);
    }
    void on_epoch_saved(int64_t epoch, const std::string& checkpoint, const Trainer& trainer) override {
      outer.on_epoch_saved(epoch, checkpoint, trainer);
    }
    void on_finish(const Trainer& trainer) override { outer.on_finish(trainer); }
  } relay(observer, status_.candidates[index], *this);
  TrainingRun run(std::move(settings), open_, control_);
  status_.candidates[index].step = run.run(relay).step;
}

PipelineOutcome CandidatePipeline::run(PipelineObserver& observer, const ScreeningRunner& runner) {
  prepare();
  PipelineOutcome outcome;
  auto finish = [&](PipelineOutcome::Status status) {
    outcome.status = status;
    outcome.candidates = status_.candidates;
    outcome.ranked = status_.candidates.front().udr >= 0;
    outcome.best = -1;
    for (size_t i = 0; i < status_.candidates.size(); ++i) {
      const auto& c = status_.candidates[i];
      if (outcome.ranked ? c.chosen
                         : (c.step > 0 && (outcome.best < 0 || c.step > status_.candidates[outcome.best].step)))
        outcome.best = static_cast<int>(i);
    }
    if (outcome.best >= 0 && outcome.checkpoint.empty())
      outcome.checkpoint = status_.candidates[static_cast<size_t>(outcome.best)].checkpoint;
    if (status == PipelineOutcome::Status::Stopped) {
      status_.stage = PipelineStatus::Stage::Stopped;
      for (auto& c : status_.candidates)
        if (c.state == Candidate::State::Screening || c.state == Candidate::State::Continuing)
          c.state = Candidate::State::Stopped;
      outcome.candidates = status_.candidates;
    }
    status_.current = -1;
    publish(observer);
    return outcome;
  };

  // Screening: every candidate not yet screened, a new run or its own checkpoint continued.
  std::vector<ScreeningJob> jobs;
  for (size_t i = 0; i < status_.candidates.size(); ++i) {
    const auto& c = status_.candidates[i];
    if (c.state != Candidate::State::Waiting && c.state != Candidate::State::Stopped) continue;
    ScreeningJob job;
    job.index = i;
    job.settings = settings_.base;
    job.settings.out = c.folder;
    job.settings.stop_after = status_.screen_steps;
    job.settings.replace = true;  // the pipeline's own candidate folder: what a killed attempt left is its own
    if (c.step > 0)
      job.settings.request = resume_request(c.checkpoint);
    else
      job.settings.request.train.seed = c.seed;
    jobs.push_back(job);
  }
  status_.stage = PipelineStatus::Stage::Screening;
  const auto screening_started = std::chrono::steady_clock::now();
  int64_t steps_before_screening = 0;
  for (const auto& c : status_.candidates) steps_before_screening += std::min(c.step, status_.screen_steps);
  if (runner && !jobs.empty()) {
    for (const auto& job : jobs) status_.candidates[job.index].state = Candidate::State::Screening;
    publish(observer);
    runner(jobs);
    for (auto& c : status_.candidates)
      if (c.state == Candidate::State::Screening) {
        c.step = load_checkpoint(c.checkpoint).step;
        c.state = c.step >= status_.screen_steps ? Candidate::State::Screened : Candidate::State::Stopped;
      }
    if (control_->stop_requested()) return finish(PipelineOutcome::Status::Stopped);
  } else {
    for (const auto& job : jobs) {
      if (control_->stop_requested()) return finish(PipelineOutcome::Status::Stopped);
      status_.current = static_cast<int>(job.index);
      status_.candidates[job.index].state = Candidate::State::Screening;
      publish(observer);
      train(job.index, job.settings, observer);
      auto& c = status_.candidates[job.index];
      c.state = c.step >= status_.screen_steps ? Candidate::State::Screened : Candidate::State::Stopped;
      if (c.state == Candidate::State::Stopped) return finish(PipelineOutcome::Status::Stopped);
    }
  }
  for (const auto& c : status_.candidates)
    if (c.state == Candidate::State::Stopped) return finish(PipelineOutcome::Status::Stopped);
  // The wall time per step of the screenings in this process (checkpoints and logs included) prices the chosen run's
  // rest under a time budget; screenings side by side in other processes ran at another speed than it will.
  double screening_seconds_per_step = 0;
  {
    int64_t screened = -steps_before_screening;
    for (const auto& c : status_.candidates) screened += std::min(c.step, status_.screen_steps);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - screening_started).count();
    if (!runner && screened > 0) screening_seconds_per_step = seconds / static_cast<double>(screened);
  }

  // Ranking, unless an earlier run of the pipeline made it (the chosen run may have trained on since).
  size_t best = 0;
  if (status_.candidates.front().udr < 0) {
    status_.stage = PipelineStatus::Stage::Ranking;
    status_.current = -1;
    publish(observer);
    std::vector<std::string> files;
    for (const auto& c : status_.candidates) files.push_back(c.checkpoint);
    RankingOptions options;
    options.images = settings_.ranking_images;
    options.open = open_;
    const RankedRuns ranked = rank_runs(files, options);
    best = ranked.order.front();
    for (size_t i = 0; i < status_.candidates.size(); ++i) {
      auto& c = status_.candidates[i];
      c.udr = ranked.result.scores[i];
      c.active_dims = ranked.result.active_dims[i];
      c.kl_per_dim = ranked.kl_per_dim[i];
      c.chosen = i == best;
    }
    publish(observer);  // the ranking is in candidates.csv before any loser changes
    shrink_losers();
  } else {
    for (size_t i = 0; i < status_.candidates.size(); ++i)
      if (status_.candidates[i].chosen) best = i;
  }
  if (control_->stop_requested()) return finish(PipelineOutcome::Status::Stopped);

  // The chosen candidate continues to the full budget, from its own checkpoint.
  auto& chosen = status_.candidates[best];
  if (chosen.state != Candidate::State::Done) replan_continuation(screening_seconds_per_step);
  if (chosen.state != Candidate::State::Done) {
    status_.stage = PipelineStatus::Stage::Continuing;
    status_.current = static_cast<int>(best);
    chosen.state = Candidate::State::Continuing;
    publish(observer);
    RunSettings settings = settings_.base;
    settings.out = chosen.folder;
    settings.stop_after = 0;
    settings.request = resume_request(chosen.checkpoint);
    if (deadline_) {
      settings.request.train.max_steps = status_.budget;
      settings.deadline = deadline_;  // the run keeps re-planning its steps to end on time
    }
    // Screenings side by side may have run with the discriminator's thread off (a core each); the chosen run goes on
    // with the run's own setting. The results are the same either way, only the speed differs.
    settings.request.train.disc_thread = settings_.base.request.train.disc_thread.value_or("auto");
    train(best, settings, observer);
    if (chosen.step < status_.budget) return finish(PipelineOutcome::Status::Stopped);
    chosen.state = Candidate::State::Done;
  }
  // The chosen run's final checkpoint also where a single run's would be: a hard link (the run folder holds it once;
  // every save replaces a checkpoint by renaming a new file over it, so the two names never change each other), or a
  // copy where the file system has no links.
  outcome.checkpoint = latest_checkpoint(settings_.base.out);
  const std::string link = outcome.checkpoint + ".link";
  std::error_code ec;
  fs::remove(link, ec);
  fs::create_hard_link(chosen.checkpoint, link, ec);
  if (!ec) fs::rename(link, outcome.checkpoint, ec);
  if (ec) {
    fs::remove(link, ec);
    std::ifstream in(chosen.checkpoint, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw CheckpointError(chosen.checkpoint + ": cannot read it back to copy it");
    write_file_atomically(outcome.checkpoint, bytes.str());
  }
  status_.stage = PipelineStatus::Stage::Finished;
  return finish(PipelineOutcome::Status::Finished);
}

}  // namespace fvae
