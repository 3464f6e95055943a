// factorvae udr: ranks trained runs without labels (Unsupervised Disentanglement Ranking, UDR_S).
#include <torch/torch.h>

#include <QDir>
#include <QFileInfo>
#include <cstdio>
#include <iostream>
#include <optional>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/udr_ranking.h"
#include "model/analysis/udr.h"
#include "model/inference/inference.h"
#include "model/run/run_plan.h"

namespace fvae::cli {

// Checkpoint files named on the command line; a folder stands for the checkpoints in it and in its subfolders
// (a sweep's candidate folders), each run once: its latest.fvae when it has one.
QStringList checkpoint_files(const QStringList& given) {
  QStringList files;
  for (const QString& path : given) {
    const QFileInfo info(path);
    if (!info.isDir()) {
      files << path;
      continue;
    }
    QStringList folders = {path};
    for (const QString& sub : QDir(path).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
      folders << QDir(path).filePath(sub);
    for (const QString& folder : folders) {
      const QString latest = QDir(folder).filePath("latest.fvae");
      if (QFileInfo::exists(latest)) files << latest;
    }
  }
  return files;
}

RankedRuns rank_runs(const QStringList& files, const DatasetRequest* dataset, int64_t images, uint64_t seed,
                     double kl_threshold, torch::Device device) {
  if (files.size() < 2) throw UsageError("udr compares runs: give at least two checkpoints (or a folder of runs)");
  std::vector<Checkpoint> runs;
  for (const QString& file : files) {
    runs.push_back(load_checkpoint(file.toStdString()));
    runs.back().networks->to(device);
    const auto& first = runs.front().model;
    const auto& model = runs.back().model;
    if (model.image_size != first.image_size || model.channels != first.channels)
      throw UsageError(file.toStdString() + ": its images (" + model.describe() + ") differ from those of " +
                       files.front().toStdString() + " (" + first.describe() +
                       "); UDR compares runs on the same images");
  }
  DatasetRequest request;
  try {
    request = dataset ? *dataset : checkpoint_dataset_request(runs.front());
  } catch (const ConfigError& e) {
    throw UsageError(files.front().toStdString() + ": " + e.what());
  }
  auto data = open_dataset_reporting_skips(request);
  RankedRuns ranked;
  ranked.files = files;
  ranked.images = std::min<int64_t>(images, data->size());
  if (ranked.images < 10) throw UsageError("UDR needs at least 10 images");
  ranked.description = data->description();
  const auto chosen = data->images(subset_indices(data->size(), ranked.images, seed));
  if (chosen.size(1) != runs.front().model.channels || chosen.size(2) != runs.front().model.image_size)
    throw UsageError(data->description() + " does not match the runs (" + runs.front().model.describe() + ")");

  std::vector<UdrRun> encoded;
  ProgressLine progress("udr");
  for (size_t r = 0; r < runs.size(); ++r) {
    encoded.push_back(encode_for_udr(runs[r].networks->encoder, chosen));
    progress.update(static_cast<int64_t>(r + 1), static_cast<int64_t>(runs.size()));
  }
  progress.finish();
  ranked.result = unsupervised_disentanglement_ranking(encoded, kl_threshold);
  ranked.order.resize(runs.size());
  for (size_t i = 0; i < ranked.order.size(); ++i) ranked.order[i] = i;
  std::stable_sort(ranked.order.begin(), ranked.order.end(),
                   [&](size_t a, size_t b) { return ranked.result.scores[a] > ranked.result.scores[b]; });
  return ranked;
}

void print_ranking(const RankedRuns& ranked) {
  const auto& result = ranked.result;
  std::cout << "UDR_S of " << ranked.files.size() << " runs on " << ranked.images << " images of " << ranked.description
            << "\n";
  std::printf("%-5s %-7s %-7s %s\n", "rank", "udr", "active", "checkpoint");
  for (size_t rank = 0; rank < ranked.order.size(); ++rank) {
    const size_t i = ranked.order[rank];
    std::printf("%-5zu %-7.4f %-7d %s\n", rank + 1, result.scores[i], result.active_dims[i],
                ranked.files[static_cast<int>(i)].toStdString().c_str());
  }
  std::cout << "pairwise:\n";
  for (size_t i = 0; i < result.pairwise.size(); ++i) {
    std::printf("  %zu:", i + 1);
    for (double score : result.pairwise[i]) std::printf(" %.4f", score);
    std::printf("\n");
  }
  std::fflush(stdout);
}

int udr_command(const Arguments& arguments) {
  OptionParser p;
  p.add_positional("checkpoints", "more runs (.fvae files, or folders holding runs)", "[checkpoint…]");
  add_dataset_options(p, true);
  add_device_option(p);
  p.add_options(
      {{"checkpoint", "a run to rank (.fvae, or a folder of runs); more may follow as arguments", "file"},
       {"images", "images the runs encode (default 10000)", "n", "10000"},
       {"seed", "seed of the image choice (default 0)", "n", "0"},
       {"kl-threshold", "dimensions with a mean KL at or below this (nats) are inactive (default 0.01)", "x", "0.01"}});
  parse_or_exit(p, arguments,
                "Unsupervised Disentanglement Ranking (Duan et al. 2020, UDR_S as disentanglement_lib computes it): "
                "how much each run's active dimensions agree, up to order and sign, with those of the other runs on "
                "the same images. Needs no labels; higher is better. The images come from the first run's dataset "
                "unless --dataset is given.",
                1000);
  QStringList given;
  for (const auto& file : p.values("checkpoint")) given << QString::fromStdString(file);
  for (const auto& file : p.positional()) given << QString::fromStdString(file);
  const torch::Device device = device_option(p);
  std::optional<DatasetRequest> dataset;
  if (p.is_set("dataset")) {
    const Checkpoint first = load_checkpoint(checkpoint_files(given).value(0).toStdString());
    dataset = dataset_request(p, &first);
  }
  print_ranking(rank_runs(checkpoint_files(given), dataset ? &*dataset : nullptr, integer_option(p, "images"),
                          unsigned_option(p, "seed"), number_option(p, "kl-threshold"), device));
  return 0;
}

}  // namespace fvae::cli
