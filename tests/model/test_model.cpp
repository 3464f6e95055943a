// Networks, objective, shapes geometry, grids and the fused optimiser, checked against closed forms and
// independent computations.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>
#include <thread>
#include <cmath>
#include <cstring>
#include <fstream>

#include "model/base/atomic_file.h"
#include "model/base/config.h"
#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/export.h"
#include "model/checkpoint/record_file.h"
#include "model/data/shapes.h"
#include "model/inference/evaluation.h"
#include "model/inference/grids.h"
#include "model/io/readers.h"
#include "model/nn/bfloat16.h"
#include "model/nn/fused_adam.h"
#include "model/nn/networks.h"
#include "model/nn/objective.h"
#include "test_support.h"

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

double max_difference(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.sizes() != b.sizes()) return INFINITY;
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

torch::Tensor render_one(const ShapesDataset& s, int64_t shape, int64_t scale, int64_t orientation, int64_t x,
                         int64_t y) {
  return s.render(torch::tensor({shape, scale, orientation, x, y}, torch::kLong).view({1, 5}))[0];
}

}  // namespace

class TestModel : public QObject {
  Q_OBJECT

 private slots:
  void outputShapes_data() {
    QTest::addColumn<int>("architecture");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    for (int arch : {0, 1})
      for (int channels : {1, 3})
        for (int size : {28, 32, 64}) {
          if (arch == 1 && size == 64) continue;  // seed at 64×64 has 270 M parameters: too slow for a unit test
          QTest::addRow("%s-%dch-%d", arch ? "seed" : "lean", channels, size) << arch << channels << size;
        }
  }
  void outputShapes() {
    QFETCH(int, architecture);
    QFETCH(int, channels);
    QFETCH(int, size);
    ModelConfig c;
    c.architecture = architecture ? Architecture::Seed : Architecture::Lean;
    c.channels = channels;
    c.image_size = size;
    c.latent_dim = 5;
    Networks n(c);
    n.train(false);
    torch::NoGradGuard no_grad;
    auto p = n.encoder->forward(torch::rand({3, channels, size, size}));
    QCOMPARE(p.mu.sizes().vec(), (std::vector<int64_t>{3, 5}));
    QCOMPARE(p.logvar.sizes().vec(), (std::vector<int64_t>{3, 5}));
    auto x = n.decoder->forward(p.mu);
    QCOMPARE(x.sizes().vec(), (std::vector<int64_t>{3, channels, size, size}));
    QCOMPARE(n.discriminator->forward(p.mu).sizes().vec(), (std::vector<int64_t>{3, 2}));
  }

  void seedParameterCount() {
    ModelConfig c;
    c.architecture = Architecture::Seed;
    Networks n(c);
    const int64_t total = parameter_count(*n.encoder) + parameter_count(*n.decoder) + parameter_count(*n.discriminator);
    QCOMPARE(total, int64_t{47525587});
  }

  // The seed architecture computes what the original project's own code computes (tests/fixtures/
  // original_seed_outputs.npz, made by tools/original_fixture.py running 3liFi/FactorVAE's vae.py): decoder images,
  // encoder mu and log-variance, discriminator logits, in eval mode, through the import path and a saved checkpoint.
  void seedArchitectureMatchesTheOriginalCode() {
    const auto fixture = read_npz_arrays(FACTORVAE_TEST_FIXTURES "/original_seed_outputs.npz");
    auto array = [&](const char* name) { return fixture.at(name).data; };
    const auto state = testing::original_fixture_state_dict();
    QCOMPARE(state.size(), size_t{74});
    Checkpoint imported = checkpoint_from_original(state, "fixture");
    QCOMPARE(imported.model.architecture, Architecture::Seed);
    QTemporaryDir dir;
    const std::string path = dir.filePath("imported.fvae").toStdString();
    save_checkpoint(path, imported);
    const Checkpoint cp = load_checkpoint(path);
    torch::NoGradGuard no_grad;
    const auto decoded = torch::sigmoid(cp.networks->decoder->forward(array("codes")));
    QVERIFY(max_difference(decoded, array("decoded")) < 1e-5);
    const auto posterior = cp.networks->encoder->forward(array("images"));
    QVERIFY(max_difference(posterior.mu, array("mu")) < 1e-5);
    QVERIFY(max_difference(posterior.logvar, array("logvar")) < 1e-5);
    // This project's logit 0 is "drawn from q(z)", the original's logit 1.
    const auto logits = cp.networks->discriminator->forward(array("codes")).flip(1);
    QVERIFY(max_difference(logits, array("discriminator_logits")) < 1e-5);

    // The fixture tells the layouts apart: the same weights in the earlier layout decode other images.
    ModelConfig v1 = cp.model;
    v1.architecture = Architecture::SeedV1;
    Networks earlier(v1);
    earlier.train(false);
    auto decoder_params = cp.networks->decoder->named_parameters();
    for (auto& item : earlier.decoder->named_parameters()) item.value().copy_(decoder_params[item.key()]);
    auto decoder_buffers = cp.networks->decoder->named_buffers();
    for (auto& item : earlier.decoder->named_buffers()) item.value().copy_(decoder_buffers[item.key()]);
    QVERIFY(max_difference(torch::sigmoid(earlier.decoder->forward(array("codes"))), array("decoded")) > 0.05);
  }

