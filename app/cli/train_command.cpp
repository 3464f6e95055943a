// factorvae train: trains a FactorVAE, writing checkpoints, a CSV of every logged value and a reconstruction GIF.
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/base/numbers.h"
#include "model/base/platform.h"
#include "model/run/run_folder.h"
#include "model/run/time_budget.h"
#include "model/run/training_run.h"

namespace fvae::cli {

namespace {

// The options the user gave, as choices for plan_run; unset options stay unset.
TrainingChoices training_choices(const OptionParser& p) {
  TrainingChoices c;
  auto number = [&](const char* name, std::optional<double>& target) {
    if (p.is_set(name)) target = number_option(p, name);
  };
  auto integer = [&](const char* name, std::optional<int64_t>& target) {
    if (p.is_set(name)) target = integer_option(p, name);
  };
  auto text = [&](const char* name, std::optional<std::string>& target) {
    if (p.is_set(name)) target = text_option(p, name);
  };
  if (p.is_set("recon")) c.reconstruction = reconstruction_from_string(text_option(p, "recon"));
  number("beta", c.beta);
  number("beta-min", c.beta_min);
  integer("beta-warmup", c.beta_warmup_epochs);
  number("gamma", c.gamma);
  integer("gamma-warmup", c.gamma_warmup_epochs);
  number("kl-capacity", c.kl_capacity);
  integer("capacity-steps", c.capacity_steps);
  number("lr", c.vae_lr);
  number("lr-decay", c.vae_lr_decay_fraction);
  integer("lr-warmup", c.vae_lr_warmup_steps);
  number("vae-beta1", c.vae_beta1);
  number("vae-beta2", c.vae_beta2);
  number("disc-lr", c.disc_lr);
  number("disc-beta1", c.disc_beta1);
  number("disc-beta2", c.disc_beta2);
  integer("batch-size", c.batch_size);
  integer("epochs", c.epochs);
  integer("steps", c.max_steps);
  if (p.is_set("seed")) c.seed = unsigned_option(p, "seed");
  if (p.is_set("threads")) {
    const int64_t threads = integer_option(p, "threads");
    const int cores = available_cores();
    if (threads < 1 || threads > cores)
      throw UsageError("--threads must lie in 1.." + std::to_string(cores) + " (the cores of this machine), got " +
                       std::to_string(threads));
    c.threads = static_cast<int>(threads);
  }
  text("device", c.device);
  text("disc-precision", c.disc_precision);
  text("disc-thread", c.disc_thread);
  return c;
}

}  // namespace

RunRequest training_request(const OptionParser& p) {
  // Every setting is decided by plan_run, the same for the GUI; here only the options are collected.
  RunRequest request;
  request.preset = text_option(p, "preset");
  if (p.is_set("arch")) request.architecture = architecture_from_string(text_option(p, "arch"));
  if (p.is_set("latent-dim")) request.latent_dim = integer_option(p, "latent-dim");
  request.train = training_choices(p);
  request.resume_from = text_option(p, "resume");
  if (!request.resume_from.empty() && p.is_set("preset"))
    throw UsageError("--preset cannot change when resuming (the checkpoint fixes it)");
  request.dataset_given = p.is_set("dataset") || request.resume_from.empty();
  request.dataset = dataset_request(p, nullptr);
  if (!request.resume_from.empty()) {
    if (!p.is_set("size")) request.dataset.size = 0;  // 0: the resumed model's
    if (!p.is_set("channels")) request.dataset.channels = 0;
    if (!p.is_set("split") && !p.is_set("dataset")) request.dataset.split.clear();
  }
  return request;
}

RunSettings training_settings(const OptionParser& p) {
  RunSettings settings;
  settings.request = training_request(p);
  settings.out = text_option(p, "out");
  settings.replace = p.is_set("force");
  if (settings.replace && p.is_set("resume"))
    throw UsageError("--force starts a new run in place of the one in --out; --resume continues a run: give one");
  if (p.is_set("minutes")) {
    if (p.is_set("steps") || p.is_set("epochs"))
      throw UsageError("give --minutes or a step budget (--steps, --epochs), not both");
    if (!settings.request.resume_from.empty())
      throw UsageError("--minutes plans a new run; a resumed run keeps its step budget (raise it with --steps)");
    settings.minutes = number_option(p, "minutes");
    try {
      validate_minutes(settings.minutes);
    } catch (const ConfigError& e) {
      throw UsageError(std::string("--minutes: ") + e.what());
    }
  }
  settings.stop_after = p.is_set("stop-after") ? integer_option(p, "stop-after") : 0;
  if (settings.stop_after < 0) throw UsageError("--stop-after must be positive");
  settings.keep_every_epoch = p.is_set("save-every-epoch");
  settings.fixed_images = integer_option(p, "gif-images");
  return settings;
}

ConsoleReport::ConsoleReport(bool quiet, std::function<void()> stop)
    : quiet_(quiet), stop_(std::move(stop)), progress_("train") {}

void ConsoleReport::on_calibrating() {
  std::cerr << "Measuring this machine's training speed for the time budget (a few seconds)...\n";
}

void ConsoleReport::on_start(const RunPlan& plan, const Trainer& trainer, const torch::Tensor&) {
  if (!notes_shown_) {
    for (const auto& note : plan.notes) std::cerr << "Default: " << note << "\n";
    if (!plan.time_plan.empty()) std::cerr << "Time budget of " << plan.time_plan << "\n";
  }
  notes_shown_ = true;
  const TrainConfig& train = plan.train;
  std::cerr << "Training " << plan.model.describe() << " ("
            << parameter_count(*trainer.networks().encoder) + parameter_count(*trainer.networks().decoder)
            << " VAE parameters) on " << plan.data->description() << ", device " << trainer.device().str() << ", "
            << trainer.describe_threads() << ", discriminator products "
            << (trainer.networks().discriminator->bfloat16_products() ? "bf16" : "fp32") << ", batch "
            << train.batch_size << ", beta " << train.beta << ", gamma " << train.gamma;
  if (train.kl_capacity > 0)
    std::cerr << ", KL target rising to " << train.kl_capacity << " nats over " << train.capacity_steps << " steps";
  if (train.vae_lr_decay_fraction > 0)
    std::cerr << ", learning rate falling to 0 over the last " << train.vae_lr_decay_fraction * 100 << "% of the steps";
  if (train.vae_lr_warmup_steps > 0)
    std::cerr << ", learning rate rising over the first " << train.vae_lr_warmup_steps << " steps";
  std::cerr << "\n";
  total_ = trainer.total_steps();
  speed_ = 0;
}

void ConsoleReport::on_step(const StepReport& r, const Trainer& trainer) {
  total_ = trainer.total_steps();  // a time budget re-plans it as the run goes
  speed_ = speed_ == 0 ? r.images_per_second : 0.95 * speed_ + 0.05 * r.images_per_second;
  if (!quiet_) {
    const std::string detail = "epoch " + std::to_string(r.epoch + 1) + " recon " + format_fixed(r.reconstruction, 2) +
                               " kl " + format_fixed(r.kl, 2) + " tc " + format_fixed(r.tc, 3) + " acc " +
                               format_fixed(r.disc_accuracy, 2) + " " + format_fixed(speed_, 0) + " img/s";
    progress_.update(r.step, total_, detail);
  }
  if (interrupted()) stop_();
}

void ConsoleReport::on_pipeline(const PipelineStatus& status) {
  progress_.finish();
  const auto& c = status.candidates;
  switch (status.stage) {
    case PipelineStatus::Stage::Screening:
      if (status.current >= 0)
        std::cerr << "Screening candidate " << status.current + 1 << " of " << c.size() << " (seed "
                  << c[static_cast<size_t>(status.current)].seed << ", " << status.screen_steps << " steps)\n";
      break;
    case PipelineStatus::Stage::Ranking:
      std::cerr << "Ranking " << c.size() << " candidates by UDR\n";
      break;
    case PipelineStatus::Stage::Continuing:
      for (const auto& candidate : c)
        if (candidate.chosen)
          std::cerr << "Continuing seed " << candidate.seed << " (UDR " << format_fixed(candidate.udr, 4)
                    << ") to the full budget\n";
      break;
    case PipelineStatus::Stage::Finished:
    case PipelineStatus::Stage::Stopped:
      break;
  }
}

void ConsoleReport::finish() { progress_.finish(); }

int train_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, false);
  std::string preset_help = "starting point for every setting: ";
  for (const auto& pr : presets()) preset_help += "'" + pr.name + "': " + pr.description + " ";
  p.add_options({
      {"preset", preset_help, "name", "paper"},
      {"arch", "architecture: lean (default), seed (the original project's layers) or burgess (the field's standard "
               "64×64 encoder and decoder, as disentanglement_lib's)", "name"},
      {"latent-dim", "number of latent dimensions (default 8)", "n"},
      {"recon", "reconstruction likelihood: bernoulli (BCE) or gaussian (MSE)", "kind"},
      {"beta",
       "weight of the KL term, after warm-up (default: paper preset 1; on shapes the quality bar's 0.5 at 32 px, "
       "scaled by what a factor step is worth at 28 and 64 px)",
       "x"},
      {"beta-min", "lower bound of beta during warm-up", "x"},
      {"beta-warmup", "epochs of linear beta warm-up (0: none)", "epochs"},
      {"gamma",
       "weight of the TC term, per sample (default: paper preset 6.4 on natural images; on shapes the quality "
       "bar's 10 at 32 px, scaled like beta; seed preset 9/256)",
       "x"},
      {"gamma-warmup", "epochs of linear gamma warm-up (0: none)", "epochs"},
      {"kl-capacity", "KL target in nats: the KL term becomes beta*|KL - C| (Burgess et al.; 0: off)", "nats"},
      {"capacity-steps", "steps over which the KL target C rises linearly from 0 to --kl-capacity", "n"},
      {"lr", "VAE learning rate, Adam (default: 1e-4; paper preset on shapes 1e-3)", "x"},
      {"lr-decay", "last fraction of the step budget over which the VAE learning rate falls linearly to 0", "x"},
      {"lr-warmup",
       "steps over which the VAE learning rate rises linearly to --lr (a head start for the discriminator)", "n"},
      {"vae-beta1", "VAE Adam beta1", "x"},
      {"vae-beta2", "VAE Adam beta2", "x"},
      {"disc-lr", "discriminator learning rate (Adam)", "x"},
      {"disc-beta1", "discriminator Adam beta1", "x"},
      {"disc-beta2", "discriminator Adam beta2", "x"},
      {"batch-size", "images per VAE batch (the discriminator sees as many more)", "n"},
      {"epochs", "epochs to train (default 10; paper preset on shapes: a step budget instead)", "n"},
      {"steps",
       "stop after this many steps in total, whatever the epochs (default: paper preset on shapes 16000, "
       "4000 at 64 px; or give --minutes)",
       "n"},
      {"minutes",
       "time budget instead of --steps: a few seconds' calibration measures this machine's speed and plans the steps "
       "(and, with --candidates, the screening) to end within it; the planned steps are recorded, so --resume and a "
       "rerun with those --steps train the same run",
       "m"},
      {"seed", "random seed; the same seed on the same CPU and thread count gives the same run", "n"},
      {"threads",
       "CPU threads to train with (default: every core of this machine, as measured fastest); the batch is split "
       "among them and their gradients summed in a fixed order, so a run is the same for a seed and a thread count",
       "n"},
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
      {"force",
       "a new run where OUT holds one: remove what that run (or pipeline) wrote first; without it such a folder is "
       "refused (continue it with --resume)"},
      {"resume", "continue the run saved in this checkpoint, or the candidate pipeline started in this folder", "file"},
      {"gif-images", "fixed inputs shown in the reconstruction GIF (default 8)", "n", "8"},
      {"quiet", "no progress line"},
      {"stop-after",
       "stop after this step, saved and resumable, keeping the run's budget and schedules (a candidate's screening)",
       "n"},
      {"candidates",
       "train K seeds (--seed and the K-1 after it) for --screen-steps steps each in OUT/seed-S, rank them by UDR "
       "(no labels), continue the best to the full budget and link it as OUT/latest.fvae (see --losers)",
       "k"},
      {"screen-steps",
       "steps each candidate trains before the ranking (default: the dataset's, 2000, at most an eighth of the "
       "budget)",
       "n"},
      {"losers",
       "after the ranking, the candidates that lost: weights (keep their weights only, ~4 MB each; default), remove "
       "(their folders) or keep (everything, ~84 MB each)",
       "what", "weights"},
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

  if (p.is_set("candidates") || CandidatePipeline::is_pipeline_folder(text_option(p, "resume")))
    return train_candidates(p, arguments);
  RunSettings settings = training_settings(p);
  TrainingRun run(settings, open_dataset_reporting_skips);
  ConsoleReport report(p.is_set("quiet"), [&] { run.control().stop(); });
  install_interrupt_handler();
  RunOutcome outcome;
  try {
    outcome = run.run(report);
  } catch (const FolderInUse& e) {
    refuse_folder_in_use(e);
  } catch (const TrainingError&) {
    report.finish();
    std::cerr << "The last good checkpoint (if any) is kept at " << latest_checkpoint(settings.out) << ".\n";
    throw;
  }
  report.finish();
  if (!outcome.last.empty()) {
    const StepReport& last = outcome.last.back();
    std::cerr << "Step " << last.step << ": reconstruction " << last.reconstruction << ", KL " << last.kl << ", TC "
              << last.tc << ", discriminator accuracy " << last.disc_accuracy << "\n";
  }
  if (outcome.status == RunOutcome::Status::StoppedAsAsked) {
    std::cerr << "Stopped after step " << outcome.step << " as asked (--stop-after); saved " << outcome.checkpoint
              << ", resumable with --resume\n";
    return 0;
  }
  const bool cancelled = outcome.status == RunOutcome::Status::Cancelled;
  std::cerr << (cancelled ? "Stopped on request; saved " : "Saved ") << outcome.checkpoint << ", " << outcome.csv;
  if (!outcome.gif.empty()) std::cerr << ", " << outcome.gif;
  if (!outcome.events.empty()) std::cerr << ", " << outcome.events;
  std::cerr << "\n";
  return cancelled ? 130 : 0;
}

}  // namespace fvae::cli
