#include "model/checkpoint/safetensors_file.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <vector>

#include "model/base/json.h"

namespace fvae {

namespace {

constexpr const char* kMetadata = "__metadata__";
constexpr const char* kChecksums = "checksums";
constexpr uint64_t kMaxHeader = 100u << 20;  // safetensors' own limit
constexpr int kMaxRank = 8;

struct Dtype {
  const char* name;
  torch::ScalarType type;
};
constexpr Dtype kDtypes[] = {{"F32", torch::kFloat}, {"F64", torch::kDouble}, {"I64", torch::kLong},
                             {"U8", torch::kUInt8},  {"I32", torch::kInt},    {"BF16", torch::kBFloat16},
                             {"BOOL", torch::kBool}, {"F16", torch::kHalf},   {"I16", torch::kShort},
                             {"I8", torch::kChar}};

std::string descriptor(const std::string& dtype, const std::vector<int64_t>& shape) {
  std::string s = dtype + "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string hex32(uint32_t v) {
  static const char digits[] = "0123456789abcdef";
  std::string s(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) s[static_cast<size_t>(i)] = digits[v & 0xf];
  return s;
}

void put_u64(uint8_t* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<uint8_t>((v >> (8 * i)) & 0xff);
}

uint64_t get_u64(const std::string& bytes) {  // the first 8 bytes, little-endian; bytes.size() >= 8
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes[static_cast<size_t>(i)])) << (8 * i);
  return v;
}

bool reserved(const std::string& name) { return name == kMetadata || name == kChecksums; }

}  // namespace

std::string safetensors_dtype(torch::ScalarType type) {
  for (const auto& d : kDtypes)
    if (d.type == type) return d.name;
  throw RecordError(std::string("safetensors cannot store tensors of type ") + c10::toString(type));
}

void encode_safetensors(const Records& records, const RecordSink& out) {
  // The checksums go into the header, which comes first: one pass over the tensors for them, one to write.
  struct Entry {
    const std::string* name;
    torch::Tensor tensor;  // CPU, contiguous
    std::string dtype;
    std::vector<int64_t> shape;
    uint64_t bytes = 0;
  };
  std::vector<Entry> tensors;
  auto metadata = JsonValue::object();
  std::string checksums;
  for (const auto& [name, record] : records) {
    if (name.empty() || name.size() > 4096) throw RecordError("record names must have 1 to 4096 bytes: '" + name + "'");
    if (reserved(name)) throw RecordError("'" + name + "' is a reserved name in a safetensors checkpoint");
    if (record.is_text) {
      metadata.set(name, JsonValue::string(record.text));
      checksums += name + " " + hex32(crc32(record.text.data(), record.text.size())) + "\n";
      continue;
    }
    if (!record.tensor.defined()) throw RecordError("record '" + name + "' holds no tensor");
    Entry e;
    e.name = &name;
    e.tensor = record.tensor.detach().to(torch::kCPU).contiguous();  // no copy for a CPU tensor
    if (e.tensor.dim() > kMaxRank) throw RecordError("record '" + name + "' has more than 8 dimensions");
    e.dtype = safetensors_dtype(e.tensor.scalar_type());
    e.shape = e.tensor.sizes().vec();
    e.bytes = static_cast<uint64_t>(e.tensor.numel()) * e.tensor.element_size();
    const std::string what = descriptor(e.dtype, e.shape);
    const uint32_t crc = crc32(e.tensor.data_ptr(), static_cast<size_t>(e.bytes), crc32(what.data(), what.size()));
    checksums += name + " " + hex32(crc) + "\n";
    tensors.push_back(std::move(e));
  }
  metadata.set(kChecksums, JsonValue::string(checksums));

  auto header = JsonValue::object();
  header.set(kMetadata, std::move(metadata));
  uint64_t offset = 0;
  for (const auto& e : tensors) {
    auto entry = JsonValue::object();
    entry.set("dtype", JsonValue::string(e.dtype));
    auto shape = JsonValue::array();
    for (int64_t s : e.shape) shape.push(JsonValue::integer(s));
    entry.set("shape", std::move(shape));
    auto offsets = JsonValue::array();
    offsets.push(JsonValue::integer(static_cast<int64_t>(offset)));
    offsets.push(JsonValue::integer(static_cast<int64_t>(offset + e.bytes)));
    entry.set("data_offsets", std::move(offsets));
    header.set(*e.name, std::move(entry));
    offset += e.bytes;
  }
  std::string text = write_json(header, 0);
  text.append((8 - text.size() % 8) % 8, ' ');  // the tensors start 8-byte aligned, as safetensors' writer does
  uint8_t length[8];
  put_u64(length, text.size());
  out(length, sizeof length);
  out(text.data(), text.size());
  for (const auto& e : tensors)
    if (e.bytes) out(e.tensor.data_ptr(), static_cast<size_t>(e.bytes));
}

