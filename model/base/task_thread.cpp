#include "model/base/task_thread.h"

#include <stdexcept>

namespace fvae {

TaskThread::TaskThread(std::function<void()> prepare)
    : thread_([this, prepare = std::move(prepare)]() mutable { loop(std::move(prepare)); }) {}

TaskThread::~TaskThread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

std::future<void> TaskThread::submit(std::function<void()> task) {
  std::packaged_task<void()> packaged(std::move(task));
  auto done = packaged.get_future();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (has_pending_) throw std::logic_error("TaskThread::submit: the previous task has not started yet");
    pending_ = std::move(packaged);
    has_pending_ = true;
  }
  wake_.notify_one();
  return done;
}

void TaskThread::loop(std::function<void()> prepare) {
  if (prepare) prepare();
  for (;;) {
    std::packaged_task<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return has_pending_ || stopping_; });
      if (!has_pending_) return;  // stopping, nothing left to run
      task = std::move(pending_);
      has_pending_ = false;
    }
    task();  // stores the task's exception in its future
  }
}

}  // namespace fvae
