// Using a model (model/inference): snapshots that follow the weights, traversals, interpolations, difference maps,
// error heat maps and per-image errors against closed forms. Links model/inference only.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>

#include "model/inference/evaluation.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"
#include "model/nn/networks.h"

using namespace fvae;

class TestInference : public QObject {
  Q_OBJECT

 private slots:
  // Decoding keeps the phased weights between calls; it must see every change of the weights, whichever way made.
  void resizeConvolutionFollowsWeightChangesWhenDecoding() {
    torch::manual_seed(4);
    ResizeConv2d layer(3, 2);
    auto x = torch::randn({1, 3, 5, 5});
    auto expect_reference = [&](const char* when) {
      torch::Tensor fast, reference;
      {
        torch::NoGradGuard no_grad;
        fast = layer->forward(x);
        reference = layer->reference_forward(x);
      }
      QVERIFY2(torch::allclose(fast, reference, 1e-5, 1e-5), when);
      torch::InferenceMode inference;
      QVERIFY2(torch::allclose(layer->forward(x), reference, 1e-5, 1e-5), when);
    };
    expect_reference("fresh");
    {
      torch::NoGradGuard no_grad;
      layer->conv->weight.mul_(-2);  // in place: same storage, new version
    }
    expect_reference("after an in-place change of the weight");
    {
      torch::InferenceMode inference;
      layer->conv->bias.add_(1);  // as a snapshot update inside InferenceMode would
    }
    expect_reference("after an in-place change of the bias in InferenceMode");
    layer->conv->weight = torch::randn({2, 3, 3, 3});  // a new tensor altogether
    expect_reference("after replacing the weight");
    // And training still differentiates through the phased weights.
    auto loss = layer->forward(x).square().sum();
    loss.backward();
    QVERIFY(layer->conv->bias.grad().defined() && layer->conv->bias.grad().abs().sum().item<double>() > 0);
  }

  void differenceMapFollowsTheOriginalRule() {
    auto row = torch::zeros({3, 1, 2, 2});
    row[0][0][0][0] = 1.0;        // varies across the row at (0,0) only
    row.select(3, 1).fill_(0.7);  // constant column: std 0 → black
    auto map = difference_map(row);
    QVERIFY(std::abs(map[0][0][0].item<float>() - 1.0f / 3) < 1e-6);
    QCOMPARE(map[0][0][1].item<float>(), 0.0f);
    QCOMPARE(map[0][1][1].item<float>(), 0.0f);
    auto values = traversal_values();
    QCOMPARE(values.size(), size_t{13});
    QCOMPARE(values.front(), -3.0);
    QCOMPARE(values[7], 0.5);
  }

  void traversalOffsetsAndAbsoluteValues() {
    auto identity = [](const torch::Tensor& z) { return z.view({z.size(0), 1, 1, z.size(1)}); };
    auto base = torch::tensor({1.0f, -2.0f});
    auto offsets = latent_traversal(identity, base, {-1.0, 0.0, 2.0}, false);
    QCOMPARE(offsets.sizes().vec(), (std::vector<int64_t>{2, 3, 1, 1, 2}));
    QCOMPARE(offsets[0][2][0][0][0].item<float>(), 3.0f);   // 1 + 2 on dimension 0
    QCOMPARE(offsets[0][2][0][0][1].item<float>(), -2.0f);  // dimension 1 untouched
    auto absolute = latent_traversal(identity, base, {-1.0, 0.0, 2.0}, true);
    QCOMPARE(absolute[1][0][0][0][1].item<float>(), -1.0f);
    QCOMPARE(with_difference_maps(offsets).size(1), int64_t{4});
  }

  void traversalFramesGoForthAndBack() {
    auto traversal = torch::rand({3, 5, 1, 4, 4});  // 3 dimensions × 5 values
    auto frames = traversal_frames(traversal);
    QCOMPARE(frames.size(), size_t(5 + 3));
    QCOMPARE(frames[0].sizes(), (torch::IntArrayRef{1, 3 * 5 + 1, 4 + 2}));            // one column of 3 cells, padded
    QVERIFY(torch::equal(frames[0].slice(1, 6, 10).slice(2, 1, 5), traversal[1][0]));  // dimension 1, value 0
    QVERIFY(torch::equal(frames[5], frames[3]));                                       // back: 0 1 2 3 4 3 2 1
    QVERIFY(torch::equal(frames[7], frames[1]));
  }

