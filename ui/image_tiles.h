#pragma once
// Laying out small images for display and export, on the GUI side (no LibTorch).

#include <QImage>
#include <QVector>

namespace fvae::ui {

// Images side by side (`columns` per row, 0 = one row) with 1-pixel grey padding, in the first image's format.
QImage tileImages(const QVector<QImage>& images, int columns = 0);
// Nearest-neighbour upscaling: crisp pixels.
QImage upscaled(const QImage& image, int scale);

}  // namespace fvae::ui
