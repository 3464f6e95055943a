#include "model/training/trainer.h"

#include <chrono>
#include <cmath>
#include <thread>

#include "model/base/platform.h"
#include "model/inference/inference.h"
#include "model/nn/objective.h"

namespace fvae {

namespace {
constexpr int kFixedColumns = 11;

// A batch for the training device. On a GPU it travels from page-locked memory without blocking the host, so the
// copy overlaps the kernels still queued; the host allocator keeps the pinned block until the copy has finished.
torch::Tensor to_device(torch::Tensor batch, const torch::Device& device) {
  if (device.is_cpu()) return batch;
  return batch.pin_memory().to(device, /*non_blocking=*/true);
}
}  // namespace

std::vector<std::string> StepReport::column_names(int64_t latent_dim) {
  std::vector<std::string> names = {"step", "epoch",    "reconstruction",   "kl",
                                    "tc",   "vae_loss", "disc_loss",        "disc_accuracy",
                                    "beta", "gamma",    "images_per_second"};
  for (int64_t d = 0; d < latent_dim; ++d) names.push_back("kl_" + std::to_string(d));
  return names;
}

std::vector<double> StepReport::values() const {
  std::vector<double> v = {static_cast<double>(step),
                           static_cast<double>(epoch),
                           reconstruction,
                           kl,
                           tc,
                           vae_loss,
                           disc_loss,
                           disc_accuracy,
                           beta,
                           gamma,
                           images_per_second};
  v.insert(v.end(), kl_per_dim.begin(), kl_per_dim.end());
  return v;
}

StepReport StepReport::from_values(const std::vector<double>& v) {
  TORCH_CHECK(v.size() >= kFixedColumns, "a loss-history row needs at least ", kFixedColumns, " values");
  StepReport r;
  r.step = static_cast<int64_t>(v[0]);
  r.epoch = static_cast<int64_t>(v[1]);
  r.reconstruction = v[2], r.kl = v[3], r.tc = v[4], r.vae_loss = v[5];
  r.disc_loss = v[6], r.disc_accuracy = v[7], r.beta = v[8], r.gamma = v[9], r.images_per_second = v[10];
  r.kl_per_dim.assign(v.begin() + kFixedColumns, v.end());
  return r;
}

torch::Device resolve_device(const std::string& requested) {
  if (requested == "cpu") return torch::kCPU;
  const bool cuda = torch::cuda::is_available();
  if (requested == "cuda" && !cuda)
    throw TrainingError("CUDA was requested, but this LibTorch build has no CUDA or no CUDA device is present");
  return cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
}

Trainer::Trainer(const ModelConfig& model, const TrainConfig& train, std::shared_ptr<const Dataset> data,
                 std::shared_ptr<RunControl> control)
    : model_config_(model),
      train_config_(train),
      data_(std::move(data)),
      device_(resolve_device(train.device)),
      generator_(at::make_generator<at::CPUGeneratorImpl>(train.seed ^ 0x5DEECE66Dull)),
      control_(control ? std::move(control) : std::make_shared<RunControl>()) {
  model.validate();
  train.validate();
  const auto shape = data_->shape();
  if (shape.channels != model.channels || shape.height != model.image_size || shape.width != model.image_size)
    throw TrainingError("the dataset's images are " + std::to_string(shape.channels) + "x" +
                        std::to_string(shape.height) + "x" + std::to_string(shape.width) + " but the model expects " +
                        std::to_string(model.channels) + "x" + std::to_string(model.image_size) + "x" +
                        std::to_string(model.image_size));
  steps_per_epoch_ = data_->size() / train.batch_size;
  if (steps_per_epoch_ < 1)
    throw TrainingError("the dataset holds " + std::to_string(data_->size()) + " images, fewer than one batch of " +
                        std::to_string(train.batch_size));
  apply_thread_setting();
  torch::manual_seed(train.seed);  // weight initialisation and dropout draw from the global generator
  networks_ = std::make_unique<Networks>(model);
  networks_->to(device_);
  networks_->train(true);
  // bf16 products where the hardware multiplies bf16 natively; elsewhere they are emulated and slower than fp32.
  const bool native_bf16 = device_.is_cpu() ? cpu_has_native_bfloat16() : gpu_has_native_bfloat16();
  const bool bf16 = train.disc_precision == "bf16" ||
                    (train.disc_precision == "auto" && native_bf16 && has_plain_layers(model.architecture));
  networks_->discriminator->set_bfloat16_products(bf16);
  vae_parameters_ = networks_->encoder->parameters();
  for (auto& p : networks_->decoder->parameters()) vae_parameters_.push_back(p);
  disc_parameters_ = networks_->discriminator->parameters();
  vae_optimizer_ = std::make_unique<FusedAdam>(
      vae_parameters_, torch::optim::AdamOptions(train.vae_lr).betas({train.vae_beta1, train.vae_beta2}));
  disc_optimizer_ = std::make_unique<FusedAdam>(
      disc_parameters_, torch::optim::AdamOptions(train.disc_lr).betas({train.disc_beta1, train.disc_beta2}));
  for (auto& [weight, copy] : networks_->discriminator->bfloat16_weight_copies())
    disc_optimizer_->mirror_in_bfloat16(weight, *copy);
  if (device_.is_cpu() && has_plain_layers(model.architecture) && train.threads > 1) {
    if (train.batch_size < train.threads)
      throw TrainingError("a batch of " + std::to_string(train.batch_size) + " cannot be split among " +
                          std::to_string(train.threads) + " threads; use fewer threads or a larger batch");
    shards_ = train.threads;
    for (int w = 1; w < shards_; ++w)
      shard_threads_.push_back(std::make_unique<TaskThread>([this] { apply_thread_setting(); }));
  }
  const bool second_core =
      shards_ == 1 && (train.disc_thread == "on" || (train.disc_thread == "auto" && device_.is_cpu() &&
                                                     train.threads == 1 && available_cores() >= 2));
  // Set once on the task thread: flush-to-zero is per thread, and setting OpenBLAS's thread count at every step
  // would race with the training thread's BLAS calls.
  if (second_core) task_thread_ = std::make_unique<TaskThread>([this] { apply_thread_setting(); });
}

Trainer::~Trainer() = default;

void Trainer::apply_thread_setting() const {
  set_compute_threads(shards_ > 1 ? 1 : train_config_.threads);
  flush_denormals_to_zero();
}

void Trainer::run_on_shard_threads(const std::function<void(int)>& work) {
  std::vector<std::future<void>> done;
  for (int w = 1; w < shards_; ++w)
    done.push_back(shard_threads_[static_cast<size_t>(w - 1)]->submit([&work, w] { work(w); }));
  std::exception_ptr failure;
  try {
    work(0);
  } catch (...) {
    failure = std::current_exception();
  }
  for (auto& d : done) {  // every task refers to this frame: all must end before it does
    try {
      d.get();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

std::string Trainer::describe_threads() const {
  if (shards_ > 1) return std::to_string(shards_) + " threads (the batch split in " + std::to_string(shards_) + ")";
  std::string text = std::to_string(train_config_.threads) + (train_config_.threads == 1 ? " thread" : " threads");
  if (task_thread_) text += " and the discriminator's step on a second core";
  return text;
}

int64_t Trainer::total_steps() const { return fvae::total_steps(train_config_, steps_per_epoch_); }

bool Trainer::budget_spent() const { return progress_.step >= total_steps(); }

void Trainer::set_budget(int64_t epochs, int64_t max_steps) {
  train_config_.epochs = epochs;
  train_config_.max_steps = max_steps;
  train_config_.validate();
}

torch::Tensor Trainer::reconstruction_strip(const torch::Tensor& images) const {
  return fvae::reconstruction_strip(*networks_, images);
}

void Trainer::attach_snapshot(std::shared_ptr<ModelSnapshot> snapshot, int64_t every_steps) {
  snapshot_ = std::move(snapshot);
  snapshot_every_ = std::max<int64_t>(1, every_steps);
  publish_snapshot();
}

void Trainer::publish_snapshot() {
  if (snapshot_) snapshot_->update_from(*networks_, progress_.step);
}

void Trainer::start_epoch_if_needed() {
  if (progress_.step_in_epoch != 0 && progress_.vae_order.defined()) return;
  progress_.step_in_epoch = 0;
  progress_.vae_order = torch::randperm(data_->size(), generator_, torch::kLong);
  progress_.disc_order = torch::randperm(data_->size(), generator_, torch::kLong);
}

// The loss terms of one step, batch means as the objective defines them, and the gradients in the parameters' .grad.
struct Trainer::StepResult {
  torch::Tensor reconstruction, kl_dims, kl, tc, vae_loss, disc_loss, disc_accuracy;
};

StepReport Trainer::step() {
  apply_thread_setting();
  start_epoch_if_needed();
  const auto started = std::chrono::steady_clock::now();
  const int64_t B = train_config_.batch_size;
  const int64_t offset = progress_.step_in_epoch * B;
  auto x = to_device(data_->images(progress_.vae_order.narrow(0, offset, B)), device_);
  const double beta = train_config_.beta_at(progress_.epoch);
  const double gamma = train_config_.gamma_at(progress_.epoch);
  const StepResult r = shards_ > 1 ? sharded_pass(x, offset, beta, gamma) : single_pass(x, offset, beta, gamma);

  StepReport report;
  report.step = progress_.step + 1;
  report.epoch = progress_.epoch;
  report.reconstruction = r.reconstruction.item<double>();
  report.kl = r.kl.item<double>();
  report.tc = r.tc.item<double>();
  report.vae_loss = r.vae_loss.item<double>();
  report.disc_loss = r.disc_loss.item<double>();
  report.disc_accuracy = r.disc_accuracy.item<double>();
  report.beta = beta;
  report.gamma = gamma;
  auto kl_cpu = r.kl_dims.detach().to(torch::kCPU, torch::kDouble).contiguous();
  report.kl_per_dim.assign(kl_cpu.data_ptr<double>(), kl_cpu.data_ptr<double>() + kl_cpu.numel());

  // NaN guard before any optimiser step: weights stay as they were, the last checkpoint stays intact.
  const std::pair<const char*, double> checked[] = {{"reconstruction loss", report.reconstruction},
                                                    {"KL", report.kl},
                                                    {"TC estimate", report.tc},
                                                    {"discriminator loss", report.disc_loss}};
  for (const auto& [name, value] : checked)
    if (!std::isfinite(value))
      throw TrainingError(std::string("the ") + name + " became " + (std::isnan(value) ? "NaN" : "infinite") +
                          " at step " + std::to_string(report.step) + " (epoch " + std::to_string(report.epoch + 1) +
                          "); training stopped before updating the weights. Try a lower learning rate.");
  static_cast<torch::optim::AdamOptions&>(vae_optimizer_->param_groups().front().options())
      .lr(train_config_.vae_lr_at(progress_.step, total_steps()));
  if (shards_ > 1) {
    // Each optimiser's elements divided among the shard threads.
    const auto in_parts = [this](const std::function<void(int)>& slice) { run_on_shard_threads(slice); };
    vae_optimizer_->step_in_parts(shards_, in_parts);
    disc_optimizer_->step_in_parts(shards_, in_parts);
  } else {
    vae_optimizer_->step();
    disc_optimizer_->step();
  }

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.images_per_second = static_cast<double>(B) / std::max(seconds, 1e-9);
  progress_.step += 1;
  progress_.step_in_epoch += 1;
  if (progress_.step_in_epoch >= steps_per_epoch_) {
    progress_.step_in_epoch = 0;
    progress_.epoch += 1;
    progress_.vae_order = progress_.disc_order = torch::Tensor();
  }
  history_.push_back(report);
  if (snapshot_ && (progress_.step % snapshot_every_ == 0 || progress_.step_in_epoch == 0)) publish_snapshot();
  return report;
}

Trainer::StepResult Trainer::single_pass(const torch::Tensor& x, int64_t offset, double beta, double gamma) {
  const int64_t B = train_config_.batch_size;
  auto& encoder = networks_->encoder;
  auto& decoder = networks_->decoder;
  auto& discriminator = networks_->discriminator;
  StepResult r;

  // VAE step. The discriminator's weights get no gradient from the TC term (saves a third of its backward pass).
  auto posterior = encoder->forward(x);
  auto z = reparameterize(posterior.mu, posterior.logvar, generator_);
  auto logits = decoder->forward(z);
  r.reconstruction = reconstruction_loss(logits, x, train_config_.reconstruction);
  r.kl_dims = kl_per_dimension(posterior.mu, posterior.logvar).mean(0);
  r.kl = r.kl_dims.sum();
  for (auto& p : disc_parameters_) p.set_requires_grad(false);
  if (gamma > 0) {
    r.tc = total_correlation_estimate(discriminator->forward(z));
  } else {
    torch::NoGradGuard no_grad;
    r.tc = total_correlation_estimate(discriminator->forward(z));
  }
  for (auto& p : disc_parameters_) p.set_requires_grad(true);
  const double capacity = train_config_.capacity_at(progress_.step);
  auto vae_loss = r.reconstruction + beta * (train_config_.kl_capacity > 0 ? (r.kl - capacity).abs() : r.kl);
  if (gamma > 0) vae_loss = vae_loss + gamma * r.tc;
  r.vae_loss = vae_loss;
  vae_optimizer_->forget_gradients();

  // Discriminator step on detached codes: this batch's (joint) against an independent batch's, each dimension
  // permuted across the batch (product of marginals). One pass over both halves: one large GEMM beats two. It reads
  // the encoder's and the discriminator's weights and writes only the discriminator's gradients, so it can run beside
  // the VAE's backward pass. It draws from the generator after everything above, whichever thread runs it, so the
  // run is the same with and without the task thread.
  DiscriminatorLoss disc;
  auto discriminator_step = [&, z_joint = z.detach()] {
    auto x_other = to_device(data_->images(progress_.disc_order.narrow(0, offset, B)), device_);
    torch::Tensor z_permuted;
    {
      torch::NoGradGuard no_grad;
      auto other = encoder->forward(x_other);
      z_permuted = permute_dimensions(reparameterize(other.mu, other.logvar, generator_), generator_);
    }
    auto disc_logits = discriminator->forward(torch::cat({z_joint, z_permuted}, 0));
    disc = discriminator_loss(disc_logits.narrow(0, 0, B), disc_logits.narrow(0, B, B));
    disc_optimizer_->forget_gradients();
    disc.loss.backward();
  };
  if (task_thread_) {
    auto done = task_thread_->submit(discriminator_step);
    try {
      vae_loss.backward();
    } catch (...) {
      done.wait();  // the task refers to this frame
      throw;
    }
    done.get();
  } else {
    vae_loss.backward();
    discriminator_step();
  }
  // Neither optimiser has stepped yet: every backward pass that reads these weights has run.
  r.disc_loss = disc.loss;
  r.disc_accuracy = disc.accuracy;
  return r;
}

// The batch split into one contiguous shard per thread. Each shard's terms are its share of the batch means (sums
// divided by the whole batch), its gradients come from autograd::grad on the shared networks (nothing accumulates into
// .grad while the shards run), and they are summed in shard order: the same for a seed and a thread count, whatever
// thread finishes first. Random draws are made for the whole batch on this thread, in the single pass's order.
Trainer::StepResult Trainer::sharded_pass(const torch::Tensor& x, int64_t offset, double beta, double gamma) {
  const int64_t B = train_config_.batch_size;
  const int T = shards_;
  auto& encoder = networks_->encoder;
  auto& decoder = networks_->decoder;
  auto& discriminator = networks_->discriminator;
  const double inverse_batch = 1.0 / static_cast<double>(B);
  auto first_row = [&](int w) { return B * w / T; };
  auto rows = [&](int w) { return first_row(w + 1) - first_row(w); };

  struct Shard {
    torch::Tensor z, reconstruction, kl_sum, tc_sum, mu_other, logvar_other;
    torch::Tensor disc_loss, correct;
    std::vector<torch::Tensor> vae_grads, disc_grads;
  };
  std::vector<Shard> shards(static_cast<size_t>(T));
  const auto on_every_shard = [this](const std::function<void(int)>& work) { run_on_shard_threads(work); };

  const auto eps = torch::randn({B, model_config_.latent_dim}, generator_, torch::kFloat);  // as reparameterize draws
  const auto x_other = data_->images(progress_.disc_order.narrow(0, offset, B));
  discriminator->refresh_bfloat16_copies();  // read-only from here on: the shards share the copies
  for (auto& p : disc_parameters_) p.set_requires_grad(false);
  // Forward passes: the VAE's with its graph, the other batch's encoding for the discriminator without.
  on_every_shard([&](int w) {
    auto& s = shards[static_cast<size_t>(w)];
    const int64_t a = first_row(w), n = rows(w);
    const auto xs = x.narrow(0, a, n);
    auto posterior = encoder->forward(xs);
    s.z = posterior.mu + eps.narrow(0, a, n) * (0.5 * posterior.logvar).exp();
    auto logits = decoder->forward(s.z);
    s.reconstruction = reconstruction_loss(logits, xs, train_config_.reconstruction) * (static_cast<double>(n) * inverse_batch);
    s.kl_sum = kl_per_dimension(posterior.mu, posterior.logvar).sum(0) * inverse_batch;
    auto tc_terms = [&] {
      const auto l = discriminator->forward(s.z);
      return (l.select(1, 0) - l.select(1, 1)).sum() * inverse_batch;
    };
    if (gamma > 0) {
      s.tc_sum = tc_terms();
    } else {
      torch::NoGradGuard no_grad;
      s.tc_sum = tc_terms();
    }
    torch::NoGradGuard no_grad;
    auto other = encoder->forward(x_other.narrow(0, a, n));
    s.mu_other = other.mu;
    s.logvar_other = other.logvar;
  });
  for (auto& p : disc_parameters_) p.set_requires_grad(true);

  StepResult r;
  std::vector<torch::Tensor> z_parts, mu_other, logvar_other;
  for (int w = 0; w < T; ++w) {
    const auto& s = shards[static_cast<size_t>(w)];
    r.reconstruction = w == 0 ? s.reconstruction.detach() : r.reconstruction + s.reconstruction.detach();
    r.kl_dims = w == 0 ? s.kl_sum.detach() : r.kl_dims + s.kl_sum.detach();
    r.tc = w == 0 ? s.tc_sum.detach() : r.tc + s.tc_sum.detach();
    z_parts.push_back(s.z.detach());
    mu_other.push_back(s.mu_other);
    logvar_other.push_back(s.logvar_other);
  }
  r.kl = r.kl_dims.sum();
  // |KL − C| needs the whole batch's KL: its sign weighs every shard's KL gradient.
  const bool capacity_on = train_config_.kl_capacity > 0;
  const double capacity = train_config_.capacity_at(progress_.step);
  const double kl_weight = capacity_on ? beta * torch::sign(r.kl - capacity).item<double>() : beta;
  r.vae_loss = r.reconstruction + beta * (capacity_on ? (r.kl - capacity).abs() : r.kl);
  if (gamma > 0) r.vae_loss = r.vae_loss + gamma * r.tc;
  const auto z_joint = torch::cat(z_parts, 0);
  const auto z_permuted =
      permute_dimensions(reparameterize(torch::cat(mu_other, 0), torch::cat(logvar_other, 0), generator_), generator_);

  // Backward passes: every shard's VAE gradients, then its rows of the discriminator's step.
  on_every_shard([&](int w) {
    auto& s = shards[static_cast<size_t>(w)];
    const int64_t a = first_row(w), n = rows(w);
    auto loss = s.reconstruction + kl_weight * s.kl_sum.sum();
    if (gamma > 0) loss = loss + gamma * s.tc_sum;
    s.vae_grads = torch::autograd::grad({loss}, vae_parameters_, {}, /*retain_graph=*/false, /*create_graph=*/false,
                                        /*allow_unused=*/true);
    const auto logits = discriminator->forward(torch::cat({z_joint.narrow(0, a, n), z_permuted.narrow(0, a, n)}, 0));
    const auto real = logits.narrow(0, 0, n), permuted = logits.narrow(0, n, n);
    const auto options = torch::TensorOptions().dtype(torch::kLong);
    namespace F = torch::nn::functional;
    const auto sum = F::CrossEntropyFuncOptions().reduction(torch::kSum);
    s.disc_loss = 0.5 * (F::cross_entropy(real, torch::zeros({n}, options), sum) +
                         F::cross_entropy(permuted, torch::ones({n}, options), sum)) *
                  inverse_batch;
    s.correct = (real.argmax(1) == 0).sum() + (permuted.argmax(1) == 1).sum();
    s.disc_grads = torch::autograd::grad({s.disc_loss}, disc_parameters_, {}, false, false, true);
  });

  // Gradients summed in shard order into buffers kept from step to step, every parameter's elements divided among the
  // threads (a share of each, so that the large and the small weights spread evenly).
  auto sums_for = [](std::vector<torch::Tensor>& parameters, std::vector<torch::Tensor>& sums) {
    sums.resize(parameters.size());
    for (size_t i = 0; i < parameters.size(); ++i) {
      if (!sums[i].defined() || sums[i].sizes() != parameters[i].sizes())
        sums[i] = torch::empty_like(parameters[i], torch::MemoryFormat::Contiguous);
      parameters[i].mutable_grad() = sums[i];
    }
  };
  sums_for(vae_parameters_, vae_gradient_sums_);
  sums_for(disc_parameters_, disc_gradient_sums_);
  auto reduce = [&](std::vector<torch::Tensor>& sums, std::vector<torch::Tensor> Shard::*grads, int w) {
    for (size_t i = 0; i < sums.size(); ++i) {
      const int64_t n = sums[i].numel(), first = n * w / T, count = n * (w + 1) / T - first;
      if (count == 0) continue;
      auto out = sums[i].view(-1).narrow(0, first, count);
      bool written = false;
      for (const auto& s : shards) {
        const auto& g = (s.*grads)[i];
        if (!g.defined()) continue;  // a parameter this shard's graph did not reach
        const auto part = g.reshape(-1).narrow(0, first, count);
        if (written)
          out.add_(part);
        else
          out.copy_(part);
        written = true;
      }
      if (!written) out.zero_();
    }
  };
  on_every_shard([&](int w) {
    reduce(vae_gradient_sums_, &Shard::vae_grads, w);
    reduce(disc_gradient_sums_, &Shard::disc_grads, w);
  });
  for (int w = 0; w < T; ++w) {
    const auto& s = shards[static_cast<size_t>(w)];
    r.disc_loss = w == 0 ? s.disc_loss.detach() : r.disc_loss + s.disc_loss.detach();
    r.disc_accuracy = w == 0 ? s.correct : r.disc_accuracy + s.correct;
  }
  r.disc_accuracy = r.disc_accuracy.to(torch::kDouble) / static_cast<double>(2 * B);
  return r;
}

Trainer::Outcome Trainer::run() { return run(Callbacks{}); }

Trainer::Outcome Trainer::run(const Callbacks& callbacks) {
  apply_thread_setting();
  while (!budget_spent()) {
    if (control_->wait_between_steps()) return Outcome::Cancelled;
    auto report = step();
    if (callbacks.on_step) callbacks.on_step(report);
    if (progress_.step_in_epoch == 0 && callbacks.on_epoch_end) callbacks.on_epoch_end(progress_.epoch - 1);
    if (callbacks.stop_after > 0 && report.step >= callbacks.stop_after && !budget_spent())
      return Outcome::StoppedAsAsked;
  }
  return Outcome::Finished;
}

}  // namespace fvae
