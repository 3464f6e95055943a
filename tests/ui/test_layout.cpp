// The window at 1000×700, at its default size and at 1600×1000, in English and in German: it takes the size it is
// given (no page forces it wider), and every text of every tab fits its widget (ScreenshotTour::cutTexts: no label,
// button or placeholder cut), with a trained model open (named rows in the explorer, the saved curves).
#include <torch/torch.h>

#include <QApplication>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "model/checkpoint/checkpoint.h"
#include "model/nn/networks.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "ui/screenshot_tour.h"
#include "ui/translations.h"

using namespace fvae;

class TestLayout : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString checkpoint_;

 private slots:
  void initTestCase() {
    ui::configureApplication();
    QApplication::setOrganizationName(QStringLiteral("FactorVAE Studio tests"));  // no user's saved geometry
    // A small model with named dimensions and a loss history, as a training leaves it.
    Checkpoint cp;
    cp.model.image_size = 32;
    cp.networks = std::make_shared<Networks>(cp.model);
    cp.latent_names = {"shape", "scale", "orientation", "x position", "y position", "", "", ""};
    for (int step = 1; step <= 50; ++step) {
      StepReport r;
      r.step = step;
      r.reconstruction = 700.0 / step;
      r.kl_per_dim.assign(8, 0.5);
      cp.history.push_back(r);
    }
    cp.dataset.spec = "shapes";
    checkpoint_ = dir_.filePath("model.fvae");
    save_checkpoint(checkpoint_.toStdString(), cp);
  }

  void everyTextFitsAtEverySize_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char* language : {"en", "de"})
      for (QSize size : {QSize(1000, 700), QSize(1200, 780), QSize(1600, 1000)})
        QTest::addRow("%s-%dx%d", language, size.width(), size.height()) << QString(language) << size;
  }
  void everyTextFitsAtEverySize() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(ui::installTranslations(language) || language == QLatin1String("en"));
    ui::MainWindow window;
    window.resize(size);
    window.show();
    QSignalSpy opened(&window, &ui::MainWindow::checkpointOpened);
    window.openCheckpoint(checkpoint_);
    QVERIFY(QTest::qWaitFor([&] { return !opened.isEmpty(); }, 60000));
    QVERIFY(QTest::qWaitFor([&] { return window.dataset() != nullptr; }, 60000));
    QApplication::processEvents();
    QCOMPARE(window.size(), size);  // no page made the window larger than it was asked to be
    const QStringList cut = ui::ScreenshotTour::cutTexts(window);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join('\n')));
    ui::installTranslations(QStringLiteral("en"));
  }
};

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
