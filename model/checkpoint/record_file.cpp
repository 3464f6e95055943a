#include "model/checkpoint/record_file.h"

#include <array>
#include <cstring>
#include <limits>

namespace fvae {

namespace {

constexpr char kMagic[8] = {'F', 'V', 'A', 'E', 'R', 'E', 'C', 'S'};
constexpr char kEnd[8] = {'F', 'V', 'A', 'E', '-', 'E', 'N', 'D'};
constexpr uint32_t kVersion = 1;
constexpr int kMaxRank = 8;
constexpr size_t kMaxRecords = 1 << 20;

// The data types a checkpoint holds; the codes are part of the file format and never change.
struct DtypeCode {
  uint8_t code;
  torch::ScalarType type;
};
constexpr DtypeCode kDtypes[] = {{1, torch::kFloat}, {2, torch::kDouble},   {3, torch::kLong}, {4, torch::kUInt8},
                                 {5, torch::kInt},   {6, torch::kBFloat16}, {7, torch::kBool}, {8, torch::kHalf}};

uint8_t code_of(torch::ScalarType type) {
  for (const auto& d : kDtypes)
    if (d.type == type) return d.code;
  throw RecordError(std::string("cannot store tensors of type ") + c10::toString(type));
}

// Slicing-by-8 tables: ~8 bytes a step instead of one (a checkpoint is ~70 MB and saved every epoch).
const std::array<std::array<uint32_t, 256>, 8>& crc_tables() {
  static const auto tables = [] {
    std::array<std::array<uint32_t, 256>, 8> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[0][i] = c;
    }
    for (int k = 1; k < 8; ++k)
      for (uint32_t i = 0; i < 256; ++i) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xff];
    return t;
  }();
  return tables;
}

// Streams the container to `out` in pieces, keeping the running CRC of the current record and the bytes written.
class Writer {
 public:
  explicit Writer(const RecordSink& out) : out_(out) {}
  void bytes(const void* data, size_t size) {
    if (size == 0) return;
    out_(data, size);
    crc_ = crc32(data, size, crc_);
    written_ += size;
  }
  template <typename T>
  void number(T value) {  // little-endian, whatever the machine
    uint8_t b[sizeof(T)];
    for (size_t i = 0; i < sizeof(T); ++i)
      b[i] = static_cast<uint8_t>((static_cast<uint64_t>(value) >> (8 * i)) & 0xff);
    bytes(b, sizeof b);
  }
  void start_record() { crc_ = 0; }
  uint32_t record_crc() const { return crc_; }
  uint64_t written() const { return written_; }

 private:
  const RecordSink& out_;
  uint32_t crc_ = 0;
  uint64_t written_ = 0;
};

class Reader {
 public:
  Reader(const std::string& name, const std::string& bytes) : name_(name), bytes_(bytes) {}
  template <typename T>
  T number(const char* what) {
    need(sizeof(T), what);
    uint64_t v = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[pos_ + i])) << (8 * i);
    pos_ += sizeof(T);
    return static_cast<T>(v);
  }
  const char* take(uint64_t size, const char* what) {
    need(size, what);
    const char* p = bytes_.data() + pos_;
    pos_ += static_cast<size_t>(size);
    return p;
  }
  size_t position() const { return pos_; }
  [[noreturn]] void fail(const std::string& problem) const { throw RecordError(name_ + ": " + problem); }

 private:
  void need(uint64_t size, const char* what) const {
    if (size > bytes_.size() - pos_)
      fail(std::string("truncated: the file ends inside ") + what + " (at byte " + std::to_string(pos_) + " of " +
           std::to_string(bytes_.size()) + ")");
  }
  const std::string& name_;
  const std::string& bytes_;
  size_t pos_ = 0;
};

}  // namespace

