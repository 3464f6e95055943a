#!/usr/bin/env python3
"""Converts a checkpoint of the original FactorVAE project (a PyTorch Lightning .ckpt, or a file holding its
state_dict) into an .npz of that state_dict, which `factorvae import-seed` turns into a FactorVAE Studio checkpoint.

Usage: seed_checkpoint_to_npz.py IN.ckpt OUT.npz [--allow-pickle]

Needs Python with torch and numpy. The file is read with torch.load(weights_only=True), which runs no code from it;
--allow-pickle lifts that (only for a file from a source you trust)."""
import sys


def main(argv):
    args = [a for a in argv[1:] if a != "--allow-pickle"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = args
    try:
        import numpy as np
        import torch
    except ImportError as e:
        print(f"{source}: converting needs Python with torch and numpy ({e})", file=sys.stderr)
        return 3
    try:
        checkpoint = torch.load(source, map_location="cpu", weights_only="--allow-pickle" not in argv)
    except Exception as e:  # torch raises many types for damaged or foreign files
        print(f"{source}: cannot be read as a PyTorch checkpoint ({str(e).splitlines()[0]})", file=sys.stderr)
        return 1
    state = checkpoint.get("state_dict", checkpoint) if isinstance(checkpoint, dict) else None
    if not isinstance(state, dict) or not state or not all(torch.is_tensor(v) for v in state.values()):
        print(f"{source}: holds no state_dict of tensors", file=sys.stderr)
        return 1
    arrays = {name: tensor.detach().cpu().numpy() for name, tensor in state.items()}
    with open(target, "wb") as out:
        np.savez(out, **arrays)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
