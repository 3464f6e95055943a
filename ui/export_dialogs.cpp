#include "ui/export_dialogs.h"

#include "ui/message_bar.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QSettings>

namespace fvae::ui {

namespace {

struct Export {
  Q_DECLARE_TR_FUNCTIONS(Export)
};

// Asks for a file name and an upscaling factor; false when cancelled.
bool askTarget(QWidget* parent, const QString& suggestedName, const QString& filter, QString* path, int* scale) {
  *path = askExportPath(parent, suggestedName, filter);
  if (path->isEmpty()) return false;
  QSettings settings;
  bool ok = false;
  *scale = QInputDialog::getInt(parent, Export::tr("Export"), Export::tr("Upscale by (crisp pixels):"),
                                settings.value(QStringLiteral("export/scale"), 4).toInt(), 1, 16, 1, &ok);
  if (!ok) return false;
  settings.setValue(QStringLiteral("export/scale"), *scale);
  return true;
}

// Says how the export ended: where the file is, or why there is none (a save once gave no sign at all).
bool report(QWidget* parent, const QString& path, const QString& error) {
  if (error.isEmpty()) {
    reportInformation(parent, Export::tr("Saved"), QDir::toNativeSeparators(path));
    return true;
  }
  reportError(parent, Export::tr("Cannot export"), error);
  return false;
}

}  // namespace

QString askExportPath(QWidget* parent, const QString& suggestedName, const QString& filter) {
  QSettings settings;
  const QString folder = settings.value(QStringLiteral("export/folder"), QDir::homePath()).toString();
  const QString path =
      QFileDialog::getSaveFileName(parent, Export::tr("Export"), QDir(folder).filePath(suggestedName), filter);
  if (!path.isEmpty()) settings.setValue(QStringLiteral("export/folder"), QFileInfo(path).absolutePath());
  return path;
}

bool saveImageAs(QWidget* parent, const QImage& image, const QString& suggestedName, service::ExportStyle style) {
  QString path;
  if (!askTarget(parent, suggestedName, Export::tr("PNG images (*.png)"), &path, &style.scale)) return false;
  if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) path += QLatin1String(".png");
  return report(parent, path, service::problemOf([&] { service::writePng(path, image, style); }));
}

bool saveAnimationAs(QWidget* parent, const QVector<QImage>& frames, int delayMs, const QString& suggestedName,
                     service::ExportStyle style) {
  QString path;
  if (!askTarget(parent, suggestedName, Export::tr("Animated GIF (*.gif)"), &path, &style.scale)) return false;
  if (!path.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive)) path += QLatin1String(".gif");
  return report(parent, path, service::problemOf([&] { service::writeGif(path, frames, delayMs, style); }));
}

}  // namespace fvae::ui
