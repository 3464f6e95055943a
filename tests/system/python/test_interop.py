"""FactorVAE Studio's files checked by the tools PyTorch users have: TensorBoard's EventAccumulator reads the training
log, torch.load opens the export (and a decoder rebuilt here in a few lines decodes as `factorvae decode` does), and
a real Lightning checkpoint of the original project imports and decodes the same. Needs FACTORVAE_CLI."""
import csv
import os
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

        # The lean decoder from the stored configuration: dense layers, then resize-convolutions (nearest ×2, 3×3).
        z = torch.from_numpy(np.load(self.codes))
        h = F.relu(F.linear(F.relu(F.linear(z, state["decoder.dense.0.weight"], state["decoder.dense.0.bias"])),
                            state["decoder.dense.2.weight"], state["decoder.dense.2.bias"]))
        convs = sorted({int(k.split(".")[2]) for k in state if k.startswith("decoder.upsampling.")})
        size = config["model.image_size"] >> len(convs)
        h = h.view(len(z), -1, size, size)
        for i, n in enumerate(convs):
            h = F.conv2d(F.interpolate(h, scale_factor=2, mode="nearest"), state[f"decoder.upsampling.{n}.conv.weight"],
                         state[f"decoder.upsampling.{n}.conv.bias"], padding=1)
            h = F.relu(h) if i + 1 < len(convs) else torch.sigmoid(h)
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
