#include "ui/user_guide.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

static void register_guide() { Q_INIT_RESOURCE(guide); }

namespace fvae::ui {

UserGuide::UserGuide(QWidget* parent) : QDialog(parent), browser_(new QTextBrowser) {
  register_guide();
  setWindowTitle(tr("FactorVAE Studio — User's guide"));
  setAttribute(Qt::WA_DeleteOnClose);
  // The README refers to resources/screenshots/…: found installed or in the source tree.
  const QDir bin(QCoreApplication::applicationDirPath());
  browser_->setSearchPaths(
      {bin.filePath(QStringLiteral("../share/doc/factorvae-studio")), QStringLiteral(FACTORVAE_SOURCE_DIR)});
  browser_->setOpenExternalLinks(true);
  QFile guide(QStringLiteral(":/guide/README.md"));
  if (guide.open(QIODevice::ReadOnly))
    browser_->setMarkdown(QString::fromUtf8(guide.readAll()));
  else
    browser_->setPlainText(tr("The user's guide is missing from this build."));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(browser_);
  layout->addWidget(buttons);
  resize(900, 700);
}

}  // namespace fvae::ui
