#pragma once
// Datasets yield float images in [0, 1] as [N, C, H, W] on the CPU, with labels or ground-truth factors where known.

#include <torch/torch.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace fvae {

class GroundTruthSource;

// What users call the built-in dataset (--dataset shapes; the GUI opens it first): its name, written once.
inline const std::string kBuiltinDataset = "shapes";
// Whether the dataset a user names has ground-truth factors (the metrics and factor responses can run on it),
// before it is opened: what Dataset::ground_truth() says of it once open.
inline bool spec_has_ground_truth(const std::string& spec) { return spec == kBuiltinDataset; }

// Raised for unreadable or invalid dataset files; the message names the file and the problem.
class DatasetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImageShape {
  int64_t channels = 1, height = 28, width = 28;
};

// What the columns of a dataset's labels mean, for showing them to people.
struct LabelInfo {
  std::vector<std::string> columns;              // one name per label column ("class", a finding, a factor)
  std::vector<std::vector<std::string>> values;  // [column][value]: names of the values; empty: the number is the name
  bool multi_label = false;                      // each column is a 0/1 flag (findings an image may have several of)
};

// Names of the labels of well-known datasets, guessed from the file name and the label shape: Fashion-MNIST's classes,
// ChestMNIST's 14 findings; otherwise "class" with numbered values, and flags when there are several 0/1 columns.
LabelInfo guess_label_info(const std::string& source_name, const torch::Tensor& labels);

class Dataset {
 public:
  virtual ~Dataset() = default;
  virtual int64_t size() const = 0;
  virtual ImageShape shape() const = 0;
  // Float images [n, C, H, W] in [0, 1] for int64 `indices` (any order, repeats allowed).
  virtual torch::Tensor images(const torch::Tensor& indices) const = 0;
  // Int64 labels [n, K] (classes, multi-label flags or ground-truth factor indices), or an undefined tensor.
  virtual torch::Tensor labels(const torch::Tensor& /*indices*/) const { return {}; }
  virtual std::string kind() const = 0;         // "shapes", "npz", "idx", "folder"
  virtual std::string description() const = 0;  // one line for humans and checkpoints
  // Files that could not be read and were left out ("path: reason"): a folder of 10,000 photos with one broken JPEG
  // still opens, and the user is told which file is missing.
  virtual std::vector<std::string> skipped_files() const { return {}; }
  virtual LabelInfo label_info() const { return {}; }  // empty columns when there are no labels
  // The indices of these images in the file or folder they come from (a subset's rows name its parent's images).
  virtual torch::Tensor source_indices(const torch::Tensor& indices) const { return indices; }
  // The known factors of variation its images are rendered from (the built-in shapes: the disentanglement metrics
  // can run on it), or null: class labels are no factors. Whether a dataset has ground truth is decided here only.
  virtual const GroundTruthSource* ground_truth() const { return nullptr; }

  torch::Tensor image(int64_t index) const;  // [C, H, W]
};

// The built-in dataset with ground truth, every combination at `image_size`: what a model is measured on where its
// own data has none to compare against (the GUI's Metrics and Responses tabs).
std::shared_ptr<const Dataset> ground_truth_dataset(int64_t image_size);

// Images held in memory as uint8 [N, C, H, W]: a quarter of the memory of floats, converted per batch.
class TensorDataset : public Dataset {
 public:
  TensorDataset(torch::Tensor images_u8, torch::Tensor labels, std::string kind, std::string description,
                std::vector<std::string> skipped_files = {}, LabelInfo label_info = {});
  int64_t size() const override { return images_.size(0); }
  ImageShape shape() const override;
  torch::Tensor images(const torch::Tensor& indices) const override;
  torch::Tensor labels(const torch::Tensor& indices) const override;
  std::string kind() const override { return kind_; }
  std::string description() const override { return description_; }
  std::vector<std::string> skipped_files() const override { return skipped_; }
  LabelInfo label_info() const override { return label_info_; }

 private:
  torch::Tensor images_, labels_;
  std::string kind_, description_;
  std::vector<std::string> skipped_;
  LabelInfo label_info_;
};

// Converts uint8 images [N, C, H, W] to `channels` (1: luminance, 3: replicated grey) and `size`×`size` pixels
// (area averaging when shrinking, bilinear when enlarging). Works in chunks to bound memory.
torch::Tensor conform_images(const torch::Tensor& images_u8, int64_t channels, int64_t size);

// Deterministic split of the first-party sample indices, for datasets that come without one.
torch::Tensor split_indices(int64_t count, const std::string& split);  // "train" 90 %, "val" 5 %, "test" 5 %, "all"

// At most `count` indices drawn without replacement from [0, size), seeded; all of them when count >= size.
torch::Tensor subset_indices(int64_t size, int64_t count, uint64_t seed);

// A view of a parent dataset through an index table.
class SubsetDataset : public Dataset {
 public:
  SubsetDataset(std::shared_ptr<const Dataset> parent, torch::Tensor indices, std::string description_suffix);
  int64_t size() const override { return indices_.size(0); }
  ImageShape shape() const override { return parent_->shape(); }
  torch::Tensor images(const torch::Tensor& indices) const override;
  torch::Tensor labels(const torch::Tensor& indices) const override;
  std::string kind() const override { return parent_->kind(); }
  std::string description() const override;
  std::vector<std::string> skipped_files() const override { return parent_->skipped_files(); }
  LabelInfo label_info() const override { return parent_->label_info(); }
  torch::Tensor source_indices(const torch::Tensor& indices) const override;
  const GroundTruthSource* ground_truth() const override { return parent_->ground_truth(); }

 private:
  std::shared_ptr<const Dataset> parent_;
  torch::Tensor indices_;
  std::string suffix_;
};

}  // namespace fvae
