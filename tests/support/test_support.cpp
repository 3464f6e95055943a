#include "test_support.h"

#include "model/checkpoint/export.h"
#include "model/io/npy.h"
#include "model/nn/networks.h"

#include <zip.h>
#include <zlib.h>

#include <QProcess>
#include <QProcessEnvironment>
#include <cmath>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace fvae::testing {

namespace {

// The weights of tools/original_fixture.py, rebuilt bit for bit (its docstring gives the recipe): element i of the
// original state_dict tensor `name` from splitmix64(fnv1a64(name) + i), scaled by the tensor's role.
uint64_t fnv1a64(const std::string& text) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

uint64_t splitmix64(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

torch::Tensor fixture_tensor(const std::string& name, const torch::Tensor& like, bool batchnorm) {
  if (name.size() >= 19 && name.compare(name.size() - 19, 19, "num_batches_tracked") == 0)
    return torch::full_like(like, 100);
  const std::string leaf = name.substr(name.rfind('.') + 1);
  const uint64_t base = fnv1a64(name);
  const int64_t fan = like.numel() / like.size(0);
  const double weight_scale = std::ldexp(1.0, -((63 - __builtin_clzll(static_cast<uint64_t>(fan))) / 2));
  auto out = torch::empty(like.sizes(), torch::kFloat);
  float* data = out.data_ptr<float>();
  for (int64_t i = 0; i < out.numel(); ++i) {
    const double x = static_cast<double>(splitmix64(base + static_cast<uint64_t>(i)) >> 40) / 8388608.0 - 1.0;
    double v = x / 16;  // biases
    if (batchnorm && leaf == "weight") v = 1 + x / 4;
    if (batchnorm && leaf == "bias") v = x / 4;
    if (leaf == "running_mean") v = x / 4;
    if (leaf == "running_var") v = 1 + x / 2;
    if (!batchnorm && leaf == "weight") v = x * weight_scale;
    data[i] = static_cast<float>(v);
  }
  return out;
}

}  // namespace

std::map<std::string, torch::Tensor> original_fixture_state_dict() {
  ModelConfig config;
  config.architecture = Architecture::Seed;
  Networks shapes(config);
  std::map<std::string, torch::Tensor> ours;
  auto collect = [&](const std::string& prefix, torch::nn::Module& m) {
    for (const auto& item : m.named_parameters()) ours[prefix + item.key()] = item.value();
    for (const auto& item : m.named_buffers()) ours[prefix + item.key()] = item.value();
  };
  collect("encoder.", *shapes.encoder);
  collect("decoder.", *shapes.decoder);
  collect("discriminator.", *shapes.discriminator);
  std::map<std::string, torch::Tensor> original;
  for (const auto& [name, tensor] : ours) {
    const std::string layer = name.substr(0, name.rfind('.') + 1);
    original[seed_name_to_original(name)] =
        fixture_tensor(seed_name_to_original(name), tensor, ours.count(layer + "running_mean") > 0);
  }
  return original;
}

std::map<std::string, torch::Tensor> fixture_weights(torch::nn::Module& module, const std::string& seed_prefix) {
  std::map<std::string, torch::Tensor> own;
  for (const auto& item : module.named_parameters()) own[item.key()] = item.value();
  for (const auto& item : module.named_buffers()) own[item.key()] = item.value();
  std::map<std::string, torch::Tensor> out;
  for (const auto& [name, tensor] : own) {
    const std::string layer = name.substr(0, name.rfind('.') + 1);
    auto value = fixture_tensor(seed_prefix + name, tensor, own.count(layer + "running_mean") > 0);
    out[name] = tensor.scalar_type() == torch::kLong ? value.to(torch::kLong) : value;
  }
  return out;
}

torch::Tensor fixture_uniform01(const std::string& name, at::IntArrayRef shape) {
  auto out = torch::empty(shape, torch::kFloat);
  float* data = out.data_ptr<float>();
  const uint64_t base = fnv1a64(name);
  for (int64_t i = 0; i < out.numel(); ++i)
    data[i] = static_cast<float>(static_cast<double>(splitmix64(base + static_cast<uint64_t>(i)) >> 40) / 16777216.0);
  return out;
}

ProcessResult run_process(const QString& program, const QStringList& arguments, const QStringList& environment,
                          int timeout_ms) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  for (const QString& entry : environment)
    entry.contains('=') ? env.insert(entry.section('=', 0, 0), entry.section('=', 1)) : env.remove(entry);
  p.setProcessEnvironment(env);
  p.start(program, arguments);
  ProcessResult r;
  if (!p.waitForFinished(timeout_ms)) {
    r.timed_out = true;
    p.kill();
    p.waitForFinished();
  }
  r.exit_code = p.exitStatus() == QProcess::NormalExit && !r.timed_out ? p.exitCode() : -1;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

ProcessResult run_cli(const QStringList& arguments, const QStringList& environment, int timeout_ms) {
  return run_process(qEnvironmentVariable("FACTORVAE_CLI"), arguments, environment, timeout_ms);
}

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

#include "model/base/platform.h"

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
