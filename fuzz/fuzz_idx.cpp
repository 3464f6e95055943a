// IDX files, plain or gzip-compressed (zlib): uint8 images or labels, or a DatasetError.
#include <torch/torch.h>

#include "fuzz/fuzz_input.h"
#include "model/io/readers.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fvae::fuzz::start_qt();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fvae::fuzz::with_input_file(".idx", data, size, [](const std::string& path) {
    try {
      auto t = fvae::read_idx(path);
      if (t.scalar_type() != torch::kUInt8 || (t.dim() != 1 && t.dim() != 4)) __builtin_trap();
    } catch (const fvae::DatasetError&) {
    }
  });
}
