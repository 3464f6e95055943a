// The built-in shapes (model/data): dSprites' geometry (shared/dsprites-geometry.md), orientation, smaller sizes
// downsampled by area. Links model/data only.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>

#include "model/data/shapes.h"

using namespace fvae;

namespace {

struct BoundingBox {
  int64_t width = 0, height = 0, area = 0;
};

BoundingBox bbox(const torch::Tensor& image) {
  auto on = image.squeeze() > 0.5;
  auto rows = on.any(1).nonzero(), cols = on.any(0).nonzero();
  if (rows.numel() == 0) return {};
  return {cols.max().item<int64_t>() - cols.min().item<int64_t>() + 1,
          rows.max().item<int64_t>() - rows.min().item<int64_t>() + 1, on.sum().item<int64_t>()};
}

torch::Tensor render_one(const ShapesDataset& s, int64_t shape, int64_t scale, int64_t orientation, int64_t x,
                         int64_t y) {
  return s.render(torch::tensor({shape, scale, orientation, x, y}, torch::kLong).view({1, 5}))[0];
}

}  // namespace

class TestData : public QObject {
  Q_OBJECT

 private slots:
  void shapesGeometryAt64_data() {
    QTest::addColumn<int>("shape");
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("square scale 1") << 0 << 5 << 20 << 20;
    QTest::newRow("square scale 0.5") << 0 << 0 << 10 << 10;
    QTest::newRow("ellipse scale 1") << 1 << 5 << 26 << 14;
    QTest::newRow("heart scale 1") << 2 << 5 << 20 << 17;
  }

  void shapesGeometryAt64() {
    QFETCH(int, shape);
    QFETCH(int, scale);
    QFETCH(int, width);
    QFETCH(int, height);
    ShapesDataset s(64);
    auto box = bbox(render_one(s, shape, scale, 0, 0, 0));
    QCOMPARE(box.width, int64_t(width));
    QCOMPARE(box.height, int64_t(height));
    auto image = render_one(s, shape, scale, 0, 0, 0);
    QVERIFY(torch::all((image == 0) | (image == 1)).item<bool>());  // binary, no anti-aliasing
  }

  void shapesPositionsAndSquareArea() {
    ShapesDataset s(64);
    // At pos 0 the square spans 6..25, at pos 1 38..57 (centre 16 + 32·pos); posY 0 is the top row.
    auto at0 = render_one(s, 0, 5, 0, 0, 0).squeeze() > 0.5;
    QCOMPARE(at0.any(0).nonzero().min().item<int64_t>(), int64_t{6});
    QCOMPARE(at0.any(1).nonzero().min().item<int64_t>(), int64_t{6});
    auto at1 = render_one(s, 0, 5, 0, 31, 31).squeeze() > 0.5;
    QCOMPARE(at1.any(0).nonzero().max().item<int64_t>(), int64_t{57});
    const int64_t areas[6] = {100, 144, 196, 256, 324, 400};
    for (int k = 0; k < 6; ++k) QCOMPARE(bbox(render_one(s, 0, k, 0, 10, 10)).area, areas[k]);
    QCOMPARE(bbox(render_one(s, 2, 5, 0, 0, 0)).area, int64_t{222});
  }

  void shapesRotateCounterClockwise() {
    ShapesDataset s(64);
    // The heart's point is at the bottom at orientation 0 and on the right after about 90° (index 10 of 40).
    auto centroid_offset = [&](int64_t orientation) {
      auto img = render_one(s, 2, 5, orientation, 16, 16).squeeze();
      auto ys = torch::arange(64, torch::kFloat).view({64, 1}), xs = torch::arange(64, torch::kFloat).view({1, 64});
      const float n = img.sum().item<float>();
      const float cx = (img * xs).sum().item<float>() / n + 0.5f, cy = (img * ys).sum().item<float>() / n + 0.5f;
      const float centre = 16 + 32 * 16 / 31.0f;
      return std::make_pair(cx - centre, cy - centre);
    };
    auto [dx0, dy0] = centroid_offset(0);
    QVERIFY(std::abs(dx0) < 0.2 && std::abs(dy0 + 1.93) < 0.2);  // centroid 1.93 px above the pivot
    auto [dx10, dy10] = centroid_offset(10);                     // ~92°: lobes turn to the left, point to the right
    QVERIFY2(dx10 < -1.5 && std::abs(dy10) < 0.6, qPrintable(QString("%1 %2").arg(dx10).arg(dy10)));
  }

  void shapesSmallerSizesScaleThePicture() {
    ShapesDataset s32(32);
    auto box = bbox(render_one(s32, 0, 5, 0, 0, 0));
    QCOMPARE(box.width, int64_t{10});
    QCOMPARE(s32.size(), ShapesDataset::kCombinations);
    auto f = torch::tensor({2, 3, 17, 5, 30}, torch::kLong).view({1, 5});
    auto index = ShapesDataset::combination_of_factors(f);
    QCOMPARE(index.item<int64_t>(), (((2 * 6 + 3) * 40 + 17) * 32 + 5) * 32 + 30);
    QVERIFY(torch::equal(ShapesDataset::factors_of_combination(index), f));
    QVERIFY(torch::equal(s32.labels(index), f));
  }

  void shapesBelow64AreDSpritesDownsampledByArea() {
    ShapesDataset s64(64), s32(32), s28(28);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
    auto factors = s64.sample_factors(200, gen);
    // At 32×32 each pixel is the mean of the 2×2 dSprites pixels it covers.
    auto pooled = torch::avg_pool2d(s64.render(factors), 2);
    QVERIFY(torch::allclose(s32.render(factors), pooled, 0, 1e-6));
    // Sub-pixel steps stay visible: every step of x position (1.03 dSprites pixels, half a pixel at 32×32) changes
    // the image, where point sampling at the pixel centres leaves some steps invisible.
    auto steps = torch::tensor({1, 2, 5, 0, 7}, torch::kLong).repeat({32, 1});
    steps.select(1, 3).copy_(torch::arange(32));
    auto images = s32.render(steps);
    for (int64_t x = 0; x + 1 < 32; ++x)
      QVERIFY2(!torch::equal(images[x], images[x + 1]), qPrintable(QString::number(x)));
    auto small = s28.render(factors);
    QVERIFY(small.min().item<float>() >= 0 && small.max().item<float>() <= 1);
    QVERIFY(((small > 0) & (small < 1)).any().item<bool>());  // edges are grey
    QVERIFY(torch::allclose(small.sum({1, 2, 3}) * (64.0 / 28) * (64.0 / 28), s64.render(factors).sum({1, 2, 3}), 0.15,
                            2.0));  // same ink
  }
};

QTEST_GUILESS_MAIN(TestData)
#include "test_data.moc"
