#include "model/io/dataset_loader.h"

#include <cctype>

#include <filesystem>

#include "model/data/shapes.h"
#include "model/io/readers.h"

namespace fvae {

namespace fs = std::filesystem;

namespace {

std::string find_idx(const fs::path& folder, const std::string& stem) {
  for (const char* suffix : {".gz", ""}) {
    auto candidate = folder / (stem + suffix);
    if (fs::exists(candidate)) return candidate.string();
  }
  return {};
}

std::string labels_path_for(const std::string& images_path) {
  std::string p = images_path;
  const auto at = p.find("images-idx3");
  if (at == std::string::npos) return {};
  p.replace(at, 11, "labels-idx1");
  return fs::exists(p) ? p : std::string();
}

std::string shape_text(const torch::Tensor& images) {
  return std::to_string(images.size(0)) + " images, " + std::to_string(images.size(1)) + "x" +
         std::to_string(images.size(2)) + "x" + std::to_string(images.size(3));
}

}  // namespace

int64_t supported_size_for(int64_t native) {
  if (native <= 28) return 28;
  if (native <= 32) return 32;
  return 64;
}

std::string installed_fashion_mnist() {
  const std::string folder = "/usr/share/datasets/fashion-mnist";
  return find_idx(folder, "train-images-idx3-ubyte").empty() ? std::string() : folder;
}

std::shared_ptr<const Dataset> open_dataset(const DatasetRequest& request) {
  std::shared_ptr<const Dataset> data;
  const std::string& spec = request.spec;
  if (spec == kBuiltinDataset) {
    if (request.channels == 3) throw DatasetError("shapes: the built-in dataset is greyscale (1 channel)");
    data = std::make_shared<ShapesDataset>(request.size ? request.size : 64, request.split);
  } else {
    std::error_code ec;
    if (!fs::exists(spec, ec)) throw DatasetError(spec + ": no such file or folder");
    RawImages raw;
    std::string kind, what;
    if (fs::is_directory(spec, ec)) {
      const std::string stem = request.split == "test" ? "t10k-images-idx3-ubyte" : "train-images-idx3-ubyte";
      const std::string idx = find_idx(spec, stem);
      if (!idx.empty()) {
        if (request.split != "train" && request.split != "test")
          throw DatasetError(spec + ": IDX datasets have train and test splits only");
        raw.images = read_idx(idx);
        if (auto labels = labels_path_for(idx); !labels.empty()) raw.labels = read_idx(labels);
        kind = "idx", what = "IDX " + idx;
      } else {
        const int64_t channels = request.channels ? request.channels : 1;
        raw = read_image_folder(spec, channels, request.size ? request.size : 64);
        kind = "folder", what = "image folder " + spec;
      }
    } else if (fs::path(spec).extension() == ".npz") {
      raw = read_medmnist_npz(spec, request.split);
      kind = "npz", what = "MedMNIST " + fs::path(spec).filename().string() + " (" + request.split + ")";
    } else {
      // One picture is no dataset: say what to open instead of "not an IDX file".
      std::string extension = fs::path(spec).extension().string();
      for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const char* picture : {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".pgm", ".ppm", ".tif", ".tiff", ".webp"})
        if (extension == picture)
          throw DatasetError(spec +
                             ": a single image is not a dataset; open the folder that holds your images "
                             "(File → Open image folder…, or that folder as --dataset). To reconstruct this "
                             "one image, load it in the Reconstruction tab");
      raw.images = read_idx(spec);
      if (raw.images.dim() != 4) throw DatasetError(spec + ": holds labels, not images (IDX rank 1)");
      if (auto labels = labels_path_for(spec); !labels.empty()) raw.labels = read_idx(labels);
      kind = "idx", what = "IDX " + spec;
    }
    if (raw.labels.defined() && raw.labels.size(0) != raw.images.size(0))
      throw DatasetError(spec + ": " + std::to_string(raw.labels.size(0)) + " labels for " +
                         std::to_string(raw.images.size(0)) + " images");
    const int64_t size =
        request.size ? request.size : supported_size_for(std::max(raw.images.size(2), raw.images.size(3)));
    const int64_t channels = request.channels ? request.channels : raw.images.size(1);
    auto images = conform_images(raw.images, channels, size);
    if (!raw.skipped_files.empty())
      what += ", " + std::to_string(raw.skipped_files.size()) + " unreadable files skipped";
    data = std::make_shared<TensorDataset>(images, raw.labels, kind, what + ", " + shape_text(images),
                                           std::move(raw.skipped_files), std::move(raw.label_info));
    if (kind == "folder" && request.split != "all")
      data =
          std::make_shared<SubsetDataset>(data, split_indices(data->size(), request.split), request.split + " split");
  }
  if (request.subset > 0 && request.subset < data->size())
    data = std::make_shared<SubsetDataset>(data, subset_indices(data->size(), request.subset, request.subset_seed),
                                           "subset of " + std::to_string(request.subset));
  return data;
}

}  // namespace fvae
