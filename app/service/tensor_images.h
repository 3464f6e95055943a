#pragma once
// Conversions between QImage and image tensors for the service layer's sources (never included by widgets).

#include <torch/torch.h>

#include <QImage>
#include <QVector>

namespace fvae::service {

// [C, H, W] floats in [0, 1], C = 1 or 3 → a greyscale or RGB image that owns its pixels.
QImage to_qimage(const torch::Tensor& image);
// Any image → [channels, H, W] floats in [0, 1] at its own size (converted to grey or RGB).
torch::Tensor image_pixels(const QImage& image, int64_t channels);
// Any image → [channels, size, size] floats in [0, 1], converted as the dataset readers convert image files
// (model/io/image_conversion_qt.h: to grey or RGB, then resized smoothly).
torch::Tensor from_qimage(const QImage& image, int64_t channels, int64_t size);
// Several images of one size → [N, channels, size, size].
torch::Tensor from_qimages(const QVector<QImage>& images, int64_t channels, int64_t size);

}  // namespace fvae::service
