#pragma once
// Writing images, atomically: PNG (through Qt in the full build, with row labels; through libpng in the headless
// build, without), binary PPM/PGM and .npy (no dependency), animated GIF through giflib (Qt cannot write GIF).

#include <torch/torch.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fvae {

class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImageStyle {
  int scale = 1;  // integer upscaling with crisp (nearest) pixels
  // Optional labels drawn left of equally tall rows (e.g. latent names of a traversal grid): in the desktop's font
  // where a QGuiApplication exists, else in a built-in bitmap font (Latin-1; other characters as '?').
  std::vector<std::string> row_labels;
  int row_height = 0;  // rows' height in unscaled pixels, including padding
  int row_offset = 0;  // unscaled pixels above the first row
  // Optional labels drawn above equally wide columns (e.g. a traversal's values), in a header row; "" for none.
  std::vector<std::string> column_labels;
  int column_width = 0;   // columns' width in unscaled pixels, including padding
  int column_offset = 0;  // unscaled pixels left of the first column
};

// `image`: float [C, H, W] in [0, 1], C = 1 or 3.
// By the file's extension: .png, .ppm/.pgm/.pnm (binary netpbm, no labels) or .npy (the float image itself).
void save_image(const std::string& path, const torch::Tensor& image, const ImageStyle& style = {});
void save_netpbm(const std::string& path, const torch::Tensor& image, const ImageStyle& style = {});
// Throws ExportError naming the file in a build without a PNG encoder (png_supported() false).
void save_png(const std::string& path, const torch::Tensor& image, const ImageStyle& style = {});
// The same image encoded as PNG in memory, with its size after scaling (for logs that embed images).
struct EncodedPng {
  std::string bytes;
  int width = 0, height = 0, channels = 1;
};
EncodedPng encode_png(const torch::Tensor& image, const ImageStyle& style = {});
bool png_supported();
bool gif_supported();
// `frames`: equally sized float [C, H, W] images; `delay_ms` per frame; loops forever.
void save_gif(const std::string& path, const std::vector<torch::Tensor>& frames, int delay_ms,
              const ImageStyle& style = {});

// Where write_gif puts the encoded bytes; returns false when it cannot take them (a full disk, say).
using GifSink = std::function<bool(const uint8_t* data, size_t size)>;
// Encodes an animated GIF into `sink`. Throws ExportError naming `name` when a frame is malformed or the sink fails.
void write_gif(const std::string& name, const GifSink& sink, const std::vector<torch::Tensor>& frames, int delay_ms,
               const ImageStyle& style = {});

// Image tensor [C, H, W] float → uint8 [H, W, C] contiguous (the layout QImage and GIF want).
torch::Tensor to_hwc_bytes(const torch::Tensor& image);

}  // namespace fvae
