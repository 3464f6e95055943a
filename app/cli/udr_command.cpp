// factorvae udr: ranks trained runs without labels (Unsupervised Disentanglement Ranking, UDR_S).
#include <torch/torch.h>

#include <cstdio>
#include <iostream>
#include <optional>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/base/numbers.h"
#include "model/run/run_ranking.h"

namespace fvae::cli {

namespace {

void print_ranking(const RankedRuns& ranked) {
  const auto& result = ranked.result;
  std::cout << "UDR_S of " << ranked.files.size() << " runs on " << ranked.images << " images of " << ranked.description
            << "\n";
  std::printf("%-5s %-7s %-7s %s\n", "rank", "udr", "active", "checkpoint");
  for (size_t rank = 0; rank < ranked.order.size(); ++rank) {
    const size_t i = ranked.order[rank];
    std::printf("%-5zu %-7s %-7d %s\n", rank + 1, format_fixed(result.scores[i], 4).c_str(), result.active_dims[i],
                ranked.files[i].c_str());
  }
  std::cout << "pairwise:\n";
  for (size_t i = 0; i < result.pairwise.size(); ++i) {
    std::printf("  %zu:", i + 1);
    for (double score : result.pairwise[i]) std::printf(" %s", format_fixed(score, 4).c_str());
    std::printf("\n");
  }
  std::fflush(stdout);
}

}  // namespace

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
  std::vector<std::string> given = p.values("checkpoint");
  for (const auto& file : p.positional()) given.push_back(file);
  const std::vector<std::string> files = checkpoint_files(given);
  RankingOptions options;
  options.images = integer_option(p, "images");
  options.seed = unsigned_option(p, "seed");
  options.kl_threshold = number_option(p, "kl-threshold");
  options.device = device_option(p);
  options.open = open_dataset_reporting_skips;
  std::optional<DatasetRequest> dataset;
  if (p.is_set("dataset") && !files.empty()) {
    const Checkpoint first = load_checkpoint(files.front());
    dataset = dataset_request(p, &first);
    options.dataset = &*dataset;
  }
  ProgressLine progress("udr");
  options.progress = [&](size_t done, size_t total) {
    progress.update(static_cast<int64_t>(done), static_cast<int64_t>(total));
  };
  const RankedRuns ranked = rank_runs(files, options);
  progress.finish();
  print_ranking(ranked);
  return 0;
}

}  // namespace fvae::cli
