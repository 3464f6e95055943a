#include "model/checkpoint/torch_file.h"

#include <cstring>
#include <functional>

#include "model/checkpoint/legacy_archive.h"
#include "model/checkpoint/pickle_archive.h"

namespace fvae {

namespace {

using pickle::Bytes;
using pickle::Ref;
using pickle::Value;

// The stream format's first pickle: the magic number 0x1950a86a20f9469cfc6c as a 10-byte LONG1.
constexpr char kStreamMagic[] = "\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";

// Shared values (the pickle's memo) could make a small file a tree of astronomical size: walks stop here.
constexpr int64_t kMaxVisits = 10'000'000;

struct StorageBytes {
  const char* data = nullptr;
  uint64_t size = 0;
};

class Collector {
 public:
  Collector(const Bytes& b, std::function<StorageBytes(const std::string&)> storage_bytes, TorchFile& out)
      : b_(b), storage_bytes_(std::move(storage_bytes)), out_(out) {}

  void walk(const Value& v, const std::string& path, int depth) {
    if (depth > 64) b_.fail("damaged: nested more than 64 levels deep");
    if (++visits_ > kMaxVisits) b_.fail("damaged: the pickled values refer to each other too often");
    auto child = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
    switch (v.kind) {
      case Value::Kind::Dict:
      case Value::Kind::Object:
        for (const auto& [k, item] : v.entries) {
          if (k->kind == Value::Kind::String)
            walk(*item, child(k->text), depth + 1);
          else if (k->kind == Value::Kind::Int)
            walk(*item, child(std::to_string(k->integer)), depth + 1);
        }
        break;
      case Value::Kind::List:
      case Value::Kind::Tuple:
        for (size_t i = 0; i < v.items.size(); ++i) walk(*v.items[i], child(std::to_string(i)), depth + 1);
        break;
      case Value::Kind::Tensor:
        out_.tensors.emplace_back(path, tensor(v, path));
        break;
      case Value::Kind::Int:
        out_.integers[path] = v.integer;
        break;
      default:
        break;  // texts, floats, classes: nothing a model needs
    }
  }

 private:
  torch::Tensor tensor(const Value& v, const std::string& path) {
    auto it = storages_.find(v.storage->text);
    if (it == storages_.end()) {
      const StorageBytes bytes = storage_bytes_(v.storage->text);
      const uint64_t element = c10::elementSize(v.dtype);
      if (!bytes.data) b_.fail("damaged: the data of '" + path + "' is missing");
      if (static_cast<uint64_t>(v.storage->numel) > bytes.size / element)
        b_.fail("truncated: the data of '" + path + "' is shorter than its tensor");
      auto storage = torch::empty({v.storage->numel}, torch::TensorOptions().dtype(v.dtype));
      if (v.storage->numel)
        std::memcpy(storage.data_ptr(), bytes.data, static_cast<size_t>(v.storage->numel * element));
      it = storages_.emplace(v.storage->text, storage).first;
    }
    if (it->second.scalar_type() != v.dtype) b_.fail("damaged: one storage read as two types ('" + path + "')");
    return it->second.as_strided(v.sizes, v.strides, v.offset).contiguous();
  }

