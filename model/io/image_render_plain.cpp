// The headless build's images: labels in the built-in bitmap font, PNG through libpng where it was found.
#include "model/io/image_render.h"

#ifdef FACTORVAE_HAVE_LIBPNG
#include <png.h>
#endif

namespace fvae::detail {

Raster render(const torch::Tensor& image, const ImageStyle& style) { return render_with_bitmap_labels(image, style); }

#ifdef FACTORVAE_HAVE_LIBPNG
namespace {

void append_bytes(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}

void flush_nothing(png_structp) {}

// libpng's documented error path: keep the message, jump back to png_bytes' setjmp (no exception crosses C frames).
void on_png_error(png_structp png, png_const_charp message) {
  *static_cast<std::string*>(png_get_error_ptr(png)) = message;
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}

}  // namespace

std::string png_bytes(const Raster& raster) {
  std::string error = "out of memory";
  std::string bytes;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &error, on_png_error, on_png_warning);
  if (!png) throw ExportError("PNG encoding failed (" + error + ")");
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw ExportError("PNG encoding failed (" + error + ")");
  }
  png_set_write_fn(png, &bytes, append_bytes, flush_nothing);
  png_set_IHDR(png, info, static_cast<png_uint_32>(raster.width), static_cast<png_uint_32>(raster.height), 8,
               raster.channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  const size_t row = static_cast<size_t>(raster.width * raster.channels);
  for (int y = 0; y < raster.height; ++y) png_write_row(png, raster.pixels.data() + row * static_cast<size_t>(y));
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return bytes;
}

bool png_available() { return true; }
#else
std::string png_bytes(const Raster&) {
  throw ExportError(
      "this build writes no PNG (neither Qt nor libpng was found when it was built); write .ppm "
      "(.pgm) or .npy instead");
}

bool png_available() { return false; }
#endif

}  // namespace fvae::detail
