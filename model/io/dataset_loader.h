#pragma once
// Opens any supported dataset from what a user typed: "shapes", a MedMNIST .npz, an IDX file or folder, or a folder
// of images.

#include <memory>
#include <string>

#include "model/data/dataset.h"

namespace fvae {

struct DatasetRequest {
  std::string spec = kBuiltinDataset;
  std::string split = "train";  // train, val, test (or all for shapes)
  int64_t size = 0;             // 28, 32 or 64; 0 picks from the data (shapes: 64)
  int64_t channels = 0;         // 1 or 3; 0 keeps the data's own
  int64_t subset = 0;           // > 0: a seeded random subset of this many images
  uint64_t subset_seed = 0;
};

std::shared_ptr<const Dataset> open_dataset(const DatasetRequest& request);

// The folder of Debian's dataset-fashion-mnist package when installed, else empty.
std::string installed_fashion_mnist();

// 28, 32 or 64 for native image sizes: the smallest supported size that is at least the native one (64 at most).
int64_t supported_size_for(int64_t native);

}  // namespace fvae
