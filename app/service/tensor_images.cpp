#include "app/service/tensor_images.h"

#include "model/io/image_conversion_qt.h"

namespace fvae::service {

QImage to_qimage(const torch::Tensor& image) {
  auto bytes = image.detach().cpu().clamp(0, 1).mul(255).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  const int h = static_cast<int>(bytes.size(0)), w = static_cast<int>(bytes.size(1));
  const bool grey = bytes.size(2) == 1;
  QImage view(bytes.data_ptr<uint8_t>(), w, h, static_cast<qsizetype>(w * bytes.size(2)),
              grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  return view.copy();  // owns its pixels once the tensor is gone
}

torch::Tensor image_pixels(const QImage& image, int64_t channels) {
  const QImage converted = image.convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  const int64_t h = converted.height(), w = converted.width();
  auto x = torch::empty({channels, h, w});
  auto a = x.accessor<float, 3>();
  for (int64_t y = 0; y < h; ++y) {
    const uchar* line = converted.constScanLine(static_cast<int>(y));
    for (int64_t px = 0; px < w; ++px)
      for (int64_t c = 0; c < channels; ++c) a[c][y][px] = line[px * channels + c] / 255.0f;
  }
  return x;
}

torch::Tensor from_qimage(const QImage& image, int64_t channels, int64_t size) {
  return image_pixels(convert_image(image, channels, size), channels);  // as the dataset readers convert files
}

torch::Tensor from_qimages(const QVector<QImage>& images, int64_t channels, int64_t size) {
  std::vector<torch::Tensor> tensors;
  for (const QImage& image : images) tensors.push_back(from_qimage(image, channels, size));
  return tensors.empty() ? torch::empty({0, channels, size, size}) : torch::stack(tensors, 0);
}

}  // namespace fvae::service
