#pragma once
// NumPy .npy arrays (format versions 1–3), parsed from memory with every size checked against the bytes present.

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace fvae {

struct NpyArray {
  std::string descr;  // e.g. "|u1", "<i8"
  std::vector<int64_t> shape;
  torch::Tensor data;  // C-order tensor of the matching dtype
};

// `name` is used in error messages (e.g. "chestmnist.npz: train_images.npy"). Throws DatasetError.
NpyArray parse_npy(const std::string& name, const std::vector<uint8_t>& bytes);

// Writes an array as .npy version 1 (used by tests to build fixtures).
std::vector<uint8_t> make_npy(const torch::Tensor& array, int major_version = 1);

}  // namespace fvae
