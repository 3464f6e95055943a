#include <torch/torch.h>

#include "app/service/image_export.h"

#include <algorithm>

#include "app/service/tensor_images.h"
#include "model/base/atomic_file.h"
#include "model/io/image_files.h"
#include "model/io/npy.h"

#include <QDir>

namespace fvae::service {

namespace {

// Keeps the image's own channels: grey stays grey, anything in colour becomes RGB.
torch::Tensor image_tensor(const QImage& image) { return image_pixels(image, image.isGrayscale() ? 1 : 3); }

ImageStyle to_style(const ExportStyle& style) {
  ImageStyle s;
  s.scale = std::max(1, style.scale);
  for (const QString& label : style.rowLabels) s.row_labels.push_back(label.toStdString());
  s.row_height = style.rowHeight;
  s.row_offset = style.rowOffset;
  for (const QString& label : style.columnLabels) s.column_labels.push_back(label.toStdString());
  s.column_width = style.columnWidth;
  s.column_offset = style.columnOffset;
  return s;
}

}  // namespace

void writePng(const QString& path, const QImage& image, const ExportStyle& style) {
  if (image.isNull()) throw Error(QStringLiteral("%1: there is no image to save").arg(path).toStdString());
  try {
    save_png(path.toStdString(), image_tensor(image), to_style(style));
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
}

void writeImageFiles(const QString& folder, const QString& prefix, const QVector<QImage>& images,
                     const QVector<QVector<float>>& codes) {
  if (!QDir().mkpath(folder)) throw Error(QStringLiteral("%1: cannot create the folder").arg(folder).toStdString());
  const QDir dir(folder);
  for (int i = 0; i < images.size(); ++i) {
    writePng(dir.filePath(QStringLiteral("%1-%2.png").arg(prefix).arg(i, 3, 10, QLatin1Char('0'))), images[i]);
  }
  if (codes.isEmpty()) return;
  const int64_t dims = codes.first().size();
  auto table = torch::empty({static_cast<int64_t>(codes.size()), dims}, torch::kFloat);
  for (int i = 0; i < codes.size(); ++i)
    for (int64_t d = 0; d < dims && d < codes[i].size(); ++d) table[i][d] = codes[i][static_cast<int>(d)];
  const auto bytes = make_npy(table);
  writeTextFile(dir.filePath(prefix + QStringLiteral("-codes.npy")),
                       QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())));
}

QImage styledImage(const QImage& image, const ExportStyle& style) {
  if (image.isNull()) return {};
  const auto png = encode_png(image_tensor(image), to_style(style));
  return QImage::fromData(reinterpret_cast<const uchar*>(png.bytes.data()), static_cast<int>(png.bytes.size()), "PNG");
}

void writeTextFile(const QString& path, const QByteArray& bytes) {
  try {
    write_file_atomically(path.toStdString(), bytes.constData(), static_cast<size_t>(bytes.size()));
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
}

void writeGif(const QString& path, const QVector<QImage>& frames, int delayMs, const ExportStyle& style) {
  if (frames.isEmpty()) throw Error(QStringLiteral("%1: there are no frames to save").arg(path).toStdString());
  try {
    std::vector<torch::Tensor> tensors;
    for (const QImage& frame : frames)
      if (frame.size() != frames.first().size())
        throw Error(QStringLiteral("%1: the frames differ in size").arg(path).toStdString());
    ExportStyle common = style;
    if (!style.frameLabels.isEmpty()) {
      // Each frame drawn with its own header (the frames of a traversal are its columns, one value each).
      common = ExportStyle{};
      for (int k = 0; k < frames.size(); ++k) {
        ExportStyle own = style;
        own.frameLabels.clear();
        own.columnLabels = QStringList{style.frameLabels.value(k)};
        tensors.push_back(image_tensor(styledImage(frames[k], own)));
      }
    } else {
      for (const QImage& frame : frames) tensors.push_back(image_tensor(frame));
    }
    // One channel count for all frames.
    const bool rgb = std::any_of(tensors.begin(), tensors.end(), [](const auto& t) { return t.size(0) == 3; });
    if (rgb)
      for (auto& t : tensors) t = t.expand({3, t.size(1), t.size(2)}).contiguous();
    save_gif(path.toStdString(), tensors, delayMs, to_style(common));
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
}

}  // namespace fvae::service
