#!/usr/bin/env bash
# Makes resources/demo/shapes-demo.fvae, the small model the application offers on first start ("Explore a trained
# model now"): the default pipeline on the built-in shapes (4 candidates screened for 2,000 steps, ranked by UDR, the
# best continued to 16,000 steps at 32x32; about 15 minutes on 2 cores), named and scored by the FactorVAE metric,
# saved weights-only. Writes the scores to resources/demo/shapes-demo.json.
#   tools/make_demo_model.sh [OUT_FOLDER (default demo-run)]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/app/factorvae}
out=${1:-demo-run}
if [ -f "$out/pipeline.cfg" ]; then  # stopped before: the pipeline goes on where it stopped
  "$BIN" train --resume "$out" --quiet
else
  "$BIN" train --dataset shapes --candidates 4 --seed 1 --parallel 2 --out "$out" --quiet
fi
"$BIN" evaluate --checkpoint "$out/latest.fvae" --subset 10000 --save-names --json > "$out/evaluation.json"
"$BIN" export --checkpoint "$out/latest.fvae" --out resources/demo/shapes-demo.fvae
cp "$out/evaluation.json" resources/demo/shapes-demo.json
python3 - "$out/evaluation.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print(f"FactorVAE metric {m['factorvae_metric']:.3f}, MIG {m['mig']:.3f}; per factor: " +
      ", ".join(f"{f['name']} {f['accuracy']:.2f}" for f in m["factors"]))
PY
