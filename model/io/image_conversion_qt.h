#pragma once
// How an image file becomes a model's input, the one conversion for the dataset readers and for images given to the
// GUI: first to grey or RGB (8 bits), then resized smoothly to the model's size. Full build only (Qt's image code).

#include <QImage>
#include <cstdint>

namespace fvae {

QImage convert_image(const QImage& image, int64_t channels, int64_t size);

}  // namespace fvae
