#!/usr/bin/env python3
"""The headless factorvae (FACTORVAE_WITH_QT=OFF) end to end, with Python's standard library only (a GPU server has
no Qt and maybe no NumPy).

    check_headless.py FACTORVAE WORKDIR

FACTORVAE_DEVICE (auto, cpu or cuda; default auto) is where it trains and decodes. Checks that
- a run stopped at step 12 and resumed to 24 has the same loss history as a run straight to 24 (exact resume);
- evaluate reports the model, a finite reconstruction error, KL per dimension and the disentanglement metrics;
- random and latent write .npy images whose values lie in [0, 1], and .ppm/.pgm files whose pixels are those values
  rounded to bytes and upscaled with crisp pixels; a PNG (when the build has libpng) decodes to the same pixels;
- bad input fails with the file named: a truncated checkpoint, an unknown image format.
"""
import csv
import math
import os
import shutil
import struct
import subprocess
import sys
import zlib

DEVICE = os.environ.get("FACTORVAE_DEVICE", "auto")
TRAIN = ["--dataset", "shapes", "--size", "32", "--batch-size", "32", "--seed", "7", "--quiet",
         "--device", DEVICE, "--steps", "24"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(cli, *args, expect_ok=True):
    done = subprocess.run([cli, *args], capture_output=True, text=True, timeout=300)
    if expect_ok and done.returncode != 0:
        sys.exit(f"FAIL: factorvae {' '.join(args)} exited with {done.returncode}\n{done.stderr}")
    return done


def rows(folder):
    with open(os.path.join(folder, "losses.csv"), newline="") as f:
        return [{k: v for k, v in row.items() if k != "images_per_second"} for row in csv.DictReader(f)]


def read_npy(path):
    """float32 or float64 C-order .npy (version 1) → (shape, flat list)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:6] == b"\x93NUMPY", path + ": not an .npy file"
    header_len = struct.unpack("<H", data[8:10])[0]
    header = eval(data[10:10 + header_len].decode("latin1"))  # a dict literal written by factorvae
    assert not header["fortran_order"]
    code = {"<f4": "f", "<f8": "d"}[header["descr"]]
    count = math.prod(header["shape"])
    return header["shape"], list(struct.unpack("<" + code * count, data[10 + header_len:]))


def read_netpbm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, position = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; separated by single whitespace characters
        end = position
        while data[end:end + 1] not in (b" ", b"\n", b"\t", b"\r"):
            end += 1
        fields.append(data[position:end])
        position = end + 1
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    channels = {b"P5": 1, b"P6": 3}[magic]
    check(maxval == 255, f"{path}: maxval {maxval}")
    pixels = data[position:]
    check(len(pixels) == width * height * channels, f"{path}: {len(pixels)} bytes of pixels")
    return width, height, channels, pixels


def read_png(path):
    """8-bit greyscale or RGB PNG without interlacing → (width, height, channels, pixels); every chunk's CRC checked."""
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: no PNG signature")
    position, idat, width = 8, b"", 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc = struct.unpack(">I", data[position + 8 + length:position + 12 + length])[0]
        check(zlib.crc32(kind + body) == crc, f"{path}: bad CRC in {kind}")
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            check(depth == 8 and colour in (0, 2) and interlace == 0, f"{path}: unexpected IHDR {body!r}")
            channels = 1 if colour == 0 else 3
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    out, previous = bytearray(), bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        previous = line
    return width, height, channels, bytes(out)


def expected_bytes(shape, values, scale):
    """[C, H, W] floats → H·scale × W·scale × C bytes, as the writers round and upscale."""
    c, h, w = shape
    out = bytearray()
    for y in range(h * scale):
        for x in range(w * scale):
            for k in range(c):
                v = min(max(values[(k * h + y // scale) * w + x // scale], 0.0), 1.0)
                out.append(int(math.floor(v * 255 + 0.5)))
    return bytes(out)


def main():
    cli, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    with open(cli, "rb") as f:  # the dynamic section names every library the executable itself links
        check(b"libQt" not in f.read(), "the headless factorvae links no Qt library")
    straight, halves = os.path.join(work, "straight"), os.path.join(work, "halves")
    run(cli, "train", *TRAIN, "--out", straight)
    run(cli, "train", *TRAIN, "--stop-after", "12", "--out", halves)
    check(len(rows(halves)) == 12, "the stopped run logged 12 steps")
    run(cli, "train", "--resume", os.path.join(halves, "latest.fvae"), "--out", halves, "--quiet", "--device", DEVICE)
    check(rows(halves) == rows(straight), "stopped at 12 and resumed, the history equals the straight run's")
    checkpoint = os.path.join(straight, "latest.fvae")

    report = run(cli, "evaluate", "--checkpoint", checkpoint, "--device", DEVICE, "--subset", "2000",
                 "--train-votes", "200", "--eval-votes", "100", "--mig-samples", "1000").stdout
    values = dict(line.split(":", 1) for line in report.splitlines() if ":" in line)
    check(values.get("model", "").strip().startswith("lean 1x32x32, latent 8"), "evaluate names the model")
    check(math.isfinite(float(values["reconstruction_bce_nats_per_image"])), "a finite reconstruction error")
    for key in ("factorvae_metric", "mig"):
        check(key in values and 0 <= float(values[key].split()[0]) <= 1, f"evaluate reports {key} in [0, 1]")

    # Images: .npy holds the decoded floats; .pgm and .png hold them as rounded bytes, upscaled.
    common = ["--checkpoint", checkpoint, "--device", DEVICE]
    for mode, extra in (("random", ["--count", "6", "--columns", "3"]), ("latent", ["--base", "zero"])):
        npy, pgm, png = (os.path.join(work, f"{mode}.{e}") for e in ("npy", "pgm", "png"))
        run(cli, mode, *common, *extra, "--out", npy)
        run(cli, mode, *common, *extra, "--out", pgm, "--scale", "2")
        shape, floats = read_npy(npy)
        check(len(shape) == 3 and shape[0] == 1, f"{mode}: a [C, H, W] image, got {shape}")
        check(all(0 <= v <= 1 for v in floats), f"{mode}: values in [0, 1]")
        check(max(floats) - min(floats) > 0.1, f"{mode}: an image, not a constant")
        width, height, channels, pixels = read_netpbm(pgm)
        check((channels, height, width) == (1, 2 * shape[1], 2 * shape[2]), f"{mode}: .pgm size {width}x{height}")
        check(pixels == expected_bytes(shape, floats, 2), f"{mode}: .pgm pixels are the image's, rounded and upscaled")
        made = run(cli, mode, *common, *extra, "--out", png, expect_ok=False)
        if made.returncode == 0:
            # A figure: the traversal's values above its columns and its dimensions' names left of its rows, drawn
            # with the core's bitmap font (no fonts here); the image itself at the bottom right.
            width, height, channels, pixels = read_png(png)
            w, h = 4 * shape[2], 4 * shape[1]
            check(width >= w and height >= h, f"{mode}: .png size {width}x{height}")
            if mode == "latent":
                check(width > w and height > h, f"{mode}: labels beside and above the grid ({width}x{height})")
                margin = bytes(pixels[y * width + x] for y in range(height - h) for x in range(width))
                check(min(margin) < 128, f"{mode}: the header holds text")
            image = bytes(pixels[(y + height - h) * width + x + width - w] for y in range(h) for x in range(w))
            check(image == expected_bytes(shape, floats, 4), f"{mode}: .png pixels are the image's")
        else:
            check("no PNG" in made.stderr and png in made.stderr, f"{mode}: a build without libpng says so")
            print(f"{mode}: this build writes no PNG ({made.stderr.strip()})")

    # Bad input: the file is named, nothing is written.
    truncated = os.path.join(work, "truncated.fvae")
    with open(checkpoint, "rb") as f, open(truncated, "wb") as g:
        g.write(f.read()[:5000])
    bad = run(cli, "random", "--checkpoint", truncated, "--out", os.path.join(work, "never.npy"), expect_ok=False)
    check(bad.returncode == 1 and truncated in bad.stderr, f"a truncated checkpoint fails naming it: {bad.stderr!r}")
    check(not os.path.exists(os.path.join(work, "never.npy")), "nothing written for a truncated checkpoint")
    bad = run(cli, "random", *common, "--out", os.path.join(work, "x.tiff"), expect_ok=False)
    check(bad.returncode == 1 and "x.tiff" in bad.stderr, "an unknown image format fails naming the file")
    bad = run(cli, "export", "--checkpoint", checkpoint, "--out", os.path.join(work, "x.pt"), expect_ok=False)
    check(bad.returncode == 2 and "full build" in bad.stderr, "a mode of the full build says where it is")
    check(not os.path.exists(os.path.join(work, "x.pt")), "nothing written by a mode of the full build")

    # encode is in the headless build too: its arrays (NumPy's format, read here with the standard library's struct).
    codes = os.path.join(work, "codes")
    run(cli, "encode", "--checkpoint", checkpoint, "--images", "50", "--out", codes)
    with open(os.path.join(codes, "mu.npy"), "rb") as f:
        header = f.read(10)
        check(header[:6] == b"\x93NUMPY", "encode writes mu.npy")
        text = f.read(int.from_bytes(header[8:10], "little")).decode("latin1")
    check("'shape': (50, " in text and "'<f4'" in text, f"mu.npy holds 50 float32 rows: {text.strip()}")
    for name in ("logvar.npy", "indices.npy", "codes.csv", "dimensions.csv", "projector/tensors.tsv",
                 "projector/metadata.tsv", "projector/projector_config.pbtxt"):
        check(os.path.exists(os.path.join(codes, name)), f"encode writes {name}")

    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    print("headless factorvae: all checks passed (device " + DEVICE + ")")


if __name__ == "__main__":
    main()
