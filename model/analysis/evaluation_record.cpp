#include "model/analysis/evaluation_record.h"

#include "model/base/json.h"
#include "model/base/numbers.h"

namespace fvae {

std::string MetricSettings::problem() const {
  if (train_votes < 1) return "the training votes must number at least 1";
  if (eval_votes < 1) return "the evaluation votes must number at least 1";
  if (samples_per_vote < 2) return "each vote needs at least 2 samples";
  if (mig_samples < 2) return "MIG needs at least 2 samples";
  return "";
}

double ReconstructionRecord::kl_total() const {
  double total = 0;
  for (double k : kl_per_dimension) total += k;
  return total;
}

namespace {

template <typename T, typename F>
JsonValue array_of(const std::vector<T>& values, F make) {
  JsonValue out = JsonValue::array();
  for (const T& v : values) out.push(make(v));
  return out;
}

JsonValue numbers(const std::vector<double>& values) { return array_of(values, JsonValue::number); }

JsonValue model_json(const ModelRecord& m) {
  JsonValue model = JsonValue::object();
  model.set("checkpoint", JsonValue::string(m.checkpoint));
  model.set("description", JsonValue::string(m.description));
  model.set("architecture", JsonValue::string(m.architecture));
  model.set("channels", JsonValue::integer(m.channels));
  model.set("image_size", JsonValue::integer(m.image_size));
  model.set("latent_dim", JsonValue::integer(m.latent_dim));
  model.set("step", JsonValue::integer(m.step));
  model.set("latent_names", array_of(m.latent_names, JsonValue::string));
  return model;
}

JsonValue metrics_json(const DisentanglementRecord& r) {
  JsonValue m = JsonValue::object();
  JsonValue settings = JsonValue::object();
  settings.set("train_votes", JsonValue::integer(r.settings.train_votes));
  settings.set("eval_votes", JsonValue::integer(r.settings.eval_votes));
  settings.set("samples_per_vote", JsonValue::integer(r.settings.samples_per_vote));
  settings.set("mig_samples", JsonValue::integer(r.settings.mig_samples));
  settings.set("seed", JsonValue::string(std::to_string(r.settings.seed)));  // 64 bits: JSON numbers hold 53
  m.set("settings", settings);
  m.set("factorvae_metric", JsonValue::number(r.factorvae_metric));
  m.set("factorvae_metric_train_accuracy", JsonValue::number(r.factorvae_train_accuracy));
  m.set("factorvae_active_dimensions", JsonValue::integer(r.active_dimensions));
  m.set("mig", JsonValue::number(r.mig));
  JsonValue factors = JsonValue::array();
  for (const FactorRecord& f : r.factors) {
    JsonValue factor = JsonValue::object();
    factor.set("name", JsonValue::string(f.name));
    factor.set("accuracy", JsonValue::number(f.accuracy));
    factor.set("mig", JsonValue::number(f.mig));
    factor.set("top_dimension", JsonValue::integer(f.top_dimension));
    factor.set("votes_per_dimension", array_of(f.votes_per_dimension, JsonValue::integer));
    factor.set("mutual_information_per_dimension", numbers(f.mutual_information_per_dimension));
    factors.push(factor);
  }
  m.set("factors", factors);
  m.set("suggested_names", array_of(r.suggested_names, JsonValue::string));
  m.set("mu_variance", numbers(r.mu_variance));
  m.set("mean_kl", numbers(r.mean_kl));
  return m;
}

std::string fixed(double value, int digits) { return format_fixed(value, digits); }

// Factor names as keys without spaces ("mig_x_position:"), as the text's rows read.
std::string row_key(const std::string& prefix, std::string factor) {
  for (char& c : factor)
    if (c == ' ') c = '_';
  return prefix + factor + ":";
}

std::string padded(std::string text, size_t width, bool right = false) {
  if (text.size() < width) text.insert(right ? 0 : text.size(), width - text.size(), ' ');
  return text;
}

}  // namespace

std::string to_json(const EvaluationRecord& record) {
  JsonValue report = JsonValue::object();
  report.set("model", model_json(record.model));
  if (const auto& r = record.reconstruction) {
    JsonValue dataset = JsonValue::object();
    dataset.set("description", JsonValue::string(r->dataset));
    dataset.set("images", JsonValue::integer(r->images));
    dataset.set("batch_size", JsonValue::integer(r->batch_size));
    report.set("dataset", dataset);
    JsonValue reconstruction = JsonValue::object();
    reconstruction.set("bce_nats_per_image", JsonValue::number(r->bce_nats_per_image));
    reconstruction.set("mse_per_pixel", JsonValue::number(r->mse_per_pixel));
    report.set("reconstruction", reconstruction);
    report.set("kl_total", JsonValue::number(r->kl_total()));
    report.set("kl_per_dimension", numbers(r->kl_per_dimension));
    report.set("mu_variance", numbers(r->mu_variance));
    report.set("active_dimensions", JsonValue::integer(r->active_dimensions));
  }
  if (record.metrics) report.set("metrics", metrics_json(*record.metrics));
  return write_json(report) + "\n";
}

std::string to_text(const EvaluationRecord& record) {
  const ModelRecord& m = record.model;
  std::string out = "model: " + m.description + "\n";
  if (m.step > 0) out += "step: " + std::to_string(m.step) + "\n";
  auto name = [&](int64_t d) {
    const auto& names = m.latent_names;
    return d < static_cast<int64_t>(names.size()) && !names[d].empty() ? names[d] : "z" + std::to_string(d);
  };
  if (const auto& r = record.reconstruction) {
    out += "dataset: " + r->dataset + "\nimages: " + std::to_string(r->images) + "\n";
    out += "reconstruction_bce_nats_per_image: " + fixed(r->bce_nats_per_image, 4) + "\n";
    out += "reconstruction_mse_per_pixel: " + fixed(r->mse_per_pixel, 6) + "\n";
    out += "kl_total: " + fixed(r->kl_total(), 4) + "\n";
    out += "active_dimensions: " + std::to_string(r->active_dimensions) + " of " + std::to_string(m.latent_dim) + "\n";
    out += padded("dim", 4) + " " + padded("name", 18) + " " + padded("KL", 10, true) + " " +
           padded("Var[mu]", 10, true) + "\n";
    for (int64_t d = 0; d < static_cast<int64_t>(r->kl_per_dimension.size()); ++d)
      out += padded(std::to_string(d), 4) + " " + padded(name(d), 18) + " " +
             padded(fixed(r->kl_per_dimension[d], 4), 10, true) + " " +
             padded(fixed(r->mu_variance.at(static_cast<size_t>(d)), 4), 10, true) + "\n";
  }
  if (const auto& r = record.metrics) {
    out += "factorvae_metric: " + fixed(r->factorvae_metric, 4) + "\n";
    out += "factorvae_metric_train_accuracy: " + fixed(r->factorvae_train_accuracy, 4) + "\n";
    out += "factorvae_active_dims: " + std::to_string(r->active_dimensions) + "\n";
    out += "mig: " + fixed(r->mig, 4) + "\n";
    for (const FactorRecord& f : r->factors) out += row_key("accuracy_", f.name) + " " + fixed(f.accuracy, 4) + "\n";
    for (const FactorRecord& f : r->factors)
      out += row_key("mig_", f.name) + " " + fixed(f.mig, 4) + " (top dimension " + std::to_string(f.top_dimension) +
             ")\n";
    for (size_t d = 0; d < r->suggested_names.size(); ++d)
      out += "dimension " + std::to_string(d) + " captures: " +
             (r->suggested_names[d].empty() ? std::string("(nothing)") : r->suggested_names[d]) + "\n";
    // Where each factor's votes went and what each dimension knows of each factor: the tables behind the scores.
    const size_t dims = r->suggested_names.size();
    auto header = [&](const std::string& title) {
      std::string line = padded(title, 24);
      for (size_t d = 0; d < dims; ++d) line += " " + padded("z" + std::to_string(d), 7, true);
      return line + "\n";
    };
    out += header("votes per dimension:");
    for (const FactorRecord& f : r->factors) {
      out += padded(row_key("votes_", f.name), 24);
      for (int64_t n : f.votes_per_dimension) out += " " + padded(std::to_string(n), 7, true);
      out += "\n";
    }
    out += header("MI per dimension, nats:");
    for (const FactorRecord& f : r->factors) {
      out += padded(row_key("mi_", f.name), 24);
      for (double v : f.mutual_information_per_dimension) out += " " + padded(fixed(v, 3), 7, true);
      out += "\n";
    }
  }
  return out;
}

}  // namespace fvae
