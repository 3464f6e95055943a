#!/usr/bin/env bash
# Creates the Python environment (.venv, or $FACTORVAE_VENV) that the interoperability tests use — the real
# tensorboard, torch, lightning and safetensors from PyPI — and prints the CMake prefix of the LibTorch inside its torch wheel.
# Not needed to build or run FactorVAE Studio; without it those tests report themselves skipped. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${FACTORVAE_VENV:-.venv}
packages=("torch>=2.6" "tensorboard>=2.16" "lightning>=2.4" "numpy>=1.26" "safetensors>=0.4")

if ! "$venv/bin/python" -c "import torch, tensorboard, lightning, numpy, safetensors" 2>/dev/null; then
  if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends python3-venv
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${packages[@]}"
fi
"$venv/bin/python" -c "import torch; print(torch.utils.cmake_prefix_path)"
