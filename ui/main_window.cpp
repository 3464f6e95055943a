#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/service/model_analysis.h"
#include "app/service/model_exchange.h"
#include "ui/dataset_browser.h"
#include "ui/export_dialogs.h"
#include "ui/interpolation_view.h"
#include "ui/latent_explorer.h"
#include "ui/latent_map_view.h"
#include "ui/message_bar.h"
#include "ui/metrics_panel.h"
#include "ui/model_header.h"
#include "ui/recent_menu.h"
#include "ui/reconstruction_panel.h"
#include "ui/responses_panel.h"
#include "ui/sampling_panel.h"
#include "ui/training_panel.h"
#include "ui/user_guide.h"

// Resources in a static library need explicit registration (outside any namespace).
static void register_resources() { Q_INIT_RESOURCE(resources); }

namespace fvae::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      session_(new service::TrainingSession(this)),
      decoder_(new service::DecodeService(this)),
      training_(new TrainingPanel(session_)),
      explorer_(new LatentExplorer(decoder_)),
      sampling_(new SamplingPanel),
      reconstruction_(new ReconstructionPanel),
      metrics_(new MetricsPanel),
      responses_(new ResponsesPanel),
      latent_map_(new LatentMapView),
      tabs_(new QTabWidget),
      messages_(new MessageBar),
      dataset_jobs_(new service::JobTracker(this)),
      checkpoint_jobs_(new service::JobTracker(this)),
      names_jobs_(new service::JobTracker(this)),
      exchange_jobs_(new service::JobTracker(this)),
      kl_jobs_(new service::JobTracker(this)),
      device_label_(new QLabel),
      model_label_(new ModelHeader),
      dataset_label_(new QLabel(tr("dataset: none"))) {
  register_resources();
  setWindowTitle(tr("FactorVAE Studio"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/factorvae-studio.svg")));
  setAcceptDrops(true);
  createTabs();
  createStatusBar();
  createMenus();
  connectPanels();
  connectTraining();
  restoreSettings();
  openDataset(service::builtinDatasetSpec());  // the built-in dataset: nothing to configure
  const auto demo = service::demoModel();
  if (!demo.path.isEmpty())
    training_->offerDemo(demo.scores, !QSettings().value(QStringLiteral("ui/demoOpened"), false).toBool());
}

void MainWindow::createTabs() {
  // Each page scrolls where the window is smaller than what it needs (at 1000×700, say), instead of cutting its texts
  // or forcing the window wider than the screen.
  // Above each page, which model it shows (name, step, live): the same line on every tab.
  auto page = [this](QWidget* panel, const QString& title) {
    auto* scroll = new QScrollArea;
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* header = new ModelHeader;
    headers_ << header;
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(scroll, 1);
    tabs_->addTab(page, title);
  };
  page(training_, tr("&Training"));
  page(explorer_, tr("Latent &explorer"));
  page(reconstruction_, tr("Re&construction"));
  page(sampling_, tr("&Sampling"));
  page(metrics_, tr("&Metrics"));
  page(responses_, tr("Res&ponses"));
  page(latent_map_, tr("Latent m&ap"));
  messages_->setObjectName(QStringLiteral("windowMessages"));  // where reportError finds it
  auto* central = new QWidget;
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(0, 0, 0, 0);
  central_layout->addWidget(messages_);
  central_layout->addWidget(tabs_, 1);
  setCentralWidget(central);
}

void MainWindow::followLiveTraining() {
  if (!session_->isRunning()) return;
  following_live_ = true;
  checkpoint_path_.clear();
  setModel(session_->liveModel(), {}, {}, session_->datasetSpec());
  explorer_->offerLiveTraining(false);
}

void MainWindow::openDemo() {
  const auto demo = service::demoModel();
  if (demo.path.isEmpty()) {
    messages_->showError(tr("No demo model"), tr("The demo model is not installed with this build."));
    return;
  }
  QSettings().setValue(QStringLiteral("ui/demoOpened"), true);
  openCheckpoint(demo.path);
}

void MainWindow::showTab(QWidget* panel) {
  for (int i = 0; i < tabs_->count(); ++i)
    if (auto* scroll = tabs_->widget(i)->findChild<QScrollArea*>(); scroll && scroll->widget() == panel)
      tabs_->setCurrentIndex(i);
}

void MainWindow::createStatusBar() {
  statusBar()->addWidget(device_label_);
  model_label_->setWordWrap(false);
  statusBar()->addWidget(model_label_);
  statusBar()->addWidget(dataset_label_, 1);
  device_label_->setText(tr("device: %1").arg(service::computeDeviceDescription()));
}

void MainWindow::connectPanels() {
  auto explore = [this](const QVector<float>& code) {
    explorer_->setBaseCode(code);
    showTab(explorer_);
  };
  connect(sampling_, &SamplingPanel::codeChosen, this, explore);
  connect(reconstruction_, &ReconstructionPanel::exploreCode, this, explore);
  connect(latent_map_, &LatentMapView::codeChosen, this, explore);
  // The views that label dimensions follow the names typed in the explorer.
  connect(explorer_, &LatentExplorer::namesEdited, this, [this](const QStringList& names) {
    responses_->setLatentNames(names);
    latent_map_->setLatentNames(names);
  });
  connect(metrics_, &MetricsPanel::namesSuggested, explorer_, &LatentExplorer::applySuggestedNames);
  // Names typed in the explorer go into the checkpoint: the opened one, or the training's next save.
  connect(explorer_, &LatentExplorer::namesEdited, this, &MainWindow::saveNames);
  for (auto* jobs : {dataset_jobs_, checkpoint_jobs_, names_jobs_, exchange_jobs_})
    connect(jobs, &service::JobTracker::failed, this,
            [this](const QString& error) { messages_->showError(tr("Background task failed"), error); });
}

void MainWindow::connectTraining() {
  // A training's weights go to the explorer when nothing else is open there; a model the user opened (the demo, a
  // checkpoint) stays until they choose to follow the live training.
  connect(session_, &service::TrainingSession::started, this,
          [this](const QString& /*description: the training panel shows it*/, const QString& device) {
            device_label_->setText(tr("device: %1").arg(device));
            messages_->clearProblems();
            // What File → Export writes while no checkpoint is open: the training's newest save.
            training_checkpoint_ = QDir(training_->settings().outputFolder).filePath(QStringLiteral("latest.fvae"));
            if (checkpoint_path_.isEmpty() || following_live_)
              followLiveTraining();  // each candidate of a pipeline is a model of its own
            else
              explorer_->offerLiveTraining(true);
          });
  connect(explorer_, &LatentExplorer::followLiveRequested, this, &MainWindow::followLiveTraining);
  connect(training_, &TrainingPanel::exploreDemoRequested, this, &MainWindow::openDemo);
  connect(training_, &TrainingPanel::runningChanged, this, [this](bool running) {
    if (!running) explorer_->offerLiveTraining(false);
  });
  // The training's KL describes the training's model only: another model shown keeps its own (its checkpoint's).
  connect(training_, &TrainingPanel::klUpdated, this, [this](const QVector<double>& kl) {
    if (!following_live_) return;
    explorer_->setKl(kl);
    latent_map_->setKl(kl);
  });
  // Before any model exists, the dataset is shown at the size the form would train at.
  connect(training_, &TrainingPanel::imageSizeChanged, this, [this] {
    if (!model_ && dataset_) openDataset(dataset_->spec());
  });
  // A finished training's checkpoint is the model on screen from now on: names go into it. On shapes the metric then
  // names the dimensions (only those still unnamed), so the explorer's sliders say what they move.
  connect(training_, &TrainingPanel::trainingCompleted, this, [this](const QString& checkpoint) {
    if (!following_live_) return;  // the explorer shows another model; the run is saved in `checkpoint`
    checkpoint_path_ = checkpoint;
    if (model_ && model_->channels() == 1 && service::hasGroundTruth(session_->datasetSpec())) {
      statusBar()->showMessage(tr("Naming the latent dimensions by the FactorVAE metric…"), 8000);
      metrics_->measureAndName();
    }
  });
  // A stop is no error: what it saved is named, and a pipeline's best candidate so far is what the explorer shows.
  connect(training_, &TrainingPanel::trainingStopped, this, [this](const QString& checkpoint, const QString& message) {
    messages_->showInformation(tr("Training stopped"), message);
    if (checkpoint.isEmpty()) return;
    training_checkpoint_ = checkpoint;
    if (!close_when_stopped_ && !service::pipelineFolderOf(checkpoint).isEmpty()) openCheckpoint(checkpoint);
  });
  // Quitting while training ran: the window closes once the training has stopped and saved.
  auto close_if_asked = [this] {
    if (close_when_stopped_) close();
  };
  connect(session_, &service::TrainingSession::finished, this, close_if_asked, Qt::QueuedConnection);
  connect(session_, &service::TrainingSession::failed, this, close_if_asked, Qt::QueuedConnection);
}

void MainWindow::restoreSettings() {
  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1200, 780);
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  tabs_->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
  createFileMenu();
  createTrainingMenu();
  createHelpMenu();
}

void MainWindow::createFileMenu() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open checkpoint…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open checkpoint"), QString(),
        tr("FactorVAE checkpoints (*.fvae *.safetensors);;Models trained elsewhere (*.ckpt *.pt *.pth *.tar *.pkl);;"
           "All files (*)"));
    if (!path.isEmpty()) openCheckpoint(path);
  });
  open->setShortcut(QKeySequence::Open);
  open->setToolTip(tr("Load a trained model into the latent explorer: this application's, or one saved by "
                      "1Konny's FactorVAE or Beta-VAE, AntixK's PyTorch-VAE or the original project"));
  if (!service::demoModel().path.isEmpty())
    file->addAction(tr("Explore a trained &model now"), this, &MainWindow::openDemo)
        ->setToolTip(tr("The demo model, trained by this application on the built-in shapes"));
  recent_checkpoints_ = new RecentMenu(tr("&Recent checkpoints"), QStringLiteral("recent/checkpoints"), file);
  connect(recent_checkpoints_, &RecentMenu::chosen, this, &MainWindow::openCheckpoint);
  file->addMenu(recent_checkpoints_);
  file->addSeparator();
  QAction* open_data = file->addAction(tr("Open &dataset file…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open dataset"), QString(),
        tr("Datasets (*.npz *-ubyte *-ubyte.gz *.idx *.idx.gz);;MedMNIST (*.npz);;All files (*)"));
    if (!path.isEmpty()) openDataset(path);
  });
  open_data->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
  open_data->setToolTip(tr("A MedMNIST .npz (e.g. chestmnist.npz) or an IDX file"));
  file->addAction(tr("Open &image folder…"), this, [this] {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open a folder of images or IDX files"));
    if (!path.isEmpty()) openDataset(path);
  });
  file->addAction(tr("Built-in &shapes"), this, [this] { openDataset(service::builtinDatasetSpec()); });
  const QString fashion = service::installedFashionMnist();
  if (!fashion.isEmpty())
    file->addAction(tr("&Fashion-MNIST (installed)"), this, [this, fashion] { openDataset(fashion); });
  recent_datasets_ = new RecentMenu(tr("Recent d&atasets"), QStringLiteral("recent/datasets"), file);
  connect(recent_datasets_, &RecentMenu::chosen, this, &MainWindow::openDataset);
  file->addMenu(recent_datasets_);
  file->addSeparator();
  QAction* export_model = file->addAction(tr("E&xport for PyTorch…"), this, [this] {
    const QString path = askExportPath(this, QStringLiteral("model.pt"),
                                       tr("PyTorch file for torch.load (*.pt);;Weights only, safetensors "
                                          "(*.safetensors);;Weights-only checkpoint (*.fvae)"));
    if (!path.isEmpty()) exportModel(path);
  });
  export_model->setToolTip(
      tr("The model's encoder and decoder as a file that torch.load opens in Python, as safetensors, or as a "
         "small checkpoint without the training state, to share"));
  file->addAction(tr("I&mport a model trained elsewhere…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import a model trained elsewhere"), QString(),
        tr("PyTorch and Lightning files (*.ckpt *.pt *.pth *.tar *.pkl *.npz);;All files (*)"));
    if (!path.isEmpty()) importModel(path, importedCheckpointPath(path));
  })->setToolTip(tr("A checkpoint of 1Konny's FactorVAE or Beta-VAE, AntixK's PyTorch-VAE or the original project, "
                    "saved as a .fvae beside it (the names you give its dimensions are kept there)"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createTrainingMenu() {
  QMenu* train = menuBar()->addMenu(tr("T&raining"));
  QAction* start = train->addAction(tr("&Start"), training_, &TrainingPanel::startTraining);
  start->setShortcut(Qt::CTRL | Qt::Key_R);
  QAction* pause = train->addAction(tr("&Pause / resume"), training_, &TrainingPanel::togglePause);
  pause->setShortcut(Qt::CTRL | Qt::Key_P);
  QAction* stop = train->addAction(tr("S&top"), training_, &TrainingPanel::stopTraining);
  // Pause and stop act on a running training only (a pause pressed while idle once started the next run paused).
  auto follow_running = [start, pause, stop](bool running) {
    start->setEnabled(!running);
    pause->setEnabled(running);
    stop->setEnabled(running);
  };
  follow_running(false);
  connect(training_, &TrainingPanel::runningChanged, this, follow_running);
}

void MainWindow::createHelpMenu() {
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* guide = help->addAction(tr("&User's guide"), this, [this] { (new UserGuide(this))->show(); });
  guide->setShortcut(QKeySequence::HelpContents);
  guide->setToolTip(tr("The user's guide, offline"));
  help->addAction(tr("&About FactorVAE Studio"), this, [this] { showAbout(this); });
  help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setModel(std::shared_ptr<service::DecodeModel> model, const QStringList& names,
                          const QVector<double>& kl, const QString& datasetSpec) {
  model_ = model;
  kl_known_ = !kl.isEmpty();
  kl_jobs_->cancel();
  for (ModelHeader* header : headers_) header->setModel(model);
  model_label_->setModel(model);
  explorer_->setModel(model, names, kl);
  sampling_->setModel(model);
  reconstruction_->setModel(model);
  metrics_->setModel(model, datasetSpec);
  responses_->setModel(model, datasetSpec);
  responses_->setLatentNames(explorer_->names());
  latent_map_->setModel(model);
  latent_map_->setLatentNames(explorer_->names());
  latent_map_->setKl(kl);
  // Browse the model's own data at the model's size, so that images encode as they were trained. (A checkpoint's
  // dataset may have moved since: then the current one.)
  QString spec = datasetSpec;
  if (spec.isEmpty() || (spec != service::builtinDatasetSpec() && !QFileInfo::exists(spec)))
    spec = dataset_ ? dataset_->spec() : service::builtinDatasetSpec();
  if (model && (!dataset_ || dataset_->spec() != spec || dataset_->imageSize() != model->imageSize() ||
                dataset_->channels() != model->channels()))
    openDataset(spec);
  else
    measureKlIfUnknown();
}

void MainWindow::measureKlIfUnknown() {
  if (!model_ || !dataset_ || kl_known_ || following_live_ || dataset_->channels() != model_->channels() ||
      dataset_->imageSize() != model_->imageSize())
    return;
  auto model = model_;
  auto data = dataset_;
  statusBar()->showMessage(tr("Measuring the KL per dimension on %1…").arg(data->description()));
  kl_jobs_->start<QVector<double>>(
      [model, data](service::TaskControl&) { return service::meanKl(*model, *data); },
      [this, model, data](const QVector<double>& kl) {
        statusBar()->clearMessage();
        if (model != model_) return;
        kl_known_ = true;
        explorer_->setKl(kl);
        latent_map_->setKl(kl);
        messages_->showMessage(MessageBar::Kind::Information, tr("KL per dimension"),
                               tr("Measured on 2,000 images of %1: the explorer lists the active dimensions first.")
                                   .arg(data->description()));
      },
      {}, [this](const QString& error) {
        statusBar()->clearMessage();
        messages_->showError(tr("Cannot measure the KL per dimension"), error);
      });
}

void MainWindow::openDataset(const QString& spec) {
  dataset_label_->setText(tr("dataset: opening %1…").arg(spec));
  // At the model's size, or before there is one at the size the training form will train at.
  const int size = model_ ? model_->imageSize() : training_->settings().imageSize;
  const int channels = model_ ? model_->channels() : 0;
  // Big folders take a while: off the GUI thread; a newer request supersedes this one.
  dataset_jobs_->start<service::OpenedDataset>(
      [spec, size, channels](service::TaskControl&) { return service::openDataset(spec, size, channels); },
      [this, spec](const service::OpenedDataset& opened) {
        setDataset(opened.dataset);
        messages_->clearProblems(tr("Cannot open the dataset"));  // an earlier failure to open one is stale now
        if (!opened.warning.isEmpty()) messages_->showWarning(tr("Some files were skipped"), opened.warning);
        if (spec != service::builtinDatasetSpec()) recent_datasets_->remember(spec);
        emit datasetOpened(spec);
      },
      {},
      [this](const QString& error) {
        dataset_label_->setText(dataset_ ? tr("dataset: %1").arg(dataset_->description()) : tr("dataset: none"));
        messages_->showError(tr("Cannot open the dataset"), error);
        emit datasetFailed(error);
      });
}

void MainWindow::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  dataset_ = dataset;
  dataset_label_->setText(tr("dataset: %1").arg(dataset->description()));
  explorer_->setDataset(dataset);
  reconstruction_->setDataset(dataset);
  responses_->setDataset(dataset);
  latent_map_->setDataset(dataset);
  if (!session_->isRunning()) training_->setDatasetSpec(dataset->spec());
  measureKlIfUnknown();
}

void MainWindow::openCheckpoint(const QString& path) {
  statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
  // A large checkpoint takes seconds to read: off the GUI thread, the current model stays until it is ready.
  checkpoint_jobs_->start<service::LoadedModel>(
      [path](service::TaskControl&) { return service::loadModel(path); },
      [this, path](const service::LoadedModel& loaded) {
        statusBar()->clearMessage();
        checkpoint_path_ = path;
        following_live_ = false;
        messages_->clearProblems(tr("Cannot open checkpoint"));  // an earlier failure to open one is stale now
        setModel(loaded.model, loaded.latentNames, loaded.klPerDim, loaded.datasetSpec);
        training_->showSavedHistory(QFileInfo(path).fileName(), loaded.history);
        training_->showSavedReconstructions(QFileInfo(path).dir().filePath(QStringLiteral("reconstructions.gif")));
        if (path != service::demoModel().path) recent_checkpoints_->remember(path);
        explorer_->offerLiveTraining(session_->isRunning());
        showTab(explorer_);
        emit checkpointOpened(path);
      },
      {},
      [this](const QString& error) {  // the previous model stays loaded
        statusBar()->clearMessage();
        messages_->showError(tr("Cannot open checkpoint"), error);
        emit checkpointFailed(error);
      });
}

void MainWindow::exportModel(const QString& out) {
  const QString source = checkpoint_path_.isEmpty() ? training_checkpoint_ : checkpoint_path_;
  if (source.isEmpty()) {
    messages_->showError(tr("Nothing to export"), tr("Open a checkpoint or train a model first."));
    return;
  }
  exchange_jobs_->start<QString>(
      [source, out](service::TaskControl&) { return service::exportModel(source, out); },
      [this, out](const QString& message) {
        messages_->showMessage(MessageBar::Kind::Information, tr("Exported"), message);
        emit modelExported(out);
      },
      {}, [this](const QString& error) { messages_->showError(tr("Cannot export"), error); });
}

QString importedCheckpointPath(const QString& source) {
  const QFileInfo info(source);
  QString path = info.dir().filePath(info.completeBaseName() + QStringLiteral(".fvae"));
  if (QFileInfo::exists(path)) path = info.dir().filePath(info.completeBaseName() + QStringLiteral("-imported.fvae"));
  return path;
}

void MainWindow::importModel(const QString& source, const QString& out) {
  statusBar()->showMessage(tr("Importing %1…").arg(QFileInfo(source).fileName()));
  exchange_jobs_->start<QString>(
      [source, out](service::TaskControl&) { return service::importModel(source, out); },
      [this, out](const QString& message) {
        statusBar()->clearMessage();
        messages_->showMessage(MessageBar::Kind::Information, tr("Imported"), message);
        openCheckpoint(out);
      },
      {},
      [this](const QString& error) {
        statusBar()->clearMessage();
        messages_->showError(tr("Cannot import the model"), error);
        emit importFailed(error);
      });
}

void MainWindow::saveNames(const QStringList& names) {
  if (session_->isRunning()) {
    session_->setLatentNames(names);
    statusBar()->showMessage(tr("Names will be saved with the next checkpoint."), 4000);
    return;
  }
  if (checkpoint_path_.isEmpty()) return;
  // Rewrites the whole checkpoint (seconds for a large one): off the GUI thread, one save after the other, so that
  // the newest names are the ones that stay in the file.
  const QString path = checkpoint_path_;
  names_jobs_->start<bool>(
      [path, names](service::TaskControl&) {
        service::saveLatentNames(path, names);
        return true;
      },
      [this, path](bool) {
        statusBar()->showMessage(tr("Names saved in %1").arg(path), 4000);
        emit namesSaved(path);
      },
      {}, [this](const QString& error) { messages_->showError(tr("Cannot save the names"), error); });
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (session_->isRunning()) {
    // The window stays open (and responsive) until the training has stopped and saved; then it closes itself.
    event->ignore();
    if (close_when_stopped_) return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Training is running"),
                                tr("Stop the training, save it and quit?"), QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
      if (box->clickedButton() != box->button(QMessageBox::Yes)) return;
      close_when_stopped_ = true;
      training_->stopTraining();
      statusBar()->showMessage(tr("Stopping the training and saving it; the window closes when it is done."));
    });
    box->open();
    return;
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
  for (const QUrl& url : event->mimeData()->urls()) {
    if (!url.isLocalFile()) continue;
    const QString path = url.toLocalFile();
    (path.endsWith(QLatin1String(".fvae")) || path.endsWith(QLatin1String(".safetensors"))) ? (void)openCheckpoint(path)
                                                                                            : openDataset(path);
    break;
  }
}

}  // namespace fvae::ui
