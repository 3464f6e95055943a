#!/usr/bin/env bash
# One command for a GPU machine (or any machine without Qt): builds the headless variant (FACTORVAE_WITH_QT=OFF)
# against the LibTorch of the Python `torch` that is installed there, runs its tests on the device, the training
# benchmark on the device, and a timed 64x64 training on shapes; prints one summary at the end.
#   bash tools/gpu_check.sh [--device cuda|cpu] [--steps N] [BUILD_DIR]
# Defaults: cuda when `torch.cuda.is_available()`, else cpu (how this script is proved on a machine without a GPU);
# 3000 training steps; build-gpu-check. Needs cmake, a C++17 compiler, Python with torch, and nvcc for a CUDA torch.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
device="" steps=3000 build=build-gpu-check
while [ $# -gt 0 ]; do
  case $1 in
    --device) device=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    -*) echo "usage: $0 [--device cuda|cpu] [--steps N] [BUILD_DIR]" >&2; exit 2 ;;
    *) build=$1; shift ;;
  esac
done
[ -n "$device" ] || device=$("$python" -c "import torch; print('cuda' if torch.cuda.is_available() else 'cpu')")
prefix=$("$python" -c "import torch; print(torch.utils.cmake_prefix_path)")
torch_version=$("$python" -c "import torch; print(torch.__version__)")
log=$build/gpu-check
mkdir -p "$log"
generator=()
command -v ninja > /dev/null && generator=(-G Ninja)
elapsed() { echo $(( $(date +%s) - $1 )); }

start=$(date +%s) t=$start
echo "== configure and build (headless, torch $torch_version)"
cmake -S . -B "$build" "${generator[@]}" -DFACTORVAE_WITH_QT=OFF -DCMAKE_PREFIX_PATH="$prefix" > "$log/configure.log"
cmake --build "$build" --parallel "$(nproc)" > "$log/build.log"
cmake --build "$build" --target bench_training --parallel "$(nproc)" >> "$log/build.log"
build_s=$(elapsed "$t") t=$(date +%s)
formats=$(grep -o 'File formats:.*' "$log/configure.log" || true)

echo "== tests on $device"
tests_rc=0
FACTORVAE_DEVICE=$device ctest --test-dir "$build" --output-on-failure > "$log/tests.log" 2>&1 || tests_rc=$?
tests_s=$(elapsed "$t") t=$(date +%s)

echo "== benchmark on $device"
"$build/tests/bench_training" --device "$device" --quick > "$log/bench.log" 2>&1
bench_s=$(elapsed "$t") t=$(date +%s)

echo "== training: shapes 64x64, batch 64, $steps steps on $device"
rm -rf "$log/run"
train_start=$(date +%s.%N)  # seconds with fractions; arithmetic in Python (bc may be missing)
"$build/app/factorvae" train --dataset shapes --size 64 --device "$device" --steps "$steps" --out "$log/run" --force --quiet \
  > "$log/train.log" 2>&1
train_s=$("$python" -c "print(f'{$(date +%s.%N) - $train_start:.1f}')")
# 10,000 images and the metrics' default votes on a GPU; fewer votes on a CPU, where they would take many minutes.
votes=()
[ "$device" = cpu ] && votes=(--train-votes 300 --eval-votes 150 --mig-samples 2000)
"$build/app/factorvae" evaluate --checkpoint "$log/run/latest.fvae" --device "$device" --subset 10000 "${votes[@]}" \
  --json > "$log/evaluate.json" 2> "$log/evaluate.log"
total_s=$(elapsed "$start")

steps_per_s=$("$python" -c "print(f'{$steps / $train_s:.1f}')")
paper_min=$("$python" -c "print(f'{300000 / ($steps / $train_s) / 60:.1f}')")
{
  echo "== summary ($(date -u +%FT%TZ), $(uname -n))"
  "$build/app/factorvae" --version
  [ "$device" = cuda ] && "$python" -c "import torch; p=torch.cuda.get_device_properties(0); print(f'GPU: {p.name}, {p.total_memory/2**30:.0f} GiB, compute capability {p.major}.{p.minor}')"
  echo "$formats"
  echo "build ${build_s} s, tests ${tests_s} s, benchmark ${bench_s} s, training ${train_s} s, total ${total_s} s"
  echo "tests: $(grep -E 'tests passed|tests failed' "$log/tests.log" || echo 'no result') (exit $tests_rc)"
  grep -E '^(device|size|[0-9]+x[0-9]+|single-image|explorer)' "$log/bench.log"
  echo "training 64x64 batch 64: $steps steps in ${train_s} s = ${steps_per_s} steps/s; the paper's 300,000 steps: ~${paper_min} min"
  "$python" -c "import json, sys; r = json.load(open(sys.argv[1])); m = r.get('metrics', {}); print(f\"reconstruction {r['reconstruction']['bce_nats_per_image']:.2f} nats/image, KL {r['kl_total']:.2f}, active {r['active_dimensions']}, FactorVAE metric {m.get('factorvae_metric', float('nan')):.4f}, MIG {m.get('mig', float('nan')):.4f}\")" "$log/evaluate.json"
} | tee "$log/summary.txt"
exit "$tests_rc"
