#include "ui/dataset_thumbnail_model.h"

namespace fvae::ui {

namespace {
constexpr int kThumbnailSize = 56;
}

DatasetThumbnailModel::DatasetThumbnailModel(QObject* parent) : QAbstractListModel(parent) {}

void DatasetThumbnailModel::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  beginResetModel();
  dataset_ = std::move(dataset);
  first_ = 0;
  pixmaps_.clear();
  endResetModel();
}

void DatasetThumbnailModel::setFirstIndex(int first) {
  const int count = dataset_ ? dataset_->count() : 0;
  first = std::clamp(first, 0, std::max(0, count - 1));
  if (first == first_) return;
  beginResetModel();
  first_ = first;
  endResetModel();
}

int DatasetThumbnailModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !dataset_) return 0;
  return std::min(kPageSize, dataset_->count() - first_);
}

QVariant DatasetThumbnailModel::data(const QModelIndex& index, int role) const {
  if (!dataset_ || !index.isValid()) return {};
  const int image = first_ + index.row();
  switch (role) {
    case Qt::DisplayRole:
      return QStringLiteral("#%1").arg(image);
    case Qt::ToolTipRole: {
      const QString label = dataset_->label(image);
      return label.isEmpty() ? tr("image %1").arg(image) : tr("image %1: %2").arg(image).arg(label);
    }
    case Qt::AccessibleTextRole:
      return tr("image %1").arg(image);
    case Qt::DecorationRole: {
      if (QPixmap* cached = pixmaps_.object(image)) return *cached;
      auto* pixmap = new QPixmap(QPixmap::fromImage(
          dataset_->image(image).scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio, Qt::FastTransformation)));
      const QPixmap copy = *pixmap;
      pixmaps_.insert(image, pixmap);
      return copy;
    }
    case kIndexRole:
      return image;
    default:
      return {};
  }
}

}  // namespace fvae::ui
