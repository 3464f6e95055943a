#pragma once
// Read access to an opened dataset for the GUI (browsing, picking images to encode), without LibTorch headers.

#include <QImage>
#include <QString>
#include <QVector>
#include <memory>

namespace fvae {
class Dataset;
}

namespace fvae::service {

// What users call the built-in dataset ("shapes"), and whether a dataset they name has ground-truth factors (the
// metrics and factor responses can run on it): asked here, decided in the core (model/data).
QString builtinDatasetSpec();
bool hasGroundTruth(const QString& spec);

// Thread-safe: images may be fetched from any thread.
class DatasetView {
 public:
  struct Impl;
  explicit DatasetView(std::unique_ptr<Impl> impl);
  ~DatasetView();
  QString spec() const;         // what the user opened: "shapes" or a path
  QString description() const;  // one line for humans
  int count() const;
  int imageSize() const;
  int channels() const;
  QImage image(int index) const;  // greyscale or RGB; a null image for an index out of range
  QVector<QImage> images(const QVector<int>& indices) const;
  QString label(int index) const;  // the label or ground-truth factors in words; "" when the dataset has none
  std::shared_ptr<const Dataset> data() const;  // for computations in the service layer

 private:
  std::unique_ptr<Impl> impl_;
};

struct OpenedDataset {
  std::shared_ptr<DatasetView> dataset;
  QString warning;  // non-empty when unreadable files were left out: one line per file, with the reason
};

// `size` 0 keeps the data's own size (shapes: 64); `channels` 0 keeps its own. Slow for big folders: call it off
// the GUI thread. Throws Error naming the file and the problem.
OpenedDataset openDataset(const QString& spec, int size = 0, int channels = 0, const QString& split = "train");

// Debian's Fashion-MNIST folder when dataset-fashion-mnist is installed, else "".
QString installedFashionMnist();

}  // namespace fvae::service
