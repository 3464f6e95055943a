#pragma once
// Image grids as the CLI and GUI show them: replications, latent traversals with difference maps, prior samples.
// Everything here returns float images in [0, 1]; conversion to files lives in model/io.

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

namespace fvae {

// Values −3 … +3 in steps of 0.5: the traversal columns of the original project.
std::vector<double> traversal_values(double limit = 3.0, double step = 0.5);
// The labels above a traversal grid's columns (with_difference_maps): whole values ("−3" … "+3"), "" between them so
// that small scales stay readable, and "Δ" over the difference map.
std::vector<std::string> traversal_column_labels(const std::vector<double>& values);

// Decoded traversals [D, V, C, H, W]: row d varies dimension d over `values`, either added to `base` (offsets) or
// replacing it (absolute values, as the original project did).
torch::Tensor latent_traversal(const std::function<torch::Tensor(const torch::Tensor&)>& decode,
                               const torch::Tensor& base, const std::vector<double>& values, bool absolute);

// The original project's difference map of one traversal row [V, C, H, W]: the row's mean image where the
// per-pixel standard deviation across the row exceeds `threshold`, black elsewhere.
torch::Tensor difference_map(const torch::Tensor& row, double threshold = 0.02);

// Traversal rows with their difference map appended as a last column: [D, V + 1, C, H, W].
torch::Tensor with_difference_maps(const torch::Tensor& traversal);

// Animation frames of a traversal [D, V, C, H, W]: frame v tiles column v (every dimension at value v), forth and
// back (V + V − 2 frames) so that a looping GIF plays smoothly.
std::vector<torch::Tensor> traversal_frames(const torch::Tensor& traversal);
// Each of those frames' value, as a header for it ("−3", "−2.5", …, "+3", …, "−2.5"), in traversal_frames' order.
std::vector<std::string> traversal_frame_labels(const std::vector<double>& values);

// Codes from `a` to `b` ([D] each) at `steps` evenly spaced fractions t = 0 … 1, endpoints included: [steps, D].
// Spherical: slerp over the angle between a and b (Shoemake 1985), which keeps the norm near that of prior samples
// instead of shrinking it mid-way; falls back to linear when a and b are (anti)parallel or a norm is near zero.
torch::Tensor interpolate_codes(const torch::Tensor& a, const torch::Tensor& b, int64_t steps, bool spherical);

// Per-pixel absolute error |x − x̂| (averaged over channels) as an RGB "hot" colour map [3, H, W]: black for 0,
// through red and yellow, white for 1. Not normalised per image, so maps of different images compare.
torch::Tensor error_heatmap(const torch::Tensor& original, const torch::Tensor& reconstruction);

// Lays out cells [R, K, C, H, W] (or [N, C, H, W] with `columns`) as one image [C, R·(H+pad)+pad, K·(W+pad)+pad].
torch::Tensor tile(const torch::Tensor& cells, int64_t padding = 1, double background = 0.5);
torch::Tensor tile(const torch::Tensor& images, int64_t columns, int64_t padding, double background);

}  // namespace fvae
