// factorvae: the headless command-line front end of FactorVAE Studio.
#include <torch/torch.h>

#ifdef FACTORVAE_WITH_QT
#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#endif
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/base/numbers.h"
#include "model/base/platform.h"
#include "model/checkpoint/checkpoint.h"

namespace {

// The modes, once: the usage text, the dispatch and the headless build's refusals all come from this table.
struct Mode {
  const char* name;
  const char* summary;
  int (*run)(const fvae::cli::Arguments&);  // null: in the full build only (it needs Qt)
};

#ifdef FACTORVAE_WITH_QT
#define FACTORVAE_FULL_BUILD_ONLY(command) command
#else
#define FACTORVAE_FULL_BUILD_ONLY(command) nullptr
#endif

const Mode kModes[] = {
    {"train", "train a FactorVAE; writes checkpoints, losses.csv, a reconstruction GIF and a TensorBoard log",
     fvae::cli::train_command},
    {"replicate", "dataset images above their reconstructions (PNG)", fvae::cli::replicate_command},
    {"latent", "latent traversal grid with difference maps (PNG, optional GIF)", fvae::cli::latent_command},
    {"random", "samples decoded from the prior (PNG)", fvae::cli::random_command},
    {"evaluate", "reconstruction error, KL per dimension, active dimensions; disentanglement metrics on shapes",
     fvae::cli::evaluate_command},
    {"responses", "what each latent dimension encodes: mu per factor value (shapes) or per class (PNG and CSV)",
     FACTORVAE_FULL_BUILD_ONLY(fvae::cli::responses_command)},
    {"export", "a trained model for PyTorch (.pt, torch.load; .safetensors) or as a weights-only .fvae",
     FACTORVAE_FULL_BUILD_ONLY(fvae::cli::export_command)},
    {"import", "a model trained elsewhere (1Konny, AntixK, the original project) as a .fvae",
     FACTORVAE_FULL_BUILD_ONLY(fvae::cli::import_command)},
    {"import-seed", "the original Python project's checkpoint (.ckpt or .npz): import --family seed",
     FACTORVAE_FULL_BUILD_ONLY(fvae::cli::import_seed_command)},
    {"decode", "images decoded from given latent codes (.npy in, .npy or PNG out)",
     FACTORVAE_FULL_BUILD_ONLY(fvae::cli::decode_command)},
    {"encode", "the latent codes of a dataset: NumPy, CSV with labels, TensorBoard projector files",
     fvae::cli::encode_command},
    {"udr", "ranks runs without labels (Unsupervised Disentanglement Ranking)", fvae::cli::udr_command},
};

std::string usage() {
  std::string text =
      "Usage: factorvae <mode> [options]   (factorvae <mode> --help for the options of a mode)\n\nModes:\n";
  for (const Mode& mode : kModes) {
    std::string name = mode.name;
    name.resize(std::max<size_t>(name.size() + 2, 11), ' ');
    text += "  " + name + mode.summary + "\n";
  }
  return text;
}

#ifdef FACTORVAE_WITH_QT
// Qt's core only (processes, image codecs): a GUI application object wants a display or at least a runtime folder,
// and says so on every command on a server (cron, Slurm, ssh as root). Labels in images need no fonts (the core's
// bitmap font). Only `responses` draws charts with the desktop's fonts: it gets a GUI application object on the
// offscreen platform, with a private runtime folder where the environment names none.
struct CliApplication {
  std::unique_ptr<QTemporaryDir> runtime;
  std::unique_ptr<QCoreApplication> app;
  CliApplication(int& argc, char** argv, bool fonts) {
    if (fonts) {
      if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
      if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        runtime = std::make_unique<QTemporaryDir>();  // created 0700, as Qt wants it; removed at exit
        if (runtime->isValid()) qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime->path()));
      }
      app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
      app = std::make_unique<QCoreApplication>(argc, argv);
    }
    fvae::keep_c_numeric_locale();  // the application object set it from the environment
    QCoreApplication::setApplicationName("factorvae");
    QCoreApplication::setApplicationVersion(FACTORVAE_VERSION);
  }
};
#endif

}  // namespace

int main(int argc, char** argv) {
  fvae::relaunch_with_tuned_blas_if_needed(argv);
  fvae::flush_denormals_to_zero();  // before any thread starts: they all inherit it
#ifdef FACTORVAE_WITH_QT
  const CliApplication application(argc, argv, argc > 1 && std::string(argv[1]) == "responses");
  constexpr const char* kBuild = "";
#else
  constexpr const char* kBuild = ", headless build without Qt";
#endif
  std::vector<std::string> arguments(argv, argv + argc);
  if (arguments.size() < 2 || arguments[1] == "--help" || arguments[1] == "-h" || arguments[1] == "help") {
    std::fputs(usage().c_str(), arguments.size() < 2 ? stderr : stdout);
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
    for (const Mode& m : kModes) {
      if (mode != m.name) continue;
      if (m.run) return m.run(arguments);
      std::string available;
      for (const Mode& other : kModes)
        if (other.run) available += std::string(available.empty() ? "" : ", ") + other.name;
      std::cerr << "factorvae: '" << mode << "' is in the full build (with Qt); this headless build has "
                << available << "\n";
      return 2;
    }
    std::cerr << "factorvae: unknown mode '" << mode << "'\n\n" << usage();
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "factorvae: error: " << e.what() << "\n";
    return 1;
  }
}
