"""FactorVAE Studio's files checked by the tools PyTorch users have: TensorBoard's EventAccumulator reads the training
log, torch.load opens the export (and a decoder rebuilt here in a few lines decodes as `factorvae decode` does),
Python's safetensors opens training checkpoints and the .safetensors export, NumPy and TensorBoard's projector read
`factorvae encode`'s files, and a real Lightning checkpoint of the original project imports and decodes the same.
Needs FACTORVAE_CLI."""
import csv
import json
import os
import struct
import zlib
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tools"))
FIXTURE = os.path.join(HERE, "..", "..", "fixtures", "original_seed_outputs.npz")

CLI = os.environ["FACTORVAE_CLI"]


def factorvae(*args, expect_ok=True):
    result = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "FACTORVAE_PYTHON": sys.executable})
    if expect_ok and result.returncode != 0:
        raise AssertionError(f"factorvae {' '.join(map(str, args))} failed:\n{result.stderr}")
    return result


def read_csv(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return rows[0], [[float(v) for v in row] for row in rows[1:]]


TAGS = {"epoch": "progress/epoch", "reconstruction": "loss/reconstruction", "kl": "loss/kl", "tc": "tc/estimate",
        "vae_loss": "loss/vae", "disc_loss": "discriminator/loss", "disc_accuracy": "discriminator/accuracy",
        "beta": "schedule/beta", "gamma": "schedule/gamma", "images_per_second": "speed/images_per_second"}


def tag_of(column):
    return TAGS.get(column) or "kl_per_dim/z" + column[len("kl_"):]


def parse_config(text):
    return dict(line.split("=", 1) for line in text.splitlines() if line)


def lean_decode(state, image_size, z):
    """The lean decoder from its tensors alone: dense layers, then resize-convolutions (nearest x2, 3x3)."""
    h = F.relu(F.linear(F.relu(F.linear(z, state["decoder.dense.0.weight"], state["decoder.dense.0.bias"])),
                        state["decoder.dense.2.weight"], state["decoder.dense.2.bias"]))
    convs = sorted({int(k.split(".")[2]) for k in state if k.startswith("decoder.upsampling.")})
    size = image_size >> len(convs)
    h = h.view(len(z), -1, size, size)
    for i, n in enumerate(convs):
        h = F.conv2d(F.interpolate(h, scale_factor=2, mode="nearest"), state[f"decoder.upsampling.{n}.conv.weight"],
                     state[f"decoder.upsampling.{n}.conv.bias"], padding=1)
        h = F.relu(h) if i + 1 < len(convs) else torch.sigmoid(h)
    return h


SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16", torch.bfloat16: "BF16",
                      torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8", torch.uint8: "U8",
                      torch.bool: "BOOL"}


def tensor_crc(tensor):
    """The checksum our metadata gives a tensor: CRC-32 of "DTYPE[d0,d1,...]" and then its little-endian bytes."""
    head = f"{SAFETENSORS_DTYPES[tensor.dtype]}[{','.join(str(d) for d in tensor.shape)}]".encode()
    data = tensor.contiguous().reshape(-1).view(torch.uint8).numpy().tobytes() if tensor.numel() else b""
    return zlib.crc32(data, zlib.crc32(head))


