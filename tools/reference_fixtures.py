#!/usr/bin/env python3
"""Makes tests/fixtures/reference_outputs.npz: what the reference implementations' own classes compute for fixed
inputs and codes, on weights that the C++ tests rebuild without shipping them (tests/support: fixture_weights).

Usage (once; the fixture is committed):
    git clone https://github.com/1Konny/FactorVAE   /tmp/refs/1Konny+FactorVAE      # made at 8c97b1f
    git clone https://github.com/1Konny/Beta-VAE    /tmp/refs/1Konny+Beta-VAE       # made at 977a1ec
    git clone https://github.com/AntixK/PyTorch-VAE /tmp/refs/AntixK+PyTorch-VAE    # made at a6896b9
    .venv/bin/python tools/reference_fixtures.py /tmp/refs tests/fixtures/reference_outputs.npz \
        [--checkpoints DIR] [--reader-samples tests/fixtures/torch_save]

Each family is built with its own class at latent 10 (the repositories' default), filled with the weights of
tools/original_fixture.py's recipe where element i of tensor N (the class's state_dict name) comes from
splitmix64(fnv1a64("<family>." + N) + i), put in eval mode (BatchNorm from its running statistics), and asked to
decode two codes (its decoder's raw output: logits, or tanh values for AntixK's), to encode two images in [0, 1)
(μ and log σ²; element i of them is splitmix64(fnv1a64("images.<family>") + i) / 2^64, to 24 bits) and, where it has
one, to score the codes with its discriminator. Keys: "<family>.codes", ".decoded", ".mu", ".logvar",
".discriminator_logits".

--checkpoints DIR also writes, per family, the file its own code saves after one training step on random images:
1Konny's solvers' dicts (model_states, optim_states, iter) in torch.save's zip format and in the stream format of
PyTorch before 1.6 (which their 2018 checkpoints have), and a Lightning checkpoint of a LightningModule that holds the
AntixK model as `model`, as its VAEXperiment does (that class itself needs torchvision, absent here). Beside each,
<file>.outputs.npz holds what the trained model computes for the same codes and images (too large to commit; for
checks by hand: docs/interop.md).
"""
import argparse
import importlib
import importlib.util
import os
import sys
import types

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from original_fixture import uniform, value_of  # noqa: E402  (the weight recipe, shared with the seed fixture)

LATENT = 10


