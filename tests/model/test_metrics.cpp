// Disentanglement metrics on synthetic representations whose answers are known: perfect, random and mixed codes.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>

#include "model/analysis/factor_steps.h"
#include "model/analysis/metrics.h"
#include "model/analysis/udr.h"
#include "model/run/run_plan.h"

using namespace fvae;

namespace {

// dSprites-sized factors whose "observations" are the factor indices themselves.
class SyntheticFactors : public GroundTruthSource {
 public:
  std::vector<int64_t> factor_sizes() const override { return {3, 6, 40, 32, 32}; }
  std::vector<std::string> factor_names() const override { return {"shape", "scale", "orientation", "x", "y"}; }
  torch::Tensor render(const torch::Tensor& factors) const override { return factors.to(torch::kFloat); }
};

torch::Tensor perfect(const torch::Tensor& f) { return f * 0.1; }

}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT
  SyntheticFactors source_;

 private slots:
  // --- UDR (Duan et al. 2020) ---
  void ranksAverageTies() {
    auto v = torch::tensor({3.0, 1.0, 3.0, 2.0, -5.0}).view({5, 1});
    auto r = fvae::column_ranks(v);
    const double expected[] = {4.5, 2, 4.5, 3, 1};
    for (int i = 0; i < 5; ++i) QCOMPARE(r[i][0].item<double>(), expected[i]);
  }

  void spearmanIsOneForMonotoneMapsAndMatchesPearsonOfRanks() {
    torch::manual_seed(1);
    auto a = torch::randn({500, 2}, torch::kDouble);
    auto b = torch::stack({a.select(1, 0).exp(), -a.select(1, 1).pow(3)}, 1);  // monotone: |ρ| = 1 on the diagonal
    auto s = fvae::spearman_similarity(a, b);
    QVERIFY(std::abs(s[0][0].item<double>() - 1) < 1e-12);
    QVERIFY(std::abs(s[1][1].item<double>() - 1) < 1e-12);
    // Off the diagonal: Pearson's r of the ranks, computed here directly.
    auto ra = fvae::column_ranks(a).select(1, 0), rb = fvae::column_ranks(b).select(1, 1);
    auto ca = ra - ra.mean(), cb = rb - rb.mean();
    const double pearson =
        (ca * cb).sum().item<double>() / std::sqrt((ca * ca).sum().item<double>() * (cb * cb).sum().item<double>());
    QVERIFY(std::abs(s[0][1].item<double>() - std::abs(pearson)) < 1e-12);
    // A constant column correlates with nothing.
    auto with_constant = torch::cat({a, torch::ones({500, 1}, torch::kDouble)}, 1);
    QCOMPARE(fvae::spearman_similarity(with_constant, a)[2][0].item<double>(), 0.0);
  }

  void relativeStrengthClosedForms() {
    QCOMPARE(fvae::relative_strength(torch::eye(3, torch::kDouble)), 1.0);
    QCOMPARE(fvae::relative_strength(torch::ones({2, 2}, torch::kDouble)), 0.5);
    // [[1, 0.5], [0, 0]]: columns 1²/1 and 0.5²/0.5 → 0.75; rows 1²/1.5 and an empty row 0 → 1/3; mean 13/24.
    auto m = torch::tensor({1.0, 0.5, 0.0, 0.0}, torch::kDouble).view({2, 2});
    QVERIFY(std::abs(fvae::relative_strength(m) - 13.0 / 24.0) < 1e-12);
    QCOMPARE(fvae::relative_strength(torch::zeros({0, 3}, torch::kDouble)), 0.0);
  }

  // A run against a copy of itself with its dimensions permuted, sign-flipped and rescaled: the similarity matrix is a
  // permutation matrix plus the sampling noise of independent dimensions (|ρ| ~ 1/√N), so UDR is ~1.
  void udrOfAPermutedSignFlippedCopyIsOne() {
    torch::manual_seed(2);
    const int64_t n = 20000;
    auto mu = torch::randn({n, 6}, torch::kDouble).pow(3);  // independent dimensions, not Gaussian
    auto kl = torch::full({6}, 1.0, torch::kDouble);
    auto perm = torch::tensor({3, 0, 5, 1, 4, 2}, torch::kLong);
    auto signs = torch::tensor({1.0, -1.0, -1.0, 1.0, 1.0, -1.0}, torch::kDouble);
    auto copy = mu.index_select(1, perm) * signs * 2.5 + 1;
    // An inactive dimension (KL below the threshold) full of noise changes nothing.
    auto copy_with_noise = torch::cat({copy, torch::randn({n, 1}, torch::kDouble)}, 1);
    auto result = fvae::unsupervised_disentanglement_ranking(
        {{mu, kl}, {copy_with_noise, torch::cat({kl, torch::full({1}, 0.001, torch::kDouble)})}});
    QVERIFY2(result.pairwise[0][1] > 0.95 && result.pairwise[0][1] <= 1.0,
             qPrintable(QString::number(result.pairwise[0][1])));
    QCOMPARE(result.active_dims, (std::vector<int>{6, 6}));
    QCOMPARE(result.scores[0], result.pairwise[0][1]);
    // Without the sampling noise (the same images twice) it is exactly 1.
    QVERIFY(std::abs(fvae::relative_strength(
                         fvae::spearman_similarity(mu, mu.index_select(1, perm)).gt(0.5).to(torch::kDouble)) -
                     1) < 1e-12);
  }

  void udrOfUnrelatedRunsIsLow() {
    torch::manual_seed(3);
    std::vector<fvae::UdrRun> runs;
    for (int r = 0; r < 3; ++r) runs.push_back({torch::randn({2000, 6}, torch::kDouble), torch::ones({6})});
    for (double score : fvae::unsupervised_disentanglement_ranking(runs).scores)
      QVERIFY2(score < 0.2, qPrintable(QString::number(score)));
  }

  // Two runs agreeing on one factor and mixing two others by a 45° rotation: the mixed pair's Spearman correlation
  // is 6/π·asin(r/2) with r = 1/√2 (Gaussian factors), so each of its rows and columns scores a/2; the shared
  // factor scores 1. The median of a three-run set ranks the rotation in between.
  void udrOfAPartlyMixedPairMatchesTheClosedForm() {
    torch::manual_seed(4);
    const int64_t n = 40000;
    auto z = torch::randn({n, 3}, torch::kDouble);
    auto rotated = torch::stack({(z.select(1, 0) + z.select(1, 1)) / std::sqrt(2.0),
                                 (z.select(1, 0) - z.select(1, 1)) / std::sqrt(2.0), z.select(1, 2)},
                                1);
    const double a = 6 / M_PI * std::asin(1 / (2 * std::sqrt(2.0)));
    const double expected = (2 * (a / 2) + 1) / 3;
    auto result = fvae::unsupervised_disentanglement_ranking({{z, torch::ones({3})}, {rotated, torch::ones({3})}});
    QVERIFY2(std::abs(result.pairwise[0][1] - expected) < 0.01,
             qPrintable(QString("%1 vs %2").arg(result.pairwise[0][1]).arg(expected)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             fvae::unsupervised_disentanglement_ranking({{z, torch::ones({3})}}));
  }

  void perFactorAccuracyFromTheVoteTable() {
    // The vote table of docs/quality-bar.md's fp32 run: x 1,921/1,950 (z0 and z6 are x's), y 1,618/2,037, shape
    // 1,182/2,030, scale 901/2,027 (z2, z3, z5), orientation 334/1,956 (z7).
    FactorVaeMetricResult r;
    r.votes = {{37, 1182, 147, 38, 287, 187, 138, 14},
               {241, 271, 198, 317, 394, 386, 47, 173},
               {381, 389, 197, 181, 222, 142, 110, 334},
               {558, 0, 27, 0, 1, 1, 1363, 0},
               {4, 2, 65, 168, 1618, 95, 28, 57}};
    r.dimension_factor = {3, 0, 1, 1, 4, 1, 3, 2};
    const auto a = per_factor_accuracy(r);
    QCOMPARE(a.size(), size_t{5});
    QVERIFY(std::abs(a[0] - 1182.0 / 2030) < 1e-12);
    QVERIFY(std::abs(a[1] - (198.0 + 317 + 386) / 2027) < 1e-12);
    QVERIFY(std::abs(a[2] - 334.0 / 1956) < 1e-12);
    QVERIFY(std::abs(a[3] - 1921.0 / 1950) < 1e-12);
    QVERIFY(std::abs(a[4] - 1618.0 / 2037) < 1e-12);
    r.dimension_factor = {-1, -1, -1, -1, -1, -1, -1, -1};  // nothing assigned: nothing right
    for (double v : per_factor_accuracy(r)) QCOMPARE(v, 0.0);
  }

  void jensenShannonClosedForms() {
    // Identical images: 0. Binary images: ln 2 per differing pixel. Intensities ¼ against ¾ (mean ½): KL(p‖½) is
    // ln 2 − H(p), the same for both, so the pixel adds ln 2 − H(¼).
    auto a = torch::tensor({{0.f, 1.f, 1.f, 0.f, 0.25f}});
    auto b = torch::tensor({{0.f, 1.f, 0.f, 1.f, 0.75f}});
    const double h_quarter = -(0.25 * std::log(0.25) + 0.75 * std::log(0.75));
    const double expected = 2 * std::log(2.0) + (std::log(2.0) - h_quarter);
    QVERIFY(std::abs(bernoulli_js_nats(a, b).item<double>() - expected) < 1e-12);
    QCOMPARE(bernoulli_js_nats(a, a).item<double>(), 0.0);
  }

  void factorStepWorthMatchesTheRenderer() {
    // At 64 px the sprites are binary: each pair's divergence is ln 2 times its Hamming distance, counted directly.
    ShapesDataset shapes64(64);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(7);
    auto base = shapes64.sample_factors(300, generator);
    auto images = shapes64.render(base);
    const auto values64 = factor_step_values(shapes64, 300, 7);  // the same draw: seed 7, 300 pairs
    for (int64_t k = 0; k < 5; ++k) {
      auto other = base.clone();
      auto column = other.select(1, k);
      column.copy_(torch::where(column == shapes64.factor_sizes()[k] - 1, column - 1, column + 1));
      const double hamming = (images != shapes64.render(other)).to(torch::kDouble).sum().item<double>() / 300;
      QVERIFY(std::abs(values64[k].nats - hamming * std::log(2.0)) < 1e-9 * hamming);
      QVERIFY(values64[k].nats > 5);  // every factor moves pixels
    }
    // The per-size worth that β and γ are scaled by (run_plan) agrees with the renderer: geometric mean over the
    // factors of the ratio to 64 px, within 5 % (sampling noise at 300 pairs).
    for (int64_t size : {28, 32}) {
      const auto values = factor_step_values(ShapesDataset(size), 300, 7);
      double log_ratio = 0;
      for (size_t k = 0; k < values.size(); ++k) log_ratio += std::log(values[k].nats / values64[k].nats);
      const double worth = std::exp(log_ratio / 5);
      qInfo("factor step worth at %lld px: %.3f of 64 px (run_plan uses %.3f)", static_cast<long long>(size), worth,
            factor_step_worth(size));
      QVERIFY(std::abs(worth / factor_step_worth(size) - 1) < 0.05);
    }
  }

  void mutualInformationClosedForms() {
    std::vector<int64_t> a, b, c;
    for (int i = 0; i < 4000; ++i) {
      a.push_back(i % 4);
      b.push_back(i % 4);
      c.push_back((i / 4) % 4);  // independent of a by construction
    }
    QVERIFY(std::abs(discrete_mutual_information(a, b) - std::log(4.0)) < 1e-12);
    QVERIFY(std::abs(discrete_mutual_information(a, c)) < 1e-12);
    auto x = torch::tensor({0.0, 0.5, 1.0, 10.0}).view({4, 1});
    auto bins = histogram_discretize(x, 20);
    QCOMPARE(bins[0][0].item<int64_t>(), int64_t{0});
    QCOMPARE(bins[1][0].item<int64_t>(), int64_t{1});   // width 0.5: 0.5 opens the second bin
    QCOMPARE(bins[2][0].item<int64_t>(), int64_t{2});   // a value on an edge goes right, as numpy.digitize
    QCOMPARE(bins[3][0].item<int64_t>(), int64_t{19});  // the maximum lands in the last bin
  }

  void perfectRepresentation() {
    auto fv = factor_vae_metric(source_, perfect);
    QCOMPARE(fv.eval_accuracy, 1.0);
    QCOMPARE(fv.train_accuracy, 1.0);
    QCOMPARE(fv.active_dims, int64_t{5});
    QCOMPARE(fv.dimension_factor, (std::vector<int64_t>{0, 1, 2, 3, 4}));
    auto names = suggested_dimension_names(fv, source_.factor_names());
    QCOMPARE(names[3], std::string("x"));
    // Two dimensions whose majority is one factor: the one with more of its votes gets the name, the other none.
    FactorVaeMetricResult split = fv;
    split.dimension_factor = {0, 1, 2, 3, 4, 3};
    for (auto& row : split.votes) row.resize(6, 0);
    split.votes[3][3] = 40, split.votes[3][5] = 60;
    names = suggested_dimension_names(split, source_.factor_names());
    QCOMPARE(names[5], std::string("x"));
    QCOMPARE(names[3], std::string());
    QCOMPARE(names[0], source_.factor_names()[0]);
    split.votes[3][5] = 40;  // a tie: the lower dimension
    names = suggested_dimension_names(split, source_.factor_names());
    QCOMPARE(names[3], std::string("x"));
    QCOMPARE(names[5], std::string());
    auto mig = mutual_information_gap(source_, perfect);
    // The 20-bin ceiling: 32 and 40 values cannot be told apart in 20 bins, so perfect scores ≈ 0.896, not 1.
    QVERIFY2(mig.mig > 0.88 && mig.mig < 0.91, qPrintable(QString::number(mig.mig)));
    QVERIFY(std::abs(mig.gap_per_factor[0] - 1.0) < 0.02);  // 3 shapes fit in 20 bins
    QCOMPARE(mig.top_dimension, (std::vector<int64_t>{0, 1, 2, 3, 4}));
  }

  void randomRepresentationScoresChance() {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
    RepresentationFunction random = [&](const torch::Tensor& f) { return torch::randn({f.size(0), 5}, gen); };
    FactorVaeMetricOptions options;
    options.train_votes = 2000;
    options.eval_votes = 1000;
    auto fv = factor_vae_metric(source_, random, options);
    QVERIFY2(fv.eval_accuracy < 0.32, qPrintable(QString::number(fv.eval_accuracy)));  // chance: 0.2 plus a little
    auto mig = mutual_information_gap(source_, random);
    QVERIFY2(mig.mig < 0.03, qPrintable(QString::number(mig.mig)));
  }

  void prunedDimensionsCannotVote() {
    // Two extra dimensions with tiny variance: pruned (std < 0.05), so the score stays perfect.
    RepresentationFunction with_dead = [](const torch::Tensor& f) {
      return torch::cat({perfect(f), torch::full({f.size(0), 2}, 0.3) + 0.001 * f.narrow(1, 0, 2)}, 1);
    };
    auto fv = factor_vae_metric(source_, with_dead);
    QCOMPARE(fv.active_dims, int64_t{5});
    QCOMPARE(fv.eval_accuracy, 1.0);
    QCOMPARE(fv.dimension_factor[5], int64_t{-1});
  }

  // A dimension below the KL line (model/nn/activity.h) is inactive however much its μ varies: no vote, no name.
  // Here a copy of the x position with KL 0.05 nats would otherwise split x's votes and be named "x".
  void inactiveDimensionsCastNoVoteAndGetNoName() {
    RepresentationFunction with_copy = [](const torch::Tensor& f) {
      auto p = perfect(f);
      return torch::cat({p, p.narrow(1, 3, 1)}, 1);
    };
    DisentanglementOptions options;
    options.factor_vae.train_votes = 500;
    options.factor_vae.eval_votes = 200;
    options.mig.samples = 1000;
    const auto counted = measure_disentanglement(source_, with_copy, options);
    QCOMPARE(counted.factor_vae.active_dims, int64_t{6});
    options.mean_kl = {3.0, 3.0, 3.0, 3.0, 3.0, 0.05};
    const auto result = measure_disentanglement(source_, with_copy, options);
    QCOMPARE(result.factor_vae.active_dims, int64_t{5});
    QCOMPARE(result.factor_vae.dimension_factor[5], int64_t{-1});
    for (const auto& per_factor : result.factor_vae.votes) QCOMPARE(per_factor[5], int64_t{0});
    QCOMPARE(result.suggested_names[5], std::string());
    QCOMPARE(result.suggested_names[3], std::string("x"));
    QCOMPARE(result.factor_vae.eval_accuracy, 1.0);
  }

  void mixingTwoFactorsScoresInBetween() {
    RepresentationFunction mixed = [](const torch::Tensor& f) {
      auto p = perfect(f);
      auto x = p.select(1, 3), y = p.select(1, 4);
      return torch::stack({p.select(1, 0), p.select(1, 1), p.select(1, 2), x + y, x - y}, 1);
    };
    auto fv = factor_vae_metric(source_, mixed);
    QVERIFY2(fv.eval_accuracy > 0.6 && fv.eval_accuracy < 0.95, qPrintable(QString::number(fv.eval_accuracy)));
    auto mig = mutual_information_gap(source_, mixed);
    auto perfect_mig = mutual_information_gap(source_, perfect);
    QVERIFY2(mig.mig > 0.3 && mig.mig < perfect_mig.mig - 0.2, qPrintable(QString::number(mig.mig)));
  }

  void aFactorWithoutADimensionCapsTheScore() {
    // Shape, scale and both positions perfect, orientation not encoded: fixing orientation leaves every dimension's
    // variance near its global value, so those votes land anywhere and the classifier, whose dimensions all belong
    // to other factors, gets none of them right: 4 factors of 5.
    RepresentationFunction no_orientation = [](const torch::Tensor& f) {
      return perfect(f).index({torch::indexing::Slice(), torch::tensor({0, 1, 3, 4})});
    };
    auto fv = factor_vae_metric(source_, no_orientation);
    QVERIFY2(std::abs(fv.eval_accuracy - 0.8) < 0.02, qPrintable(QString::number(fv.eval_accuracy)));
    QCOMPARE(fv.dimension_factor, (std::vector<int64_t>{0, 1, 3, 4}));
    // A fifth dimension of pure noise wins only orientation's votes (about a fifth of them), so the classifier
    // names it "orientation" and the score rises above 0.8 although nothing more is encoded.
    auto gen = at::make_generator<at::CPUGeneratorImpl>(4);
    RepresentationFunction with_noise = [&](const torch::Tensor& f) {
      return torch::cat({no_orientation(f), torch::randn({f.size(0), 1}, gen, torch::kFloat)}, 1);
    };
    fv = factor_vae_metric(source_, with_noise);
    QVERIFY2(fv.eval_accuracy > 0.82 && fv.eval_accuracy < 0.9, qPrintable(QString::number(fv.eval_accuracy)));
    QCOMPARE(fv.dimension_factor, (std::vector<int64_t>{0, 1, 3, 4, 2}));
  }

  void sameSeedSameScores() {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(9);
    auto noisy = [&](uint64_t) {
      return RepresentationFunction([](const torch::Tensor& f) {
        // Deterministic "noise" from the factors themselves, so only the metric's own seed matters.
        return perfect(f) + 0.3 * torch::sin(f * 12.9898 + f.sum(1, true) * 78.233);
      });
    };
    FactorVaeMetricOptions options;
    options.train_votes = 500;
    options.eval_votes = 300;
    options.seed = 5;
    auto a = factor_vae_metric(source_, noisy(0), options);
    auto b = factor_vae_metric(source_, noisy(0), options);
    QCOMPARE(a.eval_accuracy, b.eval_accuracy);
    QCOMPARE(a.votes, b.votes);
    MigOptions mo;
    mo.samples = 3000;
    mo.seed = 5;
    QCOMPARE(mutual_information_gap(source_, noisy(0), mo).mig, mutual_information_gap(source_, noisy(0), mo).mig);
    options.seed = 6;
    QVERIFY(factor_vae_metric(source_, noisy(0), options).votes != a.votes);
    (void)gen;
  }

  void cancellation() {
    int calls = 0;
    QVERIFY_THROWS_EXCEPTION(MetricCancelled,
                             factor_vae_metric(source_, perfect, {}, [&](double) { return ++calls < 3; }));
    QCOMPARE(calls, 3);
  }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
