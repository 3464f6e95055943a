// factorvae evaluate: reconstruction error, KL per dimension, active dimensions and, on shapes, the disentanglement
// metrics (FactorVAE metric and MIG).
#include <torch/torch.h>

#include <cstdio>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/analysis/metrics.h"
#include "model/data/ground_truth.h"
#include "model/data/dataset.h"
#include "model/inference/evaluation.h"
#include "model/inference/inference.h"

namespace fvae::cli {

int evaluate_command(const Arguments& arguments) {
  const MetricSettings defaults;
  auto with_default = [](const std::string& text, int64_t value) {
    return text + " (default " + std::to_string(value) + ")";
  };
  OptionParser p;
  add_dataset_options(p, true);
  add_device_option(p);
  p.add_options(
      {{"checkpoint", "trained model (.fvae)", "file"},
       {"batch-size", "images per evaluation batch (default 256)", "n", "256"},
       {"no-metrics", "skip the disentanglement metrics (computed by default on a dataset with ground truth)"},
       {"train-votes", with_default("FactorVAE metric: training votes", defaults.train_votes), "n",
        std::to_string(defaults.train_votes)},
       {"eval-votes", with_default("FactorVAE metric: evaluation votes", defaults.eval_votes), "n",
        std::to_string(defaults.eval_votes)},
       {"samples-per-vote", with_default("FactorVAE metric: samples per vote, L", defaults.samples_per_vote), "n",
        std::to_string(defaults.samples_per_vote)},
       {"mig-samples", with_default("MIG: samples", defaults.mig_samples), "n", std::to_string(defaults.mig_samples)},
       {"metric-seed", "seed of the metrics (default 0)", "n", "0"},
       {"save-names", "store the metric's suggested names for unnamed latent dimensions in the checkpoint"},
       {"json", "the report as one JSON document on stdout, with the settings the metrics ran under"}});
  parse_or_exit(
      p, arguments,
      "Evaluates a trained model on a dataset split: reconstruction error (Bernoulli NLL in nats per image "
      "and MSE per pixel, z = mu), KL per latent dimension and active dimensions (mean KL at least 0.1 nats). On a "
      "dataset with ground-truth factors (the built-in shapes) also the FactorVAE metric and MIG as "
      "disentanglement_lib computes them.");
  auto cp = open_checkpoint(p);
  auto data = open_dataset_for(p, cp);
  install_interrupt_handler();
  const std::string path = text_option(p, "checkpoint");
  auto names = [&] {
    std::vector<std::string> n;
    for (int64_t d = 0; d < cp.model.latent_dim; ++d) n.push_back(cp.latent_name(d));
    return n;
  };
  EvaluationRecord record;
  record.model = model_record(cp.model, cp.step, names(), path);
  {
    ProgressLine progress("evaluate");
    const int64_t batch = integer_option(p, "batch-size");
    const auto result = evaluate_model(*cp.networks, *data, batch, [&](double f) {
      progress.update(static_cast<int64_t>(f * 1000), 1000);
      return !interrupted();
    });
    progress.finish();
    if (interrupted()) throw UsageError("cancelled");
    record.reconstruction = reconstruction_record(result, data->description(), batch);
  }
  const GroundTruthSource* truth = data->ground_truth();
  if (truth && !p.is_set("no-metrics")) {
    MetricSettings settings;
    settings.seed = unsigned_option(p, "metric-seed");
    settings.train_votes = integer_option(p, "train-votes");
    settings.eval_votes = integer_option(p, "eval-votes");
    settings.samples_per_vote = integer_option(p, "samples-per-vote");
    settings.mig_samples = integer_option(p, "mig-samples");
    if (const std::string problem = settings.problem(); !problem.empty()) throw UsageError(problem);
    // On the networks' device (--device); the codes come back to the CPU. Which dimensions are active: the one
    // definition, on this data.
    RepresentationFunction represent = [&](const torch::Tensor& x) { return encode(cp.networks->encoder, x).mu; };
    ProgressLine metric_progress("FactorVAE metric, MIG");
    record.metrics = disentanglement_record(*truth, represent, settings, record.reconstruction->kl_per_dimension,
                                            [&](double f) {
                                              metric_progress.update(static_cast<int64_t>(f * 1000), 1000);
                                              return !interrupted();
                                            });
    metric_progress.finish();
    if (p.is_set("save-names")) {
      for (int64_t d = 0; d < cp.model.latent_dim; ++d)
        if (cp.latent_names[d].empty()) cp.latent_names[d] = record.metrics->suggested_names[d];
      save_checkpoint(path, cp);
      record.model.latent_names = names();  // as saved
    }
  }
  std::fputs((p.is_set("json") ? to_json(record) : to_text(record)).c_str(), stdout);
  if (record.metrics && p.is_set("save-names") && !p.is_set("json"))
    std::printf("Saved the suggested names into %s\n", path.c_str());
  return 0;
}

}  // namespace fvae::cli
