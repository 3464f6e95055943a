// factorvae replicate / latent / random: image grids from a trained model.
#include <torch/torch.h>

#include <iostream>

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"
#include "model/io/image_files.h"

namespace fvae::cli {

namespace {

void add_output_options(OptionParser& p, const std::string& default_out) {
  p.add_option({"checkpoint", "trained model (.fvae)", "file"});
  p.add_option(
      {"out", "output image: .png, .ppm (.pgm for grey) or .npy (default: " + default_out + ")", "file", default_out});
  p.add_option({"scale", "upscale factor with crisp pixels (default 4)", "n", "4"});
  add_device_option(p);
}

int scale_option(const OptionParser& p) {
  const int64_t scale = integer_option(p, "scale");
  if (scale < 1 || scale > 32) throw UsageError("--scale must lie in 1..32");
  return static_cast<int>(scale);
}

}  // namespace

int replicate_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, true);
  add_output_options(p, "replicate.png");
  p.add_options({{"count", "number of images (default 8)", "n", "8"},
                 {"index", "first dataset index (default: a seeded random choice)", "i"},
                 {"seed", "seed for the random choice (default 0)", "n", "0"}});
  parse_or_exit(p, arguments, "Shows dataset images (top) above their reconstructions with z = mu (bottom).");
  auto cp = open_checkpoint(p);
  auto data = open_dataset_for(p, cp);
  const int64_t count = integer_option(p, "count");
  if (count < 1 || count > 1024) throw UsageError("--count must lie in 1..1024");
  torch::Tensor indices;
  if (p.is_set("index")) {
    const int64_t first = integer_option(p, "index");
    if (first < 0 || first >= data->size())
      throw UsageError("--index must lie in 0.." + std::to_string(data->size() - 1));
    indices = torch::arange(first, std::min(first + count, data->size()), torch::kLong);
  } else {
    indices = subset_indices(data->size(), count, unsigned_option(p, "seed"));
    indices = indices.index_select(
        0, torch::randperm(indices.size(0), at::make_generator<at::CPUGeneratorImpl>(unsigned_option(p, "seed")),
                           torch::kLong));
  }
  auto x = data->images(indices);
  auto reconstruction = reconstruct(*cp.networks, x);
  const int64_t columns = std::min<int64_t>(x.size(0), 16);
  const int64_t rows = (x.size(0) + columns - 1) / columns;
  std::vector<torch::Tensor> bands;
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t start = r * columns, n = std::min(columns, x.size(0) - start);
    auto pad = [&](const torch::Tensor& t) {
      auto band = torch::full({columns, t.size(1), t.size(2), t.size(3)}, 0.5, torch::kFloat);
      band.narrow(0, 0, n).copy_(t.narrow(0, start, n));
      return band;
    };
    bands.push_back(pad(x));
    bands.push_back(pad(reconstruction));
  }
  save_image(text_option(p, "out"), tile(torch::stack(bands, 0), 1, 0.5), {scale_option(p), {}, 0, 0});
  std::cout << "Wrote " << text_option(p, "out") << " (" << x.size(0) << " images and reconstructions)\n";
  return 0;
}

