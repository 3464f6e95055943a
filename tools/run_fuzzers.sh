#!/usr/bin/env bash
# Runs every fuzz target from its seed corpus for SECONDS each (or RUNS executions, whichever ends first; RUNS 0 means
# no limit) and prints one line per target: executions, seconds, and whether it found anything. Exit status 1 when a
# target crashed, leaked or reported undefined behaviour (its reproducer is kept under BUILD/findings/).
#   tools/run_fuzzers.sh BUILD_FUZZ_DIR SECONDS RUNS
set -uo pipefail
dir=$1
seconds=$2
runs=$3
cd "$dir" || exit 2
rm -rf seeds
./make_seeds seeds > /dev/null || exit 2
mkdir -p corpus findings logs
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
printf '%-12s %14s %9s  %s\n' target executions seconds result
for target in npz npy idx checkpoint image; do
  mkdir -p "corpus/$target" "findings/$target"
  max_len=$([ "$target" = checkpoint ] && echo 65536 || echo 16384)
  start=$(date +%s)
  "./fuzz_$target" -max_total_time="$seconds" -runs="$([ "$runs" -gt 0 ] && echo "$runs" || echo -1)" -max_len="$max_len" -timeout=25 -rss_limit_mb=6144 \
    -print_final_stats=1 -artifact_prefix="findings/$target/" "corpus/$target" "seeds/$target" \
    > "logs/$target.log" 2>&1
  rc=$?
  elapsed=$(($(date +%s) - start))
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -eq 0 ]; then
    result=clean
  else
    result="FOUND SOMETHING (exit $rc): see $dir/logs/$target.log and $dir/findings/$target/"
    status=1
  fi
  printf '%-12s %14s %9s  %s\n' "$target" "${executions:-?}" "$elapsed" "$result"
done
exit $status
