#!/usr/bin/env python3
"""Reference benchmark: the default "lean" FactorVAE trained in plain PyTorch, to compare with this project's trainer.

The same networks and the same training step as FactorVAE Studio's default model (model/nn/networks.cpp, Lean
architecture; model/nn/objective.cpp; Trainer::step in model/training/trainer.cpp; the defaults of
model/base/config.h), written the way a PyTorch user would write them: eager mode, nn.Module classes,
torch.optim.Adam. Nothing is tuned: fp32 throughout, the discriminator's step after the VAE's backward pass on the
same thread, the literal nearest upsampling + 3x3 convolution in the decoder. Its images/s lines join with the C++
benchmark's (tests/bench/bench_training.cpp) on size, batch and threads, so both can be compared in one sitting on the
same machine.

Run it with the torch of the project's Python environment (tools/python-env.sh creates .venv):

    .venv/bin/python tools/bench_pytorch.py [--sizes 28,64] [--batches 64,256] [--threads 1,2]
                                            [--steps N] [--warmup N] [--rounds R] [--json FILE]

Output, one line per configuration (images/s: the best round, as bench_training reports its own):

    28x28 batch 64 threads 2 pytorch <images_per_s>

then the best thread count per size and batch, torch.mm's 512x512 float32 rate at each thread count
("mm512 threads 2 gflops <x>"), the parameter count of each network per size
("params 28x28 encoder N decoder N discriminator N"), and the torch version, CPU capability and CPU model.

ATEN_CPU_CAPABILITY=avx2 in the environment makes PyTorch use its AVX2 kernels instead of its AVX-512 ones, which
imitates an AVX2-only CPU on an AVX-512 machine (as far as PyTorch's own kernels go; oneDNN and the BLAS choose their
kernels themselves, see ONEDNN_MAX_CPU_ISA):

    ATEN_CPU_CAPABILITY=avx2 .venv/bin/python tools/bench_pytorch.py
"""

import argparse
import json
import os
import platform
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

# Defaults of the C++ code (model/base/config.h, model/nn/networks.cpp).
CHANNELS = 1  # ModelConfig::channels
LATENT_DIM = 8  # ModelConfig::latent_dim
LEAN_HIDDEN = 128  # kLeanHidden
DISC_HIDDEN = 1000  # kDiscHidden
DISC_LAYERS = 6  # hidden layers of the lean discriminator
LEAKY_SLOPE = 0.2
BETA = 1.0  # TrainConfig::beta (no warm-up, no KL capacity)
GAMMA = 35.0  # TrainConfig::gamma
VAE_LR, VAE_BETAS = 1e-4, (0.9, 0.999)  # TrainConfig::vae_lr, vae_beta1, vae_beta2
DISC_LR, DISC_BETAS = 1e-4, (0.5, 0.9)  # TrainConfig::disc_lr, disc_beta1, disc_beta2
SIZES = (28, 32, 64)  # ModelConfig::validate


def lean_channels(image_size):
    """Stride-2 4x4 convolutions down to a 7x7 (28 px), 8x8 (32 px) or 4x4 (64 px) map."""
    return [32, 32, 64, 64] if image_size == 64 else [32, 64]


class Encoder(nn.Module):
    def __init__(self, image_size, channels=CHANNELS, latent_dim=LATENT_DIM):
        super().__init__()
        layers, c_in, size = [], channels, image_size
        for c_out in lean_channels(image_size):
            layers += [nn.Conv2d(c_in, c_out, 4, stride=2, padding=1), nn.ReLU()]
            c_in, size = c_out, size // 2
        layers.append(nn.Flatten())
        self.features = nn.Sequential(*layers)
        # One head producing mu and logvar side by side.
        self.head = nn.Sequential(
            nn.Linear(c_in * size * size, LEAN_HIDDEN), nn.ReLU(), nn.Linear(LEAN_HIDDEN, 2 * latent_dim)
        )

    def forward(self, x):
        mu, logvar = self.head(self.features(x)).chunk(2, dim=1)
        return mu, logvar


