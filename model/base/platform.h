#pragma once
// Tuning of the BLAS underneath LibTorch. Debian's LibTorch multiplies matrices through the system BLAS (OpenBLAS
// when installed), whose thread pool and CPU detection are separate from ATen's.

#include <string>

namespace fvae {

// The CPU cores this process may run on (its affinity mask, as `nproc` counts them), at least 1.
int available_cores();

// Sets ATen's intra-op threads and, when OpenBLAS is loaded, OpenBLAS's own thread count to `threads`.
void set_compute_threads(int threads);

// Flushes denormal floats to zero (FTZ/DAZ) on the calling thread and on ATen's intra-op threads. Late in training
// many weights, gradients and Adam moments decay into the denormal range, where each x86 operation on them takes
// ~100 cycles: measured, a 32×32 run at step 11,520 trained at 288 images/s against 539 at its start. Threads created
// afterwards inherit the setting (POSIX: the floating-point environment is inherited from the creating thread).
void flush_denormals_to_zero();

// The allocator behind malloc in this process: "jemalloc <version>" when the executable was linked with jemalloc (the
// applications and tests are: glibc's malloc let a training's heap grow without bound, docs/memory.md), else
// "glibc malloc".
std::string memory_allocator();

// True when the CPU multiplies bfloat16 natively (AMX-BF16 or AVX512-BF16): then oneDNN's bf16 products run several
// times faster than fp32 ones; elsewhere they are emulated and slower.
bool cpu_has_native_bfloat16();

// True when the current CUDA device multiplies bfloat16 natively (compute capability 8.0 or newer: A100, H100, H200…).
// False without CUDA.
bool gpu_has_native_bfloat16();

// OpenBLAS's kernel family ("SkylakeX", "Haswell", "Prescott", …), or "" when OpenBLAS is not in use.
std::string blas_core_name();

// OpenBLAS 0.3.21 (Debian 12) does not recognise recent Intel CPUs (e.g. Sapphire Rapids) and falls back to its
// generic Prescott kernels, ~5× slower. When that happened and OPENBLAS_CORETYPE is unset, this re-executes the
// program with OPENBLAS_CORETYPE naming the best kernels the CPU supports (the variable is read only at load time).
// Returns only when no relaunch was needed or possible.
void relaunch_with_tuned_blas_if_needed(char** argv);

}  // namespace fvae
