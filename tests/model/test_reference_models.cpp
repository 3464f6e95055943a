// Models trained elsewhere: the reference implementations' layers against their own code's outputs
// (tests/fixtures/reference_outputs.npz, made by tools/reference_fixtures.py running the original classes), the
// family recognised from the tensors as each code saves them, and bad files refused (model/checkpoint).
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <fstream>

#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/export.h"
#include "model/checkpoint/record_file.h"
#include "model/checkpoint/reference_import.h"
#include "model/checkpoint/torch_file.h"
#include "model/inference/inference.h"
#include "model/io/readers.h"
#include "model/nn/networks.h"
#include "test_support.h"

using namespace fvae;

namespace {

double max_difference(const torch::Tensor& a, const torch::Tensor& b) {
  if (a.sizes() != b.sizes()) return INFINITY;
  return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

struct FamilyCase {
  const char* name;
  Architecture architecture;
  int64_t channels;
  const char* prefix;                // where its own code saves the model's state dict
  const char* discriminator_prefix;  // 1Konny's solver: the Discriminator beside it
};

const FamilyCase kCases[] = {
    {"1konny-factorvae1", Architecture::KonnyFactorVae1, 1, "model_states.VAE.", "model_states.D."},
    {"1konny-factorvae2", Architecture::KonnyFactorVae2, 3, "model_states.VAE.", "model_states.D."},
    {"1konny-factorvae3", Architecture::KonnyFactorVae3, 1, "model_states.VAE.", "model_states.D."},
    {"1konny-betavae-h", Architecture::KonnyBetaVaeH, 3, "model_states.net.", nullptr},
    {"1konny-betavae-b", Architecture::KonnyBetaVaeB, 1, "model_states.net.", nullptr},
    {"antixk-betavae", Architecture::AntixkBetaVae, 3, "state_dict.model.", nullptr},
    {"antixk-factorvae", Architecture::AntixkFactorVae, 3, "state_dict.model.", nullptr},
    {"antixk-betatcvae", Architecture::AntixkBetaTcVae, 3, "state_dict.model.", nullptr},
};

// The tensors a file of the family holds (fixture weights), as torch_file.h names them.
TorchFile file_of(const FamilyCase& c) {
  ModelConfig config;
  config.architecture = c.architecture;
  config.channels = c.channels;
  config.image_size = 64;
  config.latent_dim = 10;
  Networks shapes(config);
  TorchFile file;
  // The model class holds encoder and decoder (and AntixK's FactorVAE its discriminator) as one state dict.
  for (auto* module : {static_cast<torch::nn::Module*>(shapes.encoder.get()), static_cast<torch::nn::Module*>(
                                                                                   shapes.decoder.get())})
    for (const auto& [name, t] : testing::fixture_weights(*module, std::string(c.name) + "."))
      file.tensors.emplace_back(c.prefix + name, t);
  if (c.architecture == Architecture::AntixkFactorVae)
    for (const auto& [name, t] : testing::fixture_weights(*shapes.discriminator, std::string(c.name) + "."))
      file.tensors.emplace_back(c.prefix + name, t);
  if (c.discriminator_prefix)
    for (const auto& [name, t] : testing::fixture_weights(*shapes.discriminator, std::string(c.name) + ".D."))
      file.tensors.emplace_back(c.discriminator_prefix + name, t);
  file.integers["iter"] = 1234;
  return file;
}

}  // namespace

class TestReferenceModels : public QObject {
  Q_OBJECT