class Decoder(nn.Module):
    """Dense layers to the encoder's last map, then (nearest x2 upsampling + 3x3 convolution) per encoder stage."""

    def __init__(self, image_size, channels=CHANNELS, latent_dim=LATENT_DIM):
        super().__init__()
        widths = lean_channels(image_size)
        self.start_channels = widths[-1]
        self.start_size = image_size >> len(widths)
        self.dense = nn.Sequential(
            nn.Linear(latent_dim, LEAN_HIDDEN),
            nn.ReLU(),
            nn.Linear(LEAN_HIDDEN, self.start_channels * self.start_size**2),
            nn.ReLU(),
        )
        layers, c_in = [], self.start_channels
        for i in reversed(range(len(widths))):
            c_out = channels if i == 0 else widths[i - 1]
            layers += [nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(c_in, c_out, 3, padding=1)]
            if i != 0:
                layers.append(nn.ReLU())
            c_in = c_out
        self.upsampling = nn.Sequential(*layers)

    def forward(self, z):
        h = self.dense(z).view(z.size(0), self.start_channels, self.start_size, self.start_size)
        return self.upsampling(h)  # pixel logits


class Discriminator(nn.Module):
    """The paper's MLP: six hidden layers of 1000 units with LeakyReLU(0.2); logits [B, 2] (joint, permuted)."""

    def __init__(self, latent_dim=LATENT_DIM):
        super().__init__()
        layers, n_in = [], latent_dim
        for _ in range(DISC_LAYERS):
            layers += [nn.Linear(n_in, DISC_HIDDEN), nn.LeakyReLU(LEAKY_SLOPE)]
            n_in = DISC_HIDDEN
        layers.append(nn.Linear(n_in, 2))
        self.layers = nn.Sequential(*layers)

    def forward(self, z):
        return self.layers(z)


class BurgessEncoder(nn.Module):
    """--arch burgess: disentanglement_lib's conv_encoder (model/nn/reference_networks.cpp, Burgess): 4x4 stride-2
    convolutions of 32, 32, 64, 64, a dense 256, then mu and logvar."""

    def __init__(self, image_size, channels=CHANNELS, latent_dim=LATENT_DIM):
        super().__init__()
        assert image_size == 64, "burgess takes 64x64 images"
        layers, c_in = [], channels
        for c_out in (32, 32, 64, 64):
            layers += [nn.Conv2d(c_in, c_out, 4, stride=2, padding=1), nn.ReLU()]
            c_in = c_out
        self.conv = nn.Sequential(*layers, nn.Flatten())
        self.dense = nn.Sequential(nn.Linear(64 * 16, 256), nn.ReLU(), nn.Linear(256, 2 * latent_dim))

    def forward(self, x):
        mu, logvar = self.dense(self.conv(x)).chunk(2, dim=1)
        return mu, logvar


class BurgessDecoder(nn.Module):
    """disentanglement_lib's deconv_decoder: dense 256 and 1024, then 4x4 stride-2 transposed convolutions (as a
    PyTorch user writes them: nn.ConvTranspose2d)."""

    def __init__(self, image_size, channels=CHANNELS, latent_dim=LATENT_DIM):
        super().__init__()
        self.dense = nn.Sequential(nn.Linear(latent_dim, 256), nn.ReLU(), nn.Linear(256, 64 * 16), nn.ReLU())
        layers, c_in = [], 64
        for c_out in (64, 32, 32):
            layers += [nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1), nn.ReLU()]
            c_in = c_out
        self.deconv = nn.Sequential(*layers, nn.ConvTranspose2d(c_in, channels, 4, stride=2, padding=1))

    def forward(self, z):
        return self.deconv(self.dense(z).view(z.size(0), 64, 4, 4))  # pixel logits


ARCHITECTURES = {"lean": (Encoder, Decoder), "burgess": (BurgessEncoder, BurgessDecoder)}
ARCH = "lean"


def reparameterize(mu, logvar):
    return mu + torch.randn_like(mu) * (0.5 * logvar).exp()


def permute_dimensions(z):
    """Each column permuted independently across the batch (argsort of uniform noise, as objective.cpp)."""
    order = torch.rand(z.shape).argsort(dim=0)
    return z.gather(0, order)


