#include "test_support.h"

#include "model/io/npy.h"

#include <zip.h>
#include <zlib.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace fvae::testing {

void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::vector<uint8_t>>>& members,
               bool deflate) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("cannot create " + path);
  for (const auto& [name, bytes] : members) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("cannot add " + name);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("cannot write " + path);
}

void write_idx(const std::string& path, const torch::Tensor& data, bool gzip) {
  auto d = data.contiguous();
  std::vector<uint8_t> bytes = {0, 0, 0x08, static_cast<uint8_t>(d.dim())};
  for (int64_t s : d.sizes())
    for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<uint8_t>((s >> shift) & 0xff));
  bytes.insert(bytes.end(), d.data_ptr<uint8_t>(), d.data_ptr<uint8_t>() + d.numel());
  if (!gzip) return write_bytes(path, bytes);
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
}

torch::Tensor ramp_images(int64_t n, int64_t size, int64_t channels) {
  auto base = torch::arange(n * size * size * std::max<int64_t>(channels, 1), torch::kLong).remainder(251);
  if (channels == 0) return base.view({n, size, size}).to(torch::kUInt8);
  return base.view({n, size, size, channels}).to(torch::kUInt8);
}

std::vector<std::pair<std::string, std::vector<uint8_t>>> medmnist_members(const torch::Tensor& images,
                                                                           const torch::Tensor& labels, int version) {
  return {{"train_images.npy", make_npy(images, version)},
          {"train_labels.npy", make_npy(labels, version)},
          {"val_images.npy", make_npy(images.narrow(0, 0, 2), version)},
          {"val_labels.npy", make_npy(labels.narrow(0, 0, 2), version)}};
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace fvae::testing

#include "model/platform.h"

namespace {
// Tests get the same BLAS kernels as the applications (see relaunch_with_tuned_blas_if_needed).
const bool relaunched = [] {
  static std::vector<std::string> args;
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  for (std::string arg; std::getline(in, arg, '\0');) args.push_back(arg);
  static std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (args.empty()) return false;
  fvae::relaunch_with_tuned_blas_if_needed(argv.data());
  return false;
}();
}  // namespace
