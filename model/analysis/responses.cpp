#include "model/analysis/responses.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace fvae {

namespace {

void report(const MetricProgress& progress, double fraction) {
  if (progress && !progress(fraction)) throw MetricCancelled();
}

std::vector<double> to_vector(const torch::Tensor& t) {
  auto c = t.to(torch::kDouble).contiguous();
  return {c.data_ptr<double>(), c.data_ptr<double>() + c.numel()};
}

// μ [n, D] (double, CPU) of dataset images, `batch_size` at a time, with progress over [from, to].
torch::Tensor represent_images(const Dataset& data, const RepresentationFunction& represent,
                               const torch::Tensor& indices, int64_t batch_size, const MetricProgress& progress,
                               double from, double to) {
  std::vector<torch::Tensor> parts;
  const int64_t n = indices.size(0);
  for (int64_t start = 0; start < n; start += batch_size) {
    auto chunk = indices.narrow(0, start, std::min(batch_size, n - start));
    parts.push_back(represent(data.images(chunk)).to(torch::kCPU, torch::kDouble));
    report(progress, from + (to - from) * static_cast<double>(start + chunk.size(0)) / static_cast<double>(n));
  }
  return torch::cat(parts, 0);
}

// η² of curves given as per-value means and population variances with equal counts per value:
// between = Var_v(mean), within = E_v[var]; η² = between / (between + within).
double eta_squared_of_curve(const torch::Tensor& means, const torch::Tensor& variances) {
  const double between = means.var(0, /*unbiased=*/false).item<double>();
  const double within = variances.mean().item<double>();
  return between + within > 0 ? between / (between + within) : 0.0;
}

ClassStatistics statistics_of(const torch::Tensor& values) {
  ClassStatistics s;
  s.count = values.numel();
  if (s.count == 0) return s;
  s.mean = values.mean().item<double>();
  s.stddev = s.count > 1 ? values.std(/*unbiased=*/true).item<double>() : 0.0;
  auto q = torch::quantile(values, torch::tensor({0.05, 0.25, 0.5, 0.75, 0.95}, torch::kDouble));
  auto qa = q.accessor<double, 1>();
  s.q05 = qa[0], s.q25 = qa[1], s.median = qa[2], s.q75 = qa[3], s.q95 = qa[4];
  return s;
}

}  // namespace

double correlation_ratio(const torch::Tensor& x, const torch::Tensor& groups) {
  auto values = x.to(torch::kDouble).flatten();
  auto labels = groups.to(torch::kLong).flatten();
  TORCH_CHECK(values.numel() == labels.numel() && values.numel() > 0, "correlation_ratio: x and groups differ");
  TORCH_CHECK(labels.min().item<int64_t>() >= 0, "correlation_ratio: negative group");
  const double mean = values.mean().item<double>();
  const double total = (values - mean).pow(2).sum().item<double>();
  if (total <= 0) return 0.0;
  auto counts = torch::bincount(labels).to(torch::kDouble);
  auto sums = torch::bincount(labels, values);
  auto present = counts > 0;
  auto group_means = sums.index({present}) / counts.index({present});
  const double between = (counts.index({present}) * (group_means - mean).pow(2)).sum().item<double>();
  return std::clamp(between / total, 0.0, 1.0);
}

PrincipalComponents principal_components(const torch::Tensor& x, int64_t count) {
  TORCH_CHECK(x.dim() == 2 && x.size(0) > 1, "principal_components wants [n > 1, D]");
  auto data = x.to(torch::kDouble);
  const int64_t D = data.size(1);
  PrincipalComponents pc;
  pc.mean = data.mean(0);
  auto centred = data - pc.mean;
  auto covariance = centred.t().mm(centred) / static_cast<double>(data.size(0) - 1);
  auto [eigenvalues, eigenvectors] = torch::linalg_eigh(covariance, "L");  // ascending
  const int64_t k = std::min(count, D);
  auto order = torch::arange(D - 1, D - 1 - k, -1, torch::kLong);
  pc.components = eigenvectors.index_select(1, order).t().contiguous();  // [k, D]
  // Each component's sign is arbitrary: make its largest entry positive, so that the same data gives the same map.
  for (int64_t i = 0; i < k; ++i) {
    auto row = pc.components[i];
    if (row[row.abs().argmax()].item<double>() < 0) row.neg_();
  }
  const double trace = eigenvalues.clamp_min(0).sum().item<double>();
  pc.explained =
      trace > 0 ? eigenvalues.index_select(0, order).clamp_min(0) / trace : torch::zeros({k}, torch::kDouble);
  if (k < count) {  // fewer dimensions than components asked for: the missing ones are zero
    pc.components = torch::cat({pc.components, torch::zeros({count - k, D}, torch::kDouble)});
    pc.explained = torch::cat({pc.explained, torch::zeros({count - k}, torch::kDouble)});
  }
  return pc;
}

