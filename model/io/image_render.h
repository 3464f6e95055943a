#pragma once
// Inside model/io: an image rasterised for a file (scaled, with row labels where fonts exist) and its PNG encoding.
// Two implementations: Qt's (labels drawn with fonts; PNG through QImageWriter) in builds with Qt, and a plain one
// (no labels; PNG through libpng when found) for the headless build.

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "model/io/image_files.h"

namespace fvae::detail {

struct Raster {
  int width = 0, height = 0, channels = 1;  // channels 1 (grey) or 3 (RGB)
  std::vector<uint8_t> pixels;              // rows top to bottom, height × width × channels bytes
};

// `image` float [C, H, W] in [0, 1], upscaled by style.scale with crisp pixels; labels where the build can draw them.
Raster render(const torch::Tensor& image, const ImageStyle& style);
// PNG bytes of a raster. Throws ExportError when the build has no PNG encoder.
std::string png_bytes(const Raster& raster);
// Whether png_bytes works in this build.
bool png_available();

// The tensor's pixels upscaled with crisp pixels and no labels (the plain renderer, and Qt's without labels).
Raster scaled_raster(const torch::Tensor& image, int scale);

}  // namespace fvae::detail
