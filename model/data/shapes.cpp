#include "model/data/shapes.h"

#include <cmath>
#include <cstdio>

#include "model/base/numbers.h"

namespace fvae {

namespace {

// The dSprites heart at scale 1 and orientation 0 (20×17), measured from the dataset's preview. Its rotation point
// lies 9 rows below the top edge, which puts the centroid 1.93 px above it as in dSprites.
constexpr int kHeartWidth = 20, kHeartHeight = 17;
constexpr double kHeartPivotRow = 9.0;
const char* const kHeart[kHeartHeight] = {
    "...#####....#####...", "..#######..#######..", ".########..########.", ".##################.",
    "####################", "####################", ".##################.", ".##################.",
    "..################..", "..################..", "...##############...", "....############....",
    ".....##########.....", "......########......", ".......######.......", "........####........",
    ".........##.........",
};

double heart_cell(int row, int col) {
  if (row < 0 || row >= kHeartHeight || col < 0 || col >= kHeartWidth) return 0.0;
  return kHeart[row][col] == '#' ? 1.0 : 0.0;
}

// Bilinear sample of the silhouette at cell-centre coordinates: exact at scale 1, smooth edges when rotated.
bool inside_heart(double bx, double by) {
  const double x = bx - 0.5, y = by - 0.5;
  const int c0 = static_cast<int>(std::floor(x)), r0 = static_cast<int>(std::floor(y));
  const double fx = x - c0, fy = y - r0;
  const double v = (1 - fy) * ((1 - fx) * heart_cell(r0, c0) + fx * heart_cell(r0, c0 + 1)) +
                   fy * ((1 - fx) * heart_cell(r0 + 1, c0) + fx * heart_cell(r0 + 1, c0 + 1));
  return v > 0.5;
}

// dSprites ellipse bounding boxes by scale 0.5…1.0 (not quite linear in scale).
constexpr double kEllipseWidth[6] = {12, 16, 18, 20, 22, 26};
constexpr double kEllipseHeight[6] = {8, 8, 10, 12, 12, 14};

double table_at(const double* table, double scale) {
  const double t = std::clamp((scale - 0.5) / 0.1, 0.0, 5.0);
  const int i = std::min(static_cast<int>(t), 4);
  return table[i] + (t - i) * (table[i + 1] - table[i]);
}

}  // namespace

std::vector<std::vector<std::string>> ShapesDataset::factor_value_names() const {
  auto number = [](double x, int decimals) { return format_fixed(x, decimals); };
  std::vector<std::vector<std::string>> names{{"square", "ellipse", "heart"}, {}, {}, {}, {}};
  for (int v = 0; v < 6; ++v) names[1].push_back(number(0.5 + 0.1 * v, 1));
  for (int v = 0; v < 40; ++v) names[2].push_back(number(360.0 * v / 39.0, 0) + "°");  // as render() turns it
  for (int v = 0; v < 32; ++v) names[3].push_back(number(v / 31.0, 2)), names[4].push_back(number(v / 31.0, 2));
  return names;
}

void render_sprite(SpriteShape shape, double scale, double angle, double centre_x, double centre_y, int64_t size,
                   float* out) {
  const double c = std::cos(angle), s = std::sin(angle);
  const double pixel = 64.0 / static_cast<double>(size);
  // Below 64×64 a pixel covers several dSprites pixels: it takes the fraction of them that are on (at 32×32 exactly
  // dSprites downsampled by area), so sub-pixel position, scale and orientation stay visible instead of aliasing away.
  const int samples = size < 64 ? static_cast<int>(std::ceil(pixel)) : 1;
  const double step = pixel / samples, weight = 1.0 / (samples * samples);
  const double half_square = 10.0 * scale;
  const double a = table_at(kEllipseWidth, scale) / 2, b = table_at(kEllipseHeight, scale) / 2;
  // Every shape lies within this radius of its centre (the square's half-diagonal is the largest); pixels farther
  // out are skipped, which keeps rendering well below the cost of a training step.
  const double reach = 15.0 * scale + pixel;
  auto on = [&](double u, double v) {
    // Rotate the point back into the sprite's frame (the sprite turns counter-clockwise by `angle`).
    const double su = c * u + s * v, sv = -s * u + c * v;
    switch (shape) {
      case SpriteShape::Square:
        return std::abs(su) < half_square && std::abs(sv) < half_square;
      case SpriteShape::Ellipse:
        return (su * su) / (a * a) + (sv * sv) / (b * b) < 1.0;
      case SpriteShape::Heart:
        return inside_heart(su / scale + kHeartWidth / 2.0, kHeartPivotRow - sv / scale);
    }
    return false;
  };
  for (int64_t row = 0; row < size; ++row) {
    const double top = row * pixel - centre_y;
    for (int64_t col = 0; col < size; ++col) {
      const double left = col * pixel - centre_x;
      float value = 0.0f;
      if (std::abs(left + pixel / 2) < reach && std::abs(top + pixel / 2) < reach) {
        double covered = 0;
        for (int i = 0; i < samples; ++i)
          for (int j = 0; j < samples; ++j)
            covered += on(left + (j + 0.5) * step, -(top + (i + 0.5) * step));  // up is positive
        value = static_cast<float>(covered * weight);
      }
      out[row * size + col] = value;
    }
  }
}

ShapesDataset::ShapesDataset(int64_t image_size, const std::string& split) : image_size_(image_size), split_(split) {
  if (image_size < 8 || image_size > 256)
    throw DatasetError("shapes: image size must lie in 8..256, got " + std::to_string(image_size));
  if (split != "all") index_ = split_indices(kCombinations, split);
}

std::string ShapesDataset::description() const {
  return "shapes (built-in dSprites-style, " + std::to_string(image_size_) + "x" + std::to_string(image_size_) + ", " +
         split_ + ")";
}

torch::Tensor ShapesDataset::factors_of_combination(const torch::Tensor& combination) {
  auto rest = combination.to(torch::kLong).clone();
  auto out = torch::empty({rest.size(0), 5}, torch::kLong);
  const int64_t sizes[5] = {3, 6, 40, 32, 32};
  for (int k = 4; k >= 0; --k) {
    out.select(1, k).copy_(rest.remainder(sizes[k]));
    rest = rest.div(sizes[k], "floor");
  }
  return out;
}

torch::Tensor ShapesDataset::combination_of_factors(const torch::Tensor& factors) {
  const int64_t sizes[5] = {3, 6, 40, 32, 32};
  auto index = torch::zeros({factors.size(0)}, torch::kLong);
  for (int k = 0; k < 5; ++k) index = index * sizes[k] + factors.select(1, k);
  return index;
}

torch::Tensor ShapesDataset::labels(const torch::Tensor& indices) const {
  auto combination = index_.defined() ? index_.index_select(0, indices) : indices;
  return factors_of_combination(combination);
}

torch::Tensor ShapesDataset::images(const torch::Tensor& indices) const { return render(labels(indices)); }

torch::Tensor ShapesDataset::render(const torch::Tensor& factors) const {
  TORCH_CHECK(factors.dim() == 2 && factors.size(1) == 5, "shapes factors must be [n, 5], got ", factors.sizes());
  auto f = factors.to(torch::kLong).contiguous();
  const int64_t n = f.size(0);
  auto out = torch::empty({n, 1, image_size_, image_size_}, torch::kFloat);
  auto fa = f.accessor<int64_t, 2>();
  float* base = out.data_ptr<float>();
  const int64_t sizes[5] = {3, 6, 40, 32, 32};
  for (int64_t i = 0; i < n; ++i) {
    for (int k = 0; k < 5; ++k)
      TORCH_CHECK(fa[i][k] >= 0 && fa[i][k] < sizes[k], "shapes factor ", k, " out of range: ", fa[i][k]);
    const double scale = 0.5 + 0.1 * static_cast<double>(fa[i][1]);
    const double angle = 2.0 * M_PI * static_cast<double>(fa[i][2]) / 39.0;  // linspace(0, 2π, 40)
    const double cx = 16.0 + 32.0 * static_cast<double>(fa[i][3]) / 31.0;
    const double cy = 16.0 + 32.0 * static_cast<double>(fa[i][4]) / 31.0;
    render_sprite(static_cast<SpriteShape>(fa[i][0]), scale, angle, cx, cy, image_size_,
                  base + i * image_size_ * image_size_);
  }
  return out;
}

std::shared_ptr<const Dataset> ground_truth_dataset(int64_t image_size) {
  return std::make_shared<ShapesDataset>(image_size, "all");
}

}  // namespace fvae
