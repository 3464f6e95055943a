#include "model/run/run_plan.h"

#include "model/base/platform.h"

#include <algorithm>
#include <cmath>

#include "model/base/numbers.h"

namespace fvae {

namespace {

template <typename T, typename U>
void set_if(const std::optional<T>& choice, U& target) {
  if (choice) target = *choice;
}

}  // namespace

void TrainingChoices::apply_to(TrainConfig& t) const {
  set_if(reconstruction, t.reconstruction);
  set_if(beta, t.beta);
  set_if(beta_min, t.beta_min);
  set_if(beta_warmup_epochs, t.beta_warmup_epochs);
  set_if(gamma, t.gamma);
  set_if(gamma_warmup_epochs, t.gamma_warmup_epochs);
  set_if(kl_capacity, t.kl_capacity);
  set_if(capacity_steps, t.capacity_steps);
  set_if(vae_lr, t.vae_lr);
  set_if(vae_lr_decay_fraction, t.vae_lr_decay_fraction);
  set_if(vae_lr_warmup_steps, t.vae_lr_warmup_steps);
  set_if(vae_beta1, t.vae_beta1);
  set_if(vae_beta2, t.vae_beta2);
  set_if(disc_lr, t.disc_lr);
  set_if(disc_beta1, t.disc_beta1);
  set_if(disc_beta2, t.disc_beta2);
  set_if(batch_size, t.batch_size);
  set_if(epochs, t.epochs);
  set_if(max_steps, t.max_steps);
  set_if(seed, t.seed);
  set_if(threads, t.threads);
  set_if(device, t.device);
  set_if(disc_precision, t.disc_precision);
  set_if(disc_thread, t.disc_thread);
}

TrainingChoices TrainingChoices::all_of(const TrainConfig& t) {
  TrainingChoices c;
  c.reconstruction = t.reconstruction;
  c.beta = t.beta, c.beta_min = t.beta_min, c.beta_warmup_epochs = t.beta_warmup_epochs;
  c.gamma = t.gamma, c.gamma_warmup_epochs = t.gamma_warmup_epochs;
  c.kl_capacity = t.kl_capacity, c.capacity_steps = t.capacity_steps;
  c.vae_lr = t.vae_lr, c.vae_lr_decay_fraction = t.vae_lr_decay_fraction, c.vae_lr_warmup_steps = t.vae_lr_warmup_steps;
  c.vae_beta1 = t.vae_beta1, c.vae_beta2 = t.vae_beta2;
  c.disc_lr = t.disc_lr, c.disc_beta1 = t.disc_beta1, c.disc_beta2 = t.disc_beta2;
  c.batch_size = t.batch_size, c.epochs = t.epochs, c.max_steps = t.max_steps, c.seed = t.seed;
  c.threads = t.threads;
  c.device = t.device, c.disc_precision = t.disc_precision, c.disc_thread = t.disc_thread;
  return c;
}

double factor_step_worth(int64_t image_size) {
  // bench_factor_steps, 4,000 pairs per factor: 32/64 per factor 0.122–0.195, 28/64 0.068–0.136.
  switch (image_size) {
    case 28:
      return 0.090;
    case 32:
      return 0.142;
    default:
      return 1.0;
  }
}

DatasetDefaults dataset_defaults(const std::string& dataset_kind, int64_t image_size) {
  DatasetDefaults d;
  if (dataset_kind != kBuiltinDataset) {
    d.gamma = default_gamma_for_dataset(dataset_kind);
    d.reason = "the paper's values for natural images";
    return d;
  }
  // The quality bar's recipe (docs/quality-bar.md), measured at 32×32 on 2 CPU cores: β 0.5 and γ 10 beat the
  // paper's pricing scaled down to 32×32 (β 0.14, γ 5), which keeps every dimension open and splits the positions over
  // them. Other sizes keep the 32×32 recipe's price of a nat of code, scaled by what a factor step is worth there.
  const double scale = factor_step_worth(image_size) / factor_step_worth(32);
  // Three significant digits: what a form shows and a user types.
  auto round3 = [](double v) {
    const double unit = std::pow(10.0, std::floor(std::log10(v)) - 2);
    return std::round(v / unit) * unit;
  };
  d.beta = round3(0.5 * scale);
  d.gamma = round3(10 * scale);
  d.vae_lr = 1e-3;
  // A head start for the discriminator: the VAE's learning rate rises over the first 2,000 steps, so the TC estimate
  // is trained before the latent layout forms. At 4,000 steps (32 px, seeds 1–4) it scored 0.62, 0.42, 0.42, 0.70
  // against 0.49, 0.39, 0.49, 0.41 without (docs/quality-bar.md).
  d.vae_lr_warmup_steps = 2000;
  // About 12 minutes alone on 2 CPU cores at 28 and 32 px (measured at 32 px: 23 steps/s; a 64 px step costs ~4× as
  // much), leaving ample time to name the dimensions by the metric within half an hour.
  d.max_steps = image_size == 64 ? 4000 : 16000;
  // The quality bar's pipeline: 4 seeds screened to the end of the warm-up, the best by UDR continued. Measured gain
  // over a single run is small (+0.03 on average over 3 pipelines, docs/quality-bar.md); screening one after another
  // adds ~4 minutes on 2 cores.
  d.candidates = 4;
  d.screen_steps = d.vae_lr_warmup_steps;
  d.reason = image_size == 32 ? "the quality bar's recipe for shapes"
                              : "the quality bar's recipe for shapes, priced for " + std::to_string(image_size) + " px";
  return d;
}

DatasetDefaults dataset_defaults_for_spec(const std::string& dataset_spec, int64_t image_size) {
  return dataset_defaults(dataset_spec == kBuiltinDataset ? kBuiltinDataset : "other", image_size);
}

int64_t default_screen_steps(const DatasetDefaults& defaults, int64_t budget) {
  return budget > 0 ? std::max<int64_t>(1, std::min(defaults.screen_steps, budget / 8)) : defaults.screen_steps;
}

RunPlan plan_run(const RunRequest& request, const DatasetOpener& open) {
  RunPlan plan;
  plan.dataset = request.dataset;
  if (!request.resume_from.empty()) {
    if (request.architecture || request.latent_dim)
      throw ConfigError(
          "the architecture and the latent dimensions cannot change when resuming (the checkpoint "
          "fixes them)");
    plan.resumed = std::make_shared<Checkpoint>(load_checkpoint(request.resume_from));
    const Checkpoint& cp = *plan.resumed;
    if (!cp.has_training_state)
      throw CheckpointError(request.resume_from + ": holds weights only, no training state to resume");
    plan.model = cp.model;
    plan.train = cp.train;
    plan.latent_names = cp.latent_names;
    // Epochs given without a step budget: the epochs decide where the run ends.
    if (request.train.epochs && !request.train.max_steps) plan.train.max_steps = 0;
    // The checkpoint's dataset unless another one is given; its split and subset unless those are given.
    if (!request.dataset_given || plan.dataset.spec.empty()) plan.dataset.spec = cp.dataset.spec;
    if (plan.dataset.spec == cp.dataset.spec) {
      if (plan.dataset.split.empty()) plan.dataset.split = cp.dataset.split;
      if (plan.dataset.subset == 0) plan.dataset.subset = cp.dataset.subset;
    }
    if (plan.dataset.split.empty()) plan.dataset.split = "train";
    if (plan.dataset.spec.empty())
      throw ConfigError(request.resume_from +
                        ": the checkpoint does not say which dataset it was trained on; give one");
    if (plan.dataset.size == 0) plan.dataset.size = plan.model.image_size;
    if (plan.dataset.channels == 0) plan.dataset.channels = plan.model.channels;
  } else {
    const Preset& preset = fvae::preset(request.preset);
    plan.model = preset.model;
    plan.train = preset.train;
    set_if(request.architecture, plan.model.architecture);
    set_if(request.latent_dim, plan.model.latent_dim);
  }
  request.train.apply_to(plan.train);
  // A new run on shapes trains at the size the recipe was measured at (and the GUI shows), not the generator's 64.
  // The burgess architecture is made for 64×64 images.
  if (!plan.resumed && plan.model.architecture == Architecture::Burgess && plan.dataset.size != 64) {
    if (plan.dataset.size != 0)
      throw ConfigError("the burgess architecture takes 64×64 images, not " + std::to_string(plan.dataset.size) + "×" +
                        std::to_string(plan.dataset.size) + " (leave the size out)");
    plan.dataset.size = 64;
    plan.notes.push_back("image size 64 (the burgess architecture's)");
  }
  if (!plan.resumed && plan.dataset.spec == kBuiltinDataset && plan.dataset.size == 0) {
    plan.dataset.size = kShapesTrainingSize;
    plan.notes.push_back("image size " + std::to_string(kShapesTrainingSize) + " (the quality bar's size for shapes)");
  }
  // Every core, the batch split among them (Trainer::sharded_pass), unless the user chose: measured faster than one
  // thread beside the discriminator's second one on every CPU tried (docs/speed.md). The seed architecture's batch
  // cannot be split; it keeps one thread and the discriminator's. A resumed run keeps the threads it was trained with
  // (the same run for its seed and thread count).
  if (!plan.resumed && !request.train.threads && has_plain_layers(plan.model.architecture)) {
    plan.train.threads = available_cores();
    if (plan.train.threads > 1)
      plan.notes.push_back(std::to_string(plan.train.threads) + " threads (every core of this machine)");
  }
  if (plan.resumed && !request.train.threads && plan.train.threads > available_cores())
    plan.notes.push_back("resumed with the " + std::to_string(plan.train.threads) + " threads it was trained with on " +
                         std::to_string(available_cores()) + " cores: the same run, slower (--threads " +
                         std::to_string(available_cores()) + " is faster, but sums the gradients in another order)");
  plan.dataset.subset_seed = plan.train.seed;
  plan.data = open(plan.dataset);
  if (!plan.resumed) {
    plan.model.image_size = plan.data->shape().height;
    plan.model.channels = plan.data->shape().channels;
    if (request.preset == "paper" || request.preset == "burgess") {
      const auto defaults = dataset_defaults(plan.data->kind(), plan.model.image_size);
      const auto& c = request.train;
      std::vector<std::string> applied;
      if (!c.beta) plan.train.beta = defaults.beta, applied.push_back("beta " + format_number(defaults.beta));
      if (!c.gamma) plan.train.gamma = defaults.gamma, applied.push_back("gamma " + format_number(defaults.gamma));
      if (!c.vae_lr && defaults.vae_lr != plan.train.vae_lr)
        plan.train.vae_lr = defaults.vae_lr, applied.push_back("learning rate " + format_number(defaults.vae_lr));
      // A step budget only where neither steps nor epochs were given.
      if (!c.max_steps && !c.epochs && defaults.max_steps > 0) {
        plan.train.max_steps = defaults.max_steps;
        applied.push_back(std::to_string(defaults.max_steps) + " steps");
      }
      // The warm-up takes at most an eighth of the budget (as 2,000 of the recipe's 16,000), so that a short run
      // still trains at the full rate for most of it.
      const int64_t budget = total_steps(plan.train, plan.data->size() / plan.train.batch_size);
      const int64_t warmup = std::min(defaults.vae_lr_warmup_steps, budget / 8);
      if (!c.vae_lr_warmup_steps && warmup > 0) {
        plan.train.vae_lr_warmup_steps = warmup;
        applied.push_back("learning-rate warm-up " + std::to_string(warmup) + " steps");
      }
      if (!applied.empty()) {
        std::string note;
        for (const auto& a : applied) note += (note.empty() ? "" : ", ") + a;
        plan.notes.push_back(note + " (" + defaults.reason + ")");
      }
    }
  }
  plan.model.validate();
  plan.train.validate();
  plan.info = {plan.dataset.spec, plan.dataset.split, plan.data->description(), plan.dataset.subset};
  if (plan.latent_names.empty()) plan.latent_names.assign(static_cast<size_t>(plan.model.latent_dim), "");
  const int64_t steps_per_epoch = plan.data->size() / plan.train.batch_size;
  plan.total_steps = total_steps(plan.train, steps_per_epoch);
  if (plan.resumed && plan.resumed->step >= plan.total_steps)
    throw ConfigError(request.resume_from + ": this run has already used its budget (epoch " +
                      std::to_string(plan.resumed->epoch) + ", step " + std::to_string(plan.resumed->step) +
                      "); raise the epochs or the step budget to continue it");
  return plan;
}

DatasetOpener reuse_dataset(std::shared_ptr<const Dataset> data) {
  return [data](const DatasetRequest&) { return data; };
}

DatasetRequest checkpoint_dataset_request(const Checkpoint& cp) {
  if (cp.dataset.spec.empty())
    throw ConfigError("the checkpoint does not say which dataset it was trained on; give the dataset");
  DatasetRequest request;
  request.spec = cp.dataset.spec;
  request.split = cp.dataset.split.empty() ? "train" : cp.dataset.split;
  request.size = cp.model.image_size;
  request.channels = cp.model.channels;
  request.subset = cp.dataset.subset;
  request.subset_seed = cp.train.seed;  // as plan_run drew it
  return request;
}

}  // namespace fvae
