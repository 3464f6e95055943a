#pragma once
// The GUI's training: the form's settings handed to the core's one training run (model/run/training_run.h) or, with
// candidates, to its candidate pipeline (model/run/candidate_pipeline.h), on a worker thread; what they report comes
// back as queued signals. Plain Qt types only.

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>

#include "app/service/dataset_view.h"
#include "app/service/decode_model.h"
#include "app/service/training_point.h"

namespace fvae::service {

// What a run of the paper preset gets for a dataset and image size where the user chooses nothing (as the CLI's
// `train` decides it).
struct RunDefaults {
  double beta = 1, gamma = 35, learningRate = 1e-4;
  qint64 steps = 0;           // 0: the epochs decide
  int candidates = 1;         // seeds screened and ranked by UDR; 1: a single run
  qint64 screenSteps = 2000;  // steps per candidate before the ranking, for the budget given
  double minutes = 0;         // the time budget a new run starts with: 15 on a CPU, 0 (the step budget) with CUDA
  int threads = 1;            // CPU threads: every core this process may use
};
// `budget`: the run's step budget when known (the screening takes at most an eighth of it), else 0.
RunDefaults runDefaults(const QString& datasetSpec, int imageSize, qint64 budget = 0);

// "CPU", or "CUDA (n GPUs)" when the linked LibTorch has CUDA and a GPU is present.
QString computeDeviceDescription();

struct TrainingSettings {
  QString dataset = builtinDatasetSpec();
  int imageSize = 32;
  QString preset = QStringLiteral("paper");
  int latentDim = 8;
  double beta = 1.0;
  double gamma = 35.0;
  double learningRate = 1e-4;
  int batchSize = 64;
  int epochs = 10;
  qint64 steps = 0;  // > 0 overrides epochs
  // > 0: a time budget in minutes instead of `epochs` and `steps`; a few seconds' calibration plans the steps (and the
  // candidates' screening) to end within it. New runs only: a resumed run keeps the step budget it was planned with.
  double minutes = 0;
  int threads = 0;  // CPU threads to train with (the batch split among them); 0: every core of this machine
  quint64 seed = 1;
  QString device = QStringLiteral("auto");  // auto (CUDA when available), cpu or cuda
  QString outputFolder;                     // latest.fvae is saved here every epoch and at the end
  // Non-empty: continue the run saved in this checkpoint (its model, hyperparameters and dataset) until `epochs`
  // (or `steps`) in total; the form's other values are ignored.
  QString resumeFrom;
  // > 1 (and no resumeFrom): this many seeds (seed, seed + 1, …) trained for `screenSteps` each in outputFolder/seed-S,
  // ranked by UDR, the best continued to the full budget and copied to outputFolder/latest.fvae.
  int candidates = 1;
  qint64 screenSteps = 0;  // 0: the dataset's default (runDefaults)
  // After the ranking, what stays of the candidates that lost (as CandidateSettings::Losers).
  enum class Losers { KeepWeights, Remove, KeepAll };
  Losers losers = Losers::KeepWeights;
  // Non-empty: go on with the candidate pipeline started in this folder, with the settings it recorded there.
  QString resumePipeline;
  // A new run where outputFolder holds one: true removes what that run wrote first; false refuses to start
  // (the GUI asks first: continue it, another folder, or replace it).
  bool replaceExisting = false;
};

// What a folder holds before a new run starts there (model/run/run_folder.h).
struct FolderRun {
  enum class Holds { Nothing, Run, Pipeline };
  Holds holds = Holds::Nothing;
  QString description;  // "a run (latest.fvae, losses.csv)"
  QString resumable;    // what Resume continues: the pipeline's folder or the run's latest.fvae; "" when nothing can
  QString freeFolder;   // a folder beside it that holds no run (FOLDER-2, …)
};
FolderRun folderRun(const QString& folder);

// The candidate pipeline a path belongs to: a pipeline's folder, its candidates.csv, or a candidate's checkpoint
// (FOLDER/seed-S/latest.fvae); "" when it belongs to none.
QString pipelineFolderOf(const QString& path);

// One candidate of a pipeline, as the table shows it.
struct CandidateRow {
  enum class State { Waiting, Screening, Screened, Continuing, Done, Stopped, Removed };  // as Candidate::State
  quint64 seed = 0;
  QString checkpoint;
  State state = State::Waiting;
  qint64 step = 0;
  double udr = -1;  // < 0 until ranked
  int activeDims = -1;
  QVector<double> klPerDim;  // on the ranking's images, once ranked
  bool chosen = false;
};

struct PipelineInfo {
  enum class Stage { Screening, Ranking, Continuing, Finished, Stopped };
  Stage stage = Stage::Screening;
  int current = -1;  // the candidate training now; -1 while ranking
  QVector<CandidateRow> rows;
  qint64 screenSteps = 0, budget = 0, totalSteps = 0;
  QString timePlan;  // what a time budget measured and planned; empty without one
};

// Runs one training (or one candidate pipeline) at a time on a worker thread.
class TrainingSession : public QObject {
  Q_OBJECT
 public:
  explicit TrainingSession(QObject* parent = nullptr);
  ~TrainingSession() override;  // stops a running training, saves it and joins the worker
  // Starts the worker, which decides the run's settings as the CLI does (plan_run) and trains; settings that cannot
  // work (a spent budget, a damaged checkpoint, a missing dataset) arrive as `failed`. Throws Error, and starts
  // nothing, when a training already runs, the folder holds a run that was not asked to be replaced, or it cannot be
  // created. A new run is never paused.
  void start(const TrainingSettings& settings);
  void setPaused(bool paused);  // ignored while no training runs
  void stop();                  // the run stops after the current step, saves, then emits finished
  bool isRunning() const;
  bool isPausedBetweenSteps() const;  // paused, and the step that was running when pause was pressed has finished
  qint64 stepsDone() const;           // of the current run; -1 before it has started
  std::shared_ptr<DecodeModel> liveModel() const;  // follows the training weights
  QString datasetSpec() const;                     // the dataset of the current (or last) run, resumed ones too
  void setLatentNames(const QStringList& names);   // saved with the run's next checkpoint

 signals:
  // A run started (every candidate of a pipeline is one).
  void started(const QString& description, const QString& device);
  void stepped(const fvae::service::TrainingPoint& point);
  // A resumed run's saved history, before its first new step.
  void historyRestored(const QVector<fvae::service::TrainingPoint>& history);
  // Fixed inputs above their current reconstructions: at the start, after each epoch and every few hundred steps.
  void reconstructionsUpdated(const QImage& strip, qint64 step);
  void pipelineChanged(const fvae::service::PipelineInfo& info);  // candidates only
  // The training (or the whole pipeline) ended. `checkpoint`: what to explore now — the run's latest.fvae, the
  // pipeline's chosen run, or after a stop its best candidate so far ("" when none was trained).
  void finished(bool cancelled, const QString& message, const QString& checkpoint);
  void failed(const QString& message);

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

}  // namespace fvae::service

Q_DECLARE_METATYPE(fvae::service::PipelineInfo)
