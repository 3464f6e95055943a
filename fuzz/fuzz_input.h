#pragma once
// Shared by the fuzz targets: the readers under test take file paths, so each input is written to a file in memory
// (/dev/shm) first. The process-wide QCoreApplication lets Qt find its image plugins.

#include <QCoreApplication>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace fvae::fuzz {

inline void start_qt() {
  static int argc = 1;
  static char name[] = "factorvae-fuzz";
  static char* argv[] = {name, nullptr};
  static QCoreApplication app(argc, argv);
}

// Writes the input to a file named with `suffix` and runs `read` on its path; an input that cannot be written is
// skipped. Returns 0, as libFuzzer wants.
template <typename Read>
int with_input_file(const char* suffix, const uint8_t* data, size_t size, Read&& read) {
  static const std::string path = "/dev/shm/factorvae-fuzz-" + std::to_string(getpid()) + suffix;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  const bool written = std::fwrite(data, 1, size, f) == size;
  if (std::fclose(f) != 0 || !written) return 0;
  read(path);
  return 0;
}

}  // namespace fvae::fuzz
