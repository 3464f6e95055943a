#include "ui/job_controls.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace fvae::ui {

JobControls::JobControls(const QString& runText, QWidget* parent)
    : QWidget(parent),
      run_(new QPushButton(runText)),
      cancel_(new QPushButton(tr("Cancel"))),
      progress_(new QProgressBar),
      status_(new QLabel),
      jobs_(new service::JobTracker(this)) {
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  cancel_->setEnabled(false);
  run_->setEnabled(false);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(run_, &QPushButton::clicked, this, &JobControls::runClicked);
  connect(cancel_, &QPushButton::clicked, this, &JobControls::cancel);
  connect(jobs_, &service::JobTracker::failed, this, [this](const QString& error) {
    end(tr("Failed: %1").arg(error));
    emit failed(error);
  });
  connect(jobs_, &service::JobTracker::busyChanged, this, [this](bool busy) {
    if (!busy && running_) end(tr("Cancelled."));  // no result came: the job was cancelled
  });
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(progress_);
  layout->addWidget(status_);
}

void JobControls::setReady(bool ready, const QString& note) {
  ready_ = ready;
  run_->setEnabled(ready_ && !running_);
  if (!running_ && !note.isNull()) status_->setText(note);
}

void JobControls::setStatus(const QString& text) { status_->setText(text); }

void JobControls::cancel() {
  if (!running_) return;
  jobs_->cancel();
  status_->setText(tr("Cancelling…"));
}

void JobControls::begin(const QString& runningText) {
  running_ = true;
  run_->setEnabled(false);
  cancel_->setEnabled(true);
  progress_->setValue(0);
  status_->setText(runningText);
}

void JobControls::end(const QString& outcome) {
  running_ = false;
  run_->setEnabled(ready_);
  cancel_->setEnabled(false);
  progress_->setValue(outcome.isEmpty() ? progress_->maximum() : 0);
  status_->setText(outcome);
  emit finished();
}

void JobControls::showProgress(double fraction) { progress_->setValue(static_cast<int>(fraction * 1000)); }

}  // namespace fvae::ui
