#include "model/analysis/udr.h"

#include <algorithm>
#include <stdexcept>

#include "model/inference/inference.h"

namespace fvae {

torch::Tensor column_ranks(const torch::Tensor& values) {
  TORCH_CHECK(values.dim() == 2, "column_ranks expects [N, D], got ", values.sizes());
  const auto v = values.to(torch::kDouble).contiguous();
  const int64_t n = v.size(0), d = v.size(1);
  auto ranks = torch::empty({n, d}, torch::kDouble);
  auto r = ranks.accessor<double, 2>();
  const auto a = v.accessor<double, 2>();
  std::vector<int64_t> order(static_cast<size_t>(n));
  for (int64_t j = 0; j < d; ++j) {
    for (int64_t i = 0; i < n; ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](int64_t x, int64_t y) { return a[x][j] < a[y][j]; });
    for (int64_t start = 0; start < n;) {
      int64_t end = start + 1;
      while (end < n && a[order[end]][j] == a[order[start]][j]) ++end;
      const double mean_rank = 0.5 * static_cast<double>(start + 1 + end);  // ranks start+1 … end
      for (int64_t k = start; k < end; ++k) r[order[k]][j] = mean_rank;
      start = end;
    }
  }
  return ranks;
}

torch::Tensor spearman_similarity(const torch::Tensor& a, const torch::Tensor& b) {
  TORCH_CHECK(a.dim() == 2 && b.dim() == 2 && a.size(0) == b.size(0),
              "spearman_similarity expects [N, Da] and [N, Db]");
  // Pearson correlation of the ranks; a constant column has zero deviation and gets correlation 0.
  auto standardise = [](const torch::Tensor& ranks) {
    auto centred = ranks - ranks.mean(0, true);
    auto norm = centred.pow(2).sum(0, true).sqrt();
    return torch::where(norm > 0, centred / norm.clamp_min(1e-300), torch::zeros_like(centred));
  };
  return standardise(column_ranks(a)).t().mm(standardise(column_ranks(b))).abs();
}

double relative_strength(const torch::Tensor& similarity) {
  TORCH_CHECK(similarity.dim() == 2, "relative_strength expects a matrix");
  if (similarity.numel() == 0) return 0;
  const auto s = similarity.to(torch::kDouble);
  auto strength = [](const torch::Tensor& max, const torch::Tensor& sum) {
    auto ratio = torch::where(sum > 0, max.pow(2) / sum.clamp_min(1e-300), torch::zeros_like(sum));
    return ratio.mean().item<double>();
  };
  const double columns = strength(std::get<0>(s.max(0)), s.sum(0));
  const double rows = strength(std::get<0>(s.max(1)), s.sum(1));
  return 0.5 * (columns + rows);
}

UdrRun encode_for_udr(Encoder& encoder, const torch::Tensor& images, int64_t batch_size) {
  const int64_t n = images.size(0);
  std::vector<torch::Tensor> mus;
  auto kl_sum = torch::Tensor();
  for (int64_t start = 0; start < n; start += batch_size) {
    const auto posterior = encode(encoder, images.slice(0, start, std::min(n, start + batch_size)));
    mus.push_back(posterior.mu);
    auto kl = (0.5 * (posterior.mu.pow(2) + posterior.logvar.exp() - 1 - posterior.logvar)).sum(0);
    kl_sum = kl_sum.defined() ? kl_sum + kl : kl;
  }
  return {torch::cat(mus), kl_sum / static_cast<double>(std::max<int64_t>(1, n))};
}

UdrResult unsupervised_disentanglement_ranking(const std::vector<UdrRun>& runs, double kl_threshold) {
  if (runs.size() < 2) throw std::invalid_argument("UDR compares runs with each other: it needs at least two");
  const int64_t n = runs[0].mu.size(0);
  std::vector<torch::Tensor> active;  // each run's standardised μ of its active dimensions
  UdrResult result;
  for (const auto& run : runs) {
    if (run.mu.dim() != 2 || run.mu.size(0) != n || run.kl_per_dim.numel() != run.mu.size(1))
      throw std::invalid_argument("UDR needs every run's representation of the same images, with KL per dimension");
    const auto mask = run.kl_per_dim.to(torch::kDouble) > kl_threshold;
    const auto index = mask.nonzero().flatten();
    active.push_back(run.mu.to(torch::kDouble).index_select(1, index));
    result.active_dims.push_back(static_cast<int>(index.numel()));
  }
  const size_t m = runs.size();
  result.pairwise.assign(m, std::vector<double>(m, 0.0));
  for (size_t i = 0; i < m; ++i)
    for (size_t j = i + 1; j < m; ++j) {
      // Spearman's |ρ| is symmetric, and so is relative strength: one matrix per pair.
      const double score = relative_strength(spearman_similarity(active[i], active[j]));
      result.pairwise[i][j] = result.pairwise[j][i] = score;
    }
  for (size_t i = 0; i < m; ++i) {
    std::vector<double> others;
    for (size_t j = 0; j < m; ++j)
      if (j != i) others.push_back(result.pairwise[i][j]);
    std::sort(others.begin(), others.end());
    const size_t k = others.size();
    result.scores.push_back(k % 2 ? others[k / 2] : 0.5 * (others[k / 2 - 1] + others[k / 2]));
  }
  return result;
}

}  // namespace fvae
