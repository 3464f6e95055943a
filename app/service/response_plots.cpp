#include "app/service/response_plots.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace fvae::service {

namespace {

struct ResponsePlots {
  Q_DECLARE_TR_FUNCTIONS(ResponsePlots)
};

// Names the model layer gives in English, for the translation tools.
[[maybe_unused]] const char* const kModelNames[] = {
    QT_TRANSLATE_NOOP("ResponsePlots", "shape"), QT_TRANSLATE_NOOP("ResponsePlots", "scale"),
    QT_TRANSLATE_NOOP("ResponsePlots", "orientation"), QT_TRANSLATE_NOOP("ResponsePlots", "x position"),
    QT_TRANSLATE_NOOP("ResponsePlots", "y position"), QT_TRANSLATE_NOOP("ResponsePlots", "square"),
    QT_TRANSLATE_NOOP("ResponsePlots", "ellipse"), QT_TRANSLATE_NOOP("ResponsePlots", "heart"),
    QT_TRANSLATE_NOOP("ResponsePlots", "no finding"), QT_TRANSLATE_NOOP("ResponsePlots", "class"),
    // ChestMNIST's findings and Fashion-MNIST's classes (model/dataset.cpp).
    QT_TRANSLATE_NOOP("ResponsePlots", "atelectasis"), QT_TRANSLATE_NOOP("ResponsePlots", "cardiomegaly"),
    QT_TRANSLATE_NOOP("ResponsePlots", "effusion"), QT_TRANSLATE_NOOP("ResponsePlots", "infiltration"),
    QT_TRANSLATE_NOOP("ResponsePlots", "mass"), QT_TRANSLATE_NOOP("ResponsePlots", "nodule"),
    QT_TRANSLATE_NOOP("ResponsePlots", "pneumonia"), QT_TRANSLATE_NOOP("ResponsePlots", "pneumothorax"),
    QT_TRANSLATE_NOOP("ResponsePlots", "consolidation"), QT_TRANSLATE_NOOP("ResponsePlots", "edema"),
    QT_TRANSLATE_NOOP("ResponsePlots", "emphysema"), QT_TRANSLATE_NOOP("ResponsePlots", "fibrosis"),
    QT_TRANSLATE_NOOP("ResponsePlots", "pleural thickening"), QT_TRANSLATE_NOOP("ResponsePlots", "hernia"),
    QT_TRANSLATE_NOOP("ResponsePlots", "T-shirt/top"), QT_TRANSLATE_NOOP("ResponsePlots", "trouser"),
    QT_TRANSLATE_NOOP("ResponsePlots", "pullover"), QT_TRANSLATE_NOOP("ResponsePlots", "dress"),
    QT_TRANSLATE_NOOP("ResponsePlots", "coat"), QT_TRANSLATE_NOOP("ResponsePlots", "sandal"),
    QT_TRANSLATE_NOOP("ResponsePlots", "shirt"), QT_TRANSLATE_NOOP("ResponsePlots", "sneaker"),
    QT_TRANSLATE_NOOP("ResponsePlots", "bag"), QT_TRANSLATE_NOOP("ResponsePlots", "ankle boot")};

// A name from the model layer (a factor, a class, a finding) in the user's language where known.
QString name(const std::string& text) { return localizedNumbers(ResponsePlots::tr(text.c_str())); }

}  // namespace

QString factorName(const QString& text) { return ResponsePlots::tr(text.toUtf8().constData()); }

QString localizedNumbers(const QString& text) {
  static const QRegularExpression number(
      QStringLiteral("(?<![\\w.,/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\w/-])"));
  const QLocale locale;
  QString out;
  qsizetype last = 0;
  for (auto it = number.globalMatch(text); it.hasNext();) {
    const auto match = it.next();
    QString whole = match.captured(1);
    whole.remove(QLatin1Char(','));
    const QString fraction = match.captured(2);
    bool ok = false;
    const qlonglong integer = whole.toLongLong(&ok);
    if (!ok) continue;
    QString shown = whole.size() >= 4 ? locale.toString(integer) : whole;  // grouped as the core groups
    if (!fraction.isEmpty()) shown += locale.decimalPoint() + fraction.mid(1);
    out += text.mid(last, match.capturedStart() - last) + shown;
    last = match.capturedEnd();
  }
  return out + text.mid(last);
}