FactorResponses factor_responses(const GroundTruthSource& source, const RepresentationFunction& represent,
                                 const FactorResponseOptions& options, const MetricProgress& progress) {
  const auto sizes = source.factor_sizes();
  const int64_t K = static_cast<int64_t>(sizes.size());
  TORCH_CHECK(options.samples_per_value >= 2, "factor responses need at least 2 samples per value");
  TORCH_CHECK(options.group_by < K, "factor responses: no factor ", options.group_by, " to group by");
  const int64_t G = options.group_by;
  const int64_t groups = G >= 0 ? sizes[G] : 1;
  const int64_t S = options.samples_per_value;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);

  FactorResponses result;
  result.factor_names = source.factor_names();
  result.factor_sizes = sizes;
  result.value_names = source.factor_value_names();
  result.samples_per_value = S * groups;
  result.group_by = G;
  result.seed = options.seed;
  result.curves.resize(static_cast<size_t>(K));
  std::vector<std::vector<double>> explained_by_factor(static_cast<size_t>(K));

  std::vector<torch::Tensor> all_codes;
  int64_t total = 0, done = 0;
  for (int64_t size : sizes) total += size * S * groups;
  report(progress, 0.0);
  for (int64_t f = 0; f < K; ++f) {
    const int64_t V = sizes[f], per_value = S * groups;
    // Rows in blocks of one value of factor f; within a block, S rows per value of the grouping factor.
    auto factors = source.sample_factors(V * per_value, gen);
    factors.select(1, f).copy_(torch::arange(V, torch::kLong).repeat_interleave(per_value));
    if (G >= 0 && G != f)
      factors.select(1, G).copy_(torch::arange(groups, torch::kLong).repeat_interleave(S).repeat({V}));
    auto mu = represent_factors(source, represent, factors, options.batch_size, [&](int64_t n) {
      report(progress, static_cast<double>(done + n) / static_cast<double>(total));
    });
    done += V * per_value;
    all_codes.push_back(mu);
    const int64_t D = mu.size(1);
    result.latent_dim = D;

    auto curve_of = [&](const torch::Tensor& blocks /*[V, n, D]*/, const std::string& group) {
      ResponseCurve curve;
      curve.group = group;
      auto mean = blocks.mean(1), stddev = blocks.std(1, /*unbiased=*/true);  // [V, D]
      for (int64_t d = 0; d < D; ++d) {
        curve.mean.push_back(to_vector(mean.select(1, d)));
        curve.stddev.push_back(to_vector(stddev.select(1, d)));
      }
      return curve;
    };
    auto pooled = mu.view({V, per_value, D});
    result.curves[f].push_back(curve_of(pooled, ""));
    auto means = pooled.mean(1), variances = pooled.var(1, /*unbiased=*/false);
    for (int64_t d = 0; d < D; ++d)
      explained_by_factor[f].push_back(eta_squared_of_curve(means.select(1, d), variances.select(1, d)));
    if (G >= 0 && G != f) {
      auto by_group = mu.view({V, groups, S, D});
      for (int64_t g = 0; g < groups; ++g)
        result.curves[f].push_back(curve_of(by_group.select(1, g), result.value_names[G][g]));
    }
  }
  result.explained.assign(static_cast<size_t>(result.latent_dim), std::vector<double>(static_cast<size_t>(K), 0.0));
  for (int64_t d = 0; d < result.latent_dim; ++d)
    for (int64_t f = 0; f < K; ++f) result.explained[d][f] = explained_by_factor[f][d];
  result.variance = to_vector(torch::cat(all_codes).var(0, /*unbiased=*/true));
  result.mean_kl = options.mean_kl;
  report(progress, 1.0);
  return result;
}

