#pragma once
// The container of FactorVAE Studio checkpoints (format 2): named tensors and texts in one file that this project
// writes and reads itself. Every length, shape and checksum is checked before anything is allocated or copied, so
// that no file, however damaged or hostile, gets further than a RecordError. It does not depend on LibTorch's
// serialisation either, so a file moves between LibTorch versions unchanged.
//
// Layout (little-endian): "FVAERECS" | u32 version (1) | u32 record count | records | "FVAE-END" | u64 file length.
// A record: u16 name length | name (UTF-8) | u8 kind (0 tensor, 1 text) |
//   tensor: u8 dtype | u8 rank | i64 size per dimension | u64 byte count | bytes (C order)
//   text:   u64 byte count | bytes
// followed by the CRC-32 of all of the record's bytes before it, so that a damaged record is named.

#include <torch/torch.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace fvae {

class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Record {
  torch::Tensor tensor;  // defined for tensor records (CPU, contiguous)
  std::string text;      // for text records
  bool is_text = false;
};

using Records = std::map<std::string, Record>;

// Where encode_records writes, piece by piece (a checkpoint is written straight to its file, without a copy of it in
// memory).
using RecordSink = std::function<void(const void* data, size_t size)>;
// Serialises the records (tensors on another device are copied to the CPU first).
void encode_records(const Records& records, const RecordSink& out);
std::string encode_records(const Records& records);
// True when `bytes` start with the container's magic.
bool looks_like_records(const std::string& bytes);
// Parses a container; RecordError messages start with `name` (the file) and say what is wrong.
Records decode_records(const std::string& name, const std::string& bytes);

// CRC-32 (IEEE 802.3, as zip and gzip use), for the container and for zip entries.
uint32_t crc32(const void* data, size_t size, uint32_t crc = 0);

}  // namespace fvae
