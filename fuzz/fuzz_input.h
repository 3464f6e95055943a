#pragma once
// Shared by the fuzz targets: the readers under test take file paths, so each input is written to a file in memory
// (/dev/shm) first. The process-wide QCoreApplication lets Qt find its image plugins.

#include <QCoreApplication>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace fvae::fuzz {

inline std::string input_path(const char* suffix) {
  return "/dev/shm/factorvae-fuzz-" + std::to_string(getpid()) + suffix;
}

// Writes the input to `path`; false when it could not be written (then the input is skipped).
inline bool write_input(const std::string& path, const uint8_t* data, size_t size) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

inline void start_qt() {
  static int argc = 1;
  static char name[] = "factorvae-fuzz";
  static char* argv[] = {name, nullptr};
  static QCoreApplication app(argc, argv);
}

}  // namespace fvae::fuzz
