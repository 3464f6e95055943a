#pragma once
// Writing a file so that a crash, a kill or a full disk never leaves a half-written file under the final name.

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace fvae {

// The message names the file and the problem, and says that the previous file is unchanged.
class FileWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes `size` bytes to a temporary file beside `path` (created with the usual 0666 & ~umask permissions), flushes it
// to the disk and renames it over `path`. On any failure the temporary is removed, `path` keeps its old content, and
// FileWriteError is thrown. Refuses to replace anything but a regular file.
void write_file_atomically(const std::string& path, const void* data, size_t size);
inline void write_file_atomically(const std::string& path, const std::string& bytes) {
  write_file_atomically(path, bytes.data(), bytes.size());
}
// The same for content produced piece by piece: `produce` calls its argument with each piece, in order.
using ChunkWriter = std::function<void(const void* data, size_t size)>;
void write_file_atomically(const std::string& path, const std::function<void(const ChunkWriter&)>& produce);

// Removes the temporaries that write_file_atomically leaves beside `path` when a process is killed mid-write
// (".<name>.tmp<digits>"). For the start of a run that owns `path`; returns how many it removed.
int remove_stale_temporaries(const std::string& path);

}  // namespace fvae
