#include "model/analysis/metrics.h"

#include "model/nn/activity.h"

#include <cmath>
#include <map>

namespace fvae {

torch::Tensor represent_factors(const GroundTruthSource& source, const RepresentationFunction& represent,
                                const torch::Tensor& factors, int64_t batch_size,
                                const std::function<void(int64_t)>& after_batch) {
  std::vector<torch::Tensor> parts;
  for (int64_t start = 0; start < factors.size(0); start += batch_size) {
    auto chunk = factors.narrow(0, start, std::min(batch_size, factors.size(0) - start));
    parts.push_back(represent(source.render(chunk)).to(torch::kCPU, torch::kDouble));
    if (after_batch) after_batch(start + chunk.size(0));
  }
  return torch::cat(parts, 0);
}

namespace {

void report(const MetricProgress& progress, double fraction) {
  if (progress && !progress(fraction)) throw MetricCancelled();
}

// One vote: fix a random factor across L samples; the active dimension with the smallest normalised variance.
std::pair<int64_t, int64_t> factor_vote(const GroundTruthSource& source, const RepresentationFunction& represent,
                                        const FactorVaeMetricOptions& options, at::Generator& gen,
                                        const torch::Tensor& global_variance, const torch::Tensor& active) {
  const int64_t K = static_cast<int64_t>(source.factor_sizes().size());
  const int64_t factor = torch::randint(K, {1}, gen, torch::kLong).item<int64_t>();
  auto factors = source.sample_factors(options.samples_per_vote, gen);
  factors.select(1, factor).fill_(factors[0][factor].item<int64_t>());
  auto reps = represent_factors(source, represent, factors, options.batch_size);
  auto local_variance = reps.var(0, /*unbiased=*/true);
  auto ratio = local_variance.index({active}) / global_variance.index({active});
  return {factor, ratio.argmin().item<int64_t>()};
}

}  // namespace

FactorVaeMetricResult factor_vae_metric(const GroundTruthSource& source, const RepresentationFunction& represent,
                                        const FactorVaeMetricOptions& options, const MetricProgress& progress) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
  const int64_t K = static_cast<int64_t>(source.factor_sizes().size());
  FactorVaeMetricResult result;
  const double total_work = static_cast<double>(options.variance_samples +
                                                (options.train_votes + options.eval_votes) * options.samples_per_vote);
  report(progress, 0.0);
  auto reps =
      represent_factors(source, represent, source.sample_factors(options.variance_samples, gen), options.batch_size);
  auto global_variance = reps.var(0, true);
  const int64_t D = global_variance.size(0);
  auto active = global_variance.sqrt() >= options.prune_std_below;
  for (int64_t d = 0; d < D && d < static_cast<int64_t>(options.active.size()); ++d)
    if (!options.active[static_cast<size_t>(d)]) active[d] = false;
  result.global_variance.assign(global_variance.data_ptr<double>(), global_variance.data_ptr<double>() + D);
  result.active_dims = active.sum().item<int64_t>();
  result.dimension_factor.assign(static_cast<size_t>(D), -1);
  result.votes.assign(static_cast<size_t>(K), std::vector<int64_t>(static_cast<size_t>(D), 0));
  if (result.active_dims == 0) return result;
  // Vote indices refer to active dimensions; map them back to the full dimension list.
  auto active_index = active.nonzero().squeeze(1);

  double done = static_cast<double>(options.variance_samples);
  auto collect = [&](int64_t count, std::vector<std::vector<int64_t>>& votes) {
    for (int64_t i = 0; i < count; ++i) {
      auto [factor, argmin] = factor_vote(source, represent, options, gen, global_variance, active);
      votes[factor][active_index[argmin].item<int64_t>()] += 1;
      done += static_cast<double>(options.samples_per_vote);
      if (i % 50 == 0) report(progress, done / total_work);
    }
  };
  collect(options.train_votes, result.votes);
  std::vector<std::vector<int64_t>> eval_votes(static_cast<size_t>(K), std::vector<int64_t>(static_cast<size_t>(D)));
  collect(options.eval_votes, eval_votes);

  // Majority-vote classifier: each dimension predicts the factor that voted for it most often.
  int64_t train_correct = 0, train_total = 0, eval_correct = 0, eval_total = 0;
  for (int64_t d = 0; d < D; ++d) {
    int64_t best = 0, best_votes = -1, column_votes = 0;
    for (int64_t k = 0; k < K; ++k) {
      column_votes += result.votes[k][d];
      if (result.votes[k][d] > best_votes) best_votes = result.votes[k][d], best = k;
    }
    if (column_votes > 0) result.dimension_factor[d] = best;
    train_correct += result.votes[best][d];
    train_total += column_votes;
    eval_correct += eval_votes[best][d];
    for (int64_t k = 0; k < K; ++k) eval_total += eval_votes[k][d];
  }
  result.train_accuracy = train_total ? static_cast<double>(train_correct) / train_total : 0.0;
  result.eval_accuracy = eval_total ? static_cast<double>(eval_correct) / eval_total : 0.0;
  report(progress, 1.0);
  return result;
}

