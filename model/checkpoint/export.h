#pragma once
// Moving trained models between FactorVAE Studio and PyTorch: a PyTorch file that Python's torch.load opens (a dict of
// tensors and plain values, no code), and the original Python project's parameters turned into a checkpoint.

#include <torch/torch.h>

#include <map>
#include <string>

#include "model/checkpoint/checkpoint.h"

namespace fvae {

// The original project's state_dict name of a tensor of this project's seed architecture
// ("encoder.mu_head.0.weight" → "vae.encoder.fc_mu.0.weight"), and back; empty for a name that has no counterpart.
std::string seed_name_to_original(const std::string& ours);
std::string seed_name_from_original(const std::string& original);

// The encoder's and decoder's weights as a state dict: this project's module names for the lean architecture, the
// original project's for the seed one (with the discriminator too, so that its LightningModule loads them strictly).
std::map<std::string, torch::Tensor> export_state_dict(const Checkpoint& checkpoint);

// Writes `path` in torch.save's zip format: {"format", "state_dict", "config" (model.*, train.*, dataset.* as numbers
// and text), "latent_names", "decoder_output"}. Atomic; CheckpointError names the file on failure.
void export_pytorch(const std::string& path, const Checkpoint& checkpoint);

// A checkpoint of the seed architecture from the original project's state_dict (tensors by its names); the model
// configuration (latent dimensions, image size, channels) is read from the shapes. `source` names the file in
// errors: a missing tensor, a wrong shape or dtype, or tensors of another architecture.
Checkpoint checkpoint_from_original(const std::map<std::string, torch::Tensor>& state, const std::string& source);

}  // namespace fvae
