#pragma once
// A trained or training model as the GUI sees it: decode codes, encode images, traverse, interpolate (what it measures
// is app/service/model_analysis.h, what it writes app/service/model_exchange.h). Plain Qt types only, no LibTorch
// headers (they are slow to compile and clash with Qt's keywords). Errors: app/service/errors.h.

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>
#include <memory>

#include "app/service/training_point.h"

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
  int rowHeight = 0;         // pixels per row, padding included (for labelling rows); as wide as tall
  QStringList columnLabels;  // above the columns: their whole values ("−3" … "+3") and "Δ" over the difference map
  QStringList frameLabels;   // per animation frame, its value ("−3", "−2.5", …): each GIF frame's header
};

// A trained or training model as the explorer sees it: decode codes, encode images. Thread-safe. One implementation,
// over a weight snapshot (snapshotModel).
class DecodeModel {
 public:
  virtual ~DecodeModel() = default;
  virtual int latentDim() const = 0;
  virtual int imageSize() const = 0;
  virtual int channels() const = 0;
  virtual QString description() const = 0;  // the architecture: "lean 1x32x32, latent 8"
  // Which model this is, in the user's words: "demo model", "run-3/latest.fvae", "training in run-3, candidate seed
  // 12". Every view labels what it shows with it (ui/model_caption.h).
  virtual QString name() const = 0;
  // A training goes on changing the weights (false for a file, a frozen copy, and a training that has ended).
  virtual bool isLive() const = 0;
  // The training behind a live model has ended: its weights stay as they are from now on.
  virtual void endLive() = 0;
  virtual QImage decode(const QVector<float>& code) = 0;  // greyscale or RGB, imageSize × imageSize
  virtual QVector<float> encodeMean(const QImage& image) = 0;
  virtual QVector<Reconstruction> reconstruct(const QVector<QImage>& images) = 0;
  // Decoded codes from `from` to `to`, endpoints included: linear or spherical (slerp) interpolation.
  virtual QVector<QImage> interpolate(const QVector<float>& from, const QVector<float>& to, int steps,
                                      bool spherical) = 0;
  // Offsets from `base` (or absolute values). `progress(done, total)` returning false cancels (null grid).
  virtual Traversal traversal(const QVector<float>& base, bool absolute,
                              const std::function<bool(int, int)>& progress) = 0;
  virtual quint64 version() const = 0;                // changes whenever the weights change
  virtual qint64 trainingStep() const { return -1; }  // the step the weights are from; -1 when unknown
  // A model whose weights never change: this one when it was loaded from a file, otherwise a copy of the training's
  // current weights. Work made of several calls (encode, then decode) uses it so that one result never mixes the
  // weights of different steps; the calls above that do several passes freeze by themselves.
  virtual std::shared_ptr<DecodeModel> frozen() = 0;
};

// The DecodeModel over a weight snapshot. `live`: something (a training) goes on refreshing the snapshot.
std::shared_ptr<DecodeModel> snapshotModel(std::shared_ptr<ModelSnapshot> snapshot, const QString& description,
                                           const QString& name, bool live);

// What the user calls a checkpoint: "demo model"; "FOLDER, candidate seed S" for a pipeline's candidate;
// "FOLDER/FILE" otherwise (the folder is what tells two runs' latest.fvae apart).
QString checkpointName(const QString& checkpointPath);

struct LoadedModel {
  std::shared_ptr<DecodeModel> model;
  QStringList latentNames;         // "" where unnamed
  QVector<double> klPerDim;        // from the last training step, empty when unknown
  QVector<TrainingPoint> history;  // the saved loss history (a weights-only file keeps its last step only)
  QString datasetDescription;
  QString datasetSpec;  // what the training opened: "shapes" or a path
};
// Reads a checkpoint (seconds for a large one: call it from a background job). Throws Error naming the file.
LoadedModel loadModel(const QString& checkpointPath);
// Stores names of latent dimensions in a checkpoint (atomically, keeping its training state). Throws Error naming the
// file. Rewrites the whole file: call it from a background job.
void saveLatentNames(const QString& checkpointPath, const QStringList& names);

}  // namespace fvae::service
