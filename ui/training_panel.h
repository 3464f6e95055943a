#pragma once
// Training panel: hyperparameter form, start/pause/stop, progress, live loss curves (QCustomPlot) and KL per latent
// dimension (Qt Charts). Points are buffered and drawn on a timer, never one at a time.

#include <QImage>
#include <QVector>
#include <QWidget>

#include "app/service/candidate_selection.h"
#include "app/service/studio_service.h"

class QCheckBox;
class QCPAxis;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableWidget;
class QTimer;

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChartView;
class QValueAxis;
QT_END_NAMESPACE

namespace fvae::ui {

class TrainingForm;

class TrainingPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPanel(service::TrainingSession* session, QWidget* parent = nullptr);
  service::TrainingSettings settings() const;
  void setSettings(const service::TrainingSettings& settings);
  QCustomPlot* lossPlot() const { return plot_; }
  QProgressBar* progressBar() const { return progress_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* stopButton() const { return stop_; }
  int pointsPlotted() const;
  QVector<double> latestKl() const { return latest_kl_; }
  QImage lastReconstructions() const { return last_reconstructions_; }
  void setDatasetSpec(const QString& spec);
  QString saveChartsPng(const QString& path) const;  // loss curves above the KL bars; "" or an error
  // Candidates (settings().candidates above 1): Start screens that many seeds for screenSteps each, ranks them by UDR
  // and continues the best (service::CandidateSelection); the table shows them.
  QTableWidget* candidatesTable() const { return candidates_table_; }
  service::CandidateSelection* candidateSelection() const { return selection_; }

 public slots:
  void startTraining();
  void resumeTraining(const QString& checkpointPath);  // continues that run, saving beside it
  void togglePause();
  void stopTraining();

 signals:
  void trainingStarted();
  // A run (or a candidate selection) trained to its budget; its final checkpoint is OUT/latest.fvae.
  void trainingCompleted(const QString& checkpointPath);
  void runningChanged(bool running);  // a training was started, or it ended (finished, stopped or failed)
  void imageSizeChanged(int size);    // the form's image size
  void klUpdated(const QVector<double>& kl);

 private:
  void start(const service::TrainingSettings& settings);
  void onStepped(const service::TrainingPoint& point);
  void flush();
  void recomputeSmoothing();
  void setRunning(bool running);
  void clearCurves();
  void showCandidates();

  service::TrainingSession* session_;
  TrainingForm* form_ = nullptr;
  QTableWidget* candidates_table_ = nullptr;
  service::CandidateSelection* selection_ = nullptr;
  QPushButton *start_ = nullptr, *pause_ = nullptr, *stop_ = nullptr, *resume_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QLabel* status_ = nullptr;
  QCustomPlot* plot_ = nullptr;
  QSlider* smoothing_ = nullptr;
  QCheckBox* log_scale_ = nullptr;
  QCPAxis* schedule_axis_ = nullptr;  // β and γ
  QChartView* chart_view_ = nullptr;
  QLabel* reconstructions_ = nullptr;
  QImage last_reconstructions_;
  QBarSet* kl_bars_ = nullptr;
  QValueAxis* kl_axis_ = nullptr;
  QBarCategoryAxis* kl_categories_ = nullptr;
  QTimer* flush_timer_ = nullptr;

  // Series: reconstruction, KL, TC, discriminator loss and accuracy, β, γ. Raw values and their EMA.
  static constexpr int kSeries = 7;
  QVector<double> steps_seen_;
  QVector<double> raw_[kSeries];
  double ema_[kSeries] = {};
  QVector<service::TrainingPoint> pending_;
  QVector<double> latest_kl_;
  double ema_speed_ = 0;
  bool paused_ = false;
  bool running_ = false;
};

}  // namespace fvae::ui
