// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include "model/io/image_files.h"

#include <gif_lib.h>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>

#include "model/atomic_file.h"

namespace fvae {

namespace {

// The tensor as an RGB/greyscale QImage, upscaled with crisp pixels, with row labels in a left margin.
QImage render(const torch::Tensor& image, const ImageStyle& style) {
  auto bytes = to_hwc_bytes(image);
  const int h = static_cast<int>(bytes.size(0)), w = static_cast<int>(bytes.size(1));
  const bool grey = bytes.size(2) == 1;
  QImage base(bytes.data_ptr<uint8_t>(), w, h, static_cast<qsizetype>(w * bytes.size(2)),
              grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  const int scale = std::max(1, style.scale);
  QImage scaled = base.scaled(w * scale, h * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
  const bool labels = !style.row_labels.empty() && style.row_height > 0 && qobject_cast<QGuiApplication*>(qApp);
  if (!labels) return scaled.copy();  // detach from the tensor's memory
  QFont font;
  font.setPixelSize(std::max(9, std::min(14, style.row_height * scale / 2)));
  QFontMetrics metrics(font);
  int margin = 0;
  for (const auto& label : style.row_labels)
    margin = std::max(margin, metrics.horizontalAdvance(QString::fromStdString(label)));
  margin += 8;
  QImage out(scaled.width() + margin, scaled.height(), QImage::Format_RGB888);
  out.fill(Qt::white);
  QPainter painter(&out);
  painter.drawImage(margin, 0, scaled);
  painter.setFont(font);
  painter.setPen(Qt::black);
  for (size_t r = 0; r < style.row_labels.size(); ++r) {
    const int top = (style.row_offset + static_cast<int>(r) * style.row_height) * scale;
    painter.drawText(QRect(2, top, margin - 6, style.row_height * scale), Qt::AlignRight | Qt::AlignVCenter,
                     QString::fromStdString(style.row_labels[r]));
  }
  return out;
}

// 6×7×6 colour cube plus a grey ramp: enough for RGB previews; greyscale GIFs use a 256-level grey palette instead.
uint8_t cube_index(uint8_t r, uint8_t g, uint8_t b) {
  const int ri = (r * 5 + 127) / 255, gi = (g * 6 + 127) / 255, bi = (b * 5 + 127) / 255;
  return static_cast<uint8_t>(ri * 42 + gi * 6 + bi);
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

void save_png(const std::string& path, const torch::Tensor& image, const ImageStyle& style) {
  QImage rendered = render(image, style);
  QSaveFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::WriteOnly))
    throw ExportError(path + ": cannot write (" + file.errorString().toStdString() + ")");
  QImageWriter writer(&file, "png");
  if (!writer.write(rendered)) {
    file.cancelWriting();
    throw ExportError(path + ": could not write the PNG (" + writer.errorString().toStdString() + ")");
  }
  if (!file.commit()) throw ExportError(path + ": could not save (" + file.errorString().toStdString() + ")");
}

EncodedPng encode_png(const torch::Tensor& image, const ImageStyle& style) {
  const QImage rendered = render(image, style);
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QImageWriter writer(&buffer, "png");
  if (!writer.write(rendered)) throw ExportError("PNG encoding failed (" + writer.errorString().toStdString() + ")");
  const QByteArray& data = buffer.data();
  return {std::string(data.constData(), static_cast<size_t>(data.size())), rendered.width(), rendered.height(),
          rendered.isGrayscale() ? 1 : 3};
}

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

void write_gif(const std::string& name, const GifSink& sink, const std::vector<torch::Tensor>& frames, int delay_ms,
               const ImageStyle& style) {
  if (frames.empty()) throw ExportError(name + ": no frames to write");
  std::vector<QImage> images;
  for (const auto& f : frames) images.push_back(render(f, style).convertToFormat(QImage::Format_RGB888));
  const bool grey = frames.front().size(0) == 1 && style.row_labels.empty();
  const int w = images.front().width(), h = images.front().height();
  for (const auto& im : images)
    if (im.width() != w || im.height() != h) throw ExportError(name + ": GIF frames differ in size");

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
    } else if (i < 252) {
      colors[i] = {static_cast<GifByteType>((i / 42) * 51), static_cast<GifByteType>(((i / 6) % 7) * 255 / 6),
                   static_cast<GifByteType>((i % 6) * 51)};
    } else {
      colors[i] = {0, 0, 0};
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
      const uchar* p = im.constScanLine(y);
      for (int x = 0; x < w; ++x) {
        const uchar r = p[3 * x], g = p[3 * x + 1], b = p[3 * x + 2];
        line[x] = grey ? r : cube_index(r, g, b);
      }
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
  try {
    write_file_atomically(path, bytes);
  } catch (const FileWriteError& e) {
    throw ExportError(e.what());
  }
}

}  // namespace fvae
