#pragma once
// Stop and pause for a training, one object shared by everyone who trains under it: the front end (the CLI's Ctrl-C,
// the GUI's session) holds it; the candidate pipeline, each TrainingRun and each Trainer consult the same object.
// Nothing is forwarded from one to the next and nothing detaches, so a stop pressed while a dataset opens, between
// two candidates or mid-step reaches whoever trains next. Thread-safe.

#include <condition_variable>
#include <mutex>

namespace fvae {

class RunControl {
 public:
  void stop();  // everything under this control stops after its current step (and stays stopped until reset)
  void set_paused(bool paused);
  bool stop_requested() const;
  bool paused() const;
  // True while a training sits paused between two steps (no step in flight): what "paused" means to someone watching.
  bool waiting_while_paused() const;
  // For the training thread between two steps: waits while paused and not stopped; true when it must stop.
  bool wait_between_steps();
  void reset();  // neither stopped nor paused: a new training under the same control

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_ = false, paused_ = false, waiting_ = false;
};

}  // namespace fvae
