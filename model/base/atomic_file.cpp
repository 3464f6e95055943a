#include "model/base/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace fvae {

void write_file_atomically(const std::string& path, const void* data, size_t size) {
  write_file_atomically(path, [&](const ChunkWriter& write) { write(data, size); });
}

void write_file_atomically(const std::string& path, const std::function<void(const ChunkWriter&)>& produce) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw FileWriteError(path + ": the folder " + dir.string() + " does not exist");
  if (fs::exists(target, ec) && !fs::is_regular_file(target, ec))
    throw FileWriteError(path + ": exists and is not a regular file; refusing to replace it");
  std::random_device rd;
  const fs::path temporary = dir / ("." + target.filename().string() + ".tmp" + std::to_string(rd()));
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    throw FileWriteError(path + ": cannot create a file in " + dir.string() + " (" + std::strerror(errno) + ")");
  int error = 0;
  const ChunkWriter write = [&](const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0 && error == 0) {
      const ssize_t n = ::write(fd, p, size);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error = n < 0 ? errno : ENOSPC;
        break;
      }
      p += n;
      size -= static_cast<size_t>(n);
    }
  };
  auto discard = [&] {
    ::close(fd);
    fs::remove(temporary, ec);
  };
  try {
    produce(write);
  } catch (...) {
    discard();
    throw;
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    fs::remove(temporary, ec);
    throw FileWriteError(path + ": could not write the file (" + std::strerror(error) +
                         "); the previous file is unchanged");
  }
  fs::rename(temporary, target, ec);
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(temporary, ec);
    throw FileWriteError(path + ": could not move the new file into place (" + reason +
                         "); the previous file is unchanged");
  }
}

int remove_stale_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string prefix = "." + target.filename().string() + ".tmp";
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    if (name.find_first_not_of("0123456789", prefix.size()) != std::string::npos) continue;
    std::error_code remove_error;
    if (it->is_regular_file(remove_error) && fs::remove(it->path(), remove_error)) ++removed;
  }
  return removed;
}

}  // namespace fvae