uint32_t crc32(const void* data, size_t size, uint32_t crc) {
  const auto& t = crc_tables();
  const auto* p = static_cast<const uint8_t*>(data);
  crc = ~crc;
  for (; size >= 8; size -= 8, p += 8) {
    const uint32_t lo = crc ^ (uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24);
    const uint32_t hi = uint32_t{p[4]} | uint32_t{p[5]} << 8 | uint32_t{p[6]} << 16 | uint32_t{p[7]} << 24;
    crc = t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^ t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^ t[3][hi & 0xff] ^
          t[2][(hi >> 8) & 0xff] ^ t[1][(hi >> 16) & 0xff] ^ t[0][hi >> 24];
  }
  for (; size > 0; --size) crc = t[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

void encode_records(const Records& records, const RecordSink& out) {
  Writer w(out);
  w.bytes(kMagic, sizeof kMagic);
  w.number<uint32_t>(kVersion);
  w.number<uint32_t>(static_cast<uint32_t>(records.size()));
  for (const auto& [name, record] : records) {
    if (name.empty() || name.size() > 4096) throw RecordError("record names must have 1 to 4096 bytes: '" + name + "'");
    w.start_record();
    w.number<uint16_t>(static_cast<uint16_t>(name.size()));
    w.bytes(name.data(), name.size());
    if (record.is_text) {
      w.number<uint8_t>(1);
      w.number<uint64_t>(record.text.size());
      w.bytes(record.text.data(), record.text.size());
    } else {
      if (!record.tensor.defined()) throw RecordError("record '" + name + "' holds no tensor");
      const auto t = record.tensor.detach().to(torch::kCPU).contiguous();  // no copy for a CPU tensor
      if (t.dim() > kMaxRank) throw RecordError("record '" + name + "' has more than 8 dimensions");
      w.number<uint8_t>(0);
      w.number<uint8_t>(code_of(t.scalar_type()));
      w.number<uint8_t>(static_cast<uint8_t>(t.dim()));
      for (int64_t s : t.sizes()) w.number<int64_t>(s);
      const size_t size = static_cast<size_t>(t.numel()) * t.element_size();
      w.number<uint64_t>(size);
      w.bytes(t.data_ptr(), size);
    }
    w.number<uint32_t>(w.record_crc());  // the whole record, header included
  }
  w.bytes(kEnd, sizeof kEnd);
  w.number<uint64_t>(w.written() + sizeof(uint64_t));  // the file's length: a truncated file is named as such
}

std::string encode_records(const Records& records) {
  std::string bytes;
  encode_records(records,
                 [&bytes](const void* data, size_t size) { bytes.append(static_cast<const char*>(data), size); });
  return bytes;
}

bool looks_like_records(const std::string& bytes) {
  return bytes.size() >= sizeof kMagic && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0;
}

Records decode_records(const std::string& name, const std::string& bytes) {
  Reader r(name, bytes);
  if (!looks_like_records(bytes)) r.fail("not a FactorVAE Studio record file (wrong magic bytes)");
  r.take(sizeof kMagic, "the header");
  const auto version = r.number<uint32_t>("the header");
  if (version != kVersion)
    r.fail("written by a newer FactorVAE Studio (container version " + std::to_string(version) + ")");
  const auto count = r.number<uint32_t>("the header");
  if (count > kMaxRecords) r.fail("damaged: claims " + std::to_string(count) + " records");
  Records records;
  for (uint32_t i = 0; i < count; ++i) {
    const size_t start = r.position();
    const auto name_size = r.number<uint16_t>("a record name");
    if (name_size == 0) r.fail("damaged: record " + std::to_string(i) + " has an empty name");
    const std::string record_name(r.take(name_size, "a record name"), name_size);
    const std::string where = "record '" + record_name + "'";
    const auto kind = r.number<uint8_t>(where.c_str());
    Record record;
    if (kind == 1) {
      record.is_text = true;
      const auto size = r.number<uint64_t>(where.c_str());
      const char* data = r.take(size, where.c_str());
      record.text.assign(data, static_cast<size_t>(size));
    } else if (kind == 0) {
      const auto code = r.number<uint8_t>(where.c_str());
      torch::ScalarType type = torch::ScalarType::Undefined;
      for (const auto& d : kDtypes)
        if (d.code == code) type = d.type;
      if (type == torch::ScalarType::Undefined)
        r.fail(where + " has an unknown data type (code " + std::to_string(code) + ")");
      const auto rank = r.number<uint8_t>(where.c_str());
      if (rank > kMaxRank) r.fail(where + " claims " + std::to_string(rank) + " dimensions");
      std::vector<int64_t> sizes(rank);
      uint64_t elements = 1;
      for (auto& s : sizes) {
        s = r.number<int64_t>(where.c_str());
        if (s < 0 || (s > 0 && elements > std::numeric_limits<uint64_t>::max() / static_cast<uint64_t>(s)))
          r.fail(where + " has an impossible shape");
        elements *= static_cast<uint64_t>(s);
      }
      const auto size = r.number<uint64_t>(where.c_str());
      const uint64_t element_size = c10::elementSize(type);
      if (elements > std::numeric_limits<uint64_t>::max() / element_size || elements * element_size != size)
        r.fail(where + " holds " + std::to_string(size) + " bytes, which does not match its shape");
      const char* data = r.take(size, where.c_str());  // the bytes are there before anything is allocated
      record.tensor = torch::empty(sizes, torch::TensorOptions().dtype(type));
      if (size) std::memcpy(record.tensor.data_ptr(), data, static_cast<size_t>(size));
    } else {
      r.fail(where + " is of an unknown kind (" + std::to_string(kind) + ")");
    }
    const size_t end = r.position();
    if (r.number<uint32_t>(where.c_str()) != crc32(bytes.data() + start, end - start))
      r.fail(where + " is damaged (checksum mismatch)");
    if (!records.emplace(record_name, std::move(record)).second) r.fail(where + " appears twice");
  }
  if (std::memcmp(r.take(sizeof kEnd, "the end marker"), kEnd, sizeof kEnd) != 0) r.fail("damaged: no end marker");
  const auto length = r.number<uint64_t>("the end marker");
  if (length != bytes.size() || r.position() != bytes.size())
    r.fail("damaged: the file has " + std::to_string(bytes.size()) + " bytes, its end marker says " +
           std::to_string(length));
  return records;
}

}  // namespace fvae