class FactorVAE:
    def __init__(self, image_size):
        encoder, decoder = ARCHITECTURES[ARCH]
        self.encoder = encoder(image_size)
        self.decoder = decoder(image_size)
        self.discriminator = Discriminator()
        self.vae_params = list(self.encoder.parameters()) + list(self.decoder.parameters())
        self.disc_params = list(self.discriminator.parameters())
        self.vae_opt = torch.optim.Adam(self.vae_params, lr=VAE_LR, betas=VAE_BETAS)
        self.disc_opt = torch.optim.Adam(self.disc_params, lr=DISC_LR, betas=DISC_BETAS)

    def step(self, x, x_other):
        """One training step (Trainer::step): the VAE's step, then the discriminator's on detached codes."""
        batch = x.size(0)
        mu, logvar = self.encoder(x)
        z = reparameterize(mu, logvar)
        logits = self.decoder(z)
        reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / batch
        kl_dims = (0.5 * (mu.pow(2) + logvar.exp() - logvar - 1.0)).mean(0)
        kl = kl_dims.sum()
        # The discriminator's weights get no gradient from the TC term; the encoder does, through z.
        for p in self.disc_params:
            p.requires_grad_(False)
        d = self.discriminator(z)
        tc = (d[:, 0] - d[:, 1]).mean()
        for p in self.disc_params:
            p.requires_grad_(True)
        vae_loss = reconstruction + BETA * kl + GAMMA * tc
        self.vae_opt.zero_grad()
        vae_loss.backward()

        # Discriminator: this batch's codes (joint) against an independent batch's, each dimension permuted
        # (product of marginals), both halves in one pass.
        with torch.no_grad():
            mu_o, logvar_o = self.encoder(x_other)
            z_permuted = permute_dimensions(reparameterize(mu_o, logvar_o))
        disc_logits = self.discriminator(torch.cat([z.detach(), z_permuted], 0))
        real, permuted = disc_logits[:batch], disc_logits[batch:]
        zeros = torch.zeros(batch, dtype=torch.long)
        ones = torch.ones(batch, dtype=torch.long)
        disc_loss = 0.5 * (F.cross_entropy(real, zeros) + F.cross_entropy(permuted, ones))
        self.disc_opt.zero_grad()
        disc_loss.backward()

        # The C++ step reads its losses back (the NaN guard) before either optimiser steps.
        values = [reconstruction.item(), kl.item(), tc.item(), vae_loss.item(), disc_loss.item()]
        if any(v != v or abs(v) == float("inf") for v in values):
            raise FloatingPointError(f"non-finite loss: {values}")
        self.vae_opt.step()
        self.disc_opt.step()


def parameter_count(module):
    return sum(p.numel() for p in module.parameters())


def default_steps(size, batch):
    """About 5-7 s a round on one thread of a 2-core EPYC (fewer on two): 60 steps at 28 px batch 64, fewer for more
    work per step (the batch, and the convolutions' share, which grows with the image)."""
    work = (batch / 64) * max(1.0, (size / 28) ** 1.5)
    return max(3, round(60 / work))


