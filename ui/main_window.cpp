#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>

#include "ui/latent_explorer.h"
#include "ui/sampling_panel.h"
#include "ui/training_panel.h"

// Resources in a static library need explicit registration (outside any namespace).
static void register_resources() { Q_INIT_RESOURCE(resources); }

namespace fvae::ui {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      session_(new service::TrainingSession(this)),
      decoder_(new service::DecodeService(this)),
      training_(new TrainingPanel(session_)),
      explorer_(new LatentExplorer(decoder_)),
      sampling_(new SamplingPanel),
      tabs_(new QTabWidget),
      device_label_(new QLabel),
      model_label_(new QLabel(tr("no model"))),
      dataset_label_(new QLabel(tr("dataset: shapes (built in)"))) {
  register_resources();
  setWindowTitle(tr("FactorVAE Studio"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/factorvae-studio.svg")));
  setAcceptDrops(true);
  tabs_->addTab(training_, tr("&Training"));
  tabs_->addTab(explorer_, tr("Latent &explorer"));
  tabs_->addTab(sampling_, tr("&Sampling"));
  connect(sampling_, &SamplingPanel::codeChosen, this, [this](const QVector<float>& code) {
    explorer_->setBaseCode(code);
    tabs_->setCurrentWidget(explorer_);
  });
  setCentralWidget(tabs_);
  statusBar()->addWidget(device_label_);
  statusBar()->addWidget(model_label_);
  statusBar()->addWidget(dataset_label_, 1);
  device_label_->setText(tr("device: CPU (CUDA when the LibTorch build and a GPU allow)"));
  createMenus();

  // During training the explorer follows the live weights.
  connect(session_, &service::TrainingSession::started, this,
          [this](const QString& description, const QString& device) {
            device_label_->setText(tr("device: %1").arg(device));
            model_label_->setText(description);
            explorer_->setModel(session_->liveModel(), {}, {});
            sampling_->setModel(session_->liveModel());
          });
  connect(training_, &TrainingPanel::klUpdated, explorer_, &LatentExplorer::setKl);
  connect(session_, &service::TrainingSession::started, this, [this] { checkpoint_path_.clear(); });
  // Names typed in the explorer go into the checkpoint: the opened one, or the training's next save.
  connect(explorer_, &LatentExplorer::namesEdited, this, [this](const QStringList& names) {
    if (session_->isRunning()) {
      session_->setLatentNames(names);
      statusBar()->showMessage(tr("Names will be saved with the next checkpoint."), 4000);
    } else if (!checkpoint_path_.isEmpty()) {
      const QString error = service::saveLatentNames(checkpoint_path_, names);
      if (error.isEmpty())
        statusBar()->showMessage(tr("Names saved in %1").arg(checkpoint_path_), 4000);
      else
        QMessageBox::warning(this, tr("Cannot save the names"), error);
    }
  });

  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  tabs_->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
  if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1200, 780);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open checkpoint…"), this, [this] {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open checkpoint"), QString(), tr("FactorVAE checkpoints (*.fvae)"));
    if (!path.isEmpty()) openCheckpoint(path);
  });
  open->setShortcut(QKeySequence::Open);
  open->setToolTip(tr("Load a trained model into the latent explorer"));
  recent_menu_ = file->addMenu(tr("&Recent checkpoints"));
  updateRecentMenu();
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* train = menuBar()->addMenu(tr("T&raining"));
  QAction* start = train->addAction(tr("&Start"), training_, &TrainingPanel::startTraining);
  start->setShortcut(Qt::CTRL | Qt::Key_R);
  QAction* pause = train->addAction(tr("&Pause / resume"), training_, &TrainingPanel::togglePause);
  pause->setShortcut(Qt::CTRL | Qt::Key_P);
  train->addAction(tr("S&top"), training_, &TrainingPanel::stopTraining);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About FactorVAE Studio"), this, &MainWindow::showAbout);
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateRecentMenu() {
  recent_menu_->clear();
  const QStringList recent = QSettings().value(QStringLiteral("recent/checkpoints")).toStringList();
  for (const QString& path : recent)
    recent_menu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openCheckpoint(path); })->setToolTip(path);
  recent_menu_->setEnabled(!recent.isEmpty());
}

QStringList MainWindow::saveScreenshots(const QString& prefix) {
  QStringList written;
  for (int i = 0; i < tabs_->count(); ++i) {
    tabs_->setCurrentIndex(i);
    QApplication::processEvents();
    const QString name =
        tabs_->tabText(i).remove(QLatin1Char('&')).toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString path = QStringLiteral("%1-%2.png").arg(prefix, name);
    if (grab().save(path)) written << path;
  }
  return written;
}

bool MainWindow::openCheckpoint(const QString& path) {
  auto loaded = service::loadModel(path);
  if (!loaded.model) {
    QMessageBox::critical(this, tr("Cannot open checkpoint"), loaded.error);
    return false;  // the previous model stays loaded
  }
  checkpoint_path_ = path;
  explorer_->setModel(loaded.model, loaded.latentNames, loaded.klPerDim);
  sampling_->setModel(loaded.model);
  model_label_->setText(tr("model: %1 (%2)").arg(loaded.model->description(), QFileInfo(path).fileName()));
  dataset_label_->setText(tr("dataset: %1").arg(loaded.datasetDescription));
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("recent/checkpoints")).toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue(QStringLiteral("recent/checkpoints"), recent);
  updateRecentMenu();
  tabs_->setCurrentWidget(explorer_);
  return true;
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About FactorVAE Studio"),
                     tr("<h3>FactorVAE Studio %1</h3><p>Train a FactorVAE (Kim &amp; Mnih 2018) and explore what each "
                        "latent dimension means.</p><p>MIT licence.</p>")
                         .arg(QApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (session_->isRunning()) {
    const auto answer =
        QMessageBox::question(this, tr("Training is running"), tr("Stop the training, save it and quit?"),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) {
      event->ignore();
      return;
    }
    session_->setPaused(false);
    session_->stop();
    QElapsedTimer waited;
    waited.start();
    while (session_->isRunning() && waited.elapsed() < 60000) {
      QApplication::processEvents(QEventLoop::AllEvents, 50);
      QThread::msleep(10);
    }
  }
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  settings.setValue(QStringLiteral("window/tab"), tabs_->currentIndex());
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".fvae"))) {
      openCheckpoint(url.toLocalFile());
      break;
    }
}

}  // namespace fvae::ui
