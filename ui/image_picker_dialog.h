#pragma once
// A dialog that lets the user pick one image of the current dataset.

#include <QDialog>
#include <functional>
#include <memory>

#include "app/service/dataset_view.h"

namespace fvae::ui {

class DatasetBrowser;

class ImagePickerDialog : public QDialog {
  Q_OBJECT
 public:
  ImagePickerDialog(std::shared_ptr<service::DatasetView> dataset, const QString& title, QWidget* parent = nullptr);
  int chosenIndex() const;  // −1 when nothing is selected

  // Opens the dialog without blocking (no nested event loop); `chosen` gets the index once the user accepts.
  static void pick(QWidget* parent, std::shared_ptr<service::DatasetView> dataset, const QString& title,
                   std::function<void(int index)> chosen);

 private:
  DatasetBrowser* browser_;
};

}  // namespace fvae::ui
