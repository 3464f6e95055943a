// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include "model/io/image_render.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>

namespace fvae::detail {

namespace {

QImage to_qimage(const Raster& raster) {
  QImage image(raster.pixels.data(), raster.width, raster.height, raster.width * raster.channels,
               raster.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  return image.copy();  // detach from the raster's memory
}

Raster from_qimage(const QImage& image) {
  const bool grey = image.format() == QImage::Format_Grayscale8;
  const QImage converted = grey ? image : image.convertToFormat(QImage::Format_RGB888);
  Raster raster{converted.width(), converted.height(), grey ? 1 : 3, {}};
  const size_t row = static_cast<size_t>(raster.width * raster.channels);
  raster.pixels.resize(row * static_cast<size_t>(raster.height));
  for (int y = 0; y < raster.height; ++y)
    std::copy_n(converted.constScanLine(y), row, raster.pixels.data() + row * static_cast<size_t>(y));
  return raster;
}

}  // namespace

Raster render(const torch::Tensor& image, const ImageStyle& style) {
  // The desktop's fonts need a GUI application object (the GUI has one); elsewhere (the CLI) the bitmap font.
  // Not qApp: in Qt GUI headers it is already a static_cast to QGuiApplication (undefined for a QCoreApplication).
  if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) return render_with_bitmap_labels(image, style);
  Raster scaled = scaled_raster(image, style.scale);
  const bool rows = !style.row_labels.empty() && style.row_height > 0;
  const bool columns = !style.column_labels.empty() && style.column_width > 0;
  if (!rows && !columns) return scaled;
  const int scale = std::max(1, style.scale);
  QFont font;
  const int cell = rows ? style.row_height : style.column_width;
  font.setPixelSize(std::max(9, std::min(14, cell * scale / 2)));
  QFontMetrics metrics(font);
  int margin = 0;
  if (rows) {
    for (const auto& label : style.row_labels)
      margin = std::max(margin, metrics.horizontalAdvance(QString::fromStdString(label)));
    margin += 8;
  }
  const int header = columns ? metrics.height() + 4 : 0;
  QImage out(scaled.width + margin, scaled.height + header, QImage::Format_RGB888);
  out.fill(Qt::white);
  QPainter painter(&out);
  painter.drawImage(margin, header, to_qimage(scaled));
  painter.setFont(font);
  painter.setPen(Qt::black);
  if (rows)
    for (size_t r = 0; r < style.row_labels.size(); ++r) {
      const int top = header + (style.row_offset + static_cast<int>(r) * style.row_height) * scale;
      painter.drawText(QRect(2, top, margin - 6, style.row_height * scale), Qt::AlignRight | Qt::AlignVCenter,
                       QString::fromStdString(style.row_labels[r]));
    }
  if (columns)
    for (size_t c = 0; c < style.column_labels.size(); ++c) {
      const int left = margin + (style.column_offset + static_cast<int>(c) * style.column_width) * scale;
      painter.drawText(QRect(left - 8, 0, style.column_width * scale + 16, header), Qt::AlignCenter,
                       QString::fromStdString(style.column_labels[c]));
    }
  painter.end();
  return from_qimage(out);
}

std::string png_bytes(const Raster& raster) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QImageWriter writer(&buffer, "png");
  if (!writer.write(to_qimage(raster)))
    throw ExportError("PNG encoding failed (" + writer.errorString().toStdString() + ")");
  const QByteArray& data = buffer.data();
  return std::string(data.constData(), static_cast<size_t>(data.size()));
}

bool png_available() { return true; }

}  // namespace fvae::detail