 private slots:
  // Each family, recognised from its tensors alone, computes what its own class computes (decoder's raw output,
  // μ and log σ², the discriminator's logits) to 1e-5; the export gives back the original's names and values.
  void familiesComputeWhatTheirOwnCodeComputes() {
    const auto fixture = read_npz_arrays(FACTORVAE_TEST_FIXTURES "/reference_outputs.npz");
    for (const auto& c : kCases) {
      const std::string key = c.name;
      auto array = [&](const char* what) { return fixture.at(key + "." + what).data; };
      const TorchFile file = file_of(c);
      Checkpoint cp = checkpoint_from_reference(file, "fixture");
      QCOMPARE(to_string(cp.model.architecture), to_string(c.architecture));
      QCOMPARE(cp.model.channels, c.channels);
      QCOMPARE(cp.model.latent_dim, int64_t{10});
      QCOMPARE(cp.step, int64_t{1234});
      QVERIFY(QString::fromStdString(cp.dataset.description).contains(QString::fromStdString(reference_origin(c.architecture))));
      torch::NoGradGuard no_grad;
      const auto decoded = cp.networks->decoder->forward(array("codes"));
      const double decode_error = max_difference(decoded, array("decoded"));
      const auto images = testing::fixture_uniform01("images." + key, {2, c.channels, 64, 64});
      const auto posterior = cp.networks->encoder->forward(images);
      const double mu_error = max_difference(posterior.mu, array("mu"));
      const double logvar_error = max_difference(posterior.logvar, array("logvar"));
      qInfo("%s: decoder %.2e, mu %.2e, logvar %.2e (output std %.3f)", c.name, decode_error, mu_error,
            logvar_error, decoded.std().item<double>());
      QVERIFY2(decode_error < 1e-5, c.name);
      QVERIFY2(mu_error < 1e-5 && logvar_error < 1e-5, c.name);
      // Not a trivially small output: the comparison could fail.
      QVERIFY(decoded.std().item<double>() > 1e-3);
      const bool with_discriminator = fixture.count(key + ".discriminator_logits") > 0;
      QCOMPARE(cp.has_discriminator, with_discriminator);
      if (with_discriminator) {
        const auto logits = cp.networks->discriminator->forward(array("codes"));
        QVERIFY2(max_difference(logits, array("discriminator_logits")) < 1e-5, c.name);
      }
      // Intensities as the family defines them.
      const auto pixels = decode(cp.networks->decoder, array("codes"));
      const auto expected = c.architecture == Architecture::AntixkBetaVae ||
                                    c.architecture == Architecture::AntixkFactorVae ||
                                    c.architecture == Architecture::AntixkBetaTcVae
                                ? array("decoded").clamp(0, 1)
                                : torch::sigmoid(array("decoded"));
      QVERIFY(max_difference(pixels, expected) < 1e-5);
      // Back under the original's names, bit for bit.
      const auto dicts = reference_state_dicts(cp);
      size_t exported = 0;
      for (const auto& [name, t] : file.tensors) {
        const bool in_discriminator = c.discriminator_prefix && name.rfind(c.discriminator_prefix, 0) == 0;
        const std::string own = name.substr(std::string(in_discriminator ? c.discriminator_prefix : c.prefix).size());
        const auto& dict = in_discriminator ? dicts.discriminator : dicts.model;
        QVERIFY2(dict.count(own) && torch::equal(dict.at(own), t), name.c_str());
        ++exported;
      }
      QCOMPARE(exported, dicts.model.size() + dicts.discriminator.size());
    }
  }

  // A saved and reopened import decodes the same (the architecture's record survives), weights-only without a
  // discriminator.
  void importedModelsSaveAndReopen() {
    QTemporaryDir dir;
    for (const auto& c : {kCases[0], kCases[6], kCases[3]}) {
      Checkpoint cp = checkpoint_from_reference(file_of(c), "fixture");
      const std::string path = dir.filePath(QString(c.name) + ".fvae").toStdString();
      save_checkpoint(path, cp);
      Checkpoint back = load_checkpoint(path);
      QCOMPARE(to_string(back.model.architecture), to_string(c.architecture));
      QCOMPARE(back.has_discriminator, cp.has_discriminator);
      const auto z = torch::randn({3, 10});
      QCOMPARE(max_difference(decode(back.networks->decoder, z), decode(cp.networks->decoder, z)), 0.0);
    }
  }

  // Bad files: named, with the families tried and the first tensor that did not fit; nothing converted silently.
  void misfitsAreNamed() {
    auto message = [](const TorchFile& file, const std::string& family = {}) -> QString {
      try {
        checkpoint_from_reference(file, "model.pth", family);
      } catch (const CheckpointError& e) {
        return QString::fromUtf8(e.what());
      }
      return {};
    };
    // A tensor missing (a truncated state dict).
    TorchFile missing = file_of(kCases[0]);
    missing.tensors.erase(missing.tensors.begin() + 5);
    QString m = message(missing);
    QVERIFY2(m.startsWith("model.pth: not a model of a supported family (tried 1konny-factorvae1") &&
                 m.contains("closest 1konny-factorvae1") && m.contains("is missing"),
             qPrintable(m));
    // A tensor of another shape: a wider layer than any family has.
    TorchFile wider = file_of(kCases[3]);
    for (auto& [name, t] : wider.tensors)
      if (name == "model_states.net.encoder.2.weight") t = torch::zeros({32, 32, 4, 5});
    m = message(wider);
    QVERIFY2(m.contains("closest 1konny-betavae-h: 'model_states.net.encoder.2.weight' has shape [32, 32, 4, 5], "
                        "expected [32, 32, 4, 4]"),
             qPrintable(m));
    // One tensor more than the family has.
    TorchFile extra = file_of(kCases[5]);
    extra.tensors.emplace_back("state_dict.model.fc_extra.weight", torch::zeros({3, 3}));
    m = message(extra);
    QVERIFY2(m.contains("'state_dict.model.fc_extra.weight' belongs to no layer of antixk-betavae"), qPrintable(m));
    // NaN weights.
    TorchFile nan = file_of(kCases[7]);
    nan.tensors[4].second = nan.tensors[4].second.clone();
    nan.tensors[4].second.view(-1)[0] = NAN;
    m = message(nan);
    QVERIFY2(m.contains(QString::fromStdString("'" + nan.tensors[4].first + "' holds NaN or infinite values")),
             qPrintable(m));
    // A family named that the file is not, and a family that does not exist.
    m = message(file_of(kCases[0]), "antixk");
    QVERIFY2(m.contains("tried antixk-betavae, antixk-factorvae, antixk-betatcvae"), qPrintable(m));
    m = message(file_of(kCases[0]), "konny");
    QVERIFY2(m.contains("unknown family 'konny'") && m.contains("1konny-factorvae"), qPrintable(m));
    // A grey 1Konny FactorVAE2 (colour by definition) is FactorVAE3's shape only with width 256: FactorVAE1's width
    // with three channels fits none.
    TorchFile colour_narrow = file_of(kCases[0]);
    for (auto& [name, t] : colour_narrow.tensors)
      if (name == "model_states.VAE.encode.0.weight") t = torch::zeros({32, 3, 4, 4});
    m = message(colour_narrow);
    QVERIFY2(m.contains("not a model of a supported family"), qPrintable(m));
  }

