#pragma once
// Ranking runs by UDR, shared by `factorvae udr` and `factorvae train --candidates`.

#include <QStringList>
#include <string>
#include <vector>

#include "model/analysis/udr.h"
#include "model/io/dataset_loader.h"

namespace fvae::cli {

// The checkpoint files that the arguments name: files as given; a folder stands for the latest.fvae in it and in each
// of its subfolders (a sweep's candidate folders).
QStringList checkpoint_files(const QStringList& given);

struct RankedRuns {
  QStringList files;
  UdrResult result;
  std::vector<size_t> order;  // indices into files, best first
  std::string description;    // of the images
  int64_t images = 0;
};

// Encodes `images` images of `dataset` (or of the first run's dataset when null) with every run and ranks them.
// The runs encode on `device`.
RankedRuns rank_runs(const QStringList& files, const DatasetRequest* dataset, int64_t images, uint64_t seed,
                     double kl_threshold = 0.01, torch::Device device = torch::kCPU);
void print_ranking(const RankedRuns& ranked);  // the table on stdout

}  // namespace fvae::cli