  const Bytes& b_;
  std::function<StorageBytes(const std::string&)> storage_bytes_;
  TorchFile& out_;
  std::map<std::string, torch::Tensor> storages_;
  int64_t visits_ = 0;
};

TorchFile read_zip_format(const Bytes& b) {
  const auto zip = pickle::read_zip(b);
  // One top folder named by the writer ("archive/data.pkl", "archive/data/0", …).
  std::string prefix;
  const pickle::ZipEntry* data_pkl = nullptr;
  for (const auto& [entry, data] : zip)
    if (entry.size() > 9 && entry.compare(entry.size() - 9, 9, "/data.pkl") == 0 &&
        entry.find('/') == entry.size() - 9) {
      if (data_pkl) b.fail("not a torch.save file: two pickled objects in one zip archive");
      prefix = entry.substr(0, entry.size() - 8);
      data_pkl = &data;
    }
  if (!data_pkl) b.fail("not a torch.save file (a zip archive without data.pkl)");
  if (const auto order = zip.find(prefix + "byteorder");
      order != zip.end() && std::string(order->second.data, order->second.size) != "little")
    b.fail("unsupported: a big-endian file");
  const char* p = data_pkl->data;
  const Ref root = pickle::unpickle(b, p, data_pkl->data + data_pkl->size, pickle::Dialect::TorchSave);
  TorchFile out;
  out.format = "zip";
  Collector collector(
      b,
      [&](const std::string& key) {
        const auto it = zip.find(prefix + "data/" + key);
        return it == zip.end() ? StorageBytes{} : StorageBytes{it->second.data, it->second.size};
      },
      out);
  collector.walk(*root, "", 0);
  return out;
}

// magic number, protocol version, system info, the object, its storages' keys, then each storage: its element count
// (int64, little-endian) and its bytes.
TorchFile read_stream_format(const Bytes& b, const std::string& bytes) {
  const char* p = bytes.data();
  const char* end = p + bytes.size();
  const Ref magic = pickle::unpickle(b, p, end, pickle::Dialect::TorchSave);
  if (magic->kind != Value::Kind::BigInt || magic->text != std::string(kStreamMagic, 10))
    b.fail("not a torch.save file (wrong magic number)");
  const Ref protocol = pickle::unpickle(b, p, end, pickle::Dialect::TorchSave);
  if (protocol->kind != Value::Kind::Int || protocol->integer != 1001)
    b.fail("unsupported torch.save stream version");
  const Ref system = pickle::unpickle(b, p, end, pickle::Dialect::TorchSave);
  for (const auto& [k, v] : system->entries)
    if (k->kind == Value::Kind::String && k->text == "little_endian" && v->kind == Value::Kind::Bool && !v->boolean)
      b.fail("unsupported: a big-endian file");
  const Ref root = pickle::unpickle(b, p, end, pickle::Dialect::TorchSave);
  const Ref keys = pickle::unpickle(b, p, end, pickle::Dialect::TorchSave);
  if (keys->kind != Value::Kind::List) b.fail("damaged: the list of storages is missing");
  TorchFile out;
  out.format = "stream";
  // Element sizes: the dtype of each storage, from the tree, then the storages in the order of `keys`.
  std::map<std::string, torch::ScalarType> dtypes;
  int64_t visits = 0;
  std::function<void(const Value&, int)> find = [&](const Value& v, int depth) {
    if (depth > 64) b.fail("damaged: nested more than 64 levels deep");
    if (++visits > kMaxVisits) b.fail("damaged: the pickled values refer to each other too often");
    if (v.kind == Value::Kind::Tensor) dtypes.emplace(v.storage->text, v.dtype);
    for (const auto& [k, item] : v.entries) find(*item, depth + 1);
    for (const auto& item : v.items) find(*item, depth + 1);
  };
  find(*root, 0);
  std::map<std::string, StorageBytes> spans;
  uint64_t offset = static_cast<uint64_t>(p - bytes.data());
  for (const auto& key : keys->items) {
    if (key->kind != Value::Kind::String) b.fail("damaged: a storage without a name");
    const auto dtype = dtypes.find(key->text);
    if (dtype == dtypes.end()) b.fail("damaged: storage '" + key->text + "' belongs to no tensor");
    const uint64_t count = b.at<uint64_t>(offset, "a storage's size");
    const uint64_t element = c10::elementSize(dtype->second);
    if (count > (b.size() - offset - 8) / element)
      b.fail("truncated: storage '" + key->text + "' lies outside the file");
    spans[key->text] = {b.span(offset + 8, count * element, "a storage"), count * element};
    offset += 8 + count * element;
  }
  Collector collector(
      b,
      [&](const std::string& key) {
        const auto it = spans.find(key);
        return it == spans.end() ? StorageBytes{} : it->second;
      },
      out);
  collector.walk(*root, "", 0);
  return out;
}

}  // namespace

bool looks_like_torch_file(const std::string& bytes) {
  return looks_like_zip(bytes) || (bytes.size() >= 13 && static_cast<uint8_t>(bytes[0]) == 0x80 &&
                                   static_cast<uint8_t>(bytes[2]) == 0x8a && bytes[3] == 10 &&
                                   bytes.compare(4, 10, kStreamMagic, 10) == 0);
}

TorchFile read_torch_file(const std::string& name, const std::string& bytes) {
  const Bytes b(name, bytes);
  if (looks_like_zip(bytes)) return read_zip_format(b);
  if (looks_like_torch_file(bytes)) return read_stream_format(b, bytes);
  b.fail("not a file of torch.save (neither its zip nor its stream format)");
}

}  // namespace fvae
