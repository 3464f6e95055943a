#!/usr/bin/env bash
# The quality bar: FactorVAE against the same model with gamma = 0 (a beta-VAE baseline) on the built-in shapes
# dataset, same seed and step budget, trained side by side (one core each), then scored with the FactorVAE metric
# and MIG. Prints a table and writes traversal images with the dimensions named by the metric's factor assignment.
#
#   tools/quality_bar.sh   # defaults below; STEPS=… SIZE=… BETA=… GAMMA=… LR=… SEED=… DISC=… OUT=… override
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-build/app/factorvae}
OUT=${OUT:-quality-bar}
STEPS=${STEPS:-16000}
SIZE=${SIZE:-32}
SEED=${SEED:-1}
# beta 0.5: at 32×32 the reconstruction term sums a quarter of the paper's 64×64 pixels, and with beta 1 the model
# kept only 3–4 informative dimensions (x, y and one or two for the rest).
BETA=${BETA:-0.5}
GAMMA=${GAMMA:-10}
LR=${LR:-1e-3}
DISC=${DISC:-auto}  # the discriminator's arithmetic: auto, fp32 or bf16

[ -x "$BIN" ] || { echo "quality_bar: build first ($BIN is missing)" >&2; exit 1; }
mkdir -p "$OUT"
# One core each: the two runs train side by side, so neither puts its discriminator step on a second core.
common=(--dataset shapes --split all --size "$SIZE" --steps "$STEPS" --seed "$SEED" --lr "$LR" --beta "$BETA"
  --disc-precision "$DISC" --disc-thread off --quiet)

train() {
  local name=$1
  shift
  local start
  start=$(date +%s)
  "$BIN" train "${common[@]}" --out "$OUT/$name" "$@" 2> "$OUT/$name.log"
  echo $(($(date +%s) - start)) > "$OUT/$name/train_seconds"
}

echo "Training FactorVAE (beta $BETA, gamma $GAMMA) and beta-VAE (beta $BETA, gamma 0): $STEPS steps of batch 64" \
  "at ${SIZE}x${SIZE}, seed $SEED, discriminator $DISC"
train factorvae --gamma "$GAMMA" &
train betavae --gamma 0 &
wait

for name in factorvae betavae; do
  "$BIN" evaluate --checkpoint "$OUT/$name/latest.fvae" --subset 10000 --save-names > "$OUT/$name/evaluation.txt" 2> /dev/null
  "$BIN" latent --checkpoint "$OUT/$name/latest.fvae" --index 0 --scale 3 --out "$OUT/$name/traversal.png" \
    --gif "$OUT/$name/traversal.gif" > /dev/null
done

value() { grep "^$2:" "$OUT/$1/evaluation.txt" | head -1 | awk '{print $2}'; }
printf '\n%-10s %16s %8s %22s %14s\n' model "FactorVAE metric" MIG "recon BCE (nats/img)" "train time (s)"
for name in factorvae betavae; do
  printf '%-10s %16s %8s %22s %14s\n' "$name" "$(value $name factorvae_metric)" "$(value $name mig)" \
    "$(value $name reconstruction_bce_nats_per_image)" "$(cat "$OUT/$name/train_seconds")"
done
for name in factorvae betavae; do
  seconds=$(cat "$OUT/$name/train_seconds")
  [ "$seconds" -le 1800 ] || echo "$name: training took $((seconds / 60)) min, over the bar's 30-minute budget"
done
echo
grep "captures" "$OUT/factorvae/evaluation.txt" | sed 's/^/factorvae /'
# Where each factor's votes went (training votes per factor and dimension): splits and shared dimensions show here.
for name in factorvae betavae; do
  echo
  echo "$name:"
  grep -E "^(votes per dimension|votes_)" "$OUT/$name/evaluation.txt"
done
echo "Traversals: $OUT/factorvae/traversal.png, $OUT/betavae/traversal.png"
