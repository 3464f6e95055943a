// factorvae encode: the latent codes of a dataset for other tools — NumPy, pandas, TensorBoard's projector.
#include <torch/torch.h>

#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/inference/evaluation.h"
#include "model/inference/inference.h"
#include "model/io/code_export.h"
#include "model/io/image_files.h"

namespace fvae::cli {

int encode_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, true);
  add_device_option(p);
  p.add_options({{"checkpoint", "trained model (.fvae)", "file"},
                 {"out", "folder for the files (created when missing)", "folder"},
                 {"images", "encode a seeded random sample of this many images (default: every image)", "n", "0"},
                 {"seed", "seed of the sample (default 0)", "n", "0"},
                 {"projector-points", "images shown in TensorBoard's projector (default 10000)", "n", "10000"},
                 {"batch-size", "images per batch (default 256)", "n", "256"}});
  parse_or_exit(p, arguments,
                "Writes mu and log sigma^2 of every image of a dataset (or of a sample) with the labels or "
                "factors beside them: mu.npy, logvar.npy, indices.npy, labels.npy (NumPy), codes.csv (one row per "
                "image), dimensions.csv (names, mean KL, active), and projector/ for TensorBoard's projector "
                "(tensorboard --logdir OUT/projector), with a sprite of the images. Numbers are written with a "
                "decimal point whatever the locale.");
  if (!p.is_set("out")) throw UsageError("encode needs --out FOLDER");
  auto cp = open_checkpoint(p);
  auto data = open_dataset_for(p, cp);
  const int64_t images = integer_option(p, "images");
  const int64_t batch = integer_option(p, "batch-size");
  const int64_t points = integer_option(p, "projector-points");
  if (images < 0 || batch < 1 || points < 0)
    throw UsageError("--images and --projector-points must be 0 or more, --batch-size at least 1");
  if (images > data->size())
    std::cerr << "factorvae: --images " << images << ": " << data->description() << " holds " << data->size()
              << " images; encoding every one\n";
  torch::Tensor indices;
  if (images > 0) indices = std::get<0>(subset_indices(data->size(), images, unsigned_option(p, "seed")).sort());
  install_interrupt_handler();
  ProgressLine progress("encode");
  // open_checkpoint put the networks on --device: the images go there, the codes come back to the CPU.
  const torch::Device device = device_option(p);
  const auto codes = encode_dataset([&](const torch::Tensor& x) { return encode(cp.networks->encoder, x.to(device)); },
                                    *data, indices, batch,
                                    [&](double f) {
                                      progress.update(static_cast<int64_t>(f * 1000), 1000);
                                      return !interrupted();
                                    });
  progress.finish();
  if (!codes.complete) throw UsageError("cancelled; nothing was written");
  std::vector<std::string> names;
  for (int64_t d = 0; d < cp.model.latent_dim; ++d) names.push_back(cp.latent_names[d]);
  try {
    const auto written =
        write_code_export(text_option(p, "out"), {codes.indices, codes.mu, codes.logvar, names}, *data, {points});
    std::cout << "Encoded " << codes.indices.size(0) << " images of " << data->description() << " into "
              << cp.model.latent_dim << " dimensions:\n";
    for (const auto& file : written) std::cout << "  " << file << "\n";
    std::cout << "View them in TensorBoard's projector: tensorboard --logdir " << text_option(p, "out")
              << "/projector\n";
  } catch (const ExportError& e) {
    throw UsageError(e.what());
  }
  return 0;
}

}  // namespace fvae::cli
