#pragma once
// The main window: training and exploring in tabs, menus, recent checkpoints, drag and drop, status bar.

#include <QMainWindow>

#include "app/service/studio_service.h"

class QLabel;
class QMenu;
class QTabWidget;

namespace fvae::ui {

class LatentExplorer;
class SamplingPanel;
class TrainingPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;
  bool openCheckpoint(const QString& path);            // shows an error dialog and keeps the current model on failure
  QStringList saveScreenshots(const QString& prefix);  // one PNG per tab: PREFIX-<tab>.png
  LatentExplorer* explorer() const { return explorer_; }
  TrainingPanel* trainingPanel() const { return training_; }
  SamplingPanel* samplingPanel() const { return sampling_; }
  service::TrainingSession* session() const { return session_; }

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createMenus();
  void updateRecentMenu();
  void showAbout();

  service::TrainingSession* session_;
  service::DecodeService* decoder_;
  TrainingPanel* training_;
  LatentExplorer* explorer_;
  SamplingPanel* sampling_;
  QTabWidget* tabs_;
  QMenu* recent_menu_ = nullptr;
  QLabel* device_label_;
  QLabel* model_label_;
  QLabel* dataset_label_;
  QString checkpoint_path_;
};

}  // namespace fvae::ui