torch::Tensor histogram_discretize(const torch::Tensor& x, int64_t bins) {
  auto values = x.to(torch::kDouble);
  auto lo = std::get<0>(values.min(0, true)), hi = std::get<0>(values.max(0, true));
  auto width = (hi - lo) / static_cast<double>(bins);
  // As numpy.digitize over numpy.histogram's left edges: the maximum lands in the last bin.
  auto index = ((values - lo) / width.clamp_min(1e-300)).floor().clamp(0, bins - 1);
  return index.to(torch::kLong);
}

std::vector<double> per_factor_accuracy(const FactorVaeMetricResult& result) {
  std::vector<double> accuracy;
  for (size_t k = 0; k < result.votes.size(); ++k) {
    int64_t right = 0, all = 0;
    for (size_t d = 0; d < result.votes[k].size(); ++d) {
      all += result.votes[k][d];
      if (d < result.dimension_factor.size() && result.dimension_factor[d] == static_cast<int64_t>(k))
        right += result.votes[k][d];
    }
    accuracy.push_back(all > 0 ? static_cast<double>(right) / static_cast<double>(all) : 0.0);
  }
  return accuracy;
}

double discrete_mutual_information(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  TORCH_CHECK(a.size() == b.size() && !a.empty(), "mutual information needs two equal, non-empty label vectors");
  std::map<std::pair<int64_t, int64_t>, double> joint;
  std::map<int64_t, double> pa, pb;
  const double n = static_cast<double>(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    joint[{a[i], b[i]}] += 1;
    pa[a[i]] += 1;
    pb[b[i]] += 1;
  }
  double mi = 0;
  for (const auto& [key, count] : joint) mi += count / n * std::log(count * n / (pa[key.first] * pb[key.second]));
  return std::max(0.0, mi);
}

