#pragma once
// Runs work on a thread of its own and hands the result back on the GUI thread. The work never sees the widget:
// it reports progress into an atomic that a timer owned by `context` reads, and the result arrives through the
// thread's `finished` signal, which Qt disconnects when `context` is destroyed — so closing a window while the work
// runs is safe.

#include <QObject>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <functional>
#include <memory>

namespace fvae::ui {

struct TaskControl {
  std::atomic<double> fraction{0};
  std::atomic<bool> cancelled{false};
  // For the work: records progress; returns false once the user has cancelled.
  bool report(double done) {
    fraction = done;
    return !cancelled;
  }
};

template <typename Result>
std::shared_ptr<TaskControl> runInBackground(QObject* context, std::function<Result(TaskControl&)> work,
                                             std::function<void(const Result&)> done,
                                             std::function<void(double)> on_progress = {}) {
  auto control = std::make_shared<TaskControl>();
  auto result = std::make_shared<Result>();
  QThread* thread = QThread::create([control, result, work = std::move(work)] { *result = work(*control); });
  QTimer* timer = nullptr;
  if (on_progress) {
    timer = new QTimer(context);
    timer->setInterval(100);
    QObject::connect(timer, &QTimer::timeout, context, [control, on_progress] { on_progress(control->fraction); });
    timer->start();
  }
  QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done), timer] {
    if (timer) timer->deleteLater();
    done(*result);
  });
  QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
  thread->start();
  return control;
}

}  // namespace fvae::ui
