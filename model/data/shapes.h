#pragma once
// The built-in `shapes` dataset: a procedural dSprites-style generator with known ground-truth factors.
// Geometry follows dSprites at 64×64 (see shared/dsprites-geometry.md); smaller sizes render the same picture,
// downsampled by area.

#include <torch/torch.h>

#include <array>
#include <string>
#include <vector>

#include "model/data/dataset.h"
#include "model/data/ground_truth.h"

namespace fvae {

enum class SpriteShape { Square = 0, Ellipse = 1, Heart = 2 };

class ShapesDataset : public Dataset, public GroundTruthSource {
 public:
  static constexpr int64_t kCombinations = 3 * 6 * 40 * 32 * 32;  // 737,280, as dSprites

  // `split`: "all" (the 737,280 combinations in dSprites order), or "train"/"val"/"test" (a fixed 90/5/5 partition).
  explicit ShapesDataset(int64_t image_size = 64, const std::string& split = "all");

  int64_t size() const override { return index_.defined() ? index_.size(0) : kCombinations; }
  ImageShape shape() const override { return {1, image_size_, image_size_}; }
  torch::Tensor images(const torch::Tensor& indices) const override;
  torch::Tensor labels(const torch::Tensor& indices) const override;  // factor indices [n, 5]
  std::string kind() const override { return "shapes"; }
  std::string description() const override;

  std::vector<int64_t> factor_sizes() const override { return {3, 6, 40, 32, 32}; }
  std::vector<std::string> factor_names() const override {
    return {"shape", "scale", "orientation", "x position", "y position"};
  }
  std::vector<std::vector<std::string>> factor_value_names() const override;
  LabelInfo label_info() const override { return {factor_names(), factor_value_names(), false}; }
  torch::Tensor render(const torch::Tensor& factors) const override;
  const GroundTruthSource* ground_truth() const override { return this; }

  // Row-major over (shape, scale, orientation, posX, posY), posY fastest, as dSprites.
  static torch::Tensor factors_of_combination(const torch::Tensor& combination);
  static torch::Tensor combination_of_factors(const torch::Tensor& factors);

 private:
  int64_t image_size_;
  std::string split_;
  torch::Tensor index_;  // split positions → combination; undefined for "all"
};

// Renders one sprite into `out` (size×size floats): binary from 64×64 up, as dSprites; below 64×64 each pixel holds
// the fraction of ceil(64/size)² sub-samples that are on (at 32×32 exactly the mean of its 2×2 dSprites pixels). Scale
// in [0.5, 1], angle in radians (counter-clockwise as displayed), centre in 64-pixel canvas coordinates (x right, y
// down; dSprites: 16 + 32·position).
void render_sprite(SpriteShape shape, double scale, double angle, double centre_x, double centre_y, int64_t size,
                   float* out);

}  // namespace fvae
