#pragma once
// Files that Python's torch.save wrote — a state dict, a research script's checkpoint dict, a Lightning checkpoint —
// in its zip format (PyTorch 1.6 and later) or the stream format before it, read without running code from them
// (pickle_archive.h): tensors and integers by dotted path through the nested dictionaries, lists and objects'
// attributes, e.g. "model_states.VAE.encode.0.weight" or "state_dict.model.encoder.0.0.weight".

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace fvae {

struct TorchFile {
  std::vector<std::pair<std::string, torch::Tensor>> tensors;  // in the file's order, contiguous, on the CPU
  std::map<std::string, int64_t> integers;                     // e.g. "iter", "global_step", "epoch"
  std::string format;                                          // "zip" or "stream"
};

// Whether `bytes` start like a file torch.save wrote (either format).
bool looks_like_torch_file(const std::string& bytes);

// Throws RecordError naming `name` and the problem (truncated, damaged, not a torch.save file, a big-endian file).
TorchFile read_torch_file(const std::string& name, const std::string& bytes);

}  // namespace fvae
