#pragma once
// Disentanglement metrics as disentanglement_lib computes them by default: the FactorVAE metric (Kim & Mnih 2018)
// and the mutual information gap (Chen et al. 2018).

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

#include "model/analysis/evaluation_record.h"
#include "model/base/config.h"
#include "model/data/ground_truth.h"
#include "model/inference/evaluation.h"

namespace fvae {

// Maps a batch of observations [n, ...] to representations [n, D] (the encoder means, usually).
using RepresentationFunction = std::function<torch::Tensor(const torch::Tensor& observations)>;
// Called with the fraction done; returning false cancels (the metric then throws MetricCancelled).
using MetricProgress = std::function<bool(double fraction)>;

class MetricCancelled : public std::runtime_error {
 public:
  MetricCancelled() : std::runtime_error("metric computation cancelled") {}
};

// Representations (double, CPU) [n, D] of the images rendered for factor indices [n, K], `batch_size` at a time;
// `after_batch(done)` is called with the number represented so far (it may throw to stop).
torch::Tensor represent_factors(const GroundTruthSource& source, const RepresentationFunction& represent,
                                const torch::Tensor& factors, int64_t batch_size,
                                const std::function<void(int64_t)>& after_batch = {});

struct FactorVaeMetricOptions {
  uint64_t seed = 0;
  std::vector<bool> active;       // per dimension: false leaves it out of the votes (empty: all)
  int64_t samples_per_vote = MetricSettings{}.samples_per_vote;  // L
  int64_t train_votes = MetricSettings{}.train_votes;
  int64_t eval_votes = MetricSettings{}.eval_votes;
  int64_t variance_samples = 10000;
  double prune_std_below = 0.05;
  int64_t batch_size = 64;  // observations per representation call
};

struct FactorVaeMetricResult {
  double train_accuracy = 0, eval_accuracy = 0;  // eval_accuracy is the score
  int64_t active_dims = 0;
  std::vector<double> global_variance;      // per dimension
  std::vector<int64_t> dimension_factor;    // majority-vote factor per dimension, −1 when inactive or unvoted
  std::vector<std::vector<int64_t>> votes;  // [factor][dimension], training votes
};

FactorVaeMetricResult factor_vae_metric(const GroundTruthSource& source, const RepresentationFunction& represent,
                                        const FactorVaeMetricOptions& options = {},
                                        const MetricProgress& progress = {});

// Per factor, the share of its training votes that the majority-vote classifier gets right: the votes that land in a
// dimension whose majority is that factor. Their mean is the metric's training accuracy (when every factor has as
// many votes); the table shows which factors cost the score (entangled ones spread their votes).
std::vector<double> per_factor_accuracy(const FactorVaeMetricResult& result);

struct MigOptions {
  uint64_t seed = 0;
  int64_t samples = MetricSettings{}.mig_samples;
  int64_t bins = 20;
  int64_t batch_size = 64;
};

struct MigResult {
  double mig = 0;                                       // the score
  std::vector<double> gap_per_factor;                   // normalised gap per factor
  std::vector<double> factor_entropy;                   // nats
  std::vector<std::vector<double>> mutual_information;  // [dimension][factor], nats
  std::vector<int64_t> top_dimension;                   // per factor, the dimension with the largest MI
};

MigResult mutual_information_gap(const GroundTruthSource& source, const RepresentationFunction& represent,
                                 const MigOptions& options = {}, const MetricProgress& progress = {});

// Discrete mutual information (nats) between two label vectors of equal length, plug-in estimate.
double discrete_mutual_information(const std::vector<int64_t>& a, const std::vector<int64_t>& b);
// Equal-width binning of each column of x [n, D] into `bins` bins over its range: int64 [n, D] in [0, bins).
torch::Tensor histogram_discretize(const torch::Tensor& x, int64_t bins);

// Names suggested for latent dimensions from the metric's factor assignment ("" when nothing is captured). A factor
// names one dimension at most: of the dimensions whose majority it is, the one that won most of its votes (two
// dimensions named "y position" would say the model split y, not which one to drag).
std::vector<std::string> suggested_dimension_names(const FactorVaeMetricResult& result,
                                                   const std::vector<std::string>& factor_names);

// Both metrics with the factor each dimension captures, as the CLI and the GUI report them.
struct DisentanglementOptions {
  FactorVaeMetricOptions factor_vae;
  MigOptions mig;
  // Per dimension, its mean KL to the prior on the data (model/nn/activity.h): inactive dimensions cast no vote
  // and get no name. Empty: every dimension whose variance the metric does not prune.
  std::vector<double> mean_kl;
};

struct DisentanglementResult {
  FactorVaeMetricResult factor_vae;
  MigResult mig;
  std::vector<std::string> factor_names;
  // Per dimension: the factor it captures, or "" for inactive dimensions, which the vote classifier would otherwise
  // name by chance.
  std::vector<std::string> suggested_names;
};

// `progress` sees the overall fraction (the FactorVAE metric first, then MIG); returning false throws MetricCancelled.
DisentanglementResult measure_disentanglement(const GroundTruthSource& source, const RepresentationFunction& represent,
                                              const DisentanglementOptions& options = {},
                                              const MetricProgress& progress = {});

// The metrics under `settings` (MetricSettings::problem() must be empty), as the evaluation record keeps them;
// `mean_kl` per dimension decides which dimensions are active (the one definition, model/nn/activity.h).
DisentanglementRecord disentanglement_record(const GroundTruthSource& source, const RepresentationFunction& represent,
                                             const MetricSettings& settings, std::vector<double> mean_kl,
                                             const MetricProgress& progress = {});
// The record's other parts, from what the core computes.
ModelRecord model_record(const ModelConfig& model, int64_t step, const std::vector<std::string>& latent_names,
                         const std::string& checkpoint);
ReconstructionRecord reconstruction_record(const EvaluationResult& result, const std::string& dataset,
                                           int64_t batch_size);

}  // namespace fvae
