#!/usr/bin/env bash
# CTest entry for the Python interoperability tests: runs them with the environment of tools/python-env.sh, or
# reports the test skipped (exit 77) when that environment has not been created.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv=${FACTORVAE_VENV:-$here/../../../.venv}
if ! "$venv/bin/python" -c "import torch, tensorboard, lightning, numpy, safetensors" 2>/dev/null; then
  echo "skipped: no Python environment with torch, tensorboard, lightning and safetensors at $venv (run tools/python-env.sh)"
  exit 77
fi
cd "$here"
exec "$venv/bin/python" -m unittest -v test_interop
