// The one training run and the candidate pipeline (model/run), which the CLI and the GUI both drive: a run is the
// trainer's own run with its files, stopping and going on gives the same run, a pipeline stopped anywhere and run again
// on its folder ends where an uninterrupted one ends, and a stop leaves the best candidate so far named.
#include <torch/torch.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>

#include "model/checkpoint/checkpoint.h"
#include "model/inference/inference.h"
#include "model/io/dataset_loader.h"
#include "model/run/candidate_pipeline.h"
#include "model/run/run_folder.h"
#include "model/run/time_budget.h"
#include "model/run/training_run.h"

using namespace fvae;

namespace {

RunRequest small_request(uint64_t seed, int64_t steps) {
  RunRequest r;
  r.dataset.spec = "shapes";
  r.dataset.size = 28;
  r.dataset.subset = 256;
  r.train.batch_size = 32;
  r.train.max_steps = steps;
  r.train.seed = seed;
  r.train.device = "cpu";
  r.train.disc_thread = "off";
  return r;
}

// Stops the run or pipeline at a given step of a given candidate (-1: a single run).
struct StopAt : PipelineObserver {
  std::function<void()> stop;
  int candidate = -1, current = -1;
  int64_t step = 0;
  int starts = 0;
  std::vector<PipelineStatus> statuses;
  void on_start(const RunPlan&, const Trainer&, const torch::Tensor&) override { ++starts; }
  void on_step(const StepReport& r, const Trainer&) override {
    if (current == candidate && r.step == step && stop) stop();
  }
  void on_pipeline(const PipelineStatus& status) override {
    current = status.current;
    statuses.push_back(status);
  }
};

std::vector<double> losses(const std::string& checkpoint) {
  std::vector<double> out;
  for (const auto& r : load_checkpoint(checkpoint).history) out.push_back(r.vae_loss), out.push_back(r.disc_loss);
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

class TestRun : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string path(const char* name) const { return dir_.filePath(name).toStdString(); }

 private slots:
  // A run writes its checkpoint and logs, and is the trainer's own run: the same losses as a Trainer on the plan.
  void aRunIsTheTrainersRunWithItsFiles() {
    RunSettings s;
    s.request = small_request(3, 10);
    s.out = path("single");
    TrainingRun run(s);
    StopAt observer;
    const RunOutcome outcome = run.run(observer);
    QCOMPARE(outcome.status, RunOutcome::Status::Finished);
    QCOMPARE(outcome.step, int64_t{10});
    QCOMPARE(observer.starts, 1);
    for (const auto& file : {outcome.checkpoint, outcome.csv}) QVERIFY2(std::filesystem::exists(file), file.c_str());
    const RunPlan plan = plan_run(small_request(3, 10), open_dataset);
    Trainer trainer(plan.model, plan.train, plan.data);
    trainer.run();
    std::vector<double> direct;
    for (const auto& r : trainer.history()) direct.push_back(r.vae_loss), direct.push_back(r.disc_loss);
    QCOMPARE(losses(outcome.checkpoint), direct);
  }

  // Stopped (as asked, or by the user) and resumed, a run ends as one that never stopped.
  // The time budget's arithmetic against the plan it must fit: the calibration, K screenings of S steps, the ranking
  // and the chosen run's rest inside the minutes, S as default_screen_steps decides it; a budget too small names the
  // smallest that works, and that one works.
  void aTimeBudgetPlansStepsThatFit() {
    MeasuredSpeed speed;
    speed.seconds_per_step = 0.05;
    speed.seconds_per_encoded_image = 2e-5;
    speed.seconds = 4;
    const TimePlan one = plan_for_minutes(15, speed, 1, 0, 2000);
    QCOMPARE(one.steps, int64_t{17890});  // (900 s − 4 s calibration − 1.5 s for the run's files) / 0.05 s
    QCOMPARE(one.screen_steps, int64_t{0});
    for (double minutes : {2.0, 15.0, 60.0}) {
      const TimePlan p = plan_for_minutes(minutes, speed, 4, 10000, 2000);
      const int64_t all_steps = 4 * p.screen_steps + p.steps - p.screen_steps;
      const double fixed = 4 + (4 * 10000 * 2e-5 + 1) + 9 * kRunOverheadSeconds;
      QCOMPARE(p.screen_steps, std::min<int64_t>(2000, p.steps / 8));
      QVERIFY(fixed + static_cast<double>(all_steps) * 0.05 <= minutes * 60 + 1e-9);
      QVERIFY2(fixed + static_cast<double>(all_steps + 5) * 0.05 > minutes * 60,  // nothing left unplanned
               qPrintable(QString::fromStdString(p.describe())));
      QVERIFY(QString::fromStdString(p.describe()).contains("4 candidates"));
    }
    QCOMPARE(plan_for_minutes(60, speed, 4, 10000, 2000).screen_steps, int64_t{2000});
    for (int candidates : {1, 4}) {
      QString message;
      try {
        plan_for_minutes(0.1, speed, candidates, 10000, 2000);
      } catch (const ConfigError& e) {
        message = e.what();
      }
      const auto match = QRegularExpression("needs ([0-9.]+) minutes").match(message);
      QVERIFY2(match.hasMatch(), qPrintable(message));
      const double smallest = match.captured(1).toDouble();
      QVERIFY(smallest > 0.1);
      const TimePlan fits = plan_for_minutes(smallest, speed, candidates, 10000, 2000);
      QVERIFY(candidates == 1 ? fits.steps >= kMinSingleRunSteps : fits.screen_steps >= kMinScreenSteps);
    }
    for (double bad : {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity(), 20000.0})
      QVERIFY_THROWS_EXCEPTION(ConfigError, validate_minutes(bad));
  }

  // A time-budgeted run ends within its budget and records the steps it planned: from then on it is an ordinary
  // step-budget run (resumed, or trained again with those steps).
  void aTimeBudgetedRunEndsOnTime() {
    RunSettings s;
    s.request = small_request(4, 0);
    s.request.train.max_steps.reset();
    s.request.train.batch_size = 16;
    s.minutes = 0.15;
    s.out = path("timed");
    auto run = std::make_unique<TrainingRun>(s);
    StopAt observer;
    auto started = std::chrono::steady_clock::now();
    RunOutcome outcome;
    try {
      outcome = run->run(observer);
    } catch (const ConfigError& e) {
      // A loaded machine (another training beside the tests) may be too slow for the smallest run in 9 s: then the
      // budget it names, with a margin, in another folder (a fresh clone beside a training failed here once).
      const auto match = QRegularExpression("needs ([0-9.]+) minutes").match(e.what());
      QVERIFY2(match.hasMatch(), e.what());
      s.minutes = match.captured(1).toDouble() * 1.25;
      s.out = path("timed-2");
      run = std::make_unique<TrainingRun>(s);
      started = std::chrono::steady_clock::now();
      outcome = run->run(observer);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double budget = s.minutes * 60;
    // ±10 % on an idle machine (bench_training's time-budget line); wider here, where other tests share the cores.
    QVERIFY2(seconds > budget * 0.6 && seconds < budget * 1.3,
             qPrintable(QString("%1 s for a %2 s budget").arg(seconds).arg(budget)));
    QCOMPARE(outcome.status, RunOutcome::Status::Finished);
    const Checkpoint cp = load_checkpoint(outcome.checkpoint);
    QCOMPARE(cp.train.max_steps, outcome.step);
    QCOMPARE(run->settings().request.train.max_steps.value_or(0), outcome.step);
    QCOMPARE(run->settings().minutes, 0.0);
    // A step or epoch budget beside it, or a resumed run, is refused before anything is trained.
    s.request.train.max_steps = 10;
    s.out = path("timed-both");
    StopAt none;
    QVERIFY_THROWS_EXCEPTION(ConfigError, TrainingRun(s).run(none));
    QCOMPARE(none.starts, 0);
  }

  // A time-budgeted pipeline plans its screenings and the chosen run from the calibration, ends within its budget and
  // records the steps in pipeline.cfg, so that going on with it later keeps them.
  void aTimeBudgetedPipelineEndsOnTime() {
    CandidateSettings c;
    c.base.request = small_request(1, 0);
    c.base.request.train.max_steps.reset();
    c.base.request.train.batch_size = 8;
    c.base.request.train.threads = 1;
    c.base.minutes = 0.5;
    c.base.out = path("timed-pipeline");
    c.count = 2;
    c.ranking_images = 256;
    auto started = std::chrono::steady_clock::now();
    std::unique_ptr<CandidatePipeline> pipeline;
    try {
      pipeline = std::make_unique<CandidatePipeline>(c);
      pipeline->prepare();
    } catch (const ConfigError& e) {
      // A loaded machine (other tests beside this one) may be too slow for the smallest pipeline in 30 s: then the
      // budget it names, with a margin, in another folder.
      const auto match = QRegularExpression("needs ([0-9.]+) minutes").match(e.what());
      QVERIFY2(match.hasMatch(), e.what());
      c.base.minutes = match.captured(1).toDouble() * 1.25;
      c.base.out = path("timed-pipeline-2");
      started = std::chrono::steady_clock::now();
      pipeline = std::make_unique<CandidatePipeline>(c);
      pipeline->prepare();
    }
    const double budget = c.base.minutes * 60;
    StopAt observer;
    const PipelineStatus& status = pipeline->prepare();
    QVERIFY(QString::fromStdString(status.time_plan).contains("2 candidates"));
    const PipelineOutcome outcome = pipeline->run(observer);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    QVERIFY2(seconds > budget * 0.6 && seconds < budget * 1.3,
             qPrintable(QString("%1 s for a %2 s budget").arg(seconds).arg(budget)));
    QCOMPARE(outcome.status, PipelineOutcome::Status::Finished);
    const auto& chosen = outcome.candidates[static_cast<size_t>(outcome.best)];
    QCOMPARE(chosen.step, observer.statuses.back().budget);
    const auto recorded = CandidatePipeline::settings_in(c.base.out);
    QCOMPARE(recorded.base.request.train.max_steps.value_or(0), chosen.step);
    QCOMPARE(recorded.screen_steps, observer.statuses.back().screen_steps);
    // Started again on its folder with a time budget, it refuses rather than plan anew over the candidates.
    CandidatePipeline again(c);
    QVERIFY_THROWS_EXCEPTION(ConfigError, again.prepare());
  }

  void aStoppedRunResumedIsTheSameRun() {
    RunSettings s;
    s.request = small_request(4, 12);
    s.out = path("straight");
    StopAt none;
    const std::string straight = TrainingRun(s).run(none).checkpoint;

    s.out = path("stopped");
    s.stop_after = 5;
    RunOutcome first = TrainingRun(s).run(none);
    QCOMPARE(first.status, RunOutcome::Status::StoppedAsAsked);
    QCOMPARE(first.step, int64_t{5});
    RunSettings more;
    more.request.resume_from = first.checkpoint;
    more.request.dataset_given = false;
    more.request.dataset.split.clear();
    more.out = s.out;
    TrainingRun second(more);
    StopAt user;
    user.stop = [&] { second.control().stop(); };
    user.step = 8;
    const RunOutcome cancelled = second.run(user);
    QCOMPARE(cancelled.status, RunOutcome::Status::Cancelled);
    QCOMPARE(cancelled.step, int64_t{8});
    const RunOutcome last = TrainingRun(more).run(none);
    QCOMPARE(last.status, RunOutcome::Status::Finished);
    QCOMPARE(losses(last.checkpoint), losses(straight));
  }

  // A pipeline stopped during a screening, then run again on its folder, ends where an uninterrupted one ends, with
  // the same table; stopped before the ranking it names the candidate trained furthest.
  void aStoppedPipelineGoesOnWhereItStopped() {
    CandidateSettings settings;
    settings.base.request = small_request(7, 12);
    settings.count = 3;
    settings.screen_steps = 4;
    settings.ranking_images = 64;

    settings.base.out = path("pipeline-straight");
    StopAt none;
    const PipelineOutcome straight = CandidatePipeline(settings).run(none);
    QCOMPARE(straight.status, PipelineOutcome::Status::Finished);
    QVERIFY(straight.ranked);
    QCOMPARE(straight.checkpoint, latest_checkpoint(settings.base.out));
    QCOMPARE(load_checkpoint(straight.checkpoint).step, int64_t{12});
    // The steps of the whole pipeline: three screenings and the rest of the chosen run.
    QCOMPARE(none.statuses.back().total_steps(), int64_t{3 * 4 + 8});
    QCOMPARE(none.statuses.back().steps_done(0), int64_t{3 * 4 + 8});

    settings.base.out = path("pipeline-stopped");
    CandidatePipeline first(settings);
    StopAt user;
    user.stop = [&] { first.control().stop(); };
    user.candidate = 1;
    user.step = 2;
    const PipelineOutcome stopped = first.run(user);
    QCOMPARE(stopped.status, PipelineOutcome::Status::Stopped);
    QVERIFY(!stopped.ranked);
    QCOMPARE(stopped.best, 0);  // trained furthest: the whole screening
    QCOMPARE(stopped.checkpoint, stopped.candidates[0].checkpoint);
    QCOMPARE(stopped.candidates[1].state, Candidate::State::Stopped);
    QCOMPARE(stopped.candidates[1].step, int64_t{2});
    QCOMPARE(stopped.candidates[2].state, Candidate::State::Waiting);
    QVERIFY(!std::filesystem::exists(latest_checkpoint(settings.base.out)));

    // Going on needs nothing but the folder: the pipeline recorded what it decided (the GUI's Resume, --resume FOLDER).
    QVERIFY(CandidatePipeline::is_pipeline_folder(settings.base.out));
    CandidatePipeline again(CandidatePipeline::settings_in(settings.base.out));
    StopAt quiet;
    const PipelineStatus& found = again.prepare();
    QCOMPARE(found.candidates[0].state, Candidate::State::Screened);
    QCOMPARE(found.candidates[1].state, Candidate::State::Stopped);
    const PipelineOutcome resumed = again.run(quiet);
    QCOMPARE(resumed.status, PipelineOutcome::Status::Finished);
    QCOMPARE(resumed.best, straight.best);
    QCOMPARE(losses(resumed.checkpoint), losses(straight.checkpoint));
    for (size_t i = 0; i < 3; ++i) {
      QCOMPARE(resumed.candidates[i].udr, straight.candidates[i].udr);
      QCOMPARE(losses(resumed.candidates[i].checkpoint), losses(straight.candidates[i].checkpoint));
    }
    auto table = [](const std::string& folder, const std::string& name) {
      std::string text = read((std::filesystem::path(folder) / "candidates.csv").string());
      for (size_t at; (at = text.find(name)) != std::string::npos;) text.erase(at, name.size());
      return text;
    };
    QCOMPARE(table(path("pipeline-stopped"), "pipeline-stopped"),
             table(path("pipeline-straight"), "pipeline-straight"));
  }

  // Stopped while the chosen candidate continues, the pipeline keeps its ranking and continues that run.
  void aPipelineStoppedWhileContinuingKeepsItsChoice() {
    CandidateSettings settings;
    settings.base.request = small_request(9, 10);
    settings.count = 2;
    settings.screen_steps = 3;
    settings.ranking_images = 64;
    settings.base.out = path("pipeline-continue");
    CandidatePipeline first(settings);
    StopAt user;
    user.stop = [&] { first.control().stop(); };
    const PipelineStatus& status = first.prepare();
    (void)status;
    user.candidate = -2;  // set once the choice is known
    struct Chooser : StopAt {
      void on_pipeline(const PipelineStatus& s) override {
        StopAt::on_pipeline(s);
        if (s.stage == PipelineStatus::Stage::Continuing) candidate = s.current;
      }
    } chooser;
    chooser.stop = user.stop;
    chooser.step = 6;
    const PipelineOutcome stopped = first.run(chooser);
    QCOMPARE(stopped.status, PipelineOutcome::Status::Stopped);
    QVERIFY(stopped.ranked);
    const auto& chosen = stopped.candidates[static_cast<size_t>(stopped.best)];
    QVERIFY(chosen.chosen);
    QCOMPARE(chosen.step, int64_t{6});
    settings.going_on = true;  // the same folder: going on with it, as settings_in says
    const PipelineOutcome done = CandidatePipeline(settings).run(user);
    QCOMPARE(done.status, PipelineOutcome::Status::Finished);
    QCOMPARE(done.best, stopped.best);
    QCOMPARE(load_checkpoint(done.checkpoint).step, int64_t{10});
  }

  // What a folder holds before a new run: nothing, a run or a pipeline; a free folder beside it; clearing removes
  // only what runs write; a new run or pipeline is refused there unless asked to replace it (nothing written).
  void aNewRunNeverLandsOnAnEarlierOne() {
    const std::string folder = path("claimed");
    QCOMPARE(inspect_run_folder(folder).holds, RunFolderContents::Holds::Nothing);
    QCOMPARE(free_run_folder(folder), folder);
    std::filesystem::create_directories(folder + "/seed-3");
    std::filesystem::create_directories(folder + "/notes");
    for (const char* name : {"latest.fvae", "losses.csv", "events.out.tfevents.1.vm", "mine.txt", "seed-3/latest.fvae",
                             "seed-3/mine.txt", "notes/a.txt"})
      std::ofstream(folder + "/" + name) << "x";
    auto found = inspect_run_folder(folder);
    QCOMPARE(found.holds, RunFolderContents::Holds::Run);
    QCOMPARE(found.files,
             (std::vector<std::string>{"events.out.tfevents.1.vm", "latest.fvae", "losses.csv", "seed-3/"}));
    QCOMPARE(free_run_folder(folder), folder + "-2");
    std::ofstream(folder + "/pipeline.cfg") << "x";
    QCOMPARE(inspect_run_folder(folder).holds, RunFolderContents::Holds::Pipeline);

    RunSettings settings;
    settings.request = small_request(3, 2);
    settings.out = folder;
    TrainingRun refused(settings);
    RunObserver quiet;
    try {
      refused.run(quiet);
      QFAIL("a new run in a folder holding a pipeline started");
    } catch (const FolderInUse& e) {
      QCOMPARE(e.folder(), folder);
      QVERIFY2(std::string(e.what()).find("holds a candidate pipeline") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find(folder + "-2 is free") != std::string::npos, e.what());
    }
    QCOMPARE(read(folder + "/latest.fvae"), std::string("x"));  // nothing written

    CandidateSettings pipeline;
    pipeline.base = settings;
    pipeline.count = 2;
    pipeline.screen_steps = 1;
    QVERIFY_THROWS_EXCEPTION(FolderInUse, CandidatePipeline(pipeline).prepare());

    settings.replace = true;
    TrainingRun(settings).run(quiet);
    QCOMPARE(load_checkpoint(folder + "/latest.fvae").step, int64_t{2});
    // What the user put there stays: their file, their folder, their file in a candidate's folder.
    for (const char* kept : {"mine.txt", "notes/a.txt", "seed-3/mine.txt"})
      QVERIFY2(std::filesystem::exists(folder + "/" + kept), kept);
    for (const char* gone : {"pipeline.cfg", "events.out.tfevents.1.vm", "seed-3/latest.fvae"})
      QVERIFY2(!std::filesystem::exists(folder + "/" + gone), gone);
  }

  // After the ranking, candidates that lost keep their weights only (a fraction of the full checkpoint, decoding as
  // before) or are removed, as asked; the winner keeps everything, and a pipeline run again on the folder is done.
  void candidatesThatLostShrinkAfterTheRanking() {
    CandidateSettings settings;
    settings.base.request = small_request(11, 6);
    settings.count = 3;
    settings.screen_steps = 3;
    settings.ranking_images = 64;
    StopAt none;

    settings.base.out = path("losers-kept");
    settings.losers = CandidateSettings::Losers::KeepAll;
    const PipelineOutcome kept = CandidatePipeline(settings).run(none);

    settings.base.out = path("losers-weights");
    settings.losers = CandidateSettings::Losers::KeepWeights;
    const PipelineOutcome weights = CandidatePipeline(settings).run(none);
    QCOMPARE(weights.best, kept.best);
    for (size_t i = 0; i < 3; ++i) {
      const Checkpoint full = load_checkpoint(kept.candidates[i].checkpoint);
      const Checkpoint small = load_checkpoint(weights.candidates[i].checkpoint);
      const bool winner = static_cast<int>(i) == weights.best;
      QCOMPARE(small.has_training_state, winner);
      QVERIFY(full.has_training_state);
      if (!winner) {
        QVERIFY(std::filesystem::file_size(weights.candidates[i].checkpoint) * 4 <
                std::filesystem::file_size(kept.candidates[i].checkpoint));
        QCOMPARE(small.step, full.step);
        const torch::Tensor z = sample_prior(4, full.model.latent_dim, 1.0, 5);
        QVERIFY(torch::equal(decode(full.networks->decoder, z), decode(small.networks->decoder, z)));
      }
    }
    QCOMPARE(losses(weights.checkpoint), losses(kept.checkpoint));
    // The folder's latest.fvae is the winner's file (a hard link, stored once); a save through one name leaves the
    // other as it was.
    const std::string winner = weights.candidates[static_cast<size_t>(weights.best)].checkpoint;
    QVERIFY(std::filesystem::equivalent(weights.checkpoint, winner));
    Checkpoint renamed = load_checkpoint(weights.checkpoint);
    renamed.latent_names[0] = "renamed";
    save_checkpoint(weights.checkpoint, renamed);
    QCOMPARE(load_checkpoint(weights.checkpoint).latent_names[0], std::string("renamed"));
    QCOMPARE(load_checkpoint(winner).latent_names[0], std::string());
    const PipelineOutcome again = CandidatePipeline(CandidatePipeline::settings_in(settings.base.out)).run(none);
    QCOMPARE(again.status, PipelineOutcome::Status::Finished);
    QCOMPARE(again.best, kept.best);

    settings.base.out = path("losers-removed");
    settings.losers = CandidateSettings::Losers::Remove;
    const PipelineOutcome removed = CandidatePipeline(settings).run(none);
    QCOMPARE(removed.best, kept.best);
    for (size_t i = 0; i < 3; ++i) {
      const bool winner = static_cast<int>(i) == removed.best;
      QCOMPARE(std::filesystem::exists(removed.candidates[i].folder), winner);
      QCOMPARE(removed.candidates[i].state == Candidate::State::Removed, !winner);
    }
    QVERIFY(read((std::filesystem::path(settings.base.out) / "candidates.csv").string()).find("removed") !=
            std::string::npos);
    CandidatePipeline later(CandidatePipeline::settings_in(settings.base.out));
    const PipelineStatus& found = later.prepare();
    for (size_t i = 0; i < 3; ++i)
      if (static_cast<int>(i) != removed.best) QCOMPARE(found.candidates[i].state, Candidate::State::Removed);
    const PipelineOutcome done = later.run(none);
    QCOMPARE(done.status, PipelineOutcome::Status::Finished);
    QCOMPARE(done.best, kept.best);
    QCOMPARE(losses(done.checkpoint), losses(kept.checkpoint));
  }
};

QTEST_GUILESS_MAIN(TestRun)
#include "test_run.moc"
