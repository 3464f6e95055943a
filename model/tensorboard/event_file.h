#pragma once
// TensorBoard event files (events.out.tfevents.*): TFRecord framing (length, masked CRC-32C of the length, the
// serialized Event protobuf, masked CRC-32C of the data) around TensorBoard's own Event/Summary messages, written
// with protobuf and Boost's CRC. Qt-free, so the headless trainer logs as the desktop application does.

#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace fvae::tensorboard {

// Raised when an event file cannot be created, read back or written (a full disk, say); names the file.
class EventFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// CRC-32C (Castagnoli) and TFRecord's masking of it ((crc >> 15 | crc << 17) + 0xa282ead8).
uint32_t crc32c(const void* data, size_t size);
uint32_t masked_crc32c(const void* data, size_t size);

// One record of an event file, decoded enough to reason about steps and tags.
struct EventRecord {
  int64_t step = 0;
  double wall_time = 0;
  std::string file_version;  // set in a file's first record only
  std::vector<std::pair<std::string, float>> scalars;
  std::vector<std::string> image_tags;
  std::vector<std::string> plugin_tags;  // values with plugin metadata (e.g. the hyper-parameters)
  uint64_t end_offset = 0;               // byte offset just past this record
};

// Reads `path` record by record, checking both CRCs; stops quietly at the first incomplete or damaged record (a run
// killed mid-write leaves one) and reports where the intact part ends in `intact_bytes`.
std::vector<EventRecord> read_event_file(const std::string& path, uint64_t* intact_bytes = nullptr);

using HParamValue = std::variant<double, std::string, bool>;

class EventWriter {
 public:
  // Starts a log in `folder`. A fresh run (resume_step < 0) replaces the folder's earlier event files. A resumed run
  // continues the folder's newest event file, cutting it after the last record of a step <= resume_step (records
  // written after the checkpoint being resumed would repeat), or starts one if there is none.
  EventWriter(const std::string& folder, int64_t resume_step);
  ~EventWriter();
  EventWriter(const EventWriter&) = delete;
  EventWriter& operator=(const EventWriter&) = delete;

  const std::string& path() const { return path_; }
  // The last step whose scalars the file already holds (-1: none), so that a resumed run writes only what is new.
  int64_t last_scalar_step() const { return last_scalar_step_; }
  bool has_hparams() const { return has_hparams_; }

  void add_scalars(int64_t step, const std::vector<std::pair<std::string, float>>& values);
  // `png`: an encoded PNG of width × height with `channels` 1 (grey) or 3 (RGB).
  void add_image(int64_t step, const std::string& tag, const std::string& png, int width, int height, int channels);
  // The run's settings for TensorBoard's HParams dashboard (one session start record).
  void add_hparams(const std::map<std::string, HParamValue>& hparams, const std::string& group_name);
  void flush();  // throws EventFileError when the data did not reach the file

 private:
  void write_event(const std::string& serialized);

  std::string path_;
  std::FILE* file_ = nullptr;
  int64_t last_scalar_step_ = -1;
  bool has_hparams_ = false;
};

}  // namespace fvae::tensorboard
