#include "ui/user_guide.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

static void register_guide() { Q_INIT_RESOURCE(guide); }

namespace fvae::ui {

namespace {

// Pictures no wider than the window shows (the README's screenshots are 1200 pixels wide).
// The guide itself is a page of its own ("guide.md"), so that a followed link can come back to it.
class GuideBrowser : public QTextBrowser {
 public:
  QString guide;
  QVariant loadResource(int type, const QUrl& name) override {
    if (name == QUrl(QStringLiteral("guide.md"))) return guide;
    QVariant resource = QTextBrowser::loadResource(type, name);
    if (type != QTextDocument::ImageResource) return resource;
    QImage image = resource.value<QImage>();
    if (image.isNull()) image.loadFromData(resource.toByteArray());
    const int room = std::max(300, viewport()->width() - 2 * int(document()->documentMargin()) - 8);
    if (!image.isNull() && image.width() > room) return image.scaledToWidth(room, Qt::SmoothTransformation);
    return resource;
  }
};

}  // namespace

QString userGuideText(const QString& readme) {
  // The title and what the program is, then the sections for users: the install and build commands at the README's
  // top are for a terminal, not for someone who has the program open already.
  const int first_section = static_cast<int>(readme.indexOf(QLatin1String("\n## ")));
  const int title_end = static_cast<int>(readme.indexOf(QLatin1String("\n\n")));
  const int intro_end = title_end < 0 ? -1 : static_cast<int>(readme.indexOf(QLatin1String("\n\n"), title_end + 2));
  if (first_section < 0 || intro_end < 0 || intro_end > first_section) return readme;
  return readme.left(intro_end) + QLatin1Char('\n') + readme.mid(first_section);
}

UserGuide::UserGuide(QWidget* parent) : QDialog(parent) {
  auto* browser = new GuideBrowser;
  browser_ = browser;
  register_guide();
  setWindowTitle(tr("FactorVAE Studio — User's guide"));
  setAttribute(Qt::WA_DeleteOnClose);
  resize(900, 700);
  // The README refers to resources/screenshots/… and docs/…: found installed or in the source tree.
  const QDir bin(QCoreApplication::applicationDirPath());
  browser_->setSearchPaths(
      {bin.filePath(QStringLiteral("../share/doc/factorvae-studio")), QStringLiteral(FACTORVAE_SOURCE_DIR)});
  browser_->setOpenExternalLinks(true);
  QFile guide(QStringLiteral(":/guide/README.md"));
  browser->guide = guide.open(QIODevice::ReadOnly) ? userGuideText(QString::fromUtf8(guide.readAll()))
                                                   : tr("The user's guide is missing from this build.");
  browser_->setSource(QUrl(QStringLiteral("guide.md")), QTextDocument::MarkdownResource);

  // A followed link (docs/cli.md, a heading) has its way back.
  back_ = new QPushButton(tr("◀ &Back"));
  auto* forward = new QPushButton(tr("&Forward ▶"));
  back_->setEnabled(false);
  forward->setEnabled(false);
  connect(back_, &QPushButton::clicked, browser_, &QTextBrowser::backward);
  connect(forward, &QPushButton::clicked, browser_, &QTextBrowser::forward);
  connect(browser_, &QTextBrowser::backwardAvailable, back_, &QPushButton::setEnabled);
  connect(browser_, &QTextBrowser::forwardAvailable, forward, &QPushButton::setEnabled);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(back_);
  bottom->addWidget(forward);
  bottom->addStretch();
  bottom->addWidget(buttons);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(browser_);
  layout->addLayout(bottom);
}

void showAbout(QWidget* parent) {
  auto* box = new QMessageBox(QMessageBox::Information, UserGuide::tr("About FactorVAE Studio"),
                              UserGuide::tr("<h3>FactorVAE Studio %1</h3><p>Train a FactorVAE (Kim &amp; Mnih 2018) "
                                            "and explore what each latent dimension means.</p><p>MIT licence.</p>")
                                  .arg(QApplication::applicationVersion()),
                              QMessageBox::Close, parent);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();  // no nested event loop
}

}  // namespace fvae::ui