def load_file(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def antixk_models(root):
    """AntixK's model files without models/__init__.py (which imports every model, some needing torchvision)."""
    package = types.ModuleType("models")
    package.__path__ = [os.path.join(root, "models")]
    sys.modules["models"] = package
    package.BaseVAE = importlib.import_module("models.base").BaseVAE
    return (importlib.import_module("models.beta_vae").BetaVAE, importlib.import_module("models.fvae").FactorVAE,
            importlib.import_module("models.betatc_vae").BetaTCVAE)


def fill(module, seed_prefix):
    kinds = {name: isinstance(sub, torch.nn.modules.batchnorm._BatchNorm) for name, sub in module.named_modules()}
    state = module.state_dict()
    for name, tensor in state.items():
        state[name] = value_of(seed_prefix + name, tensor, "batchnorm" if kinds[name.rsplit(".", 1)[0]] else "other")
    module.load_state_dict(state, strict=True)


class Family:
    def __init__(self, name, channels, build, encode, decode, discriminator=None):
        self.name, self.channels, self.build = name, channels, build
        self.encode, self.decode, self.discriminator = encode, decode, discriminator


def families(refs):
    konny_f = load_file(os.path.join(refs, "1Konny+FactorVAE", "model.py"), "konny_factorvae_model")
    konny_b = load_file(os.path.join(refs, "1Konny+Beta-VAE", "model.py"), "konny_betavae_model")
    antixk_beta, antixk_factor, antixk_tc = antixk_models(os.path.join(refs, "AntixK+PyTorch-VAE"))

    def konny_f_encode(m, x):
        stats = m.encode(x)  # as its solver slices it: stats[:, :z_dim], stats[:, z_dim:]
        return stats[:, :LATENT].flatten(1), stats[:, LATENT:].flatten(1)

    def konny_b_encode(m, x):
        d = m._encode(x)
        return d[:, :LATENT], d[:, LATENT:]

    def antixk_encode(m, x):
        mu, log_var = m.encode(x)
        return mu, log_var

    out = []
    for cls, channels in (("FactorVAE1", 1), ("FactorVAE2", 3), ("FactorVAE3", 1)):
        out.append(Family("1konny-" + cls.lower(), channels,
                          lambda cls=cls: (getattr(konny_f, cls)(LATENT), konny_f.Discriminator(LATENT)),
                          konny_f_encode, lambda m, z: m.decode(z.view(z.size(0), -1, 1, 1)),
                          lambda d, z: d(z)))
    out.append(Family("1konny-betavae-h", 3, lambda: (konny_b.BetaVAE_H(LATENT, 3), None), konny_b_encode,
                      lambda m, z: m._decode(z)))
    out.append(Family("1konny-betavae-b", 1, lambda: (konny_b.BetaVAE_B(LATENT, 1), None), konny_b_encode,
                      lambda m, z: m._decode(z)))
    out.append(Family("antixk-betavae", 3, lambda: (antixk_beta(3, LATENT), None), antixk_encode,
                      lambda m, z: m.decode(z)))
    out.append(Family("antixk-factorvae", 3, lambda: (antixk_factor(3, LATENT), None), antixk_encode,
                      lambda m, z: m.decode(z), lambda m, z: m.discriminator(z)))
    out.append(Family("antixk-betatcvae", 3, lambda: (antixk_tc(3, LATENT), None), antixk_encode,
                      lambda m, z: m.decode(z)))
    return out


def fixture_images(name, channels):
    """Two images in [0, 1) that the tests rebuild: element i is splitmix64(fnv1a64("images." + name) + i) / 2^64."""
    shape = (2, channels, 64, 64)
    return ((uniform("images." + name, int(np.prod(shape))) + 1) / 2).reshape(shape).astype(np.float32)


def outputs(family, model, discriminator, codes, images):
    model.eval()
    if discriminator is not None:
        discriminator.eval()
    with torch.no_grad():
        decoded = family.decode(model, torch.from_numpy(codes)).numpy()
        mu, logvar = (t.numpy() for t in family.encode(model, torch.from_numpy(images)))
        result = {"codes": codes, "decoded": decoded, "mu": mu, "logvar": logvar}
        if family.discriminator is not None:
            result["discriminator_logits"] = family.discriminator(discriminator or model,
                                                                  torch.from_numpy(codes)).numpy()
    return result


def save_checkpoints(family, model, discriminator, folder, images):
    """One training step (the weights change, BatchNorm's statistics too), then the file its own code saves."""
    torch.manual_seed(0)
    model.train()
    optim = torch.optim.Adam(model.parameters(), lr=1e-4)
    x = torch.from_numpy(images)
    if family.name.startswith("antixk"):
        import lightning.pytorch as pl

        class Experiment(pl.LightningModule):  # VAEXperiment's layout: the model as `self.model`
            def __init__(self, vae):
                super().__init__()
                self.model = vae

            def training_step(self, batch, batch_idx):
                recons, _, mu, log_var = self.model(batch[0])[:4]
                return ((recons - batch[0]) ** 2).mean() - 0.5 * torch.mean(1 + log_var - mu ** 2 - log_var.exp())

            def configure_optimizers(self):
                return torch.optim.Adam(self.model.parameters(), lr=1e-4)

        data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x.repeat(2, 1, 1, 1)), batch_size=4)
        trainer = pl.Trainer(max_steps=1, logger=False, enable_checkpointing=False, enable_progress_bar=False,
                             enable_model_summary=False, accelerator="cpu")
        experiment = Experiment(model)
        trainer.fit(experiment, data)
        path = os.path.join(folder, family.name + ".ckpt")
        trainer.save_checkpoint(path)
        return [path]
    loss = family.decode(model, family.encode(model, x)[0]).pow(2).mean()
    optim.zero_grad()
    loss.backward()
    optim.step()
    if family.name.startswith("1konny-factorvae"):  # solver.py save_checkpoint
        optim_d = torch.optim.Adam(discriminator.parameters(), lr=1e-4, betas=(0.5, 0.9))
        d_loss = discriminator(torch.randn(4, LATENT)).pow(2).mean()
        optim_d.zero_grad()
        d_loss.backward()
        optim_d.step()
        states = {"iter": 1, "model_states": {"D": discriminator.state_dict(), "VAE": model.state_dict()},
                  "optim_states": {"optim_D": optim_d.state_dict(), "optim_VAE": optim.state_dict()}}
    else:  # 1Konny/Beta-VAE solver.py save_checkpoint
        states = {"iter": 1, "win_states": {"recon": None, "kld": None, "mu": None, "var": None},
                  "model_states": {"net": model.state_dict()}, "optim_states": {"optim": optim.state_dict()}}
    paths = [os.path.join(folder, family.name), os.path.join(folder, family.name + "-stream")]
    torch.save(states, paths[0])
    torch.save(states, paths[1], _use_new_zipfile_serialization=False)
    return paths


