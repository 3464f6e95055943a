#pragma once
// One step of a training as the GUI draws it (live, or from a checkpoint's saved history). Plain Qt types.

#include <QMetaType>
#include <QVector>

namespace fvae::service {

struct TrainingPoint {
  qint64 step = 0, totalSteps = 0;  // of the run that took the step
  int epoch = 0;
  int batchSize = 0;  // the run's (a resumed run keeps its own, whatever the form says)
  double reconstruction = 0, kl = 0, tc = 0, discLoss = 0, discAccuracy = 0, beta = 0, gamma = 0;
  double imagesPerSecond = 0;
  QVector<double> klPerDim;
  int candidate = -1;  // the pipeline's candidate that took the step; -1 for a single run
  qint64 pipelineStepsDone = 0, pipelineTotalSteps = 0;  // the whole pipeline, or the run's own steps
};

}  // namespace fvae::service

Q_DECLARE_METATYPE(fvae::service::TrainingPoint)
