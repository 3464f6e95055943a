#pragma once
// Which model a view shows, in one line: its name (a file, a run, a pipeline's candidate, the demo), its step and
// whether a training is still changing it. Every tab's header and the status bar say it the same way.

#include <QLabel>
#include <memory>

#include "app/service/decode_model.h"

class QTimer;

namespace fvae::ui {

// "demo model · step 16,000" / "training in run-3, candidate seed 12 · step 1,234 · live"; numbers in the user's
// locale. "no model" when there is none.
QString modelCaption(const service::DecodeModel* model);

class ModelHeader : public QLabel {
  Q_OBJECT
 public:
  explicit ModelHeader(QWidget* parent = nullptr);
  void setModel(std::shared_ptr<service::DecodeModel> model);
  std::shared_ptr<service::DecodeModel> model() const { return model_; }

 private:
  void refresh();  // while the model is live, its step moves on: every second

  std::shared_ptr<service::DecodeModel> model_;
  QTimer* timer_;
};

}  // namespace fvae::ui