def write_reader_samples(folder):
    """Small torch.save files for the reader's test (tests/fixtures/torch_save): what training scripts save beside
    weights — an OrderedDict state dict, a Parameter, a half tensor, a view, an optimiser's state, integers of every
    width, texts, None, lists, tuples, sets, bytes, and objects of classes (argparse.Namespace, pathlib) — in the zip
    format with pickle protocols 2 and 4 and in the stream format."""
    import argparse as ap
    import collections
    import pathlib

    layer = torch.nn.Linear(4, 3)
    bn = torch.nn.BatchNorm1d(3)
    optimizer = torch.optim.Adam(layer.parameters())
    layer(torch.ones(2, 4)).sum().backward()
    optimizer.step()
    with torch.no_grad():
        layer.weight.copy_(torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8)
        layer.bias.copy_(torch.tensor([1.5, -2.0, 0.25]))
        bn.num_batches_tracked.fill_(7)
    state = collections.OrderedDict()
    for name, t in layer.state_dict().items():
        state["layer." + name] = t
    for name, t in bn.state_dict().items():
        state["bn." + name] = t
    obj = {"state_dict": state, "parameter": torch.nn.Parameter(torch.full((2,), 3.0)),
           "half": torch.tensor([1.0, 2.0], dtype=torch.half),
           "view": torch.arange(6, dtype=torch.double).reshape(2, 3)[:, 1], "optimizer": optimizer.state_dict(),
           "iter": 1500000, "negative": -3, "big": 1 << 40, "float": 0.5, "text": "hello", "none": None,
           "args": ap.Namespace(z_dim=10, name="run"), "path": pathlib.PurePosixPath("/tmp/x"),
           "list": [1, 2, "three"], "tuple": (1, 2.0), "set": {1, 2}, "bytes": b"xy"}
    os.makedirs(folder, exist_ok=True)
    torch.save(obj, os.path.join(folder, "zip-protocol2.pt"))
    torch.save(obj, os.path.join(folder, "zip-protocol4.pt"), pickle_protocol=4)
    torch.save(obj, os.path.join(folder, "stream.pt"), _use_new_zipfile_serialization=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("refs")
    parser.add_argument("out")
    parser.add_argument("--checkpoints")
    parser.add_argument("--reader-samples")
    args = parser.parse_args()
    if args.reader_samples:
        write_reader_samples(args.reader_samples)
    rng = np.random.default_rng(20261208)
    fixture = {}
    for family in families(args.refs):
        torch.manual_seed(0)
        model, discriminator = family.build()
        fill(model, family.name + ".")
        if discriminator is not None:
            fill(discriminator, family.name + ".D.")
        codes = (rng.standard_normal((2, LATENT)) * 1.5).astype(np.float32)
        images = fixture_images(family.name, family.channels)
        result = outputs(family, model, discriminator, codes, images)
        for key, value in result.items():
            fixture[family.name + "." + key] = value
        print(f"{family.name}: decoded {result['decoded'].shape} std {result['decoded'].std():.4f}, "
              f"mu std {result['mu'].std():.4f}")
        if args.checkpoints:
            os.makedirs(args.checkpoints, exist_ok=True)
            for path in save_checkpoints(family, model, discriminator, args.checkpoints, images):
                trained = outputs(family, model, discriminator, codes, images)
                np.savez(path + ".outputs.npz", **trained)
                print(f"  wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB)")
    np.savez_compressed(args.out, **fixture)
    print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e3:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
