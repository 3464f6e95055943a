// factorvae-studio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>

#include "model/base/platform.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "ui/screenshot_tour.h"
#include "ui/training_panel.h"
#include "ui/translations.h"

int main(int argc, char** argv) {
  fvae::relaunch_with_tuned_blas_if_needed(argv);
  fvae::flush_denormals_to_zero();  // before any thread starts: they all inherit it
  QApplication app(argc, argv);
  fvae::ui::configureApplication();  // names, icon, and LC_NUMERIC back to "C"

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Train a FactorVAE and explore its latent space."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("checkpoint"), QApplication::translate("main", "checkpoint to open"),
                               QStringLiteral("[checkpoint]"));
  const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                       QApplication::translate("main",
                                                               "save a PNG of each tab after a few seconds "
                                                               "and quit (for documentation)"),
                                       QStringLiteral("prefix"));
  const QCommandLineOption delay(QStringLiteral("screenshot-delay"),
                                 QApplication::translate("main",
                                                         "seconds before the screenshots without a checkpoint "
                                                         "(default 8)"),
                                 QStringLiteral("seconds"), QStringLiteral("8"));
  const QCommandLineOption train(QStringLiteral("train"),
                                 QApplication::translate("main", "start training on the built-in dataset at once"));
  const QCommandLineOption language(QStringLiteral("language"),
                                    QApplication::translate("main",
                                                            "language of the user interface (e.g. en, de; "
                                                            "default: the system's)"),
                                    QStringLiteral("code"));
  parser.addOption(language);
  parser.addOption(screenshots);
  parser.addOption(delay);
  const QCommandLineOption size(QStringLiteral("screenshot-size"),
                                QApplication::translate("main", "window size for the screenshots, e.g. 1000x700"),
                                QStringLiteral("WxH"));
  parser.addOption(size);
  parser.addOption(train);
  parser.process(app);

  // Command line, then the saved choice, then the system locale.
  QString chosen = parser.value(language);
  if (chosen.isEmpty()) chosen = QSettings().value(QStringLiteral("ui/language")).toString();
  fvae::ui::installTranslations(chosen.isEmpty() ? QLocale::system().name() : chosen);

  fvae::ui::MainWindow window;
  window.show();
  if (!parser.positionalArguments().isEmpty()) window.openCheckpoint(parser.positionalArguments().first());
  if (parser.isSet(train)) window.trainingPanel()->startTraining();
  if (parser.isSet(screenshots)) {
    if (parser.isSet(size)) {
      const QStringList wh = parser.value(size).split(QLatin1Char('x'));
      window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    }
    auto* tour = new fvae::ui::ScreenshotTour(window, parser.value(screenshots), &window);
    tour->start(!parser.positionalArguments().isEmpty(), static_cast<int>(1000 * parser.value(delay).toDouble()));
  }
  return QApplication::exec();
}
