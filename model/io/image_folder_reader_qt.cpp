// Folders of image files through Qt's image readers (PNG, JPEG, BMP, …): the full build's part of the readers.
// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include "model/io/readers.h"

#include "model/io/image_conversion_qt.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

namespace fvae {

QImage convert_image(const QImage& image, int64_t channels, int64_t size) {
  QImage converted = image.convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  if (converted.width() != size || converted.height() != size)
    converted = converted.scaled(static_cast<int>(size), static_cast<int>(size), Qt::IgnoreAspectRatio,
                                 Qt::SmoothTransformation);
  return converted;
}

namespace {

void copy_into(const QImage& image, int64_t channels, uint8_t* out) {
  const int w = image.width(), h = image.height();
  for (int y = 0; y < h; ++y) {
    const uchar* line = image.constScanLine(y);
    for (int x = 0; x < w; ++x)
      for (int64_t c = 0; c < channels; ++c) out[(c * h + y) * w + x] = line[x * channels + c];
  }
}

QImage read_qimage(const std::string& path) {
  QImageReader reader(QString::fromStdString(path));
  QImage image = reader.read();
  if (image.isNull()) throw DatasetError(path + ": cannot read the image (" + reader.errorString().toStdString() + ")");
  return image;
}

}  // namespace

RawImages read_image_folder(const std::string& folder, int64_t channels, int64_t size) {
  const QString root = QString::fromStdString(folder);
  if (!QFileInfo(root).isDir()) throw DatasetError(folder + ": not a folder");
  QStringList filters;
  for (const QByteArray& format : QImageReader::supportedImageFormats()) filters << "*." + QString::fromLatin1(format);
  QStringList files;
  QDirIterator it(root, filters, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) files << it.next();
  files.sort();
  if (files.isEmpty()) throw DatasetError(folder + ": the folder holds no image files");
  RawImages raw;
  raw.images = torch::empty({files.size(), channels, size, size}, torch::kUInt8);
  std::vector<int64_t> labels;
  QStringList classes;
  const QDir dir(root);
  int64_t kept = 0;
  for (qsizetype i = 0; i < files.size(); ++i) {
    QImage image;
    try {
      image = convert_image(read_qimage(files[i].toStdString()), channels, size);
    } catch (const DatasetError& e) {
      raw.skipped_files.push_back(e.what());
      continue;
    }
    copy_into(image, channels, raw.images[kept++].data_ptr<uint8_t>());
    const QString relative = dir.relativeFilePath(files[i]);
    const QString top = relative.contains('/') ? relative.section('/', 0, 0) : QString();
    if (!classes.contains(top)) classes << top;
    labels.push_back(classes.indexOf(top));
  }
  if (kept == 0)
    throw DatasetError(folder + ": none of its " + std::to_string(files.size()) +
                       " image files can be read (first: " + raw.skipped_files.front() + ")");
  raw.images = raw.images.narrow(0, 0, kept).contiguous();
  if (classes.size() > 1 || !classes.first().isEmpty()) {
    raw.labels = torch::tensor(labels).unsqueeze(1);
    raw.label_info.columns = {"class"};
    raw.label_info.values.emplace_back();
    for (const QString& name : classes)
      raw.label_info.values[0].push_back(name.isEmpty() ? "(top folder)" : name.toStdString());
  }
  return raw;
}

torch::Tensor read_image_file(const std::string& path, int64_t channels, int64_t size) {
  QImage image = convert_image(read_qimage(path), channels, size);
  auto out = torch::empty({channels, size, size}, torch::kUInt8);
  copy_into(image, channels, out.data_ptr<uint8_t>());
  return out.to(torch::kFloat).div_(255.0);
}

}  // namespace fvae
