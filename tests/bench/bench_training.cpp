// Benchmark (not part of the default test run): training throughput, BLAS speed, the training step's achieved FLOP
// rate as a fraction of the same run's GEMM rate, and single-image decode latency. All numbers come from one run,
// so their ratios hold even on a noisy machine.
//   cmake --build build --target bench          (or: ctest --test-dir build -L bench)
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <vector>

#include "model/base/platform.h"
#include "model/data/shapes.h"
#include "model/inference/inference.h"
#include "model/nn/networks.h"
#include "model/training/trainer.h"

#include <torch/cuda.h>
#include <string>

using namespace fvae;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double gemm_gflops() {
  auto a = torch::randn({512, 512}), b = torch::randn({512, 512});
  for (int i = 0; i < 5; ++i) torch::mm(a, b);
  const int n = 60;
  auto t = Clock::now();
  for (int i = 0; i < n; ++i) torch::mm(a, b);
  return 2.0 * 512 * 512 * 512 * n / seconds_since(t) / 1e9;
}

// Multiply-accumulates per image of the lean model's forward passes (the layer formulas of networks.cpp).
struct Macs {
  double encoder = 0, decoder = 0, discriminator = 0;
};
Macs lean_macs(const ModelConfig& c) {
  Macs m;
  std::vector<int64_t> channels =
      c.image_size == 64 ? std::vector<int64_t>{32, 32, 64, 64} : std::vector<int64_t>{32, 64};
  int64_t in = c.channels, size = c.image_size;
  for (int64_t out : channels) {
    size /= 2;
    m.encoder += static_cast<double>(in * out * 16 * size * size);
    m.decoder += static_cast<double>(out * in * 9 * (2 * size) * (2 * size));  // the mirrored resize-convolution
    in = out;
  }
  const double flat = static_cast<double>(in * size * size);
  m.encoder += flat * 128 + 128.0 * 2 * c.latent_dim;
  m.decoder += c.latent_dim * 128.0 + 128 * flat;
  m.discriminator = c.latent_dim * 1000.0 + 5 * 1000.0 * 1000 + 1000 * 2;
  return m;
}

// FLOPs of one training step per VAE image: forward+backward (≈3× forward) of encoder and decoder, the encoder on the
// independent batch, the discriminator's TC pass (forward + input gradients) and its own step on 2 codes per image.
double step_flops_per_image(const ModelConfig& c) {
  const Macs m = lean_macs(c);
  return 2.0 * (3 * (m.encoder + m.decoder) + m.encoder + 2 * m.discriminator + 2 * 3 * m.discriminator);
}

// Seconds per image of `work` at `batch` (median of `repeats` after two warm-up calls).
template <typename Work>
double seconds_per_image(int64_t batch, int repeats, Work&& work) {
  work();
  work();
  std::vector<double> t;
  for (int i = 0; i < repeats; ++i) {
    auto start = Clock::now();
    work();
    t.push_back(seconds_since(start));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2] / static_cast<double>(batch);
}

// Where a 64×64 step's time goes as the batch grows: each network's forward and forward+backward, per image, one
// thread, fp32. A phase whose time per image rises with the batch is what makes a large batch slow.
void phase_breakdown() {
  std::printf("\n64x64, 1 thread, fp32: microseconds per image\n%-34s %10s %10s %8s\n", "phase", "batch 64",
              "batch 256", "ratio");
  ModelConfig m;
  m.image_size = 64;
  Networks nets(m);
  nets.train(true);
  struct Phase {
    const char* name;
    std::function<void(int64_t)> run;
  };
  std::map<int64_t, torch::Tensor> images, codes;
  for (int64_t b : {64, 256}) {
    images[b] = torch::rand({b, 1, 64, 64});
    codes[b] = torch::randn({b, m.latent_dim});
  }
  const Phase phases[] = {
      {"encoder forward",
       [&](int64_t b) {
         torch::NoGradGuard g;
         nets.encoder->forward(images[b]);
       }},
      {"decoder forward",
       [&](int64_t b) {
         torch::NoGradGuard g;
         nets.decoder->forward(codes[b]);
       }},
      {"encoder forward+backward",
       [&](int64_t b) {
         auto p = nets.encoder->forward(images[b]);
         (p.mu.sum() + p.logvar.sum()).backward();
       }},
      {"decoder forward+backward",
       [&](int64_t b) { nets.decoder->forward(codes[b].requires_grad_(false)).sum().backward(); }},
      {"discriminator forward+backward (2B)",
       [&](int64_t b) {
         nets.discriminator->forward(torch::cat({codes[b], codes[b]})).sum().backward();
       }},
  };
  for (const auto& phase : phases) {
    double per_image[2];
    int i = 0;
    for (int64_t b : {64, 256}) per_image[i++] = seconds_per_image(b, b == 64 ? 9 : 5, [&] { phase.run(b); }) * 1e6;
    std::printf("%-34s %10.0f %10.0f %8.2f\n", phase.name, per_image[0], per_image[1], per_image[1] / per_image[0]);
  }
}