ClassResponses class_responses(const Dataset& data, const RepresentationFunction& represent,
                               const ClassResponseOptions& options, const MetricProgress& progress) {
  const auto info = data.label_info();
  auto probe = data.labels(torch::zeros({1}, torch::kLong));
  if (!probe.defined() || info.columns.empty())
    throw DatasetError(data.description() + ": the dataset has no labels to group the codes by");
  TORCH_CHECK(options.max_images > 0, "class responses need at least one image");
  ClassResponses result;
  result.seed = options.seed;
  result.multi_label = info.multi_label;
  auto indices = subset_indices(data.size(), options.max_images, options.seed);
  report(progress, 0.0);
  auto mu = represent_images(data, represent, indices, options.batch_size, progress, 0.0, 0.9);
  auto labels = data.labels(indices);
  result.images = indices.size(0);
  const int64_t D = mu.size(1);

  // The classes as membership masks [n] (bool), with the labels that η² groups by.
  std::vector<torch::Tensor> members;
  if (info.multi_label) {
    for (int64_t k = 0; k < labels.size(1); ++k) {
      members.push_back(labels.select(1, k) > 0);
      result.class_names.push_back(k < static_cast<int64_t>(info.columns.size()) ? info.columns[k]
                                                                                 : "label " + std::to_string(k));
    }
    members.push_back((labels > 0).sum(1) == 0);
    result.class_names.push_back("no finding");
  } else {
    auto column = labels.select(1, 0);
    TORCH_CHECK(column.min().item<int64_t>() >= 0, data.description(), ": negative class labels");
    const int64_t classes = column.max().item<int64_t>() + 1;
    const auto& names = info.values.empty() ? std::vector<std::string>() : info.values[0];
    for (int64_t c = 0; c < classes; ++c) {
      members.push_back(column == c);
      result.class_names.push_back(c < static_cast<int64_t>(names.size()) ? names[c] : "class " + std::to_string(c));
    }
  }
  result.stats.assign(static_cast<size_t>(D), {});
  for (int64_t d = 0; d < D; ++d) {
    auto values = mu.select(1, d).contiguous();
    for (const auto& mask : members) result.stats[d].push_back(statistics_of(values.index({mask})));
    double separation = 0;
    if (info.multi_label) {
      for (int64_t k = 0; k < labels.size(1); ++k) separation += correlation_ratio(values, members[k].to(torch::kLong));
      separation /= static_cast<double>(std::max<int64_t>(1, labels.size(1)));
    } else {
      separation = correlation_ratio(values, labels.select(1, 0));
    }
    result.separation.push_back(separation);
    report(progress, 0.9 + 0.1 * static_cast<double>(d + 1) / static_cast<double>(D));
  }
  result.ranking.resize(static_cast<size_t>(D));
  std::iota(result.ranking.begin(), result.ranking.end(), 0);
  std::stable_sort(result.ranking.begin(), result.ranking.end(),
                   [&](int64_t a, int64_t b) { return result.separation[a] > result.separation[b]; });
  return result;
}

LatentMap latent_map(const Dataset& data, const RepresentationFunction& represent, const LatentMapOptions& options,
                     const MetricProgress& progress) {
  TORCH_CHECK(options.max_points > 0, "a latent map needs at least one point");
  LatentMap map;
  auto indices = subset_indices(data.size(), options.max_points, options.seed);
  report(progress, 0.0);
  auto mu = represent_images(data, represent, indices, options.batch_size, progress, 0.0, 0.95);
  const int64_t n = mu.size(0), D = mu.size(1);
  map.indices.assign(indices.data_ptr<int64_t>(), indices.data_ptr<int64_t>() + n);
  torch::Tensor coordinates = torch::zeros({n, 2}, torch::kDouble);
  map.explained_variance = {0.0, 0.0};
  if (n > 1) {
    auto pc = principal_components(mu, 2);
    coordinates = (mu - pc.mean).mm(pc.components.t());
    map.explained_variance = to_vector(pc.explained);
  }
  auto mu_f = mu.to(torch::kFloat).contiguous();
  auto xy = coordinates.to(torch::kFloat).contiguous();
  for (int64_t i = 0; i < n; ++i) {
    map.mu.emplace_back(mu_f[i].data_ptr<float>(), mu_f[i].data_ptr<float>() + D);
    map.pca.emplace_back(xy[i].data_ptr<float>(), xy[i].data_ptr<float>() + 2);
  }
  auto labels = data.labels(indices);
  if (labels.defined()) {
    const auto info = data.label_info();
    labels = labels.contiguous();
    for (int64_t i = 0; i < n; ++i)
      map.labels.emplace_back(labels[i].data_ptr<int64_t>(), labels[i].data_ptr<int64_t>() + labels.size(1));
    for (int64_t k = 0; k < labels.size(1); ++k) {
      map.label_column_names.push_back(k < static_cast<int64_t>(info.columns.size()) ? info.columns[k]
                                                                                     : "label " + std::to_string(k));
      auto names = k < static_cast<int64_t>(info.values.size()) ? info.values[k] : std::vector<std::string>();
      if (info.multi_label && names.empty()) names = {"no", "yes"};
      map.label_value_names.push_back(names);
    }
  }
  report(progress, 1.0);
  return map;
}

}  // namespace fvae
