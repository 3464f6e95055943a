#pragma once
// The controls of a long computation in a panel: a button that starts it, Cancel, a progress bar and a status line.
// Jobs run through the panel's JobTracker (off the GUI thread, newest request wins); the controls follow the job's
// state and say how it ended: its result, "Cancelled." or "Failed: …".

#include <QWidget>
#include <functional>

#include "app/service/job_tracker.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace fvae::ui {

class JobControls : public QWidget {
  Q_OBJECT
 public:
  explicit JobControls(const QString& runText, QWidget* parent = nullptr);
  QPushButton* runButton() const { return run_; }
  bool isRunning() const { return running_; }
  // Whether a job could start now (the panel has what it needs), and what to say while idle.
  void setReady(bool ready, const QString& note);
  void setStatus(const QString& text);

  // Starts `work` in the background; `done` gets its result on the GUI thread, after the controls have gone idle.
  template <typename Result>
  void start(const QString& runningText, std::function<Result(service::TaskControl&)> work,
             std::function<void(const Result&)> done) {
    begin(runningText);
    jobs_->start<Result>(
        std::move(work),
        [this, done = std::move(done)](const Result& result) {
          end(QString());
          done(result);
        },
        [this](double fraction) { showProgress(fraction); });
  }

 public slots:
  void cancel();

 signals:
  void runClicked();
  void failed(const QString& error);  // the job threw; also shown in the status line
  void finished();                    // the job ended, whichever way

 private:
  void begin(const QString& runningText);
  void end(const QString& outcome);  // "" after a result
  void showProgress(double fraction);

  QPushButton* run_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  service::JobTracker* jobs_;
  bool running_ = false;
  bool ready_ = false;
};

}  // namespace fvae::ui
