#pragma once
// The GUI's window onto the engine: plain Qt types only, no LibTorch headers (they are slow to compile and clash with
// Qt's keywords). Training runs on a worker thread; decoding runs on its own thread with "latest wins" requests.

#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>

#include "app/service/job_tracker.h"
#include "model/analysis/response_types.h"

namespace fvae {
class ModelSnapshot;
}

namespace fvae::service {

// An image, its reconstruction (z = μ), their per-pixel error as a heat map and the errors in numbers.
struct Reconstruction {
  QImage original;  // converted to the model's size and channels
  QImage reconstruction, heatmap;
  double bceNats = 0;   // Bernoulli negative log-likelihood, summed over pixels
  double mse = 0;       // mean squared error per pixel
  QVector<float> code;  // the encoding μ that was decoded
};

// A traversal: the grid (one row per dimension, values −3…3 in steps of 0.5, the difference-map column, 1-pixel
// grey padding) and animation frames (one grid column per frame, forth and back).
struct Traversal {
  QImage grid;
  QVector<QImage> frames;
  int rowHeight = 0;  // pixels per row, padding included (for labelling rows)
};

struct MetricSettings {
  int trainVotes = 10000, evalVotes = 5000, samplesPerVote = 64, migSamples = 10000;  // disentanglement_lib's
  quint64 seed = 0;
};

// The FactorVAE metric and MIG on the built-in shapes dataset at the model's size.
struct DisentanglementReport {
  double factorVaeMetric = 0, migScore = 0;
  int activeDims = 0;
  QStringList factorNames;
  QVector<double> gapPerFactor;                // MIG's normalised gap per factor
  QVector<int> topDimension;                   // per factor, the dimension with the most mutual information
  QStringList suggestedNames;                  // per dimension: the factor it captures, "" for none
  QVector<double> meanVariance;                // per dimension, Var[μ] over the samples
  QVector<QVector<int>> votes;                 // [factor][dimension]: the FactorVAE metric's training votes
  QVector<QVector<double>> mutualInformation;  // [dimension][factor], nats, as MIG estimates it
  bool cancelled = false;
  QString error;
};

class DatasetView;

// What the latent responses and the latent map compute on.
struct ResponseSettings {
  int samplesPerValue = 64;  // factor responses: images behind each point of a curve
  bool perShape = false;     // factor responses on shapes: also one curve per shape
  int maxImages = 10000;     // class responses and the latent map: a seeded random subset of the dataset
  quint64 seed = 0;          // the same seed encodes the same images
};

// A trained or training model as the explorer sees it: decode codes, encode images. Thread-safe.
class DecodeModel {
 public:
  virtual ~DecodeModel() = default;
  virtual int latentDim() const = 0;
  virtual int imageSize() const = 0;
  virtual int channels() const = 0;
  virtual QString description() const = 0;
  virtual QImage decode(const QVector<float>& code) = 0;  // greyscale or RGB, imageSize × imageSize
  virtual QVector<float> encodeMean(const QImage& image) = 0;
  virtual QVector<Reconstruction> reconstruct(const QVector<QImage>& images) = 0;
  // Decoded codes from `from` to `to`, endpoints included: linear or spherical (slerp) interpolation.
  virtual QVector<QImage> interpolate(const QVector<float>& from, const QVector<float>& to, int steps,
                                      bool spherical) = 0;
  // Offsets from `base` (or absolute values). `progress(done, total)` returning false cancels (null grid).
  virtual Traversal traversal(const QVector<float>& base, bool absolute,
                              const std::function<bool(int, int)>& progress) = 0;
  // `progress(fraction)` returning false cancels (report.cancelled).
  virtual DisentanglementReport measureDisentanglement(const MetricSettings& settings,
                                                       const std::function<bool(double)>& progress) = 0;
  // What each dimension does across the data (model/responses.h), on one frozen set of weights. They throw with a
  // message naming the problem; `progress(fraction)` returning false cancels (they then throw too).
  // On the built-in shapes dataset at the model's size:
  virtual FactorResponses factorResponses(const ResponseSettings& settings,
                                          const std::function<bool(double)>& progress) = 0;
  // On a dataset with labels; its images are converted to the model's size and channels where they differ:
  virtual ClassResponses classResponses(const DatasetView& data, const ResponseSettings& settings,
                                        const std::function<bool(double)>& progress) = 0;
  virtual LatentMap latentMap(const DatasetView& data, const ResponseSettings& settings,
                              const std::function<bool(double)>& progress) = 0;
  virtual quint64 version() const = 0;                // changes whenever the weights change
  virtual qint64 trainingStep() const { return -1; }  // the step the weights are from; -1 when unknown
  // A model whose weights never change: this one when it was loaded from a file, otherwise a copy of the training's
  // current weights. Work made of several calls (encode, then decode) uses it so that one result never mixes the
  // weights of different steps; the calls above that do several passes freeze by themselves.
  virtual std::shared_ptr<DecodeModel> frozen() = 0;
};

// The DecodeModel over a weight snapshot. `live`: something (a training) goes on refreshing the snapshot.
std::shared_ptr<DecodeModel> snapshotModel(std::shared_ptr<ModelSnapshot> snapshot, const QString& description,
                                           bool live);

// What a run of the paper preset gets for a dataset and image size where the user chooses nothing (as the CLI's
// `train` decides it).
struct RunDefaults {
  double beta = 1, gamma = 35, learningRate = 1e-4;
  qint64 steps = 0;           // 0: the epochs decide
  int candidates = 1;         // seeds screened and ranked by UDR; 1: a single run
  qint64 screenSteps = 2000;  // steps per candidate before the ranking, for the budget given
};
// `budget`: the run's step budget when known (the screening takes at most an eighth of it), else 0.
RunDefaults runDefaults(const QString& datasetSpec, int imageSize, qint64 budget = 0);

// "CPU", or "CUDA (n GPUs)" when the linked LibTorch has CUDA and a GPU is present.
QString computeDeviceDescription();

struct LoadedModel {
  std::shared_ptr<DecodeModel> model;
  QStringList latentNames;   // "" where unnamed
  QVector<double> klPerDim;  // from the last training step, empty when unknown
  QString datasetDescription;
  QString datasetSpec;  // what the training opened: "shapes" or a path
  QString error;        // non-empty when loading failed
};
// Reads a checkpoint (seconds for a large one: call it from a background job).
LoadedModel loadModel(const QString& checkpointPath);
// Stores names of latent dimensions in a checkpoint (atomically, keeping its training state). Returns an error or "".
// Rewrites the whole file: call it from a background job.
QString saveLatentNames(const QString& checkpointPath, const QStringList& names);

struct TrainingSettings {
  QString dataset = QStringLiteral("shapes");
  int imageSize = 32;
  QString preset = QStringLiteral("paper");
  int latentDim = 8;
  double beta = 1.0;
  double gamma = 35.0;
  double learningRate = 1e-4;
  int batchSize = 64;
  int epochs = 10;
  qint64 steps = 0;  // > 0 overrides epochs
  quint64 seed = 1;
  QString device = QStringLiteral("auto");  // auto (CUDA when available), cpu or cuda
  QString outputFolder;                     // latest.fvae is saved here every epoch and at the end
  // Non-empty: continue the run saved in this checkpoint (its model, hyperparameters and dataset) until `epochs`
  // (or `steps`) in total; the form's other values are ignored.
  QString resumeFrom;
  // > 0: stop after this step, saved and resumable, with the budget and schedules of the full run (a candidate's
  // screening); the run then finishes as if its budget were spent.
  qint64 stopAfterStep = 0;
  // The Training panel's selection: > 1 trains this many seeds (seed, seed + 1, …) for `screenSteps` each, ranks them
  // by UDR and continues the best (CandidateSelection); a TrainingSession itself runs one seed and ignores both.
  int candidates = 1;
  qint64 screenSteps = 0;  // 0: the dataset's default (runDefaults)
};

struct TrainingPoint {
  qint64 step = 0, totalSteps = 0;
  int epoch = 0;
  int batchSize = 0;  // the run's (a resumed run keeps its own, whatever the form says)
  double reconstruction = 0, kl = 0, tc = 0, discLoss = 0, discAccuracy = 0, beta = 0, gamma = 0;
  double imagesPerSecond = 0;
  QVector<double> klPerDim;
};

// Runs one training at a time on a worker thread and reports through queued signals.
class TrainingSession : public QObject {
  Q_OBJECT
 public:
  explicit TrainingSession(QObject* parent = nullptr);
  ~TrainingSession() override;  // stops a running training, saves it and joins the worker
  // Starts the worker, which decides the run's settings as the CLI does (plan_run) and trains; settings that cannot
  // work (a spent budget, a damaged checkpoint, a missing dataset) arrive as `failed`. False only when a training
  // already runs or the output folder cannot be created. A new run is never paused.
  bool start(const TrainingSettings& settings, QString* error);
  void setPaused(bool paused);  // ignored while no training runs
  void stop();                  // asks the worker to stop after the current step; it saves, then emits finished
  bool isRunning() const;
  bool isPausedBetweenSteps() const;  // paused, and the step that was running when pause was pressed has finished
  qint64 stepsDone() const;           // of the current run; -1 before it has started
  std::shared_ptr<DecodeModel> liveModel() const;  // follows the training weights
  QString datasetSpec() const;                     // the dataset of the current (or last) run, resumed ones too
  void setLatentNames(const QStringList& names);   // saved with the next checkpoint

 signals:
  void started(const QString& description, const QString& device);
  void stepped(const fvae::service::TrainingPoint& point);
  void epochFinished(int epoch, const QString& checkpointPath);
  // Fixed inputs above their current reconstructions: at the start, after each epoch and every few hundred steps.
  void reconstructionsUpdated(const QImage& strip, qint64 step);
  void finished(bool cancelled, const QString& message);
  void failed(const QString& message);

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

// Decodes slider positions on the interactive lane of the job pool: only the newest request waits, results carry their
// generation so that the view can drop stale ones.
class DecodeService : public QObject {
  Q_OBJECT
 public:
  explicit DecodeService(QObject* parent = nullptr);
  ~DecodeService() override;
  void setModel(std::shared_ptr<DecodeModel> model);
  std::shared_ptr<DecodeModel> model() const;
  quint64 request(const QVector<float>& code);  // returns the request's generation

 signals:
  void decoded(const QImage& image, quint64 generation, double milliseconds);
  void failed(const QString& message);

 private:
  std::shared_ptr<DecodeModel> model_;
  quint64 generation_ = 0;
  JobTracker* jobs_;
};

}  // namespace fvae::service

Q_DECLARE_METATYPE(fvae::service::TrainingPoint)
