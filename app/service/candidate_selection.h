#pragma once
// Choosing a run without labels, in the GUI: several seeds are trained for a few steps each (one after another, on
// the training session), ranked by UDR off the GUI thread, and the best one is continued to the full budget. The
// CLI's `train --candidates` does the same with processes. Qt types only in this header.

#include <QObject>
#include <QString>
#include <QVector>

#include "app/service/job_tracker.h"
#include "app/service/studio_service.h"

namespace fvae::service {

struct CandidateRow {
  quint64 seed = 0;
  QString checkpoint;
  enum class State { Waiting, Screening, Screened, Chosen, Continuing, Done, Failed } state = State::Waiting;
  double udr = -1;  // < 0 until ranked
  int activeDims = -1;
  QVector<double> klPerDim;  // at the end of screening
};

// The UDR ranking of checkpoints on the first one's data: per file the score, the active dimensions and the KL per
// dimension on the shared images. `error` is set instead when they cannot be compared.
struct CheckpointRanking {
  QVector<double> scores;
  QVector<int> activeDims;
  QVector<QVector<double>> klPerDim;
  QString error;
};
CheckpointRanking rankCheckpoints(const QStringList& files, int images = 10000);

class CandidateSelection : public QObject {
  Q_OBJECT
 public:
  CandidateSelection(TrainingSession* session, QObject* parent = nullptr);
  // Seeds settings.seed … + count − 1, `screenSteps` each, in settings.outputFolder/seed-S; then the best continues to
  // the settings' budget and is copied to settings.outputFolder/latest.fvae. False (with `error`) when a training
  // already runs or the settings cannot be used.
  bool start(const TrainingSettings& settings, int count, qint64 screenSteps, QString* error);
  void cancel();  // the running candidate stops and saves; nothing further starts
  bool isRunning() const { return running_; }
  QVector<CandidateRow> rows() const { return rows_; }

 signals:
  void rowsChanged();
  void stageChanged(const QString& description);
  void finished(bool cancelled, const QString& message);

 private:
  void startCandidate(int index);
  void onRunFinished(bool cancelled, const QString& message);
  void onRunFailed(const QString& message);
  void rank();
  void end(bool cancelled, const QString& message);

  TrainingSession* session_;
  JobTracker* jobs_;
  TrainingSettings settings_;
  QVector<CandidateRow> rows_;
  qint64 screen_steps_ = 0;
  int current_ = -1;  // the row being trained
  bool running_ = false, cancelled_ = false, continuing_ = false;
  QVector<double> last_kl_;
};

}  // namespace fvae::service
