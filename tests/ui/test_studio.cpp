// The desktop application's widgets, headless: the explorer shows exactly what the model decodes, a damaged
// checkpoint leaves the previous model loaded, and training from the GUI updates the charts, pauses and stops.
// No test waits on a dialog: errors appear in the window's message bar, and the tests read them there.
#include <torch/torch.h>

#include <qcustomplot.h>
#include <QAction>
#include <QGridLayout>
#include <QPushButton>
#include <QApplication>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "app/service/dataset_view.h"
#include "app/service/decode_service.h"
#include "app/service/image_export.h"
#include "app/service/response_plots.h"
#include "app/service/tensor_images.h"
#include "app/service/training_session.h"
#include "model/analysis/metrics.h"
#include "model/analysis/responses.h"
#include "model/checkpoint/checkpoint.h"
#include "model/data/shapes.h"
#include "model/inference/inference.h"
#include "model/io/dataset_loader.h"
#include "model/io/npy.h"
#include "model/run/run_plan.h"
#include "model/tensorboard/event_file.h"
#include "model/training/trainer.h"
#include "live_model.h"
#include "ui/candidates_table.h"
#include "ui/dataset_browser.h"
#include "ui/folder_question.h"
#include "ui/interpolation_view.h"
#include "ui/latent_explorer.h"
#include "ui/latent_map_view.h"
#include "ui/loss_chart.h"
#include "ui/main_window.h"
#include "ui/message_bar.h"
#include "ui/metrics_panel.h"
#include "ui/model_header.h"
#include "ui/reconstruction_panel.h"
#include "ui/responses_panel.h"
#include "ui/result_origin.h"
#include "ui/sampling_panel.h"
#include "ui/training_panel.h"
#include "ui/translations.h"
#include "ui/user_guide.h"

using namespace fvae;
using testing::live_model;

namespace {

// Opens a checkpoint in the window and waits until it is shown or refused; true when shown.
bool open_checkpoint(ui::MainWindow& window, const QString& path) {
  QSignalSpy opened(&window, &ui::MainWindow::checkpointOpened);
  QSignalSpy failed(&window, &ui::MainWindow::checkpointFailed);
  window.openCheckpoint(path);
  if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 60000)) return false;
  return !opened.isEmpty();
}


