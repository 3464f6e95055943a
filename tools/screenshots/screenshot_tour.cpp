#include "tools/screenshots/screenshot_tour.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

#include "ui/dataset_browser.h"
#include "ui/interpolation_view.h"
#include "ui/latent_explorer.h"
#include "ui/latent_map_view.h"
#include "ui/main_window.h"
#include "ui/metrics_panel.h"
#include "ui/reconstruction_panel.h"
#include "ui/responses_panel.h"

namespace fvae::ui {

ScreenshotTour::ScreenshotTour(MainWindow& window, QString prefix, QObject* parent)
    : QObject(parent), window_(window), prefix_(std::move(prefix)) {}

void ScreenshotTour::start(bool withModel, int delayMs) {
  if (!withModel) {
    QTimer::singleShot(delayMs, this, &ScreenshotTour::shoot);
    return;
  }
  // Once the model and a dataset at its size are both there (in either order), fill the panels; shoot when the three
  // long computations have finished.
  auto fill_once = [this] {
    const auto model = window_.model();
    const auto dataset = window_.dataset();
    if (filled_ || !model || !dataset || dataset->imageSize() != model->imageSize()) return;
    filled_ = true;
    fillPanels(window_);
  };
  connect(&window_, &MainWindow::datasetOpened, this, fill_once);
  connect(&window_, &MainWindow::checkpointOpened, this, fill_once);
  pending_ = 3;
  auto one_done = [this] {
    if (--pending_ == 0) QTimer::singleShot(500, this, &ScreenshotTour::shoot);
  };
  connect(window_.metricsPanel(), &MetricsPanel::measured, this, one_done);
  connect(window_.responsesPanel(), &ResponsesPanel::computed, this, one_done);
  connect(window_.latentMap(), &LatentMapView::computed, this, one_done);
}

void ScreenshotTour::shoot() {
  QStringList written = saveTabs(window_, prefix_);
  QFile layout(prefix_ + QStringLiteral("-layout.txt"));
  if (layout.open(QIODevice::WriteOnly | QIODevice::Text)) {
    const QStringList cut = cutTexts(window_);
    layout.write((cut.isEmpty() ? QStringLiteral("every text fits\n") : cut.join(QLatin1Char('\n')) + '\n').toUtf8());
    written << layout.fileName();
  }
  emit finished(written);
  // A training started for the pictures stops and saves first; the window closes once it has.
  window_.session()->stop();
  auto* poll = new QTimer(&window_);
  connect(poll, &QTimer::timeout, &window_, [this] {
    if (!window_.session()->isRunning()) window_.close();
  });
  poll->start(100);
}

QStringList ScreenshotTour::saveTabs(MainWindow& window, const QString& prefix) {
  QStringList written;
  QTabWidget* tabs = window.tabs();
  for (int i = 0; i < tabs->count(); ++i) {
    tabs->setCurrentIndex(i);
    QApplication::processEvents();
    const QString name =
        tabs->tabText(i).remove(QLatin1Char('&')).toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString path = QStringLiteral("%1-%2.png").arg(prefix, name);
    if (window.grab().save(path)) written << path;
  }
  return written;
}

QStringList ScreenshotTour::cutTexts(MainWindow& window) {
  QStringList cut;
  QTabWidget* tabs = window.tabs();
  for (int i = 0; i < tabs->count(); ++i) {
    tabs->setCurrentIndex(i);
    QApplication::processEvents();
    for (const QString& line : cutTexts(*tabs->widget(i)))
      cut << tabs->tabText(i).remove(QLatin1Char('&')) + QStringLiteral(": ") + line;
  }
  return cut;
}

QStringList ScreenshotTour::cutTexts(QWidget& root) {
  QStringList cut;
  auto plain = [](QString text) { return text.remove(QLatin1Char('&')); };
  for (QLabel* label : root.findChildren<QLabel*>()) {
    if (!label->isVisible() || label->text().isEmpty() || Qt::mightBeRichText(label->text())) continue;
    const QRect area = label->contentsRect();
    const QFontMetrics fm = label->fontMetrics();
    if (label->wordWrap()) {
      const QRect needed = fm.boundingRect(QRect(0, 0, area.width(), 100000), Qt::TextWordWrap, label->text());
      if (needed.height() > area.height() + 1) cut << QStringLiteral("label \"%1\"").arg(label->text());
    } else {
      for (const QString& line : label->text().split(QLatin1Char('\n')))
        if (fm.horizontalAdvance(plain(line)) > area.width() + 1) cut << QStringLiteral("label \"%1\"").arg(line);
    }
  }
  for (QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
    if (!button->isVisible() || button->text().isEmpty()) continue;
    if (!qobject_cast<QPushButton*>(button) && !qobject_cast<QCheckBox*>(button)) continue;
    const int needed = button->fontMetrics().horizontalAdvance(plain(button->text()));
    if (needed > button->width() - 8) cut << QStringLiteral("button \"%1\"").arg(plain(button->text()));
  }
  for (QLineEdit* edit : root.findChildren<QLineEdit*>()) {
    if (!edit->isVisible() || !edit->text().isEmpty() || edit->placeholderText().isEmpty()) continue;
    if (edit->fontMetrics().horizontalAdvance(edit->placeholderText()) > edit->width() - 8)
      cut << QStringLiteral("placeholder \"%1\"").arg(edit->placeholderText());
  }
  return cut;
}

void ScreenshotTour::fillPanels(MainWindow& window) {
  auto* reconstruction = window.reconstructionPanel();
  QItemSelectionModel* selection = reconstruction->browser()->view()->selectionModel();
  for (int row = 0; row < 6; ++row)
    selection->select(reconstruction->browser()->view()->model()->index(row * 7, 0), QItemSelectionModel::Select);
  reconstruction->reconstructSelected();
  window.explorer()->interpolation()->setEndpoints(3, 40);
  window.explorer()->interpolation()->setSpherical(true);
  service::MetricSettings quick;
  quick.train_votes = 1000, quick.eval_votes = 500, quick.mig_samples = 2000;
  window.metricsPanel()->setSettings(quick);
  window.metricsPanel()->measure();
  service::ResponseSettings responses;
  responses.perShape = true;
  window.responsesPanel()->setSettings(responses);
  window.responsesPanel()->compute();
  window.latentMap()->setPointCount(5000);
  // On shapes, colour by x position (a gradient shows how the position lies in the map), elsewhere by the first label.
  auto* map = window.latentMap();
  auto colour = std::make_shared<QMetaObject::Connection>();
  *colour = QObject::connect(map, &LatentMapView::computed, map, [map, colour, &window] {
    QObject::disconnect(*colour);
    if (window.dataset() && window.dataset()->spec() == QLatin1String("shapes")) map->setColourColumn(4);
  });
  map->compute();
}

}  // namespace fvae::ui
