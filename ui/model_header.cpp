#include "ui/model_header.h"

#include <QLocale>
#include <QTimer>

namespace fvae::ui {

QString modelCaption(const service::DecodeModel* model) {
  if (!model) return ModelHeader::tr("no model");
  QString caption = model->name();
  if (model->trainingStep() >= 0)
    caption += QStringLiteral(" · ") + ModelHeader::tr("step %1").arg(QLocale().toString(model->trainingStep()));
  if (model->isLive()) caption += QStringLiteral(" · ") + ModelHeader::tr("live");
  return caption;
}

ModelHeader::ModelHeader(QWidget* parent) : QLabel(parent), timer_(new QTimer(this)) {
  setObjectName(QStringLiteral("modelHeader"));
  setWordWrap(true);
  setTextInteractionFlags(Qt::TextSelectableByMouse);
  setContentsMargins(6, 3, 6, 3);
  timer_->setInterval(1000);
  connect(timer_, &QTimer::timeout, this, &ModelHeader::refresh);
  refresh();
}

void ModelHeader::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  refresh();
}

void ModelHeader::refresh() {
  if (!model_) {
    setText(tr("No model yet: open a checkpoint (File → Open), explore the demo model, or start a training."));
    setToolTip(QString());
  } else {
    setText(tr("Model: <b>%1</b>").arg(modelCaption(model_.get()).toHtmlEscaped()));
    setToolTip(model_->description());
  }
  const bool live = model_ && model_->isLive();
  if (live != timer_->isActive()) live ? timer_->start() : timer_->stop();
}

}  // namespace fvae::ui
