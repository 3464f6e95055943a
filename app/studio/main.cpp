// factorvae-studio: the desktop application.
#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <cstdio>

#include "model/base/platform.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "ui/model_header.h"
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
  const QCommandLineOption train(QStringLiteral("train"),
                                 QApplication::translate("main", "start training on the built-in dataset at once"));
  const QCommandLineOption language(QStringLiteral("language"),
                                    QApplication::translate("main",
                                                            "language of the user interface (e.g. en, de; "
                                                            "default: the system's)"),
                                    QStringLiteral("code"));
  const QCommandLineOption check(QStringLiteral("check"),
                                 QApplication::translate("main",
                                                         "open the checkpoint, say which model and step the "
                                                         "window shows and quit (for packagers)"));
  parser.addOption(language);
  parser.addOption(train);
  parser.addOption(check);
  parser.process(app);

  // Command line, then the saved choice, then the system locale.
  QString chosen = parser.value(language);
  if (chosen.isEmpty()) chosen = QSettings().value(QStringLiteral("ui/language")).toString();
  fvae::ui::installTranslations(chosen.isEmpty() ? QLocale::system().name() : chosen);

  fvae::ui::MainWindow window;
  window.show();
  if (parser.isSet(check)) {  // the installed application end to end: it opens a model and names it and its step
    QObject::connect(&window, &fvae::ui::MainWindow::checkpointOpened, &app, [&window] {
      std::printf("%s\n", qPrintable(window.statusModelLabel()->text().remove(QRegularExpression("<[^>]*>"))));
      QApplication::exit(0);
    });
    QObject::connect(&window, &fvae::ui::MainWindow::checkpointFailed, &app, [](const QString& error) {
      std::fprintf(stderr, "factorvae-studio: %s\n", qPrintable(error));
      QApplication::exit(1);
    });
    if (parser.positionalArguments().isEmpty()) parser.showHelp(2);
  }
  if (!parser.positionalArguments().isEmpty()) window.openCheckpoint(parser.positionalArguments().first());
  if (parser.isSet(train)) window.trainingPanel()->startTraining();
  return QApplication::exec();
}
