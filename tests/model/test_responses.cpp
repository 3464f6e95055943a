// Latent responses, class responses and the latent map on synthetic codes whose answers follow in closed form.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>

#include "model/analysis/responses.h"

using namespace fvae;

namespace {

// Three factors; the "observations" are the factor indices themselves.
class ThreeFactors : public GroundTruthSource {
 public:
  std::vector<int64_t> factor_sizes() const override { return {3, 6, 10}; }
  std::vector<std::string> factor_names() const override { return {"shape", "scale", "position"}; }
  torch::Tensor render(const torch::Tensor& factors) const override { return factors.to(torch::kDouble); }
};

// z0 = 0.5·position − 1: a function of position alone. z1 = scale for shape 2 only, 0 otherwise. z2 = constant 3.
torch::Tensor code_of(const torch::Tensor& f) {
  auto position = f.select(1, 2), scale = f.select(1, 1), shape = f.select(1, 0);
  return torch::stack({0.5 * position - 1.0, scale * (shape == 2).to(torch::kDouble), torch::full_like(position, 3.0)},
                      1);
}

// Labelled images whose pixels are their labels (the representation reads them back).
class LabelledImages : public Dataset {
 public:
  LabelledImages(torch::Tensor labels, LabelInfo info) : labels_(std::move(labels)), info_(std::move(info)) {}
  int64_t size() const override { return labels_.size(0); }
  ImageShape shape() const override { return {1, 1, labels_.size(1)}; }
  torch::Tensor images(const torch::Tensor& i) const override {
    return labels_.index_select(0, i).to(torch::kDouble).view({i.size(0), 1, 1, -1});
  }
  torch::Tensor labels(const torch::Tensor& i) const override { return labels_.index_select(0, i); }
  std::string kind() const override { return "test"; }
  std::string description() const override { return "labelled test images"; }
  LabelInfo label_info() const override { return info_; }

 private:
  torch::Tensor labels_;
  LabelInfo info_;
};

}  // namespace

class TestResponses : public QObject {
  Q_OBJECT
  ThreeFactors source_;

 private slots:
  void correlationRatioClosedForm() {
    // Mean 2.5; group means 1.5 and 3.5: between 2·1 + 2·1 = 4, total 2.25 + 0.25 + 0.25 + 2.25 = 5.
    QCOMPARE(correlation_ratio(torch::tensor({1.0, 2.0, 3.0, 4.0}), torch::tensor({0, 0, 1, 1})), 0.8);
    QCOMPARE(correlation_ratio(torch::tensor({1.0, 1.0, 5.0, 5.0}), torch::tensor({0, 0, 1, 1})), 1.0);
    QCOMPARE(correlation_ratio(torch::tensor({1.0, 5.0, 1.0, 5.0}), torch::tensor({0, 0, 1, 1})), 0.0);
    QCOMPARE(correlation_ratio(torch::tensor({2.0, 2.0}), torch::tensor({0, 1})), 0.0);  // constant
  }

  void curvesFollowTheFactorThatDrivesThem() {
    FactorResponseOptions options;
    options.samples_per_value = 200;
    // Activity comes from the KL the caller measured (model/nn/activity.h): z2 below the 0.1-nat line.
    options.mean_kl = {2.0, 0.5, 0.09};
    auto r = factor_responses(source_, code_of, options);
    QCOMPARE(r.latent_dim, int64_t{3});
    QCOMPARE(r.curves.size(), size_t{3});
    QCOMPARE(r.value_names[2][9], std::string("9"));
    const auto& position = r.curves[2][0];
    QVERIFY(position.group.empty());
    for (int v = 0; v < 10; ++v) {  // z0 over position: exactly the line, no spread
      QVERIFY(std::abs(position.mean[0][v] - (0.5 * v - 1.0)) < 1e-12);
      QVERIFY(position.stddev[0][v] < 1e-12);
    }
    QVERIFY(std::abs(r.explained[0][2] - 1.0) < 1e-12);
    // z0 over scale: flat at E[0.5·position − 1] = 1.25 with the spread of a uniform position, 0.5·√((10² − 1)/12).
    const auto& scale = r.curves[1][0];
    for (int v = 0; v < 6; ++v) {
      QVERIFY2(std::abs(scale.mean[0][v] - 1.25) < 0.15, qPrintable(QString::number(scale.mean[0][v])));
      QVERIFY(std::abs(scale.stddev[0][v] - 0.5 * std::sqrt(99.0 / 12)) < 0.15);
    }
    QVERIFY2(r.explained[0][1] < 0.02, qPrintable(QString::number(r.explained[0][1])));
    // z1 = scale on one shape in three: slope 1/3 pooled. η² of scale: between Var_v(v/3) = 35/108, within
    // E_v[v²·(1/3)(2/3)] = 55/27, so η² = (35/108) / (35/108 + 55/27) ≈ 0.137.
    for (int v = 0; v < 6; ++v) QVERIFY(std::abs(r.curves[1][0].mean[1][v] - v / 3.0) < 0.3);
    QVERIFY2(std::abs(r.explained[1][1] - 0.137) < 0.04, qPrintable(QString::number(r.explained[1][1])));
    // A constant dimension explains nothing and has no spread.
    QCOMPARE(r.explained[2][0], 0.0);
    QCOMPARE(r.variance[2], 0.0);
    QVERIFY(!r.active(2));
    QVERIFY(r.active(1));
    // Var[0.5·position] over a uniform position: 0.25·(10² − 1)/12 ≈ 2.06.
    QVERIFY2(std::abs(r.variance[0] - 0.25 * 99.0 / 12) < 0.1, qPrintable(QString::number(r.variance[0])));
    QVERIFY(r.active(0));
    QVERIFY(r.curves[0][0].stddev[2][1] < 1e-12);
  }

