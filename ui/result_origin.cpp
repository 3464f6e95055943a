#include "ui/result_origin.h"

#include <QLocale>
#include <QTimer>

namespace fvae::ui {

namespace {
QString stepText(qint64 step) {
  return step >= 0 ? ResultOrigin::tr("step %1").arg(QLocale().toString(step)) : ResultOrigin::tr("unknown step");
}
}  // namespace

ResultOrigin::ResultOrigin(QWidget* parent) : QLabel(parent), timer_(new QTimer(this)) {
  setObjectName(QStringLiteral("resultOrigin"));
  setWordWrap(true);
  timer_->setInterval(1000);
  connect(timer_, &QTimer::timeout, this, &ResultOrigin::refresh);
  refresh();
}

void ResultOrigin::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  refresh();
}

void ResultOrigin::setResult(const std::shared_ptr<service::DecodeModel>& source, qint64 step) {
  source_ = source.get();
  source_name_ = source ? source->name() : QString();
  step_ = step;
  has_result_ = source != nullptr;
  refresh();
}

void ResultOrigin::setEmptyText(const QString& text) {
  empty_text_ = text;
  refresh();
}

void ResultOrigin::clearResult() {
  has_result_ = false;
  source_ = nullptr;
  refresh();
}

bool ResultOrigin::isStale() const {
  if (!has_result_) return false;
  if (model_.get() != source_) return true;
  return model_->trainingStep() != step_;
}

void ResultOrigin::refresh() {
  const bool live = has_result_ && model_ && model_.get() == source_ && model_->isLive();
  if (live != timer_->isActive()) live ? timer_->start() : timer_->stop();
  if (!has_result_) {
    setStyleSheet(QString());
    setText(model_ ? empty_text_ : QString());
    setVisible(!text().isEmpty());
    return;
  }
  setVisible(true);
  const QString origin = QStringLiteral("%1, %2").arg(source_name_.toHtmlEscaped(), stepText(step_));
  if (!isStale()) {
    setText(tr("Computed for <b>%1</b>.").arg(origin));
    setStyleSheet(QString());
  } else if (model_.get() == source_) {
    setText(tr("⚠ Computed for <b>%1</b>; the training is at %2 now. Compute again for the current weights.")
                .arg(origin, stepText(model_->trainingStep())));
    setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
  } else {
    setText(tr("⚠ From an earlier model: <b>%1</b>, not the one shown now (%2). Compute again to replace it.")
                .arg(origin, model_ ? model_->name().toHtmlEscaped() : tr("no model")));
    setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
  }
}

}  // namespace fvae::ui
