#pragma once
// A page of a dataset as a list model: thumbnails (decoration), "#index" (display) and labels (tooltip). Pixmaps
// are made on first use and cached, so paging through 700,000 shapes stays cheap.

#include <QAbstractListModel>
#include <QCache>
#include <QPixmap>
#include <memory>

#include "app/service/dataset_view.h"

namespace fvae::ui {

class DatasetThumbnailModel : public QAbstractListModel {
  Q_OBJECT
 public:
  static constexpr int kIndexRole = Qt::UserRole + 1;  // the image's index in the dataset
  static constexpr int kPageSize = 240;

  explicit DatasetThumbnailModel(QObject* parent = nullptr);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  std::shared_ptr<service::DatasetView> dataset() const { return dataset_; }
  void setFirstIndex(int first);  // the page starts here
  int firstIndex() const { return first_; }
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;

 private:
  std::shared_ptr<service::DatasetView> dataset_;
  int first_ = 0;
  mutable QCache<int, QPixmap> pixmaps_{4 * kPageSize};
};

}  // namespace fvae::ui
