#!/usr/bin/env bash
# CPU training speed of the two LibTorch builds in one run (issue: both versions side by side): bench_training of the
# Debian build (build/, LibTorch 1.13) and of the wheel build (build-cuda/ or the folder given, current LibTorch),
# one after the other on the same machine, then their images/s table next to each other.
#   bash tools/bench_both.sh [WHEEL_BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=${1:-build-cuda}
out=$(mktemp -d)
for b in build "$wheel"; do
  cmake --build "$b" --target bench_training > /dev/null
done
for b in build "$wheel"; do
  echo "== $b: $("$b/app/factorvae" --version)"
  "$b/tests/bench_training" | tee "$out/$(basename "$b").txt"
done
echo "== images/s side by side (size, batch, threads, disc: $(basename build) vs $(basename "$wheel"))"
join -j1 <(awk '/^[0-9]+x[0-9]+ /{print $1"/"$2"/"$3"/"$4, $5}' "$out/build.txt" | sort) \
  <(awk '/^[0-9]+x[0-9]+ /{print $1"/"$2"/"$3"/"$4, $5}' "$out/$(basename "$wheel").txt" | sort) |
  awk '{printf "%-24s %8.0f %8.0f  ratio %.2f\n", $1, $2, $3, $3 / $2}'
