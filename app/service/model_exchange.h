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

// The Python helper that reads Lightning checkpoints (tools/seed_checkpoint_to_npz.py, installed beside the data).
QString seedConverterScript();
// The demo model the application offers on first start (resources/demo/shapes-demo.fvae, installed under
// share/factorvae-studio/demo), and a line with its scores from the JSON beside it; an empty path when missing.
struct DemoModel {
  QString path;
  QString scores;  // "FactorVAE metric 0.71, MIG 0.32", or "" when unknown
};
DemoModel demoModel();

// The Python interpreter used for it: $FACTORVAE_PYTHON, else python3.
QString pythonInterpreter();

// Turns the original project's checkpoint (.ckpt through the helper, or an .npz of its state_dict) into a checkpoint
// at `out` that the explorer opens and `evaluate` scores. `allowPickle` lets the helper run code in the file (only
// for trusted files). Returns a line for the user.
QString importOriginalCheckpoint(const QString& source, const QString& out, bool allowPickle = false);

// μ and log σ² of the dataset's images `indices` as files for other tools (model/io/code_export.h: NumPy, CSV,
// TensorBoard's projector) in `folder`, on one frozen set of the model's weights; returns the files written.
// `progress(fraction)` returning false cancels (Cancelled; nothing is written).
QStringList exportCodes(DecodeModel& model, const DatasetView& data, const QVector<qint64>& indices,
                        const QStringList& names, const QString& folder, const std::function<bool(double)>& progress);

}  // namespace fvae::service
