#pragma once
// The one way the GUI runs work in the background (after KDAB hotspot's JobTracker and Qt's mandelbrot example).
//
// A JobTracker belongs to one view and runs that view's jobs one at a time on a bounded, process-wide thread pool:
// - newest request wins: starting a job cancels the running one (its TaskControl says so) and replaces any job still
//   waiting; a superseded job's result is dropped;
// - the result, or the message of an exception the job threw, arrives on the GUI thread, and only while the tracker
//   lives: closing a view while its job runs is safe;
// - at application exit every job is cancelled and the pools are joined before anything static is destroyed.
// Jobs must capture what they need by value (shared pointers, images), never the view.

#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;
class QTimer;

namespace fvae::service {

// What a running job sees: it reports progress and asks whether it should stop.
struct TaskControl {
  std::atomic<double> fraction{0};
  std::atomic<bool> cancelled{false};
  // Records progress; returns false once the job has been cancelled or superseded.
  bool report(double done) {
    fraction = done;
    return !cancelled;
  }
};

class JobTracker : public QObject {
  Q_OBJECT
 public:
  // Interactive jobs (slider decodes) get a pool of their own, so they never wait behind a long measurement.
  enum class Lane { Background, Interactive };
  // What happens to the result of a job that finished after a newer one was requested: dropped, or delivered anyway
  // (a decoded slider position is still worth showing while the newest one is being decoded).
  enum class Superseded { DropResult, DeliverResult };

  explicit JobTracker(QObject* parent = nullptr, Lane lane = Lane::Background,
                      Superseded superseded = Superseded::DropResult);
  ~JobTracker() override;  // cancels its jobs; a running one finishes on the pool and its result is dropped

  // Runs `work` in the background; `done` gets its result on the GUI thread. `progress`, when given, is polled on
  // the GUI thread every 100 ms while the job runs. When `work` throws (app/service/errors.h), `failed` gets the
  // message on the GUI thread, or the tracker's failed() signal where the job has none; Cancelled, or a job
  // cancelled or superseded, reports nothing.
  template <typename Result>
  void start(std::function<Result(TaskControl&)> work, std::function<void(const Result&)> done,
             std::function<void(double)> progress = {}, std::function<void(const QString&)> failed = {}) {
    auto result = std::make_shared<Result>();
    enqueue([result, work = std::move(work)](TaskControl& control) { *result = work(control); },
            [result, done = std::move(done)] { done(*result); }, std::move(progress), std::move(failed));
  }

  void cancel();        // cancels the running job and drops the waiting one; neither calls `done`
  bool isBusy() const;  // a job runs or waits

  // Cancels every job of every tracker and waits for the pools (at most `timeoutMs`; a negative value waits until
  // they are done, as it does by itself when the application quits); tests may call it.
  static bool shutdown(int timeoutMs = 30000);

 signals:
  void failed(const QString& message);  // the job threw; its message
  void busyChanged(bool busy);

 private:
  struct Job {
    std::function<void(TaskControl&)> work;
    std::function<void()> deliver;
    std::function<void(double)> progress;
    std::function<void(const QString&)> failed;
    std::shared_ptr<TaskControl> control;
    quint64 id = 0;
  };
  void enqueue(std::function<void(TaskControl&)> work, std::function<void()> deliver,
               std::function<void(double)> progress, std::function<void(const QString&)> failed);
  void launch(Job job);
  void finished(quint64 id, bool ok, bool cancelled, const QString& error, const std::function<void()>& deliver);

  QThreadPool* pool_;
  Superseded superseded_;
  std::unique_ptr<Job> running_, waiting_;
  quint64 newest_ = 0;
  QTimer* progress_timer_;
};

}  // namespace fvae::service
