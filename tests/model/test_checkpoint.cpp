// The seed architecture against the original code's own outputs (tests/fixtures), and checkpoints of earlier
// layouts read or refused (model/checkpoint).
#include <torch/torch.h>

#include <QtTest>
#include <QTemporaryDir>
#include <cmath>
#include <cstring>
#include <fstream>

#include "model/base/atomic_file.h"
#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/export.h"
#include "model/checkpoint/record_file.h"
#include "model/io/readers.h"
#include "model/nn/networks.h"
#include "test_support.h"

using namespace fvae;

namespace {

double max_difference(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.sizes() != b.sizes()) return INFINITY;
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

}  // namespace

class TestCheckpoint : public QObject {
  Q_OBJECT

 private slots:
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
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
