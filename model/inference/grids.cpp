#include "model/inference/grids.h"

#include <algorithm>
#include <cmath>

namespace fvae {

std::vector<std::string> traversal_column_labels(const std::vector<double>& values) {
  std::vector<std::string> labels;
  for (double v : values) {
    if (v != std::round(v)) {
      labels.emplace_back();
      continue;
    }
    const long whole = std::lround(v);
    labels.push_back(whole > 0   ? "+" + std::to_string(whole)
                     : whole < 0 ? "\u2212" + std::to_string(-whole)
                                 : std::string("0"));
  }
  labels.push_back("\u0394");
  return labels;
}

std::vector<double> traversal_values(double limit, double step) {
  std::vector<double> values;
  const int64_t count = static_cast<int64_t>(std::llround(2 * limit / step)) + 1;
  for (int64_t i = 0; i < count; ++i) values.push_back(-limit + step * static_cast<double>(i));
  return values;
}

torch::Tensor latent_traversal(const std::function<torch::Tensor(const torch::Tensor&)>& decode,
                               const torch::Tensor& base, const std::vector<double>& values, bool absolute) {
  TORCH_CHECK(base.dim() == 1, "the base code must be one vector [latent], got ", base.sizes());
  const int64_t D = base.size(0), V = static_cast<int64_t>(values.size());
  auto codes = base.to(torch::kFloat).unsqueeze(0).unsqueeze(0).repeat({D, V, 1});
  auto offsets = torch::tensor(std::vector<float>(values.begin(), values.end()));
  for (int64_t d = 0; d < D; ++d) {
    auto column = codes.select(0, d).select(1, d);
    if (absolute)
      column.copy_(offsets);
    else
      column.add_(offsets);
  }
  auto images = decode(codes.view({D * V, D}));
  return images.view({D, V, images.size(1), images.size(2), images.size(3)});
}

std::vector<torch::Tensor> traversal_frames(const torch::Tensor& traversal) {
  std::vector<torch::Tensor> frames;
  const int64_t values = traversal.size(1);
  for (int64_t v = 0; v < values; ++v) frames.push_back(tile(traversal.narrow(1, v, 1), 1, 0.5));
  for (int64_t v = values - 1; v-- > 1;) frames.push_back(frames[static_cast<size_t>(v)]);
  return frames;
}

std::vector<std::string> traversal_frame_labels(const std::vector<double>& values) {
  auto label = [](double v) {
    const long tenths = std::lround(std::abs(v) * 10);
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) text += "." + std::to_string(tenths % 10);  // C-locale digits: a file's header
    return tenths == 0 ? std::string("0") : (v > 0 ? "+" : "\u2212") + text;
  };
  std::vector<std::string> labels;
  for (double v : values) labels.push_back(label(v));
  for (size_t v = values.size() - 1; v-- > 1;) labels.push_back(labels[v]);
  return labels;
}

torch::Tensor interpolate_codes(const torch::Tensor& a, const torch::Tensor& b, int64_t steps, bool spherical) {
  TORCH_CHECK(a.dim() == 1 && a.sizes() == b.sizes(), "interpolation needs two codes [latent] of one size, got ",
              a.sizes(), " and ", b.sizes());
  TORCH_CHECK(steps >= 2, "interpolation needs at least 2 steps, got ", steps);
  auto x = a.to(torch::kDouble), y = b.to(torch::kDouble);
  auto t = torch::linspace(0.0, 1.0, steps, torch::kDouble).unsqueeze(1);
  const double na = x.norm().item<double>(), nb = y.norm().item<double>();
  double omega = 0;
  if (spherical && na > 1e-8 && nb > 1e-8)
    omega = std::acos(std::clamp((x.dot(y) / (na * nb)).item<double>(), -1.0, 1.0));
  torch::Tensor codes;
  if (omega > 1e-6 && omega < M_PI - 1e-6) {
    const double s = std::sin(omega);
    codes = torch::sin((1 - t) * omega) / s * x.unsqueeze(0) + torch::sin(t * omega) / s * y.unsqueeze(0);
  } else {
    codes = (1 - t) * x.unsqueeze(0) + t * y.unsqueeze(0);
  }
  return codes.to(torch::kFloat);
}

torch::Tensor error_heatmap(const torch::Tensor& original, const torch::Tensor& reconstruction) {
  TORCH_CHECK(original.dim() == 3 && original.sizes() == reconstruction.sizes(),
              "a heat map needs two images [C, H, W] of one shape, got ", original.sizes(), " and ",
              reconstruction.sizes());
  auto error = (original.to(torch::kFloat) - reconstruction.to(torch::kFloat)).abs().mean(0).clamp(0, 1);
  return torch::stack({(3 * error).clamp(0, 1), (3 * error - 1).clamp(0, 1), (3 * error - 2).clamp(0, 1)}, 0);
}

torch::Tensor difference_map(const torch::Tensor& row, double threshold) {
  auto mean = row.mean(0);
  auto std = row.std(0, /*unbiased=*/false);
  return torch::where(std > threshold, mean, torch::zeros_like(mean));
}

torch::Tensor with_difference_maps(const torch::Tensor& traversal) {
  std::vector<torch::Tensor> maps;
  for (int64_t d = 0; d < traversal.size(0); ++d) maps.push_back(difference_map(traversal[d]).unsqueeze(0));
  return torch::cat({traversal, torch::stack(maps, 0)}, 1);
}

torch::Tensor tile(const torch::Tensor& cells, int64_t padding, double background) {
  TORCH_CHECK(cells.dim() == 5, "tile expects [rows, columns, C, H, W], got ", cells.sizes());
  const int64_t R = cells.size(0), K = cells.size(1), C = cells.size(2), H = cells.size(3), W = cells.size(4);
  auto out = torch::full({C, R * (H + padding) + padding, K * (W + padding) + padding}, background, torch::kFloat);
  for (int64_t r = 0; r < R; ++r)
    for (int64_t k = 0; k < K; ++k)
      out.narrow(1, padding + r * (H + padding), H).narrow(2, padding + k * (W + padding), W).copy_(cells[r][k]);
  return out;
}

torch::Tensor tile(const torch::Tensor& images, int64_t columns, int64_t padding, double background) {
  TORCH_CHECK(images.dim() == 4 && columns > 0, "tile expects [N, C, H, W] and a positive column count");
  const int64_t n = images.size(0), rows = (n + columns - 1) / columns;
  auto cells = torch::full({rows * columns, images.size(1), images.size(2), images.size(3)}, background, torch::kFloat);
  cells.narrow(0, 0, n).copy_(images);
  return tile(cells.view({rows, columns, images.size(1), images.size(2), images.size(3)}), padding, background);
}

}  // namespace fvae
