#pragma once
// The GUI's window onto the engine: plain Qt types only, no LibTorch headers (they are slow to compile and clash with
// Qt's keywords). Training runs on a worker thread; decoding runs on its own thread with "latest wins" requests.

#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace fvae::service {

// A trained or training model as the explorer sees it: decode codes, encode images. Thread-safe.
class DecodeModel {
 public:
  virtual ~DecodeModel() = default;
  virtual int latentDim() const = 0;
  virtual int imageSize() const = 0;
  virtual QString description() const = 0;
  virtual QImage decode(const QVector<float>& code) = 0;  // greyscale or RGB, imageSize × imageSize
  virtual QVector<float> encodeMean(const QImage& image) = 0;
  // Traversal grid: one row per dimension, values −3…3 in steps of 0.5 (offsets from `base`, or absolute), plus the
  // difference-map column, with 1-pixel grey padding. `progress(done, total)` returning false cancels (null image).
  virtual QImage traversalGrid(const QVector<float>& base, bool absolute,
                               const std::function<bool(int, int)>& progress) = 0;
  virtual quint64 version() const = 0;  // changes whenever the weights change
};

struct LoadedModel {
  std::shared_ptr<DecodeModel> model;
  QStringList latentNames;   // "" where unnamed
  QVector<double> klPerDim;  // from the last training step, empty when unknown
  QString datasetDescription;
  QString error;  // non-empty when loading failed
};
LoadedModel loadModel(const QString& checkpointPath);
// Stores names of latent dimensions in a checkpoint (atomically, keeping its training state). Returns an error or "".
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
  QString outputFolder;  // latest.fvae is saved here every epoch and at the end
};

struct TrainingPoint {
  qint64 step = 0, totalSteps = 0;
  int epoch = 0;
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
  bool start(const TrainingSettings& settings, QString* error);
  void setPaused(bool paused);
  void stop();  // asks the worker to stop after the current step; it saves, then emits finished
  bool isRunning() const;
  std::shared_ptr<DecodeModel> liveModel() const;  // follows the training weights
  void setLatentNames(const QStringList& names);   // saved with the next checkpoint

 signals:
  void started(const QString& description, const QString& device);
  void stepped(const fvae::service::TrainingPoint& point);
  void epochFinished(int epoch, const QString& checkpointPath);
  void finished(bool cancelled, const QString& message);
  void failed(const QString& message);

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

// Decodes on a dedicated thread. Only the newest request is decoded; results carry their generation so that the
// view can drop stale ones.
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

 private:
  void run();
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::shared_ptr<DecodeModel> model_;
  QVector<float> pending_;
  quint64 generation_ = 0, taken_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace fvae::service

Q_DECLARE_METATYPE(fvae::service::TrainingPoint)
