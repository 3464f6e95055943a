// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/model_exchange.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "app/service/dataset_view.h"
#include "app/service/errors.h"
#include "app/service/snapshot_access.h"
#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/export.h"
#include "model/inference/evaluation.h"
#include "model/io/code_export.h"
#include "model/io/readers.h"

namespace fvae::service {

namespace {

std::string text(const QString& s) { return s.toStdString(); }

}  // namespace

QString exportModel(const QString& checkpoint, const QString& out) {
  const QString suffix = QFileInfo(out).suffix().toLower();
  if (suffix != "pt" && suffix != "pth" && suffix != "fvae" && suffix != "safetensors")
    throw Error(
        text(out + ": give a name ending in .pt (for PyTorch), .safetensors or .fvae (both weights only)"));
  try {
    const Checkpoint cp = load_checkpoint(text(checkpoint));
    if (suffix == "safetensors") {  // the same weights-only file, named for the tools that look for the extension
      save_weights_only(text(out), cp);
      return QCoreApplication::translate("fvae::service::ModelExchange",
                                         "Wrote %1: encoder, decoder and configuration as safetensors (%2 KB): "
                                         "safetensors.torch.load_file(\"%3\")")
          .arg(out)
          .arg(QFileInfo(out).size() / 1024)
          .arg(QFileInfo(out).fileName());
    }
    if (suffix == "fvae") {
      save_weights_only(text(out), cp);
      return QCoreApplication::translate("fvae::service::ModelExchange",
                                         "Wrote %1: encoder, decoder and configuration (%2 KB)")
          .arg(out)
          .arg(QFileInfo(out).size() / 1024);
    }
    export_pytorch(text(out), cp);
    return QCoreApplication::translate("fvae::service::ModelExchange",
                                       "Wrote %1 for PyTorch: torch.load(\"%2\")[\"state_dict\"] (%3 KB)")
        .arg(out, QFileInfo(out).fileName())
        .arg(QFileInfo(out).size() / 1024);
  } catch (const CheckpointError& e) {
    throw Error(e.what());
  }
}

DemoModel demoModel() {
  DemoModel demo;
  const QDir bin(QCoreApplication::applicationDirPath());
  for (const QString& folder : {bin.filePath(QStringLiteral("../share/factorvae-studio/demo")),
                                QStringLiteral(FACTORVAE_SOURCE_DIR "/resources/demo")}) {
    const QString path = QDir(folder).filePath(QStringLiteral("shapes-demo.fvae"));
    if (!QFileInfo::exists(path)) continue;
    demo.path = QFileInfo(path).absoluteFilePath();
    QFile json(QDir(folder).filePath(QStringLiteral("shapes-demo.json")));
    if (json.open(QIODevice::ReadOnly)) {
      const QJsonObject metrics = QJsonDocument::fromJson(json.readAll()).object().value("metrics").toObject();
      if (!metrics.isEmpty())
        demo.scores = QCoreApplication::translate("fvae::service::ModelExchange", "FactorVAE metric %1, MIG %2")
                          .arg(QLocale().toString(metrics.value("factorvae_metric").toDouble(), 'f', 2),
                               QLocale().toString(metrics.value("mig").toDouble(), 'f', 2));
    }
    break;
  }
  return demo;
}

QString importModel(const QString& source, const QString& out, const QString& family) {
  if (!QFileInfo(source).isFile()) throw Error(text(source + ": no such file"));
  const std::string name = text(QFileInfo(source).fileName());
  try {
    Checkpoint cp;
    if (QFileInfo(source).suffix().toLower() == "npz") {
      // The original project's state_dict as NumPy arrays (its seed layers).
      std::map<std::string, torch::Tensor> state;
      for (auto& [key, array] : read_npz_arrays(text(source))) state[key] = array.data;
      cp = checkpoint_from_original(state, name);
      cp.dataset.description = "imported from " + name;
    } else {
      cp = load_checkpoint(text(source), text(family));
      if (!cp.foreign)
        throw Error(text(source + ": already a FactorVAE Studio checkpoint; it opens as it is"));
    }
    save_checkpoint(text(out), cp);
    return QCoreApplication::translate("fvae::service::ModelExchange", "Imported %1 as %2 (%3, %4)")
        .arg(QFileInfo(source).fileName(), out, QString::fromStdString(cp.origin),
             QString::fromStdString(cp.model.describe()));
  } catch (const DatasetError& e) {
    throw Error(e.what());
  } catch (const CheckpointError& e) {
    throw Error(e.what());
  }
}

QStringList exportCodes(DecodeModel& model, const DatasetView& data, const QVector<qint64>& indices,
                        const QStringList& names, const QString& folder, const std::function<bool(double)>& progress) {
  const auto snapshot = stableSnapshot(model);
  const auto rows = torch::tensor(std::vector<int64_t>(indices.begin(), indices.end()), torch::kLong);
  DatasetCodes codes;
  try {
    codes = encode_dataset(
        [&](const torch::Tensor& images) { return snapshot->encode(modelInput(snapshot->config(), images)); },
        *data.data(), rows, 256, progress);
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
  if (!codes.complete) throw Cancelled();
  CodeExport out{codes.indices, codes.mu, codes.logvar, {}};
  for (int d = 0; d < model.latentDim(); ++d) out.latent_names.push_back(d < names.size() ? names[d].toStdString() : "");
  QStringList files;
  try {
    for (const auto& file : write_code_export(folder.toStdString(), out, *data.data()))
      files << QString::fromStdString(file);
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
  return files;
}

}  // namespace fvae::service
