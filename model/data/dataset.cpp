#include "model/data/dataset.h"

#include <cctype>

namespace fvae {

torch::Tensor Dataset::image(int64_t index) const { return images(torch::tensor({index}, torch::kLong))[0]; }

TensorDataset::TensorDataset(torch::Tensor images_u8, torch::Tensor labels, std::string kind, std::string description,
                             std::vector<std::string> skipped_files, LabelInfo label_info)
    : images_(std::move(images_u8)),
      labels_(std::move(labels)),
      kind_(std::move(kind)),
      description_(std::move(description)),
      skipped_(std::move(skipped_files)),
      label_info_(std::move(label_info)) {
  TORCH_CHECK(images_.dim() == 4 && images_.scalar_type() == torch::kUInt8, "TensorDataset wants uint8 [N, C, H, W]");
  if (images_.size(0) == 0) throw DatasetError(description_ + ": the dataset holds no images");
  images_ = images_.contiguous();
  if (labels_.defined()) {
    if (labels_.dim() == 1) labels_ = labels_.unsqueeze(1);
    labels_ = labels_.to(torch::kLong).contiguous();
    TORCH_CHECK(labels_.size(0) == images_.size(0), "labels and images differ in count");
    if (label_info_.columns.empty()) label_info_ = guess_label_info(description_, labels_);
  }
}

LabelInfo guess_label_info(const std::string& source_name, const torch::Tensor& labels) {
  LabelInfo info;
  if (!labels.defined() || labels.numel() == 0) return info;
  auto lower = source_name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto two_d = labels.dim() == 1 ? labels.unsqueeze(1) : labels;
  const int64_t columns = two_d.size(1);
  const bool flags = columns > 1 && two_d.min().item<int64_t>() >= 0 && two_d.max().item<int64_t>() <= 1;
  if (flags) {
    info.multi_label = true;
    // MedMNIST's ChestMNIST: the 14 findings of NIH ChestX-ray14, in the order of its label columns.
    static const std::vector<std::string> chest = {
        "atelectasis", "cardiomegaly", "effusion",           "infiltration",  "mass",
        "nodule",      "pneumonia",    "pneumothorax",       "consolidation", "edema",
        "emphysema",   "fibrosis",     "pleural thickening", "hernia"};
    for (int64_t k = 0; k < columns; ++k)
      info.columns.push_back(columns == 14 && lower.find("chest") != std::string::npos ? chest[k]
                                                                                       : "label " + std::to_string(k));
    info.values.assign(static_cast<size_t>(columns), {});
    return info;
  }
  for (int64_t k = 0; k < columns; ++k) info.columns.push_back(columns == 1 ? "class" : "label " + std::to_string(k));
  info.values.assign(static_cast<size_t>(columns), {});
  const int64_t classes = two_d.select(1, 0).max().item<int64_t>() + 1;
  if (columns == 1 && classes <= 10 && lower.find("fashion") != std::string::npos)
    info.values[0] = {"T-shirt/top", "trouser", "pullover", "dress", "coat",
                      "sandal",      "shirt",   "sneaker",  "bag",   "ankle boot"};
  return info;
}

ImageShape TensorDataset::shape() const { return {images_.size(1), images_.size(2), images_.size(3)}; }

torch::Tensor TensorDataset::images(const torch::Tensor& indices) const {
  return images_.index_select(0, indices).to(torch::kFloat).div_(255.0);
}

torch::Tensor TensorDataset::labels(const torch::Tensor& indices) const {
  return labels_.defined() ? labels_.index_select(0, indices) : torch::Tensor();
}

torch::Tensor conform_images(const torch::Tensor& images_u8, int64_t channels, int64_t size) {
  TORCH_CHECK(images_u8.dim() == 4, "conform_images wants [N, C, H, W]");
  const int64_t n = images_u8.size(0), c = images_u8.size(1);
  if (c == channels && images_u8.size(2) == size && images_u8.size(3) == size) return images_u8;
  auto out = torch::empty({n, channels, size, size}, torch::kUInt8);
  constexpr int64_t chunk = 4096;
  for (int64_t start = 0; start < n; start += chunk) {
    auto x = images_u8.narrow(0, start, std::min(chunk, n - start)).to(torch::kFloat);
    if (c == 3 && channels == 1) {
      auto w = torch::tensor({0.299f, 0.587f, 0.114f}).view({1, 3, 1, 1});
      x = (x * w).sum(1, true);
    } else if (c == 1 && channels == 3) {
      x = x.expand({x.size(0), 3, x.size(2), x.size(3)});
    } else if (c != channels) {
      throw DatasetError("cannot convert images with " + std::to_string(c) + " channels to " +
                         std::to_string(channels));
    }
    if (x.size(2) != size || x.size(3) != size) {
      namespace F = torch::nn::functional;
      const bool shrinking = x.size(2) >= size && x.size(3) >= size;
      auto options = F::InterpolateFuncOptions().size(std::vector<int64_t>{size, size});
      if (shrinking)
        options.mode(torch::kArea);
      else
        options.mode(torch::kBilinear).align_corners(false);
      x = F::interpolate(x, options);
    }
    out.narrow(0, start, x.size(0)).copy_(x.round().clamp(0, 255).to(torch::kUInt8));
  }
  return out;
}

torch::Tensor split_indices(int64_t count, const std::string& split) {
  if (split == "all") return torch::arange(count, torch::kLong);
  int lo = 0, hi = 0;  // bucket range out of 20
  if (split == "train") {
    lo = 0, hi = 18;
  } else if (split == "val") {
    lo = 18, hi = 19;
  } else if (split == "test") {
    lo = 19, hi = 20;
  } else {
    throw DatasetError("unknown split '" + split + "' (choose train, val, test or all)");
  }
  std::vector<int64_t> picked;
  picked.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    // A fixed integer hash (splitmix64 finaliser) so that splits never change between versions or machines.
    uint64_t x = static_cast<uint64_t>(i) + 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    const int bucket = static_cast<int>(x % 20);
    if (bucket >= lo && bucket < hi) picked.push_back(i);
  }
  return torch::tensor(picked, torch::kLong);
}

torch::Tensor subset_indices(int64_t size, int64_t count, uint64_t seed) {
  if (count <= 0 || count >= size) return torch::arange(size, torch::kLong);
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  return std::get<0>(torch::randperm(size, gen, torch::kLong).narrow(0, 0, count).sort());
}

SubsetDataset::SubsetDataset(std::shared_ptr<const Dataset> parent, torch::Tensor indices, std::string suffix)
    : parent_(std::move(parent)), indices_(std::move(indices)), suffix_(std::move(suffix)) {
  if (indices_.numel() == 0) throw DatasetError(parent_->description() + ": the " + suffix_ + " holds no images");
}

torch::Tensor SubsetDataset::images(const torch::Tensor& indices) const {
  return parent_->images(indices_.index_select(0, indices));
}

torch::Tensor SubsetDataset::labels(const torch::Tensor& indices) const {
  return parent_->labels(indices_.index_select(0, indices));
}

torch::Tensor SubsetDataset::source_indices(const torch::Tensor& indices) const {
  return parent_->source_indices(indices_.index_select(0, indices));
}

std::string SubsetDataset::description() const { return parent_->description() + ", " + suffix_; }

}  // namespace fvae
