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
#include <QProcess>
#include <QTemporaryDir>

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

QString seedConverterScript() {
  const QString name = QStringLiteral("seed_checkpoint_to_npz.py");
  const QDir bin(QCoreApplication::applicationDirPath());
  for (const QString& candidate :
       {bin.filePath("../share/factorvae-studio/" + name), QStringLiteral(FACTORVAE_SOURCE_DIR "/tools/") + name})
    if (QFileInfo::exists(candidate)) return QFileInfo(candidate).absoluteFilePath();
  return {};
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

QString pythonInterpreter() {
  const QString configured = qEnvironmentVariable("FACTORVAE_PYTHON");
  return configured.isEmpty() ? QStringLiteral("python3") : configured;
}

QString importOriginalCheckpoint(const QString& source, const QString& out, bool allowPickle) {
  if (!QFileInfo(source).isFile()) throw Error(text(source + ": no such file"));
  QString npz = source;
  QTemporaryDir scratch;
  if (QFileInfo(source).suffix().toLower() != "npz") {
    const QString script = seedConverterScript();
    if (script.isEmpty())
      throw Error("seed_checkpoint_to_npz.py, the Python helper for .ckpt files, is missing");
    if (!scratch.isValid()) throw Error("cannot create a temporary folder for the conversion");
    npz = scratch.filePath("state_dict.npz");
    QStringList arguments = {script, source, npz};
    if (allowPickle) arguments << "--allow-pickle";
    QProcess helper;
    helper.start(pythonInterpreter(), arguments);
    if (!helper.waitForStarted())
      throw Error(text(source + ": reading a Lightning checkpoint needs Python with torch (" +
                               pythonInterpreter() + " did not start; set FACTORVAE_PYTHON)"));
    helper.waitForFinished(-1);
    const QString err = QString::fromUtf8(helper.readAllStandardError()).trimmed();
    if (helper.exitStatus() != QProcess::NormalExit || helper.exitCode() != 0)
      throw Error(text(err.isEmpty() ? source + ": the Python helper failed" : err.split('\n').last()));
  }
  try {
    std::map<std::string, torch::Tensor> state;
    for (auto& [name, array] : read_npz_arrays(text(npz))) state[name] = array.data;
    Checkpoint cp = checkpoint_from_original(state, text(QFileInfo(source).fileName()));
    cp.dataset.description = text("imported from " + QFileInfo(source).fileName());
    save_checkpoint(text(out), cp);
    return QCoreApplication::translate("fvae::service::ModelExchange", "Imported %1 as %2 (%3)")
        .arg(QFileInfo(source).fileName(), out, QString::fromStdString(cp.model.describe()));
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
