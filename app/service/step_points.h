#pragma once
// The core's step reports as the GUI's training points (for the service's sources only: it includes LibTorch).

#include <vector>

#include "app/service/training_point.h"
#include "model/training/trainer.h"

namespace fvae::service {

TrainingPoint point_of(const StepReport& report, int64_t total_steps, int64_t batch_size);
QVector<TrainingPoint> points_of(const std::vector<StepReport>& history, int64_t total_steps, int64_t batch_size);

}  // namespace fvae::service
