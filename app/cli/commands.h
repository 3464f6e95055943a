#pragma once
// The modes of the `factorvae` command; each returns the process exit status. The headless build (without Qt)
// has train, replicate, latent, random, evaluate, encode and udr.

#include <functional>

#include "app/cli/cli_common.h"
#include "model/run/candidate_pipeline.h"

namespace fvae::cli {

// The run `factorvae train` asks for with these options (plan_run decides the rest), and where it goes.
RunRequest training_request(const OptionParser& parser);
RunSettings training_settings(const OptionParser& parser);

// What the console shows of a run or a candidate pipeline: the defaults that were decided, the run's description, a
// progress line, each stage of the pipeline; Ctrl-C calls `stop`.
class ConsoleReport : public PipelineObserver {
 public:
  ConsoleReport(bool quiet, std::function<void()> stop);
  void on_calibrating() override;
  void on_start(const RunPlan& plan, const Trainer& trainer, const torch::Tensor& fixed) override;
  void on_step(const StepReport& report, const Trainer& trainer) override;
  void on_pipeline(const PipelineStatus& status) override;
  void finish();  // ends the progress line

 private:
  bool quiet_;
  std::function<void()> stop_;
  ProgressLine progress_;
  bool notes_shown_ = false;
  int64_t total_ = 0;
  double speed_ = 0;
};

int train_command(const Arguments& arguments);
int replicate_command(const Arguments& arguments);
int latent_command(const Arguments& arguments);
int random_command(const Arguments& arguments);
int evaluate_command(const Arguments& arguments);
int responses_command(const Arguments& arguments);
int export_command(const Arguments& arguments);
int import_command(const Arguments& arguments);
int import_seed_command(const Arguments& arguments);
int decode_command(const Arguments& arguments);
int encode_command(const Arguments& arguments);
int udr_command(const Arguments& arguments);

// train --candidates: the candidate pipeline (model/run/candidate_pipeline.h), its screenings in child processes with
// --parallel, or a Slurm script with --slurm (both in the full build).
int train_candidates(const OptionParser& parser, const Arguments& arguments);

}  // namespace fvae::cli