class safe_open_state:
    """The tensors and configuration of a checkpoint, read with safetensors."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        from safetensors import safe_open
        with safe_open(self.path, framework="pt") as f:
            return {n: f.get_tensor(n) for n in f.keys()}, parse_config(f.metadata()["config"])

    def __exit__(self, *exc):
        return False


class Interop(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        cls.run_dir = os.path.join(cls.dir, "run")
        common = ["--dataset", "shapes", "--size", "28", "--subset", "256", "--batch-size", "32", "--seed", "3",
                  "--gamma", "35", "--quiet", "--out", cls.run_dir]
        factorvae("train", *common, "--epochs", "2")
        factorvae("train", "--resume", os.path.join(cls.run_dir, "latest.fvae"), "--epochs", "3", "--quiet", "--out",
                  cls.run_dir)
        cls.checkpoint = os.path.join(cls.run_dir, "latest.fvae")
        cls.codes = os.path.join(cls.dir, "codes.npy")
        np.save(cls.codes, np.random.default_rng(7).standard_normal((6, 8)).astype(np.float32) * 1.5)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def decode_with_cli(self, checkpoint, name):
        out = os.path.join(self.dir, name)
        factorvae("decode", "--checkpoint", checkpoint, "--codes", self.codes, "--out", out)
        return np.load(out)

    def test_tensorboard_reads_the_training_log(self):
        from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
        from tensorboard.plugins.hparams import plugin_data_pb2

        files = [f for f in os.listdir(self.run_dir) if f.startswith("events.out.tfevents.")]
        self.assertEqual(len(files), 1, "a resumed run continues the same log")
        log = EventAccumulator(self.run_dir, size_guidance={"scalars": 0, "images": 0, "tensors": 0})
        log.Reload()
        header, rows = read_csv(os.path.join(self.run_dir, "losses.csv"))
        steps = [int(r[0]) for r in rows]
        self.assertEqual(steps, list(range(1, 25)))
        for c, column in enumerate(header[1:], start=1):
            events = log.Scalars(tag_of(column))
            self.assertEqual([e.step for e in events], steps, column)  # every step once, in order
            logged = np.array([e.value for e in events], dtype=np.float32)
            np.testing.assert_allclose(logged, np.array([r[c] for r in rows], dtype=np.float64).astype(np.float32),
                                       rtol=1.2e-7, atol=0, err_msg=column)
        self.assertEqual([i.step for i in log.Images("reconstructions")], [8, 16, 24])
        self.assertEqual([i.step for i in log.Images("traversal")], [16, 24])  # each session's end
        image = log.Images("reconstructions")[-1]
        self.assertEqual((image.width, image.height), ((8 * 29 + 1) * 2, (2 * 29 + 1) * 2))
        self.assertTrue(image.encoded_image_string.startswith(b"\x89PNG"))
        content = log.PluginTagToContent("hparams")["_hparams_/session_start_info"]
        hparams = plugin_data_pb2.HParamsPluginData.FromString(content).session_start_info.hparams
        self.assertEqual(hparams["model.latent_dim"].number_value, 8)
        self.assertEqual(hparams["train.gamma"].number_value, 35)
        self.assertEqual(hparams["train.batch_size"].number_value, 32)
        self.assertEqual(hparams["dataset"].string_value, "shapes")

    def test_pytorch_loads_the_export_and_decodes_alike(self):
        export = os.path.join(self.dir, "model.pt")
        factorvae("export", "--checkpoint", self.checkpoint, "--out", export)
        model = torch.load(export)  # weights_only: no code in the file
        state, config = model["state_dict"], model["config"]
        self.assertEqual(config["model.architecture"], "lean")
        self.assertEqual(len(model["latent_names"]), config["model.latent_dim"])
        self.assertFalse(any(k.startswith("discriminator.") for k in state))

        h = lean_decode(state, config["model.image_size"], torch.from_numpy(np.load(self.codes)))
        cli = self.decode_with_cli(self.checkpoint, "lean.npy")
        self.assertEqual(cli.shape, (6, 1, 28, 28))
        self.assertLess(np.abs(h.numpy() - cli).max(), 1e-5)

        # The weights-only checkpoint: a fraction of the full one, decoding exactly as it does.
        lean = os.path.join(self.dir, "weights.fvae")
        factorvae("export", "--checkpoint", self.checkpoint, "--out", lean)
        self.assertLess(os.path.getsize(lean) * 5, os.path.getsize(self.checkpoint))
        np.testing.assert_array_equal(self.decode_with_cli(lean, "weights.npy"), cli)
        refused = factorvae("train", "--resume", lean, "--epochs", "4", "--out", os.path.join(self.dir, "again"),
                            expect_ok=False)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("weights only", refused.stderr)

    def test_safetensors_opens_a_training_checkpoint(self):
        from safetensors import safe_open

        with safe_open(self.checkpoint, framework="pt") as f:
            metadata = f.metadata()
            tensors = {name: f.get_tensor(name) for name in f.keys()}
        self.assertEqual(metadata["format"], "FactorVAE Studio checkpoint 3")
        config = parse_config(metadata["config"])
        self.assertEqual(config["model.architecture"], "lean")
        self.assertEqual(config["progress.step"], "24")
        self.assertEqual(len(metadata["latent_names"].split("\n")), int(config["model.latent_dim"]))

        # The history: its columns named in the metadata, its values those of losses.csv.
        header, rows = read_csv(os.path.join(self.run_dir, "losses.csv"))
        self.assertEqual(metadata["history_columns"].split("\n"), header)
        history = tensors["history"].double().numpy()
        self.assertEqual(history.shape, (24, len(header)))
        np.testing.assert_allclose(history, np.array(rows), rtol=1e-6, atol=1e-7)

        # Every tensor and text has its CRC-32 in the metadata, computed here with zlib.
        sums = dict(line.split(" ") for line in metadata["checksums"].splitlines())
        self.assertEqual(set(sums), set(tensors) | (set(metadata) - {"checksums"}))
        for name, tensor in tensors.items():
            self.assertEqual(int(sums[name], 16), tensor_crc(tensor), name)
        for name, text in metadata.items():
            if name != "checksums":
                self.assertEqual(int(sums[name], 16), zlib.crc32(text.encode()), name)
        # A full checkpoint: the discriminator and both optimisers' state beside the encoder and decoder.
        for prefix in ("encoder.", "decoder.", "discriminator.", "vae_optimizer.", "disc_optimizer.", "state."):
            self.assertTrue(any(n.startswith(prefix) for n in tensors), prefix)

        # The decoder rebuilt in plain PyTorch from the file's tensors decodes as factorvae decode does.
        ours = lean_decode(tensors, int(config["model.image_size"]), torch.from_numpy(np.load(self.codes))).numpy()
        self.assertLess(np.abs(ours - self.decode_with_cli(self.checkpoint, "safe.npy")).max(), 1e-6)

    def test_export_writes_safetensors_for_load_file(self):
        from safetensors import safe_open
        from safetensors.torch import load_file

        export = os.path.join(self.dir, "model.safetensors")
        factorvae("export", "--checkpoint", self.checkpoint, "--out", export)
        state = load_file(export)
        self.assertFalse(any(k.startswith(("discriminator.", "vae_optimizer.", "state.")) for k in state))
        with safe_open(export, framework="pt") as f:
            config = parse_config(f.metadata()["config"])
        z = torch.from_numpy(np.load(self.codes))
        ours = lean_decode(state, int(config["model.image_size"]), z).numpy()
        self.assertLess(np.abs(ours - self.decode_with_cli(export, "export-st.npy")).max(), 1e-6)
        self.assertLess(np.abs(ours - self.decode_with_cli(self.checkpoint, "full.npy")).max(), 1e-6)

        # A safetensors file of another program (here: saved by safetensors itself) is refused, naming the file.
        from safetensors.torch import save_file
        foreign = os.path.join(self.dir, "foreign.safetensors")
        save_file({"weight": torch.zeros(3, 3)}, foreign)
        bad = factorvae("decode", "--checkpoint", foreign, "--codes", self.codes, "--out",
                        os.path.join(self.dir, "never.npy"), expect_ok=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("foreign.safetensors", bad.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "never.npy")))

    def test_encode_writes_numpy_and_projector_files(self):
        out = os.path.join(self.dir, "codes")
        said = factorvae("encode", "--checkpoint", self.checkpoint, "--dataset", "shapes", "--size", "28", "--images", "300",
                  "--seed", "2", "--projector-points", "150", "--out", out)
        mu, logvar = np.load(os.path.join(out, "mu.npy")), np.load(os.path.join(out, "logvar.npy"))
        indices, labels = np.load(os.path.join(out, "indices.npy")), np.load(os.path.join(out, "labels.npy"))
        # The model was trained on a seeded subset of 256 images, which encode takes as the dataset (and says so).
        self.assertEqual((mu.dtype, mu.shape, logvar.shape), (np.float32, (256, 8), (256, 8)))
        self.assertEqual((indices.dtype, indices.shape, labels.shape), (np.int64, (256,), (256, 5)))
        self.assertEqual(len(set(indices.tolist())), 256)
        self.assertIn("holds 256 images; encoding every one", said.stderr)
        self.assertGreater(indices.max(), 256)  # rows name their images in the whole dataset, not in the subset
        with open(os.path.join(out, "codes.csv"), newline="") as f:
            table = list(csv.DictReader(f))
        self.assertEqual([int(r["index"]) for r in table], indices.tolist())
        np.testing.assert_allclose([[float(r[f"mu_{d}"]) for d in range(8)] for r in table], mu, rtol=1e-6, atol=0)
        self.assertTrue(all(r["shape"] for r in table))  # the factors beside the codes, by name

        # The codes are the model's: decoding mu gives the reconstruction that factorvae decode gives for them.
        np.save(os.path.join(self.dir, "mu-codes.npy"), mu[:4])
        with safe_open_state(self.checkpoint) as (state, config):
            ours = lean_decode(state, int(config["model.image_size"]), torch.from_numpy(mu[:4])).numpy()
        cli = os.path.join(self.dir, "mu-decoded.npy")
        factorvae("decode", "--checkpoint", self.checkpoint, "--codes", os.path.join(self.dir, "mu-codes.npy"),
                  "--out", cli)
        self.assertLess(np.abs(ours - np.load(cli)).max(), 1e-6)

        # TensorBoard's projector plugin, through its own HTTP routes, serves the tensors, metadata and sprite.
        from tensorboard.backend import application
        from tensorboard.plugins import base_plugin
        from tensorboard.plugins.projector.projector_plugin import ProjectorPlugin
        from werkzeug.test import Client

        plugin = ProjectorPlugin(base_plugin.TBContext(logdir=os.path.join(out, "projector"), data_provider=None))
        apps = plugin.get_plugin_apps()

        def get(route, **query):
            response = Client(apps[route]).get(route, query_string=query)
            if response.status_code != 200:  # the body is binary for /tensor and /sprite_image: decoded only here
                self.fail(f"{route}: {response.status_code} {response.get_data()[:300]!r}")
            return response

        self.assertEqual(json.loads(get("/runs").get_data()), ["."])
        info = json.loads(get("/info", run=".").get_data())
        self.assertEqual(info["embeddings"][0]["tensorName"], "mu")
        self.assertEqual([int(d) for d in info["embeddings"][0]["tensorShape"]], [150, 8])
        self.assertEqual(info["embeddings"][0]["sprite"]["singleImageDim"], [28, 28])
        tensor = np.frombuffer(get("/tensor", run=".", name="mu").get_data(), dtype=np.float32).reshape(150, 8)
        np.testing.assert_allclose(tensor, mu[:150], rtol=1e-6, atol=0)
        metadata = get("/metadata", run=".", name="mu").get_data(as_text=True).splitlines()
        self.assertEqual(metadata[0].split("\t")[0], "index")
        self.assertEqual(len(metadata), 151)
        self.assertEqual([int(line.split("\t")[0]) for line in metadata[1:]], indices[:150].tolist())
        sprite = get("/sprite_image", run=".", name="mu").get_data()
        self.assertTrue(sprite.startswith(b"\x89PNG"))
        width, height = struct.unpack(">II", sprite[16:24])
        self.assertEqual((width, height), (13 * 28, 12 * 28))  # 150 images, 13 a row

    def test_the_rebuilt_original_model_computes_what_the_original_code_does(self):
        # original_model.py (which makes the Lightning checkpoints below) against the outputs of 3liFi/FactorVAE's own
        # vae.py, on the fixture's weights: the mirror is not trusted on its own.
        import original_fixture
        from original_model import Discriminator, VAE

        vae, discriminator = VAE(8), Discriminator(8)
        original_fixture.fill(vae, "vae.")
        original_fixture.fill(discriminator, "discriminator.")
        vae.eval()
        discriminator.eval()
        fixture = np.load(FIXTURE)
        with torch.no_grad():
            decoded = vae.decoder(torch.from_numpy(fixture["codes"])).numpy()
            mu, logvar = vae.encoder(torch.from_numpy(fixture["images"]))
            logits = discriminator(torch.from_numpy(fixture["codes"])).numpy()
        np.testing.assert_allclose(decoded, fixture["decoded"], atol=1e-5, rtol=0)
        np.testing.assert_allclose(mu.numpy(), fixture["mu"], atol=1e-5, rtol=0)
        np.testing.assert_allclose(logvar.numpy(), fixture["logvar"], atol=1e-5, rtol=0)
        np.testing.assert_allclose(logits, fixture["discriminator_logits"], atol=1e-5, rtol=0)

    def test_a_lightning_checkpoint_of_the_original_project_imports(self):
        import lightning
        from original_model import FactorVAE

        torch.manual_seed(0)
        original = FactorVAE(latent_dim=8)
        self.assertEqual(sum(p.numel() for p in original.parameters()), 47_525_587)
        trainer = lightning.Trainer(max_steps=2, accelerator="cpu", logger=False, enable_checkpointing=False,
                                    enable_progress_bar=False, enable_model_summary=False)
        data = torch.utils.data.TensorDataset(torch.rand(16, 1, 28, 28))
        trainer.fit(original, torch.utils.data.DataLoader(data, batch_size=8))
        ckpt = os.path.join(self.dir, "original.ckpt")
        trainer.save_checkpoint(ckpt)
        saved = torch.load(ckpt, weights_only=True)
        self.assertEqual(len(saved["state_dict"]), 74)
        self.assertEqual(len(saved["optimizer_states"]), 2)

        imported = os.path.join(self.dir, "imported.fvae")
        result = factorvae("import-seed", ckpt, "--out", imported)
        self.assertIn("seed 1x28x28, latent 8", result.stdout)
        original.eval()
        with torch.no_grad():
            expected = original.vae.decoder(torch.from_numpy(np.load(self.codes))).numpy()
        self.assertLess(np.abs(self.decode_with_cli(imported, "imported.npy") - expected).max(), 1e-5)
        evaluated = factorvae("evaluate", "--checkpoint", imported, "--dataset", "shapes", "--size", "28", "--subset",
                              "64")
        self.assertIn("reconstruction_bce_nats_per_image", evaluated.stdout)

        # Exported again, the original model class loads it strictly, gets its own tensors back and decodes as we do.
        export = os.path.join(self.dir, "seed.pt")
        factorvae("export", "--checkpoint", imported, "--out", export)
        state = torch.load(export)["state_dict"]
        reloaded = FactorVAE(latent_dim=8)
        reloaded.load_state_dict(state, strict=True)
        for name, tensor in saved["state_dict"].items():
            self.assertTrue(torch.equal(state[name], tensor), name)
        reloaded.eval()
        with torch.no_grad():
            again = reloaded.vae.decoder(torch.from_numpy(np.load(self.codes))).numpy()
        self.assertLess(np.abs(self.decode_with_cli(imported, "imported-again.npy") - again).max(), 1e-5)

        # Bad input: a truncated file and a checkpoint of another architecture, each named with its problem.
        truncated = os.path.join(self.dir, "truncated.ckpt")
        with open(ckpt, "rb") as f, open(truncated, "wb") as out:
            out.write(f.read(1_000_000))
        bad = factorvae("import-seed", truncated, "--out", os.path.join(self.dir, "bad.fvae"), expect_ok=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("truncated.ckpt", bad.stderr)
        other = os.path.join(self.dir, "other.ckpt")
        torch.save({"state_dict": {"vae.encoder.conv.0.weight": torch.zeros(64, 1, 4, 4)}}, other)
        bad = factorvae("import-seed", other, "--out", os.path.join(self.dir, "bad.fvae"), expect_ok=False)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("other.ckpt", bad.stderr)
        self.assertIn("missing", bad.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "bad.fvae")))


if __name__ == "__main__":
    unittest.main()
