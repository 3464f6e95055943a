#pragma once
// The latent codes of a dataset as files other tools read: NumPy arrays, a CSV table with the labels or factors
// beside the codes, and TensorBoard's embedding projector (tensors, metadata and a sprite image of the inputs).
//
//   FOLDER/mu.npy, logvar.npy      float32 [N, D]
//   FOLDER/indices.npy             int64 [N]: each row's image in the dataset's file or folder (also for a subset)
//   FOLDER/labels.npy              int64 [N, K]: the dataset's labels or ground-truth factors (when it has them)
//   FOLDER/codes.csv               index, the labels by name, mu_0 … mu_{D-1}, logvar_0 … logvar_{D-1}
//   FOLDER/dimensions.csv          dimension, name, mean KL in nats, active (model/nn/activity.h)
//   FOLDER/projector/              tensors.tsv (μ), metadata.tsv, sprite.png, projector_config.pbtxt:
//                                  `tensorboard --logdir FOLDER/projector` shows them in the Projector tab
//
// Numbers are written in the C locale whatever the user's. Every file is written atomically.

#include <torch/torch.h>

#include <string>
#include <vector>

#include "model/data/dataset.h"

namespace fvae {

struct CodeExport {
  torch::Tensor indices;                  // int64 [N]
  torch::Tensor mu, logvar;               // float [N, D]
  std::vector<std::string> latent_names;  // per dimension; "" for an unnamed one
};

struct CodeExportOptions {
  // The projector shows the first this many rows (its sprite image is at most 8192 pixels wide and high, and the
  // browser slows beyond some ten thousand points); the arrays and the CSV always hold every row.
  int64_t projector_points = 10000;
};

// Writes the files above into `folder` (created when missing) and returns their paths. `data` gives the labels and
// the sprite's images. Throws ExportError naming the file that could not be written.
std::vector<std::string> write_code_export(const std::string& folder, const CodeExport& codes, const Dataset& data,
                                           const CodeExportOptions& options = {});

}  // namespace fvae
