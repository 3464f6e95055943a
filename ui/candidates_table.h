#pragma once
// The candidates of a pipeline: seed, state, steps, UDR, active dimensions and KL per dimension, the chosen one
// marked. Tall enough for every candidate; long cells elide with the whole text in a tooltip.

#include <QTableWidget>

#include "app/service/training_session.h"

namespace fvae::ui {

class CandidatesTable : public QTableWidget {
  Q_OBJECT
 public:
  explicit CandidatesTable(QWidget* parent = nullptr);
  void setPipeline(const service::PipelineInfo& info);
  // The step a candidate's training has reached, between the pipeline's own reports (which come per stage).
  void setStep(int row, qint64 step);
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  static QString stateText(const service::CandidateRow& row);
};

}  // namespace fvae::ui
