// factorvae evaluate: reconstruction error, KL per dimension, active dimensions and, on shapes, the disentanglement
// metrics (FactorVAE metric and MIG).
#include <torch/torch.h>

#include <cstdio>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/analysis/metrics.h"
#include "model/base/json.h"
#include "model/data/shapes.h"
#include "model/inference/evaluation.h"
#include "model/inference/inference.h"

namespace fvae::cli {

int evaluate_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, true);
  add_device_option(p);
  p.add_options({{"checkpoint", "trained model (.fvae)", "file"},
                 {"batch-size", "images per evaluation batch (default 256)", "n", "256"},
                 {"no-metrics", "skip the disentanglement metrics (computed by default on shapes)"},
                 {"train-votes", "FactorVAE metric: training votes (default 10000)", "n", "10000"},
                 {"eval-votes", "FactorVAE metric: evaluation votes (default 5000)", "n", "5000"},
                 {"samples-per-vote", "FactorVAE metric: samples per vote, L (default 64)", "n", "64"},
                 {"mig-samples", "MIG: samples (default 10000)", "n", "10000"},
                 {"metric-seed", "seed of the metrics (default 0)", "n", "0"},
                 {"save-names", "store the metric's suggested names for unnamed latent dimensions in the checkpoint"},
                 {"json", "the report as one JSON document on stdout, with the settings the metrics ran under"}});
  parse_or_exit(
      p, arguments,
      "Evaluates a trained model on a dataset split: reconstruction error (Bernoulli NLL in nats per image "
      "and MSE per pixel, z = mu), KL per latent dimension and active dimensions (mean KL at least 0.1 nats). On the "
      "built-in shapes dataset also the FactorVAE metric and MIG as disentanglement_lib computes them.");
  auto cp = open_checkpoint(p);
  auto data = open_dataset_reporting_skips(dataset_request(p, &cp));
  if (data->shape().channels != cp.model.channels || data->shape().height != cp.model.image_size)
    throw UsageError(data->description() + " does not match the model (" + cp.model.describe() + ")");
  install_interrupt_handler();
  ProgressLine progress("evaluate");
  auto result = evaluate_model(*cp.networks, *data, integer_option(p, "batch-size"), [&](double f) {
    progress.update(static_cast<int64_t>(f * 1000), 1000);
    return !interrupted();
  });
  progress.finish();
  if (interrupted()) throw UsageError("cancelled");
  double kl_total = 0;
  for (double k : result.kl_per_dim) kl_total += k;
  const bool json = p.is_set("json");
  JsonValue report = JsonValue::object();
  auto model_json = [&] {
    JsonValue model = JsonValue::object();
    model.set("checkpoint", JsonValue::string(text_option(p, "checkpoint")));
    model.set("description", JsonValue::string(cp.model.describe()));
    model.set("architecture", JsonValue::string(to_string(cp.model.architecture)));
    model.set("channels", JsonValue::integer(cp.model.channels));
    model.set("image_size", JsonValue::integer(cp.model.image_size));
    model.set("latent_dim", JsonValue::integer(cp.model.latent_dim));
    model.set("step", JsonValue::integer(cp.step));
    JsonValue names = JsonValue::array();
    for (int64_t d = 0; d < cp.model.latent_dim; ++d) names.push(JsonValue::string(cp.latent_name(d)));
    model.set("latent_names", names);
    return model;
  };
  if (json) {
    report.set("model", model_json());
    JsonValue dataset = JsonValue::object();
    dataset.set("description", JsonValue::string(data->description()));
    dataset.set("images", JsonValue::integer(result.images));
    dataset.set("batch_size", JsonValue::integer(integer_option(p, "batch-size")));
    report.set("dataset", dataset);
    JsonValue reconstruction = JsonValue::object();
    reconstruction.set("bce_nats_per_image", JsonValue::number(result.bce_nats_per_image));
    reconstruction.set("mse_per_pixel", JsonValue::number(result.mse_per_pixel));
    report.set("reconstruction", reconstruction);
    report.set("kl_total", JsonValue::number(kl_total));
    JsonValue kl = JsonValue::array(), variance = JsonValue::array();
    for (double v : result.kl_per_dim) kl.push(JsonValue::number(v));
    for (double v : result.mu_variance) variance.push(JsonValue::number(v));
    report.set("kl_per_dimension", kl);
    report.set("mu_variance", variance);
    report.set("active_dimensions", JsonValue::integer(result.active_dims));
  } else {
    std::printf("model: %s\ndataset: %s\nimages: %lld\n", cp.model.describe().c_str(), data->description().c_str(),
                static_cast<long long>(result.images));
    std::printf("reconstruction_bce_nats_per_image: %.4f\nreconstruction_mse_per_pixel: %.6f\n",
                result.bce_nats_per_image, result.mse_per_pixel);
    std::printf("kl_total: %.4f\nactive_dimensions: %lld of %lld\n", kl_total,
                static_cast<long long>(result.active_dims), static_cast<long long>(cp.model.latent_dim));
    std::printf("%-4s %-18s %10s %10s\n", "dim", "name", "KL", "Var[mu]");
    for (int64_t d = 0; d < cp.model.latent_dim; ++d)
      std::printf("%-4lld %-18s %10.4f %10.4f\n", static_cast<long long>(d), cp.latent_name(d).c_str(),
                  result.kl_per_dim[d], result.mu_variance[d]);
  }

  const bool metrics = data->kind() == "shapes" && !p.is_set("no-metrics");
  if (metrics) {
    ShapesDataset shapes(cp.model.image_size, "all");
    // On the networks' device (--device); the codes come back to the CPU.
    RepresentationFunction represent = [&](const torch::Tensor& x) { return encode(cp.networks->encoder, x).mu; };
    DisentanglementOptions options;
    auto& fo = options.factor_vae;
    fo.seed = unsigned_option(p, "metric-seed");
    fo.train_votes = integer_option(p, "train-votes");
    fo.eval_votes = integer_option(p, "eval-votes");
    fo.samples_per_vote = integer_option(p, "samples-per-vote");
    if (fo.train_votes < 1 || fo.eval_votes < 1 || fo.samples_per_vote < 2)
      throw UsageError("vote counts must be positive and --samples-per-vote at least 2");
    options.mig.seed = fo.seed;
    options.mig.samples = integer_option(p, "mig-samples");
    options.mean_kl = result.kl_per_dim;  // which dimensions are active: the one definition, on this data
    ProgressLine metric_progress("FactorVAE metric, MIG");
    auto measured = measure_disentanglement(shapes, represent, options, [&](double f) {
      metric_progress.update(static_cast<int64_t>(f * 1000), 1000);
      return !interrupted();
    });
    metric_progress.finish();
    const auto& fv = measured.factor_vae;
    const auto& mig = measured.mig;
    const auto& factor_names = measured.factor_names;
    const auto accuracy = per_factor_accuracy(fv);
    const auto& suggested = measured.suggested_names;
    if (json) {
      JsonValue m = JsonValue::object();
      JsonValue settings = JsonValue::object();
      settings.set("train_votes", JsonValue::integer(fo.train_votes));
      settings.set("eval_votes", JsonValue::integer(fo.eval_votes));
      settings.set("samples_per_vote", JsonValue::integer(fo.samples_per_vote));
      settings.set("mig_samples", JsonValue::integer(options.mig.samples));
      settings.set("seed", JsonValue::string(std::to_string(fo.seed)));
      m.set("settings", settings);
      m.set("factorvae_metric", JsonValue::number(fv.eval_accuracy));
      m.set("factorvae_metric_train_accuracy", JsonValue::number(fv.train_accuracy));
      m.set("factorvae_active_dimensions", JsonValue::integer(fv.active_dims));
      m.set("mig", JsonValue::number(mig.mig));
      JsonValue factors = JsonValue::array();
      for (size_t k = 0; k < factor_names.size(); ++k) {
        JsonValue f = JsonValue::object();
        f.set("name", JsonValue::string(factor_names[k]));
        f.set("accuracy", JsonValue::number(accuracy[k]));
        f.set("mig", JsonValue::number(mig.gap_per_factor[k]));
        f.set("top_dimension", JsonValue::integer(mig.top_dimension[k]));
        JsonValue votes = JsonValue::array(), mi = JsonValue::array();
        for (int64_t n : fv.votes[k]) votes.push(JsonValue::integer(n));
        for (const auto& per_dimension : mig.mutual_information) mi.push(JsonValue::number(per_dimension[k]));
        f.set("votes_per_dimension", votes);
        f.set("mutual_information_per_dimension", mi);
        factors.push(f);
      }
      m.set("factors", factors);
      JsonValue names = JsonValue::array();
      for (const auto& n : suggested) names.push(JsonValue::string(n));
      m.set("suggested_names", names);
      report.set("metrics", m);
    } else {
      std::printf("factorvae_metric: %.4f\nfactorvae_metric_train_accuracy: %.4f\nfactorvae_active_dims: %lld\n",
                  fv.eval_accuracy, fv.train_accuracy, static_cast<long long>(fv.active_dims));
      std::printf("mig: %.4f\n", mig.mig);
      // Keys without spaces ("mig_x_position:"), as the rows read.
      auto row_key = [](const std::string& prefix, std::string factor) {
        for (char& c : factor)
          if (c == ' ') c = '_';
        return prefix + factor + ":";
      };
      for (size_t k = 0; k < factor_names.size(); ++k)
        std::printf("%s %.4f\n", row_key("accuracy_", factor_names[k]).c_str(), accuracy[k]);
      for (size_t k = 0; k < factor_names.size(); ++k)
        std::printf("%s %.4f (top dimension %lld)\n", row_key("mig_", factor_names[k]).c_str(), mig.gap_per_factor[k],
                    static_cast<long long>(mig.top_dimension[k]));
      for (int64_t d = 0; d < cp.model.latent_dim; ++d)
        std::printf("dimension %lld captures: %s\n", static_cast<long long>(d),
                    suggested[d].empty() ? "(nothing)" : suggested[d].c_str());
      // Where each factor's votes went and what each dimension knows of each factor: the tables behind the scores.
      auto table_header = [&](const char* title) {
        std::printf("%-24s", title);
        for (int64_t d = 0; d < cp.model.latent_dim; ++d) std::printf(" %7s", ("z" + std::to_string(d)).c_str());
        std::printf("\n");
      };
      table_header("votes per dimension:");
      for (size_t k = 0; k < factor_names.size(); ++k) {
        std::printf("%-24s", row_key("votes_", factor_names[k]).c_str());
        for (int64_t n : fv.votes[k]) std::printf(" %7lld", static_cast<long long>(n));
        std::printf("\n");
      }
      table_header("MI per dimension, nats:");
      for (size_t k = 0; k < factor_names.size(); ++k) {
        std::printf("%-24s", row_key("mi_", factor_names[k]).c_str());
        for (const auto& per_factor : mig.mutual_information) std::printf(" %7.3f", per_factor[k]);
        std::printf("\n");
      }
    }
    if (p.is_set("save-names")) {
      for (int64_t d = 0; d < cp.model.latent_dim; ++d)
        if (cp.latent_names[d].empty()) cp.latent_names[d] = suggested[d];
      save_checkpoint(text_option(p, "checkpoint"), cp);
      if (json) report.set("model", model_json());  // with the names as saved
      if (!json) std::printf("Saved the suggested names into %s\n", text_option(p, "checkpoint").c_str());
    }
  }
  if (json) std::printf("%s\n", write_json(report).c_str());
  return 0;
}

}  // namespace fvae::cli
