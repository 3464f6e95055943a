// factorvae responses: what each latent dimension encodes across the data, as a PNG of small plots and a CSV table.
// On shapes, μ per factor value (the papers' response curves); on labelled data, μ per class with a ranking.
#include <torch/torch.h>

#include <QFileInfo>
#include <cstdio>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/service/image_export.h"
#include "app/service/response_plots.h"
#include "model/analysis/responses.h"
#include "model/base/atomic_file.h"
#include "model/data/shapes.h"
#include "model/inference/evaluation.h"
#include "model/inference/inference.h"

namespace fvae::cli {

namespace {

QString csv_path_for(const QString& png) {
  QFileInfo info(png);
  return info.path() + "/" + info.completeBaseName() + ".csv";
}

}  // namespace

int responses_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, true);
  add_device_option(p);
  p.add_options(
      {{"checkpoint", "trained model (.fvae)", "file"},
       {"out", "output PNG (default: responses.png)", "file", "responses.png"},
       {"csv", "output CSV (default: the PNG's name with .csv)", "file"},
       {"factors", "factor responses on the built-in shapes dataset (the default for models trained on it)"},
       {"classes", "class responses on the dataset's labels (the default for other models)"},
       {"per-shape", "factor responses: also one curve per shape"},
       {"samples-per-value", "factor responses: images per point of a curve (default 64)", "n", "64"},
       {"images", "class responses: images from the dataset, a seeded random subset (default 10000)", "n", "10000"},
       {"seed", "which images are drawn (default 0)", "n", "0"}});
  parse_or_exit(p, arguments,
                "Shows what each latent dimension encodes across the data. On the built-in shapes dataset: the mean "
                "of mu (with a +-1 std band) for every dimension as each ground-truth factor sweeps its values, the "
                "other factors random, with eta^2 (the share of mu's variance the factor explains). On labelled data "
                "(Fashion-MNIST, ChestMNIST, class folders): the distribution of mu per class and the dimensions "
                "ranked by how much of their variance the classes explain.");
  if (p.is_set("factors") && p.is_set("classes")) throw UsageError("give --factors or --classes, not both");
  auto cp = open_checkpoint(p);
  const bool factors = p.is_set("factors") || (!p.is_set("classes") && spec_has_ground_truth(dataset_request(p, &cp).spec));
  const QString out = QString::fromStdString(p.value("out"));
  const QString csv = p.is_set("csv") ? QString::fromStdString(p.value("csv")) : csv_path_for(out);
  QStringList names;
  for (int64_t d = 0; d < cp.model.latent_dim; ++d)
    names << (d < static_cast<int64_t>(cp.latent_names.size()) ? QString::fromStdString(cp.latent_names[d])
                                                               : QString());
  std::vector<std::string> latent_names;
  for (const auto& n : names) latent_names.push_back(n.toStdString());

  ModelSnapshot snapshot(cp.model);
  snapshot.update_from(*cp.networks);
  RepresentationFunction represent = [&](const torch::Tensor& x) { return snapshot.encode(x).mu; };
  install_interrupt_handler();
  ProgressLine progress(factors ? "factor responses" : "class responses");
  auto report = [&](double f) {
    progress.update(static_cast<int64_t>(f * 1000), 1000);
    return !interrupted();
  };
  QImage picture;
  std::string table;
  const uint64_t seed = unsigned_option(p, "seed");
  try {
    if (factors) {
      if (cp.model.channels != 1) throw UsageError("factor responses need a greyscale model: shapes has one channel");
      FactorResponseOptions options;
      options.seed = seed;
      options.samples_per_value = integer_option(p, "samples-per-value");
      options.group_by = p.is_set("per-shape") ? 0 : -1;
      if (options.samples_per_value < 2) throw UsageError("--samples-per-value must be at least 2");
      const ShapesDataset shapes(cp.model.image_size, "all");
      options.mean_kl = mean_kl_on([&](const torch::Tensor& x) { return snapshot.encode(x); }, shapes);
      auto r = factor_responses(shapes, represent, options, report);
      progress.finish();
      picture = service::renderFactorResponses(r, names);
      table = factor_responses_csv(r, latent_names);
      std::printf("%-20s %-14s %7s %8s   %s\n", "dimension", "follows", "eta^2", "Var[mu]", "eta^2 per factor");
      for (int64_t d = 0; d < r.latent_dim; ++d) {
        const std::string label = service::dimensionLabel(static_cast<int>(d), names).toStdString();
        if (!r.active(d)) {
          std::printf("%-20s %-14s %7s %8.4f\n", label.c_str(), "(inactive)", "", r.variance[d]);
          continue;
        }
        const auto& row = r.explained[d];
        const auto best = std::max_element(row.begin(), row.end()) - row.begin();
        std::string all;
        for (size_t f = 0; f < row.size(); ++f)
          all += r.factor_names[f] + " " + c10::str(std::round(row[f] * 100) / 100) + "  ";
        std::printf("%-20s %-14s %7.3f %8.4f   %s\n", label.c_str(), r.factor_names[best].c_str(), row[best],
                    r.variance[d], all.c_str());
      }
    } else {
      auto data = open_dataset_for(p, cp);
      ClassResponseOptions options;
      options.seed = seed;
      options.max_images = integer_option(p, "images");
      if (options.max_images < 1) throw UsageError("--images must be at least 1");
      auto r = class_responses(*data, represent, options, report);
      progress.finish();
      picture = service::renderClassResponses(r, names);
      table = class_responses_csv(r, latent_names);
      std::printf("dataset: %s (%lld images encoded)\n", data->description().c_str(), static_cast<long long>(r.images));
      std::printf("%-5s %-20s %10s\n", "rank", "dimension", "eta^2");
      for (size_t rank = 0; rank < r.ranking.size(); ++rank)
        std::printf("%-5zu %-20s %10.4f\n", rank + 1,
                    service::dimensionLabel(static_cast<int>(r.ranking[rank]), names).toUtf8().constData(),
                    r.separation[r.ranking[rank]]);
    }
  } catch (const MetricCancelled&) {
    throw UsageError("cancelled");
  }
  service::writePng(out, picture);  // throws naming the file
  write_file_atomically(csv.toStdString(), table);
  std::printf("Wrote %s and %s\n", qPrintable(out), qPrintable(csv));
  return 0;
}

}  // namespace fvae::cli
