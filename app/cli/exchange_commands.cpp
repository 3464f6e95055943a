// factorvae export / import / decode: models and codes in and out of FactorVAE Studio, for PyTorch users.
#include <torch/torch.h>

#include <QFileInfo>
#include <fstream>
#include <iostream>
#include <iterator>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/service/errors.h"
#include "app/service/model_exchange.h"
#include "model/base/atomic_file.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"
#include "model/io/image_files.h"
#include "model/io/npy.h"

namespace fvae::cli {

int export_command(const Arguments& arguments) {
  OptionParser p;
  p.add_options({{"checkpoint", "trained model (.fvae)", "file"},
                 {"out", "model.pt: for PyTorch (torch.load); model.safetensors or model.fvae: weights only", "file"}});
  parse_or_exit(p, arguments,
                "Exports a trained model. OUT ending in .pt: a file Python's torch.load opens (no code in it): "
                "{'state_dict': encoder and decoder weights (the original project's names for --arch seed), "
                "'config': the model and training settings, 'latent_names': [...]}. OUT ending in .safetensors or "
                ".fvae: a weights-only checkpoint (no discriminator or optimiser state) in the safetensors format, "
                "which the explorer and evaluate open and Python's safetensors reads (the settings in its metadata).");
  if (!p.is_set("checkpoint") || !p.is_set("out")) throw UsageError("export needs --checkpoint FILE and --out FILE");
  try {
    std::cout << service::exportModel(QString::fromStdString(p.value("checkpoint")),
                                      QString::fromStdString(p.value("out")))
                     .toStdString()
              << "\n";
  } catch (const service::Error& e) {
    throw UsageError(e.what());
  }
  return 0;
}

namespace {

int import_file(const Arguments& arguments, const char* mode, const std::string& default_family) {
  OptionParser p;
  p.add_positional("model", "the file its code saved: a solver's checkpoint, a Lightning .ckpt, a state dict; or an "
                   ".npz of the original project's state_dict", "model");
  p.add_options({{"out", "the FactorVAE Studio checkpoint to write (default: imported.fvae)", "file", "imported.fvae"},
                 {"family", "where the tensors alone do not decide: seed, 1konny-factorvae[1-3], 1konny-betavae[-h|-b], "
                            "antixk[-betavae|-factorvae|-betatcvae]",
                  "name", default_family}});
  parse_or_exit(p, arguments,
                "Imports a model trained elsewhere: 1Konny/FactorVAE (FactorVAE1/2/3 and its discriminator), "
                "1Konny/Beta-VAE (BetaVAE_H/B), AntixK/PyTorch-VAE (BetaVAE, FactorVAE, BetaTCVAE) and the original "
                "project (3liFi/FactorVAE), recognised by their tensors' names and shapes. The file is read without "
                "running code from it and without Python. The models also open directly (--checkpoint FILE); the "
                ".fvae keeps the names you give the dimensions.",
                1);
  if (p.positional().size() != 1) throw UsageError(std::string(mode) + " needs one model file");
  try {
    std::cout << service::importModel(QString::fromStdString(p.positional()[0]),
                                      QString::fromStdString(p.value("out")), QString::fromStdString(p.value("family")))
                     .toStdString()
              << "\n";
  } catch (const service::Error& e) {
    throw UsageError(e.what());
  }
  return 0;
}

}  // namespace

int import_command(const Arguments& arguments) { return import_file(arguments, "import", ""); }
int import_seed_command(const Arguments& arguments) { return import_file(arguments, "import-seed", "seed"); }

int decode_command(const Arguments& arguments) {
  OptionParser p;
  p.add_options(
      {{"checkpoint", "trained model (.fvae)", "file"},
       {"codes", "latent codes: a .npy array [N, latent] of float32 or float64", "file"},
       {"out", "images.npy (float32 [N, C, H, W] in [0, 1]) or a PNG grid (default images.npy)", "file", "images.npy"},
       {"columns", "grid columns of a PNG (default 8)", "n", "8"}});
  add_device_option(p);
  parse_or_exit(p, arguments, "Decodes given latent codes with a trained model, e.g. codes made in Python.");
  auto cp = open_checkpoint(p);
  if (!p.is_set("codes")) throw UsageError("decode needs --codes FILE.npy");
  const std::string codes_path = text_option(p, "codes");
  std::ifstream in(codes_path, std::ios::binary);
  if (!in) throw UsageError(codes_path + ": cannot read the file");
  const std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  torch::Tensor z;
  try {
    z = parse_npy(codes_path, bytes).data;
  } catch (const DatasetError& e) {
    throw UsageError(e.what());
  }
  if (!z.is_floating_point() || z.dim() != 2 || z.size(1) != cp.model.latent_dim || z.size(0) < 1)
    throw UsageError(codes_path + ": expected a float array [N, " + std::to_string(cp.model.latent_dim) + "], found " +
                     c10::toString(z.scalar_type()) + " " + c10::str(z.sizes()));
  z = z.to(torch::kFloat);
  if (!torch::isfinite(z).all().item<bool>()) throw UsageError(codes_path + ": holds NaN or infinite values");
  const auto images = decode(cp.networks->decoder, z);
  const std::string out = text_option(p, "out");
  if (QFileInfo(QString::fromStdString(out)).suffix().toLower() == "png") {
    save_png(out, tile(images, std::max<int64_t>(1, integer_option(p, "columns")), 1, 0.5), {1, {}, 0, 0});
  } else {
    const auto npy = make_npy(images.contiguous());
    try {
      write_file_atomically(out, npy.data(), npy.size());
    } catch (const FileWriteError& e) {
      throw UsageError(e.what());
    }
  }
  std::cout << "Wrote " << out << " (" << z.size(0) << " images " << c10::str(images.sizes()) << ")\n";
  return 0;
}

}  // namespace fvae::cli
