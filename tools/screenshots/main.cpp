// factorvae-screenshots: the real window, every tab shot after its panels are filled, and the texts that do not fit
// listed (tools/screenshot_walk.sh runs it at three sizes in two languages). A tool of the project, not installed.
#include <QApplication>
#include <QCommandLineParser>

#include "model/base/platform.h"
#include "tools/screenshots/screenshot_tour.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "ui/training_panel.h"
#include "ui/translations.h"

int main(int argc, char** argv) {
  fvae::relaunch_with_tuned_blas_if_needed(argv);
  fvae::flush_denormals_to_zero();
  QApplication app(argc, argv);
  fvae::ui::configureApplication();

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Screenshots of every tab of FactorVAE Studio, then quit."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("checkpoint"), QStringLiteral("checkpoint to open"),
                               QStringLiteral("[checkpoint]"));
  const QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("PNG files PREFIX-<tab>.png"),
                                       QStringLiteral("prefix"));
  const QCommandLineOption delay(QStringLiteral("screenshot-delay"),
                                 QStringLiteral("seconds before the screenshots without a checkpoint (default 8)"),
                                 QStringLiteral("seconds"), QStringLiteral("8"));
  const QCommandLineOption size(QStringLiteral("screenshot-size"), QStringLiteral("window size, e.g. 1000x700"),
                                QStringLiteral("WxH"));
  const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("language (en, de)"),
                                    QStringLiteral("code"), QStringLiteral("en"));
  const QCommandLineOption train(QStringLiteral("train"), QStringLiteral("start training on the built-in dataset"));
  for (const auto& option : {screenshots, delay, size, language, train}) parser.addOption(option);
  parser.process(app);
  if (!parser.isSet(screenshots)) parser.showHelp(2);

  fvae::ui::installTranslations(parser.value(language));
  fvae::ui::MainWindow window;
  window.show();
  if (parser.isSet(size)) {
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
  }
  const bool withModel = !parser.positionalArguments().isEmpty();
  if (withModel) window.openCheckpoint(parser.positionalArguments().first());
  if (parser.isSet(train)) window.trainingPanel()->startTraining();
  auto* tour = new fvae::ui::ScreenshotTour(window, parser.value(screenshots), &window);
  tour->start(withModel, static_cast<int>(1000 * parser.value(delay).toDouble()));
  return QApplication::exec();
}