  // Checkpoints of the earlier seed layout, as builds before the correction wrote them ("model.architecture=seed"):
  // a trained one keeps decoding as it did; an imported one is refused with what to do, never decoded differently.
  void earlierSeedCheckpointsKeepTheirImagesOrAreRefused() {
    QTemporaryDir dir;
    Checkpoint cp = checkpoint_from_original(testing::original_fixture_state_dict(), "fixture");
    const std::string current = dir.filePath("current.fvae").toStdString();
    save_checkpoint(current, cp);
    auto as_earlier_build_wrote_it = [&](const std::string& description, const std::string& out) {
      Records records = read_checkpoint_records(current);
      std::string& config = records.at("config").text;
      const auto at = config.find("model.architecture=seed-2\n");
      QVERIFY(at != std::string::npos);
      config.replace(at, 26, "model.architecture=seed\n");
      const auto d = config.find("dataset.description=");
      config.replace(d, config.find('\n', d) - d, "dataset.description=" + description);
      records.at("format").text = "FactorVAE Studio checkpoint 2";  // and in their container
      records.erase("history_columns");
      write_file_atomically(out, encode_records(records));
    };
    const std::string trained = dir.filePath("trained.fvae").toStdString();
    as_earlier_build_wrote_it("shapes, 28x28", trained);
    const Checkpoint earlier = load_checkpoint(trained);
    QCOMPARE(earlier.model.architecture, Architecture::SeedV1);
    QCOMPARE(QString::fromStdString(earlier.model.describe()), QStringLiteral("seed-v1 1x28x28, latent 8"));
    // Its decoder is the earlier layout: the same weights in a SeedV1 network decode exactly alike.
    Networks v1(earlier.model);
    v1.train(false);
    auto params = earlier.networks->decoder->named_parameters();
    for (auto& item : v1.decoder->named_parameters()) item.value().detach().copy_(params[item.key()]);
    auto buffers = earlier.networks->decoder->named_buffers();
    for (auto& item : v1.decoder->named_buffers()) item.value().copy_(buffers[item.key()]);
    torch::NoGradGuard no_grad;
    const auto codes = torch::randn({3, 8});
    QVERIFY(torch::equal(earlier.networks->decoder->forward(codes), v1.decoder->forward(codes)));
    QVERIFY(max_difference(earlier.networks->decoder->forward(codes), cp.networks->decoder->forward(codes)) > 1e-3);
    // Saved again, it stays the earlier layout.
    const std::string resaved = dir.filePath("resaved.fvae").toStdString();
    save_checkpoint(resaved, earlier);
    QCOMPARE(load_checkpoint(resaved).model.architecture, Architecture::SeedV1);

    const std::string imported = dir.filePath("imported.fvae").toStdString();
    as_earlier_build_wrote_it("imported from ChestMNIST-FactorVAE.ckpt", imported);
    try {
      load_checkpoint(imported);
      QFAIL("an import of the earlier layout loaded");
    } catch (const CheckpointError& e) {
      const QString message = QString::fromUtf8(e.what());
      QVERIFY2(message.startsWith(QString::fromStdString(imported)), qPrintable(message));
      QVERIFY2(message.contains("wrong strides") && message.contains("import-seed"), qPrintable(message));
    }
  }

