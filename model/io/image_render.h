#pragma once
// Inside model/io: an image rasterised for a file (scaled, with its labels) and its PNG encoding. Two
// implementations: Qt's (labels drawn with the desktop's fonts where a GUI application object exists, else with the
// built-in bitmap font; PNG through QImageWriter) in builds with Qt, and a plain one (the bitmap font; PNG through
// libpng when found) for the headless build.

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

// `image` float [C, H, W] in [0, 1], upscaled by style.scale with crisp pixels, with the style's labels.
Raster render(const torch::Tensor& image, const ImageStyle& style);
// The same with the labels in a built-in 8x8 bitmap font (Latin-1): no fonts, no GUI application object needed.
Raster render_with_bitmap_labels(const torch::Tensor& image, const ImageStyle& style);
// PNG bytes of a raster. Throws ExportError when the build has no PNG encoder.
std::string png_bytes(const Raster& raster);
// Whether png_bytes works in this build.
bool png_available();

// The tensor's pixels upscaled with crisp pixels and no labels (the plain renderer, and Qt's without labels).
Raster scaled_raster(const torch::Tensor& image, int scale);

}  // namespace fvae::detail