// Milliseconds per call of `work`: median and 95th percentile of `repeats` calls after a few warm-up calls.
template <typename Work>
std::pair<double, double> latency_ms(int repeats, Work&& work) {
  for (int i = 0; i < 5; ++i) work();
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    auto t = Clock::now();
    work();
    ms.push_back(seconds_since(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[ms.size() * 95 / 100]};
}

// The numbers a GPU machine is asked for (tools/gpu_check.sh), on any device: training images/s at 28×28 and 64×64,
// batch 64 and 256, fp32 and the default discriminator precision; single-image decode latency; and the time of the
// snapshot copy that the GUI's explorer takes from the training weights (device → CPU) at 64×64.
int bench_device(const std::string& name, bool quick) {
  const torch::Device device = resolve_device(name);
  std::printf("device: %s%s\n", device.str().c_str(),
              device.is_cuda() ? (", " + std::to_string(torch::cuda::device_count()) + " CUDA device(s)").c_str() : "");
  std::printf("%-8s %-6s %-10s %12s %10s\n", "size", "batch", "disc", "images/s", "steps/s");
  const double seconds = quick ? 1.5 : 5.0;
  for (int64_t size : {28, 64})
    for (int64_t batch : {64, 256})
      for (const char* precision : {"fp32", "auto"}) {
        ModelConfig m;
        m.image_size = size;
        TrainConfig t;
        t.batch_size = batch;
        t.device = name;
        t.disc_precision = precision;
        t.max_steps = 10000000;
        Trainer trainer(m, t, std::make_shared<ShapesDataset>(size, "all"));
        for (int i = 0; i < 5; ++i) trainer.step();
        // Each step reads its losses back to the host, so the clock sees finished work.
        int steps = 0;
        const auto start = Clock::now();
        while (seconds_since(start) < seconds || steps < 3) {
          trainer.step();
          ++steps;
        }
        const double elapsed = seconds_since(start);
        const std::string disc =
            std::string(precision) + (trainer.networks().discriminator->bfloat16_products() ? " (bf16)" : " (fp32)");
        std::printf("%-8s %-6lld %-10s %12.0f %10.1f\n", (std::to_string(size) + "x" + std::to_string(size)).c_str(),
                    static_cast<long long>(batch), disc.c_str(), steps * batch / elapsed, steps / elapsed);
      }
  for (int64_t size : {28, 64}) {
    ModelConfig m;
    m.image_size = size;
    Networks nets(m);
    nets.to(device);
    auto z = torch::randn({1, m.latent_dim});
    const auto [median, p95] = latency_ms(quick ? 100 : 300, [&] { decode(nets.decoder, z); });
    std::printf("single-image decode %lldx%lld on %s (result on the CPU): median %.3f ms, 95th percentile %.3f ms\n",
                static_cast<long long>(size), static_cast<long long>(size), device.str().c_str(), median, p95);
    if (size == 64) {
      ModelSnapshot snapshot(m);
      const auto [copy_median, copy_p95] = latency_ms(quick ? 50 : 200, [&] { snapshot.update_from(nets); });
      std::printf(
          "explorer snapshot copy 64x64 (%s -> CPU, encoder+decoder): median %.3f ms, 95th percentile %.3f ms\n",
          device.str().c_str(), copy_median, copy_p95);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  relaunch_with_tuned_blas_if_needed(argv);
  flush_denormals_to_zero();  // before any thread starts: they all inherit it
  set_compute_threads(1);
  // --device NAME [--quick]: the device measurements only (tools/gpu_check.sh); without: the CPU study below.
  std::string device;
  bool quick = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--device" && i + 1 < argc) {
      device = argv[++i];
    } else if (a == "--quick") {
      quick = true;
    } else {
      std::fprintf(stderr, "usage: bench_training [--device auto|cpu|cuda [--quick]]\n");
      return 2;
    }
  }
  if (!device.empty()) return bench_device(device, quick);
  std::printf("BLAS kernels: %s\n", blas_core_name().c_str());
  const double gemm = gemm_gflops();
  std::printf("torch::mm 512x512, 1 thread: %.1f GFLOP/s\n\n", gemm);
  const bool bf16 = cpu_has_native_bfloat16();
  std::printf("native bfloat16 (AMX-BF16 or AVX512-BF16): %s\n\n", bf16 ? "yes" : "no");
  // threads: "1": one thread; "1+d": one, plus the discriminator's step on a second core (TrainConfig::disc_thread);
  // "T" > 1: the batch split among T threads (Trainer::sharded_pass). The step's FLOP rate is compared with
  // torch::mm's at the same number of threads.
  const int cores = available_cores();
  std::vector<double> mm_rate(static_cast<size_t>(cores) + 1, 0.0);
  for (int threads = 1; threads <= cores; threads *= 2) {
    set_compute_threads(threads);
    mm_rate[static_cast<size_t>(threads)] = gemm_gflops();
    std::printf("torch::mm 512x512, %d thread(s): %.1f GFLOP/s\n", threads, mm_rate[static_cast<size_t>(threads)]);
  }
  if (cores > 1 && mm_rate[static_cast<size_t>(cores)] == 0) {
    set_compute_threads(cores);
    mm_rate[static_cast<size_t>(cores)] = gemm_gflops();
  }
  set_compute_threads(1);
  struct Setup {
    int threads;
    bool disc_thread;
  };
  std::vector<Setup> setups = {{1, false}, {1, true}};
  for (int threads = 2; threads <= cores; threads *= 2) setups.push_back({threads, false});
  if (cores > 2 && (cores & (cores - 1)) != 0) setups.push_back({cores, false});
  std::printf("\n%-8s %-6s %-8s %-6s %12s %14s %22s %18s\n", "size", "batch", "threads", "disc", "images/s",
              "step GFLOP/s", "fraction of mm (same T)", "vs 1 thread, same");
  std::vector<std::string> joinable;
  for (int64_t size : {28, 64})
    for (int64_t batch : {64, 256})
      for (const char* precision : {"fp32", "bf16"}) {
        const bool is_bf16 = std::string(precision) == "bf16";
        if (is_bf16 && !bf16) continue;
        double baseline = 0;  // one thread, the last column's reference
        for (const auto& setup : setups) {
          ModelConfig m;
          m.image_size = size;
          TrainConfig t;
          t.batch_size = batch;
          t.threads = setup.threads;
          t.disc_thread = setup.disc_thread ? "on" : "off";
          t.device = "cpu";
          t.disc_precision = precision;
          t.max_steps = 1000000;
          auto data = std::make_shared<ShapesDataset>(size, "all");
          Trainer trainer(m, t, data);
          for (int i = 0; i < 3; ++i) trainer.step();
          const int steps = size == 64 ? (batch == 256 ? 4 : 12) : (batch == 256 ? 10 : 40);
          double best = 0;
          for (int round = 0; round < 2; ++round) {  // the better of two rounds: a passing stall is no property
            auto start = Clock::now();
            for (int i = 0; i < steps; ++i) trainer.step();
            best = std::max(best, static_cast<double>(steps * batch) / seconds_since(start));
          }
          const double step_gflops = best * step_flops_per_image(m) / 1e9;
          if (setup.threads == 1 && !setup.disc_thread) baseline = best;
          const int cores_used = setup.disc_thread ? 2 : setup.threads;
          const double mm = mm_rate[static_cast<size_t>(std::min(cores_used, cores))];
          const std::string threads = std::to_string(setup.threads) + (setup.disc_thread ? "+d" : "");
          std::printf("%-8s %-6lld %-8s %-6s %12.0f %14.1f %22.2f %18.2f\n",
                      (std::to_string(size) + "x" + std::to_string(size)).c_str(), static_cast<long long>(batch),
                      threads.c_str(), precision, best, step_gflops, mm > 0 ? step_gflops / mm : 0.0, best / baseline);
          if (!is_bf16 && !setup.disc_thread)
            joinable.push_back(std::to_string(size) + "x" + std::to_string(size) + " batch " + std::to_string(batch) +
                               " threads " + std::to_string(setup.threads) + " ours " + std::to_string(best));
          set_compute_threads(1);
        }
      }
  std::printf("\nfp32, in the form of tools/bench_pytorch.py's lines:\n");
  for (const auto& line : joinable) std::printf("%s\n", line.c_str());
  std::printf("threads 1+d: one thread plus the discriminator's step on a second core; T > 1: the batch split in T\n");
  phase_breakdown();

  for (int64_t size : {28, 64}) {
    ModelConfig m;
    m.image_size = size;
    ModelSnapshot snapshot(m);
    std::vector<double> ms;
    auto z = torch::randn({1, m.latent_dim});
    for (int i = 0; i < 300; ++i) {
      auto t = Clock::now();
      snapshot.decode(z);
      ms.push_back(seconds_since(t) * 1000);
    }
    std::sort(ms.begin() + 0, ms.end());
    std::printf("\nsingle-image decode %lldx%lld: median %.3f ms, 95th percentile %.3f ms",
                static_cast<long long>(size), static_cast<long long>(size), ms[ms.size() / 2],
                ms[ms.size() * 95 / 100]);
  }
  std::printf("\n");
  return 0;
}
