#!/usr/bin/env bash
# Builds the applications and the test suite with sanitizers in their own build folder and runs every test there.
#   tools/sanitize.sh            AddressSanitizer + UndefinedBehaviorSanitizer, all tests (build-asan/)
#   tools/sanitize.sh thread     ThreadSanitizer on the threaded tests (build-tsan/)
# Sanitizer builds allocate through the sanitizer, not jemalloc, so test_memory's allocator check is skipped there.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-address}
if [ "$kind" = thread ]; then
  dir=build-tsan
  sanitizers=thread
  tests='test_training|test_studio|test_crash_safety'
  targets=(--target test_training test_studio test_crash_safety factorvae)
else
  dir=build-asan
  sanitizers=address,undefined
  tests=''
  targets=()
fi
# -O1 -g1: line numbers in reports, and a build that takes half the time of -O2 -g with LibTorch's headers.
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DFACTORVAE_SANITIZE="$sanitizers" \
  > /dev/null
cmake --build "$dir" "${targets[@]}"
# ThreadSanitizer cannot map its shadow memory under the kernel's full address-space randomisation: run without it.
run=()
[ "$kind" = thread ] && run=(setarch "$(uname -m)" -R)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:suppressions=$PWD/tools/sanitizer-suppressions/asan.supp
export LSAN_OPTIONS=suppressions=$PWD/tools/sanitizer-suppressions/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tools/sanitizer-suppressions/ubsan.supp
export TSAN_OPTIONS=halt_on_error=0:second_deadlock_stack=1:suppressions=$PWD/tools/sanitizer-suppressions/tsan.supp
"${run[@]}" ctest --test-dir "$dir" --output-on-failure ${tests:+-R "$tests"} --timeout 3600
