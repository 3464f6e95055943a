#include "app/service/job_tracker.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QRunnable>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <mutex>
#include <set>

#include "app/service/errors.h"
#include "model/base/platform.h"

namespace fvae::service {

namespace {

// Owns the pools and knows every job in flight. Lives on the GUI thread as a child of the application, so that it
// is joined when the application quits or is destroyed, before static destruction.
class JobHub : public QObject {
 public:
  static JobHub* instance() {
    static QPointer<JobHub> hub;
    if (!hub) {
      Q_ASSERT(QCoreApplication::instance());
      hub = new JobHub(QCoreApplication::instance());
    }
    return hub;
  }

  QThreadPool* pool(JobTracker::Lane lane) {
    return lane == JobTracker::Lane::Interactive ? &interactive_ : &background_;
  }

  void track(const std::shared_ptr<TaskControl>& control) {
    std::lock_guard<std::mutex> lock(mutex_);
    live_.insert(control);
  }
  void untrack(const std::shared_ptr<TaskControl>& control) {
    std::lock_guard<std::mutex> lock(mutex_);
    live_.erase(control);
  }

  bool shutdown(int timeout_ms) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& control : live_) control->cancelled = true;
    }
    const QDeadlineTimer deadline(timeout_ms < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(timeout_ms));
    // An unbounded wait must stay unbounded: remainingTime() is -1 then, which waitForDone takes as "forever".
    auto left = [&deadline] {
      return deadline.isForever() ? -1 : static_cast<int>(std::max<qint64>(0, deadline.remainingTime()));
    };
    background_.clear();  // jobs not started yet never start
    interactive_.clear();
    const bool joined = background_.waitForDone(left()) && interactive_.waitForDone(left());
    QCoreApplication::removePostedEvents(this);  // results of cancelled jobs go nowhere
    return joined;
  }

  ~JobHub() override { shutdown(-1); }

 private:
  explicit JobHub(QObject* parent) : QObject(parent) {
    background_.setMaxThreadCount(std::clamp(QThread::idealThreadCount(), 2, 4));
    interactive_.setMaxThreadCount(1);
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] { shutdown(-1); });
  }

  // Declared before the pools, so that they outlive them: a pool's destructor joins jobs that still untrack.
  std::mutex mutex_;
  std::set<std::shared_ptr<TaskControl>> live_;
  QThreadPool background_, interactive_;
};

}  // namespace

JobTracker::JobTracker(QObject* parent, Lane lane, Superseded superseded)
    : QObject(parent),
      pool_(JobHub::instance()->pool(lane)),
      superseded_(superseded),
      progress_timer_(new QTimer(this)) {
  progress_timer_->setInterval(100);
  connect(progress_timer_, &QTimer::timeout, this, [this] {
    if (running_ && running_->progress) running_->progress(running_->control->fraction);
  });
}

JobTracker::~JobTracker() { cancel(); }

bool JobTracker::isBusy() const { return running_ || waiting_; }

void JobTracker::cancel() {
  if (running_) running_->control->cancelled = true;
  waiting_.reset();
}

void JobTracker::enqueue(std::function<void(TaskControl&)> work, std::function<void()> deliver,
                         std::function<void(double)> progress, std::function<void(const QString&)> failed) {
  Job job{std::move(work), std::move(deliver), std::move(progress), std::move(failed), std::make_shared<TaskControl>(),
          ++newest_};
  if (!running_) {
    launch(std::move(job));
    emit busyChanged(true);
    return;
  }
  // One job at a time per tracker: the newest waits for the running one (which is told to stop unless its result is
  // still wanted), and replaces any older job that was waiting.
  if (superseded_ == Superseded::DropResult) running_->control->cancelled = true;
  waiting_ = std::make_unique<Job>(std::move(job));
}

void JobTracker::launch(Job job) {
  running_ = std::make_unique<Job>(std::move(job));
  if (running_->progress) progress_timer_->start();
  JobHub* hub = JobHub::instance();
  const auto control = running_->control;
  hub->track(control);
  const QPointer<JobTracker> self(this);
  const quint64 id = running_->id;
  auto work = running_->work;
  auto deliver = running_->deliver;
  pool_->start([hub, control, self, id, work = std::move(work), deliver = std::move(deliver)]() mutable {
    bool ok = false, cancelled = false;
    QString error;
    if (!control->cancelled) {
      // ATen's thread count and floating-point mode are per OS thread; pool threads come and go.
      set_compute_threads(1);
      flush_denormals_to_zero();
      try {
        work(*control);
        ok = true;
      } catch (const Cancelled&) {
        cancelled = true;
      } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
      } catch (...) {
        error = QStringLiteral("an unknown error stopped the computation");
      }
    }
    work = nullptr;  // free what the job captured here, not on the GUI thread
    hub->untrack(control);
    QMetaObject::invokeMethod(
        hub,
        [self, id, ok, cancelled, error, deliver = std::move(deliver)] {
          if (self) self->finished(id, ok, cancelled, error, deliver);
        },
        Qt::QueuedConnection);
  });
}

void JobTracker::finished(quint64 id, bool ok, bool cancelled_by_work, const QString& error,
                          const std::function<void()>& deliver) {
  if (!running_ || running_->id != id) return;
  const auto job = std::move(running_);
  progress_timer_->stop();
  if (waiting_) {
    Job next = std::move(*waiting_);
    waiting_.reset();
    launch(std::move(next));
  }
  const bool cancelled = job->control->cancelled || cancelled_by_work;
  const bool newest = id == newest_;
  if (!ok) {
    if (!cancelled) job->failed ? job->failed(error) : emit failed(error);
  } else if (!cancelled && (newest || superseded_ == Superseded::DeliverResult)) {
    deliver();
  }
  if (!isBusy()) emit busyChanged(false);
}

bool JobTracker::shutdown(int timeoutMs) { return JobHub::instance()->shutdown(timeoutMs); }

}  // namespace fvae::service