  void groupedCurvesSeparateTheGroups() {
    FactorResponseOptions options;
    options.samples_per_value = 50;
    options.group_by = 0;
    auto r = factor_responses(source_, code_of, options);
    QCOMPARE(r.samples_per_value, int64_t{150});
    QCOMPARE(r.curves[0].size(), size_t{1});  // the grouping factor itself: pooled only
    QCOMPARE(r.curves[1].size(), size_t{4});  // pooled, then shape 0, 1, 2
    QCOMPARE(r.curves[1][3].group, std::string("2"));
    for (int v = 0; v < 6; ++v) {
      QVERIFY(std::abs(r.curves[1][3].mean[1][v] - v) < 1e-12);        // shape 2: z1 = scale exactly
      QVERIFY(std::abs(r.curves[1][1].mean[1][v]) < 1e-12);            // shape 0: z1 = 0
      QVERIFY(std::abs(r.curves[1][0].mean[1][v] - v / 3.0) < 1e-12);  // pooled over equal groups
    }
    const auto csv = factor_responses_csv(r, {"position", "scale of hearts"});
    // One row per factor, curve, dimension and value, plus the header.
    const int rows = 1 + (1 * 3 * 3) + (4 * 3 * 6) + (4 * 3 * 10);
    QCOMPARE(static_cast<int>(std::count(csv.begin(), csv.end(), '\n')), rows);
    QVERIFY(csv.find("scale,2,5,5,1,scale of hearts,5,0,50,") != std::string::npos);
  }

  void sameSeedSameResponsesAndCancel() {
    auto noisy = [](const torch::Tensor& f) { return code_of(f) + 0.01 * f.select(1, 1).unsqueeze(1).pow(2); };
    FactorResponseOptions options;
    options.seed = 7;
    auto a = factor_responses(source_, noisy, options), b = factor_responses(source_, noisy, options);
    QCOMPARE(a.curves[2][0].stddev[1], b.curves[2][0].stddev[1]);
    options.seed = 8;
    auto c = factor_responses(source_, noisy, options);
    QVERIFY(a.curves[2][0].stddev[1] != c.curves[2][0].stddev[1]);
    double last = 0;
    bool threw = false;
    try {
      factor_responses(source_, noisy, options, [&](double fraction) {
        last = fraction;
        return fraction < 0.3;
      });
    } catch (const MetricCancelled&) {
      threw = true;
    }
    QVERIFY(threw);
    QVERIFY(last >= 0.3 && last < 1.0);
  }

  void classResponsesRankTheSeparatingDimension() {
    // 3 classes of 300; dimension 0 reads the class, dimension 1 a value independent of it.
    const int n = 900;
    auto cls = torch::arange(n, torch::kLong) % 3;
    auto other = torch::div(torch::arange(n, torch::kLong), 3, "floor") % 7;
    LabelInfo info{{"class"}, {{"cat", "dog", "bird"}}, false};
    LabelledImages data(torch::stack({cls, other}, 1), info);
    RepresentationFunction read = [](const torch::Tensor& x) { return x.flatten(1); };
    auto r = class_responses(data, read);
    QCOMPARE(r.images, int64_t{n});
    QCOMPARE(r.class_names, (std::vector<std::string>{"cat", "dog", "bird"}));
    QCOMPARE(r.ranking, (std::vector<int64_t>{0, 1}));
    QCOMPARE(r.separation[0], 1.0);
    QVERIFY(r.separation[1] < 1e-3);
    const auto& dog = r.stats[0][1];
    QCOMPARE(dog.count, int64_t{300});
    QCOMPARE(dog.mean, 1.0);
    QCOMPARE(dog.median, 1.0);
    // Dimension 1 within class 0: values 0…6, each 300/21 ≈ 14.3 times; quartiles as numpy's linear interpolation.
    auto values = other.index({cls == 0}).to(torch::kDouble);
    auto sorted = std::get<0>(values.sort());
    auto quantile = [&](double q) {
      const double position = q * static_cast<double>(sorted.numel() - 1);
      const auto lo = static_cast<int64_t>(std::floor(position));
      const double frac = position - static_cast<double>(lo);
      const double a = sorted[lo].item<double>(),
                   b = sorted[std::min<int64_t>(lo + 1, sorted.numel() - 1)].item<double>();
      return a + frac * (b - a);
    };
    QVERIFY(std::abs(r.stats[1][0].q25 - quantile(0.25)) < 1e-12);
    QVERIFY(std::abs(r.stats[1][0].q95 - quantile(0.95)) < 1e-12);
    QVERIFY(class_responses_csv(r, {}).find("1,,") != std::string::npos);
  }