  // A file whose tensors do not match its stored configuration is refused, even when every expected tensor is there.
  void checkpointWithTensorsOfAnotherLayoutIsRefused() {
    QTemporaryDir dir;
    ModelConfig config;
    Checkpoint cp;
    cp.model = config;
    cp.networks = std::make_shared<Networks>(config);
    cp.latent_names.assign(8, "");
    const std::string path = dir.filePath("lean.fvae").toStdString();
    save_checkpoint(path, cp);
    Records records = read_checkpoint_records(path);
    records["decoder.upsampling.9.weight"].tensor = torch::zeros({2, 2});
    const std::string extra = dir.filePath("extra.fvae").toStdString();
    write_checkpoint_records(extra, records);
    try {
      load_checkpoint(extra);
      QFAIL("a checkpoint with a stray tensor loaded");
    } catch (const CheckpointError& e) {
      QVERIFY2(QString(e.what()).contains("decoder.upsampling.9.weight"), e.what());
    }
  }

  void paperDiscriminatorLayout() {
    Networks n(ModelConfig{});
    int linear = 0;
    for (const auto& m : n.discriminator->modules(false))
      if (auto l = m->as<torch::nn::Linear>()) {
        ++linear;
        if (linear < 7) QCOMPARE(l->options.out_features(), int64_t{1000});
      }
    QCOMPARE(linear, 7);  // six hidden layers of 1000 units and the output layer
  }

  void resizeConvolutionEqualsUpsampleThenConv() {
    torch::manual_seed(3);
    ResizeConv2d layer(5, 4);
    auto x = torch::randn({2, 5, 7, 6}, torch::requires_grad());
    auto fast = layer->forward(x);
    auto reference = layer->reference_forward(x);
    QCOMPARE(fast.sizes().vec(), (std::vector<int64_t>{2, 4, 14, 12}));
    QVERIFY(torch::allclose(fast, reference, 1e-5, 1e-5));
    auto g = torch::randn_like(fast);
    auto grads_fast = torch::autograd::grad({fast}, {x, layer->conv->weight}, {g});
    auto grads_ref = torch::autograd::grad({layer->reference_forward(x)}, {x, layer->conv->weight}, {g});
    QVERIFY(torch::allclose(grads_fast[0], grads_ref[0], 1e-4, 1e-4));
    QVERIFY(torch::allclose(grads_fast[1], grads_ref[1], 1e-4, 1e-4));
  }

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

