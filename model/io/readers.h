#pragma once
// Dataset file readers. Every error is a DatasetError naming the file and the problem; no size read from a header is
// trusted (or allocated) before it is checked against the file.

#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>

#include "model/data/dataset.h"
#include "model/io/npy.h"

namespace fvae {

struct RawImages {
  torch::Tensor images;                    // uint8 [N, C, H, W]
  torch::Tensor labels;                    // int64 [N, K] or undefined
  std::vector<std::string> skipped_files;  // "path: reason" for files left out (image folders)
  LabelInfo label_info;                    // what the labels mean, when the reader knows (class folders)
};

// MedMNIST .npz: `<split>_images` (uint8 N×H×W or N×H×W×3) and `<split>_labels`; split is train, val or test.
RawImages read_medmnist_npz(const std::string& path, const std::string& split);

// Every array of an .npz archive, by member name without ".npy" (e.g. weights saved with numpy.savez).
std::map<std::string, NpyArray> read_npz_arrays(const std::string& path);

// An IDX file (MNIST, Fashion-MNIST), plain or gzip-compressed: uint8 images N×H×W or labels N.
torch::Tensor read_idx(const std::string& path);

// Every image file below `folder` (PNG, JPEG, BMP, …), sorted by path, as `channels` (1 or 3) at size×size.
// Labels: the index of the first-level subfolder a file lies in, when the images are arranged in class folders.
// Files that cannot be decoded are left out and listed in `skipped_files`; only a folder without a single readable
// image is an error.
RawImages read_image_folder(const std::string& folder, int64_t channels, int64_t size);

// One image file converted as the datasets are: float [C, size, size] in [0, 1].
torch::Tensor read_image_file(const std::string& path, int64_t channels, int64_t size);

}  // namespace fvae