std::string encode_safetensors(const Records& records) {
  std::string bytes;
  encode_safetensors(records,
                     [&bytes](const void* data, size_t size) { bytes.append(static_cast<const char*>(data), size); });
  return bytes;
}

bool looks_like_safetensors(const std::string& bytes) {
  if (bytes.size() < 9) return false;
  const uint64_t n = get_u64(bytes);
  // A truncated file, or one whose length is damaged, still starts like one, so that its reader says what is wrong.
  return n >= 2 && bytes[8] == '{';
}

Records decode_safetensors(const std::string& name, const std::string& bytes) {
  auto fail = [&](const std::string& problem) -> void { throw RecordError(name + ": " + problem); };
  if (bytes.size() < 8) fail("truncated: " + std::to_string(bytes.size()) + " bytes, not even a safetensors header");
  const uint64_t n = get_u64(bytes);
  if (n > kMaxHeader) fail("damaged: its safetensors header claims " + std::to_string(n) + " bytes (at most 100 MiB)");
  if (n > bytes.size() - 8)
    fail("truncated: its safetensors header claims " + std::to_string(n) + " bytes, the file has " +
         std::to_string(bytes.size() - 8) + " after the length");
  JsonValue header;
  try {
    header = parse_json(std::string_view(bytes.data() + 8, static_cast<size_t>(n)), 4);
  } catch (const JsonError& e) {
    fail(std::string("damaged: its safetensors header is not valid JSON (") + e.what() + ")");
  }
  if (!header.is(JsonValue::Type::Object)) fail("damaged: its safetensors header is not a JSON object");
  const uint64_t data_size = bytes.size() - 8 - n;
  const char* data = bytes.data() + 8 + n;

  // The metadata: texts only.
  std::map<std::string, std::string> texts;
  if (const JsonValue* metadata = header.find(kMetadata)) {
    if (!metadata->is(JsonValue::Type::Object)) fail("damaged: '__metadata__' is not an object");
    for (const auto& [key, value] : metadata->members()) {
      if (!value.is(JsonValue::Type::String)) fail("damaged: metadata entry '" + key + "' is not text");
      texts[key] = value.as_string();
    }
  }
  if (!texts.count("format") || !texts.count(kChecksums))
    fail(
        "a safetensors file, but not a FactorVAE Studio checkpoint (no 'format' and 'checksums' in its metadata): "
        "the weights of another model? Export from the program that made it, or train here");

  // Every tensor entry checked before anything is allocated.
  struct Entry {
    std::string name;
    torch::ScalarType type;
    std::string dtype;
    std::vector<int64_t> shape;
    uint64_t begin, end;
  };
  std::vector<Entry> entries;
  for (const auto& [key, value] : header.members()) {
    if (key == kMetadata) continue;
    const std::string where = "tensor '" + key + "'";
    if (key.empty() || texts.count(key)) fail("damaged: " + where + " has the name of a metadata entry");
    if (!value.is(JsonValue::Type::Object) || value.members().size() != 3)
      fail("damaged: " + where + " needs exactly dtype, shape and data_offsets");
    const JsonValue* dtype = value.find("dtype");
    const JsonValue* shape = value.find("shape");
    const JsonValue* offsets = value.find("data_offsets");
    if (!dtype || !shape || !offsets) fail("damaged: " + where + " needs exactly dtype, shape and data_offsets");
    Entry e{key, torch::ScalarType::Undefined, {}, {}, 0, 0};
    if (dtype->is(JsonValue::Type::String))
      for (const auto& d : kDtypes)
        if (dtype->as_string() == d.name) e.type = d.type, e.dtype = d.name;
    if (e.type == torch::ScalarType::Undefined)
      fail(where + " has a data type this program does not read (" +
           (dtype->is(JsonValue::Type::String) ? "'" + dtype->as_string() + "'" : std::string("not text")) + ")");
    if (!shape->is(JsonValue::Type::Array) || shape->items().size() > static_cast<size_t>(kMaxRank))
      fail("damaged: " + where + " has no valid shape (a list of at most 8 sizes)");
    uint64_t elements = 1;
    for (const auto& s : shape->items()) {
      const auto size = s.as_int64();
      if (!size || *size < 0 ||
          (*size > 0 && elements > std::numeric_limits<uint64_t>::max() / static_cast<uint64_t>(*size)))
        fail("damaged: " + where + " has an impossible shape");
      e.shape.push_back(*size);
      elements *= static_cast<uint64_t>(*size);
    }
    if (!offsets->is(JsonValue::Type::Array) || offsets->items().size() != 2 || !offsets->items()[0].as_uint64() ||
        !offsets->items()[1].as_uint64())
      fail("damaged: " + where + " has no valid data_offsets (two byte offsets)");
    e.begin = *offsets->items()[0].as_uint64();
    e.end = *offsets->items()[1].as_uint64();
    if (e.begin > e.end || e.end > data_size)
      fail("damaged or truncated: " + where + " lies at bytes " + std::to_string(e.begin) + "–" +
           std::to_string(e.end) + " of a data section of " + std::to_string(data_size) + " bytes");
    const uint64_t element_size = c10::elementSize(e.type);
    if (elements > std::numeric_limits<uint64_t>::max() / element_size || elements * element_size != e.end - e.begin)
      fail("damaged: " + where + " holds " + std::to_string(e.end - e.begin) +
           " bytes, which does not match its shape and data type");
    entries.push_back(std::move(e));
  }
  // The tensors cover the data exactly, without gaps or overlaps (as safetensors itself requires).
  std::vector<const Entry*> by_offset;
  for (const auto& e : entries) by_offset.push_back(&e);
  std::sort(by_offset.begin(), by_offset.end(), [](const Entry* a, const Entry* b) {
    return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
  });
  uint64_t covered = 0;
  for (const Entry* e : by_offset) {
    if (e->begin != covered) fail("damaged: tensor '" + e->name + "' overlaps another or leaves a gap before it");
    covered = e->end;
  }
  if (covered != data_size)
    fail("damaged: " + std::to_string(data_size - covered) + " bytes after the last tensor belong to none");

  // The checksums: one line per tensor and text, no more, no fewer.
  std::map<std::string, std::string> expected;
  const std::string& lines = texts[kChecksums];
  for (size_t start = 0; start < lines.size();) {
    const size_t end = lines.find('\n', start);
    if (end == std::string::npos) fail("damaged: the checksums entry does not end with a line break");
    const std::string line = lines.substr(start, end - start);
    const size_t space = line.rfind(' ');
    if (space == std::string::npos || line.size() - space != 9 ||
        !expected.emplace(line.substr(0, space), line.substr(space + 1)).second)
      fail("damaged: the checksums entry has an invalid line '" + line.substr(0, 80) + "'");
    start = end + 1;
  }
  if (expected.size() != entries.size() + texts.size() - 1)
    fail("damaged: the checksums entry lists " + std::to_string(expected.size()) + " entries, the file holds " +
         std::to_string(entries.size() + texts.size() - 1));
  auto check = [&](const std::string& key, uint32_t crc) {
    const auto it = expected.find(key);
    if (it == expected.end()) fail("damaged: '" + key + "' has no checksum");
    if (it->second != hex32(crc)) fail("'" + key + "' is damaged (checksum mismatch)");
  };

  Records records;
  for (const auto& [key, text] : texts) {
    if (key == kChecksums) continue;
    check(key, crc32(text.data(), text.size()));
    records[key].text = text;
    records[key].is_text = true;
  }
  for (const auto& e : entries) {
    const std::string what = descriptor(e.dtype, e.shape);
    const size_t size = static_cast<size_t>(e.end - e.begin);
    check(e.name, crc32(data + e.begin, size, crc32(what.data(), what.size())));
    auto tensor = torch::empty(e.shape, torch::TensorOptions().dtype(e.type));
    if (size) std::memcpy(tensor.data_ptr(), data + e.begin, size);
    records[e.name].tensor = std::move(tensor);
  }
  return records;
}

}  // namespace fvae
