#pragma once
// A dialog that lets the user pick one image of the current dataset.

#include <QDialog>
#include <memory>

#include "app/service/dataset_view.h"

namespace fvae::ui {

class DatasetBrowser;

class ImagePickerDialog : public QDialog {
  Q_OBJECT
 public:
  ImagePickerDialog(std::shared_ptr<service::DatasetView> dataset, const QString& title, QWidget* parent = nullptr);
  int chosenIndex() const;  // −1 when nothing is selected

  // Runs the dialog; the chosen index or −1 when cancelled.
  static int pick(QWidget* parent, std::shared_ptr<service::DatasetView> dataset, const QString& title);

 private:
  DatasetBrowser* browser_;
};

}  // namespace fvae::ui
