#pragma once
// Helpers shared by the tests: fixture files written on the fly.

#include <torch/torch.h>

#include <string>
#include <vector>

namespace fvae::testing {

// A zip archive with the given members, each stored or deflated (libzip).
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::vector<uint8_t>>>& members,
               bool deflate);
// An IDX file (unsigned bytes) from a uint8 tensor, optionally gzip-compressed.
void write_idx(const std::string& path, const torch::Tensor& data, bool gzip);
std::vector<uint8_t> read_bytes(const std::string& path);
// Fixtures shared by the reader tests and the fuzzers' seed corpora (fuzz/make_seeds.cpp).
// uint8 images [n, size, size] (or [n, size, size, channels]) holding a ramp of values.
torch::Tensor ramp_images(int64_t n, int64_t size, int64_t channels = 0);
// The members of a MedMNIST .npz with train and val splits (val: the first two images).
std::vector<std::pair<std::string, std::vector<uint8_t>>> medmnist_members(const torch::Tensor& images,
                                                                           const torch::Tensor& labels, int version);
void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace fvae::testing
