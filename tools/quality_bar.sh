#!/usr/bin/env bash
# The quality bar: the whole pipeline a user runs, for the FactorVAE and for a beta-VAE baseline (the same model and
# selection with gamma = 0), one after the other on the built-in shapes data. Each pipeline trains CANDIDATES seeds for
# SCREEN steps (two at a time, one core each), ranks them by UDR without labels, continues the winner to the recipe's
# full budget (both cores), and is scored afterwards with the labels: FactorVAE metric, MIG, reconstruction and the
# per-factor accuracy behind the metric. Settings left unset come from the recipe plan_run gives shapes at SIZE.
#
#   tools/quality_bar.sh                  # pipeline seed 1 (candidate seeds 11, 12, ...)
#   SEEDS="1 2 3" tools/quality_bar.sh    # three pipeline seeds, then their mean
#   CANDIDATES=… SCREEN=… SIZE=… STEPS=… BETA=… GAMMA=… LR=… DISC=… OUT=… override
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/app/factorvae}
OUT=${OUT:-quality-bar}
SEEDS=${SEEDS:-${SEED:-1}}
SIZE=${SIZE:-32}
CANDIDATES=${CANDIDATES:-4}
SCREEN=${SCREEN:-2000}  # the recipe's learning-rate warm-up: the layout forms by then
DISC=${DISC:-auto}  # the discriminator's arithmetic: auto, fp32 or bf16
BUDGET_SECONDS=1800  # each pipeline, training and selection, on the 2-core machine

[ -x "$BIN" ] || { echo "quality_bar: build first ($BIN is missing)" >&2; exit 1; }
mkdir -p "$OUT"
recipe=(--dataset shapes --split all --size "$SIZE" --disc-precision "$DISC" --quiet)
[ -n "${STEPS:-}" ] && recipe+=(--steps "$STEPS")
[ -n "${BETA:-}" ] && recipe+=(--beta "$BETA")
[ -n "${LR:-}" ] && recipe+=(--lr "$LR")
factorvae_gamma=()
[ -n "${GAMMA:-}" ] && factorvae_gamma=(--gamma "$GAMMA")

pipeline() {  # pipeline NAME SEED [options...]
  local name=$1 seed=$2 dir
  shift 2
  dir="$OUT/seed-$seed/$name"
  mkdir -p "$dir"
  local start
  start=$(date +%s)
  "$BIN" train "${recipe[@]}" --seed $((10 * seed + 1)) --candidates "$CANDIDATES" --screen-steps "$SCREEN" \
    --parallel 2 --out "$dir" "$@" > "$dir/pipeline.log" 2>&1
  echo $(($(date +%s) - start)) > "$dir/pipeline_seconds"
  "$BIN" evaluate --checkpoint "$dir/latest.fvae" --subset 10000 --save-names --json > "$dir/evaluation.json" \
    2> /dev/null
  # Traversals from a typical code (the image whose μ is nearest the median), rows named by the metric.
  "$BIN" latent --checkpoint "$dir/latest.fvae" --base typical --scale 3 --out "$dir/traversal.png" \
    --gif "$dir/traversal.gif" > /dev/null
}

# One row of the summary from the pipeline's records: evaluate --json and candidates.csv (no scraping of text).
row() {  # row SEED NAME DIR
  python3 - "$@" <<'PY'
import csv, json, sys
seed, name, folder = sys.argv[1:4]
report = json.load(open(f"{folder}/evaluation.json"))
metrics = report["metrics"]
chosen = next((r["seed"] for r in csv.DictReader(open(f"{folder}/candidates.csv")) if r["chosen"] == "yes"), "?")
cells = [seed, name, f"{metrics['factorvae_metric']:.4f}", f"{metrics['mig']:.4f}",
         f"{report['reconstruction']['bce_nats_per_image']:.4f}", open(f"{folder}/pipeline_seconds").read().strip(),
         chosen] + [f"{f['accuracy']:.4f}" for f in metrics["factors"]]
print("\t".join(cells))
PY
}
factors=(shape scale orientation x_position y_position)
summary="$OUT/summary.tsv"
printf 'seed\tmodel\tfactorvae_metric\tmig\trecon_bce\tseconds\tchosen\t%s\n' "${factors[*]}" | tr ' ' '\t' > "$summary"
for seed in $SEEDS; do
  echo "Pipeline seed $seed: $CANDIDATES candidates (seeds $((10 * seed + 1))–$((10 * seed + CANDIDATES))) screened" \
    "for $SCREEN steps, the UDR winner continued; FactorVAE, then the beta-VAE baseline"
  pipeline factorvae "$seed" "${factorvae_gamma[@]}"
  pipeline betavae "$seed" --gamma 0
  for name in factorvae betavae; do
    dir="$OUT/seed-$seed/$name"
    row "$seed" "$name" "$dir" >> "$summary"
    seconds=$(cat "$dir/pipeline_seconds")
    [ "$seconds" -le "$BUDGET_SECONDS" ] || echo "seed $seed $name: the pipeline took $((seconds / 60)) min, over the bar's 30 minutes"
  done
done

echo
column -t -s $'\t' "$summary"
echo
awk -F'\t' 'NR > 1 { n[$2]++; m[$2] += $3; g[$2] += $4 } END {
  for (k in n) printf "mean over %d pipeline seeds, %s: FactorVAE metric %.3f, MIG %.3f\n", n[k], k, m[k] / n[k], g[k] / n[k] }' \
  "$summary"
awk -F'\t' 'NR > 1 { v[$1, $2] = $3; s[$1] = 1 } END {
  for (k in s) if ((k, "factorvae") in v && (k, "betavae") in v)
    printf "seed %s: FactorVAE %s the baseline\n", k, (v[k, "factorvae"] > v[k, "betavae"] ? "above" : "NOT above") }' "$summary"
echo "Per-pipeline logs, evaluations (with the vote tables) and traversals under $OUT/seed-*/"
