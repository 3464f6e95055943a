#include "app/cli/cli_common.h"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <type_traits>

#include "model/base/numbers.h"
#include "model/training/trainer.h"

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

void parse_or_exit(OptionParser& parser, const Arguments& arguments, const std::string& description, int positional) {
  parser.process(arguments, description);  // prints help or the parse error and exits
  if (static_cast<int>(parser.positional().size()) > positional)
    throw UsageError("unexpected argument '" + parser.positional()[static_cast<size_t>(positional)] + "'");
}

namespace {

// The whole of `text` as a number of type T (std::from_chars: no locale, no leading '+', no trailing garbage).
template <typename T>
bool parse_whole(const std::string& text, T& out) {
  const char* first = text.data();
  const char* last = first + text.size();
  while (first < last && std::isspace(static_cast<unsigned char>(*first))) ++first;
  while (last > first && std::isspace(static_cast<unsigned char>(last[-1]))) --last;
  if (first == last) return false;
  if constexpr (std::is_floating_point_v<T>) {
    const auto number = parse_double(std::string_view(first, static_cast<size_t>(last - first)));
    if (number) out = *number;
    return number.has_value();
  } else {
    const auto [end, ec] = std::from_chars(first, last, out);
    return ec == std::errc() && end == last;
  }
}

}  // namespace

double number_option(const OptionParser& parser, const std::string& name) {
  double v = 0;
  if (!parse_whole(parser.value(name), v))
    throw UsageError("--" + name + " needs a number, got '" + parser.value(name) + "'");
  return v;
}

int64_t integer_option(const OptionParser& parser, const std::string& name) {
  int64_t v = 0;
  std::string text = parser.value(name);
  if (!text.empty() && text[0] == '+') text.erase(0, 1);
  if (!parse_whole(text, v)) throw UsageError("--" + name + " needs an integer, got '" + parser.value(name) + "'");
  return v;
}

uint64_t unsigned_option(const OptionParser& parser, const std::string& name) {
  uint64_t v = 0;
  const std::string text = parser.value(name);
  if (text.find_first_of("+-") != std::string::npos || !parse_whole(text, v))
    throw UsageError("--" + name + " needs an integer from 0 to 18446744073709551615, got '" + text + "'");
  return v;
}

std::string text_option(const OptionParser& parser, const std::string& name) { return parser.value(name); }

void add_dataset_options(OptionParser& parser, bool from_checkpoint) {
  const std::string fallback = from_checkpoint ? " (default: the checkpoint's)" : "";
  parser.add_option({"dataset",
                     "shapes (built in), a MedMNIST .npz, an IDX file or folder, or a folder of images" +
                         (from_checkpoint ? fallback : std::string(" (default: shapes)")),
                     "spec", from_checkpoint ? "" : kBuiltinDataset});
  parser.add_option({"split", "train, val or test" + fallback, "name", from_checkpoint ? "" : "train"});
  parser.add_option({"size", "image size 28, 32 or 64 (default: from the data; shapes 64, and 32 for a new training)",
                     "pixels", "0"});
  parser.add_option({"channels", "1 (grey) or 3 (RGB) (default: the data's own)", "n", "0"});
  parser.add_option({"subset", "use a seeded random subset of this many images", "n", "0"});
}

DatasetRequest dataset_request(const OptionParser& parser, const Checkpoint* cp) {
  DatasetRequest r;
  r.spec = parser.is_set("dataset") || !cp ? text_option(parser, "dataset") : cp->dataset.spec;
  r.split = parser.is_set("split") || !cp ? text_option(parser, "split") : cp->dataset.split;
  if (r.spec.empty()) throw UsageError("give --dataset (the checkpoint does not say which dataset it was trained on)");
  if (r.split.empty()) r.split = "train";
  r.size = integer_option(parser, "size");
  r.channels = integer_option(parser, "channels");
  r.subset = integer_option(parser, "subset");
  if (cp) {
    if (!parser.is_set("size")) r.size = cp->model.image_size;
    // Channels stay the data's own unless given: a grey model is not shown colour images as grey, nor the reverse
    // (open_dataset_for says so). A folder of images has no channel count of its own: read at the model's.
    std::error_code ec;
    if (!parser.is_set("channels") && std::filesystem::is_directory(r.spec, ec)) r.channels = cp->model.channels;
    if (!parser.is_set("subset") && r.spec == cp->dataset.spec) r.subset = cp->dataset.subset;
  }
  return r;
}

std::shared_ptr<const Dataset> open_dataset_reporting_skips(const DatasetRequest& request) {
  auto data = open_dataset(request);
  for (const auto& skipped : data->skipped_files())
    std::cerr << "factorvae: skipped an unreadable file: " << skipped << "\n";
  return data;
}

std::shared_ptr<const Dataset> open_dataset_for(const OptionParser& parser, const Checkpoint& cp) {
  auto data = open_dataset_reporting_skips(dataset_request(parser, &cp));
  const auto s = data->shape();
  const std::string model = text_option(parser, "checkpoint") + " (" + cp.model.describe() + ")";
  auto kind = [](int64_t channels) { return channels == 1 ? std::string("grey") : std::string("colour"); };
  if (s.channels != cp.model.channels)
    throw UsageError(data->description() + " has " + kind(s.channels) + " images (" + std::to_string(s.channels) +
                     " channel" + (s.channels == 1 ? "" : "s") + "), the model " + model + " takes " +
                     kind(cp.model.channels) + " ones: give a dataset of " + kind(cp.model.channels) +
                     " images, or --channels " + std::to_string(cp.model.channels) + " to convert these");
  if (s.height != cp.model.image_size)
    throw UsageError(data->description() + " has " + std::to_string(s.height) + "×" + std::to_string(s.width) +
                     " images, the model " + model + " takes " + std::to_string(cp.model.image_size) + "×" +
                     std::to_string(cp.model.image_size) + " ones (leave --size out to resize them)");
  return data;
}

void add_device_option(OptionParser& parser) {
  parser.add_option({"device", "where the model computes: auto (CUDA when available), cpu or cuda", "name", "auto"});
}

torch::Device device_option(const OptionParser& parser) {
  if (!parser.has_option("device")) return torch::kCPU;
  const std::string name = text_option(parser, "device");
  if (name != "auto" && name != "cpu" && name != "cuda") throw UsageError("--device must be auto, cpu or cuda");
  try {
    return resolve_device(name);
  } catch (const std::exception& e) {
    throw UsageError(e.what());
  }
}

Checkpoint open_checkpoint(const OptionParser& parser) {
  if (!parser.is_set("checkpoint")) throw UsageError("this mode needs --checkpoint FILE");
  const torch::Device device = device_option(parser);  // a bad --device fails before the file is read
  Checkpoint checkpoint = load_checkpoint(text_option(parser, "checkpoint"));
  // Inputs move to the networks' device for encoding and decoding; the results come back to the CPU.
  checkpoint.networks->to(device);
  return checkpoint;
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

void refuse_folder_in_use(const FolderInUse& e) {
  const bool pipeline = e.contents().holds == RunFolderContents::Holds::Pipeline;
  const std::string resume = pipeline ? e.folder() : (std::filesystem::path(e.folder()) / "latest.fvae").string();
  throw UsageError(e.folder() + " holds " + e.contents().describe() + " already: continue it with --resume " + resume +
                   ", replace it with --force, or train into another folder (--out " + free_run_folder(e.folder()) +
                   " is free)");
}

}  // namespace fvae::cli
