#!/usr/bin/env bash
# Installs every Debian 12 package FactorVAE Studio needs to build, test and run (locales: the sources that the locale
# tests generate de_DE and fr_FR from; dpkg-dev, desktop-file-utils and appstream: the package and its test).
# Idempotent.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev qt6-translations-l10n libqcustomplot-dev
  libtorch-dev libopenblas0-pthread
  zlib1g-dev libzip-dev libgif-dev libpng-dev libjemalloc-dev
  libprotobuf-dev protobuf-compiler libboost-dev
  dataset-fashion-mnist
  xvfb xauth
  locales
  dpkg-dev desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
