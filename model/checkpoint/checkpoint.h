#pragma once
// FactorVAE Studio checkpoints: weights, optimiser states, the full configuration, training progress, loss history
// and latent names in one file. Loading needs no prior knowledge of the configuration; saving is atomic. Written in
// format 3 (safetensors_file.h: Python's safetensors opens it); formats 1 (LibTorch archives, read by our own reader)
// and 2 (record_file.h) still load. No file reaches LibTorch's deserialiser.

#include <torch/torch.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/base/config.h"
#include "model/checkpoint/record_file.h"
#include "model/nn/networks.h"
#include "model/training/trainer.h"

namespace fvae {

// Raised for unreadable, damaged or mismatching checkpoints; the message names the file and the problem.
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DatasetInfo {
  std::string spec;  // what --dataset was: "shapes" or a path
  std::string split = "train";
  std::string description;  // human-readable
  int64_t subset = 0;       // > 0: a seeded subset of this many images was used
};

struct Checkpoint {
  ModelConfig model;
  TrainConfig train;
  DatasetInfo dataset;
  std::vector<std::string> latent_names;  // one per latent dimension; empty strings when unnamed
  int64_t epoch = 0, step = 0;
  std::vector<StepReport> history;
  std::shared_ptr<Networks> networks;  // on the CPU, in eval mode

  // False for a weights-only file: the discriminator is then freshly initialised and cannot be trained on.
  bool has_discriminator = true;
  // Present when the file holds the training state (optimisers, generators, sample order).
  bool has_training_state = false;
  std::shared_ptr<const Records> records;  // everything the file held, for resuming and rewriting
  // Read from another program's file (reference_import.h), and which code made the model.
  bool foreign = false;
  std::string origin = "FactorVAE Studio";

  std::string latent_name(int64_t dim) const;  // the given name or "z<dim>"
};

// Writes atomically: a temporary file beside `path`, then rename. On failure the old file at `path` is untouched.
void save_checkpoint(const std::string& path, Trainer& trainer, const DatasetInfo& dataset,
                     const std::vector<std::string>& latent_names);
// Rewrites a loaded checkpoint (e.g. with renamed latent dimensions), keeping its training state when it has one.
void save_checkpoint(const std::string& path, const Checkpoint& checkpoint);

// Writes the encoder, decoder, configuration, names and the last step's losses only: a file to share a trained model (a
// fraction of a full checkpoint, which also carries the discriminator and both optimisers). It opens everywhere a
// checkpoint does, except for resuming training.
void save_weights_only(const std::string& path, const Checkpoint& checkpoint);

// Opens this project's checkpoints of every format, and models trained elsewhere (reference_import.h: the files of
// the reference implementations and of the original project, recognised by their tensors; `family` names one where
// the tensors alone do not decide). Nothing is written.
Checkpoint load_checkpoint(const std::string& path, const std::string& family = {});

// The records of a checkpoint file of any format as stored, and records written as a format-3 file (atomically): for
// tools and tests that change what a file holds. Errors name the file.
Records read_checkpoint_records(const std::string& path);
void write_checkpoint_records(const std::string& path, const Records& records);

// Moves the training state of `checkpoint` into `trainer` (weights, optimisers, generators, progress, history).
// Throws CheckpointError when the trainer's model configuration differs from the checkpoint's.
void restore_training_state(const Checkpoint& checkpoint, Trainer& trainer, const std::string& path);

}  // namespace fvae
