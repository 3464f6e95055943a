#pragma once
// Unsupervised Disentanglement Ranking (Duan et al., ICLR 2020, "Unsupervised model selection for variational
// disentangled representation learning"): choosing between runs without labels. Runs that disentangle agree with each
// other up to permutation and sign of their dimensions; entangled runs each mix the factors their own way. For every
// pair of runs, the |Spearman| correlations between their active dimensions on the same images give a similarity
// matrix; its relative strength (each row's and column's largest entry squared over its sum, averaged) is the pair's
// score; a run's UDR is the median of its pairs' scores. As disentanglement_lib's reference computes it
// (evaluation/udr/metrics/udr.py): representations standardised, dimensions with a mean KL ≤ 0.01 nats left out.

#include <torch/torch.h>

#include <vector>

#include "model/nn/networks.h"

namespace fvae {

// Average ranks (1 … N, ties sharing their mean rank) of each column of `values` [N, D], as float64.
torch::Tensor column_ranks(const torch::Tensor& values);

// |Spearman correlation| between every column of `a` [N, Da] and every column of `b` [N, Db]: [Da, Db], float64.
// A constant column correlates 0 with everything.
torch::Tensor spearman_similarity(const torch::Tensor& a, const torch::Tensor& b);

// The relative strength of a similarity matrix [Da, Db] of non-negative entries: the mean over columns of
// max² / sum, and the same over rows, averaged. 1 for a (scaled) permutation matrix; 1/k for k equal entries per
// row and column. Rows or columns summing to 0 count 0; an empty matrix scores 0.
double relative_strength(const torch::Tensor& similarity);

struct UdrRun {
  torch::Tensor mu;          // [N, D]: the run's posterior means on the shared images
  torch::Tensor kl_per_dim;  // [D]: its mean KL per dimension on them (nats)
};

struct UdrResult {
  std::vector<double> scores;                 // per run: the median of its pairwise scores
  std::vector<std::vector<double>> pairwise;  // [run][run] (0 on the diagonal)
  std::vector<int> active_dims;               // per run: dimensions with mean KL > the threshold
};

// A run's representation of `images` [N, C, H, W]: μ and the mean KL per dimension, encoded in batches in eval mode.
UdrRun encode_for_udr(Encoder& encoder, const torch::Tensor& images, int64_t batch_size = 500);

// UDR_S of two or more runs on the same images. Throws std::invalid_argument for fewer than two runs or runs whose
// representations do not share the images.
UdrResult unsupervised_disentanglement_ranking(const std::vector<UdrRun>& runs, double kl_threshold = 0.01);

}  // namespace fvae