int latent_command(const Arguments& arguments) {
  OptionParser p;
  add_dataset_options(p, true);
  add_output_options(p, "traversal.png");
  p.add_options({{"gif", "also write an animated GIF of the traversal", "file"},
                 {"base",
                  "base code: typical (default: the mu of the dataset image nearest the median code of 1,000 images), "
                  "image (the mu of --index), zero or random",
                  "kind", "typical"},
                 {"index", "dataset index of the base image (implies --base image)", "i", "0"},
                 {"seed", "seed for --base random (default 0)", "n", "0"},
                 {"absolute",
                  "set each dimension to the values instead of adding them to the base (the original "
                  "project's behaviour)"},
                 {"limit", "traverse from -limit to +limit (default 3)", "x", "3"},
                 {"step", "traversal step (default 0.5)", "x", "0.5"}});
  parse_or_exit(p, arguments,
                "Latent traversal grid: one row per latent dimension, columns from -3 to +3 in steps of 0.5 added to "
                "the base code, and a last column with the row's difference map (the mean image where the per-pixel "
                "std across the row exceeds 0.02, black elsewhere). Rows are labelled with the dimension names.");
  auto cp = open_checkpoint(p);
  const int64_t L = cp.model.latent_dim;
  const std::string base_kind = p.is_set("index") && !p.is_set("base") ? "image" : text_option(p, "base");
  torch::Tensor base;
  if (base_kind == "zero") {
    base = torch::zeros({L});
  } else if (base_kind == "random") {
    base = sample_prior(1, L, 1.0, unsigned_option(p, "seed"))[0];
  } else if (base_kind == "typical") {
    // Image 0 of shapes is a sprite in a corner, where most offsets run off the data: a typical image shows the model
    // as it is. The median is taken per dimension over a seeded sample; the image whose μ is nearest to it is the base.
    auto data = open_dataset_for(p, cp);
    const auto indices = subset_indices(data->size(), std::min<int64_t>(1000, data->size()), 0);
    const auto mu = encode(cp.networks->encoder, data->images(indices)).mu;
    const auto median = std::get<0>(mu.median(0));
    const int64_t nearest = (mu - median).pow(2).sum(1).argmin().item<int64_t>();
    base = mu[nearest];
    std::cout << "Base: dataset image " << indices[nearest].item<int64_t>()
              << ", the one whose code is nearest the median code\n";
  } else if (base_kind == "image") {
    auto data = open_dataset_for(p, cp);
    const int64_t index = integer_option(p, "index");
    if (index < 0 || index >= data->size())
      throw UsageError("--index must lie in 0.." + std::to_string(data->size() - 1));
    base = encode(cp.networks->encoder, data->image(index).unsqueeze(0)).mu[0];
  } else {
    throw UsageError("--base must be typical, image, zero or random");
  }
  const double limit = number_option(p, "limit"), step = number_option(p, "step");
  if (!(limit > 0 && step > 0 && limit / step <= 50))
    throw UsageError("--limit and --step must be positive, at most 100 columns");
  auto values = traversal_values(limit, step);
  auto traversal = latent_traversal([&](const torch::Tensor& z) { return decode(cp.networks->decoder, z); }, base,
                                    values, p.is_set("absolute"));
  auto grid = with_difference_maps(traversal);
  std::vector<std::string> labels;
  for (int64_t d = 0; d < L; ++d) labels.push_back(cp.latent_name(d));
  const int row_height = static_cast<int>(cp.model.image_size + 1);
  const int scale = scale_option(p);
  const ImageStyle style{scale, labels, row_height, 1, traversal_column_labels(values), row_height, 1};
  save_image(text_option(p, "out"), tile(grid, 1, 0.5), style);
  std::cout << "Wrote " << text_option(p, "out") << " (" << L << " dimensions x " << values.size()
            << " values + difference maps)\n";
  if (p.is_set("gif")) {
    const auto frames = traversal_frames(traversal);
    save_gif(text_option(p, "gif"), frames, 120, {scale, labels, row_height, 1});  // one column per frame: no header
    std::cout << "Wrote " << text_option(p, "gif") << " (" << frames.size() << " frames)\n";
  }
  return 0;
}

int random_command(const Arguments& arguments) {
  OptionParser p;
  add_output_options(p, "random.png");
  p.add_options({{"count", "number of samples (default 64)", "n", "64"},
                 {"columns", "grid columns (default 8)", "n", "8"},
                 {"seed", "sampling seed (default 0)", "n", "0"},
                 {"temperature", "standard deviation of the prior samples (default 1)", "x", "1"}});
  parse_or_exit(p, arguments, "A grid of images decoded from random codes drawn from the prior N(0, T^2 I).");
  auto cp = open_checkpoint(p);
  const int64_t count = integer_option(p, "count"), columns = integer_option(p, "columns");
  const double temperature = number_option(p, "temperature");
  if (count < 1 || count > 4096 || columns < 1) throw UsageError("--count must lie in 1..4096, --columns at least 1");
  if (!(temperature >= 0 && temperature <= 10)) throw UsageError("--temperature must lie in 0..10");
  auto z = sample_prior(count, cp.model.latent_dim, temperature, unsigned_option(p, "seed"));
  save_image(text_option(p, "out"), tile(decode(cp.networks->decoder, z), columns, 1, 0.5),
             {scale_option(p), {}, 0, 0});
  std::cout << "Wrote " << text_option(p, "out") << " (" << count << " samples, temperature " << temperature << ")\n";
  return 0;
}

}  // namespace fvae::cli
