#include "model/io/npy.h"

#include <cstring>
#include <limits>
#include <regex>

#include "model/base/numbers.h"
#include "model/data/dataset.h"

namespace fvae {

namespace {

struct DtypeInfo {
  torch::ScalarType type;
  int64_t size;
};

DtypeInfo dtype_of(const std::string& name, const std::string& descr) {
  static const std::vector<std::pair<std::string, DtypeInfo>> known = {
      {"|u1", {torch::kUInt8, 1}}, {"<u1", {torch::kUInt8, 1}}, {"|i1", {torch::kInt8, 1}},
      {"<i1", {torch::kInt8, 1}},  {"<i2", {torch::kInt16, 2}}, {"<i4", {torch::kInt32, 4}},
      {"<i8", {torch::kInt64, 8}}, {"<f4", {torch::kFloat, 4}}, {"<f8", {torch::kDouble, 8}},
      {"|b1", {torch::kBool, 1}}};
  for (const auto& [d, info] : known)
    if (d == descr) return info;
  throw DatasetError(name + ": unsupported array data type '" + descr + "'");
}

std::string typestr(torch::ScalarType t) {
  switch (t) {
    case torch::kUInt8:
      return "|u1";
    case torch::kInt8:
      return "|i1";
    case torch::kInt16:
      return "<i2";
    case torch::kInt32:
      return "<i4";
    case torch::kInt64:
      return "<i8";
    case torch::kFloat:
      return "<f4";
    case torch::kDouble:
      return "<f8";
    default:
      throw std::invalid_argument("make_npy: unsupported dtype");
  }
}

}  // namespace

NpyArray parse_npy(const std::string& name, const std::vector<uint8_t>& bytes) {
  static const uint8_t magic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  if (bytes.size() < 10 || std::memcmp(bytes.data(), magic, 6) != 0)
    throw DatasetError(name + ": not a NumPy array (wrong magic bytes)");
  const int major = bytes[6];
  size_t header_len = 0, offset = 0;
  if (major == 1) {
    header_len = bytes[8] | (bytes[9] << 8);
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) throw DatasetError(name + ": truncated NumPy header");
    header_len = bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (static_cast<size_t>(bytes[11]) << 24);
    offset = 12;
  } else {
    throw DatasetError(name + ": unsupported NumPy format version " + std::to_string(major));
  }
  if (header_len > bytes.size() - offset) throw DatasetError(name + ": the NumPy header runs past the end of the data");
  const std::string header(reinterpret_cast<const char*>(bytes.data() + offset), header_len);
  offset += header_len;

  std::smatch m;
  NpyArray array;
  if (!std::regex_search(header, m, std::regex("'descr'\\s*:\\s*'([^']*)'")))
    throw DatasetError(name + ": malformed NumPy header (no 'descr')");
  array.descr = m[1];
  if (std::regex_search(header, m, std::regex("'fortran_order'\\s*:\\s*True")))
    throw DatasetError(name + ": Fortran-ordered arrays are not supported");
  if (!std::regex_search(header, m, std::regex("'shape'\\s*:\\s*\\(([^)]*)\\)")))
    throw DatasetError(name + ": malformed NumPy header (no 'shape')");
  const std::string dims = m[1];
  int64_t count = 1;
  const std::regex number("\\d+");
  for (std::sregex_iterator it(dims.begin(), dims.end(), number), end; it != end; ++it) {
    const auto parsed = parse_int64(it->str());
    if (!parsed) throw DatasetError(name + ": absurd array dimension " + it->str());
    const int64_t d = *parsed;
    if (d < 0 || (d > 0 && count > std::numeric_limits<int64_t>::max() / d))
      throw DatasetError(name + ": absurd array shape (" + dims + ")");
    array.shape.push_back(d);
    count *= d;
  }
  const auto info = dtype_of(name, array.descr);
  const uint64_t need = static_cast<uint64_t>(count) * static_cast<uint64_t>(info.size);
  const uint64_t have = bytes.size() - offset;
  if (count > std::numeric_limits<int64_t>::max() / info.size || need > have)
    throw DatasetError(name + ": truncated: the header promises " + std::to_string(need) + " bytes of data, only " +
                       std::to_string(have) + " are present");
  array.data = torch::empty(array.shape, torch::TensorOptions().dtype(info.type));
  if (need) std::memcpy(array.data.data_ptr(), bytes.data() + offset, need);
  return array;
}

std::vector<uint8_t> make_npy(const torch::Tensor& array, int major_version) {
  auto a = array.contiguous();
  std::string shape;
  for (int64_t d : a.sizes()) shape += std::to_string(d) + ", ";
  if (a.dim() > 1) shape.resize(shape.size() - 1);
  std::string header =
      "{'descr': '" + typestr(a.scalar_type()) + "', 'fortran_order': False, 'shape': (" + shape + "), }";
  const size_t prefix = major_version == 1 ? 10 : 12;
  while ((prefix + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  std::vector<uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', static_cast<uint8_t>(major_version), 0};
  const size_t n = header.size();
  out.push_back(n & 0xff);
  out.push_back((n >> 8) & 0xff);
  if (major_version != 1) {
    out.push_back((n >> 16) & 0xff);
    out.push_back((n >> 24) & 0xff);
  }
  out.insert(out.end(), header.begin(), header.end());
  const auto* p = static_cast<const uint8_t*>(a.data_ptr());
  out.insert(out.end(), p, p + a.numel() * a.element_size());
  return out;
}

}  // namespace fvae
