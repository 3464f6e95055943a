#include "model/run/run_ranking.h"

#include <algorithm>
#include <filesystem>

#include "model/checkpoint/checkpoint.h"
#include "model/inference/inference.h"

namespace fvae {

std::vector<std::string> checkpoint_files(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> folders = {path};
    std::vector<fs::path> subfolders;
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_directory()) subfolders.push_back(entry.path());
    std::sort(subfolders.begin(), subfolders.end());
    folders.insert(folders.end(), subfolders.begin(), subfolders.end());
    for (const auto& folder : folders)
      if (fs::exists(folder / "latest.fvae", ec)) files.push_back((folder / "latest.fvae").string());
  }
  return files;
}

RankedRuns rank_runs(const std::vector<std::string>& files, const RankingOptions& options) {
  if (files.size() < 2) throw ConfigError("UDR compares runs: give at least two checkpoints (or a folder of runs)");
  std::vector<Checkpoint> runs;
  for (const auto& file : files) {
    runs.push_back(load_checkpoint(file));
    runs.back().networks->to(options.device);
    const auto& first = runs.front().model;
    const auto& model = runs.back().model;
    if (model.image_size != first.image_size || model.channels != first.channels)
      throw ConfigError(file + ": its images (" + model.describe() + ") differ from those of " + files.front() + " (" +
                        first.describe() + "); UDR compares runs on the same images");
  }
  DatasetRequest request;
  try {
    request = options.dataset ? *options.dataset : checkpoint_dataset_request(runs.front());
  } catch (const ConfigError& e) {
    throw ConfigError(files.front() + ": " + e.what());
  }
  const auto data = options.open ? options.open(request) : open_dataset(request);
  RankedRuns ranked;
  ranked.files = files;
  ranked.images = std::min<int64_t>(options.images, data->size());
  if (ranked.images < 10) throw ConfigError("UDR needs at least 10 images");
  ranked.description = data->description();
  const auto chosen = data->images(subset_indices(data->size(), ranked.images, options.seed));
  if (chosen.size(1) != runs.front().model.channels || chosen.size(2) != runs.front().model.image_size)
    throw ConfigError(data->description() + " does not match the runs (" + runs.front().model.describe() + ")");

  std::vector<UdrRun> encoded;
  for (size_t r = 0; r < runs.size(); ++r) {
    encoded.push_back(encode_for_udr(runs[r].networks->encoder, chosen));
    const auto kl = encoded.back().kl_per_dim.to(torch::kDouble).cpu().contiguous();
    ranked.kl_per_dim.emplace_back(kl.data_ptr<double>(), kl.data_ptr<double>() + kl.numel());
    runs[r].networks.reset();  // one run's weights in memory at a time beyond what encoding needs
    if (options.progress) options.progress(r + 1, runs.size());
  }
  ranked.result = unsupervised_disentanglement_ranking(encoded, options.kl_threshold);
  ranked.order.resize(runs.size());
  for (size_t i = 0; i < ranked.order.size(); ++i) ranked.order[i] = i;
  std::stable_sort(ranked.order.begin(), ranked.order.end(),
                   [&](size_t a, size_t b) { return ranked.result.scores[a] > ranked.result.scores[b]; });
  return ranked;
}

}  // namespace fvae
