#pragma once
// One evaluation of a model, the one record every front end fills and writes: which model and step, on which data,
// its reconstruction error and KL per dimension, and on a dataset with ground truth the disentanglement metrics with
// the settings they ran under (results as records, as disentanglement_lib keeps them). `factorvae evaluate` prints it
// (text or --json), the GUI's Metrics tab shows and saves it, the quality scripts read its JSON. Plain types only:
// the GUI's widgets see it without LibTorch.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fvae {

// The metrics' settings; the defaults are disentanglement_lib's, here once.
struct MetricSettings {
  int64_t train_votes = 10000;
  int64_t eval_votes = 5000;
  int64_t samples_per_vote = 64;  // L
  int64_t mig_samples = 10000;
  uint64_t seed = 0;
  // A message naming the setting that cannot work ("" when all can).
  std::string problem() const;
};

struct ModelRecord {
  std::string checkpoint;   // the file, as given
  std::string description;  // "lean 1x32x32, latent 8"
  std::string architecture;
  int64_t channels = 0, image_size = 0, latent_dim = 0, step = 0;
  std::vector<std::string> latent_names;  // "" where unnamed
};

struct ReconstructionRecord {
  std::string dataset;  // its description
  int64_t images = 0, batch_size = 0;
  double bce_nats_per_image = 0, mse_per_pixel = 0;
  std::vector<double> kl_per_dimension, mu_variance;
  int64_t active_dimensions = 0;
  double kl_total() const;
};

struct FactorRecord {
  std::string name;
  double accuracy = 0;       // the share of its training votes the majority-vote classifier gets right
  double mig = 0;            // its normalised gap
  int64_t top_dimension = 0;  // the dimension with the most mutual information
  std::vector<int64_t> votes_per_dimension;
  std::vector<double> mutual_information_per_dimension;  // nats
};

struct DisentanglementRecord {
  MetricSettings settings;
  double factorvae_metric = 0, factorvae_train_accuracy = 0, mig = 0;
  int64_t active_dimensions = 0;
  std::vector<FactorRecord> factors;
  std::vector<std::string> suggested_names;  // per dimension: the factor it captures, "" for none
  std::vector<double> mu_variance;           // per dimension, Var[μ] over the metric's samples
  std::vector<double> mean_kl;               // per dimension, the mean KL that decides whether it is active
};

struct EvaluationRecord {
  ModelRecord model;
  std::optional<ReconstructionRecord> reconstruction;
  std::optional<DisentanglementRecord> metrics;
};

// The record as one JSON document (evaluate --json; the keys the quality scripts read) and as text (evaluate's
// "key: value" lines and tables). Numbers in the C locale whatever the user's.
std::string to_json(const EvaluationRecord& record);
std::string to_text(const EvaluationRecord& record);

}  // namespace fvae
