// factorvae udr: ranks trained runs without labels (Unsupervised Disentanglement Ranking, UDR_S).
#include <torch/torch.h>

#include <QDir>
#include <QFileInfo>
#include <cstdio>
#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/inference.h"
#include "model/udr.h"

namespace fvae::cli {

namespace {

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

}  // namespace

int udr_command(const QStringList& arguments) {
  QCommandLineParser p;
  p.addPositionalArgument("checkpoints", "more runs (.fvae files, or folders holding runs)", "[checkpoint…]");
  add_dataset_options(p, true);
  p.addOptions(
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
  QStringList given = p.values("checkpoint");
  given << p.positionalArguments();
  const QStringList files = checkpoint_files(given);
  if (files.size() < 2) throw UsageError("udr compares runs: give at least two checkpoints (or a folder of runs)");
  std::vector<Checkpoint> runs;
  for (const QString& file : files) {
    runs.push_back(load_checkpoint(file.toStdString()));
    const auto& first = runs.front().model;
    const auto& model = runs.back().model;
    if (model.image_size != first.image_size || model.channels != first.channels)
      throw UsageError(file.toStdString() + ": its images (" + model.describe() + ") differ from those of " +
                       files.front().toStdString() + " (" + first.describe() +
                       "); UDR compares runs on the same images");
  }
  auto data = open_dataset_reporting_skips(dataset_request(p, &runs.front()));
  const int64_t count = std::min<int64_t>(integer_option(p, "images"), data->size());
  if (count < 10) throw UsageError("--images must be at least 10");
  const auto images = data->images(subset_indices(data->size(), count, unsigned_option(p, "seed")));
  if (images.size(1) != runs.front().model.channels || images.size(2) != runs.front().model.image_size)
    throw UsageError(data->description() + " does not match the runs (" + runs.front().model.describe() + ")");

  std::vector<UdrRun> encoded;
  ProgressLine progress("encode");
  for (size_t r = 0; r < runs.size(); ++r) {
    std::vector<torch::Tensor> mus, kls;
    for (int64_t start = 0; start < count; start += 500) {
      const auto posterior = encode(runs[r].networks->encoder, images.slice(0, start, std::min(count, start + 500)));
      mus.push_back(posterior.mu);
      kls.push_back((0.5 * (posterior.mu.pow(2) + posterior.logvar.exp() - 1 - posterior.logvar)).sum(0));
    }
    encoded.push_back({torch::cat(mus), torch::stack(kls).sum(0) / static_cast<double>(count)});
    progress.update(static_cast<int64_t>(r + 1), static_cast<int64_t>(runs.size()));
  }
  progress.finish();
  const auto result = unsupervised_disentanglement_ranking(encoded, number_option(p, "kl-threshold"));

  std::vector<size_t> order(runs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return result.scores[a] > result.scores[b]; });
  std::cout << "UDR_S of " << runs.size() << " runs on " << count << " images of " << data->description() << "\n";
  std::printf("%-5s %-7s %-7s %s\n", "rank", "udr", "active", "checkpoint");
  for (size_t rank = 0; rank < order.size(); ++rank) {
    const size_t i = order[rank];
    std::printf("%-5zu %-7.4f %-7d %s\n", rank + 1, result.scores[i], result.active_dims[i],
                files[static_cast<int>(i)].toStdString().c_str());
  }
  std::cout << "pairwise:\n";
  for (size_t i = 0; i < runs.size(); ++i) {
    std::printf("  %zu:", i + 1);
    for (size_t j = 0; j < runs.size(); ++j) std::printf(" %.4f", result.pairwise[i][j]);
    std::printf("\n");
  }
  return 0;
}

}  // namespace fvae::cli
