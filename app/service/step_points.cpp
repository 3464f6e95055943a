#include <torch/torch.h>

#include "app/service/step_points.h"

namespace fvae::service {

TrainingPoint point_of(const StepReport& r, int64_t total_steps, int64_t batch_size) {
  TrainingPoint p;
  p.batchSize = static_cast<int>(batch_size);
  p.step = r.step;
  p.totalSteps = total_steps;
  p.epoch = static_cast<int>(r.epoch);
  p.reconstruction = r.reconstruction, p.kl = r.kl, p.tc = r.tc, p.discLoss = r.disc_loss;
  p.discAccuracy = r.disc_accuracy, p.beta = r.beta, p.gamma = r.gamma, p.imagesPerSecond = r.images_per_second;
  p.klPerDim = QVector<double>(r.kl_per_dim.begin(), r.kl_per_dim.end());
  p.pipelineStepsDone = r.step;
  p.pipelineTotalSteps = total_steps;
  return p;
}

QVector<TrainingPoint> points_of(const std::vector<StepReport>& history, int64_t total_steps, int64_t batch_size) {
  QVector<TrainingPoint> points;
  points.reserve(static_cast<qsizetype>(history.size()));
  for (const auto& r : history) points << point_of(r, total_steps, batch_size);
  return points;
}

}  // namespace fvae::service
