#include "model/base/platform.h"

#include "model/base/torch_internals.h"

#include <fstream>
#include <string>

#include <dlfcn.h>
#include <sched.h>
#include <unistd.h>

#include <thread>

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <cstdlib>

namespace fvae {

bool cpu_has_native_bfloat16() {
  // oneDNN, which computes the bf16 products, may be held below its bf16 kernels (ONEDNN_MAX_CPU_ISA=AVX2, as when
  // imitating an AVX2-only CPU): then it has none, whatever the CPU.
  for (const char* variable : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"})
    if (const char* isa = std::getenv(variable)) {
      const std::string cap(isa);
      if (cap.find("BF16") == std::string::npos && cap.find("AMX") == std::string::npos && cap != "ALL" &&
          cap != "DEFAULT")
        return false;
    }
  // GCC's __builtin_cpu_supports knows neither flag in GCC 12; the kernel's list of CPU flags does.
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line))
    if (line.rfind("flags", 0) == 0)
      return line.find(" amx_bf16") != std::string::npos || line.find(" avx512_bf16") != std::string::npos;
  return false;
}

bool gpu_has_native_bfloat16() { return internals::cuda_supports_bfloat16(); }

int available_cores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void set_compute_threads(int threads) {
  if (at::get_num_threads() != threads) at::set_num_threads(threads);
  using SetThreads = void (*)(int);
  static auto openblas_set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (openblas_set) openblas_set(threads);
}

void flush_denormals_to_zero() {
  internals::set_flush_denormal(true);
  const int threads = at::get_num_threads();
  if (threads > 1) at::parallel_for(0, threads, 1, [](int64_t, int64_t) { internals::set_flush_denormal(true); });
}

std::string memory_allocator() {
  using Mallctl = int (*)(const char*, void*, size_t*, void*, size_t);
  const auto mallctl = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
  const char* version = nullptr;
  size_t length = sizeof version;
  if (mallctl && mallctl("version", &version, &length, nullptr, 0) == 0 && version)
    return std::string("jemalloc ") + version;
  return "glibc malloc";
}

std::string blas_core_name() {
  using CoreName = char* (*)();
  auto corename = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
  return corename ? std::string(corename()) : std::string();
}

void relaunch_with_tuned_blas_if_needed(char** argv) {
#if defined(__x86_64__)
  if (std::getenv("OPENBLAS_CORETYPE") || std::getenv("FACTORVAE_NO_BLAS_RELAUNCH")) return;
  const std::string core = blas_core_name();
  if (core != "Prescott" && core != "prescott") return;
  __builtin_cpu_init();
  const char* better = __builtin_cpu_supports("avx512f") ? "SkylakeX"
                       : __builtin_cpu_supports("avx2")  ? "Haswell"
                                                         : nullptr;
  if (!better) return;
  setenv("OPENBLAS_CORETYPE", better, 1);
  execv("/proc/self/exe", argv);  // returns only on failure: carry on with the slow kernels
#else
  (void)argv;
#endif
}

}  // namespace fvae
