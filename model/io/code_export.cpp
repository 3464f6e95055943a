#include "model/io/code_export.h"

#include <cmath>
#include <filesystem>

#include "model/base/atomic_file.h"
#include "model/base/csv.h"
#include "model/base/numbers.h"
#include "model/io/image_files.h"
#include "model/io/npy.h"
#include "model/nn/activity.h"

namespace fvae {

namespace {

constexpr int64_t kRowsPerChunk = 4096;   // text files are streamed to the disk in pieces of this many rows
constexpr int64_t kMaxSpriteSide = 8192;  // the projector's limit for the sprite image

void write_or_explain(const std::string& path, const std::function<void(const ChunkWriter&)>& produce) {
  try {
    write_file_atomically(path, produce);
  } catch (const FileWriteError& e) {
    throw ExportError(e.what());
  }
}

void write_npy(const std::string& path, const torch::Tensor& array) {
  const auto bytes = make_npy(array.contiguous());
  write_or_explain(path, [&](const ChunkWriter& write) { write(bytes.data(), bytes.size()); });
}

// A label's text: its value's name where the dataset has names, else the number.
std::string label_text(const LabelInfo& info, size_t column, int64_t value) {
  if (column < info.values.size() && value >= 0 && static_cast<size_t>(value) < info.values[column].size())
    return info.values[column][static_cast<size_t>(value)];
  return std::to_string(value);
}

// TSV fields cannot hold tabs or line breaks.
std::string tsv_field(std::string text) {
  for (char& c : text)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return text;
}

std::vector<std::string> label_columns(const Dataset& data, const torch::Tensor& labels) {
  std::vector<std::string> names = data.label_info().columns;
  const int64_t k = labels.defined() ? labels.size(1) : 0;
  names.resize(static_cast<size_t>(k));
  for (int64_t c = 0; c < k; ++c)
    if (names[static_cast<size_t>(c)].empty()) names[static_cast<size_t>(c)] = "label_" + std::to_string(c);
  return names;
}

}  // namespace

std::vector<std::string> write_code_export(const std::string& folder, const CodeExport& codes, const Dataset& data,
                                           const CodeExportOptions& options) {
  namespace fs = std::filesystem;
  const auto mu = codes.mu.to(torch::kCPU, torch::kFloat).contiguous();
  const auto logvar = codes.logvar.to(torch::kCPU, torch::kFloat).contiguous();
  const auto indices = codes.indices.to(torch::kCPU, torch::kLong).contiguous();
  const int64_t n = mu.size(0), dims = mu.dim() == 2 ? mu.size(1) : 0;
  if (mu.dim() != 2 || logvar.sizes() != mu.sizes() || indices.dim() != 1 || indices.size(0) != n)
    throw ExportError("the codes to export have mismatching shapes");
  std::error_code ec;
  fs::create_directories(fs::path(folder) / "projector", ec);
  if (ec) throw ExportError(folder + ": cannot create the folder (" + ec.message() + ")");
  const auto at = [&](const std::string& name) { return (fs::path(folder) / name).string(); };
  std::vector<std::string> written;

  const torch::Tensor labels = n > 0 ? data.labels(indices) : torch::Tensor();
  const LabelInfo info = data.label_info();
  const std::vector<std::string> label_names = label_columns(data, labels);
  const int64_t k = static_cast<int64_t>(label_names.size());

  write_npy(at("mu.npy"), mu);
  write_npy(at("logvar.npy"), logvar);
  // Rows name their images in the dataset's file or folder, also when a subset of it was opened.
  const auto sources = n > 0 ? data.source_indices(indices).contiguous() : indices;
  write_npy(at("indices.npy"), sources);
  written.insert(written.end(), {at("mu.npy"), at("logvar.npy"), at("indices.npy")});
  if (k > 0) {
    write_npy(at("labels.npy"), labels.to(torch::kLong));
    written.push_back(at("labels.npy"));
  }

  const auto m = mu.accessor<float, 2>();
  const auto lv = logvar.accessor<float, 2>();
  const auto index = sources.accessor<int64_t, 1>();
  const auto label = k > 0 ? labels.to(torch::kLong).contiguous() : torch::zeros({n, 0}, torch::kLong);
  const auto l = label.accessor<int64_t, 2>();
  std::vector<std::string> header = {"index"};
  header.insert(header.end(), label_names.begin(), label_names.end());
  for (const char* part : {"mu_", "logvar_"})
    for (int64_t d = 0; d < dims; ++d) header.push_back(part + std::to_string(d));
  write_or_explain(at("codes.csv"), [&](const ChunkWriter& write) {
    std::string chunk = csv_row(header);
    std::vector<std::string> fields;
    for (int64_t i = 0; i < n; ++i) {
      fields.assign({std::to_string(index[i])});
      for (int64_t c = 0; c < k; ++c) fields.push_back(label_text(info, static_cast<size_t>(c), l[i][c]));
      for (int64_t d = 0; d < dims; ++d) fields.push_back(format_number(m[i][d]));
      for (int64_t d = 0; d < dims; ++d) fields.push_back(format_number(lv[i][d]));
      chunk += csv_row(fields);
      if ((i + 1) % kRowsPerChunk == 0) write(chunk.data(), chunk.size()), chunk.clear();
    }
    write(chunk.data(), chunk.size());
  });
  written.push_back(at("codes.csv"));

  // Per dimension: its name, the mean KL to the prior over these images, and whether it is active.
  CsvTable dimensions({"dimension", "name", "mean_kl_nats", "active"});
  const auto mu64 = mu.to(torch::kDouble), logvar64 = logvar.to(torch::kDouble);
  const auto kl =
      n > 0 ? (0.5 * (mu64.pow(2) + logvar64.exp() - logvar64 - 1)).mean(0) : torch::zeros({dims}, torch::kDouble);
  for (int64_t d = 0; d < dims; ++d) {
    const double mean_kl = kl[d].item<double>();
    const std::string name = d < static_cast<int64_t>(codes.latent_names.size()) ? codes.latent_names[d] : "";
    dimensions.add_row({std::to_string(d), name.empty() ? "z" + std::to_string(d) : name, format_number(mean_kl),
                        is_active(mean_kl) ? "yes" : "no"});
  }
  write_or_explain(at("dimensions.csv"),
                   [&](const ChunkWriter& write) { write(dimensions.text().data(), dimensions.text().size()); });
  written.push_back(at("dimensions.csv"));

  // The projector: μ of the first rows, their labels, and their images in one sprite.
  const ImageShape shape = data.shape();
  const int64_t side = std::max<int64_t>(shape.height, shape.width);
  const int64_t per_row_max = kMaxSpriteSide / std::max<int64_t>(side, 1);
  const int64_t points = std::min({n, options.projector_points, per_row_max * per_row_max});
  write_or_explain(at("projector/tensors.tsv"), [&](const ChunkWriter& write) {
    std::string chunk;
    for (int64_t i = 0; i < points; ++i) {
      for (int64_t d = 0; d < dims; ++d) chunk += (d ? "\t" : "") + format_number(m[i][d]);
      chunk += "\n";
      if ((i + 1) % kRowsPerChunk == 0) write(chunk.data(), chunk.size()), chunk.clear();
    }
    write(chunk.data(), chunk.size());
  });
  // With one column TensorBoard expects no header row; with several, one.
  write_or_explain(at("projector/metadata.tsv"), [&](const ChunkWriter& write) {
    std::string chunk;
    if (k > 0) {
      chunk = "index";
      for (const auto& name : label_names) chunk += "\t" + tsv_field(name);
      chunk += "\n";
    }
    for (int64_t i = 0; i < points; ++i) {
      chunk += std::to_string(index[i]);
      for (int64_t c = 0; c < k; ++c) chunk += "\t" + tsv_field(label_text(info, static_cast<size_t>(c), l[i][c]));
      chunk += "\n";
      if ((i + 1) % kRowsPerChunk == 0) write(chunk.data(), chunk.size()), chunk.clear();
    }
    write(chunk.data(), chunk.size());
  });
  written.insert(written.end(), {at("projector/tensors.tsv"), at("projector/metadata.tsv")});
  const bool sprite = png_supported() && points > 0;
  if (sprite) {
    const int64_t columns = static_cast<int64_t>(std::ceil(std::sqrt(static_cast<double>(points))));
    const int64_t rows = (points + columns - 1) / columns;
    auto image = torch::zeros({shape.channels, rows * shape.height, columns * shape.width});
    for (int64_t start = 0; start < points; start += 256) {
      const int64_t end = std::min(points, start + 256);
      const auto batch = data.images(indices.slice(0, start, end));
      for (int64_t i = start; i < end; ++i) {
        const int64_t r = i / columns, c = i % columns;
        image.slice(1, r * shape.height, (r + 1) * shape.height)
            .slice(2, c * shape.width, (c + 1) * shape.width)
            .copy_(batch[i - start]);
      }
    }
    save_png(at("projector/sprite.png"), image);
    written.push_back(at("projector/sprite.png"));
  }
  std::string config =
      "embeddings {\n  tensor_name: \"mu\"\n  tensor_path: \"tensors.tsv\"\n"
      "  metadata_path: \"metadata.tsv\"\n";
  if (sprite)
    config += "  sprite {\n    image_path: \"sprite.png\"\n    single_image_dim: " + std::to_string(shape.width) +
              "\n    single_image_dim: " + std::to_string(shape.height) + "\n  }\n";
  config += "}\n";
  write_or_explain(at("projector/projector_config.pbtxt"),
                   [&](const ChunkWriter& write) { write(config.data(), config.size()); });
  written.push_back(at("projector/projector_config.pbtxt"));
  return written;
}

}  // namespace fvae