// No window of the application may be modal: a modal box would wait for a click that no test gives.
bool no_modal_window() { return QApplication::activeModalWidget() == nullptr; }

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

  // A model trained elsewhere in colour with 128 dimensions (AntixK's FactorVAE layout, as its config has): the
  // explorer decodes colour at 64×64, lists the dimensions by KL with the active ones first, and keeps the inactive
  // ones behind a button until asked.
  void aLargeColourModelTrainedElsewhereStaysUsable() {
    Checkpoint cp;
    cp.model.architecture = Architecture::AntixkFactorVae;
    cp.model.channels = 3;
    cp.model.image_size = 64;
    cp.model.latent_dim = 128;
    cp.networks = std::make_shared<Networks>(cp.model);
    cp.latent_names.assign(128, "");
    cp.has_discriminator = false;
    const QString path = dir_.filePath("antixk.fvae");
    save_checkpoint(path.toStdString(), cp);
    auto loaded = service::loadModel(path);
    QVERIFY(loaded.klPerDim.isEmpty());  // nothing says which dimensions are active until measured
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    explorer.setModel(loaded.model, loaded.latentNames, {});
    QCOMPARE(explorer.dimensions(), 128);
    QTRY_VERIFY(!explorer.displayedImage().isNull());
    QCOMPARE(explorer.displayedImage().size(), QSize(64, 64));
    QVERIFY(explorer.displayedImage().format() != QImage::Format_Grayscale8);
    for (int d = 0; d < 128; ++d) QVERIFY(!explorer.slider(d)->isHidden());  // unknown KL: every row, in order
    QVector<double> kl(128, 0.01);
    kl[7] = 0.5, kl[20] = 2.0, kl[64] = 1.0, kl[127] = 3.0;
    explorer.setKl(kl);
    auto* grid = explorer.findChild<QGridLayout*>();
    QVERIFY(grid);
    auto row_of = [&](int d) {
      int row = -1, column, rows, columns;
      const int index = grid->indexOf(explorer.slider(d));
      if (index >= 0) grid->getItemPosition(index, &row, &column, &rows, &columns);
      return row;
    };
    QCOMPARE(row_of(127), 1);  // the largest KL first
    QCOMPARE(row_of(20), 2);
    QCOMPARE(row_of(64), 3);
    QCOMPARE(row_of(7), 4);
    QVERIFY(explorer.slider(0)->isHidden() && explorer.slider(126)->isHidden());
    QPushButton* more = nullptr;
    for (auto* b : explorer.findChildren<QPushButton*>())
      if (b->text().contains("124 inactive")) more = b;
    QVERIFY(more);
    more->click();
    QVERIFY(!explorer.slider(0)->isHidden());
    QCOMPARE(row_of(0), 5);  // the inactive ones after the active, in their own order
    // Later KL updates (a running training's) relabel but do not move rows under the pointer.
    kl[0] = 9.0;
    explorer.setKl(kl);
    QCOMPARE(row_of(127), 1);
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

  void previewStripsShowEachDimensionAroundTheBase() {
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    auto loaded = service::loadModel(checkpoint_);
    QSignalSpy ready(&explorer, &ui::LatentExplorer::previewsReady);
    explorer.setModel(loaded.model, loaded.latentNames, loaded.klPerDim);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
    QVector<float> base(8, 0.0f);
    base[1] = 0.7f;
    explorer.setBaseCode(base);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 20000);
    const auto& values = ui::LatentExplorer::previewValues();
    QCOMPARE(values.size(), 7);
    for (int d : {0, 5}) {
      const QImage strip = explorer.previewStrip(d);
      QCOMPARE(strip.size(), QSize(7 * 29 + 1, 29 + 1));
      for (int k : {0, 3, 6}) {
        QVector<float> code = base;
        code[d] += values[k];
        const QImage expected = loaded.model->decode(code);
        for (int y = 2; y < 28; y += 6)
          for (int x = 2; x < 28; x += 6)
            QCOMPARE(qGray(strip.pixel(1 + k * 29 + x, 1 + y)), qGray(expected.pixel(x, y)));
      }
    }
    // Moving a slider changes the decoded image, not the previews (they show the base code).
    explorer.slider(3)->setValue(150);
    QCoreApplication::processEvents();
    QCOMPARE(ready.size(), 2);
  }

  void slidersAreReachableByTab() {
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    explorer.setModel(service::loadModel(checkpoint_).model, {}, {});
    explorer.show();
    QVERIFY(QTest::qWaitForWindowActive(&explorer));
    // From each dimension's name field, Tab leads to its slider, and arrow keys move it.
    QList<QLineEdit*> names;
    for (auto* edit : explorer.findChildren<QLineEdit*>())
      if (edit->placeholderText().startsWith('z')) names << edit;
    QCOMPARE(names.size(), 8);
    for (int d : {0, 7}) {
      names[d]->setFocus();
      QTRY_VERIFY(names[d]->hasFocus());
      QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
      QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(explorer.slider(d)));
      QTest::keyClick(explorer.slider(d), Qt::Key_Left);
      QCOMPARE(explorer.slider(d)->value(), -10);
      QVERIFY(!explorer.slider(d)->accessibleName().isEmpty());
    }
  }

  void everyMnemonicLabelHasABuddy() {
    // A label with a mnemonic but no buddy shows a literal "&" and its shortcut leads nowhere.
    ui::MainWindow window;
    int mnemonics = 0;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
      const QString text = QString(label->text()).remove(QStringLiteral("&&"));
      if (label->textFormat() == Qt::RichText || !text.contains(QLatin1Char('&')) || text.contains(QLatin1Char('<')))
        continue;
      ++mnemonics;
      QVERIFY2(label->buddy() != nullptr, qPrintable(label->text()));
    }
    QVERIFY(mnemonics >= 10);  // the training form's labels, at least
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
    QVERIFY(open_checkpoint(window, checkpoint_));
    auto* sampling = window.samplingPanel();
    QTRY_COMPARE_WITH_TIMEOUT(sampling->sampleCount(), 48, 20000);  // 8 × 6 by default
    const auto codes = ui::prior_codes(48, 8, 1.0, 0);
    QCOMPARE(sampling->sampleCode(5), codes[5]);  // seeded: the same seed gives the same grid
    const QImage grid = sampling->gridImage();
    QCOMPARE(grid.size(), QSize(8 * 29 + 1, 6 * 29 + 1));
    auto direct = service::loadModel(checkpoint_).model->decode(codes[9]);  // row 1, column 1
    QCOMPARE(qGray(grid.pixel(1 + 29 + 13, 1 + 29 + 13)), qGray(direct.pixel(13, 13)));
    QTest::mouseClick(sampling->sampleButton(5), Qt::LeftButton);
    QCOMPARE(window.explorer()->code(), codes[5]);
    auto loaded = service::loadModel(checkpoint_);
    QTRY_COMPARE(window.explorer()->displayedImage(), loaded.model->decode(codes[5]));
  }

  // Candidates from the Training panel: three seeds screened for 6 steps, ranked by UDR, the best continued to the
  // budget; the table shows them all, the losers' folders go as asked, and the chosen run is also the folder's
  // latest.fvae.
  void candidatesFromTheTrainingPanel() {
    ui::MainWindow window;
    auto* panel = window.trainingPanel();
    service::TrainingSettings s;
    s.dataset = "shapes";
    s.imageSize = 28;
    s.batchSize = 16;
    s.steps = 40;
    s.minutes = 0;  // the step budget, not the time budget
    s.seed = 3;
    s.outputFolder = dir_.filePath("gui-candidates");
    s.candidates = 3;
    s.screenSteps = 30;
    s.losers = service::TrainingSettings::Losers::Remove;
    panel->setSettings(s);
    QCOMPARE(panel->settings().losers, service::TrainingSettings::Losers::Remove);
    QSignalSpy done(window.session(), &service::TrainingSession::finished);
    // While a candidate screens, its Step column follows the training (it once stayed 0 until the screening ended).
    qint64 screening_step_seen = 0;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] {
      auto* t = panel->candidatesTable();
      for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 1) && t->item(r, 1)->text() == "screening" && t->item(r, 2))
          screening_step_seen = std::max(screening_step_seen, t->item(r, 2)->text().toLongLong());
    });
    watch.start(5);
    panel->startTraining();
    QVERIFY(!panel->startButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 240000);
    watch.stop();
    QVERIFY(screening_step_seen > 0);
    QVERIFY2(!done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QCOMPARE(done.first().at(2).toString(), dir_.filePath("gui-candidates/latest.fvae"));
    QTRY_VERIFY(panel->startButton()->isEnabled());
    QVERIFY(no_modal_window());
    // The progress line counts the whole pipeline: the last candidate continued, the pipeline done.
    QVERIFY2(panel->progressText().contains("continuing") && panel->progressText().contains("pipeline 100%"),
             qPrintable(panel->progressText()));
    auto* table = panel->candidatesTable();
    QVERIFY(table->isVisibleTo(panel));
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(table->height() >= table->sizeHint().height());  // every candidate in view
    int chosen = -1;
    double best = -1;
    enum { Seed, State, Step, Udr, Active, Kl };
    for (int r = 0; r < 3; ++r) {
      const double udr = table->item(r, Udr)->text().toDouble();
      QVERIFY(!table->item(r, Udr)->text().isEmpty());
      best = std::max(best, udr);
      if (table->item(r, State)->text() == "chosen, done")
        chosen = r;
      else
        QCOMPARE(table->item(r, State)->text(), QString("removed (lost)"));
      QCOMPARE(table->item(r, Kl)->text().split(' ').size(), 8);  // KL of each dimension
    }
    QVERIFY(chosen >= 0);
    QCOMPARE(table->item(chosen, Udr)->text().toDouble(), best);
    // Every run keeps its curves, named: three screenings and the chosen one's continuation.
    QCOMPARE(panel->lossChart()->runs().size(), 4);
    QVERIFY(panel->lossChart()->runs().last().contains("continuing"));
    for (int r = 0; r < 3; ++r)
      QCOMPARE(QDir(dir_.filePath("gui-candidates/seed-%1").arg(3 + r)).exists(), r == chosen);
    const auto cp = load_checkpoint(dir_.filePath("gui-candidates/seed-%1/latest.fvae").arg(3 + chosen).toStdString());
    QCOMPARE(cp.step, int64_t{40});
    const auto final_cp = load_checkpoint(dir_.filePath("gui-candidates/latest.fvae").toStdString());
    QCOMPARE(final_cp.step, int64_t{40});
    QCOMPARE(final_cp.train.seed, static_cast<uint64_t>(3 + chosen));
  }

  // Help → User's guide shows the README offline, in a window that waits for no click.
  void userGuideOpensOffline() {
    ui::MainWindow window;
    QAction* guide = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
      if (action->text().remove('&') == "User's guide") guide = action;
    QVERIFY(guide);
    guide->trigger();
    auto* dialog = window.findChild<ui::UserGuide*>();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isModal() && no_modal_window());
    QVERIFY(dialog->browser()->toPlainText().contains("factorvae-studio"));
    QVERIFY(dialog->browser()->toPlainText().size() > 2000);
    // It opens with what the program is and the first ten minutes, not with build commands.
    const QString text = dialog->browser()->toPlainText();
    QVERIFY(text.startsWith("FactorVAE Studio"));
    QVERIFY(!text.contains("cmake --build"));
    QVERIFY(text.indexOf("Your first ten minutes") < 1200);
    // Pictures fit the window: every image resource of the document no wider than the view.
    const QTextDocument* document = dialog->browser()->document();
    int images = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
      for (auto it = block.begin(); !it.atEnd(); ++it)
        if (const QTextFragment fragment = it.fragment(); fragment.charFormat().isImageFormat()) {
          const QString name = fragment.charFormat().toImageFormat().name();
          const QImage image =
              dialog->browser()->loadResource(QTextDocument::ImageResource, QUrl(name)).value<QImage>();
          if (image.isNull()) continue;  // a picture this build cannot find is left out
          ++images;
          QVERIFY2(image.width() <= dialog->browser()->viewport()->width(), qPrintable(name));
        }
    QVERIFY(images > 0);
    // A followed link has its way back.
    QVERIFY(!dialog->backButton()->isEnabled());
    dialog->browser()->setSource(QUrl("docs/cli.md"));
    QTRY_VERIFY(dialog->backButton()->isEnabled());
    QVERIFY(dialog->browser()->toPlainText().contains("--force"));
    dialog->backButton()->click();
    QTRY_VERIFY(dialog->browser()->toPlainText().contains("Your first ten minutes"));
  }

  // File → Import of a file that is no checkpoint of the original project: the message names it, nothing is written.
  void importingABrokenOriginalCheckpointSaysWhy() {
    ui::MainWindow window;
    QFile broken(dir_.filePath("broken-original.npz"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(500, 'x'));
    broken.close();
    QSignalSpy failed(&window, &ui::MainWindow::importFailed);
    window.importModel(broken.fileName(), ui::importedCheckpointPath(broken.fileName()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QVERIFY2(window.messageBar()->text().contains("broken-original.npz"), qPrintable(window.messageBar()->text()));
    QVERIFY(!QFile::exists(dir_.filePath("broken-original.fvae")));
    QVERIFY(no_modal_window());
    // The menu offers both ways.
    QStringList actions;
    for (auto* action : window.findChildren<QAction*>()) actions << action->text().remove('&');
    QVERIFY(actions.contains("Export for PyTorch…"));
    QVERIFY(actions.contains("Import a model trained elsewhere…"));
  }

  void damagedCheckpointKeepsThePreviousModel() {
    ui::MainWindow window;
    QVERIFY(open_checkpoint(window, checkpoint_));
    QFile garbage(dir_.filePath("broken.fvae"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(3000, 'z'));
    garbage.close();
    QVERIFY(!open_checkpoint(window, garbage.fileName()));
    QVERIFY(no_modal_window());
    QVERIFY2(window.messageBar()->text().contains(garbage.fileName()), qPrintable(window.messageBar()->text()));
    QVERIFY(window.messageBar()->isVisibleTo(&window));
    // A dataset that opens afterwards (as the first checkpoint's own dataset may, in the background) is no reason to
    // hide the error about the checkpoint.
    QSignalSpy datasetOpened(&window, &ui::MainWindow::datasetOpened);
    window.openDataset("shapes");
    QTRY_COMPARE_WITH_TIMEOUT(datasetOpened.size(), 1, 60000);
    QVERIFY2(window.messageBar()->text().contains(garbage.fileName()), qPrintable(window.messageBar()->text()));
    QCOMPARE(window.explorer()->dimensions(), 8);
    QTRY_VERIFY(!window.explorer()->displayedImage().isNull());
  }

  void editedNamesAreSavedInTheCheckpoint() {
    const QString copy = dir_.filePath("named.fvae");
    QVERIFY(QFile::copy(checkpoint_, copy));
    ui::MainWindow window;
    QVERIFY(open_checkpoint(window, copy));
    QSignalSpy saved(&window, &ui::MainWindow::namesSaved);
    QList<QLineEdit*> edits;  // the name fields (spin boxes hold line edits of their own)
    for (auto* edit : window.explorer()->findChildren<QLineEdit*>())
      if (edit->placeholderText().startsWith('z')) edits << edit;
    QCOMPARE(edits.size(), 8);
    QCOMPARE(edits[0]->text(), QString("x position"));
    edits[3]->setText("scale");
    QTest::keyClick(edits[3], Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 30000);  // written off the GUI thread
    auto cp = load_checkpoint(copy.toStdString());
    QCOMPARE(cp.latent_names[3], std::string("scale"));
    QCOMPARE(cp.latent_names[0], std::string("x position"));
    QVERIFY(cp.has_training_state);
  }

  void finishedShapesTrainingNamesItsDimensions() {
    // When a training on shapes ends, the metric names the explorer's dimensions and the names go into the run's
    // checkpoint, with nothing to click.
    ui::MainWindow window;
    service::MetricSettings metric;
    metric.train_votes = 200, metric.eval_votes = 100, metric.samples_per_vote = 32, metric.mig_samples = 1000;
    window.metricsPanel()->setSettings(metric);
    auto* panel = window.trainingPanel();
    auto s = panel->settings();
    s.dataset = "shapes";
    s.imageSize = 28;
    s.batchSize = 32;
    s.steps = 300;
    s.minutes = 0;  // the step budget, not the time budget
    s.learningRate = 1e-3;
    s.outputFolder = dir_.filePath("auto-named-run");
    panel->setSettings(s);
    QSignalSpy suggested(window.metricsPanel(), &ui::MetricsPanel::namesSuggested);
    QSignalSpy saved(&window, &ui::MainWindow::namesSaved);
    panel->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 120000);
    const QString checkpoint = dir_.filePath("auto-named-run/latest.fvae");
    QCOMPARE(saved.first().first().toString(), checkpoint);
    QCOMPARE(suggested.size(), 1);
    const QStringList names = suggested.first().first().toStringList();
    QCOMPARE(names, window.metricsPanel()->suggestedNames());
    QVERIFY(std::any_of(names.begin(), names.end(), [](const QString& n) { return !n.isEmpty(); }));
    QCOMPARE(window.explorer()->names(), names);
    const auto cp = load_checkpoint(checkpoint.toStdString());
    QCOMPARE(cp.step, int64_t{300});
    for (int d = 0; d < names.size(); ++d) QCOMPARE(QString::fromStdString(cp.latent_names[d]), names[d]);
    // A measurement the user started still running when a training ends gives way: the names still come.
    window.metricsPanel()->measure();
    QVERIFY(window.metricsPanel()->isMeasuring());
    window.metricsPanel()->measureAndName();
    QTRY_COMPARE_WITH_TIMEOUT(suggested.size(), 2, 120000);
    QCOMPARE(suggested.last().first().toStringList(), window.metricsPanel()->suggestedNames());
  }

  void germanTranslationLoads() {
    QVERIFY(ui::installTranslations("de_DE"));
    {
      ui::MainWindow window;
      QCOMPARE(window.menuBar()->actions().first()->text(), QString("&Datei"));
      QCOMPARE(window.trainingPanel()->startButton()->text(), QString("&Starten"));
      ui::MetricsPanel metrics;
      QVERIFY(metrics.dimensionTable()->toolTip().startsWith("Eine Spalte je Faktor"));
    }
    // A German desktop: every number shown with a decimal comma, factor names in German (the metrics, the names
    // suggested for the sliders, the explorer's KL column, the headers' steps).
    {
      const QLocale before;
      QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
      auto loaded = service::loadModel(checkpoint_);
      ui::MetricsPanel metrics;
      metrics.setModel(loaded.model, "shapes");
      service::MetricSettings quick;
      quick.train_votes = 100, quick.eval_votes = 50, quick.samples_per_vote = 8, quick.mig_samples = 200;
      metrics.setSettings(quick);
      QSignalSpy measured(&metrics, &ui::MetricsPanel::measured);
      metrics.measure();
      QTRY_COMPARE_WITH_TIMEOUT(measured.size(), 1, 60000);
      QString status;
      for (auto* label : metrics.findChildren<QLabel*>())
        if (label->text().contains("FactorVAE")) status = label->text();
      QVERIFY2(QRegularExpression("FactorVAE-Metrik: [01],\\d{3}").match(status).hasMatch(), qPrintable(status));
      QVERIFY2(!QRegularExpression("\\d\\.\\d").match(status).hasMatch(), qPrintable(status));
      const QTableWidget* table = metrics.dimensionTable();
      QCOMPARE(table->horizontalHeaderItem(3)->text(), QString("Form"));
      for (int d = 0; d < table->rowCount(); ++d) QVERIFY(table->item(d, 2)->text().contains(','));
      for (const QString& name : metrics.suggestedNames())
        QVERIFY2(name.isEmpty() ||
                     !QStringList({"shape", "scale", "orientation", "x position", "y position"}).contains(name),
                 qPrintable(name));
      // The core's texts (a time budget's plan) with German digits; numbers in names and paths stay.
      const QString plan =
          "measured 18.6 steps/s in a 3.4 s calibration; planned 4 candidates × 1,485 screening "
          "steps, then the chosen one continued to 11,881 steps (about 15.0 minutes); lean 1x32x32 "
          "in run-2, seeds 1,2";
      QCOMPARE(service::localizedNumbers(plan),
               QString("measured 18,6 steps/s in a 3,4 s calibration; planned 4 candidates × 1.485 screening steps, "
                       "then the chosen one continued to 11.881 steps (about 15,0 minutes); lean 1x32x32 in run-2, "
                       "seeds 1,2"));
      QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
      QCOMPARE(service::localizedNumbers(plan), plan);  // English digits: the core's own
      QLocale::setDefault(before);
    }
    QVERIFY(!ui::installTranslations("en_GB"));  // English is the source language
    ui::MainWindow window;
    QCOMPARE(window.menuBar()->actions().first()->text(), QString("&File"));
  }

  void reconstructionPanelMatchesADirectComputation() {
    auto loaded = service::loadModel(checkpoint_);
    auto opened = service::openDataset("shapes", 28, 1);
    QVERIFY(opened.dataset);
    // In the words the ground truth gives its values (ShapesDataset::factor_value_names), no geometry of its own.
    QCOMPARE(opened.dataset->label(0), QString("square, scale 0.5, 0°, x 0.00, y 0.00"));
    ui::ReconstructionPanel panel;
    panel.setModel(loaded.model);
    panel.setDataset(opened.dataset);
    panel.browser()->selectIndex(300);  // on the second page
    QSignalSpy reconstructed(&panel, &ui::ReconstructionPanel::reconstructed);
    panel.reconstructSelected();
    QTRY_COMPARE_WITH_TIMEOUT(reconstructed.size(), 1, 20000);
    const auto results = panel.results();
    QCOMPARE(results.size(), 1);
    const auto& result = results.first();
    QCOMPARE(result.original, opened.dataset->image(300));

    // Independently: the checkpoint's own networks, BCE by its formula.
    auto cp = load_checkpoint(checkpoint_.toStdString());
    // The panel works on 8-bit images, so the grey edges of the sprite arrive rounded to 1/255.
    auto x = ShapesDataset(28, "train").image(300).unsqueeze(0).mul(255).round().div(255);
    auto r = reconstruct(*cp.networks, x).clamp(1e-7, 1 - 1e-7).to(torch::kDouble);
    auto xd = x.to(torch::kDouble);
    const double bce = -(xd * r.log() + (1 - xd) * (1 - r).log()).sum().item<double>();
    QVERIFY2(std::abs(result.bceNats - bce) < 1e-3 * bce, qPrintable(QString("%1 vs %2").arg(result.bceNats).arg(bce)));
    QVERIFY(std::abs(result.mse - (r - xd).pow(2).mean().item<double>()) < 1e-6);
    // The heat map's red channel is 3·|x − x̂| clamped to 1.
    const float error = std::abs(x[0][0][14][14].item<float>() - r[0][0][14][14].item<float>());
    QVERIFY(std::abs(qRed(result.heatmap.pixel(14, 14)) - 255 * std::min(1.0f, 3 * error)) <= 1.5);
    QCOMPARE(result.reconstruction.size(), QSize(28, 28));

    // Image files from disk are converted like the dataset; unreadable ones are reported by name.
    QVERIFY(QDir(dir_.path()).mkpath("files"));
    const QString png = dir_.filePath("files/input.png"), bad = dir_.filePath("bad.png");
    QImage colour(40, 40, QImage::Format_RGB32);  // a pattern, not one colour: a swapped axis or channel shows
    for (int y = 0; y < 40; ++y)
      for (int x = 0; x < 40; ++x) colour.setPixel(x, y, qRgb(6 * x, 200 - 5 * y, x < 20 ? 30 : 220));
    QVERIFY(colour.save(png));
    QFile junk(bad);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not an image");
    junk.close();
    QSignalSpy skipped(&panel, &ui::ReconstructionPanel::filesSkipped);
    panel.loadImageFiles({png, bad});  // read off the GUI thread
    QTRY_COMPARE_WITH_TIMEOUT(reconstructed.size(), 2, 20000);
    QCOMPARE(skipped.size(), 1);
    const QStringList failed = skipped.first().first().toStringList();
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().contains(bad));
    QCOMPARE(panel.results().size(), 1);
    QCOMPARE(panel.results().first().original.size(), QSize(28, 28));
    auto as_dataset = service::openDataset(dir_.filePath("files"), 28, 1, "all");
    QVERIFY(as_dataset.dataset);
    QCOMPARE(panel.results().first().original, as_dataset.dataset->image(0));
    const QImage grid = panel.comparisonGrid();
    QCOMPARE(grid.size(), QSize(29 + 1, 3 * 29 + 1));
  }

  void interpolationAndExportWritePngAndGif() {
    auto loaded = service::loadModel(checkpoint_);
    auto dataset = service::openDataset("shapes", 28, 1).dataset;
    QVERIFY(dataset);
    ui::InterpolationView view;
    view.setModel(loaded.model);
    view.setDataset(dataset);
    view.setSteps(5);
    view.setSpherical(true);
    view.setEndpoints(2, 9000);
    QTRY_COMPARE_WITH_TIMEOUT(view.frames().size(), 5, 10000);  // computed off the GUI thread
    // The ends decode the encodings of the two images.
    QCOMPARE(view.frames().first(), loaded.model->decode(loaded.model->encodeMean(dataset->image(2))));
    QCOMPARE(view.frames().last(), loaded.model->decode(loaded.model->encodeMean(dataset->image(9000))));
    QCOMPARE(view.strip().size(), QSize(5 * 29 + 1, 29 + 1));

    const QString png = dir_.filePath("interpolation.png"), gif = dir_.filePath("interpolation.gif");
    QCOMPARE(view.savePng(png, 3), QString());
    QCOMPARE(view.saveGif(gif, 2), QString());
    QImageReader png_reader(png);
    QCOMPARE(png_reader.format(), QByteArray("png"));
    QCOMPARE(png_reader.read().size(), view.strip().size() * 3);
    QImageReader gif_reader(gif);
    QCOMPARE(gif_reader.format(), QByteArray("gif"));
    QCOMPARE(gif_reader.imageCount(), 8);  // forth and back: 5 + 3
    const QImage first = gif_reader.read();
    QCOMPARE(first.size(), QSize(56, 56));
    QCOMPARE(qGray(first.pixel(21, 21)), qGray(view.frames().first().pixel(10, 10)));

    // The traversal grid: PNG with labelled rows, GIF with one frame per value, forth and back.
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    explorer.setModel(loaded.model, loaded.latentNames, loaded.klPerDim);
    QSignalSpy ready(&explorer, &ui::LatentExplorer::traversalGridReady);
    explorer.showTraversalGrid();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 20000);
    const QString grid_png = dir_.filePath("traversal.png"), grid_gif = dir_.filePath("traversal.gif");
    QCOMPARE(explorer.saveTraversalPng(grid_png, 2), QString());
    QCOMPARE(explorer.saveTraversalGif(grid_gif, 2), QString());
    const QImage grid = QImageReader(grid_png).read();
    // The rows, and a header row of the columns' values above them (as the on-screen grid shows).
    QVERIFY2(grid.height() > 2 * (8 * 29 + 1) && grid.height() < 2 * (8 * 29 + 1) + 40,
             qPrintable(QString::number(grid.height())));
    QVERIFY(grid.width() > 2 * (14 * 29 + 1));  // labels on the left
    QCOMPARE(QImageReader(grid_gif).imageCount(), 13 + 11);
    // Each frame headed by its own value (−3, −2.5, …, +3, …, −2.5), and a grey model's frames stay grey: every
    // pixel r = g = b, the images' pixels as decoded (a GIF's palette once turned mid-grey mauve and headed every
    // frame "−3").
    QImageReader frames_reader(grid_gif);
    QVector<QImage> frames;
    for (QImage frame; frames_reader.read(&frame);) frames << frame.convertToFormat(QImage::Format_RGB32);
    QCOMPARE(frames.size(), 24);
    const int body = 2 * (8 * 29 + 1), header = frames[0].height() - body;
    QVERIFY2(header > 8, qPrintable(QString::number(header)));
    auto header_of = [&](int k) { return frames[k].copy(0, 0, frames[k].width(), header); };
    QVERIFY(header_of(0) != header_of(12));  // −3 and +3
    QVERIFY(header_of(0) != header_of(1));   // −3 and −2.5
    QVERIFY(header_of(6) != header_of(7));   // 0 and +0.5
    QCOMPARE(header_of(1), header_of(23));   // −2.5 forth and back
    const QImage first_column = explorer.lastTraversal().frames.first();
    for (const QImage& frame : frames)
      for (int y = 0; y < frame.height(); ++y)
        for (int x = 0; x < frame.width(); ++x) {
          const QRgb p = frame.pixel(x, y);
          QVERIFY2(qRed(p) == qGreen(p) && qGreen(p) == qBlue(p), qPrintable(QString("(%1, %2)").arg(x).arg(y)));
        }
    // Frame 0's body is the grid's first column, upscaled 2× at the right of the row labels.
    const int left = frames[0].width() - 2 * first_column.width();
    for (int y = 0; y < first_column.height(); y += 3)
      for (int x = 0; x < first_column.width(); x += 3)
        QVERIFY(std::abs(qGray(frames[0].pixel(left + 2 * x, header + 2 * y)) - qGray(first_column.pixel(x, y))) <= 1);
    // Colour frames: greys stay grey, colours keep their hue.
    QImage colour(8, 8, QImage::Format_RGB32);
    colour.fill(qRgb(128, 128, 128));
    colour.setPixel(0, 0, qRgb(255, 0, 0));
    colour.setPixel(1, 0, qRgb(90, 90, 90));
    const QString colour_gif = dir_.filePath("colour.gif");
    service::writeGif(colour_gif, {colour}, 100, {});
    const QImage colour_back = QImageReader(colour_gif).read().convertToFormat(QImage::Format_RGB32);
    for (const QPoint at : {QPoint(4, 4), QPoint(1, 0)}) {
      const QRgb p = colour_back.pixel(at), q = colour.pixel(at);
      QVERIFY(qRed(p) == qGreen(p) && qGreen(p) == qBlue(p));
      QVERIFY(std::abs(qRed(p) - qRed(q)) <= 4);
    }
    QCOMPARE(colour_back.pixel(0, 0), qRgb(255, 0, 0));
    // A folder that does not exist: an error naming the file, nothing written.
    const QString missing = dir_.filePath("no/such/folder/out.gif");
    QVERIFY(view.saveGif(missing, 1).contains(missing));
    QVERIFY(!QFile::exists(missing));
  }

  // One notion of the model shown: every tab's header and the status bar name it and its step; results keep the
  // model and step they were computed for and say so when another model is shown; the explorer's KL is its model's.
  void everyViewSaysWhichModelItShows() {
    ui::MainWindow window;
    window.resize(1200, 780);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(open_checkpoint(window, checkpoint_));
    const QString first_name = QFileInfo(dir_.path()).fileName() + "/model.fvae";
    QCOMPARE(window.model()->name(), first_name);
    QCOMPARE(window.modelHeaders().size(), window.tabs()->count());
    for (auto* header : window.modelHeaders()) {
      QVERIFY2(header->text().contains(first_name) && header->text().contains("step 5"), qPrintable(header->text()));
      QVERIFY(!header->text().contains("live"));
    }
    QVERIFY(window.statusModelLabel()->text().contains(first_name));

    // Results computed for this model say so.
    service::MetricSettings quick;
    quick.train_votes = 100, quick.eval_votes = 50, quick.samples_per_vote = 8, quick.mig_samples = 200;
    window.metricsPanel()->setSettings(quick);
    QSignalSpy measured(window.metricsPanel(), &ui::MetricsPanel::measured);
    window.metricsPanel()->measure();
    QTRY_COMPARE_WITH_TIMEOUT(measured.size(), 1, 60000);
    const ui::ResultOrigin* metrics_origin = window.metricsPanel()->origin();
    QVERIFY(!metrics_origin->isStale());
    QVERIFY2(metrics_origin->text().contains(first_name) && metrics_origin->text().contains("step 5"),
             qPrintable(metrics_origin->text()));
    // Before Compute, the map says what to press; after it, whose map it is.
    QVERIFY(window.latentMap()->origin()->text().contains("Compute"));
    window.latentMap()->setPointCount(200);
    QSignalSpy mapped(window.latentMap(), &ui::LatentMapView::computed);
    window.latentMap()->compute();
    QTRY_COMPARE_WITH_TIMEOUT(mapped.size(), 1, 60000);
    QVERIFY(!window.latentMap()->origin()->isStale());
    QVERIFY(window.latentMap()->origin()->text().contains(first_name));

    // Another model: the headers follow it, the results stay but are marked as the earlier model's.
    const QString second = dir_.filePath("second.fvae");
    QFile::remove(second);
    QVERIFY(QFile::copy(checkpoint_, second));
    QVERIFY(open_checkpoint(window, second));
    const QString second_name = QFileInfo(dir_.path()).fileName() + "/second.fvae";
    for (auto* header : window.modelHeaders()) QVERIFY(header->text().contains(second_name));
    QVERIFY(window.statusModelLabel()->text().contains(second_name));
    QVERIFY(metrics_origin->isStale());
    QVERIFY2(metrics_origin->text().contains("earlier model") && metrics_origin->text().contains(first_name),
             qPrintable(metrics_origin->text()));
    QVERIFY(window.latentMap()->origin()->isStale());
    QVERIFY(window.responsesPanel()->origin()->text().contains("Compute"));  // nothing computed: a hint, no result

    // The training's KL belongs to the training's model: the explorer showing a file keeps the file's.
    const QString kl_before = window.explorer()->klText(0);
    emit window.trainingPanel()->klUpdated(QVector<double>(8, 0.001));
    QCOMPARE(window.explorer()->klText(0), kl_before);
  }

  // A result of a live model is marked when the training moves on; a model whose training ended is no longer "live".
  void resultsOfALiveModelSayWhenTheTrainingMovedOn() {
    auto m = live_model(3);
    ui::ResultOrigin origin;
    origin.setModel(m.live);
    origin.setResult(m.live, m.live->trainingStep());
    QVERIFY(!origin.isStale());
    QVERIFY(ui::modelCaption(m.live.get()).endsWith("live"));
    m.snapshot->update_from(*m.second, 1234);
    QVERIFY(origin.isStale());
    QTRY_VERIFY(origin.text().contains("1,234"));  // refreshed while the model is live
    m.live->endLive();
    QVERIFY(!ui::modelCaption(m.live.get()).endsWith("live"));
    QVERIFY(ui::modelCaption(m.live.get()).contains("step 1,234"));
    QCOMPARE(ui::modelCaption(nullptr), QString("no model"));
    // Numbers in the user's language: German digits group with dots.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(ui::modelCaption(m.live.get()).contains("1.234"));
    service::DecodeService decoder;
    ui::LatentExplorer explorer(&decoder);
    explorer.setModel(m.live, {}, QVector<double>(8, 2.5));
    QCOMPARE(explorer.klText(0), QString("2,500"));
    QLocale::setDefault(before);
  }

  void openingADamagedDatasetKeepsTheCurrentOne() {
    ui::MainWindow window;
    QSignalSpy opened(&window, &ui::MainWindow::datasetOpened);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    QCOMPARE(window.dataset()->spec(), QString("shapes"));
    const QString broken = dir_.filePath("chestmnist.npz");
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("PK\x03\x04") + QByteArray(500, '\x01'));  // a zip header, then garbage
    file.close();
    QSignalSpy failed(&window, &ui::MainWindow::datasetFailed);
    window.openDataset(broken);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY2(failed.first().first().toString().contains(broken), qPrintable(failed.first().first().toString()));
    QVERIFY(window.messageBar()->text().contains(broken));
    QVERIFY(no_modal_window());
    QCOMPARE(window.dataset()->spec(), QString("shapes"));
    QCOMPARE(window.reconstructionPanel()->browser()->dataset()->spec(), QString("shapes"));
  }

  void metricsPanelMeasuresLikeTheEngine() {
    auto loaded = service::loadModel(checkpoint_);
    ui::MetricsPanel panel;
    panel.setModel(loaded.model, "shapes");
    service::MetricSettings s;
    s.train_votes = 60, s.eval_votes = 40, s.samples_per_vote = 16, s.mig_samples = 400, s.seed = 3;
    panel.setSettings(s);
    QSignalSpy measured(&panel, &ui::MetricsPanel::measured);
    QSignalSpy names(&panel, &ui::MetricsPanel::namesSuggested);
    panel.measure();
    QTRY_COMPARE_WITH_TIMEOUT(measured.size(), 1, 60000);
    const DisentanglementRecord report = panel.report().metrics();
    QCOMPARE(report.factors.size(), size_t{5});
    QCOMPARE(report.suggested_names.size(), size_t{8});

    // The engine directly, with the same settings, on the checkpoint's own networks.
    auto cp = load_checkpoint(checkpoint_.toStdString());
    ShapesDataset shapes(28, "all");
    DisentanglementOptions options;
    options.factor_vae.seed = options.mig.seed = 3;
    options.factor_vae.train_votes = 60, options.factor_vae.eval_votes = 40, options.factor_vae.samples_per_vote = 16;
    options.mig.samples = 400;
    auto direct = measure_disentanglement(
        shapes, [&](const torch::Tensor& x) { return encode(cp.networks->encoder, x).mu; }, options);
    QCOMPARE(report.factorvae_metric, direct.factor_vae.eval_accuracy);
    QVERIFY(std::abs(report.mig - direct.mig.mig) < 1e-9);
    QCOMPARE(panel.report().record.model.step, cp.step);  // the record names the step it measured

    // Saved, the record is evaluate --json's document: the same scores and settings.
    QVERIFY(panel.saveRecord(dir_.filePath("metrics.json")));
    QFile saved(dir_.filePath("metrics.json"));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(json["metrics"].toObject()["factorvae_metric"].toDouble(), report.factorvae_metric);
    QCOMPARE(json["metrics"].toObject()["settings"].toObject()["train_votes"].toInt(), 60);
    QCOMPARE(json["model"].toObject()["step"].toInteger(), cp.step);

    // The dimension table: per factor, the votes each dimension won (as the engine counted them) and their share.
    const QTableWidget* table = panel.dimensionTable();
    QCOMPARE(table->columnCount(), 3 + 5);
    QCOMPARE(table->rowCount(), 8);
    for (int k = 0; k < 5; ++k) {
      QCOMPARE(table->horizontalHeaderItem(3 + k)->text(), QString::fromStdString(report.factors[k].name));
      int64_t factor_total = 0;
      for (int64_t n : direct.factor_vae.votes[k]) factor_total += n;
      for (int d = 0; d < 8; ++d) {
        const int64_t count = direct.factor_vae.votes[k][d];
        QCOMPARE(table->item(d, 3 + k)->data(Qt::UserRole).toLongLong(), count);
        const int percent = factor_total > 0 ? qRound(100.0 * count / factor_total) : 0;
        QCOMPARE(table->item(d, 3 + k)->text(), QString("%1 %").arg(percent));
        QVERIFY(table->item(d, 3 + k)->toolTip().contains(QString::number(direct.mig.mutual_information[d][k], 'f', 3) +
                                                          " nats"));
      }
    }

    // Cancelling a long measurement reports it as cancelled.
    s.train_votes = 100000, s.eval_votes = 100000;
    panel.setSettings(s);
    panel.measure();
    QVERIFY(panel.isMeasuring());
    panel.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isMeasuring(), 30000);
    QCOMPARE(measured.size(), 1);
  }

  void responsesPanelDrawsWhatTheEngineComputes() {
    auto loaded = service::loadModel(checkpoint_);
    ui::ResponsesPanel panel;
    panel.setModel(loaded.model, "shapes");
    QCOMPARE(panel.source(), ui::ResponsesPanel::Source::Factors);  // a shapes model is read against its factors
    service::ResponseSettings s;
    s.samplesPerValue = 6, s.perShape = true, s.seed = 4;
    panel.setSettings(s);
    panel.setLatentNames({"x position"});
    QSignalSpy computed(&panel, &ui::ResponsesPanel::computed);
    panel.compute();
    QTRY_COMPARE_WITH_TIMEOUT(computed.size(), 1, 60000);
    QVERIFY(!panel.plot().isNull());

    // The engine directly, with the same settings, on the checkpoint's own networks.
    auto cp = load_checkpoint(checkpoint_.toStdString());
    FactorResponseOptions options;
    options.samples_per_value = 6, options.group_by = 0, options.seed = 4;
    auto direct = factor_responses(
        ShapesDataset(28, "all"), [&](const torch::Tensor& x) { return encode(cp.networks->encoder, x).mu; }, options);
    const QString expected = QString::fromStdString(factor_responses_csv(direct, {"x position"}));
    QCOMPARE(panel.csv(), expected);

    // Exports: the table as shown, the picture as a PNG; a folder that does not exist is named in the error.
    QVERIFY(panel.exportCsv(dir_.filePath("responses.csv")).isEmpty());
    QFile table(dir_.filePath("responses.csv"));
    QVERIFY(table.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(table.readAll()), expected);
    QVERIFY(panel.exportPng(dir_.filePath("responses.png")).isEmpty());
    QCOMPARE(QImage(dir_.filePath("responses.png")).size(), panel.plot().size());
    const QString nowhere = dir_.filePath("missing/responses.csv");
    QVERIFY(panel.exportCsv(nowhere).contains(nowhere));

    // Cancelling a long computation leaves the last result.
    s.samplesPerValue = 4000;
    panel.setSettings(s);
    panel.compute();
    QVERIFY(panel.isComputing());
    panel.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isComputing(), 30000);
    QCOMPARE(computed.size(), 1);
    QCOMPARE(panel.csv(), expected);
  }

  void classResponsesRankDimensionsOfAClassFolder() {
    // Two classes that differ in brightness, in subfolders.
    for (const char* cls : {"dark", "bright"}) QVERIFY(QDir(dir_.path()).mkpath(QString("classes/%1").arg(cls)));
    for (int i = 0; i < 12; ++i) {
      QImage image(28, 28, QImage::Format_Grayscale8);
      image.fill(i % 2 ? 200 + i : 10 + i);
      QVERIFY(image.save(dir_.filePath(QString("classes/%1/%2.png").arg(i % 2 ? "bright" : "dark").arg(i))));
    }
    auto opened = service::openDataset(dir_.filePath("classes"), 28, 1, "all");
    QVERIFY(opened.dataset);
    auto loaded = service::loadModel(checkpoint_);
    ui::ResponsesPanel panel;
    panel.setModel(loaded.model, "elsewhere");
    QCOMPARE(panel.source(), ui::ResponsesPanel::Source::Classes);
    panel.setDataset(opened.dataset);
    QSignalSpy computed(&panel, &ui::ResponsesPanel::computed);
    panel.compute();
    QTRY_COMPARE_WITH_TIMEOUT(computed.size(), 1, 60000);
    QCOMPARE(panel.rankingTable()->rowCount(), 8);
    auto cp = load_checkpoint(checkpoint_.toStdString());
    auto direct = class_responses(*opened.dataset->data(),
                                  [&](const torch::Tensor& x) { return encode(cp.networks->encoder, x).mu; });
    QCOMPARE(direct.class_names, (std::vector<std::string>{"bright", "dark"}));
    QCOMPARE(panel.csv(), QString::fromStdString(class_responses_csv(direct, {})));
    QCOMPARE(panel.rankingTable()->item(0, 0)->text(), QString("z%1").arg(direct.ranking[0]));
  }

  void latentMapShowsImagesAndSendsCodes() {
    auto loaded = service::loadModel(checkpoint_);
    auto opened = service::openDataset("shapes", 28, 1, "train");
    QVERIFY(opened.dataset);
    ui::LatentMapView view;
    view.resize(900, 600);
    view.setModel(loaded.model);
    view.setDataset(opened.dataset);
    view.setPointCount(300);
    QSignalSpy computed(&view, &ui::LatentMapView::computed);
    view.compute();
    QTRY_COMPARE_WITH_TIMEOUT(computed.size(), 1, 60000);
    QCOMPARE(view.pointCount(), 300);
    QCOMPARE(view.legendEntries(), 3);  // coloured by shape: square, ellipse, heart
    view.setColourColumn(4);            // x position: 32 values, the legend names the ends only
    QCOMPARE(view.legendEntries(), 2);
    view.setAxes(2, 3);  // z0 against z1
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();
    // A point's code is the model's encoding of its image; hovering shows that image, clicking sends the code.
    const int point = 17;
    const QVector<float> code = view.pointCode(point);
    QCOMPARE(code.size(), 8);
    const QPointF at = view.pointPosition(point);
    QVERIFY(view.pointAt(at) >= 0);
    const QVector<float> under = view.pointCode(view.pointAt(at));  // another point may lie on top: same pixel
    QMouseEvent move(QEvent::MouseMove, at, view.plot()->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view.plot(), &move);
    QVERIFY(view.hoverText().startsWith("image "));
    const int index = view.hoverText().section(' ', 1, 1).section(':', 0, 0).toInt();
    const QVector<float> encoded = loaded.model->encodeMean(opened.dataset->image(index));
    for (int d = 0; d < 8; ++d) QVERIFY(std::abs(encoded[d] - under[d]) < 1e-5);
    QSignalSpy chosen(&view, &ui::LatentMapView::codeChosen);
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, at.toPoint());
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().value<QVector<float>>(), view.pointCode(view.pointAt(at.toPoint())));

    // The map's images exported for other tools: one row per point, the point's code in the CSV.
    QVERIFY(view.exportButton()->isEnabled());
    QSignalSpy exported(&view, &ui::LatentMapView::codesExported);
    view.exportCodes(dir_.filePath("map-codes"));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 60000);
    QVERIFY(exported.first().first().toStringList().size() >= 9);
    QFile csv(dir_.filePath("map-codes/codes.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList rows = QString(csv.readAll()).trimmed().split('\n');
    QCOMPARE(rows.size(), 301);
    const int mu0 = static_cast<int>(rows[0].split(',').indexOf("mu_0"));
    QVERIFY(mu0 > 0);
    bool found = false;
    for (const QString& row : rows.mid(1)) {
      const QStringList values = row.split(',');
      if (values[0].toInt() != index) continue;
      found = true;
      for (int d = 0; d < 8; ++d) QVERIFY(std::abs(values[mu0 + d].toDouble() - encoded[d]) < 1e-5);
    }
    QVERIFY(found);
    QVERIFY(QFile::exists(dir_.filePath("map-codes/projector/sprite.png")));
  }

  void pauseWhileIdleDoesNotCarryOverIntoTheNextRun() {
    ui::MainWindow window;
    auto* panel = window.trainingPanel();
    QAction* pause = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
      if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_P)) pause = action;
    QVERIFY(pause);
    QVERIFY(!pause->isEnabled());  // Ctrl+P does nothing while no training runs
    panel->togglePause();          // and neither do the panel and the session
    window.session()->setPaused(true);
    QVERIFY(panel->pauseButton()->text().contains("Pause"));

    service::TrainingSettings s;
    s.dataset = "shapes";
    s.imageSize = 28;
    s.batchSize = 16;
    s.steps = 30;
    s.minutes = 0;  // the step budget, not the time budget
    s.outputFolder = dir_.filePath("idle-pause-run");
    panel->setSettings(s);
    QSignalSpy finished(window.session(), &service::TrainingSession::finished);
    panel->startTraining();
    QVERIFY(pause->isEnabled());
    // A run that started paused would never get here.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(load_checkpoint(dir_.filePath("idle-pause-run/latest.fvae").toStdString()).step, int64_t{30});
    QTRY_VERIFY(!pause->isEnabled());
  }

  void panelsFollowTheLiveModelAndUseTheRoom() {
    // What a new user saw: a sampling grid decoded once from the initial weights, tiles of 64 px in a large window, no
    // reconstructions while training. Now both panels follow the live weights and say which step they show.
    const auto model = live_model(3);
    const auto snapshot = model.snapshot;
    const auto second = model.second;
    const auto live = model.live;

    ui::SamplingPanel sampling;
    sampling.resize(1200, 900);
    sampling.show();
    QSignalSpy ready(&sampling, &ui::SamplingPanel::samplesReady);
    sampling.setModel(live);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 20000);
    QCOMPARE(sampling.shownStep(), qint64{0});
    QVERIFY2(sampling.tileSize() >= 3 * 28, qPrintable(QString::number(sampling.tileSize())));
    QCOMPARE(sampling.sampleButton(0)->iconSize().width(), sampling.tileSize());
    QCOMPARE(sampling.tileSize() % 28, 0);  // whole multiples: crisp pixels

    auto opened = service::openDataset("shapes", 28, 1);
    QVERIFY(opened.dataset);
    ui::ReconstructionPanel reconstruction;
    reconstruction.show();
    QSignalSpy reconstructed(&reconstruction, &ui::ReconstructionPanel::reconstructed);
    reconstruction.setModel(live);
    reconstruction.setDataset(opened.dataset);
    QTRY_COMPARE_WITH_TIMEOUT(reconstructed.size(), 1, 20000);  // the page's first images, without asking
    QCOMPARE(reconstruction.results().size(), ui::ReconstructionPanel::kDefaultImages);
    QCOMPARE(reconstruction.results()[3].original, opened.dataset->image(3));

    snapshot->update_from(*second, 42);  // a training step later
    QTRY_COMPARE_WITH_TIMEOUT(sampling.shownStep(), qint64{42}, 20000);
    const auto codes = ui::prior_codes(48, 8, 1.0, 0);
    auto after = service::snapshotModel(snapshot, "after", "after", false);
    QCOMPARE(qGray(sampling.gridImage().pixel(1 + 29 + 13, 1 + 13)), qGray(after->decode(codes[1]).pixel(13, 13)));
    QTRY_COMPARE_WITH_TIMEOUT(reconstructed.size(), 2, 20000);
    QCOMPARE(reconstruction.results()[3].reconstruction,
             after->reconstruct({opened.dataset->image(3)})[0].reconstruction);
  }

  void guiAndCliDecideDefaultsAlike() {
    // β, γ, the learning rate and the step budget follow the dataset and the image size until the user sets them, and
    // the run trains with what the form shows (the GUI once trained Fashion-MNIST at γ 35 where the CLI used 6.4).
    ui::MainWindow window;
    auto* panel = window.trainingPanel();
    const auto shapes32 = dataset_defaults("shapes", 32);
    QCOMPARE(panel->settings().imageSize, 32);
    QCOMPARE(panel->settings().beta, shapes32.beta);
    QCOMPARE(panel->settings().gamma, shapes32.gamma);
    QCOMPARE(panel->settings().learningRate, shapes32.vae_lr);
    QCOMPARE(panel->settings().steps, shapes32.max_steps);  // the out-of-the-box budget, not 10 epochs
    // On a CPU the form starts with a time budget of 15 minutes (the steps planned from the measured speed) and every
    // core; a time budget greys the step budget and the epochs out.
    QCOMPARE(panel->settings().minutes, 15.0);
    QCOMPARE(panel->settings().threads, QThread::idealThreadCount());
    // The quality bar's pipeline out of the box: 4 candidates screened to the end of the warm-up.
    QCOMPARE(panel->settings().candidates, shapes32.candidates);
    QCOMPARE(panel->settings().screenSteps, shapes32.screen_steps);
    QVERIFY(shapes32.candidates > 1);
    auto s = panel->settings();
    s.imageSize = 64;
    panel->setSettings(s);
    QCOMPARE(panel->settings().gamma, dataset_defaults("shapes", 64).gamma);  // priced for the size
    QCOMPARE(panel->settings().steps, dataset_defaults("shapes", 64).max_steps);
    s = panel->settings();
    s.imageSize = 28;
    panel->setSettings(s);
    QVERIFY(QDir(dir_.path()).mkpath("greys"));
    for (int i = 0; i < 40; ++i) {
      QImage image(28, 28, QImage::Format_Grayscale8);
      image.fill(i * 6);
      QVERIFY(image.save(dir_.filePath(QString("greys/%1.png").arg(i))));
    }
    panel->setDatasetSpec(dir_.filePath("greys"));
    QCOMPARE(panel->settings().gamma, 6.4);
    QCOMPARE(panel->settings().beta, 1.0);
    QCOMPARE(panel->settings().learningRate, 1e-4);
    QCOMPARE(panel->settings().candidates, 1);  // no selection where UDR was not measured
    s = panel->settings();
    s.batchSize = 8;
    s.steps = 2;
    s.minutes = 0;  // the step budget, not the time budget
    s.outputFolder = dir_.filePath("greys-run");
    panel->setSettings(s);
    QCOMPARE(panel->settings().screenSteps, qint64{1});  // at most an eighth of the budget, at least one step
    QSignalSpy finished(window.session(), &service::TrainingSession::finished);
    panel->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const auto trained = load_checkpoint(dir_.filePath("greys-run/latest.fvae").toStdString()).train;
    QCOMPARE(trained.gamma, 6.4);
    QCOMPARE(trained.beta, 1.0);
    // The CLI's plan for the same dataset and size, with nothing chosen, agrees with the form.
    RunRequest request;
    request.dataset.spec = dir_.filePath("greys").toStdString();
    request.dataset.split = "all";
    request.dataset.size = 28;
    const auto plan = plan_run(request, open_dataset);
    QCOMPARE(plan.train.gamma, trained.gamma);
    QCOMPARE(plan.train.vae_lr, trained.vae_lr);
    panel->setDatasetSpec("shapes");
    QCOMPARE(panel->settings().gamma, dataset_defaults("shapes", 28).gamma);
    QCOMPARE(panel->settings().candidates, dataset_defaults("shapes", 28).candidates);
    s = panel->settings();
    s.gamma = 10;  // chosen: it stays whatever the dataset
    panel->setSettings(s);
    panel->setDatasetSpec(dir_.filePath("greys"));
    QCOMPARE(panel->settings().gamma, 10.0);
    QCOMPARE(panel->settings().beta, 1.0);  // not chosen: follows
  }

  void statusBarAndFormAgreeBeforeStart() {
    ui::MainWindow window;
    QSignalSpy opened(&window, &ui::MainWindow::datasetOpened);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    QCOMPARE(window.dataset()->imageSize(), window.trainingPanel()->settings().imageSize);  // 32, not 64
    auto s = window.trainingPanel()->settings();
    s.imageSize = 64;
    window.trainingPanel()->setSettings(s);
    QTRY_COMPARE_WITH_TIMEOUT(window.dataset()->imageSize(), 64, 20000);
    // The output folder's whole path is in its tooltip (the field shows its tail).
    auto* output = window.trainingPanel()->findChild<QLineEdit*>(QStringLiteral("outputFolder"));
    QVERIFY(output);
    QVERIFY(!output->text().isEmpty());
    QCOMPARE(output->toolTip(), QDir::toNativeSeparators(output->text()));
  }

  void aFolderWithOneBrokenImageOpensWithoutIt() {
    QVERIFY(QDir(dir_.path()).mkpath("photos"));
    for (int i = 0; i < 10; ++i) {
      QImage image(30, 30, QImage::Format_Grayscale8);
      image.fill(20 * (i + 1));
      QVERIFY(image.save(dir_.filePath(QString("photos/%1.png").arg(i))));
    }
    const QString broken = dir_.filePath("photos/1b.jpg");
    QFile junk(broken);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("\xff\xd8 not really a JPEG");
    junk.close();
    ui::MainWindow window;
    QSignalSpy opened(&window, &ui::MainWindow::datasetOpened);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);  // shapes, at start
    window.openDataset(dir_.filePath("photos"));
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, 20000);
    QCOMPARE(window.dataset()->spec(), dir_.filePath("photos"));
    QVERIFY(window.messageBar()->text().contains(broken));
    QCOMPARE(window.messageBar()->kind(), ui::MessageBar::Kind::Warning);
    QVERIFY(no_modal_window());
  }

  // Start on a folder that holds a run asks (continue, a free folder, replace) in the tab, and starts nothing until
  // the user chooses; nothing in the folder changes before that.
  void startOnAFolderWithARunAsks() {
    ui::MainWindow window;
    auto* panel = window.trainingPanel();
    const QString folder = dir_.filePath("taken");
    QDir(folder).removeRecursively();
    QDir(folder + "-2").removeRecursively();
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(checkpoint_, folder + "/latest.fvae"));
    service::TrainingSettings s;
    s.dataset = "shapes";
    s.imageSize = 28;
    s.batchSize = 16;
    s.steps = 3;
    s.minutes = 0;
    s.outputFolder = folder;
    panel->setSettings(s);
    panel->startTraining();
    auto* question = panel->folderQuestion();
    QVERIFY(question->isVisibleTo(panel));
    QVERIFY2(question->text().contains("holds a run"), qPrintable(question->text()));
    QVERIFY(question->continueButton()->isVisibleTo(panel));
    QVERIFY(question->newFolderButton()->text().contains("taken-2"));
    QVERIFY(!window.session()->isRunning());
    QVERIFY(no_modal_window());
    QCOMPARE(load_checkpoint((folder + "/latest.fvae").toStdString()).step, int64_t{5});  // untouched
    // The session refuses too, whoever calls it.
    try {
      window.session()->start(s);
      QFAIL("the session started a run on a folder that holds one");
    } catch (const service::Error& e) {
      const QString error = QString::fromUtf8(e.what());
      QVERIFY2(error.contains("holds a run") && error.contains("taken-2"), qPrintable(error));
    }

    // A free folder beside it: the run goes there.
    QSignalSpy finished(window.session(), &service::TrainingSession::finished);
    question->newFolderButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(!question->isVisibleTo(panel));
    QCOMPARE(panel->settings().outputFolder, folder + "-2");
    QCOMPARE(load_checkpoint((folder + "-2/latest.fvae").toStdString()).step, int64_t{3});
    QCOMPARE(load_checkpoint((folder + "/latest.fvae").toStdString()).step, int64_t{5});

    // Replace: the earlier run's files go, the new run is saved there.
    s.outputFolder = folder;
    panel->setSettings(s);
    panel->startTraining();
    QVERIFY(question->isVisibleTo(panel));
    question->replaceButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QCOMPARE(load_checkpoint((folder + "/latest.fvae").toStdString()).step, int64_t{3});
    QVERIFY(QFile::exists(folder + "/losses.csv"));
  }

  void trainingFromTheGui() {
    ui::MainWindow window;
    auto* panel = window.trainingPanel();
    service::TrainingSettings s;
    s.dataset = "shapes";
    s.imageSize = 28;
    s.batchSize = 16;
    s.steps = 100000;
    s.minutes = 0;  // the step budget, not the time budget
    s.epochs = 1;
    s.outputFolder = dir_.filePath("gui-run");
    panel->setSettings(s);
    panel->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(panel->pointsPlotted() > 3, 60000);
    QVERIFY(panel->lossChart()->graph(ui::LossChart::Reconstruction, true)->dataCount() > 3);
    QCOMPARE(panel->latestKl().size(), 8);
    // The explorer follows the live model.
    QTRY_VERIFY_WITH_TIMEOUT(!window.explorer()->displayedImage().isNull(), 10000);

    panel->togglePause();
    // Paused once the step in flight has finished and every step done is plotted; then nothing moves.
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->isPausedBetweenSteps(), 60000);
    const qint64 paused_at = window.session()->stepsDone();
    QTRY_COMPARE_WITH_TIMEOUT(qint64{panel->pointsPlotted()}, paused_at, 10000);
    QTest::qWait(300);  // not a wait for something to happen: the check that nothing does
    QCOMPARE(window.session()->stepsDone(), paused_at);
    QCOMPARE(qint64{panel->pointsPlotted()}, paused_at);
    panel->togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(panel->pointsPlotted() > paused_at, 60000);

    panel->stopTraining();
    QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
    QTRY_VERIFY(panel->startButton()->isEnabled());
    QVERIFY(QFile::exists(dir_.filePath("gui-run/latest.fvae")));
    auto cp = load_checkpoint(dir_.filePath("gui-run/latest.fvae").toStdString());
    QVERIFY(cp.step > 0);
    // The strip of fixed inputs above their reconstructions: 8 images of 28 px with 1-px padding.
    QCOMPARE(panel->lastReconstructions().size(), QSize(8 * 29 + 1, 2 * 29 + 1));
    const QString charts = dir_.filePath("charts.png");
    QCOMPARE(panel->saveChartsPng(charts), QString());
    QVERIFY(!QImageReader(charts).read().isNull());

    // Resume from the GUI: the run goes on from its step to the new budget, in its own folder.
    s.steps = cp.step + 12;
    s.minutes = 0;  // the step budget, not the time budget
    panel->setSettings(s);
    QSignalSpy finished(window.session(), &service::TrainingSession::finished);
    panel->resumeTraining(dir_.filePath("gui-run/latest.fvae"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(finished.first().first().toBool(), false);  // finished, not cancelled
    auto resumed = load_checkpoint(dir_.filePath("gui-run/latest.fvae").toStdString());
    QCOMPARE(resumed.step, cp.step + 12);
    QCOMPARE(resumed.history.front().step, cp.history.front().step);  // one history, continued
    // The GUI writes what the CLI writes: losses.csv (every step) and one TensorBoard log, continued on resume, whose
    // scalars are the checkpoint's history, each step once.
    QFile csv(dir_.filePath("gui-run/losses.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(QString(csv.readAll()).trimmed().split('\n').size(), 1 + static_cast<int>(resumed.history.size()));
    const auto logs = QDir(dir_.filePath("gui-run")).entryList({"events.out.tfevents.*"});
    QCOMPARE(logs.size(), 1);
    std::vector<int64_t> logged;
    for (const auto& r : tensorboard::read_event_file(QDir(dir_.filePath("gui-run")).filePath(logs[0]).toStdString()))
      if (!r.scalars.empty()) logged.push_back(r.step);
    QCOMPARE(logged.size(), resumed.history.size());
    for (size_t i = 0; i < logged.size(); ++i) QCOMPARE(logged[i], resumed.history[i].step);
    QVERIFY(window.findChild<QLabel*>("tensorboardNote")->text().contains(dir_.filePath("gui-run")));

    // File → Export while no checkpoint is open: the training's newest save, for PyTorch and weights only.
    QSignalSpy exported(&window, &ui::MainWindow::modelExported);
    window.exportModel(dir_.filePath("gui-model.pt"));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
    QFile pt(dir_.filePath("gui-model.pt"));
    QVERIFY(pt.open(QIODevice::ReadOnly));
    QCOMPARE(pt.read(2), QByteArray("PK"));  // torch.save's zip container (read by Python in test_python_interop)
    window.exportModel(dir_.filePath("gui-weights.fvae"));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 30000);
    QVERIFY(QFileInfo(dir_.filePath("gui-weights.fvae")).size() * 5 <
            QFileInfo(dir_.filePath("gui-run/latest.fvae")).size());
    QVERIFY(open_checkpoint(window, dir_.filePath("gui-weights.fvae")));
    QCOMPARE(window.explorer()->dimensions(), 8);  // a weights-only file opens like any checkpoint

    // A spent budget is an error that says what to do, not a silent no-op; it shows in the window, whenever it
    // arrives, and nothing waits for a click.
    QSignalSpy failed(window.session(), &service::TrainingSession::failed);
    panel->resumeTraining(dir_.filePath("gui-run/latest.fvae"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QVERIFY(failed.first().first().toString().contains("budget"));
    QTRY_VERIFY(window.messageBar()->text().contains("budget"));
    QVERIFY(no_modal_window());
    QVERIFY(panel->startButton()->isEnabled());
  }
};

QTEST_MAIN(TestStudio)
#include "test_studio.moc"
