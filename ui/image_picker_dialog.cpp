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

void ImagePickerDialog::pick(QWidget* parent, std::shared_ptr<service::DatasetView> dataset, const QString& title,
                             std::function<void(int)> chosen) {
  if (!dataset) return;
  auto* dialog = new ImagePickerDialog(std::move(dataset), title, parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, dialog, [dialog, chosen = std::move(chosen)] {
    if (dialog->chosenIndex() >= 0) chosen(dialog->chosenIndex());
  });
  dialog->open();
}

}  // namespace fvae::ui
