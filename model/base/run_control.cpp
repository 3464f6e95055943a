#include "model/base/run_control.h"

namespace fvae {

// Every change under the mutex: otherwise a stop could land between the training thread's check and its wait, and
// the notification would be lost while it sleeps paused.
void RunControl::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
}

void RunControl::set_paused(bool paused) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = paused;
  }
  changed_.notify_all();
}

bool RunControl::stop_requested() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stop_;
}

bool RunControl::paused() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return paused_;
}

bool RunControl::waiting_while_paused() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_;
}

bool RunControl::wait_between_steps() {
  std::unique_lock<std::mutex> lock(mutex_);
  waiting_ = paused_ && !stop_;
  changed_.wait(lock, [&] { return !paused_ || stop_; });
  waiting_ = false;
  return stop_;
}

void RunControl::reset() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = paused_ = false;
  }
  changed_.notify_all();
}

}  // namespace fvae
