#pragma once
// Results of the latent responses (model/responses.h) in plain standard types, so that the GUI can hold and draw them
// without LibTorch headers.

#include <cstdint>
#include <string>
#include <vector>

#include "model/nn/activity.h"

namespace fvae {

// How μ of every dimension moves as one ground-truth factor sweeps its values, the other factors random.
struct ResponseCurve {
  std::string group;  // "" when pooled over the grouping factor, else the name of its value ("heart")
  std::vector<std::vector<double>> mean, stddev;  // [dimension][value of the swept factor]
};

struct FactorResponses {
  std::vector<std::string> factor_names;
  std::vector<int64_t> factor_sizes;
  std::vector<std::vector<std::string>> value_names;  // [factor][value]: "0.5", "heart", "90°"…
  int64_t latent_dim = 0;
  int64_t samples_per_value = 0;  // images behind each point of each curve
  int64_t group_by = -1;          // the factor with one curve per value, −1 for none
  uint64_t seed = 0;
  // [factor]: the pooled curve first, then (for factors other than `group_by`) one per value of `group_by`.
  std::vector<std::vector<ResponseCurve>> curves;
  // [dimension][factor]: η², the share of μ's variance over the sweep that the swept factor's value explains
  // (between-value variance over total variance); 1 for a dimension that is a function of that factor alone.
  std::vector<std::vector<double>> explained;
  // [dimension]: Var[μ] over all the images of the sweeps.
  std::vector<double> variance;
  // [dimension]: the mean KL to the prior on the data (given by the caller; empty when unknown). An inactive dimension
  // (model/nn/activity.h) has no η² worth showing: it measures noise, not an encoded factor.
  std::vector<double> mean_kl;
  bool active(int64_t dimension) const {
    return mean_kl.empty() || is_active(mean_kl.at(static_cast<size_t>(dimension)));
  }
};

// The distribution of μ of one dimension over the images of one class.
struct ClassStatistics {
  int64_t count = 0;
  double mean = 0, stddev = 0;
  double q05 = 0, q25 = 0, median = 0, q75 = 0, q95 = 0;  // quantiles (linear interpolation)
};

struct ClassResponses {
  std::vector<std::string> class_names;
  bool multi_label = false;  // the classes are findings an image may have several of (and "no finding")
  int64_t images = 0;        // images encoded
  uint64_t seed = 0;
  std::vector<std::vector<ClassStatistics>> stats;  // [dimension][class]
  // [dimension]: η², the share of μ's variance that class membership explains (multi-label: the mean over findings of
  // the finding-versus-rest η²). High for dimensions that separate classes.
  std::vector<double> separation;
  std::vector<int64_t> ranking;  // dimensions by separation, highest first
};

// Codes of dataset images for a scatter plot: μ, its first two principal components, and the images' labels.
struct LatentMap {
  std::vector<int64_t> indices;                 // dataset index of each point
  std::vector<std::vector<float>> mu;           // [point][dimension]
  std::vector<std::vector<float>> pca;          // [point][2]: coordinates on the first two principal components
  std::vector<double> explained_variance;       // share of the total variance of μ on each of the two components
  std::vector<std::vector<int64_t>> labels;     // [point][label column], empty when the dataset has none
  std::vector<std::string> label_column_names;  // per column ("class", "shape", "scale"…, or findings)
  std::vector<std::vector<std::string>> label_value_names;  // [column][value]
};

// The results as CSV tables (one row per point; names quoted where needed), in model/response_tables.cpp.
// `latent_names` may be shorter than the number of dimensions or hold empty names.
std::string factor_responses_csv(const FactorResponses& responses, const std::vector<std::string>& latent_names);
std::string class_responses_csv(const ClassResponses& responses, const std::vector<std::string>& latent_names);

}  // namespace fvae
