#!/usr/bin/env bash
# The scripted walk through the application: every tab at 1000x700, at the default size and at 1600x1000, in English
# and in German, under Xvfb (a real X server, not the offscreen platform), with a fresh home folder as a new user has.
# With a checkpoint (default: the demo model) the panels are filled first; with --training SECONDS the training tab
# is also shot that long into a training with the default settings. Writes OUT/LANG-SIZE-TAB.png and
# OUT/LANG-SIZE-layout.txt (the texts that do not fit), prints a summary and fails when any text is cut.
#   tools/screenshot_walk.sh [--out DIR] [--training SECONDS] [--bin STUDIO] [CHECKPOINT]
set -euo pipefail
cd "$(dirname "$0")/.."
out=screenshot-walk
training=0
studio=build/tools/screenshots/factorvae-screenshots
checkpoint=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --training) training=$2; shift 2 ;;
    --bin) studio=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) checkpoint=$1; shift ;;
  esac
done
[ -n "$checkpoint" ] || checkpoint=resources/demo/shapes-demo.fvae
[ -x "$studio" ] || { echo "error: $studio not found; build first (cmake --build build)" >&2; exit 2; }
[ -f "$checkpoint" ] || { echo "error: checkpoint $checkpoint not found" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "error: xvfb-run not found (apt install xvfb)" >&2; exit 2; }
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

shoot() {  # NAME ARGS...: one run of the application in a fresh home, with a time limit
  local name=$1; shift
  find "$home" -mindepth 1 -delete  # dot folders too: a saved window size once made "default" 1000x700
  # A German desktop also formats numbers the German way (Qt reads LANG; the C library's numbers stay "C").
  local lang=en_US.UTF-8
  [[ " $* " == *" --language de "* ]] && lang=de_DE.UTF-8
  if ! LANG=$lang LC_ALL= HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
      timeout 600 xvfb-run -a -s "-screen 0 1920x1200x24" "$studio" --screenshots "$out/$name" "$@" \
      >"$out/$name.log" 2>&1; then
    echo "error: $name failed, see $out/$name.log" >&2
    return 1
  fi
}

status=0
for language in en de; do
  for size in 1000x700 default 1600x1000; do
    size_args=()
    [ "$size" = default ] || size_args=(--screenshot-size "$size")
    name=$language-$size
    shoot "$name" --language "$language" "${size_args[@]}" "$checkpoint" || status=1
    if [ "$training" != 0 ]; then
      shoot "$name-training" --language "$language" "${size_args[@]}" --train --screenshot-delay "$training" \
        || status=1
    fi
  done
done

echo "screenshots in $out:"
for layout in "$out"/*-layout.txt; do
  cut=$(grep -vc "^every text fits$" "$layout" || true)  # the tour writes that line when nothing is cut
  printf '  %-28s %s\n' "$(basename "$layout" -layout.txt)" "$([ "$cut" = 0 ] && echo "every text fits" || echo "$cut texts cut")"
  [ "$cut" = 0 ] || { sed 's/^/    /' "$layout"; status=1; }
done
exit $status
