// Checkpoints (.fvae in every format) and the torch.save files of models trained elsewhere: a checkpoint or a
// CheckpointError that names the file, never a crash or another exception.
#include <torch/torch.h>

#include "fuzz/fuzz_input.h"
#include "model/checkpoint/checkpoint.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  torch::set_num_threads(1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return fvae::fuzz::with_input_file(".fvae", data, size, [](const std::string& path) {
    try {
      auto cp = fvae::load_checkpoint(path);
      if (!cp.networks || cp.latent_names.size() != static_cast<size_t>(cp.model.latent_dim)) __builtin_trap();
    } catch (const fvae::CheckpointError& e) {
      if (std::string(e.what()).find(path) == std::string::npos) __builtin_trap();  // the message names the file
    }
  });
}
