// factorvae train: trains a FactorVAE, writing checkpoints, a CSV of every logged value and a reconstruction GIF.
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/base/atomic_file.h"
#include "model/checkpoint/checkpoint.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"
#include "model/io/image_files.h"
#include "model/run/run_log.h"
#include "model/run/run_plan.h"
#include "model/training/trainer.h"

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
  if (p.is_set("threads")) c.threads = static_cast<int>(integer_option(p, "threads"));
  text("device", c.device);
  text("disc-precision", c.disc_precision);
  text("disc-thread", c.disc_thread);
  return c;
}

}  // namespace

RunPlan plan_training(const OptionParser& p) {
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
  try {
    return plan_run(request, open_dataset_reporting_skips);
  } catch (const ConfigError& e) {
    throw UsageError(e.what());
  }
}

int train_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, false);
  std::string preset_help = "starting point for every setting: ";
  for (const auto& pr : presets()) preset_help += "'" + pr.name + "': " + pr.description + " ";
  p.add_options({
      {"preset", preset_help, "name", "paper"},
      {"arch", "architecture: lean (default) or seed (the original project's layers)", "name"},
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
       "4000 at 64 px: about 12 minutes on 2 CPU cores)",
       "n"},
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
      {"screen-steps",
       "steps each candidate trains before the ranking (default: the dataset's, 2000, at most an eighth of the "
       "budget)",
       "n"},
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

#ifdef FACTORVAE_WITH_QT
  if (p.is_set("candidates")) return train_candidates(p, arguments);
#else
  if (p.is_set("candidates"))
    throw UsageError(
        "--candidates is in the full build (with Qt); here, train each seed with --stop-after and rank "
        "the runs with the full build's factorvae udr");
#endif
  const int64_t stop_after = p.is_set("stop-after") ? integer_option(p, "stop-after") : 0;
  if (stop_after < 0) throw UsageError("--stop-after must be positive");
  bool stopped_as_asked = false;

  RunPlan plan = plan_training(p);
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
    restore_training_state(*plan.resumed, trainer, text_option(p, "resume"));
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
  if (train.vae_lr_warmup_steps > 0)
    std::cerr << ", learning rate rising over the first " << train.vae_lr_warmup_steps << " steps";
  std::cerr << "\n";

  const int64_t gif_count = std::min<int64_t>(integer_option(p, "gif-images"), data->size());
  RunLog log(out, trainer, info, data->images(subset_indices(data->size(), gif_count, train.seed)), resumed);
  if (!log.events_path().empty())
    std::cerr << "TensorBoard log: " << log.events_path() << " (tensorboard --logdir " << out << ")\n";

  install_interrupt_handler();
  ProgressLine progress("train");
  const bool quiet = p.is_set("quiet");
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
    if (p.is_set("save-every-epoch")) {
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
            << log.csv_path();
  if (log.writes_gif()) std::cerr << ", " << log.gif_path();
  if (!log.events_path().empty()) std::cerr << ", " << log.events_path();
  std::cerr << "\n";
  return outcome == Trainer::Outcome::Cancelled ? 130 : 0;
}

}  // namespace fvae::cli
