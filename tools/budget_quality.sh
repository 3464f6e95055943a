#!/usr/bin/env bash
# What a time budget reaches on the built-in shapes: the GUI's default pipeline (4 candidates, screened, ranked by
# UDR, the best continued; every core) with --minutes M, for each budget and pipeline seed, scored afterwards with the
# labels (factorvae evaluate --json: FactorVAE metric, MIG, per-factor accuracy), then the mean and spread per budget.
# Run it on an otherwise idle machine: the budget is wall-clock time.
#   tools/budget_quality.sh                          # 15, 30 and 60 minutes, pipeline seeds 1 2 3 (~5.5 hours)
#   MINUTES="15" SEEDS="1 2 3" OUT=budget-quality tools/budget_quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/app/factorvae}
OUT=${OUT:-budget-quality}
MINUTES=${MINUTES:-15 30 60}
SEEDS=${SEEDS:-1 2 3}
[ -x "$BIN" ] || { echo "budget_quality: build first ($BIN is missing)" >&2; exit 1; }
echo "== $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; AVX-512: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no); native bf16: $(grep -qw avx512_bf16 /proc/cpuinfo && echo yes || echo no)"
for minutes in $MINUTES; do
  for seed in $SEEDS; do
    dir="$OUT/minutes-$minutes/seed-$seed"
    if [ ! -f "$dir/evaluation.json" ]; then
      rm -rf "$dir"
      mkdir -p "$(dirname "$dir")"
      start=$(date +%s)
      "$BIN" train --dataset shapes --minutes "$minutes" --candidates 4 --seed $((10 * seed + 1)) --out "$dir" --quiet \
        > "$dir.log" 2>&1
      echo "$(( $(date +%s) - start ))" > "$dir.seconds"
      "$BIN" evaluate --checkpoint "$dir/latest.fvae" --json > "$dir/evaluation.json" 2> "$dir.evaluate.log"
    fi
    echo "minutes $minutes seed $seed: $(cat "$dir.seconds") s, $(grep -o 'planned [^(]*' "$dir.log" | head -1)"
  done
done
python3 - "$OUT" $MINUTES <<'EOF'
import json, statistics, sys, glob
out, budgets = sys.argv[1], sys.argv[2:]
print(f"\n{'minutes':>7} {'runs':>4} {'FactorVAE metric':>24} {'MIG':>22}   per factor (mean accuracy)")
for m in budgets:
    runs = [json.load(open(f)) for f in sorted(glob.glob(f"{out}/minutes-{m}/seed-*/evaluation.json"))]
    if not runs: continue
    metric = [r["metrics"]["factorvae_metric"] for r in runs]
    mig = [r["metrics"]["mig"] for r in runs]
    spread = lambda v: f"{statistics.mean(v):.3f} ({min(v):.3f}-{max(v):.3f})"
    factors = {}
    for r in runs:
        for f in r["metrics"]["factors"]: factors.setdefault(f["name"], []).append(f["accuracy"])
    per = ", ".join(f"{k} {statistics.mean(v):.2f}" for k, v in factors.items())
    print(f"{m:>7} {len(runs):>4} {spread(metric):>24} {spread(mig):>22}   {per}")
EOF