def mm_gflops(threads, rounds):
    torch.set_num_threads(threads)
    a, b = torch.randn(512, 512), torch.randn(512, 512)
    for _ in range(5):
        torch.mm(a, b)
    n, rates = 60, []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(n):
            torch.mm(a, b)
        rates.append(2.0 * 512**3 * n / (time.perf_counter() - start) / 1e9)
    return statistics.median(rates)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def int_list(text):
    return [int(v) for v in text.split(",") if v.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int_list, default=[28, 64], help="image sizes (28, 32, 64); default 28,64")
    parser.add_argument("--batches", type=int_list, default=[64, 256], help="batch sizes; default 64,256")
    parser.add_argument("--threads", type=int_list, default=[1, 2], help="intra-op thread counts; default 1,2")
    parser.add_argument("--steps", type=int, default=None, help="timed steps a round (default: by size and batch)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed steps before the rounds; default 3")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; images/s is the best (as bench_training); default 3")
    parser.add_argument("--seed", type=int, default=1, help="torch.manual_seed before each configuration")
    parser.add_argument(
        "--flush-denormal",
        action="store_true",
        help="torch.set_flush_denormal(True), as the C++ trainer does (off by default: plain PyTorch)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--arch", choices=sorted(ARCHITECTURES), default="lean",
                        help="lean (default) or burgess (64x64 only: --sizes 64)")
    args = parser.parse_args()
    global ARCH
    ARCH = args.arch
    for s in args.sizes:
        if s not in SIZES:
            parser.error(f"image size must be 28, 32 or 64, got {s}")
    if any(b < 2 for b in args.batches):
        parser.error("batch size must be at least 2 (the discriminator permutes across it)")
    bad_steps = args.steps is not None and args.steps < 1
    if any(t < 1 for t in args.threads) or args.rounds < 1 or args.warmup < 0 or bad_steps:
        parser.error("threads, rounds and steps must be positive, warm-up zero or positive")
    if args.flush_denormal:
        torch.set_flush_denormal(True)

    results, params = [], {}
    for size in args.sizes:
        torch.manual_seed(args.seed)
        model = FactorVAE(size)
        params[size] = {
            "encoder": parameter_count(model.encoder),
            "decoder": parameter_count(model.decoder),
            "discriminator": parameter_count(model.discriminator),
        }
        print(
            f"params {size}x{size} encoder {params[size]['encoder']} decoder {params[size]['decoder']} "
            f"discriminator {params[size]['discriminator']}",
            flush=True,
        )

    for size in args.sizes:
        for batch in args.batches:
            steps = args.steps if args.steps is not None else default_steps(size, batch)
            for threads in args.threads:
                torch.set_num_threads(threads)
                torch.manual_seed(args.seed)
                model = FactorVAE(size)
                pool = [torch.rand(batch, CHANNELS, size, size) for _ in range(8)]  # made once, not timed
                i = 0

                def run(n):
                    nonlocal i
                    for _ in range(n):
                        # The discriminator's batch is another pool entry: independent of the VAE's.
                        model.step(pool[i % len(pool)], pool[(i + 3) % len(pool)])
                        i += 1

                run(args.warmup)
                rates = []
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    run(steps)
                    rates.append(steps * batch / (time.perf_counter() - start))
                rate = max(rates)  # the best round, as bench_training reports its own
                results.append(
                    {"size": size, "batch": batch, "threads": threads, "steps": steps, "images_per_s": rate,
                     "rounds": rates}
                )
                print(f"{size}x{size} batch {batch} threads {threads} pytorch {rate:.1f}", flush=True)

    for size in args.sizes:
        for batch in args.batches:
            rows = [r for r in results if r["size"] == size and r["batch"] == batch]
            best = max(rows, key=lambda r: r["images_per_s"])
            print(f"best {size}x{size} batch {batch} threads {best['threads']} pytorch {best['images_per_s']:.1f}")

    mm = {}
    for threads in args.threads:
        mm[threads] = mm_gflops(threads, args.rounds)
        print(f"mm512 threads {threads} gflops {mm[threads]:.1f}", flush=True)

    capability_fn = getattr(torch.backends.cpu, "get_cpu_capability", None)
    capability = capability_fn() if capability_fn else "unknown"
    env = {
        "torch": torch.__version__,
        "cpu_capability": capability,
        "ATEN_CPU_CAPABILITY": os.environ.get("ATEN_CPU_CAPABILITY", ""),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "flush_denormal": args.flush_denormal,
    }
    print(
        f"torch {env['torch']} cpu_capability {capability}"
        + (f" (ATEN_CPU_CAPABILITY={env['ATEN_CPU_CAPABILITY']})" if env["ATEN_CPU_CAPABILITY"] else "")
        + f" cpu {env['cpu']} cores {env['cores']} flush_denormal {'on' if args.flush_denormal else 'off'}"
    )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(
                {"results": results, "mm512_gflops": mm, "params": params, "env": env,
                 "warmup": args.warmup, "rounds": args.rounds},
                f,
                indent=2,
            )


if __name__ == "__main__":
    main()