  // Real torch.save files (tests/fixtures/torch_save, made by tools/reference_fixtures.py --reader-samples, with
  // PyTorch 2.15): both formats and pickle protocols 2 and 4, with what training scripts put beside the weights.
  void torchSaveFilesAreReadWithoutRunningCode() {
    for (const char* sample : {"zip-protocol2.pt", "zip-protocol4.pt", "stream.pt"}) {
      const std::string path = std::string(FACTORVAE_TEST_FIXTURES "/torch_save/") + sample;
      std::ifstream in(path, std::ios::binary);
      const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      QVERIFY2(!bytes.empty(), sample);
      QVERIFY(is_foreign_torch_file(bytes));
      const TorchFile file = read_torch_file(path, bytes);
      std::map<std::string, torch::Tensor> tensors(file.tensors.begin(), file.tensors.end());
      QVERIFY2(tensors.count("state_dict.layer.weight"), sample);
      QVERIFY(torch::equal(tensors.at("state_dict.layer.weight"),
                           torch::arange(12, torch::kFloat).reshape({3, 4}) / 8));
      QVERIFY(torch::equal(tensors.at("state_dict.layer.bias"), torch::tensor({1.5, -2.0, 0.25}, torch::kFloat)));
      QVERIFY(torch::equal(tensors.at("state_dict.bn.num_batches_tracked"), torch::tensor(7, torch::kLong)));
      QVERIFY(torch::equal(tensors.at("parameter"), torch::full({2}, 3.0, torch::kFloat)));
      QVERIFY(torch::equal(tensors.at("half"), torch::tensor({1.0, 2.0}, torch::kHalf)));
      // A view of a larger storage (a column of a matrix) comes out as the view.
      QVERIFY(torch::equal(tensors.at("view"), torch::tensor({1.0, 4.0}, torch::kDouble)));
      QVERIFY(tensors.count("optimizer.state.0.exp_avg"));
      QCOMPARE(file.integers.at("iter"), int64_t{1500000});
      QCOMPARE(file.integers.at("negative"), int64_t{-3});
      QCOMPARE(file.integers.at("big"), int64_t{1} << 40);
      // Objects of classes (argparse.Namespace, pathlib.Path) are kept opaque, their attributes readable as data.
      QCOMPARE(file.integers.at("args.z_dim"), int64_t{10});
      QCOMPARE(file.integers.at("list.1"), int64_t{2});
      // Every truncation is refused with the file's name, never a crash.
      for (size_t cut : {bytes.size() / 3, bytes.size() / 2, bytes.size() - 30}) {
        try {
          read_torch_file(path, bytes.substr(0, cut));
          QFAIL(qPrintable(QString("a file cut at %1 bytes was read").arg(cut)));
        } catch (const RecordError& e) {
          QVERIFY2(QString::fromUtf8(e.what()).startsWith(QString::fromStdString(path)), e.what());
        }
      }
    }
  }

  // load_checkpoint opens a foreign file directly, refuses a family for its own files and names unsupported files.
  void foreignFilesOpenWhereCheckpointsDo() {
    QTemporaryDir dir;
    const std::string sample = FACTORVAE_TEST_FIXTURES "/torch_save/zip-protocol2.pt";
    try {
      load_checkpoint(sample);
      QFAIL("a torch.save file of no supported family opened");
    } catch (const CheckpointError& e) {
      QVERIFY2(QString(e.what()).contains("not a model of a supported family"), e.what());
    }
    const std::string ours = dir.filePath("m.fvae").toStdString();
    save_checkpoint(ours, checkpoint_from_reference(file_of(kCases[4]), "fixture"));
    try {
      load_checkpoint(ours, "antixk");
      QFAIL("a family was accepted for this project's own checkpoint");
    } catch (const CheckpointError& e) {
      QVERIFY2(QString(e.what()).contains("family is named only for models trained elsewhere"), e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestReferenceModels)
#include "test_reference_models.moc"
