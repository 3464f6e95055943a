#pragma once
// One place decides a run's settings, for the CLI and the GUI alike: the preset, the user's choices, the defaults
// that depend on the dataset, what a resumed run keeps from its checkpoint, and whether there is anything left to
// train. Both front ends only translate their options into a RunRequest.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/base/config.h"
#include "model/checkpoint/checkpoint.h"
#include "model/data/dataset.h"
#include "model/io/dataset_loader.h"

namespace fvae {

// Settings the user chose; unset ones come from the preset, the dataset or the resumed checkpoint.
struct TrainingChoices {
  std::optional<Reconstruction> reconstruction;
  std::optional<double> beta, beta_min, gamma, kl_capacity, vae_lr, vae_lr_decay_fraction, vae_beta1, vae_beta2;
  std::optional<double> disc_lr, disc_beta1, disc_beta2;
  std::optional<int64_t> beta_warmup_epochs, gamma_warmup_epochs, capacity_steps, vae_lr_warmup_steps, batch_size,
      epochs, max_steps;
  std::optional<uint64_t> seed;
  std::optional<int> threads;
  std::optional<std::string> device, disc_precision, disc_thread;
  void apply_to(TrainConfig& train) const;
  // Every setting of a decided configuration as a choice: planning it again decides nothing anew.
  static TrainingChoices all_of(const TrainConfig& train);
};

struct RunRequest {
  std::string preset = "paper";
  std::optional<Architecture> architecture;
  std::optional<int64_t> latent_dim;
  TrainingChoices train;
  // The dataset. When resuming: the checkpoint's unless `dataset_given`; an empty split and a subset of 0 mean the
  // checkpoint's for its own dataset; size and channels 0 mean the model's.
  DatasetRequest dataset;
  bool dataset_given = true;
  std::string resume_from;  // non-empty: continue the run saved in this checkpoint
};

struct RunPlan {
  ModelConfig model;
  TrainConfig train;
  DatasetRequest dataset;
  DatasetInfo info;
  std::shared_ptr<const Dataset> data;
  std::shared_ptr<Checkpoint> resumed;  // the checkpoint to restore, when continuing
  std::vector<std::string> latent_names;
  int64_t total_steps = 0;
  std::vector<std::string> notes;  // defaults that were derived, in words (e.g. γ for the dataset), for the user
  std::string time_plan;  // what a time budget measured and planned (TimePlan::describe); empty without one
};

// The images a checkpoint was trained on, at its model's size and channels (for comparing runs on their own data).
// Throws ConfigError when the checkpoint does not name its dataset (an imported one).
DatasetRequest checkpoint_dataset_request(const Checkpoint& checkpoint);

using DatasetOpener = std::function<std::shared_ptr<const Dataset>(const DatasetRequest&)>;

// Decides everything and opens the dataset (through `open`). Throws ConfigError for settings that cannot work
// together (among them a resumed run whose budget is already spent: the message says how to continue), and the
// loaders' errors for the checkpoint and the dataset. `open` is open_dataset (model/io), or a wrapper that reports
// skipped files.
RunPlan plan_run(const RunRequest& request, const DatasetOpener& open);

// An opener that hands out `data` for every request: planning a request again (a time budget's steps decided)
// without opening its dataset twice.
DatasetOpener reuse_dataset(std::shared_ptr<const Dataset> data);

// The image size of a new run on the built-in shapes when none is given (the GUI's form starts there too).
constexpr int64_t kShapesTrainingSize = 32;

// What resolving one step of a `shapes` factor is worth to the reconstruction term at this image size, relative to
// 64×64 (the geometric mean of the five factors' ratios measured by bench_factor_steps; test_training recomputes it).
// Scaling β and γ by it prices a nat of code the same at every size.
double factor_step_worth(int64_t image_size);

// The settings a run of the "paper" preset gets from its dataset and image size where the user chooses none, and why
// (shown to the user). The CLI (plan_run) and the GUI's form both take them from here.
struct DatasetDefaults {
  double beta = 1, gamma = 35, vae_lr = 1e-4;
  int64_t max_steps = 0;  // 0: the preset's epochs decide
  int64_t vae_lr_warmup_steps = 0;
  // Label-free selection: this many seeds screened for `screen_steps` each, ranked by UDR, the best continued. The
  // GUI's form starts with it; the CLI selects when asked (--candidates), as a script expects one run per call.
  int candidates = 1;
  int64_t screen_steps = 2000;
  std::string reason;
};
DatasetDefaults dataset_defaults(const std::string& dataset_kind, int64_t image_size);
// The same for a dataset as the user names it ("shapes", a file, a folder), before it is opened.
DatasetDefaults dataset_defaults_for_spec(const std::string& dataset_spec, int64_t image_size);

// The steps a candidate trains before the ranking, for a run of `budget` steps (0: unknown) when the user gives none:
// the default's, but at most an eighth of the budget, as the warm-up, so that the winner trains mostly after it.
int64_t default_screen_steps(const DatasetDefaults& defaults, int64_t budget);

}  // namespace fvae