  void klMatchesClosedForm() {
    // KL(N(m, s²) || N(0, 1)) = log(1/s) + (s² + m²)/2 − 1/2.
    auto mu = torch::tensor({0.0, 1.0, -2.0, 0.5}, torch::kDouble).view({2, 2});
    auto sigma = torch::tensor({1.0, 0.5, 2.0, 0.1}, torch::kDouble).view({2, 2});
    auto kl = kl_per_dimension(mu, (sigma * sigma).log());
    auto a = kl.accessor<double, 2>();
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) {
        const double m = mu[i][j].item<double>(), s = sigma[i][j].item<double>();
        QVERIFY(std::abs(a[i][j] - (std::log(1 / s) + (s * s + m * m) / 2 - 0.5)) < 1e-12);
      }
    QCOMPARE(kl_per_dimension(torch::zeros({3, 4}), torch::zeros({3, 4})).abs().max().item<float>(), 0.0f);
  }

  void reconstructionLossIsPerImageSumAveragedOverBatch() {
    auto logits = torch::tensor({0.0f, 2.0f, -1.0f, 0.5f}).view({2, 1, 1, 2});
    auto target = torch::tensor({1.0f, 0.0f, 0.25f, 1.0f}).view({2, 1, 1, 2});
    double expected = 0;
    for (int i = 0; i < 4; ++i) {
      const double p = 1 / (1 + std::exp(-logits.view(-1)[i].item<double>())), t = target.view(-1)[i].item<double>();
      expected -= t * std::log(p) + (1 - t) * std::log(1 - p);
    }
    QVERIFY(std::abs(reconstruction_loss(logits, target, Reconstruction::Bernoulli).item<double>() - expected / 2) <
            1e-5);
    const double mse = (torch::sigmoid(logits) - target).pow(2).sum().item<double>() / 2;
    QVERIFY(std::abs(reconstruction_loss(logits, target, Reconstruction::Gaussian).item<double>() - mse) < 1e-6);
  }

  void permutationPermutesEachColumnIndependently() {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
    const int64_t B = 200, D = 6;
    auto z = torch::arange(B, torch::kFloat).view({B, 1}).repeat({1, D}) + torch::arange(D).view({1, D}) * 1000;
    auto p = permute_dimensions(z, gen);
    int identical_columns = 0;
    for (int64_t d = 0; d < D; ++d) {
      // Each column holds exactly the same values (a permutation) …
      QVERIFY(torch::equal(std::get<0>(p.select(1, d).sort()), z.select(1, d)));
      // … and columns are permuted independently: rows no longer line up.
      if (d > 0 && torch::equal(p.select(1, d) - 1000 * d, p.select(1, 0))) ++identical_columns;
    }
    QCOMPARE(identical_columns, 0);
    QVERIFY(!torch::equal(p, z));
  }

  void totalCorrelationSignSeparatesDependentCodes() {
    // Train a small discriminator to tell joint samples from permuted ones: for strongly dependent codes the TC
    // estimate must be clearly positive, for independent codes close to zero.
    auto estimate = [](bool dependent) {
      torch::manual_seed(1);
      auto gen = at::make_generator<at::CPUGeneratorImpl>(2);
      // A small MLP: this checks the density-ratio estimator, not the paper's (slow to train) network.
      torch::nn::Sequential d(torch::nn::Linear(2, 64), torch::nn::LeakyReLU(), torch::nn::Linear(64, 64),
                              torch::nn::LeakyReLU(), torch::nn::Linear(64, 2));
      torch::optim::Adam opt(d->parameters(), torch::optim::AdamOptions(1e-3).betas({0.5, 0.9}));
      auto sample = [&](int64_t n) {
        auto a = torch::randn({n, 1}, gen);
        auto b = dependent ? a + 0.1 * torch::randn({n, 1}, gen) : torch::randn({n, 1}, gen);
        return torch::cat({a, b}, 1);
      };
      for (int step = 0; step < 300; ++step) {
        auto loss = discriminator_loss(d->forward(sample(128)), d->forward(permute_dimensions(sample(128), gen))).loss;
        opt.zero_grad();
        loss.backward();
        opt.step();
      }
      torch::NoGradGuard no_grad;
      return total_correlation_estimate(d->forward(sample(4096))).item<double>();
    };
    const double dependent = estimate(true), independent = estimate(false);
    QVERIFY2(dependent > 1.0, qPrintable(QString::number(dependent)));  // true TC here: ~1.6 nats
    QVERIFY2(std::abs(independent) < 0.3, qPrintable(QString::number(independent)));
  }

  void discriminatorLossAndAccuracy() {
    auto real = torch::tensor({{2.0f, 0.0f}, {0.0f, 1.0f}});      // first right, second wrong
    auto permuted = torch::tensor({{0.0f, 3.0f}, {0.0f, 1.0f}});  // both right
    auto r = discriminator_loss(real, permuted);
    QCOMPARE(r.accuracy.item<double>(), 0.75);
    auto ce = [](double a, double b, int target) {
      return -((target == 0 ? a : b) - std::log(std::exp(a) + std::exp(b)));
    };
    const double expected = 0.5 * ((ce(2, 0, 0) + ce(0, 1, 0)) / 2 + (ce(0, 3, 1) + ce(0, 1, 1)) / 2);
    QVERIFY(std::abs(r.loss.item<double>() - expected) < 1e-5);
  }

  void fusedAdamMatchesLibTorchAdam() {
    torch::manual_seed(4);
    auto a = torch::randn({300, 7}, torch::requires_grad());
    auto b = a.detach().clone().requires_grad_(true);
    torch::optim::Adam reference({a}, torch::optim::AdamOptions(3e-3).betas({0.5, 0.9}));
    FusedAdam fused({b}, torch::optim::AdamOptions(3e-3).betas({0.5, 0.9}));
    for (int step = 0; step < 25; ++step) {
      // Gradients from backward passes: zeroed and accumulated for LibTorch's Adam, dropped and stored afresh for
      // ours. Two backward passes per step, as the trainer's VAE gets (both land in the same gradient).
      auto target = torch::randn({300, 7});
      reference.zero_grad();
      fused.forget_gradients();
      QVERIFY(!b.grad().defined());
      for (auto* w : {&a, &b}) {
        ((*w - target).pow(2).sum()).backward();
        ((*w * target).sum()).backward();
      }
      for (auto* w : {&a, &b})  // the sum of both passes' gradients, nothing left over from the previous step
        QVERIFY(torch::allclose(w->grad(), 2 * (w->detach() - target) + target));
      reference.step();
      const auto version = b._version();
      fused.step();
      QVERIFY(b._version() > version);  // in place, as autograd and the bf16 weight cache must see
    }
    QVERIFY(torch::allclose(a, b, 1e-5, 1e-6));
    QVERIFY(!torch::allclose(a, torch::zeros_like(a)));
  }

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

  void bfloat16DiscriminatorMatchesFp32() {
    ModelConfig c;
    torch::manual_seed(4);
    Discriminator fp32(c), bf16(c);
    {
      torch::NoGradGuard no_grad;
      auto from = fp32->parameters(), to = bf16->parameters();
      for (size_t i = 0; i < from.size(); ++i) to[i].copy_(from[i]);
    }
    bf16->set_bfloat16_products(true);
    auto z = torch::randn({256, c.latent_dim});
    auto z_exact = z.clone().requires_grad_(true), z_approx = z.clone().requires_grad_(true);
    auto exact = fp32->forward(z_exact), approx = bf16->forward(z_approx);
    QCOMPARE(approx.scalar_type(), torch::kFloat);
    // bfloat16 keeps 8 significant bits: logits agree to a few per cent of their spread, never exactly.
    const double spread = exact.std().item<double>(), error = (approx - exact).abs().max().item<double>();
    QVERIFY2(error < 0.05 * spread + 1e-3, qPrintable(QString("max error %1, spread %2").arg(error).arg(spread)));
    QVERIFY(error > 0);
    // Gradients reach the fp32 weights (in fp32) and agree in direction with the exact ones.
    exact.sum().backward();
    approx.sum().backward();
    auto g_exact = fp32->parameters()[0].grad().flatten(), g_approx = bf16->parameters()[0].grad().flatten();
    QCOMPARE(g_approx.scalar_type(), torch::kFloat);
    const double cosine = (g_exact.dot(g_approx) / (g_exact.norm() * g_approx.norm())).item<double>();
    QVERIFY2(cosine > 0.99, qPrintable(QString::number(cosine)));
    // The TC term's gradient reaches the codes (and through them the encoder).
    QVERIFY(z_approx.grad().defined());
    const double z_cosine =
        (z_exact.grad().flatten().dot(z_approx.grad().flatten()) / (z_exact.grad().norm() * z_approx.grad().norm()))
            .item<double>();
    QVERIFY2(z_cosine > 0.99, qPrintable(QString::number(z_cosine)));
    // A second forward after a weight change uses the new weights (the bf16 copy follows the version counter).
    {
      torch::NoGradGuard no_grad;
      bf16->parameters()[0].mul_(2);
      fp32->parameters()[0].mul_(2);
    }
    QVERIFY((bf16->forward(z) - fp32->forward(z)).abs().max().item<double>() < 0.05 * spread + 1e-3);
    // The seed preset's discriminator (BatchNorm, Dropout) stays in fp32.
    Discriminator seed(preset("seed").model);
    QVERIFY_THROWS_EXCEPTION(c10::Error, seed->set_bfloat16_products(true));
  }

  // The update in slices on several threads (the trainer's shard threads) is step()'s, bit for bit, bf16 copy included:
  // odd sizes, so that slices end inside the vectorised loops.
  void fusedAdamInPartsIsTheSameStep() {
    torch::manual_seed(8);
    std::vector<torch::Tensor> whole, sliced;
    for (int64_t n : {1003, 7, 1, 4097}) {
      whole.push_back(torch::randn({n}, torch::requires_grad()));
      sliced.push_back(whole.back().detach().clone().requires_grad_(true));
    }
    FusedAdam one(whole, torch::optim::AdamOptions(3e-3).betas({0.5, 0.9}));
    FusedAdam parts(sliced, torch::optim::AdamOptions(3e-3).betas({0.5, 0.9}));
    Bfloat16Cache one_copy, parts_copy;
    one.mirror_in_bfloat16(whole[0], one_copy);
    parts.mirror_in_bfloat16(sliced[0], parts_copy);
    for (int step = 0; step < 5; ++step) {
      for (size_t i = 0; i < whole.size(); ++i) {
        whole[i].mutable_grad() = torch::randn_like(whole[i]);
        sliced[i].mutable_grad() = whole[i].grad().clone();
      }
      one.step();
      parts.step_in_parts(3, [](const std::function<void(int)>& slice) {
        std::vector<std::thread> threads;
        for (int k = 1; k < 3; ++k) threads.emplace_back(slice, k);
        slice(0);
        for (auto& t : threads) t.join();
      });
      for (size_t i = 0; i < whole.size(); ++i) QVERIFY(torch::equal(whole[i], sliced[i]));
      QVERIFY(parts_copy.current_for(sliced[0]));
      QVERIFY(torch::equal(one_copy.get(whole[0]).view(torch::kShort), parts_copy.get(sliced[0]).view(torch::kShort)));
    }
  }

  void fusedAdamWritesTheBfloat16Copy() {
    torch::manual_seed(6);
    auto w = torch::randn({200, 30}, torch::requires_grad());
    FusedAdam adam({w}, torch::optim::AdamOptions(1e-2));
    Bfloat16Cache copy;
    adam.mirror_in_bfloat16(w, copy);
    const auto* storage = copy.get(w).data_ptr();
    for (int step = 0; step < 3; ++step) {
      w.mutable_grad() = torch::randn_like(w);
      adam.step();
      QVERIFY(copy.current_for(w));  // written with the update: get() will not convert again
      QVERIFY(torch::equal(copy.get(w).view(torch::kShort), to_bfloat16(w.detach()).view(torch::kShort)));
      QCOMPARE(copy.get(w).data_ptr(), storage);  // rewritten in place, no fresh allocation
    }
    // A change outside the optimiser makes the copy stale; get() converts again, into the same buffer.
    {
      torch::NoGradGuard no_grad;
      w.mul_(-1);
    }
    QVERIFY(!copy.current_for(w));
    QVERIFY(torch::equal(copy.get(w).view(torch::kShort), to_bfloat16(w.detach()).view(torch::kShort)));
    QCOMPARE(copy.get(w).data_ptr(), storage);
  }

  void bfloat16ConversionMatchesATen() {
    auto x = torch::randn({10000}) * 1e3;
    // Ties (the dropped half exactly 0x8000), both parities; infinities; NaN; the largest finite values.
    std::vector<uint32_t> special = {0x3f808000u, 0x3f818000u, 0x7f800000u, 0xff800000u,
                                     0x7fc00000u, 0x7f7fffffu, 0x00000001u, 0x80000000u};
    auto extra = torch::empty({static_cast<int64_t>(special.size())});
    std::memcpy(extra.data_ptr<float>(), special.data(), special.size() * sizeof(uint32_t));
    x = torch::cat({x, extra});
    auto ours = to_bfloat16(x), aten = x.to(torch::kBFloat16);
    auto ours_bits = ours.view(torch::kShort), aten_bits = aten.view(torch::kShort);
    const auto finite = torch::isfinite(x) | torch::isinf(x);
    QVERIFY(torch::equal(ours_bits.masked_select(finite), aten_bits.masked_select(finite)));
    QVERIFY(torch::isnan(ours.to(torch::kFloat)).equal(torch::isnan(x)));
    QVERIFY(torch::equal(to_float(aten).view(torch::kInt), aten.to(torch::kFloat).view(torch::kInt)));  // NaN too
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

  void configRoundTripAndValidation() {
    const auto& seed = preset("seed");
    auto kv = to_key_values(seed.model, seed.train);
    ModelConfig m;
    TrainConfig t;
    from_key_values(parse_key_values(serialize_key_values(kv)), m, t);
    QVERIFY(m == seed.model);
    QCOMPARE(t.gamma, 9.0 / 256.0);
    QCOMPARE(t.beta_at(0), 0.001);
    QCOMPARE(t.beta_at(15), 0.35);
    QCOMPARE(t.beta_at(90), 0.7);
    QCOMPARE(t.disc_precision, std::string("auto"));
    QCOMPARE(t.capacity_at(1000), 0.0);  // no capacity target in the seed preset
    // Checkpoints written before the precision setting existed trained in fp32.
    auto old = kv;
    old.erase("train.disc_precision");
    from_key_values(old, m, t);
    QCOMPARE(t.disc_precision, std::string("fp32"));
    kv["train.disc_precision"] = "fp8";
    QVERIFY_THROWS_EXCEPTION(ConfigError, from_key_values(kv, m, t));
    kv["train.disc_precision"] = "bf16";
    kv["model.image_size"] = "48";
    QVERIFY_THROWS_EXCEPTION(ConfigError, from_key_values(kv, m, t));
    QVERIFY_THROWS_EXCEPTION(ConfigError, preset("nonsense"));
  }

  void learningRateDecaysLinearlyOverTheLastFraction() {
    TrainConfig t;
    t.vae_lr = 1e-3;
    QCOMPARE(t.vae_lr_at(999, 1000), 1e-3);  // no decay by default
    t.vae_lr_decay_fraction = 0.25;          // the last 250 of 1000 steps
    QCOMPARE(t.vae_lr_at(0, 1000), 1e-3);
    QCOMPARE(t.vae_lr_at(749, 1000), 1e-3);
    QCOMPARE(t.vae_lr_at(750, 1000), 1e-3);  // 250 steps left: the decay's first step, at the full rate
    QCOMPARE(t.vae_lr_at(875, 1000), 0.5e-3);
    QCOMPARE(t.vae_lr_at(999, 1000), 1e-3 / 250);
    QCOMPARE(t.vae_lr_at(1200, 1000), 1e-3 / 250);  // past the budget (resumed with fewer steps): the last rate

    ModelConfig m;
    TrainConfig back;
    auto kv = to_key_values(m, t);
    from_key_values(parse_key_values(serialize_key_values(kv)), m, back);
    QCOMPARE(back.vae_lr_decay_fraction, 0.25);
    kv.erase("train.vae_lr_decay_fraction");
    from_key_values(kv, m, back);
    QCOMPARE(back.vae_lr_decay_fraction, 0.0);
    t.vae_lr_decay_fraction = 1.5;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
  }

  void learningRateWarmsUpLinearlyOverTheFirstSteps() {
    TrainConfig t;
    t.vae_lr = 1e-3;
    t.vae_lr_warmup_steps = 100;
    QCOMPARE(t.vae_lr_at(0, 1000), 1e-5);  // the first step at vae_lr / 100
    QCOMPARE(t.vae_lr_at(49, 1000), 0.5e-3);
    QCOMPARE(t.vae_lr_at(99, 1000), 1e-3);  // the 100th at the full rate
    QCOMPARE(t.vae_lr_at(500, 1000), 1e-3);
    t.vae_lr_decay_fraction = 1.0;  // overlapping decay over all 1000 steps: the lower of the two rates
    QCOMPARE(t.vae_lr_at(0, 1000), 1e-5);
    QCOMPARE(t.vae_lr_at(99, 1000), 1e-3 * 901 / 1000);
    QCOMPARE(t.vae_lr_at(999, 1000), 1e-6);

    ModelConfig m;
    TrainConfig back;
    auto kv = to_key_values(m, t);
    from_key_values(parse_key_values(serialize_key_values(kv)), m, back);
    QCOMPARE(back.vae_lr_warmup_steps, int64_t{100});
    kv.erase("train.vae_lr_warmup_steps");  // a checkpoint from before the option trained without warm-up
    from_key_values(kv, m, back);
    QCOMPARE(back.vae_lr_warmup_steps, int64_t{0});
    t.vae_lr_warmup_steps = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
  }

  void klCapacityRisesLinearlyAndRoundTrips() {
    TrainConfig t;
    t.kl_capacity = 12.5;
    t.capacity_steps = 1000;
    QCOMPARE(t.capacity_at(0), 0.0);
    QCOMPARE(t.capacity_at(400), 5.0);
    QCOMPARE(t.capacity_at(1000), 12.5);
    QCOMPARE(t.capacity_at(5000), 12.5);
    t.capacity_steps = 0;  // no ramp: the full target from the first step
    QCOMPARE(t.capacity_at(0), 12.5);
    t.capacity_steps = 1000;

    ModelConfig m;
    TrainConfig back;
    auto kv = to_key_values(m, t);
    from_key_values(parse_key_values(serialize_key_values(kv)), m, back);
    QCOMPARE(back.kl_capacity, 12.5);
    QCOMPARE(back.capacity_steps, int64_t{1000});
    // Checkpoints written before the capacity target existed trained without one.
    kv.erase("train.kl_capacity");
    kv.erase("train.capacity_steps");
    from_key_values(kv, m, back);
    QCOMPARE(back.kl_capacity, 0.0);
    QCOMPARE(back.capacity_at(500), 0.0);

    t.kl_capacity = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
    t.kl_capacity = 5;
    t.capacity_steps = -3;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
  }
};

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
