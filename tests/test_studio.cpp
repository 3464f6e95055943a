// The desktop application's widgets, headless: the explorer shows exactly what the model decodes, a damaged
// checkpoint leaves the previous model loaded, and training from the GUI updates the charts, pauses and stops.
#include <torch/torch.h>

#include <qcustomplot.h>
#include <QApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QSlider>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include "app/service/studio_service.h"
#include "model/checkpoint.h"
#include "model/shapes.h"
#include "model/trainer.h"
#include "ui/latent_explorer.h"
#include "ui/main_window.h"
#include "ui/sampling_panel.h"
#include "ui/training_panel.h"
#include "ui/translations.h"

using namespace fvae;

namespace {

// Closes the next modal dialog (error boxes) so that the test goes on.
void close_next_dialog() {
  QTimer::singleShot(300, [] {
    if (QWidget* w = QApplication::activeModalWidget()) w->close();
  });
}

}  // namespace

class TestStudio : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString checkpoint_;

 private slots:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    auto shapes = std::make_shared<ShapesDataset>(28, "all");
    auto data = std::make_shared<SubsetDataset>(shapes, subset_indices(shapes->size(), 256, 1), "test");
    TrainConfig t;
    t.batch_size = 32;
    t.max_steps = 5;
    t.device = "cpu";
    Trainer trainer(ModelConfig{}, t, data);
    trainer.run();
    checkpoint_ = dir_.filePath("model.fvae");
    save_checkpoint(checkpoint_.toStdString(), trainer, {"shapes", "all", "test", 256},
                    {"x position", "", "", "", "", "", "", ""});
  }

  void sliderChangesTheImageToTheDirectDecode() {
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    auto loaded = service::loadModel(checkpoint_);
    QVERIFY(loaded.model);
    QCOMPARE(loaded.latentNames.first(), QString("x position"));
    explorer.setModel(loaded.model, loaded.latentNames, loaded.klPerDim);
    QCOMPARE(explorer.dimensions(), 8);
    QTRY_VERIFY(!explorer.displayedImage().isNull());
    const QImage before = explorer.displayedImage();

    QSignalSpy shown(&explorer, &ui::LatentExplorer::imageShown);
    explorer.slider(2)->setValue(250);  // +2.5 on dimension 2
    QTRY_VERIFY(!shown.isEmpty());
    QTRY_COMPARE(explorer.displayedImage(), loaded.model->decode(explorer.code()));
    QCOMPARE(explorer.code()[2], 2.5f);
    QVERIFY(explorer.displayedImage() != before);
    QCOMPARE(explorer.displayedImage().size(), QSize(28, 28));

    // Keyboard: the slider takes focus and arrow keys move it.
    explorer.slider(0)->setFocus();
    QTest::keyClick(explorer.slider(0), Qt::Key_Right);
    QCOMPARE(explorer.slider(0)->value(), 10);
  }

  void traversalGridOffTheGuiThread() {
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    auto loaded = service::loadModel(checkpoint_);
    explorer.setModel(loaded.model, loaded.latentNames, loaded.klPerDim);
    explorer.slider(1)->setValue(-70);
    QSignalSpy ready(&explorer, &ui::LatentExplorer::traversalGridReady);
    explorer.showTraversalGrid();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    const QImage grid = ready.first().first().value<QImage>();
    QCOMPARE(grid.size(), QSize((13 + 1) * 29 + 1, 8 * 29 + 1));  // 13 values + difference map, 8 rows
    // Row 2, last value column (+3): the base code with +3 on dimension 2, decoded directly.
    auto code = explorer.code();
    code[2] += 3.0f;
    const QImage expected = loaded.model->decode(code);
    for (int y = 0; y < 28; y += 5)
      for (int x = 0; x < 28; x += 5)
        QCOMPARE(qGray(grid.pixel(1 + 12 * 29 + x, 1 + 2 * 29 + y)), qGray(expected.pixel(x, y)));
  }

  void samplingGridSendsCodesToTheExplorer() {
    ui::MainWindow window;
    QVERIFY(window.openCheckpoint(checkpoint_));
    auto* sampling = window.samplingPanel();
    QTRY_COMPARE_WITH_TIMEOUT(sampling->sampleCount(), 48, 20000);  // 8 × 6 by default
    const auto codes = ui::prior_codes(48, 8, 1.0, 0);
    QCOMPARE(sampling->sampleCode(5), codes[5]);  // seeded: the same seed gives the same grid
    QTest::mouseClick(sampling->sampleButton(5), Qt::LeftButton);
    QCOMPARE(window.explorer()->code(), codes[5]);
    auto loaded = service::loadModel(checkpoint_);
    QTRY_COMPARE(window.explorer()->displayedImage(), loaded.model->decode(codes[5]));
  }

  void damagedCheckpointKeepsThePreviousModel() {
    ui::MainWindow window;
    QVERIFY(window.openCheckpoint(checkpoint_));
    QFile garbage(dir_.filePath("broken.fvae"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(3000, 'z'));
    garbage.close();
    close_next_dialog();
    QVERIFY(!window.openCheckpoint(garbage.fileName()));
    QCOMPARE(window.explorer()->dimensions(), 8);
    QTRY_VERIFY(!window.explorer()->displayedImage().isNull());
  }

  void editedNamesAreSavedInTheCheckpoint() {
    const QString copy = dir_.filePath("named.fvae");
    QVERIFY(QFile::copy(checkpoint_, copy));
    ui::MainWindow window;
    QVERIFY(window.openCheckpoint(copy));
    QList<QLineEdit*> edits;  // the name fields (spin boxes hold line edits of their own)
    for (auto* edit : window.explorer()->findChildren<QLineEdit*>())
      if (edit->placeholderText().startsWith('z')) edits << edit;
    QCOMPARE(edits.size(), 8);
    QCOMPARE(edits[0]->text(), QString("x position"));
    edits[3]->setText("scale");
    QTest::keyClick(edits[3], Qt::Key_Return);
    auto cp = load_checkpoint(copy.toStdString());
    QCOMPARE(cp.latent_names[3], std::string("scale"));
    QCOMPARE(cp.latent_names[0], std::string("x position"));
    QVERIFY(cp.has_training_state);
  }

  void germanTranslationLoads() {
    QVERIFY(ui::installTranslations("de_DE"));
    {
      ui::MainWindow window;
      QCOMPARE(window.menuBar()->actions().first()->text(), QString("&Datei"));
      QCOMPARE(window.trainingPanel()->startButton()->text(), QString("&Starten"));
    }
    QVERIFY(!ui::installTranslations("en_GB"));  // English is the source language
    ui::MainWindow window;
    QCOMPARE(window.menuBar()->actions().first()->text(), QString("&File"));
  }

  void trainingFromTheGui() {
    ui::MainWindow window;
    auto* panel = window.trainingPanel();
    service::TrainingSettings s;
    s.dataset = "shapes";
    s.imageSize = 28;
    s.batchSize = 16;
    s.steps = 100000;
    s.epochs = 1;
    s.outputFolder = dir_.filePath("gui-run");
    panel->setSettings(s);
    panel->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(panel->pointsPlotted() > 3, 60000);
    QVERIFY(panel->lossPlot()->graph(1)->dataCount() > 3);
    QCOMPARE(panel->latestKl().size(), 8);
    // The explorer follows the live model.
    QTRY_VERIFY_WITH_TIMEOUT(!window.explorer()->displayedImage().isNull(), 10000);

    panel->togglePause();
    QTest::qWait(500);  // a step in flight may still arrive
    const int paused_at = panel->pointsPlotted();
    QTest::qWait(800);
    QCOMPARE(panel->pointsPlotted(), paused_at);
    panel->togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(panel->pointsPlotted() > paused_at, 30000);

    panel->stopTraining();
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
    QTRY_VERIFY(panel->startButton()->isEnabled());
    QVERIFY(QFile::exists(dir_.filePath("gui-run/latest.fvae")));
    auto cp = load_checkpoint(dir_.filePath("gui-run/latest.fvae").toStdString());
    QVERIFY(cp.step > 0);
  }
};

QTEST_MAIN(TestStudio)
#include "test_studio.moc"
