#pragma once
// The Training tab: the settings (TrainingForm), Start / Pause / Stop / Resume, the progress of the run or of the
// whole candidate pipeline with its time left, the candidates (CandidatesTable), the live curves (LossChart), KL per
// dimension (KlChart) and the fixed inputs above their reconstructions. Points are buffered and drawn on a timer.

#include <QImage>
#include <QVector>
#include <QWidget>

#include "app/service/training_session.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;

namespace fvae::ui {

class CandidatesTable;
class FolderQuestion;
class KlChart;
class LossChart;
class TrainingForm;

class TrainingPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPanel(service::TrainingSession* session, QWidget* parent = nullptr);
  // Offers "Explore a trained model now" beside Start (when the demo model is installed); `firstStart` says so in the
  // status line too.
  void offerDemo(const QString& scores, bool firstStart);
  service::TrainingSettings settings() const;
  void setSettings(const service::TrainingSettings& settings);
  void setDatasetSpec(const QString& spec);
  QPushButton* startButton() const { return start_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* stopButton() const { return stop_; }
  FolderQuestion* folderQuestion() const { return folder_question_; }
  QString progressText() const;  // what the progress counts: candidate, stage, step, time left
  LossChart* lossChart() const { return loss_chart_; }
  CandidatesTable* candidatesTable() const { return candidates_; }
  QString statusText() const;
  int pointsPlotted() const;
  QVector<double> latestKl() const { return latest_kl_; }
  QImage lastReconstructions() const { return last_reconstructions_; }
  QString saveChartsPng(const QString& path) const;  // loss curves above the KL bars; "" or an error
  // A saved run's history on the charts (an opened checkpoint's), unless a training runs.
  void showSavedHistory(const QString& name, const QVector<service::TrainingPoint>& history);
  // A saved run's reconstructions, one GIF frame per epoch (its reconstructions.gif), behind the step slider.
  void showSavedReconstructions(const QString& gifPath);

 public slots:
  void startTraining();
  void resumeTraining(const QString& checkpointPath);  // continues that run, saving beside it
  void togglePause();
  void stopTraining();

 signals:
  void trainingStarted();
  // A run (or a candidate pipeline) trained to its budget; `checkpointPath` is its final checkpoint.
  void trainingCompleted(const QString& checkpointPath);
  // Stopped before the budget; `checkpointPath`: what there is to explore (the run's last save, or the pipeline's best
  // candidate so far), "" when nothing was trained.
  void trainingStopped(const QString& checkpointPath, const QString& message);
  void runningChanged(bool running);  // a training was started, or it ended (finished, stopped or failed)
  void imageSizeChanged(int size);    // the form's image size
  void klUpdated(const QVector<double>& kl);
  void exploreDemoRequested();  // "Explore a trained model now"

 private:
  void createButtons();
  void createViews();
  void layOut();
  void connectSession();
  void start(const service::TrainingSettings& settings);
  void flush();
  void setRunning(bool running);
  void showStage(const service::PipelineInfo& info);
  void setStatus(const QString& text);  // the stage or outcome, kept across pause and resume

  service::TrainingSession* session_;
  TrainingForm* form_ = nullptr;
  QPushButton *start_ = nullptr, *pause_ = nullptr, *stop_ = nullptr, *resume_ = nullptr, *save_charts_ = nullptr;
  QPushButton* demo_ = nullptr;
  FolderQuestion* folder_question_ = nullptr;  // Start found a run in the output folder
  QProgressBar* progress_ = nullptr;
  QLabel* progress_text_ = nullptr;
  QLabel* status_ = nullptr;
  CandidatesTable* candidates_ = nullptr;
  LossChart* loss_chart_ = nullptr;
  KlChart* kl_chart_ = nullptr;
  QLabel* reconstructions_ = nullptr;
  QImage last_reconstructions_;
  // Every strip of the run, with its step (or epoch, read from a saved run's GIF): a slider steps back through them,
  // as TensorBoard's image tab does.
  QVector<QPair<QString, QImage>> strips_;
  QSlider* strip_slider_ = nullptr;
  QLabel* strip_step_ = nullptr;
  void addStrip(const QString& when, const QImage& strip);
  void showStrip(int index);
  QTimer* flush_timer_ = nullptr;

  QVector<service::TrainingPoint> pending_;
  QVector<double> latest_kl_;
  service::PipelineInfo pipeline_;
  bool in_pipeline_ = false;
  QString status_text_;
  double ema_speed_ = 0;  // images per second
  bool paused_ = false;
  bool running_ = false;
};

}  // namespace fvae::ui
