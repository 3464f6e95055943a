// One entry of an image folder (Qt's image readers, then our conversion): a float image [C, 28, 28] in [0, 1], or a
// DatasetError naming the file.
#include <torch/torch.h>

#include <QImageReader>

#include "fuzz/fuzz_input.h"
#include "model/data/dataset.h"
#include "model/io/readers.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fvae::fuzz::start_qt();
  QImageReader::setAllocationLimit(64);  // MB: a header may claim any size
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fvae::fuzz::with_input_file(".img", data, size, [](const std::string& path) {
    for (int64_t channels : {1, 3}) {
      try {
        auto image = fvae::read_image_file(path, channels, 28);
        if (image.dim() != 3 || image.size(0) != channels || image.size(1) != 28 || image.size(2) != 28)
          __builtin_trap();
        if (image.min().item<float>() < 0 || image.max().item<float>() > 1) __builtin_trap();
      } catch (const fvae::DatasetError& e) {
        if (std::string(e.what()).find(path) == std::string::npos) __builtin_trap();
      }
    }
  });
}
