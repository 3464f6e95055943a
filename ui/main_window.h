#pragma once
// The main window: training and exploring in tabs, menus, recent checkpoints, drag and drop, status bar.

#include <QMainWindow>

#include "app/service/dataset_view.h"
#include "app/service/decode_model.h"
#include "app/service/decode_service.h"
#include "app/service/job_tracker.h"
#include "app/service/training_session.h"

class QLabel;
class QMenu;
class QTabWidget;

namespace fvae::ui {

class RecentMenu;

class LatentExplorer;
class LatentMapView;
class MessageBar;
class MetricsPanel;
class ModelHeader;
class ReconstructionPanel;
class ResponsesPanel;
class SamplingPanel;
class TrainingPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;
  // Reads a checkpoint off the GUI thread, then shows it in the explorer; emits checkpointOpened or checkpointFailed.
  // On failure the message bar says why and the current model stays.
  void openCheckpoint(const QString& path);
  // Opens a dataset off the GUI thread (at the model's image size when one is loaded); on failure the message bar
  // says why and the current dataset stays. Emits datasetOpened or datasetFailed.
  void openDataset(const QString& spec);
  // Writes the open checkpoint (else the training's newest) for PyTorch (.pt) or weights only (.safetensors, .fvae),
  // off the GUI thread; the message bar tells the outcome, modelExported follows success.
  void exportModel(const QString& out);
  // Converts the original project's checkpoint (.ckpt or .npz) to `out` off the GUI thread, then opens it; on failure
  // the message bar says why and importFailed is emitted.
  void importModel(const QString& source, const QString& out);
  // Opens the demo model in the explorer ("Explore a trained model now").
  void openDemo();
  // The explorer shows the running training's weights from now on (when a training starts, an opened model stays
  // until the user asks for this).
  void followLiveTraining();
  MessageBar* messageBar() const { return messages_; }
  std::shared_ptr<service::DatasetView> dataset() const { return dataset_; }
  std::shared_ptr<service::DecodeModel> model() const { return model_; }
  QTabWidget* tabs() const { return tabs_; }  // each page: the model's header over a scroll area holding a panel
  QVector<ModelHeader*> modelHeaders() const { return headers_; }
  ModelHeader* statusModelLabel() const { return model_label_; }
  void showTab(QWidget* panel);
  LatentExplorer* explorer() const { return explorer_; }
  TrainingPanel* trainingPanel() const { return training_; }
  SamplingPanel* samplingPanel() const { return sampling_; }
  ReconstructionPanel* reconstructionPanel() const { return reconstruction_; }
  MetricsPanel* metricsPanel() const { return metrics_; }
  ResponsesPanel* responsesPanel() const { return responses_; }
  LatentMapView* latentMap() const { return latent_map_; }
  service::TrainingSession* session() const { return session_; }

 signals:
  void datasetOpened(const QString& spec);
  void datasetFailed(const QString& error);
  void checkpointOpened(const QString& path);
  void checkpointFailed(const QString& error);
  void namesSaved(const QString& checkpointPath);  // the names typed in the explorer are in the file
  void modelExported(const QString& path);
  void importFailed(const QString& error);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createTabs();
  void createStatusBar();
  void createMenus();
  void createFileMenu();
  void createTrainingMenu();
  void createHelpMenu();
  void connectPanels();
  void connectTraining();
  void restoreSettings();
  void setModel(std::shared_ptr<service::DecodeModel> model, const QStringList& names, const QVector<double>& kl,
                const QString& datasetSpec);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  // A model trained elsewhere comes without its KL per dimension: measured on the open dataset when it fits the model,
  // so that the explorer can order the dimensions and mark the inactive ones.
  void measureKlIfUnknown();
  void saveNames(const QStringList& names);

  service::TrainingSession* session_;
  service::DecodeService* decoder_;
  TrainingPanel* training_;
  LatentExplorer* explorer_;
  SamplingPanel* sampling_;
  ReconstructionPanel* reconstruction_;
  MetricsPanel* metrics_;
  ResponsesPanel* responses_;
  LatentMapView* latent_map_;
  QTabWidget* tabs_;
  MessageBar* messages_;
  service::JobTracker* dataset_jobs_;     // opening a dataset: the newest request wins
  service::JobTracker* checkpoint_jobs_;  // reading a checkpoint: the newest request wins
  service::JobTracker* names_jobs_;       // rewriting the checkpoint with new names: one at a time, in order
  service::JobTracker* exchange_jobs_;    // export and import
  service::JobTracker* kl_jobs_;          // the KL per dimension of a model whose file does not say
  bool close_when_stopped_ = false;       // the user chose to quit while training ran
  RecentMenu* recent_checkpoints_ = nullptr;
  RecentMenu* recent_datasets_ = nullptr;
  QLabel* device_label_;
  ModelHeader* model_label_;        // the status bar's line: the model shown, its step, live or not
  QVector<ModelHeader*> headers_;  // one above each tab, the same line
  QLabel* dataset_label_;
  QString checkpoint_path_;
  bool following_live_ = false;  // the explorer shows the running training's weights
  bool kl_known_ = false;        // the shown model's KL per dimension (from its file, or measured)
  QString training_checkpoint_;  // the newest checkpoint the training saved
  std::shared_ptr<service::DecodeModel> model_;
  std::shared_ptr<service::DatasetView> dataset_;
};

// Where File → Import writes: beside the source, as NAME.fvae (NAME-imported.fvae when that exists).
QString importedCheckpointPath(const QString& source);

}  // namespace fvae::ui
