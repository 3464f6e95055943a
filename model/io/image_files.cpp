#include "model/io/image_files.h"

#ifdef FACTORVAE_HAVE_GIF
#include <gif_lib.h>
#endif

#include <algorithm>
#include <cctype>

#include "model/base/atomic_file.h"
#include "model/io/image_render.h"
#include "model/io/npy.h"

namespace fvae {

namespace {

struct GifColorTypeLike {
  uint8_t r, g, b;
};

// RGB GIFs: a 6×6×6 colour cube (entries 0–215) and a 40-level grey ramp (216–255). Greys map to the ramp, never to
// the cube, whose unequal steps once turned mid-grey mauve; greyscale GIFs use a 256-level grey palette instead.
constexpr int kCubeLevels = 6, kCubeEntries = 216, kGreyLevels = 40;
[[maybe_unused]] uint8_t palette_index(uint8_t r, uint8_t g, uint8_t b) {
  const int lo = std::min({r, g, b}), hi = std::max({r, g, b});
  if (hi - lo <= 12) {  // grey (antialiased text, a grey model's images in an RGB frame)
    const int grey = (r + g + b + 1) / 3;
    return static_cast<uint8_t>(kCubeEntries + (grey * (kGreyLevels - 1) + 127) / 255);
  }
  auto level = [](int c) { return (c * (kCubeLevels - 1) + 127) / 255; };
  return static_cast<uint8_t>(level(r) * 36 + level(g) * 6 + level(b));
}
[[maybe_unused]] GifColorTypeLike palette_colour(int i) {
  if (i >= kCubeEntries) {
    const auto v = static_cast<uint8_t>((i - kCubeEntries) * 255 / (kGreyLevels - 1));
    return {v, v, v};
  }
  return {static_cast<uint8_t>(i / 36 * 51), static_cast<uint8_t>(i / 6 % 6 * 51), static_cast<uint8_t>(i % 6 * 51)};
}

void write_or_throw(const std::string& path, const std::string& bytes) {
  try {
    write_file_atomically(path, bytes);
  } catch (const FileWriteError& e) {
    throw ExportError(e.what());
  }
}

std::string lower_extension(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string extension = path.substr(dot + 1);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace

torch::Tensor to_hwc_bytes(const torch::Tensor& image) {
  TORCH_CHECK(image.dim() == 3 && (image.size(0) == 1 || image.size(0) == 3), "expected an image [C, H, W], got ",
              image.sizes());
  return image.detach()
      .cpu()
      .to(torch::kFloat)
      .clamp(0, 1)
      .mul(255)
      .round()
      .to(torch::kUInt8)
      .permute({1, 2, 0})
      .contiguous();
}

namespace detail {

Raster scaled_raster(const torch::Tensor& image, int scale) {
  scale = std::max(1, scale);
  auto bytes = to_hwc_bytes(image);  // [H, W, C]
  if (scale > 1) bytes = bytes.repeat_interleave(scale, 0).repeat_interleave(scale, 1).contiguous();
  Raster raster{static_cast<int>(bytes.size(1)), static_cast<int>(bytes.size(0)), static_cast<int>(bytes.size(2)), {}};
  raster.pixels.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
  return raster;
}

}  // namespace detail

bool png_supported() { return detail::png_available(); }

EncodedPng encode_png(const torch::Tensor& image, const ImageStyle& style) {
  const detail::Raster raster = detail::render(image, style);
  return {detail::png_bytes(raster), raster.width, raster.height, raster.channels};
}

void save_png(const std::string& path, const torch::Tensor& image, const ImageStyle& style) {
  std::string bytes;
  try {
    bytes = encode_png(image, style).bytes;
  } catch (const ExportError& e) {
    throw ExportError(path + ": " + e.what());
  }
  write_or_throw(path, bytes);
}

void save_netpbm(const std::string& path, const torch::Tensor& image, const ImageStyle& style) {
  ImageStyle plain = style;
  plain.row_labels.clear();  // a portable format for tools, not a figure
  plain.column_labels.clear();
  const detail::Raster raster = detail::render(image, plain);
  std::string bytes = (raster.channels == 1 ? "P5\n" : "P6\n") + std::to_string(raster.width) + " " +
                      std::to_string(raster.height) + "\n255\n";
  bytes.append(reinterpret_cast<const char*>(raster.pixels.data()), raster.pixels.size());
  write_or_throw(path, bytes);
}

void save_image(const std::string& path, const torch::Tensor& image, const ImageStyle& style) {
  const std::string extension = lower_extension(path);
  if (extension == "png") return save_png(path, image, style);
  if (extension == "ppm" || extension == "pgm" || extension == "pnm") return save_netpbm(path, image, style);
  if (extension == "npy") {
    const auto npy = make_npy(image.detach().cpu().to(torch::kFloat).contiguous());
    return write_or_throw(path, std::string(npy.begin(), npy.end()));
  }
  throw ExportError(path + ": unknown image format '" + extension + "' (write .png, .ppm, .pgm or .npy)");
}

#ifdef FACTORVAE_HAVE_GIF
namespace {

struct GifOutput {
  const GifSink* sink;
  bool failed = false;
};

int gif_output(GifFileType* gif, const GifByteType* data, int size) {
  auto* out = static_cast<GifOutput*>(gif->UserData);
  if (out->failed || size < 0 || !(*out->sink)(data, static_cast<size_t>(size))) {
    out->failed = true;
    return 0;
  }
  return size;
}

}  // namespace

bool gif_supported() { return true; }

void write_gif(const std::string& name, const GifSink& sink, const std::vector<torch::Tensor>& frames, int delay_ms,
               const ImageStyle& style) {
  if (frames.empty()) throw ExportError(name + ": no frames to write");
  std::vector<detail::Raster> images;
  for (const auto& f : frames) images.push_back(detail::render(f, style));
  const int w = images.front().width, h = images.front().height;
  bool grey = true;
  for (const auto& im : images) {
    if (im.width != w || im.height != h) throw ExportError(name + ": GIF frames differ in size");
    grey = grey && im.channels == 1;
  }

  GifOutput output{&sink};
  int error = 0;
  GifFileType* gif = EGifOpen(&output, gif_output, &error);
  if (!gif) throw ExportError(name + ": cannot start the GIF (" + GifErrorString(error) + ")");
  // EGifCloseFile frees `gif` on every path: read its error code before closing, never after.
  auto fail = [&](const std::string& what) {
    const int code = gif->Error;
    int close_error = 0;
    EGifCloseFile(gif, &close_error);
    gif = nullptr;
    throw ExportError(name + ": " + what + " (" + (output.failed ? "the write failed" : GifErrorString(code)) + ")");
  };
  std::vector<GifColorType> colors(256);
  for (int i = 0; i < 256; ++i) {
    if (grey) {
      colors[i] = {static_cast<GifByteType>(i), static_cast<GifByteType>(i), static_cast<GifByteType>(i)};
    } else {
      const auto c = palette_colour(i);
      colors[i] = {c.r, c.g, c.b};
    }
  }
  ColorMapObject* map = GifMakeMapObject(256, colors.data());
  EGifSetGifVersion(gif, true);
  const bool header_written = EGifPutScreenDesc(gif, w, h, 8, 0, map) != GIF_ERROR;
  GifFreeMapObject(map);
  if (!header_written) fail("could not write the GIF header");
  // NETSCAPE2.0 application extension: loop forever.
  const unsigned char netscape[] = "NETSCAPE2.0";
  const unsigned char loop[] = {1, 0, 0};
  if (EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(gif, 11, netscape) == GIF_ERROR || EGifPutExtensionBlock(gif, 3, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer(gif) == GIF_ERROR)
    fail("could not write the loop extension");
  std::vector<GifByteType> line(static_cast<size_t>(w));
  for (const auto& im : images) {
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = std::max(1, delay_ms / 10);
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType ext[4];
    const size_t n = EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(n), ext) == GIF_ERROR ||
        EGifPutImageDesc(gif, 0, 0, w, h, false, nullptr) == GIF_ERROR)
      fail("could not write a frame");
    for (int y = 0; y < h; ++y) {
      const uint8_t* p = im.pixels.data() + static_cast<size_t>(y) * static_cast<size_t>(w * im.channels);
      for (int x = 0; x < w; ++x)
        line[x] = im.channels == 1 ? p[x] : grey ? p[3 * x] : palette_index(p[3 * x], p[3 * x + 1], p[3 * x + 2]);
      if (EGifPutLine(gif, line.data(), w) == GIF_ERROR) fail("could not write a frame");
    }
  }
  error = 0;
  const bool closed = EGifCloseFile(gif, &error) != GIF_ERROR;
  gif = nullptr;
  if (!closed || output.failed)
    throw ExportError(name + ": could not finish the GIF (" +
                      (output.failed ? std::string("the write failed") : GifErrorString(error)) + ")");
}

void save_gif(const std::string& path, const std::vector<torch::Tensor>& frames, int delay_ms,
              const ImageStyle& style) {
  // Encoded in memory, then written like every other output: atomically, with the usual permissions.
  std::string bytes;
  const GifSink append = [&bytes](const uint8_t* data, size_t size) {
    bytes.append(reinterpret_cast<const char*>(data), size);
    return true;
  };
  write_gif(path, append, frames, delay_ms, style);
  write_or_throw(path, bytes);
}

#else
bool gif_supported() { return false; }

void write_gif(const std::string& name, const GifSink&, const std::vector<torch::Tensor>&, int, const ImageStyle&) {
  throw ExportError(name + ": this build writes no GIF (giflib was not found when it was built)");
}

void save_gif(const std::string& path, const std::vector<torch::Tensor>& frames, int delay_ms,
              const ImageStyle& style) {
  write_gif(path, {}, frames, delay_ms, style);
}
#endif

}  // namespace fvae
