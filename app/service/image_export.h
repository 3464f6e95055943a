#pragma once
// Writing what the user made: PNG and animated GIF (through giflib: Qt cannot write GIF), upscaled with crisp
// pixels, optionally with labelled rows. Both write atomically; an error leaves any earlier file untouched.

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

#include "app/service/errors.h"

namespace fvae::service {

// Runs a write of the service; "" when it succeeded, else its message (for widgets that say it in place).
template <typename Write>
QString problemOf(Write write) {
  try {
    write();
    return {};
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
}

struct ExportStyle {
  int scale = 1;             // integer upscaling, nearest neighbour
  QStringList rowLabels;     // drawn left of equally tall rows (e.g. latent names of a traversal grid)
  int rowHeight = 0;         // rows' height in unscaled pixels, padding included
  int rowOffset = 0;         // unscaled pixels above the first row
  QStringList columnLabels;  // drawn above equally wide columns (a traversal's values), "" for none
  int columnWidth = 0;       // columns' width in unscaled pixels, padding included
  int columnOffset = 0;      // unscaled pixels left of the first column
  // A GIF whose frames are one column each (a traversal's animation): frame k's own header, instead of columnLabels.
  QStringList frameLabels;
};

// Each throws Error naming the file and the problem (app/service/errors.h).
void writePng(const QString& path, const QImage& image, const ExportStyle& style = {});
void writeTextFile(const QString& path, const QByteArray& bytes);  // tables (CSV)
void writeGif(const QString& path, const QVector<QImage>& frames, int delayMs, const ExportStyle& style = {});
// Each image as PREFIX-000.png, PREFIX-001.png, … in `folder` (created), and the codes they were decoded from as
// PREFIX-codes.npy (float32 [N, latent]), the file a script loads with numpy.load; files written before an error
// stay.
void writeImageFiles(const QString& folder, const QString& prefix, const QVector<QImage>& images,
                        const QVector<QVector<float>>& codes);

// The image as the PNG would show it (scaled, labelled), for the screen.
QImage styledImage(const QImage& image, const ExportStyle& style);

}  // namespace fvae::service
