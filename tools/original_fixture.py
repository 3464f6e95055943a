#!/usr/bin/env python3
"""Makes tests/fixtures/original_seed_outputs.npz: what the original FactorVAE project's own code (3liFi/FactorVAE,
python/model/vae.py) computes for fixed inputs, on weights that a test rebuilds without shipping them (190 MB).

Usage (once; the fixture is committed):
    git clone https://github.com/3liFi/FactorVAE /tmp/FactorVAE      # made at its commit c713ffc, with torch 2.15
    .venv/bin/python tools/original_fixture.py /tmp/FactorVAE/python/model/vae.py tests/fixtures/original_seed_outputs.npz

Only the original file is run: its VAE(8, HyperParams()) and DiscriminatorModel(8), in eval mode (BatchNorm from its
running statistics, no Dropout), filled with the weights below, decode fixed codes (its Sigmoid included), encode
fixed images and score fixed codes with the discriminator.

The weights (tests/support/test_support.cpp rebuilds the same, bit for bit): element i of the state_dict tensor named N is
    u = splitmix64(fnv1a64(N) + i) >> 40;  x = u / 2^23 - 1          (24 bits, uniform in [-1, 1), exact in float32)
and the tensor holds, computed in float64 and rounded once to float32:
    weight of a Conv2d, ConvTranspose2d or Linear    x * 2^-(floor(log2(F)) // 2), F = numel / shape[0]
    bias of those                                    x / 16
    BatchNorm weight, bias                           1 + x / 4,  x / 4
    BatchNorm running_mean, running_var              x / 4,  1 + x / 2
    BatchNorm num_batches_tracked                    100
"""
import importlib.util
import sys

import numpy as np
import torch

MASK = (1 << 64) - 1


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK
    return h


def uniform(name, count):
    """x for elements 0..count-1 of the tensor `name`, as float64 (numpy's uint64 arithmetic wraps like C++'s)."""
    with np.errstate(over="ignore"):
        z = np.uint64(fnv1a64(name)) + np.arange(count, dtype=np.uint64) + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(40)).astype(np.float64) / 2.0**23 - 1.0


def value_of(name, tensor, module_kind):
    if name.endswith("num_batches_tracked"):
        return torch.full_like(tensor, 100)
    x = uniform(name, tensor.numel()).reshape(tuple(tensor.shape))
    leaf = name.rsplit(".", 1)[1]
    if module_kind == "batchnorm":
        x = {"weight": 1 + x / 4, "bias": x / 4, "running_mean": x / 4, "running_var": 1 + x / 2}[leaf]
    elif leaf == "weight":
        fan = tensor.numel() // tensor.shape[0]
        x = x * 2.0 ** -((fan.bit_length() - 1) // 2)
    else:
        x = x / 16
    return torch.from_numpy(x.astype(np.float32))


def fill(module, prefix):
    kinds = {}
    for name, sub in module.named_modules():
        kinds[name] = "batchnorm" if isinstance(sub, torch.nn.modules.batchnorm._BatchNorm) else "other"
    state = module.state_dict()
    for name, tensor in state.items():
        state[name] = value_of(prefix + name, tensor, kinds[name.rsplit(".", 1)[0]])
    module.load_state_dict(state, strict=True)


def main(vae_py, out):
    spec = importlib.util.spec_from_file_location("original_vae", vae_py)
    original = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(original)
    torch.manual_seed(0)
    vae = original.VAE(8, original.HyperParams())
    discriminator = original.DiscriminatorModel(8)
    # The names the original LightningModule (VAELightning: self.vae, self.discriminator) saves them under.
    fill(vae, "vae.")
    fill(discriminator, "discriminator.")
    vae.eval()
    discriminator.eval()
    rng = np.random.default_rng(20261205)
    codes = (rng.standard_normal((8, 8)) * 1.5).astype(np.float32)
    images = rng.random((4, 1, 28, 28)).astype(np.float32)
    with torch.no_grad():
        decoded = vae.decoder(torch.from_numpy(codes)).numpy()
        mu, logvar = (t.numpy() for t in vae.encoder(torch.from_numpy(images)))
        logits = discriminator(torch.from_numpy(codes)).numpy()
    print(f"decoded: mean {decoded.mean():.4f}, std {decoded.std():.4f}, range {decoded.min():.4f}..{decoded.max():.4f}")
    print(f"mu std {mu.std():.4f}, logvar std {logvar.std():.4f}, logits std {logits.std():.4f}")
    np.savez(out, codes=codes, images=images, decoded=decoded, mu=mu, logvar=logvar, discriminator_logits=logits)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
