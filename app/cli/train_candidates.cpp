// factorvae train --candidates: the candidate pipeline (model/run/candidate_pipeline.h) on the console. Its screenings
// run one after another in this process, or --parallel at a time as child processes; --slurm writes a job-array script
// instead (both in the full build).
#include <torch/torch.h>

#ifdef FACTORVAE_WITH_QT
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#endif
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/base/atomic_file.h"
#include "model/base/numbers.h"

namespace fvae::cli {

namespace {

#ifdef FACTORVAE_WITH_QT
// The arguments of this command without the named options (and their values), to hand on to a child process.
QStringList without_options(const QStringList& arguments, const QStringList& with_value, const QStringList& flags) {
  QStringList kept;
  for (int i = 0; i < arguments.size(); ++i) {
    const QString& a = arguments[i];
    const QString name = a.startsWith("--") ? a.mid(2).section('=', 0, 0) : QString();
    if (flags.contains(name)) continue;
    if (with_value.contains(name)) {
      if (!a.contains('=')) ++i;  // the value follows as the next argument
      continue;
    }
    kept << a;
  }
  return kept;
}

// Runs `factorvae` with each argument list, `parallel` at a time, each writing its output to its log file. Returns
// the index of the first that failed, or -1.
int run_children(const std::vector<QStringList>& jobs, const std::vector<QString>& logs, int parallel) {
  std::vector<std::unique_ptr<QProcess>> running(jobs.size());
  size_t next = 0, done = 0;
  ProgressLine progress("candidates");
  int failed = -1;
  while (done < jobs.size()) {
    int active = 0;
    for (const auto& process : running)
      if (process && process->state() != QProcess::NotRunning) ++active;
    while (active < parallel && next < jobs.size() && failed < 0) {
      auto process = std::make_unique<QProcess>();
      process->setProcessChannelMode(QProcess::MergedChannels);
      process->setStandardOutputFile(logs[next]);
      process->start(QCoreApplication::applicationFilePath(), jobs[next]);
      running[next++] = std::move(process);
      ++active;
    }
    for (size_t i = 0; i < running.size(); ++i) {
      auto& process = running[i];
      if (!process) continue;
      if (process->state() != QProcess::NotRunning) process->waitForFinished(200);
      if (process->state() == QProcess::NotRunning) {
        if ((process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) && failed < 0)
          failed = static_cast<int>(i);
        process.reset();
        ++done;
        progress.update(static_cast<int64_t>(done), static_cast<int64_t>(jobs.size()));
      }
    }
    if (interrupted()) {
      for (auto& process : running)
        if (process) process->terminate();  // each saves its checkpoint and stops
      for (auto& process : running)
        if (process) process->waitForFinished(-1);
      throw UsageError("interrupted; every candidate saved where it stopped (run the same command to go on)");
    }
    if (failed >= 0 && next == jobs.size()) break;
    if (failed >= 0) next = jobs.size();  // start no more
  }
  progress.finish();
  return failed;
}

// The command line of a screening as a child process: a new run of the user's settings with the candidate's seed,
// or the candidate's own checkpoint continued.
QStringList screening_arguments(const QStringList& base, const ScreeningJob& job, bool share_cores) {
  const RunSettings& s = job.settings;
  QStringList args = {"train"};
  if (s.request.resume_from.empty())
    args << base << "--seed" << QString::number(*s.request.train.seed);
  else
    args << "--resume" << QString::fromStdString(s.request.resume_from);
  args << "--stop-after" << QString::number(s.stop_after) << "--out" << QString::fromStdString(s.out) << "--quiet";
  // Candidates side by side take a core each: more threads (the batch split, the discriminator's second thread) would
  // only compete for them.
  if (share_cores) {
    args << "--disc-thread"
         << "off";
    if (!base.contains("--threads") && base.filter(QRegularExpression("^--threads=")).isEmpty())
      args << "--threads"
           << "1";
  }
  return args;
}

// A Slurm job-array script: one screening per task; the ranking and the winner's continuation come after, by hand.
void write_slurm_script(const OptionParser& p, const QStringList& base, const PipelineStatus& status,
                        const std::string& out) {
  auto quote = [](const QString& a) { return "'" + QString(a).replace("'", "'\\''") + "'"; };
  ScreeningJob job;
  job.settings.request.train.seed = 0;
  job.settings.stop_after = status.screen_steps;
  job.settings.out = "OUTDIR";
  QStringList command;
  for (QString a : screening_arguments(base, job, false)) command << quote(a);
  QString line = quote(QCoreApplication::applicationFilePath()) + " " + command.join(' ');
  line.replace("'--seed' '0'", "'--seed' \"$SEED\"").replace("'OUTDIR'", "\"$OUT/seed-$SEED\"");
  const QString folder = QDir(QString::fromStdString(out)).absolutePath();
  const QString script = QString(
                             "#!/bin/bash\n"
                             "# FactorVAE Studio candidates: %1 seeds from %2, %3 screening steps each.\n"
                             "# Submit with: sbatch %4   Then rank and continue the best:\n"
                             "#   factorvae udr %5\n"
                             "#   factorvae train --resume %5/seed-BEST/latest.fvae --out %5/seed-BEST\n"
                             "#SBATCH --job-name=factorvae-candidates\n"
                             "#SBATCH --array=0-%6\n"
                             "#SBATCH --cpus-per-task=2\n"
                             "#SBATCH --output=%5/slurm-%A_%a.log\n"
                             "set -euo pipefail\n"
                             "OUT=%7\n"
                             "SEED=$((%2 + SLURM_ARRAY_TASK_ID))\n"
                             "exec %8\n")
                             .arg(status.candidates.size())
                             .arg(status.candidates.front().seed)
                             .arg(status.screen_steps)
                             .arg(QString::fromStdString(p.value("slurm")), folder)
                             .arg(status.candidates.size() - 1)
                             .arg(quote(folder), line);
  write_file_atomically(text_option(p, "slurm"), script.toStdString());
  const QString path = QString::fromStdString(p.value("slurm"));
  QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner);
}
#endif

}  // namespace

