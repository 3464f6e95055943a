// MedMNIST .npz archives (libzip, then the .npy members): any bytes give images, labels or a DatasetError.
#include <torch/torch.h>

#include "fuzz/fuzz_input.h"
#include "model/io/readers.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fvae::fuzz::start_qt();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fvae::fuzz::with_input_file(".npz", data, size, [](const std::string& path) {
    try {
      auto raw = fvae::read_medmnist_npz(path, "train");
      // What a reader returns must be what it promises: uint8 [N, C, H, W], labels matching N.
      if (raw.images.dim() != 4 || raw.images.scalar_type() != torch::kUInt8) __builtin_trap();
      if (raw.labels.defined() && raw.labels.size(0) != raw.images.size(0)) __builtin_trap();
    } catch (const fvae::DatasetError&) {
    }
  });
}
