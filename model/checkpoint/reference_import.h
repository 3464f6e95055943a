#pragma once
// Models trained by the field's reference implementations (1Konny/FactorVAE, 1Konny/Beta-VAE, AntixK/PyTorch-VAE),
// opened from the files their code saves: the solver's checkpoint dict, a Lightning checkpoint or a bare state dict,
// read by torch_file.h without running code from them. The family is recognised from the tensor names and shapes; the
// weights go into this project's copy of the family's layers (model/nn/reference_networks.h) unchanged.

#include <map>
#include <string>
#include <vector>

#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/torch_file.h"

namespace fvae {

// The names `--family` accepts: "seed" (the original project, 3liFi/FactorVAE), each architecture's name
// ("1konny-factorvae1", "antixk-betatcvae", …) and the repositories' groups ("1konny-factorvae", "1konny-betavae",
// "antixk").
std::vector<std::string> reference_family_names();

// Whether `bytes` are a torch.save file rather than one of this project's formats (LibTorch module archives included).
bool is_foreign_torch_file(const std::string& bytes);

// A checkpoint of the family whose layers the file's tensors fit, exactly: every tensor of its encoder and decoder
// (and of its discriminator where the file has one) present with its shape, finite, and no tensor left over beside
// them. `family` empty: every family is tried. Throws CheckpointError naming `source`, the families tried and, for
// the family that came closest, the first tensor that did not fit.
Checkpoint checkpoint_from_reference(const TorchFile& file, const std::string& source, const std::string& family = {});

// A model from a torch.save file (`bytes`, read from `path`): the reference families, and the original project's
// Lightning checkpoints (its "seed" layers, export.h). Throws CheckpointError naming the file.
Checkpoint import_model_file(const std::string& path, const std::string& bytes, const std::string& family = {});

// The model's tensors under the names its own code gives them: what the original class loads strictly
// (1Konny's FactorVAE: the VAE; its discriminator, a class of its own, in `discriminator`).
struct ReferenceStateDicts {
  std::map<std::string, torch::Tensor> model, discriminator;
};
ReferenceStateDicts reference_state_dicts(const Checkpoint& checkpoint);

}  // namespace fvae
