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
void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes);

}  // namespace fvae::testing
