#pragma once
// Shared pieces of the `factorvae` commands: option parsing helpers, dataset/checkpoint opening, progress line.

#include <torch/torch.h>

#include <QCommandLineParser>
#include <QStringList>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

#include "model/checkpoint.h"
#include "model/dataset.h"
#include "model/io/dataset_loader.h"

namespace fvae::cli {

// A user error: printed as "factorvae: <message>" with exit status 1.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Set by SIGINT/SIGTERM; long loops poll it.
bool interrupted();
void install_interrupt_handler();

// Parses `arguments` (mode name first) with --help; exits on --help or a parse error, as QCommandLineParser does.
// More than `positional` arguments that are not options are refused.
void parse_or_exit(QCommandLineParser& parser, const QStringList& arguments, const QString& description,
                   int positional = 0);

double number_option(const QCommandLineParser& parser, const QString& name);
int64_t integer_option(const QCommandLineParser& parser, const QString& name);
uint64_t unsigned_option(const QCommandLineParser& parser, const QString& name);  // 0 … 2^64 − 1, no sign
std::string text_option(const QCommandLineParser& parser, const QString& name);

// Dataset options shared by all modes (--dataset, --split, --size, --channels, --subset).
void add_dataset_options(QCommandLineParser& parser, bool with_defaults_from_checkpoint);
DatasetRequest dataset_request(const QCommandLineParser& parser, const Checkpoint* checkpoint);

// open_dataset, and a line on stderr for each unreadable file that was left out.
std::shared_ptr<const Dataset> open_dataset_reporting_skips(const DatasetRequest& request);
Checkpoint open_checkpoint(const QCommandLineParser& parser);  // --checkpoint, required

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
