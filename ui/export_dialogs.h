#pragma once
// Asking where and how large to save an image or animation; the writing itself is the service's (atomic, crisp
// upscaling, giflib for GIF). The last folder and scale are remembered in QSettings.

#include <QImage>
#include <QString>
#include <QVector>

#include "app/service/image_export.h"

class QWidget;

namespace fvae::ui {

// Asks for a file to write (starting in the last export folder, which it then remembers); "" when cancelled.
QString askExportPath(QWidget* parent, const QString& suggestedName, const QString& filter);

// Return false when the user cancelled or the file could not be written (then the window's message bar says why).
bool saveImageAs(QWidget* parent, const QImage& image, const QString& suggestedName, service::ExportStyle style = {});
bool saveAnimationAs(QWidget* parent, const QVector<QImage>& frames, int delayMs, const QString& suggestedName,
                     service::ExportStyle style = {});

}  // namespace fvae::ui
