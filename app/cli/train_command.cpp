// factorvae train: trains a FactorVAE, writing checkpoints, a CSV of every logged value and a reconstruction GIF.
#include <torch/torch.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/udr_ranking.h"
#include "model/atomic_file.h"
#include "model/checkpoint.h"
#include "model/grids.h"
#include "model/inference.h"
#include "model/io/image_files.h"
#include "model/io/run_log.h"
#include "model/run_plan.h"
#include "model/trainer.h"

namespace fvae::cli {

namespace {

// The options the user gave, as choices for plan_run; unset options stay unset.
TrainingChoices training_choices(const QCommandLineParser& p) {
  TrainingChoices c;
  auto number = [&](const char* name, std::optional<double>& target) {
    if (p.isSet(name)) target = number_option(p, name);
  };
  auto integer = [&](const char* name, std::optional<int64_t>& target) {
    if (p.isSet(name)) target = integer_option(p, name);
  };
  auto text = [&](const char* name, std::optional<std::string>& target) {
    if (p.isSet(name)) target = text_option(p, name);
  };
  if (p.isSet("recon")) c.reconstruction = reconstruction_from_string(text_option(p, "recon"));
  number("beta", c.beta);
  number("beta-min", c.beta_min);
  integer("beta-warmup", c.beta_warmup_epochs);
  number("gamma", c.gamma);
  integer("gamma-warmup", c.gamma_warmup_epochs);
  number("kl-capacity", c.kl_capacity);
  integer("capacity-steps", c.capacity_steps);
  number("lr", c.vae_lr);
  number("lr-decay", c.vae_lr_decay_fraction);
  number("vae-beta1", c.vae_beta1);
  number("vae-beta2", c.vae_beta2);
  number("disc-lr", c.disc_lr);
  number("disc-beta1", c.disc_beta1);
  number("disc-beta2", c.disc_beta2);
  integer("batch-size", c.batch_size);
  integer("epochs", c.epochs);
  integer("steps", c.max_steps);
  if (p.isSet("seed")) c.seed = unsigned_option(p, "seed");
  if (p.isSet("threads")) c.threads = static_cast<int>(integer_option(p, "threads"));
  text("device", c.device);
  text("disc-precision", c.disc_precision);
  text("disc-thread", c.disc_thread);
  return c;
}

}  // namespace

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

// --candidates: screening, ranking by UDR, and the winner continued (or a Slurm script that does the screening).
int train_candidates(const QCommandLineParser& p, const QStringList& arguments) {
  const int64_t count = integer_option(p, "candidates");
  if (count < 2 || count > 100) throw UsageError("--candidates must lie in 2..100");
  if (!p.isSet("screen-steps")) throw UsageError("--candidates needs --screen-steps N (steps before the ranking)");
  const int64_t screen = integer_option(p, "screen-steps");
  if (screen < 1) throw UsageError("--screen-steps must be positive");
  if (p.isSet("resume")) throw UsageError("--candidates starts new runs; it cannot be combined with --resume");
  const int parallel = static_cast<int>(integer_option(p, "parallel"));
  if (parallel < 1 || parallel > 64) throw UsageError("--parallel must lie in 1..64");
  const uint64_t first_seed = p.isSet("seed") ? unsigned_option(p, "seed") : 1;
  const QString out = QString::fromStdString(text_option(p, "out"));
  if (!QDir().mkpath(out)) throw UsageError(out.toStdString() + ": cannot create the output folder");
  const QStringList base = without_options(
      arguments.mid(1), {"candidates", "screen-steps", "parallel", "slurm", "seed", "out", "stop-after"}, {"quiet"});
  auto folder = [&](uint64_t seed) { return QDir(out).filePath("seed-" + QString::number(seed)); };
  auto screening = [&](const QString& seed, const QString& folder_name) {
    return QStringList{"train"} + base +
           QStringList{"--seed", seed, "--stop-after", QString::number(screen), "--out", folder_name, "--quiet"};
  };

  if (p.isSet("slurm")) {
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
                               .arg(p.value("slurm"), QDir(out).absolutePath())
                               .arg(count - 1)
                               .arg(quote(QDir(out).absolutePath()), line);
    write_file_atomically(text_option(p, "slurm"), script.toStdString());
    QFile::setPermissions(p.value("slurm"), QFile::permissions(p.value("slurm")) | QFileDevice::ExeOwner);
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
    table += std::to_string(first_seed + i) + "," + std::to_string(ranked.result.scores[i]) + "," +
             std::to_string(ranked.result.active_dims[i]) + "," + (i == best ? "yes" : "no") + "," +
             ranked.files[static_cast<int>(i)].toStdString() + "\n";
  write_file_atomically(QDir(out).filePath("candidates.csv").toStdString(), table);

  std::cerr << "Continuing seed " << best_seed << " (UDR " << ranked.result.scores[best] << ") to the full budget\n";
  QStringList resume = {"train", "--resume", checkpoints[static_cast<int>(best)], "--out", folder(best_seed)};
  for (const char* budget : {"epochs", "steps"})
    if (p.isSet(budget)) resume << QString("--") + budget << p.value(budget);
  if (p.isSet("quiet")) resume << "--quiet";
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

int train_command(const QStringList& arguments) {
  QCommandLineParser p;
  add_dataset_options(p, false);
  std::string preset_help = "starting point for every setting: ";
  for (const auto& pr : presets()) preset_help += "'" + pr.name + "': " + pr.description + " ";
  p.addOptions({
      {"preset", QString::fromStdString(preset_help), "name", "paper"},
      {"arch", "architecture: lean (default) or seed (the original project's layers)", "name"},
      {"latent-dim", "number of latent dimensions (default 8)", "n"},
      {"recon", "reconstruction likelihood: bernoulli (BCE) or gaussian (MSE)", "kind"},
      {"beta", "weight of the KL term (after warm-up)", "x"},
      {"beta-min", "lower bound of beta during warm-up", "x"},
      {"beta-warmup", "epochs of linear beta warm-up (0: none)", "epochs"},
      {"gamma", "weight of the TC term, per sample (default: 35 on shapes, 6.4 elsewhere; seed preset 9/256)", "x"},
      {"gamma-warmup", "epochs of linear gamma warm-up (0: none)", "epochs"},
      {"kl-capacity", "KL target in nats: the KL term becomes beta*|KL - C| (Burgess et al.; 0: off)", "nats"},
      {"capacity-steps", "steps over which the KL target C rises linearly from 0 to --kl-capacity", "n"},
      {"lr", "VAE learning rate (Adam)", "x"},
      {"lr-decay", "last fraction of the step budget over which the VAE learning rate falls linearly to 0", "x"},
      {"vae-beta1", "VAE Adam beta1", "x"},
      {"vae-beta2", "VAE Adam beta2", "x"},
      {"disc-lr", "discriminator learning rate (Adam)", "x"},
      {"disc-beta1", "discriminator Adam beta1", "x"},
      {"disc-beta2", "discriminator Adam beta2", "x"},
      {"batch-size", "images per VAE batch (the discriminator sees as many more)", "n"},
      {"epochs", "epochs to train (default 10)", "n"},
      {"steps", "stop after this many steps in total, whatever the epochs", "n"},
      {"seed", "random seed; the same seed on the same CPU gives the same run", "n"},
      {"threads", "intra-op CPU threads (default 1: fastest on 2-core machines)", "n"},
      {"device", "auto (CUDA when available), cpu or cuda", "name"},
      {"disc-precision",
       "discriminator products: auto (bf16 on CPUs with native bfloat16, e.g. AMX, and on GPUs from compute "
       "capability 8.0; else fp32), fp32 or bf16",
       "p"},
      {"disc-thread",
       "run the discriminator's step on a second core beside the VAE's backward pass: auto (on the CPU with one "
       "thread and two or more cores), on or off; the results are the same either way",
       "mode"},
      {"out", "output folder (default: run)", "folder", "run"},
      {"save-every-epoch", "also keep a checkpoint per epoch (epoch-NNN.fvae)"},
      {"resume", "continue the run saved in this checkpoint", "file"},
      {"gif-images", "fixed inputs shown in the reconstruction GIF (default 8)", "n", "8"},
      {"quiet", "no progress line"},
      {"stop-after",
       "stop after this step, saved and resumable, keeping the run's budget and schedules (a candidate's screening)",
       "n"},
      {"candidates",
       "train K seeds (--seed and the K-1 after it) for --screen-steps steps each in OUT/seed-S, rank them by UDR "
       "(no labels), continue the best to the full budget and copy it to OUT/latest.fvae; every candidate is kept",
       "k"},
      {"screen-steps", "steps each candidate trains before the ranking", "n"},
      {"parallel", "candidates trained at the same time, each in its own process (default 1)", "p", "1"},
      {"slurm",
       "with --candidates: write a Slurm job-array script to this file (one candidate per task) instead of training; "
       "rank the folder afterwards with factorvae udr OUT",
       "file"},
  });
  parse_or_exit(p, arguments,
                "Trains a FactorVAE (Kim & Mnih 2018). Writes OUT/latest.fvae (every epoch, atomically), "
                "OUT/losses.csv, OUT/reconstructions.gif (fixed inputs above their reconstructions, one frame per "
                "epoch) and a TensorBoard log, OUT/events.out.tfevents.* (tensorboard --logdir OUT). Ctrl-C stops "
                "cleanly and saves.");

  if (p.isSet("candidates")) return train_candidates(p, arguments);
  const int64_t stop_after = p.isSet("stop-after") ? integer_option(p, "stop-after") : 0;
  if (stop_after < 0) throw UsageError("--stop-after must be positive");
  bool stopped_as_asked = false;

  // Every setting is decided by plan_run, the same for the GUI; here only the options are collected.
  RunRequest request;
  request.preset = text_option(p, "preset");
  if (p.isSet("arch")) request.architecture = architecture_from_string(text_option(p, "arch"));
  if (p.isSet("latent-dim")) request.latent_dim = integer_option(p, "latent-dim");
  request.train = training_choices(p);
  request.resume_from = text_option(p, "resume");
  if (!request.resume_from.empty() && p.isSet("preset"))
    throw UsageError("--preset cannot change when resuming (the checkpoint fixes it)");
  request.dataset_given = p.isSet("dataset") || request.resume_from.empty();
  request.dataset = dataset_request(p, nullptr);
  if (!request.resume_from.empty()) {
    if (!p.isSet("size")) request.dataset.size = 0;  // 0: the resumed model's
    if (!p.isSet("channels")) request.dataset.channels = 0;
    if (!p.isSet("split") && !p.isSet("dataset")) request.dataset.split.clear();
  }
  RunPlan plan;
  try {
    plan = plan_run(request, open_dataset_reporting_skips);
  } catch (const ConfigError& e) {
    throw UsageError(e.what());
  }
  for (const auto& note : plan.notes) std::cerr << "Default: " << note << "\n";
  const ModelConfig& model = plan.model;
  const TrainConfig& train = plan.train;
  const DatasetInfo& info = plan.info;
  const auto& data = plan.data;
  std::vector<std::string> latent_names = plan.latent_names;

  const std::string out = text_option(p, "out");
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) throw UsageError(out + ": cannot create the output folder (" + ec.message() + ")");
  const std::string latest = out + "/latest.fvae";
  remove_stale_temporaries(latest);  // a run killed mid-save leaves a temporary beside the intact previous file

  Trainer trainer(model, train, data);
  const bool resumed = plan.resumed != nullptr;
  if (plan.resumed) {
    restore_training_state(*plan.resumed, trainer, request.resume_from);
    plan.resumed.reset();
  }
  std::cerr << "Training " << model.describe() << " ("
            << parameter_count(*trainer.networks().encoder) + parameter_count(*trainer.networks().decoder)
            << " VAE parameters) on " << data->description() << ", device " << trainer.device().str() << ", "
            << train.threads << " thread(s)"
            << (trainer.discriminator_on_task_thread() ? ", the discriminator's step on a second core" : "")
            << ", discriminator products " << (trainer.networks().discriminator->bfloat16_products() ? "bf16" : "fp32")
            << ", batch " << train.batch_size << ", beta " << train.beta << ", gamma " << train.gamma;
  if (train.kl_capacity > 0)
    std::cerr << ", KL target rising to " << train.kl_capacity << " nats over " << train.capacity_steps << " steps";
  if (train.vae_lr_decay_fraction > 0)
    std::cerr << ", learning rate falling to 0 over the last " << train.vae_lr_decay_fraction * 100 << "% of the steps";
  std::cerr << "\n";

  const int64_t gif_count = std::min<int64_t>(integer_option(p, "gif-images"), data->size());
  RunLog log(out, trainer, info, data->images(subset_indices(data->size(), gif_count, train.seed)), resumed);
  std::cerr << "TensorBoard log: " << log.events_path() << " (tensorboard --logdir " << out << ")\n";

  install_interrupt_handler();
  ProgressLine progress("train");
  const bool quiet = p.isSet("quiet");
  const int64_t total = trainer.total_steps();
  double speed = 0;
  Trainer::Callbacks callbacks;
  callbacks.on_step = [&](const StepReport& r) {
    speed = speed == 0 ? r.images_per_second : 0.95 * speed + 0.05 * r.images_per_second;
    if (!quiet) {
      char detail[200];
      std::snprintf(detail, sizeof detail, "epoch %lld recon %.2f kl %.2f tc %.3f acc %.2f %.0f img/s",
                    static_cast<long long>(r.epoch + 1), r.reconstruction, r.kl, r.tc, r.disc_accuracy, speed);
      progress.update(r.step, total, detail);
    }
    log.on_step(r);
    if (interrupted()) trainer.request_cancel();
    if (stop_after > 0 && r.step >= stop_after) {
      stopped_as_asked = true;
      trainer.request_cancel();
    }
  };
  callbacks.on_epoch_end = [&](int64_t epoch) {
    save_checkpoint(latest, trainer, info, latent_names);
    log.on_epoch_end();
    if (p.isSet("save-every-epoch")) {
      char name[48];
      std::snprintf(name, sizeof name, "/epoch-%03lld.fvae", static_cast<long long>(epoch + 1));
      save_checkpoint(out + name, trainer, info, latent_names);
    }
  };

  Trainer::Outcome outcome;
  try {
    outcome = trainer.run(callbacks);
  } catch (const TrainingError&) {
    progress.finish();
    log.on_failure();  // the history up to the failure, for diagnosis
    std::cerr << "The last good checkpoint (if any) is kept at " << latest << ".\n";
    throw;
  }
  progress.finish();
  save_checkpoint(latest, trainer, info, latent_names);
  log.on_finish(latent_names);
  const auto& h = trainer.history();
  if (!h.empty())
    std::cerr << "Step " << h.back().step << ": reconstruction " << h.back().reconstruction << ", KL " << h.back().kl
              << ", TC " << h.back().tc << ", discriminator accuracy " << h.back().disc_accuracy << "\n";
  if (outcome == Trainer::Outcome::Cancelled && stopped_as_asked) {
    std::cerr << "Stopped after step " << trainer.progress().step << " as asked (--stop-after); saved " << latest
              << ", resumable with --resume\n";
    return 0;
  }
  std::cerr << (outcome == Trainer::Outcome::Cancelled ? "Stopped on request; saved " : "Saved ") << latest << ", "
            << log.csv_path() << ", " << log.gif_path() << ", " << log.events_path() << "\n";
  return outcome == Trainer::Outcome::Cancelled ? 130 : 0;
}

}  // namespace fvae::cli
