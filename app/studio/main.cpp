// factorvae-studio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTimer>

#include "model/base/platform.h"
#include "ui/application.h"
#include "ui/latent_map_view.h"
#include "ui/main_window.h"
#include "ui/metrics_panel.h"
#include "ui/responses_panel.h"
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
      QTimer::singleShot(static_cast<int>(1000 * parser.value(delay).toDouble()), &window, shoot);
    } else {
      // A trained model: fill every panel first (reconstructions, an interpolation, quick metrics, responses, a
      // latent map), then shoot once the three long computations have finished.
      // Once the model and a dataset at its size are both there (in either order).
      auto fill_once = [&window, filled = std::make_shared<bool>(false)] {
        const auto model = window.model();
        const auto dataset = window.dataset();
        if (*filled || !model || !dataset || dataset->imageSize() != model->imageSize()) return;
        *filled = true;
        fvae::ui::fillPanelsForScreenshots(window);
      };
      QObject::connect(&window, &fvae::ui::MainWindow::datasetOpened, &window, fill_once);
      QObject::connect(&window, &fvae::ui::MainWindow::checkpointOpened, &window, fill_once);
      auto pending = std::make_shared<int>(3);
      auto one_done = [shoot, pending] {
        if (--*pending == 0) QTimer::singleShot(500, shoot);
      };
      QObject::connect(window.metricsPanel(), &fvae::ui::MetricsPanel::measured, &window, one_done);
      QObject::connect(window.responsesPanel(), &fvae::ui::ResponsesPanel::computed, &window, one_done);
      QObject::connect(window.latentMap(), &fvae::ui::LatentMapView::computed, &window, one_done);
    }
  }
  return QApplication::exec();
}
