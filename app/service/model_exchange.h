#pragma once
// Models in and out of FactorVAE Studio, for the CLI and the GUI alike: export for PyTorch, a weights-only checkpoint,
// and import of the original Python project's checkpoints (through a small Python helper where LibTorch cannot read
// a Lightning pickle). Qt types only in this header.

#include <QString>
#include <stdexcept>

namespace fvae::service {

// Raised with a message that names the file and the problem.
class ExchangeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

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

}  // namespace fvae::service
