#pragma once
// Helpers shared by the tests: fixture files written on the fly.

#include <torch/torch.h>

#include <QString>
#include <QStringList>
#include <map>
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

// The original project's state_dict (its names) for the seed architecture at latent 8, filled with the weights of
// tools/original_fixture.py, bit for bit (its docstring gives the recipe), so that tests/fixtures/
// original_seed_outputs.npz, what the original code computes on them, checks the seed architecture.
std::map<std::string, torch::Tensor> original_fixture_state_dict();

// The same recipe for any module: its tensors by their names (BatchNorm layers recognised by their running_mean),
// element i of tensor N from splitmix64(fnv1a64(seed_prefix + N) + i) (tools/reference_fixtures.py).
std::map<std::string, torch::Tensor> fixture_weights(torch::nn::Module& module, const std::string& seed_prefix);
// float32 values in [0, 1): element i is splitmix64(fnv1a64(name) + i) >> 40, over 2^24 (tools/reference_fixtures.py).
torch::Tensor fixture_uniform01(const std::string& name, at::IntArrayRef shape);

// A finished child process: its exit code (-1 when it crashed or ran past its time, then killed) and output.
struct ProcessResult {
  int exit_code = -1;
  bool timed_out = false;
  QString out, err;
};
// Runs `program` with this process's environment changed by `environment`: "NAME=value" sets, "NAME" unsets.
ProcessResult run_process(const QString& program, const QStringList& arguments, const QStringList& environment = {},
                          int timeout_ms = 300000);
// The same for the factorvae CLI under test ($FACTORVAE_CLI).
ProcessResult run_cli(const QStringList& arguments, const QStringList& environment = {}, int timeout_ms = 300000);

}  // namespace fvae::testing