  void multiLabelFindingsAndNoFinding() {
    // Two findings; dimension 0 = 2·finding 0, so it separates finding 0 (η² 1) and not finding 1 (η² 0).
    const int n = 400;
    auto i = torch::arange(n, torch::kLong);
    auto f0 = i % 2, f1 = torch::div(i, 2, "floor") % 2;
    LabelInfo info{{"effusion", "mass"}, {{}, {}}, true};
    LabelledImages data(torch::stack({f0, f1}, 1), info);
    RepresentationFunction read = [](const torch::Tensor& x) { return 2.0 * x.flatten(1).narrow(1, 0, 1); };
    auto r = class_responses(data, read);
    QVERIFY(r.multi_label);
    QCOMPARE(r.class_names, (std::vector<std::string>{"effusion", "mass", "no finding"}));
    QCOMPARE(r.stats[0][0].mean, 2.0);            // every image with effusion
    QCOMPARE(r.stats[0][2].count, int64_t{100});  // neither finding: a quarter
    QCOMPARE(r.stats[0][2].mean, 0.0);
    QVERIFY(std::abs(r.separation[0] - 0.5) < 1e-12);  // mean of 1 (effusion) and 0 (mass)
  }

  void withoutLabelsIsAClearError() {
    LabelledImages data(torch::zeros({4, 1}, torch::kLong), {});
    bool threw = false;
    try {
      class_responses(data, [](const torch::Tensor& x) { return x.flatten(1); });
    } catch (const DatasetError& e) {
      threw = QString(e.what()).contains("no labels");
    }
    QVERIFY(threw);
  }

  void principalComponentsAgreeWithTheSvd() {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
    auto t = torch::randn({500}, gen, torch::kDouble);
    auto noise = torch::randn({500, 3}, gen, torch::kDouble) * 0.1;
    auto x = torch::stack({t, 2 * t, -t}, 1) + noise + 5.0;
    auto pc = principal_components(x, 2);
    // Independent computation: the right singular vectors of the centred data, singular values squared.
    auto centred = x - x.mean(0);
    auto [u, s, v] = torch::svd(centred);
    auto first = v.select(1, 0);
    QVERIFY(std::abs(std::abs(pc.components[0].dot(first).item<double>()) - 1.0) < 1e-9);
    auto share = s.pow(2) / s.pow(2).sum();
    QVERIFY(std::abs(pc.explained[0].item<double>() - share[0].item<double>()) < 1e-9);
    QVERIFY(std::abs(pc.explained[1].item<double>() - share[1].item<double>()) < 1e-9);
    QVERIFY(pc.components[0][1].item<double>() > 0);  // sign: largest entry (the 2t column) positive
    QVERIFY(std::abs(pc.components[0].norm().item<double>() - 1.0) < 1e-12);
  }

  void latentMapHoldsCodesLabelsAndProjections() {
    const int n = 300;
    auto i = torch::arange(n, torch::kLong);
    LabelInfo info{{"class"}, {{"a", "b", "c"}}, false};
    LabelledImages data(torch::stack({i % 3, i % 5, i % 7}, 1), info);
    RepresentationFunction read = [](const torch::Tensor& x) { return x.flatten(1); };
    LatentMapOptions options;
    options.max_points = 100;
    auto map = latent_map(data, read, options);
    QCOMPARE(map.indices.size(), size_t{100});
    QCOMPARE(map.mu.size(), size_t{100});
    for (size_t p = 0; p < map.indices.size(); ++p) {
      const auto index = map.indices[p];
      QCOMPARE(map.mu[p][1], static_cast<float>(index % 5));
      QCOMPARE(map.labels[p][0], index % 3);
    }
    QCOMPARE(map.label_column_names[0], std::string("class"));
    QCOMPARE(map.label_value_names[0][2], std::string("c"));
    QVERIFY(map.explained_variance[0] >= map.explained_variance[1]);
    // The projections are centred: they sum to zero.
    double sum = 0;
    for (const auto& xy : map.pca) sum += xy[0];
    QVERIFY(std::abs(sum) < 1e-3);
  }

  void labelNamesOfKnownDatasets() {
    auto chest = guess_label_info("MedMNIST chestmnist.npz (train)", torch::zeros({5, 14}, torch::kLong));
    QVERIFY(chest.multi_label);
    QCOMPARE(chest.columns[13], std::string("hernia"));
    auto fashion = guess_label_info("IDX /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz",
                                    torch::arange(10, torch::kLong).unsqueeze(1));
    QCOMPARE(fashion.values[0][9], std::string("ankle boot"));
    auto digits = guess_label_info("IDX mnist", torch::arange(10, torch::kLong).unsqueeze(1));
    QVERIFY(digits.values[0].empty());
    QCOMPARE(digits.columns, std::vector<std::string>{"class"});
  }
};

QTEST_GUILESS_MAIN(TestResponses)
#include "test_responses.moc"