int train_candidates(const OptionParser& p, const Arguments& given) {
  if (p.is_set("stop-after")) throw UsageError("--stop-after is for one run; the pipeline sets it per candidate");
  CandidateSettings settings;
  const bool going_on = p.is_set("resume");
  if (going_on) {  // --resume FOLDER: the pipeline started there, with the settings it recorded
    if (p.is_set("candidates") || p.is_set("screen-steps") || p.is_set("losers"))
      throw UsageError("--resume FOLDER goes on with the pipeline as it was started; give no --candidates");
    settings = CandidatePipeline::settings_in(text_option(p, "resume"));
    settings.base.fixed_images = integer_option(p, "gif-images");
  } else {
    settings.base = training_settings(p);
    if (!settings.base.request.train.seed) settings.base.request.train.seed = 1;
    settings.count = static_cast<int>(integer_option(p, "candidates"));
    if (settings.count < 2 || settings.count > 100) throw UsageError("--candidates must lie in 2..100");
    if (p.is_set("screen-steps")) {
      settings.screen_steps = integer_option(p, "screen-steps");
      if (settings.screen_steps < 1) throw UsageError("--screen-steps must be positive");
    }
    try {
      settings.losers = losers_from_string(text_option(p, "losers"));
    } catch (const ConfigError&) {
      throw UsageError("--losers must be weights, remove or keep, got '" + text_option(p, "losers") + "'");
    }
  }
  const int64_t count = settings.count;
  const int parallel = static_cast<int>(integer_option(p, "parallel"));
  if (parallel < 1 || parallel > 64) throw UsageError("--parallel must lie in 1..64");
  CandidatePipeline pipeline(settings, open_dataset_reporting_skips);
  if (settings.base.minutes > 0)
    std::cerr << "Measuring this machine's training speed for the time budget (a few seconds)...\n";
  const PipelineStatus& status = [&]() -> const PipelineStatus& {
    try {
      return pipeline.prepare();
    } catch (const FolderInUse& e) {
      refuse_folder_in_use(e);
    }
  }();
  if (!status.time_plan.empty())
    std::cerr << "Time budget of " << status.time_plan << "\n";
  else if (!p.is_set("screen-steps") && !going_on)
    std::cerr << "Default: screening " << status.screen_steps << " steps per candidate (at most an eighth of the "
              << status.budget << "-step budget)\n";

  ScreeningRunner runner;
#ifdef FACTORVAE_WITH_QT
  QStringList arguments;
  for (const auto& a : given) arguments << QString::fromStdString(a);
  QStringList base = without_options(
      arguments.mid(1), {"candidates", "screen-steps", "parallel", "slurm", "seed", "out", "stop-after", "minutes"},
      {"quiet"});
  if (settings.base.minutes > 0) base << "--steps" << QString::number(status.budget);  // as the time budget planned
  if (p.is_set("slurm")) {
    write_slurm_script(p, base, status, settings.base.out);
    std::cout << "Wrote " << text_option(p, "slurm") << ": " << count << " array tasks; submit it with sbatch\n";
    return 0;
  }
  if (parallel > 1 && going_on)
    std::cerr << "Note: a pipeline that goes on screens its remaining candidates in turn (--parallel needs the "
                 "options it was started with)\n";
  if (parallel > 1 && !going_on) {
    const bool share_cores = !p.is_set("disc-thread");
    runner = [base, parallel, share_cores](const std::vector<ScreeningJob>& jobs) {
      std::vector<QStringList> commands;
      std::vector<QString> logs;
      for (const auto& job : jobs) {
        QDir().mkpath(QString::fromStdString(job.settings.out));
        commands.push_back(screening_arguments(base, job, share_cores));
        logs.push_back(QDir(QString::fromStdString(job.settings.out)).filePath("train.log"));
      }
      std::cerr << "Screening " << jobs.size() << " candidates, " << parallel << " at a time\n";
      const int failed = run_children(commands, logs, parallel);
      if (failed >= 0)
        throw UsageError("candidate in " + jobs[static_cast<size_t>(failed)].settings.out + " failed; see " +
                         logs[static_cast<size_t>(failed)].toStdString());
    };
  }
#else
  (void)given;
  if (p.is_set("slurm") || parallel > 1)
    throw UsageError("--slurm and --parallel are in the full build (with Qt); here the candidates train in turn");
#endif
  ConsoleReport report(p.is_set("quiet"), [&] { pipeline.control().stop(); });
  install_interrupt_handler();
  const PipelineOutcome outcome = pipeline.run(report, runner);
  report.finish();
  std::printf("%-5s %-8s %-7s %-11s %s\n", "seed", "udr", "active", "state", "checkpoint");
  for (const auto& c : outcome.candidates)
    std::printf("%-5s %-8s %-7s %-11s %s\n", std::to_string(c.seed).c_str(),
                c.udr < 0 ? "-" : format_fixed(c.udr, 4).c_str(),
                c.active_dims < 0 ? "-" : std::to_string(c.active_dims).c_str(),
                (to_string(c.state) + (c.chosen ? "*" : "")).c_str(), c.checkpoint.c_str());
  const std::string table = (std::filesystem::path(settings.base.out) / "candidates.csv").string();
  if (outcome.status == PipelineOutcome::Status::Stopped) {
    std::cerr << "Stopped; every candidate saved where it stopped (" << table << "). Go on with: factorvae train "
              << "--resume " << settings.base.out << ".";
    if (outcome.best >= 0)
      std::cerr << " Best so far" << (outcome.ranked ? " (ranked)" : " (not yet ranked: trained furthest)") << ": "
                << outcome.checkpoint;
    std::cerr << "\n";
    return 130;
  }
  std::cerr << "Chosen: seed " << outcome.candidates[static_cast<size_t>(outcome.best)].seed << "; "
            << outcome.checkpoint << " is its final checkpoint (" << table << " lists every candidate)\n";
  return 0;
}

}  // namespace fvae::cli
