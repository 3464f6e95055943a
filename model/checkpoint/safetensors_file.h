#pragma once
// Checkpoints in the safetensors format (format 3): the field's standard container for tensors without code, which
// Python's `safetensors` (safe_open, load_file), NumPy, JAX and the Hugging Face tools open directly.
//
// Layout (https://github.com/huggingface/safetensors): u64 little-endian header length N | N bytes of JSON, padded
// with spaces to a multiple of 8 | the tensors' bytes, back to back in the order of their names. The header maps each
// tensor's name to {"dtype", "shape", "data_offsets": [begin, end]} (offsets into the bytes after the header), and
// "__metadata__" (text to text) holds this project's text records: "format", "config", "latent_names",
// "history_columns", … and "checksums": one line "NAME CRC32" per tensor and per text, in hexadecimal, so that a
// damaged entry is named. A tensor's CRC-32 (IEEE, as zlib.crc32) covers "DTYPE[d0,d1,…]" and then its bytes, so that
// a changed dtype or shape is caught as well as a changed value; a text's covers its bytes.
//
// The reader checks the header length, the JSON, every dtype, shape and offset, and that the tensors cover the data
// exactly, before anything is allocated; then every checksum.

#include <string>

#include "model/checkpoint/record_file.h"

namespace fvae {

// Streams the records as a safetensors file to `out` (texts into the metadata; tensors on another device are copied
// to the CPU first). Throws RecordError for a name the format cannot hold.
void encode_safetensors(const Records& records, const RecordSink& out);
std::string encode_safetensors(const Records& records);
// True when `bytes` start like a safetensors file (a plausible header length, then '{'), truncated or not.
bool looks_like_safetensors(const std::string& bytes);
// Parses a safetensors file written by this project; RecordError messages start with `name` (the file) and say what
// is wrong. A safetensors file of another program (no "format" and "checksums" in its metadata) is refused as such.
Records decode_safetensors(const std::string& name, const std::string& bytes);

// The safetensors dtype name of a tensor type ("F32", "I64", …); throws RecordError for a type the format lacks.
std::string safetensors_dtype(torch::ScalarType type);

}  // namespace fvae
