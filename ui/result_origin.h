#pragma once
// The line above a result (metrics, responses, a latent map, reconstructions, samples) that says which model and step
// it was computed for, and warns when the view now shows another model, or the live training has moved on since.

#include <QLabel>
#include <memory>

#include "app/service/decode_model.h"

class QTimer;

namespace fvae::ui {

// A result and the step of the weights it was computed on.
template <typename T>
struct Stamped {
  T value;
  qint64 step = -1;
};

class ResultOrigin : public QLabel {
  Q_OBJECT
 public:
  explicit ResultOrigin(QWidget* parent = nullptr);
  // The model the panel shows now (a result on screen stays, marked when it is another model's).
  void setModel(std::shared_ptr<service::DecodeModel> model);
  // A result is on screen, computed on `source` (the panel's model when it started) at `step`.
  void setResult(const std::shared_ptr<service::DecodeModel>& source, qint64 step);
  void clearResult();  // nothing on screen
  // What to say while there is no result (with a model): e.g. which button computes one.
  void setEmptyText(const QString& text);
  bool hasResult() const { return has_result_; }
  bool isStale() const;  // the result is another model's, or the live model's at an earlier step

 private:
  void refresh();

  std::shared_ptr<service::DecodeModel> model_;
  const service::DecodeModel* source_ = nullptr;  // identity only: the model may be gone
  QString source_name_, empty_text_;
  qint64 step_ = -1;
  bool has_result_ = false;
  QTimer* timer_;
};

}  // namespace fvae::ui
