// factorvae: the headless command-line front end of FactorVAE Studio.
#include <torch/torch.h>

#ifdef FACTORVAE_WITH_QT
#include <QGuiApplication>
#endif
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/base/numbers.h"
#include "model/base/platform.h"
#include "model/checkpoint/checkpoint.h"

namespace {

const char* const kUsage =
    "Usage: factorvae <mode> [options]   (factorvae <mode> --help for the options of a mode)\n"
    "\n"
    "Modes:\n"
    "  train      train a FactorVAE; writes checkpoints, losses.csv, a reconstruction GIF and a TensorBoard log\n"
    "  replicate  dataset images above their reconstructions (PNG)\n"
    "  latent     latent traversal grid with difference maps (PNG, optional GIF)\n"
    "  random     samples decoded from the prior (PNG)\n"
    "  evaluate   reconstruction error, KL per dimension, active dimensions; disentanglement metrics on shapes\n"
    "  responses  what each latent dimension encodes: mu per factor value (shapes) or per class (PNG and CSV)\n"
    "  export     a trained model for PyTorch (.pt, torch.load; .safetensors) or as a weights-only .fvae\n"
    "  import-seed  a checkpoint of the original Python project (.ckpt or .npz) as a .fvae\n"
    "  decode     images decoded from given latent codes (.npy in, .npy or PNG out)\n"
    "  encode     the latent codes of a dataset: NumPy, CSV with labels, TensorBoard projector files\n"
    "  udr        ranks runs without labels (Unsupervised Disentanglement Ranking)\n";

}  // namespace

int main(int argc, char** argv) {
  fvae::relaunch_with_tuned_blas_if_needed(argv);
  fvae::flush_denormals_to_zero();  // before any thread starts: they all inherit it
#ifdef FACTORVAE_WITH_QT
  // Labels in exported images need fonts, hence a QGuiApplication; it never needs a display.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  qputenv("QT_LOGGING_RULES", "qt.qpa.*=false");
  QGuiApplication app(argc, argv);
  fvae::keep_c_numeric_locale();  // the application object set it from the environment
  QGuiApplication::setApplicationName("factorvae");
  QGuiApplication::setApplicationVersion(FACTORVAE_VERSION);
  constexpr const char* kBuild = "";
#else
  constexpr const char* kBuild = ", headless build without Qt";
#endif
  std::vector<std::string> arguments(argv, argv + argc);
  if (arguments.size() < 2 || arguments[1] == "--help" || arguments[1] == "-h" || arguments[1] == "help") {
    std::fputs(kUsage, arguments.size() < 2 ? stderr : stdout);
    return arguments.size() < 2 ? 1 : 0;
  }
  if (arguments[1] == "--version") {
    std::printf("factorvae %s (LibTorch %s, %s%s)\n", FACTORVAE_VERSION, TORCH_VERSION,
                fvae::memory_allocator().c_str(), kBuild);
    return 0;
  }
  const std::string mode = arguments[1];
  arguments.erase(arguments.begin() + 1);
  arguments[0] = "factorvae " + mode;
  try {
    using namespace fvae::cli;
    if (mode == "train") return train_command(arguments);
    if (mode == "replicate") return replicate_command(arguments);
    if (mode == "latent") return latent_command(arguments);
    if (mode == "random") return random_command(arguments);
    if (mode == "evaluate") return evaluate_command(arguments);
    if (mode == "udr") return udr_command(arguments);
    if (mode == "encode") return encode_command(arguments);
#ifdef FACTORVAE_WITH_QT
    if (mode == "responses") return responses_command(arguments);
    if (mode == "export") return export_command(arguments);
    if (mode == "import-seed") return import_seed_command(arguments);
    if (mode == "decode") return decode_command(arguments);
#else
    for (const char* full : {"responses", "export", "import-seed", "decode"})
      if (mode == full) {
        std::cerr << "factorvae: '" << mode << "' is in the full build (with Qt); this headless build has train, "
                  << "replicate, latent, random, evaluate, encode and udr\n";
        return 2;
      }
#endif
    std::cerr << "factorvae: unknown mode '" << mode << "'\n\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "factorvae: error: " << e.what() << "\n";
    return 1;
  }
}
