// factorvae train --candidates: several seeds screened as child processes (or a Slurm job array), ranked by UDR
// without labels, the best continued to the full budget.
#include <torch/torch.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/udr_ranking.h"
#include "model/base/atomic_file.h"
#include "model/base/numbers.h"
#include "model/run/run_plan.h"

namespace fvae::cli {

namespace {

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
      throw UsageError("interrupted; every candidate saved where it stopped");
    }
    if (failed >= 0 && next == jobs.size()) break;
    if (failed >= 0) next = jobs.size();  // start no more
  }
  progress.finish();
  return failed;
}

}  // namespace

// --candidates: screening, ranking by UDR, and the winner continued (or a Slurm script that does the screening).
int train_candidates(const OptionParser& p, const Arguments& given) {
  QStringList arguments;
  for (const auto& a : given) arguments << QString::fromStdString(a);
  const int64_t count = integer_option(p, "candidates");
  if (count < 2 || count > 100) throw UsageError("--candidates must lie in 2..100");
  if (p.is_set("resume")) throw UsageError("--candidates starts new runs; it cannot be combined with --resume");
  int64_t screen = 0;
  if (p.is_set("screen-steps")) {
    screen = integer_option(p, "screen-steps");
    if (screen < 1) throw UsageError("--screen-steps must be positive");
  } else {
    // The run's own defaults decide, as for the GUI's form (planning also checks the options before any child starts).
    const RunPlan plan = plan_training(p);
    const auto defaults = dataset_defaults(plan.data->kind(), plan.model.image_size);
    screen = default_screen_steps(defaults, plan.total_steps);
    std::cerr << "Default: screening " << screen << " steps per candidate (" << defaults.screen_steps
              << ", at most an eighth of the " << plan.total_steps << "-step budget)\n";
  }
  const int parallel = static_cast<int>(integer_option(p, "parallel"));
  if (parallel < 1 || parallel > 64) throw UsageError("--parallel must lie in 1..64");
  const uint64_t first_seed = p.is_set("seed") ? unsigned_option(p, "seed") : 1;
  const QString out = QString::fromStdString(text_option(p, "out"));
  if (!QDir().mkpath(out)) throw UsageError(out.toStdString() + ": cannot create the output folder");
  const QStringList base = without_options(
      arguments.mid(1), {"candidates", "screen-steps", "parallel", "slurm", "seed", "out", "stop-after"}, {"quiet"});
  auto folder = [&](uint64_t seed) { return QDir(out).filePath("seed-" + QString::number(seed)); };
  // Candidates side by side take a core each: the discriminator's second thread would only compete for it. The winner
  // continues alone, with the thread setting the user gave (auto when none).
  const bool share_cores = parallel > 1 && !p.is_set("disc-thread");
  auto screening = [&](const QString& seed, const QString& folder_name) {
    QStringList args =
        QStringList{"train"} + base +
        QStringList{"--seed", seed, "--stop-after", QString::number(screen), "--out", folder_name, "--quiet"};
    if (share_cores)
      args << "--disc-thread"
           << "off";
    return args;
  };

  if (p.is_set("slurm")) {
    // One candidate per array task; the task's seed is the first seed plus its index.
    auto quote = [](const QString& a) { return "'" + QString(a).replace("'", "'\\''") + "'"; };
    QStringList command;
    for (const QString& a : screening("$SEED", "OUTDIR")) command << quote(a);
    QString line = quote(QCoreApplication::applicationFilePath()) + " " + command.join(' ');
    line.replace("'$SEED'", "\"$SEED\"").replace("'OUTDIR'", "\"$OUT/seed-$SEED\"");
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
                               .arg(count)
                               .arg(first_seed)
                               .arg(screen)
                               .arg(QString::fromStdString(p.value("slurm")), QDir(out).absolutePath())
                               .arg(count - 1)
                               .arg(quote(QDir(out).absolutePath()), line);
    write_file_atomically(text_option(p, "slurm"), script.toStdString());
    QFile::setPermissions(QString::fromStdString(p.value("slurm")),
                          QFile::permissions(QString::fromStdString(p.value("slurm"))) | QFileDevice::ExeOwner);
    std::cout << "Wrote " << text_option(p, "slurm") << ": " << count << " array tasks; submit it with sbatch\n";
    return 0;
  }

  std::vector<QStringList> jobs;
  std::vector<QString> logs;
  QStringList checkpoints;
  for (int64_t c = 0; c < count; ++c) {
    const uint64_t seed = first_seed + static_cast<uint64_t>(c);
    if (!QDir().mkpath(folder(seed))) throw UsageError(folder(seed).toStdString() + ": cannot create the folder");
    jobs.push_back(screening(QString::number(seed), folder(seed)));
    logs.push_back(QDir(folder(seed)).filePath("train.log"));
    checkpoints << QDir(folder(seed)).filePath("latest.fvae");
  }
  std::cerr << "Screening " << count << " candidates (seeds " << first_seed << "-" << first_seed + count - 1 << ", "
            << screen << " steps each, " << parallel << " at a time) in " << out.toStdString() << "\n";
  install_interrupt_handler();
  const int failed = run_children(jobs, logs, parallel);
  if (failed >= 0)
    throw UsageError("candidate seed " + std::to_string(first_seed + failed) + " failed; see " +
                     logs[failed].toStdString());

  const RankedRuns ranked = rank_runs(checkpoints, nullptr, 10000, 0);
  print_ranking(ranked);
  const size_t best = ranked.order.front();
  const uint64_t best_seed = first_seed + best;
  std::string table = "seed,udr,active_dims,chosen,checkpoint\n";
  for (size_t i = 0; i < static_cast<size_t>(ranked.files.size()); ++i)
    table += std::to_string(first_seed + i) + "," + format_number(ranked.result.scores[i]) + "," +
             std::to_string(ranked.result.active_dims[i]) + "," + (i == best ? "yes" : "no") + "," +
             ranked.files[static_cast<int>(i)].toStdString() + "\n";
  write_file_atomically(QDir(out).filePath("candidates.csv").toStdString(), table);

  std::cerr << "Continuing seed " << best_seed << " (UDR " << ranked.result.scores[best] << ") to the full budget\n";
  QStringList resume = {"train", "--resume", checkpoints[static_cast<int>(best)], "--out", folder(best_seed)};
  for (const char* budget : {"epochs", "steps"})
    if (p.is_set(budget)) resume << QString("--") + budget << QString::fromStdString(p.value(budget));
  if (p.is_set("quiet")) resume << "--quiet";
  if (share_cores)
    resume << "--disc-thread"
           << "auto";
  QProcess winner;
  winner.setProcessChannelMode(QProcess::ForwardedChannels);
  winner.start(QCoreApplication::applicationFilePath(), resume);
  winner.waitForFinished(-1);
  if (winner.exitStatus() != QProcess::NormalExit || winner.exitCode() != 0)
    throw UsageError("continuing seed " + std::to_string(best_seed) + " failed (its checkpoint is kept in " +
                     folder(best_seed).toStdString() + ")");
  const QString final_path = QDir(out).filePath("latest.fvae");
  QFile source(checkpoints[static_cast<int>(best)]);
  if (!source.open(QIODevice::ReadOnly)) throw UsageError(source.fileName().toStdString() + ": cannot read it back");
  const QByteArray bytes = source.readAll();
  write_file_atomically(final_path.toStdString(), bytes.constData(), static_cast<size_t>(bytes.size()));
  std::cerr << "Chosen: seed " << best_seed << "; " << final_path.toStdString() << " is its final checkpoint ("
            << QDir(out).filePath("candidates.csv").toStdString() << " lists every candidate)\n";
  return 0;
}

}  // namespace fvae::cli
