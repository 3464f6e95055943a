// Labels drawn with a built-in 8x8 bitmap font: images labelled the same in every build and process, without fonts
// or a GUI application object (the CLI on a server, the headless build).
#include "model/io/image_render.h"

#include <algorithm>
#include <cstdint>

namespace fvae::detail {

namespace {

#include "model/io/font8x8.inc"

constexpr int kGlyph = 8;

// Δ, the traversal grid's difference-map column (drawn here: the font's Greek set is not included).
constexpr unsigned char kGlyphDelta[8] = {0x08, 0x1C, 0x1C, 0x36, 0x36, 0x63, 0x7F, 0x00};

// The glyph of a code point: Basic Latin and Latin-1, Δ; a minus sign and an ellipsis as their ASCII look-alikes; '?'
// for anything else.
const unsigned char* glyph(uint32_t code) {
  if (code == 0x0394) return kGlyphDelta;
  if (code == 0x2212) code = '-';
  if (code == 0x2026) code = '.';
  if (code >= 0x20 && code <= 0x7E) return kGlyphsAscii[code - 0x20];
  if (code >= 0xA0 && code <= 0xFF) return kGlyphsLatin1[code - 0xA0];
  return kGlyphsAscii['?' - 0x20];
}

// UTF-8 to code points; a malformed byte stands for itself (Latin-1), so that nothing is dropped.
std::vector<uint32_t> code_points(const std::string& text) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    bool valid = length > 0 && i + static_cast<size_t>(length) <= text.size();
    uint32_t code = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; valid && k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
      valid = (c >> 6) == 2;
      code = (code << 6) | (c & 0x3F);
    }
    out.push_back(valid ? code : b);
    i += valid ? static_cast<size_t>(length) : 1;
  }
  return out;
}

int text_width(const std::string& text, int magnification) {
  return static_cast<int>(code_points(text).size()) * kGlyph * magnification;
}

// Black text with its top-left corner at (x, y), clipped to the raster.
void draw_text(Raster& raster, const std::string& text, int x, int y, int magnification) {
  for (uint32_t code : code_points(text)) {
    const unsigned char* rows = glyph(code);
    for (int gy = 0; gy < kGlyph * magnification; ++gy)
      for (int gx = 0; gx < kGlyph * magnification; ++gx) {
        if (!((rows[gy / magnification] >> (gx / magnification)) & 1)) continue;
        const int px = x + gx, py = y + gy;
        if (px < 0 || py < 0 || px >= raster.width || py >= raster.height) continue;
        uint8_t* pixel = raster.pixels.data() +
                         (static_cast<size_t>(py) * static_cast<size_t>(raster.width) + static_cast<size_t>(px)) *
                             static_cast<size_t>(raster.channels);
        std::fill_n(pixel, raster.channels, uint8_t{0});
      }
    x += kGlyph * magnification;
  }
}

}  // namespace

Raster render_with_bitmap_labels(const torch::Tensor& image, const ImageStyle& style) {
  Raster scaled = scaled_raster(image, style.scale);
  const bool rows = !style.row_labels.empty() && style.row_height > 0;
  const bool columns = !style.column_labels.empty() && style.column_width > 0;
  if (!rows && !columns) return scaled;
  const int scale = std::max(1, style.scale);
  const int cell = (rows ? style.row_height : style.column_width) * scale;
  const int magnification = cell >= 32 ? 2 : 1;  // 16-pixel letters from cells of 32 pixels on
  int margin = 0;
  if (rows) {
    for (const auto& label : style.row_labels) margin = std::max(margin, text_width(label, magnification));
    margin += 8;
  }
  const int header = columns ? kGlyph * magnification + 6 : 0;
  Raster out{scaled.width + margin, scaled.height + header, scaled.channels, {}};
  out.pixels.assign(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * static_cast<size_t>(out.channels),
                    255);
  const size_t in_row = static_cast<size_t>(scaled.width * scaled.channels);
  for (int y = 0; y < scaled.height; ++y)
    std::copy_n(scaled.pixels.data() + in_row * static_cast<size_t>(y), in_row,
                out.pixels.data() + (static_cast<size_t>(y + header) * static_cast<size_t>(out.width) +
                                     static_cast<size_t>(margin)) *
                                        static_cast<size_t>(out.channels));
  const int text_height = kGlyph * magnification;
  if (rows)
    for (size_t r = 0; r < style.row_labels.size(); ++r) {
      const int top = header + (style.row_offset + static_cast<int>(r) * style.row_height) * scale;
      const std::string& label = style.row_labels[r];
      draw_text(out, label, margin - 6 - text_width(label, magnification),
                top + (style.row_height * scale - text_height) / 2, magnification);
    }
  if (columns)
    for (size_t c = 0; c < style.column_labels.size(); ++c) {
      const int left = margin + (style.column_offset + static_cast<int>(c) * style.column_width) * scale;
      const std::string& label = style.column_labels[c];
      draw_text(out, label, left + (style.column_width * scale - text_width(label, magnification)) / 2,
                (header - text_height) / 2, magnification);
    }
  return out;
}

}  // namespace fvae::detail
