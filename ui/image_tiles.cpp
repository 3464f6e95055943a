#include "ui/image_tiles.h"

#include <QPainter>

namespace fvae::ui {

QImage tileImages(const QVector<QImage>& images, int columns) {
  if (images.isEmpty()) return {};
  const int n = static_cast<int>(images.size());
  const int cols = columns > 0 ? std::min(columns, n) : n;
  const int rows = (n + cols - 1) / cols;
  const QSize cell = images.first().size();
  QImage out(cols * (cell.width() + 1) + 1, rows * (cell.height() + 1) + 1, QImage::Format_RGB32);
  out.fill(QColor(128, 128, 128));  // the grey of the engine's grids
  QPainter painter(&out);
  for (int i = 0; i < n; ++i)
    painter.drawImage(1 + (i % cols) * (cell.width() + 1), 1 + (i / cols) * (cell.height() + 1), images[i]);
  painter.end();
  const bool grey = std::all_of(images.begin(), images.end(), [](const QImage& im) { return im.isGrayscale(); });
  return grey ? out.convertToFormat(QImage::Format_Grayscale8) : out.convertToFormat(QImage::Format_RGB888);
}

QImage upscaled(const QImage& image, int scale) {
  return scale <= 1 ? image : image.scaled(image.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation);
}

}  // namespace fvae::ui
