// The window at 1000×700, at its default size and at 1600×1000, in English and in German: it takes the size it is
// given (no page forces it wider), and every text of every tab fits its widget (ScreenshotTour::cutTexts: no label,
// button or placeholder cut), with a trained model open (named rows in the explorer, the saved curves).
#include <torch/torch.h>

#include <qcustomplot.h>

#include <QApplication>
#include <QChartView>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

#include "model/checkpoint/checkpoint.h"
#include "model/nn/networks.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "ui/reconstruction_panel.h"
#include "tools/screenshots/screenshot_tour.h"
#include "ui/training_panel.h"
#include "ui/translations.h"

using namespace fvae;

class TestLayout : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString checkpoint_;

  static void languagesAndSizes(const QVector<QSize>& sizes) {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")})
      for (QSize size : sizes)
        QTest::addRow("%s-%dx%d", qPrintable(language), size.width(), size.height()) << language << size;
  }

  // The window at `size` with the test's model open and its dataset loaded.
  bool showWithModel(ui::MainWindow& window, QSize size) {
    window.resize(size);
    window.show();
    QSignalSpy opened(&window, &ui::MainWindow::checkpointOpened);
    window.openCheckpoint(checkpoint_);
    return QTest::qWaitFor([&] { return !opened.isEmpty(); }, 60000) &&
           QTest::qWaitFor([&] { return window.dataset() != nullptr; }, 60000);
  }

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

  void everyTextFitsAtEverySize_data() { languagesAndSizes({QSize(1000, 700), QSize(1200, 780), QSize(1600, 1000)}); }
  void everyTextFitsAtEverySize() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(ui::installTranslations(language) || language == QLatin1String("en"));
    ui::MainWindow window;
    QVERIFY(showWithModel(window, size));
    QApplication::processEvents();
    QCOMPARE(window.size(), size);  // no page made the window larger than it was asked to be
    const QStringList cut = ui::ScreenshotTour::cutTexts(window);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join('\n')));
    ui::installTranslations(QStringLiteral("en"));
  }

  // Long plain tooltips are shown wrapped (Qt shows one line as wide as the screen); the tooltip itself is unchanged.
  void longToolTipsWrap() {
    const QString long_tip = QStringLiteral(
        "Factors: mu of every dimension as each factor of the shapes dataset sweeps its values, the other factors "
        "random. Classes: mu of every dimension per class of the dataset's labels.");
    const QString wrapped = ui::wrappedToolTip(long_tip);
    QVERIFY(wrapped.count('\n') >= 2);
    for (const QString& line : wrapped.split('\n')) QVERIFY2(line.size() <= 72, qPrintable(line));
    QCOMPARE(QString(wrapped).replace('\n', ' '), long_tip);  // every word, in order
    QCOMPARE(ui::wrappedToolTip("short"), QString("short"));
    QCOMPARE(ui::wrappedToolTip("<b>rich</b> " + long_tip), "<b>rich</b> " + long_tip);
    QLabel label("hover me");
    label.setToolTip(long_tip);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QHelpEvent help(QEvent::ToolTip, QPoint(2, 2), label.mapToGlobal(QPoint(2, 2)));
    QApplication::sendEvent(&label, &help);
    QTRY_COMPARE(QToolTip::text(), wrapped);
    QCOMPARE(label.toolTip(), long_tip);
    QToolTip::hideText();
  }

  // Geometry, not only text: at 1000×700 and the default size, in English and German, no tab scrolls sideways, and
  // each tab's main controls and views lie inside what is shown without scrolling: Start and Stop, every chart, and
  // every column header of every table.
  void primaryControlsAreInView_data() { languagesAndSizes({QSize(1000, 700), QSize(1200, 780)}); }
  void primaryControlsAreInView() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(ui::installTranslations(language) || language == QLatin1String("en"));
    ui::MainWindow window;
    QVERIFY(showWithModel(window, size));
    // The reconstructions of the first page are in the table (their images widen its columns).
    QVERIFY(QTest::qWaitFor(
        [&] {
          return window.reconstructionPanel()->findChild<QTableView*>() &&
                 window.reconstructionPanel()->findChild<QTableWidget*>()->rowCount() > 0;
        },
        60000));
    // What a Stop leaves: a message with a long path, which once made the Training tab wider than the window.
    const QString deep =
        dir_.filePath(QStringLiteral("a-rather-long-folder-name-for-runs/pipeline-of-today/seed-12/latest.fvae"));
    emit window.session()->finished(
        true, QStringLiteral("Stopped; the chosen candidate (seed 12, UDR 0.512) is saved in ") + deep, QString());
    QApplication::processEvents();
    QCOMPARE(window.size(), size);
    QStringList problems;
    QTabWidget* tabs = window.tabs();
    for (int i = 0; i < tabs->count(); ++i) {
      tabs->setCurrentIndex(i);
      QApplication::processEvents();
      const QString tab = tabs->tabText(i).remove('&');
      auto* scroll = tabs->widget(i)->findChild<QScrollArea*>();
      if (scroll->horizontalScrollBar()->maximum() > 0)
        problems
            << QStringLiteral("%1: scrolls sideways by %2 px").arg(tab).arg(scroll->horizontalScrollBar()->maximum());
      QWidget* viewport = scroll->viewport();
      auto in_view = [&](QWidget* w, const QString& what) {
        if (!w->isVisible()) return;
        const QRect r(w->mapTo(viewport, QPoint(0, 0)), w->size());
        if (!viewport->rect().contains(r))
          problems << QStringLiteral("%1: %2 at (%3, %4) %5×%6 outside the %7×%8 view")
                          .arg(tab, what)
                          .arg(r.x())
                          .arg(r.y())
                          .arg(r.width())
                          .arg(r.height())
                          .arg(viewport->width())
                          .arg(viewport->height());
      };
      for (auto* plot : scroll->widget()->findChildren<QCustomPlot*>()) in_view(plot, "a chart");
      for (auto* chart : scroll->widget()->findChildren<QChartView*>()) in_view(chart, "a bar chart");
      for (auto* table : scroll->widget()->findChildren<QTableView*>()) {
        if (!table->isVisible()) continue;
        in_view(table, "a table");
        QHeaderView* header = table->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
          if (!header->isSectionHidden(c) &&
              header->sectionViewportPosition(c) + header->sectionSize(c) > table->viewport()->width() + 1)
            problems << QStringLiteral("%1: column \"%2\" beyond the table's width")
                            .arg(tab, table->model()->headerData(c, Qt::Horizontal).toString());
      }
      if (scroll->widget() == window.trainingPanel()) {
        in_view(window.trainingPanel()->startButton(), "Start");
        in_view(window.trainingPanel()->stopButton(), "Stop");
      }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    ui::installTranslations(QStringLiteral("en"));
  }
};

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
