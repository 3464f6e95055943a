// factorvae-studio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTimer>

#include "model/platform.h"
#include "ui/main_window.h"
#include "ui/metrics_panel.h"
#include "ui/training_panel.h"
#include "ui/translations.h"

int main(int argc, char** argv) {
  fvae::relaunch_with_tuned_blas_if_needed(argv);
  fvae::flush_denormals_to_zero();  // before any thread starts: they all inherit it
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("FactorVAE Studio"));
  QApplication::setApplicationName(QStringLiteral("factorvae-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("FactorVAE Studio"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/factorvae-studio.svg")));

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
  const QCommandLineOption train(QStringLiteral("train"),
                                 QApplication::translate("main", "start training on the built-in dataset at once"));
  const QCommandLineOption language(QStringLiteral("language"),
                                    QApplication::translate("main",
                                                            "language of the user interface (e.g. en, de; "
                                                            "default: the system's)"),
                                    QStringLiteral("code"));
  parser.addOption(language);
  parser.addOption(screenshots);
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
    const QString prefix = parser.value(screenshots);
    auto shoot = [&window, prefix] {
      window.saveScreenshots(prefix);
      window.session()->stop();
      auto* poll = new QTimer(&window);
      QObject::connect(poll, &QTimer::timeout, &window, [&window] {
        if (!window.session()->isRunning()) window.close();
      });
      poll->start(100);
    };
    if (parser.positionalArguments().isEmpty()) {
      QTimer::singleShot(8000, &window, shoot);
    } else {
      // A trained model: fill every panel first (reconstructions, an interpolation, quick metrics), then shoot.
      QObject::connect(&window, &fvae::ui::MainWindow::datasetOpened, &window,
                       [&window] { fvae::ui::fillPanelsForScreenshots(window); });
      QObject::connect(window.metricsPanel(), &fvae::ui::MetricsPanel::measured, &window,
                       [shoot] { QTimer::singleShot(500, shoot); });
    }
  }
  return QApplication::exec();
}
