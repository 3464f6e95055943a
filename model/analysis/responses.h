#pragma once
// Latent responses: what each latent dimension encodes across the data, not just around one image.
// - Factor responses (data with ground-truth factors, e.g. shapes): for every factor and each of its values, the mean
//   and spread of μ over images with that value and the other factors random: the curves that the FactorVAE and
//   β-VAE papers plot per dimension and factor, optionally one curve per value of a grouping factor ("per shape").
// - Class responses (labelled data): per dimension, the distribution of μ in each class, and the share of μ's variance
//   that the classes explain, to rank the dimensions that separate classes.
// - A latent map: μ of up to N dataset images with their first two principal components and labels.
// All are seeded (the same seed gives the same images) and report progress; `progress` returning false throws
// MetricCancelled.

#include <torch/torch.h>

#include <string>
#include <vector>

#include "model/analysis/metrics.h"
#include "model/analysis/response_types.h"
#include "model/data/dataset.h"

namespace fvae {

struct FactorResponseOptions {
  uint64_t seed = 0;
  int64_t samples_per_value = 64;  // images per point of a curve (per group when grouping)
  int64_t group_by = -1;           // ≥ 0: also one curve per value of this factor (0 on shapes: per shape)
  int64_t batch_size = 256;
  std::vector<double> mean_kl;  // per dimension on the source's data (model/nn/activity.h); empty: unknown
};

FactorResponses factor_responses(const GroundTruthSource& source, const RepresentationFunction& represent,
                                 const FactorResponseOptions& options = {}, const MetricProgress& progress = {});

struct ClassResponseOptions {
  uint64_t seed = 0;
  int64_t max_images = 10000;  // a seeded random subset of the dataset when it is larger
  int64_t batch_size = 256;
};

// Throws DatasetError when the dataset has no labels. Single-label data uses its first label column.
ClassResponses class_responses(const Dataset& data, const RepresentationFunction& represent,
                               const ClassResponseOptions& options = {}, const MetricProgress& progress = {});

struct LatentMapOptions {
  uint64_t seed = 0;
  int64_t max_points = 10000;
  int64_t batch_size = 256;
};

LatentMap latent_map(const Dataset& data, const RepresentationFunction& represent, const LatentMapOptions& options = {},
                     const MetricProgress& progress = {});

// η² (the correlation ratio) of values x [n] grouped by integer labels [n]: between-group sum of squares over the total
// sum of squares; 0 when x is constant.
double correlation_ratio(const torch::Tensor& x, const torch::Tensor& groups);

// The first `count` principal components of the rows of x [n, D]: components [count, D] (unit rows, each with its
// largest entry positive), the mean [D] and the share of the total variance along each component [count].
struct PrincipalComponents {
  torch::Tensor components, mean, explained;
};
PrincipalComponents principal_components(const torch::Tensor& x, int64_t count);

}  // namespace fvae
