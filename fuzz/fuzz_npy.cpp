// .npy headers and payloads parsed from memory: an array whose bytes match its header, or a DatasetError.
#include <torch/torch.h>

#include "model/data/dataset.h"
#include "model/io/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<uint8_t> bytes(data, data + size);
  try {
    auto array = fvae::parse_npy("fuzz.npy", bytes);
    int64_t count = 1;
    for (int64_t d : array.shape) count *= d;
    if (array.data.numel() != count) __builtin_trap();
    if (static_cast<size_t>(array.data.numel() * array.data.element_size()) > size) __builtin_trap();
  } catch (const fvae::DatasetError&) {
  }
  return 0;
}
