#!/usr/bin/env bash
# Does UDR (no labels) rank runs as the FactorVAE metric (labels) does? Trains RUNS seeds on shapes with the same
# settings, ranks them with `factorvae udr`, scores each with the FactorVAE metric and MIG, and prints the table and
# Spearman's rho between UDR and the metric. Runs already trained in OUT are kept (the script can be rerun).
#
#   tools/udr_vs_metric.sh   # RUNS=8 STEPS=5000 SIZE=32 FIRST_SEED=1 OUT=udr-vs-metric; TRAIN_ARGS="--gamma 10"
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/app/factorvae}
RUNS=${RUNS:-8}
STEPS=${STEPS:-5000}
SIZE=${SIZE:-32}
FIRST_SEED=${FIRST_SEED:-1}
OUT=${OUT:-udr-vs-metric}
read -r -a extra <<< "${TRAIN_ARGS:-}"

[ -x "$BIN" ] || { echo "udr_vs_metric: build first ($BIN is missing)" >&2; exit 1; }
mkdir -p "$OUT"
for i in $(seq 0 $((RUNS - 1))); do
  seed=$((FIRST_SEED + i))
  [ -f "$OUT/seed-$seed/metric.json" ] && continue
  echo "seed $seed: training $STEPS steps at ${SIZE}x${SIZE}" >&2
  "$BIN" train --dataset shapes --size "$SIZE" --steps "$STEPS" --seed "$seed" --out "$OUT/seed-$seed" --quiet \
    "${extra[@]}" 2> "$OUT/seed-$seed.log"
  "$BIN" evaluate --checkpoint "$OUT/seed-$seed/latest.fvae" --json 2> /dev/null > "$OUT/seed-$seed/metric.json"
done
"$BIN" udr "$OUT" 2> /dev/null > "$OUT/udr.txt"
cat "$OUT/udr.txt"

python3 - "$OUT" <<'PY'
import json, re, sys, os
out = sys.argv[1]
udr = {}
for line in open(os.path.join(out, "udr.txt")):
    m = re.match(r"^\d+\s+(\S+)\s+(\d+)\s+(\S+)", line)
    if m:
        udr[os.path.basename(os.path.dirname(m.group(3)))] = (float(m.group(1)), int(m.group(2)))
rows = []
for run, (score, active) in udr.items():
    report = json.load(open(os.path.join(out, run, "metric.json")))["metrics"]
    metric, mig = report["factorvae_metric"], report["mig"]
    rows.append((run, score, active, metric, mig))

def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r

def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    var = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return cov / var if var else float("nan")

print(f"{'run':10} {'udr':>7} {'active':>6} {'metric':>7} {'mig':>7}")
for run, score, active, metric, mig in sorted(rows, key=lambda r: -r[1]):
    print(f"{run:10} {score:7.4f} {active:6d} {metric:7.4f} {mig:7.4f}")
udrs, metrics, migs = [r[1] for r in rows], [r[3] for r in rows], [r[4] for r in rows]
print(f"Spearman rho, UDR vs FactorVAE metric: {spearman(udrs, metrics):.3f}; UDR vs MIG: {spearman(udrs, migs):.3f}"
      f" ({len(rows)} runs)")
best = max(rows, key=lambda r: r[1])
print(f"UDR's choice: {best[0]} (metric {best[3]:.4f}); best metric {max(metrics):.4f}, median "
      f"{sorted(metrics)[len(metrics) // 2]:.4f}")
PY
