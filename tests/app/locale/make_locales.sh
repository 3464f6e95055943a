#!/usr/bin/env bash
# Generates the decimal-comma locales that the locale tests run under (de_DE.UTF-8, fr_FR.UTF-8) into DIR with
# localedef, so that no installed locale is needed: the tests set LOCPATH=DIR. Idempotent.
set -euo pipefail
dir=$1
mkdir -p "$dir"
for name in de_DE fr_FR; do
  [ -f "$dir/$name.UTF-8/LC_NUMERIC" ] && continue
  # localedef exits 1 for warnings about the source files while still writing a usable locale.
  localedef -i "$name" -f UTF-8 "$dir/$name.UTF-8" || [ -f "$dir/$name.UTF-8/LC_NUMERIC" ]
done
