#pragma once
// Reading pickled PyTorch data without running anything from it: the zip container that LibTorch's archives and
// Python's torch.save (since PyTorch 1.6) share, and the pickle instructions that module state, state dicts, optimiser
// states and training checkpoints use. Classes and functions named in a pickle are never looked up or called: the
// reader builds a tree of values, interprets the few calls that rebuild dicts and tensors, and keeps any other call
// as an opaque object (its arguments and state kept, for the caller to ignore). Every index and size is checked;
// problems throw RecordError naming the file.

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/checkpoint/record_file.h"

namespace fvae::pickle {

struct ZipEntry {
  const char* data = nullptr;
  uint64_t size = 0;
};

class Bytes {
 public:
  Bytes(const std::string& name, const std::string& bytes) : name_(name), bytes_(bytes) {}
  template <typename T>
  T at(uint64_t offset, const char* what) const {
    check(offset, sizeof(T), what);
    uint64_t v = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[static_cast<size_t>(offset + i)])) << (8 * i);
    return static_cast<T>(v);
  }
  const char* span(uint64_t offset, uint64_t size, const char* what) const {
    check(offset, size, what);
    return bytes_.data() + offset;
  }
  uint64_t size() const { return bytes_.size(); }
  [[noreturn]] void fail(const std::string& problem) const { throw RecordError(name_ + ": " + problem); }

 private:
  void check(uint64_t offset, uint64_t size, const char* what) const {
    if (offset > bytes_.size() || size > bytes_.size() - offset)
      fail(std::string("truncated or damaged archive: ") + what + " lies outside the file");
  }
  const std::string& name_;
  const std::string& bytes_;
};

// The stored (uncompressed) entries of a zip archive by name, their CRC-32 checked. Compressed entries are left out.
std::unordered_map<std::string, ZipEntry> read_zip(const Bytes& b);

struct Value;
using Ref = std::shared_ptr<Value>;

struct Value {
  // List: also sets. Object: an instance of a class, or the result of a call the reader does not interpret (never run).
  // BigInt: an integer wider than 64 bits, its little-endian bytes in `text`.
  enum class Kind { None, Bool, Int, BigInt, Float, String, Bytes, Tuple, List, Dict, Global, Object, Storage, Tensor };
  Kind kind = Kind::None;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  std::string text;                          // String; Global: "module.name"; Object: its class; Storage: its key
  std::vector<Ref> items;                    // Tuple
  std::vector<std::pair<Ref, Ref>> entries;  // Dict; Object: its attributes once built
  torch::ScalarType dtype = torch::kFloat;   // Storage, Tensor
  int64_t numel = 0;                         // Storage
  Ref storage;                               // Tensor
  int64_t offset = 0;                        // Tensor
  std::vector<int64_t> sizes, strides;       // Tensor
};

inline Ref make(Value::Kind kind) {
  auto v = std::make_shared<Value>();
  v->kind = kind;
  return v;
}

// LibTorchModule: only what LibTorch 1.13's pickler wrote for a module (anything else is refused as damage).
// TorchSave: anything Python's pickle protocols 2–5 write for data, classes kept opaque.
enum class Dialect { LibTorchModule, TorchSave };

// Unpickles one pickle starting at `p` (advanced past its STOP instruction).
Ref unpickle(const Bytes& b, const char*& p, const char* end, Dialect dialect);

}  // namespace fvae::pickle
