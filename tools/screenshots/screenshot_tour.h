#pragma once
// Screenshots of the real window, for the documentation and for checking the layout: every tab at a given window
// size, once the panels are filled (with a model: reconstructions, an interpolation, quick metrics, the responses and
// a latent map), and a list of every text that does not fit its widget (cut rather than wrapped or elided).
// `factorvae-screenshots --screenshots PREFIX [--screenshot-size WxH] [checkpoint]` (tools/screenshot_walk.sh) runs it.

#include <QObject>
#include <QSize>
#include <QStringList>

class QWidget;

namespace fvae::ui {

class MainWindow;

class ScreenshotTour : public QObject {
  Q_OBJECT
 public:
  ScreenshotTour(MainWindow& window, QString prefix, QObject* parent = nullptr);
  // Without a model: shoots after `delayMs`. With one (being opened): once it and its dataset are there and the
  // panels' computations have finished. Then PREFIX-<tab>.png per tab and PREFIX-layout.txt (the cut texts), and
  // the window closes.
  void start(bool withModel, int delayMs);

  static QStringList saveTabs(MainWindow& window, const QString& prefix);
  // Texts wider (or, wrapped, taller) than the widget that shows them, "tab: widget text", in every tab.
  static QStringList cutTexts(MainWindow& window);
  static QStringList cutTexts(QWidget& root);
  // For the pictures: the first images reconstructed, an interpolation, quick metrics, the responses (one curve per
  // shape) and a latent map of 5,000 images.
  static void fillPanels(MainWindow& window);

 signals:
  void finished(const QStringList& written);

 private:
  void shoot();

  MainWindow& window_;
  QString prefix_;
  int pending_ = 0;
  bool filled_ = false;
};

}  // namespace fvae::ui
