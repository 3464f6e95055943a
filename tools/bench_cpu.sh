#!/usr/bin/env bash
# CPU training speed in one sitting: this project's trainer in the Debian build (build/, LibTorch 1.13) and, where it
# exists, the wheel build (build-cuda/, the torch wheel's current LibTorch), then the same network in plain PyTorch
# (tools/bench_pytorch.py with the .venv's torch), at 28x28 and 64x64, batch 64 and 256, every thread count; last a
# table of images/s with the ratios the speed issue asks for. --avx2 imitates an AVX2-only CPU on an AVX-512 one
# (ATen, oneDNN and MKL held to their AVX2 kernels, OpenBLAS to Haswell's; bf16 products then are not native).
#   bash tools/bench_cpu.sh [--avx2] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=""
for a in "$@"; do
  case $a in
    --avx2) export ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 DNNL_MAX_CPU_ISA=AVX2 MKL_ENABLE_INSTRUCTIONS=AVX2
            export OPENBLAS_CORETYPE=Haswell ;;
    -*) echo "usage: $0 [--avx2] [OUT_DIR]" >&2; exit 2 ;;
    *) out=$a ;;
  esac
done
out=${out:-$(mktemp -d)}
mkdir -p "$out"
threads=$(seq -s, 1 "$(nproc)")
echo "== $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; AVX-512: $(grep -qw avx512f /proc/cpuinfo && echo yes || echo no); ${ATEN_CPU_CAPABILITY:+imitating AVX2}"
builds=(build)
[ -x build-cuda/tests/bench_training ] && builds+=(build-cuda)
for b in "${builds[@]}"; do
  cmake --build "$b" --target bench_training > /dev/null
  echo "== $b: $("$b/app/factorvae" --version 2>/dev/null)"
  "$b/tests/bench_training" | tee "$out/$b.txt" | sed -n '/^size /,/^threads 1+d/p'
done
echo "== PyTorch"
.venv/bin/python tools/bench_pytorch.py --threads "$threads" --rounds 2 | tee "$out/pytorch.txt"

# images/s per size/batch/threads: ours (each build) and PyTorch's; ratios against PyTorch's best thread count.
python3 - "$out" "${builds[@]}" <<'EOF'
import re, sys
out, builds = sys.argv[1], sys.argv[2:]
def rows(path, who):
    table = {}
    for line in open(path):
        m = re.match(r"(\d+x\d+) batch (\d+) threads (\d+) %s ([0-9.]+)" % who, line)
        if m: table[(m[1], int(m[2]), int(m[3]))] = float(m[4])
    return table
ours = {b: rows(f"{out}/{b}.txt", "ours") for b in builds}
torch = rows(f"{out}/pytorch.txt", "pytorch")
mm = {int(m[1]): float(m[2]) for m in re.finditer(r"mm512 threads (\d+) gflops ([0-9.]+)", open(f"{out}/pytorch.txt").read())}
print("\nsize    batch threads " + " ".join(f"{b:>11}" for b in builds) + "     pytorch   ratio to PyTorch's best")
for key in sorted(torch):
    size, batch, t = key
    best = max(v for (s, b, _), v in torch.items() if (s, b) == (size, batch))
    values = [ours[b].get(key) for b in builds]
    cells = " ".join(f"{v:11.0f}" if v else f"{'-':>11}" for v in values)
    ratios = " ".join(f"{v / best:5.2f}" if v else "    -" for v in values)
    print(f"{size:7} {batch:5} {t:7} {cells} {torch[key]:11.0f}   {ratios}")
for b in builds:
    for size, batch in sorted({(s, bb) for s, bb, _ in ours[b]}):
        one, two = ours[b].get((size, batch, 1)), ours[b].get((size, batch, 2))
        if one and two: print(f"{b}: {size} batch {batch}: 1 -> 2 threads {two / one:.2f}x")
print("torch.mm 512x512 GFLOP/s by threads:", mm)
EOF
echo "(raw outputs in $out)"
