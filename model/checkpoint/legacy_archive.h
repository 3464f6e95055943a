#pragma once
// Checkpoints of format 1 (up to FactorVAE Studio 0.1), written through LibTorch 1.13's OutputArchive: a zip holding a
// pickled TorchScript module. LibTorch's own loader runs the TorchScript type declarations stored in the file and
// crashed on damaged files (fuzz_checkpoint found a segfault in its type parser within ten inputs), so they are read
// here instead: the zip's stored entries and exactly the subset of pickle that the format used, every index and size
// checked. The result has the record names of format 2 (record_file.h), so that one piece of code interprets both.

#include <string>

#include "model/checkpoint/record_file.h"

namespace fvae {

bool looks_like_zip(const std::string& bytes);

// Throws RecordError naming `name` and the problem.
Records read_legacy_archive(const std::string& name, const std::string& bytes);

}  // namespace fvae
