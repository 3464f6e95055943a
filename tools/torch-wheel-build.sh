#!/usr/bin/env bash
# Builds and tests the project a second time, against the LibTorch inside PyPI's current `torch` wheel (CUDA-enabled:
# libtorch_cuda is linked; without a GPU everything runs on the CPU), in build-cuda/. The wheel comes from the Python
# environment of tools/python-env.sh. With the Debian build in build/ present, test_portability also moves
# checkpoints between the two builds in both directions. Usage: tools/torch-wheel-build.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-cuda}
prefix=$(bash tools/python-env.sh | tail -n 1)
other=()
[ -x build/app/factorvae ] && other=(-DFACTORVAE_OTHER_CLI="$PWD/build/app/factorvae")
cmake -S . -B "$build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" "${other[@]}"
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure
