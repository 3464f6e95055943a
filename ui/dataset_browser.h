#pragma once
// Browsing a dataset page by page as thumbnails with index and labels; used by the reconstruction panel and the
// image picker.

#include <QAbstractItemView>
#include <QVector>
#include <QWidget>
#include <memory>

#include "app/service/dataset_view.h"

class QLabel;
class QListView;

namespace fvae::ui {

class NumberField;

class DatasetThumbnailModel;

class DatasetBrowser : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetBrowser(QAbstractItemView::SelectionMode mode, QWidget* parent = nullptr);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  std::shared_ptr<service::DatasetView> dataset() const;
  QVector<int> selectedIndices() const;  // dataset indices, in the order shown
  QVector<int> pageIndices() const;      // the dataset indices of the page shown, in order
  void selectIndex(int index);           // pages there and selects it
  QListView* view() const { return view_; }

 signals:
  void selectionChanged();
  void activated(int index);  // double click or Enter

 private:
  void showPage(int first);

  DatasetThumbnailModel* model_;
  QListView* view_;
  NumberField* first_;
  QLabel* info_;
};

}  // namespace fvae::ui