namespace {

// Colours that stay apart for the colour-blind (Okabe and Ito), for groups and classes.
const QColor kGroupColours[] = {QColor(230, 159, 0), QColor(0, 158, 115), QColor(204, 121, 167), QColor(86, 180, 233),
                                QColor(213, 94, 0),  QColor(0, 114, 178), QColor(240, 228, 66),  QColor(0, 0, 0)};
const QColor kCurve(0, 90, 160), kBand(0, 114, 178, 55), kGrid(225, 225, 225), kText(40, 40, 40);

// Maps a value range onto a pixel range (upwards), with a little headroom.
struct Scale {
  double lo, hi;
  double top, bottom;  // pixels
  double y(double v) const { return bottom - (v - lo) / (hi - lo) * (bottom - top); }
};

std::pair<double, double> padded(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || hi - lo < 1e-6) lo -= 1, hi += 1;
  const double pad = 0.05 * (hi - lo);
  return {lo - pad, hi + pad};
}

QString shortNumber(double v) { return QLocale().toString(v, 'g', 2); }  // the user's digits

// A white picture with `painter` on it and the title in its first line.
void beginPicture(QImage& image, QPainter& painter, const QFont& font, const QString& title) {
  image.fill(Qt::white);
  painter.begin(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setFont(font);
  painter.setPen(kText);
  painter.drawText(QRect(8, 4, image.width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter, title);
}

}  // namespace

QString dimensionLabel(int dimension, const QStringList& latentNames) {
  const QString n = latentNames.value(dimension);
  return n.isEmpty() ? QStringLiteral("z%1").arg(dimension) : QStringLiteral("z%1 %2").arg(dimension).arg(n);
}

QImage renderFactorResponses(const FactorResponses& r, const QStringList& latentNames) {
  const int factors = static_cast<int>(r.curves.size());
  const int dims = static_cast<int>(r.latent_dim);
  if (factors == 0 || dims == 0) return {};
  const bool grouped = r.group_by >= 0;
  QFont font;
  font.setPixelSize(12);
  QFont small = font;
  small.setPixelSize(10);
  const QFontMetrics metrics(font);
  const QFontMetrics smallMetrics(small);
  // Room for "z3 scale" and, under it in the small font, "Var[μ] 1.23" or "inactive".
  int labelWidth =
      smallMetrics.horizontalAdvance(ResponsePlots::tr("Var[μ] %1").arg(QLocale().toString(9.99, 'f', 2))) + 40;
  for (int d = 0; d < dims; ++d)
    labelWidth = std::max(labelWidth, metrics.horizontalAdvance(dimensionLabel(d, latentNames)) + 40);
  const int cellW = 140, cellH = 84, gap = 8, titleH = grouped ? 46 : 28, headerH = 20, footerH = 18;
  const int width = labelWidth + factors * (cellW + gap) + gap;
  const int height = titleH + headerH + dims * (cellH + gap) + footerH + gap;
  QImage image(width, height, QImage::Format_RGB32);
  QPainter p;
  beginPicture(image, p, font,
               ResponsePlots::tr("Mean of μ (band: ±1 std) as each factor sweeps its values, the others random; %1 "
                                 "images per point, seed %2")
                   .arg(r.samples_per_value)
                   .arg(r.seed));
  if (grouped) {  // legend: one colour per value of the grouping factor
    int x = gap;
    p.setFont(small);
    p.drawText(QRect(x, 26, 200, 16), Qt::AlignLeft | Qt::AlignVCenter,
               ResponsePlots::tr("Curves per %1:").arg(name(r.factor_names[r.group_by])));
    x += QFontMetrics(small).horizontalAdvance(
             ResponsePlots::tr("Curves per %1:").arg(name(r.factor_names[r.group_by]))) +
         10;
    for (size_t g = 0; g < r.value_names[r.group_by].size(); ++g) {
      p.setPen(QPen(kGroupColours[g % 8], 2));
      p.drawLine(x, 34, x + 18, 34);
      p.setPen(kText);
      const QString label = name(r.value_names[r.group_by][g]);
      p.drawText(QRect(x + 22, 26, 120, 16), Qt::AlignLeft | Qt::AlignVCenter, label);
      x += 22 + QFontMetrics(small).horizontalAdvance(label) + 14;
    }
    p.setPen(QPen(Qt::black, 1, Qt::DashLine));
    p.drawLine(x, 34, x + 18, 34);
    p.setPen(kText);
    p.drawText(QRect(x + 22, 26, 120, 16), Qt::AlignLeft | Qt::AlignVCenter, ResponsePlots::tr("all"));
    p.setFont(font);
  }
  // One value range for every cell, so that a flat curve reads as flat next to a steep one.
  double lo = 1e300, hi = -1e300;
  for (const auto& curves : r.curves)
    for (const auto& curve : curves)
      for (size_t d = 0; d < curve.mean.size(); ++d)
        for (size_t v = 0; v < curve.mean[d].size(); ++v) {
          const double band = curve.group.empty() ? curve.stddev[d][v] : 0.0;
          lo = std::min(lo, curve.mean[d][v] - band), hi = std::max(hi, curve.mean[d][v] + band);
        }
  std::tie(lo, hi) = padded(lo, hi);
  const QColor tint = QColor(0, 114, 178);
  for (int f = 0; f < factors; ++f) {
    const int x0 = labelWidth + f * (cellW + gap);
    p.setPen(kText);
    p.drawText(QRect(x0, titleH, cellW, headerH), Qt::AlignCenter, name(r.factor_names[f]));
    const auto& values = r.value_names[f];
    const int V = static_cast<int>(values.size());
    auto xAt = [&](int v) { return x0 + 6 + (V > 1 ? (cellW - 12) * v / double(V - 1) : (cellW - 12) / 2.0); };
    for (int d = 0; d < dims; ++d) {
      const int y0 = titleH + headerH + d * (cellH + gap);
      const QRectF cell(x0, y0, cellW, cellH);
      const bool active = r.active(d);
      const double eta = active ? r.explained[d][f] : 0.0;
      QColor background = tint;
      background.setAlphaF(0.30 * std::clamp(eta, 0.0, 1.0));
      p.fillRect(cell, Qt::white);
      p.fillRect(cell, background);
      p.setPen(kGrid);
      p.drawRect(cell);
      const Scale scale{lo, hi, cell.top() + 4, cell.bottom() - 4};
      if (lo < 0 && hi > 0) p.drawLine(QPointF(cell.left(), scale.y(0)), QPointF(cell.right(), scale.y(0)));
      for (const auto& curve : r.curves[f]) {
        const bool pooled = curve.group.empty();
        const auto& mean = curve.mean[d];
        if (pooled) {  // the ±1 std band
          QPainterPath band;
          for (int v = 0; v < V; ++v) {
            const QPointF point(xAt(v), scale.y(mean[v] + curve.stddev[d][v]));
            v == 0 ? band.moveTo(point) : band.lineTo(point);
          }
          for (int v = V - 1; v >= 0; --v) band.lineTo(xAt(v), scale.y(mean[v] - curve.stddev[d][v]));
          band.closeSubpath();
          p.fillPath(band, grouped ? QColor(0, 0, 0, 25) : kBand);
        }
      }
      int group = 0;
      for (const auto& curve : r.curves[f]) {
        const bool pooled = curve.group.empty();
        const QPen pen = pooled ? QPen(grouped ? Qt::black : kCurve, pooled && grouped ? 1 : 1.6,
                                       grouped ? Qt::DashLine : Qt::SolidLine)
                                : QPen(kGroupColours[group++ % 8], 1.4);
        p.setPen(pen);
        QPolygonF line;
        for (int v = 0; v < V; ++v) line << QPointF(xAt(v), scale.y(curve.mean[d][v]));
        p.drawPolyline(line);
        if (V <= 8)  // few values (shape): mark them
          for (const auto& point : line) p.drawEllipse(point, 2.0, 2.0);
      }
      p.setFont(small);
      p.setPen(eta > 0.5 ? Qt::black : QColor(110, 110, 110));
      p.drawText(cell.adjusted(0, 2, -4, 0), Qt::AlignRight | Qt::AlignTop,
                 active ? QStringLiteral("η² %1").arg(QLocale().toString(eta, 'f', 2)) : QString());
      p.setFont(font);
    }
    // The swept values at the ends of each column.
    const int yAxis = titleH + headerH + dims * (cellH + gap) - gap + 2;
    p.setFont(small);
    p.setPen(kText);
    p.drawText(QRect(x0, yAxis, cellW / 2, footerH), Qt::AlignLeft | Qt::AlignTop, name(values.front()));
    p.drawText(QRect(x0 + cellW / 2, yAxis, cellW / 2, footerH), Qt::AlignRight | Qt::AlignTop, name(values.back()));
    p.setFont(font);
  }
  for (int d = 0; d < dims; ++d) {  // row labels with the shared value range
    const int y0 = titleH + headerH + d * (cellH + gap);
    p.setPen(kText);
    p.drawText(QRect(gap, y0, labelWidth - 36, cellH / 2), Qt::AlignLeft | Qt::AlignBottom,
               dimensionLabel(d, latentNames));
    p.setFont(small);
    p.setPen(QColor(110, 110, 110));
    p.drawText(QRect(gap, y0 + cellH / 2, labelWidth - 36, cellH / 2), Qt::AlignLeft | Qt::AlignTop,
               r.active(d) ? ResponsePlots::tr("Var[μ] %1").arg(QLocale().toString(r.variance[d], 'f', 2))
                           : ResponsePlots::tr("inactive"));
    p.setPen(QColor(110, 110, 110));
    p.drawText(QRect(labelWidth - 34, y0, 30, 14), Qt::AlignRight | Qt::AlignTop, shortNumber(hi));
    p.drawText(QRect(labelWidth - 34, y0 + cellH - 14, 30, 14), Qt::AlignRight | Qt::AlignBottom, shortNumber(lo));
    p.setFont(font);
  }
  return image;
}

QImage renderClassResponses(const ClassResponses& r, const QStringList& latentNames) {
  const int classes = static_cast<int>(r.class_names.size());
  const int dims = static_cast<int>(r.ranking.size());
  if (classes == 0 || dims == 0) return {};
  QFont font;
  font.setPixelSize(12);
  QFont small = font;
  small.setPixelSize(10);
  const QFontMetrics metrics(font), smallMetrics(small);
  int labelWidth = 90, namesHeight = 30;
  for (int d = 0; d < dims; ++d)
    labelWidth = std::max(labelWidth, metrics.horizontalAdvance(dimensionLabel(d, latentNames)) + 50);
  for (const auto& n : r.class_names)
    namesHeight = std::max(namesHeight, smallMetrics.horizontalAdvance(name(n)) * 3 / 4 + 12);
  const int boxW = std::max(22, std::min(48, 700 / classes)), rowH = 76, gap = 8, titleH = 28;
  const int width = std::max(labelWidth + classes * boxW + 2 * gap + 40, 620);
  const int height = titleH + dims * (rowH + gap) + namesHeight + gap;
  QImage image(width, height, QImage::Format_RGB32);
  QPainter p;
  beginPicture(image, p, font,
               ResponsePlots::tr("μ per class (box: quartiles, whiskers: 5–95 %, dot: mean), %1 images, seed %2; "
                                 "dimensions ranked by η², the share of μ's variance the classes explain")
                   .arg(r.images)
                   .arg(r.seed));
  double lo = 1e300, hi = -1e300;
  for (const auto& row : r.stats)
    for (const auto& s : row)
      if (s.count > 0) lo = std::min(lo, s.q05), hi = std::max(hi, s.q95);
  std::tie(lo, hi) = padded(lo, hi);
  for (int rank = 0; rank < dims; ++rank) {
    const int d = static_cast<int>(r.ranking[rank]);
    const int y0 = titleH + rank * (rowH + gap);
    const QRectF area(labelWidth, y0, classes * boxW, rowH);
    p.fillRect(area, QColor(248, 248, 248));
    p.setPen(kGrid);
    p.drawRect(area);
    const Scale scale{lo, hi, area.top() + 3, area.bottom() - 3};
    if (lo < 0 && hi > 0) p.drawLine(QPointF(area.left(), scale.y(0)), QPointF(area.right(), scale.y(0)));
    for (int c = 0; c < classes; ++c) {
      const auto& s = r.stats[d][c];
      if (s.count == 0) continue;
      const double cx = area.left() + (c + 0.5) * boxW, half = boxW * 0.32;
      const QColor colour = kGroupColours[c % 8];
      p.setPen(QPen(colour.darker(130), 1));
      p.drawLine(QPointF(cx, scale.y(s.q05)), QPointF(cx, scale.y(s.q25)));
      p.drawLine(QPointF(cx, scale.y(s.q75)), QPointF(cx, scale.y(s.q95)));
      QColor fill = colour;
      fill.setAlpha(120);
      const QRectF box(QPointF(cx - half, scale.y(s.q75)), QPointF(cx + half, scale.y(s.q25)));
      p.fillRect(box, fill);
      p.drawRect(box);
      p.setPen(QPen(Qt::black, 1.5));
      p.drawLine(QPointF(cx - half, scale.y(s.median)), QPointF(cx + half, scale.y(s.median)));
      p.setBrush(Qt::black);
      p.drawEllipse(QPointF(cx, scale.y(s.mean)), 1.8, 1.8);
      p.setBrush(Qt::NoBrush);
    }
    p.setPen(kText);
    p.drawText(QRect(gap, y0, labelWidth - 46, rowH / 2), Qt::AlignLeft | Qt::AlignBottom,
               dimensionLabel(d, latentNames));
    p.setFont(small);
    p.drawText(QRect(gap, y0 + rowH / 2, labelWidth - 46, rowH / 2), Qt::AlignLeft | Qt::AlignTop,
               QStringLiteral("η² %1  #%2").arg(QLocale().toString(r.separation[d], 'f', 3)).arg(rank + 1));
    p.setPen(QColor(110, 110, 110));
    p.drawText(QRect(labelWidth - 44, y0, 40, 14), Qt::AlignRight | Qt::AlignTop, shortNumber(hi));
    p.drawText(QRect(labelWidth - 44, y0 + rowH - 14, 40, 14), Qt::AlignRight | Qt::AlignBottom, shortNumber(lo));
    p.setFont(font);
  }
  // Class names under the last row, slanted.
  p.setFont(small);
  p.setPen(kText);
  const int yNames = titleH + dims * (rowH + gap);
  for (int c = 0; c < classes; ++c) {
    p.save();
    p.translate(labelWidth + (c + 0.5) * boxW - 4, yNames + 4);
    p.rotate(40);
    p.drawText(0, 8, name(r.class_names[c]));
    p.restore();
  }
  return image;
}

}  // namespace fvae::service
