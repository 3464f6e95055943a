#pragma once
// One long-lived thread that runs tasks handed to it, one at a time. The trainer gives it the discriminator's step
// so that it overlaps the VAE's backward pass on a second core. Long-lived rather than a thread per step, so that the
// thread keeps its intra-op thread setting, its floating-point mode and its malloc arena from step to step.

#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace fvae {

class TaskThread {
 public:
  // `prepare` runs once on the new thread before any task (e.g. to set its thread count and floating-point mode).
  explicit TaskThread(std::function<void()> prepare = {});
  ~TaskThread();  // waits for the running task, if any
  TaskThread(const TaskThread&) = delete;
  TaskThread& operator=(const TaskThread&) = delete;

  // Starts `task` on the thread. The future reports its completion or rethrows its exception. One task at a time:
  // wait for the previous future before submitting the next.
  std::future<void> submit(std::function<void()> task);

 private:
  void loop(std::function<void()> prepare);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::packaged_task<void()> pending_;
  bool has_pending_ = false, stopping_ = false;
  std::thread thread_;
};

}  // namespace fvae
