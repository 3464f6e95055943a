#!/usr/bin/env bash
# Builds and tests the project a second time, against the LibTorch inside PyPI's current `torch` wheel (CUDA-enabled:
# libtorch_cuda is linked; without a GPU everything runs on the CPU), in build-cuda/. The wheel comes from the Python
# environment of tools/python-env.sh. With the Debian build in build/ present, test_portability also moves
# checkpoints between the two builds in both directions. It runs the tests whose outcome can depend on the LibTorch
# version (the core's, the CLI's, the training and the portability test); --all runs every test, the widgets' too.
# Usage: tools/torch-wheel-build.sh [--all] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
select=(-E "^(test_studio|test_layout|test_locale|make_locales|test_crash_safety|test_memory|test_python_interop)$")
if [ "${1:-}" = "--all" ]; then select=(); shift; fi
build=${1:-build-cuda}
prefix=$(bash tools/python-env.sh | tail -n 1)
other=()
[ -x build/app/factorvae ] && other=(-DFACTORVAE_OTHER_CLI="$PWD/build/app/factorvae")
cmake -S . -B "$build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" "${other[@]}"
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure "${select[@]}"
