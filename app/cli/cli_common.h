#pragma once
// Shared pieces of the `factorvae` commands: option parsing helpers, dataset/checkpoint opening, progress line.

#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli/options.h"
#include "model/checkpoint/checkpoint.h"
#include "model/data/dataset.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_folder.h"

namespace fvae::cli {

// A user error: printed as "factorvae: <message>" with exit status 1.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A new run's --out holds a run: the refusal in the CLI's words (--resume, --force, a free folder).
[[noreturn]] void refuse_folder_in_use(const FolderInUse& e);

// Set by SIGINT/SIGTERM; long loops poll it.
bool interrupted();
void install_interrupt_handler();

// A mode's arguments, its name first ("factorvae train").
using Arguments = std::vector<std::string>;

// Parses `arguments` with --help; exits on --help or a parse error. More than `positional` arguments that are not
// options are refused.
void parse_or_exit(OptionParser& parser, const Arguments& arguments, const std::string& description,
                   int positional = 0);

double number_option(const OptionParser& parser, const std::string& name);
int64_t integer_option(const OptionParser& parser, const std::string& name);
uint64_t unsigned_option(const OptionParser& parser, const std::string& name);  // 0 … 2^64 − 1, no sign
std::string text_option(const OptionParser& parser, const std::string& name);

// Dataset options shared by all modes (--dataset, --split, --size, --channels, --subset).
void add_dataset_options(OptionParser& parser, bool with_defaults_from_checkpoint);
DatasetRequest dataset_request(const OptionParser& parser, const Checkpoint* checkpoint);

// open_dataset, and a line on stderr for each unreadable file that was left out.
std::shared_ptr<const Dataset> open_dataset_reporting_skips(const DatasetRequest& request);
// The dataset the options name (the checkpoint's by default) for the model, at its image size; refused, with both
// named, where its images are grey and the model's colour or the reverse (--channels converts), or of another size.
std::shared_ptr<const Dataset> open_dataset_for(const OptionParser& parser, const Checkpoint& checkpoint);
// --checkpoint, required; with a --device option (add_device_option), its networks on that device.
Checkpoint open_checkpoint(const OptionParser& parser);

// --device for the modes that run a trained model: auto (CUDA when available), cpu or cuda.
void add_device_option(OptionParser& parser);
// The device --device names (the CPU for a mode without the option).
torch::Device device_option(const OptionParser& parser);

// A terminal progress line with ETA: redrawn in place on a terminal, one line per ~10 % otherwise.
class ProgressLine {
 public:
  explicit ProgressLine(std::string label);
  void update(int64_t done, int64_t total, const std::string& detail = {});
  void finish();

 private:
  std::string label_;
  std::chrono::steady_clock::time_point start_;
  bool tty_;
  int last_decile_ = -1;
  std::chrono::steady_clock::time_point last_draw_{};
};

std::string format_duration(double seconds);

}  // namespace fvae::cli
