#pragma once
// Models and codes out of FactorVAE Studio and models into it, for the CLI and the GUI alike: export for PyTorch, a
// weights-only checkpoint, latent codes for other tools, and import of the original Python project's checkpoints
// (through a small Python helper where LibTorch cannot read a Lightning pickle). Qt types only in this header; each
// throws service::Error naming the file and the problem (app/service/errors.h).

#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

namespace fvae::service {

class DatasetView;
class DecodeModel;

// `out` ending in .pt or .pth: a file that Python's torch.load opens (state_dict, config, latent names); ending in
// .fvae: a weights-only checkpoint (encoder, decoder, configuration, names, history). Returns a line for the user.
QString exportModel(const QString& checkpoint, const QString& out);

// The demo model the application offers on first start (resources/demo/shapes-demo.fvae, installed under
// share/factorvae-studio/demo), and a line with its scores from the JSON beside it; an empty path when missing.
struct DemoModel {
  QString path;
  QString scores;  // "FactorVAE metric 0.71, MIG 0.32", or "" when unknown
};
DemoModel demoModel();

// Writes a model trained elsewhere as a checkpoint at `out` (nothing when it is refused): a file of the reference
// implementations or of the original project (read without running code from it; `family` names one where the
// tensors do not decide, model/checkpoint/reference_import.h), or an .npz of the original project's state_dict.
// Returns a line for the user.
QString importModel(const QString& source, const QString& out, const QString& family = {});

// μ and log σ² of the dataset's images `indices` as files for other tools (model/io/code_export.h: NumPy, CSV,
// TensorBoard's projector) in `folder`, on one frozen set of the model's weights; returns the files written.
// `progress(fraction)` returning false cancels (Cancelled; nothing is written).
QStringList exportCodes(DecodeModel& model, const DatasetView& data, const QVector<qint64>& indices,
                        const QStringList& names, const QString& folder, const std::function<bool(double)>& progress);

}  // namespace fvae::service