MigResult mutual_information_gap(const GroundTruthSource& source, const RepresentationFunction& represent,
                                 const MigOptions& options, const MetricProgress& progress) {
  auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
  report(progress, 0.0);
  auto factors = source.sample_factors(options.samples, gen);
  auto reps = represent_factors(source, represent, factors, options.batch_size);
  report(progress, 0.8);
  auto codes = histogram_discretize(reps, options.bins);
  const int64_t D = codes.size(1), K = factors.size(1);
  auto column = [](const torch::Tensor& t, int64_t j) {
    auto c = t.select(1, j).contiguous();
    return std::vector<int64_t>(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
  };
  MigResult result;
  result.mutual_information.assign(static_cast<size_t>(D), std::vector<double>(static_cast<size_t>(K)));
  std::vector<std::vector<int64_t>> factor_columns;
  for (int64_t k = 0; k < K; ++k) {
    factor_columns.push_back(column(factors, k));
    result.factor_entropy.push_back(discrete_mutual_information(factor_columns[k], factor_columns[k]));
  }
  for (int64_t d = 0; d < D; ++d) {
    auto code = column(codes, d);
    for (int64_t k = 0; k < K; ++k)
      result.mutual_information[d][k] = discrete_mutual_information(code, factor_columns[k]);
  }
  double sum = 0;
  for (int64_t k = 0; k < K; ++k) {
    double first = -1, second = 0;
    int64_t top = -1;
    for (int64_t d = 0; d < D; ++d) {
      const double m = result.mutual_information[d][k];
      if (m > first) {
        second = std::max(second, first);
        first = m, top = d;
      } else if (m > second) {
        second = m;
      }
    }
    if (D == 1) second = 0;
    const double gap = result.factor_entropy[k] > 0 ? (first - second) / result.factor_entropy[k] : 0.0;
    result.gap_per_factor.push_back(gap);
    result.top_dimension.push_back(top);
    sum += gap;
  }
  result.mig = K ? sum / static_cast<double>(K) : 0.0;
  report(progress, 1.0);
  return result;
}

std::vector<std::string> suggested_dimension_names(const FactorVaeMetricResult& result,
                                                   const std::vector<std::string>& factor_names) {
  const auto dims = static_cast<int64_t>(result.dimension_factor.size());
  std::vector<std::string> names(static_cast<size_t>(dims));
  for (int64_t d = 0; d < dims; ++d) {
    const int64_t factor = result.dimension_factor[static_cast<size_t>(d)];
    if (factor < 0 || factor >= static_cast<int64_t>(factor_names.size())) continue;
    auto votes = [&](int64_t dim) {
      const auto& row = result.votes.size() > static_cast<size_t>(factor) ? result.votes[static_cast<size_t>(factor)]
                                                                          : std::vector<int64_t>{};
      return row.size() > static_cast<size_t>(dim) ? row[static_cast<size_t>(dim)] : int64_t{0};
    };
    bool best = true;  // among the dimensions this factor is the majority of; ties go to the lower index
    for (int64_t other = 0; other < dims && best; ++other)
      if (other != d && result.dimension_factor[static_cast<size_t>(other)] == factor)
        best = votes(other) < votes(d) || (votes(other) == votes(d) && other > d);
    if (best) names[static_cast<size_t>(d)] = factor_names[static_cast<size_t>(factor)];
  }
  return names;
}

DisentanglementResult measure_disentanglement(const GroundTruthSource& source, const RepresentationFunction& represent,
                                              const DisentanglementOptions& options, const MetricProgress& progress) {
  // The FactorVAE metric encodes (train + eval votes) · L + variance samples observations, MIG its samples: weigh
  // the two parts of the progress bar by that.
  const auto& fo = options.factor_vae;
  const double fv_work =
      static_cast<double>((fo.train_votes + fo.eval_votes) * fo.samples_per_vote + fo.variance_samples);
  const double share = fv_work / (fv_work + static_cast<double>(options.mig.samples));
  auto part = [&](double offset, double weight) -> MetricProgress {
    if (!progress) return {};
    return [&progress, offset, weight](double f) { return progress(offset + weight * f); };
  };
  DisentanglementResult result;
  result.factor_names = source.factor_names();
  FactorVaeMetricOptions with_activity = fo;
  if (!options.mean_kl.empty())
    with_activity.active = active_dimensions(options.mean_kl, static_cast<int64_t>(options.mean_kl.size()));
  result.factor_vae = factor_vae_metric(source, represent, with_activity, part(0, share));
  result.mig = mutual_information_gap(source, represent, options.mig, part(share, 1 - share));
  // Inactive dimensions (no vote, so no factor) get no name.
  result.suggested_names = suggested_dimension_names(result.factor_vae, result.factor_names);
  return result;
}

DisentanglementRecord disentanglement_record(const GroundTruthSource& source, const RepresentationFunction& represent,
                                             const MetricSettings& settings, std::vector<double> mean_kl,
                                             const MetricProgress& progress) {
  DisentanglementOptions options;
  options.factor_vae.seed = options.mig.seed = settings.seed;
  options.factor_vae.train_votes = settings.train_votes;
  options.factor_vae.eval_votes = settings.eval_votes;
  options.factor_vae.samples_per_vote = settings.samples_per_vote;
  options.mig.samples = settings.mig_samples;
  options.mean_kl = std::move(mean_kl);
  const DisentanglementResult result = measure_disentanglement(source, represent, options, progress);
  DisentanglementRecord record;
  record.settings = settings;
  record.factorvae_metric = result.factor_vae.eval_accuracy;
  record.factorvae_train_accuracy = result.factor_vae.train_accuracy;
  record.active_dimensions = result.factor_vae.active_dims;
  record.mig = result.mig.mig;
  const auto accuracy = per_factor_accuracy(result.factor_vae);
  for (size_t k = 0; k < result.factor_names.size(); ++k) {
    FactorRecord f;
    f.name = result.factor_names[k];
    f.accuracy = accuracy[k];
    f.mig = result.mig.gap_per_factor[k];
    f.top_dimension = result.mig.top_dimension[k];
    f.votes_per_dimension = result.factor_vae.votes[k];
    for (const auto& per_dimension : result.mig.mutual_information) f.mutual_information_per_dimension.push_back(per_dimension[k]);
    record.factors.push_back(std::move(f));
  }
  record.suggested_names = result.suggested_names;
  record.mu_variance = result.factor_vae.global_variance;
  record.mean_kl = options.mean_kl;
  return record;
}

ModelRecord model_record(const ModelConfig& model, int64_t step, const std::vector<std::string>& latent_names,
                         const std::string& checkpoint) {
  ModelRecord record;
  record.checkpoint = checkpoint;
  record.description = model.describe();
  record.architecture = to_string(model.architecture);
  record.channels = model.channels;
  record.image_size = model.image_size;
  record.latent_dim = model.latent_dim;
  record.step = step;
  record.latent_names = latent_names;
  record.latent_names.resize(static_cast<size_t>(model.latent_dim));
  return record;
}

ReconstructionRecord reconstruction_record(const EvaluationResult& result, const std::string& dataset,
                                           int64_t batch_size) {
  ReconstructionRecord record;
  record.dataset = dataset;
  record.images = result.images;
  record.batch_size = batch_size;
  record.bce_nats_per_image = result.bce_nats_per_image;
  record.mse_per_pixel = result.mse_per_pixel;
  record.kl_per_dimension = result.kl_per_dim;
  record.mu_variance = result.mu_variance;
  record.active_dimensions = result.active_dims;
  return record;
}

}  // namespace fvae
