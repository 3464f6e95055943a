#include "model/run_plan.h"

namespace fvae {

namespace {

template <typename T, typename U>
void set_if(const std::optional<T>& choice, U& target) {
  if (choice) target = *choice;
}

std::string format_number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
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

double default_gamma(const std::string& dataset_spec) {
  return default_gamma_for_dataset(dataset_spec == "shapes" ? "shapes" : "other");
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
  plan.dataset.subset_seed = plan.train.seed;
  plan.data = open(plan.dataset);
  if (!plan.resumed) {
    plan.model.image_size = plan.data->shape().height;
    plan.model.channels = plan.data->shape().channels;
    if (!request.train.gamma && request.preset == "paper") {
      plan.train.gamma = default_gamma_for_dataset(plan.data->kind());
      plan.notes.push_back("gamma " + format_number(plan.train.gamma) +
                           (plan.data->kind() == "shapes" ? " (the paper's value for dSprites-like data)"
                                                          : " (the paper's value for natural images)"));
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
