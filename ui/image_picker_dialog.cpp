#include "ui/image_picker_dialog.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/dataset_browser.h"

namespace fvae::ui {

ImagePickerDialog::ImagePickerDialog(std::shared_ptr<service::DatasetView> dataset, const QString& title,
                                     QWidget* parent)
    : QDialog(parent), browser_(new DatasetBrowser(QAbstractItemView::SingleSelection)) {
  setWindowTitle(title);
  browser_->setDataset(std::move(dataset));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
  ok->setEnabled(false);
  connect(browser_, &DatasetBrowser::selectionChanged, this, [this, ok] { ok->setEnabled(chosenIndex() >= 0); });
  connect(browser_, &DatasetBrowser::activated, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(browser_, 1);
  layout->addWidget(buttons);
  resize(720, 560);
}

int ImagePickerDialog::chosenIndex() const { return browser_->selectedIndices().value(0, -1); }

int ImagePickerDialog::pick(QWidget* parent, std::shared_ptr<service::DatasetView> dataset, const QString& title) {
  if (!dataset) return -1;
  ImagePickerDialog dialog(std::move(dataset), title, parent);
  return dialog.exec() == QDialog::Accepted ? dialog.chosenIndex() : -1;
}

}  // namespace fvae::ui
