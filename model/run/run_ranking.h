#pragma once
// Ranking trained runs without labels by UDR (model/analysis/udr.h), the one ranking for `factorvae udr`, the CLI's
// candidates and the GUI's: every run encodes the same images (by default the first run's own dataset) and the runs
// are ordered by their UDR.

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

#include "model/analysis/udr.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_plan.h"

namespace fvae {

struct RankedRuns {
  std::vector<std::string> files;
  UdrResult result;
  std::vector<size_t> order;                    // indices into files, best first
  std::vector<std::vector<double>> kl_per_dim;  // per run: mean KL per dimension on the shared images (nats)
  std::string description;                      // of the images
  int64_t images = 0;
};

struct RankingOptions {
  int64_t images = 10000;  // encoded by every run: a seeded subset of the dataset when it holds more
  uint64_t seed = 0;
  double kl_threshold = 0.01;  // dimensions at or below it (mean KL, nats) are inactive
  torch::Device device = torch::kCPU;
  const DatasetRequest* dataset = nullptr;                  // null: the first run's own dataset
  DatasetOpener open;                                       // empty: open_dataset
  std::function<void(size_t done, size_t total)> progress;  // after each run is encoded
};

// Throws ConfigError for fewer than two runs, runs of different image sizes, or images that do not fit them; the
// loaders' errors for the files.
RankedRuns rank_runs(const std::vector<std::string>& files, const RankingOptions& options = {});

// The checkpoints that paths name: a file as given; a folder stands for its latest.fvae and those of its
// subfolders (a sweep's candidate folders), in name order.
std::vector<std::string> checkpoint_files(const std::vector<std::string>& paths);

}  // namespace fvae