  void interpolationClosedForms() {
    auto a = torch::tensor({1.0f, 0.0f, 0.0f}), b = torch::tensor({0.0f, 2.0f, 0.0f});
    auto linear = interpolate_codes(a, b, 5, false);
    QCOMPARE(linear.sizes(), (torch::IntArrayRef{5, 3}));
    QVERIFY(torch::allclose(linear[0], a) && torch::allclose(linear[4], b));
    QVERIFY(torch::allclose(linear[2], torch::tensor({0.5f, 1.0f, 0.0f})));
    // Unit vectors at 90°: slerp keeps the norm 1 and passes through (e0 + e1)/√2 at t = 1/2.
    auto e0 = torch::tensor({1.0f, 0.0f}), e1 = torch::tensor({0.0f, 1.0f});
    auto slerp = interpolate_codes(e0, e1, 3, true);
    QVERIFY(torch::allclose(slerp[0], e0, 1e-6, 1e-6) && torch::allclose(slerp[2], e1, 1e-6, 1e-6));
    QVERIFY(torch::allclose(slerp[1], torch::tensor({1.0f, 1.0f}) / std::sqrt(2.0f), 1e-6, 1e-6));
    QVERIFY(torch::allclose(interpolate_codes(e0, e1, 9, true).norm(2, 1), torch::ones({9}), 1e-5, 1e-5));
    // At t: cos and sin of t·90° for orthogonal unit vectors.
    auto quarter = interpolate_codes(e0, e1, 4, true)[1];
    QVERIFY(std::abs(quarter[0].item<float>() - std::cos(M_PI / 6)) < 1e-6);
    // Parallel codes: no angle to follow, so linear.
    QVERIFY(torch::allclose(interpolate_codes(e0, 3 * e0, 3, true), interpolate_codes(e0, 3 * e0, 3, false)));
    QVERIFY_THROWS_EXCEPTION(c10::Error, interpolate_codes(e0, a, 3, true));
    QVERIFY_THROWS_EXCEPTION(c10::Error, interpolate_codes(e0, e1, 1, true));
  }

  void errorHeatmapColours() {
    auto x = torch::zeros({1, 1, 4});
    auto r = torch::tensor({0.0f, 1.0f / 3, 0.5f, 1.0f}).view({1, 1, 4});
    auto map = error_heatmap(x, r);                                    // [3, 1, 4]
    QVERIFY(torch::allclose(map.select(2, 0), torch::zeros({3, 1})));  // no error: black
    QVERIFY(torch::allclose(map.select(2, 1).flatten(), torch::tensor({1.0f, 0.0f, 0.0f}), 1e-5, 1e-5));  // red
    QVERIFY(torch::allclose(map.select(2, 2).flatten(), torch::tensor({1.0f, 0.5f, 0.0f}), 1e-5, 1e-5));  // orange
    QVERIFY(torch::allclose(map.select(2, 3).flatten(), torch::ones({3})));                               // white
    QVERIFY_THROWS_EXCEPTION(c10::Error, error_heatmap(x, torch::zeros({1, 2, 4})));
  }

  void perImageErrorsMatchTheFormulas() {
    auto x = torch::tensor({0.0f, 1.0f, 1.0f, 0.0f}).view({2, 1, 1, 2});
    auto r = torch::tensor({0.25f, 0.5f, 0.9f, 0.0f}).view({2, 1, 1, 2});
    auto e = per_image_errors(x, r);
    // Image 0: −log(1 − 0.25) − log(0.5); image 1: −log(0.9) − log(1 − 1e-7) (clamped). (0.9 is a float: 1e-7.)
    QVERIFY(std::abs(e.bce_nats[0].item<double>() - (-std::log(0.75) - std::log(0.5))) < 1e-9);
    QVERIFY(std::abs(e.bce_nats[1].item<double>() - (-std::log(0.9) - std::log1p(-1e-7))) < 1e-7);
    QVERIFY(std::abs(e.mse[0].item<double>() - (0.0625 + 0.25) / 2) < 1e-7);
    QVERIFY(std::abs(e.mse[1].item<double>() - (0.01 + 1e-14) / 2) < 1e-7);
  }
};

QTEST_GUILESS_MAIN(TestInference)
#include "test_inference.moc"
