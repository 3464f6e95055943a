#pragma once
// The training's live curves (QCustomPlot): reconstruction, KL and TC in nats, the discriminator's loss and accuracy
// on their own axis, β and γ on a third; raw values faint under an EMA line. Every run keeps its curves: a candidate
// pipeline's runs stay comparable through the run selector, each named ("seed 3 · screening"). Points arrive in
// batches and are drawn on a queued replot, never one at a time.

#include <QList>
#include <QMap>
#include <QVector>
#include <QWidget>

#include "app/service/training_session.h"

class QCheckBox;
class QComboBox;
class QCPAxis;
class QCPGraph;
class QCustomPlot;
class QSlider;

namespace fvae::ui {

class LossChart : public QWidget {
  Q_OBJECT
 public:
  enum Series { Reconstruction, Kl, Tc, DiscriminatorLoss, DiscriminatorAccuracy, Beta, Gamma, SeriesCount };

  explicit LossChart(QWidget* parent = nullptr);
  void clear();                                                   // every run's curves
  void startRun(const QString& name);                             // the run whose points follow; shown from now on
  void addPoints(const QVector<service::TrainingPoint>& points);  // to the newest run
  QStringList runs() const { return order_; }
  void showRun(const QString& name);
  int pointCount() const;                               // of the run shown
  QCPGraph* graph(Series series, bool smoothed) const;  // the run shown, for tests and export
  QCustomPlot* plot() const { return plot_; }

 private:
  struct RunCurves {
    QVector<double> steps;
    QVector<double> raw[SeriesCount];
  };
  void createPlot();
  void createControls();
  void redraw();  // the run shown, from its raw values and the smoothing
  void rescale();

  QCustomPlot* plot_ = nullptr;
  QCPAxis* schedule_axis_ = nullptr;
  QSlider* smoothing_ = nullptr;
  QCheckBox* log_scale_ = nullptr;
  QComboBox* run_selector_ = nullptr;
  QList<QCPGraph*> raw_graphs_, smooth_graphs_;
  QMap<QString, RunCurves> curves_;
  QStringList order_;
  QString newest_, shown_;
  double ema_[SeriesCount] = {};
};

}  // namespace fvae::ui
