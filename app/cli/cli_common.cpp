#include "app/cli/cli_common.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace fvae::cli {

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_signal(int) { g_interrupted = true; }
}  // namespace

bool interrupted() { return g_interrupted; }

void install_interrupt_handler() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

void parse_or_exit(QCommandLineParser& parser, const QStringList& arguments, const QString& description,
                   int positional) {
  parser.setApplicationDescription(description);
  parser.addHelpOption();
  parser.process(arguments);  // prints help or the parse error and exits
  if (parser.positionalArguments().size() > positional)
    throw UsageError("unexpected argument '" + parser.positionalArguments()[positional].toStdString() + "'");
}

double number_option(const QCommandLineParser& parser, const QString& name) {
  bool ok = false;
  const double v = parser.value(name).toDouble(&ok);
  if (!ok)
    throw UsageError("--" + name.toStdString() + " needs a number, got '" + parser.value(name).toStdString() + "'");
  return v;
}

int64_t integer_option(const QCommandLineParser& parser, const QString& name) {
  bool ok = false;
  const qlonglong v = parser.value(name).toLongLong(&ok);
  if (!ok)
    throw UsageError("--" + name.toStdString() + " needs an integer, got '" + parser.value(name).toStdString() + "'");
  return v;
}

uint64_t unsigned_option(const QCommandLineParser& parser, const QString& name) {
  const QString text = parser.value(name).trimmed();
  bool ok = !text.startsWith(QLatin1Char('-')) && !text.startsWith(QLatin1Char('+'));
  const qulonglong v = ok ? text.toULongLong(&ok) : 0;
  if (!ok)
    throw UsageError("--" + name.toStdString() + " needs an integer from 0 to 18446744073709551615, got '" +
                     parser.value(name).toStdString() + "'");
  return v;
}

std::string text_option(const QCommandLineParser& parser, const QString& name) {
  return parser.value(name).toStdString();
}

void add_dataset_options(QCommandLineParser& parser, bool from_checkpoint) {
  const QString fallback = from_checkpoint ? " (default: the checkpoint's)" : "";
  parser.addOption({"dataset",
                    "shapes (built in), a MedMNIST .npz, an IDX file or folder, or a folder of images" +
                        (from_checkpoint ? fallback : QString(" (default: shapes)")),
                    "spec", from_checkpoint ? QString() : "shapes"});
  parser.addOption({"split", "train, val or test" + fallback, "name", from_checkpoint ? QString() : "train"});
  parser.addOption({"size", "image size 28, 32 or 64 (default: from the data; shapes 64)", "pixels", "0"});
  parser.addOption({"channels", "1 (grey) or 3 (RGB) (default: the data's own)", "n", "0"});
  parser.addOption({"subset", "use a seeded random subset of this many images", "n", "0"});
}

DatasetRequest dataset_request(const QCommandLineParser& parser, const Checkpoint* cp) {
  DatasetRequest r;
  r.spec = parser.isSet("dataset") || !cp ? text_option(parser, "dataset") : cp->dataset.spec;
  r.split = parser.isSet("split") || !cp ? text_option(parser, "split") : cp->dataset.split;
  if (r.spec.empty()) throw UsageError("give --dataset (the checkpoint does not say which dataset it was trained on)");
  if (r.split.empty()) r.split = "train";
  r.size = integer_option(parser, "size");
  r.channels = integer_option(parser, "channels");
  r.subset = integer_option(parser, "subset");
  if (cp) {
    if (!parser.isSet("size")) r.size = cp->model.image_size;
    if (!parser.isSet("channels")) r.channels = cp->model.channels;
    if (!parser.isSet("subset") && r.spec == cp->dataset.spec) r.subset = cp->dataset.subset;
  }
  return r;
}

std::shared_ptr<const Dataset> open_dataset_reporting_skips(const DatasetRequest& request) {
  auto data = open_dataset(request);
  for (const auto& skipped : data->skipped_files())
    std::cerr << "factorvae: skipped an unreadable file: " << skipped << "\n";
  return data;
}

Checkpoint open_checkpoint(const QCommandLineParser& parser) {
  if (!parser.isSet("checkpoint")) throw UsageError("this mode needs --checkpoint FILE");
  return load_checkpoint(text_option(parser, "checkpoint"));
}

std::string format_duration(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return "--:--";
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", s / 60, s % 60);
  return buf;
}

ProgressLine::ProgressLine(std::string label)
    : label_(std::move(label)), start_(std::chrono::steady_clock::now()), tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressLine::update(int64_t done, int64_t total, const std::string& detail) {
  const auto now = std::chrono::steady_clock::now();
  const double fraction = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
  const int decile = static_cast<int>(fraction * 10);
  if (tty_ && now - last_draw_ < std::chrono::milliseconds(100) && done < total) return;
  if (!tty_ && decile == last_decile_ && done < total) return;
  last_draw_ = now;
  last_decile_ = decile;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : -1;
  constexpr int width = 24;
  const int filled = static_cast<int>(fraction * width);
  std::string bar(static_cast<size_t>(filled), '=');
  if (filled < width) bar += '>' + std::string(static_cast<size_t>(width - filled - 1), ' ');
  char head[160];
  std::snprintf(head, sizeof head, "%s [%s] %3.0f%% %lld/%lld", label_.c_str(), bar.c_str(), fraction * 100,
                static_cast<long long>(done), static_cast<long long>(total));
  std::cerr << (tty_ ? "\r\033[K" : "") << head << " " << detail << " elapsed " << format_duration(elapsed) << " ETA "
            << format_duration(eta) << (tty_ ? "" : "\n") << std::flush;
}

void ProgressLine::finish() {
  if (tty_) std::cerr << "\n" << std::flush;
}

}  // namespace fvae::cli
