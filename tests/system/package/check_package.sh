#!/usr/bin/env bash
# The Debian package as a user gets it: `cpack -G DEB` builds it from the build folder, dpkg-deb unpacks it into a
# temporary root (nothing is installed on the machine), its desktop entry and AppStream metainfo validate, and both
# programs run from that root: --version, a 20-step training, the shipped demo model opened offscreen (--check).
#   check_package.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$2
rm -rf "$work" && mkdir -p "$work"
step() { echo "== $*"; }

step "cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
debs=("$work"/out/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "FAIL: expected one .deb in $work/out"; ls -l "$work/out"; exit 1; }
deb=${debs[0]}
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
dpkg-deb --field "$deb" Package Version Architecture Depends
depends=$(dpkg-deb --field "$deb" Depends)
for needed in libtorch libqt6widgets6 libqcustomplot; do
  grep -q "$needed" <<< "$depends" || { echo "FAIL: Depends lacks $needed"; exit 1; }
done

step "unpack into $work/root"
dpkg-deb -x "$deb" "$work/root"
root=$work/root/usr
for file in bin/factorvae bin/factorvae-studio share/applications/factorvae-studio.desktop \
            share/metainfo/io.github.factorvae_studio.FactorVAEStudio.metainfo.xml \
            share/icons/hicolor/scalable/apps/factorvae-studio.svg share/mime/packages/factorvae-studio.xml \
            share/man/man1/factorvae.1 share/man/man1/factorvae-studio.1 \
            share/factorvae-studio/demo/shapes-demo.fvae; do
  [ -e "$root/$file" ] || { echo "FAIL: the package lacks /usr/$file"; exit 1; }
done
if readelf -d "$root/bin/factorvae" "$root/bin/factorvae-studio" | grep -E "RPATH|RUNPATH" | grep -q "$build"; then
  echo "FAIL: an installed program still looks into the build folder"; exit 1
fi

step "validate the desktop entry and the AppStream metainfo"
desktop-file-validate "$root/share/applications/factorvae-studio.desktop"
appstreamcli validate --no-net "$root/share/metainfo/io.github.factorvae_studio.FactorVAEStudio.metainfo.xml"
if command -v man > /dev/null; then  # minimal systems have no man-db
  for page in factorvae factorvae-studio; do
    man -l "$root/share/man/man1/$page.1" 2>&1 > /dev/null | grep . && { echo "FAIL: $page.1 has warnings"; exit 1; }
  done
fi

step "run the programs from the unpacked root"
export QT_QPA_PLATFORM=offscreen
"$root/bin/factorvae" --version
"$root/bin/factorvae-studio" --version
"$root/bin/factorvae" train --dataset shapes --size 28 --batch-size 32 --steps 20 --out "$work/run" --quiet
[ -f "$work/run/latest.fvae" ] || { echo "FAIL: the training wrote no checkpoint"; exit 1; }
[ "$(($(wc -l < "$work/run/losses.csv") - 1))" -eq 20 ] || { echo "FAIL: losses.csv does not hold 20 steps"; exit 1; }
shown=$(timeout 300 "$root/bin/factorvae-studio" --check "$root/share/factorvae-studio/demo/shapes-demo.fvae")
echo "the installed application shows: $shown"
[[ "$shown" == *demo*step* ]] || { echo "FAIL: the shipped demo model did not open by name and step"; exit 1; }
echo "package OK"
