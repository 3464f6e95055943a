#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer) in build-fuzz/ and runs
# each for SECONDS (default 1200) or RUNS executions (default 1000000), whichever ends first.
#   tools/fuzz.sh [SECONDS [RUNS]]     e.g. tools/fuzz.sh 30 0 for a short run of each
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1200}
runs=${2:-1000000}
command -v clang++ > /dev/null || { echo "fuzz: needs clang (apt-get install clang)" >&2; exit 1; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DFACTORVAE_FUZZ=ON -DFACTORVAE_SANITIZE=address,undefined > /dev/null
cmake --build build-fuzz
exec tools/run_fuzzers.sh build-fuzz/fuzz "$seconds" "$runs"
