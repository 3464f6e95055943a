#include "model/tensorboard/event_file.h"

#include <unistd.h>

#include <algorithm>
#include <boost/crc.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "tensorboard_proto/event.pb.h"
#include "tensorboard_proto/hparams.pb.h"

namespace fvae::tensorboard {

namespace fs = std::filesystem;

namespace {

// TensorBoard's generated messages live in ::tensorboard.
using ::tensorboard::Event;
using ::tensorboard::Summary;
namespace hparams = ::tensorboard::hparams;

const char* const kFilePrefix = "events.out.tfevents.";
const char* const kHParamsTag = "_hparams_/session_start_info";

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t get_le(const unsigned char* p, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

bool is_event_file(const fs::path& p) { return p.filename().string().rfind(kFilePrefix, 0) == 0; }

std::vector<fs::path> event_files(const std::string& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.is_regular_file(ec) && is_event_file(entry.path())) files.push_back(entry.path());
  std::sort(files.begin(), files.end());  // the name carries the start time: the newest sorts last
  return files;
}

std::string new_file_name() {
  char host[256] = "localhost";
  gethostname(host, sizeof host - 1);
  host[sizeof host - 1] = 0;
  return kFilePrefix + std::to_string(static_cast<int64_t>(now_seconds())) + "." + host;
}

}  // namespace

uint32_t crc32c(const void* data, size_t size) {
  boost::crc_optimal<32, 0x1EDC6F41, 0xFFFFFFFF, 0xFFFFFFFF, true, true> crc;
  crc.process_bytes(data, size);
  return crc.checksum();
}

uint32_t masked_crc32c(const void* data, size_t size) {
  const uint32_t crc = crc32c(data, size);
  return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

std::vector<EventRecord> read_event_file(const std::string& path, uint64_t* intact_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw EventFileError(path + ": cannot read the TensorBoard log");
  std::vector<EventRecord> records;
  uint64_t offset = 0;
  std::string data;
  for (;;) {
    unsigned char header[12];
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) break;
    const uint64_t length = get_le(header, 8);
    if (static_cast<uint32_t>(get_le(header + 8, 4)) != masked_crc32c(header, 8)) break;
    if (length > (uint64_t{1} << 30)) break;
    data.resize(static_cast<size_t>(length));
    unsigned char footer[4];
    if (!in.read(data.data(), static_cast<std::streamsize>(length)) ||
        !in.read(reinterpret_cast<char*>(footer), sizeof footer))
      break;
    if (static_cast<uint32_t>(get_le(footer, 4)) != masked_crc32c(data.data(), data.size())) break;
    Event event;
    if (!event.ParseFromString(data)) break;
    EventRecord r;
    r.step = event.step();
    r.wall_time = event.wall_time();
    r.file_version = event.file_version();
    for (const auto& value : event.summary().value()) {
      if (value.has_metadata() && !value.metadata().plugin_data().plugin_name().empty())
        r.plugin_tags.push_back(value.tag());
      if (value.value_case() == Summary::Value::kSimpleValue) r.scalars.emplace_back(value.tag(), value.simple_value());
      if (value.value_case() == Summary::Value::kImage) r.image_tags.push_back(value.tag());
    }
    offset += sizeof header + length + sizeof footer;
    r.end_offset = offset;
    records.push_back(std::move(r));
  }
  if (intact_bytes) *intact_bytes = offset;
  return records;
}

EventWriter::EventWriter(const std::string& folder, int64_t resume_step) {
  std::error_code ec;
  const auto existing = event_files(folder);
  if (resume_step >= 0 && !existing.empty()) {
    path_ = existing.back().string();
    uint64_t keep = 0;
    for (const auto& r : read_event_file(path_)) {
      if (r.step > resume_step) break;  // records follow the steps, so everything after this one is newer
      keep = r.end_offset;
      if (!r.scalars.empty()) last_scalar_step_ = std::max(last_scalar_step_, r.step);
      if (!r.plugin_tags.empty()) has_hparams_ = true;
    }
    fs::resize_file(path_, keep, ec);
    if (ec)
      throw EventFileError(path_ + ": cannot cut the TensorBoard log back to step " + std::to_string(resume_step) +
                           " (" + ec.message() + ")");
    file_ = std::fopen(path_.c_str(), "ab");
    if (!file_) throw EventFileError(path_ + ": cannot append to the TensorBoard log (" + std::strerror(errno) + ")");
    if (keep > 0) return;
  } else {
    for (const auto& old : existing) fs::remove(old, ec);  // an earlier run's log in this folder is replaced
    path_ = (fs::path(folder) / new_file_name()).string();
    file_ = std::fopen(path_.c_str(), "wb");
    if (!file_) throw EventFileError(path_ + ": cannot create the TensorBoard log (" + std::strerror(errno) + ")");
  }
  Event header;
  header.set_wall_time(now_seconds());
  header.set_file_version("brain.Event:2");
  write_event(header.SerializeAsString());
}

EventWriter::~EventWriter() {
  if (file_) std::fclose(file_);
}

void EventWriter::write_event(const std::string& serialized) {
  std::string record;
  record.reserve(serialized.size() + 16);
  put_u64(record, serialized.size());
  put_u32(record, masked_crc32c(record.data(), 8));
  record += serialized;
  put_u32(record, masked_crc32c(serialized.data(), serialized.size()));
  if (std::fwrite(record.data(), 1, record.size(), file_) != record.size())
    throw EventFileError(path_ + ": cannot write the TensorBoard log (" + std::strerror(errno) + ")");
}

void EventWriter::add_scalars(int64_t step, const std::vector<std::pair<std::string, float>>& values) {
  Event event;
  event.set_wall_time(now_seconds());
  event.set_step(step);
  for (const auto& [tag, value] : values) {
    auto* v = event.mutable_summary()->add_value();
    v->set_tag(tag);
    v->set_simple_value(value);
  }
  write_event(event.SerializeAsString());
  last_scalar_step_ = std::max(last_scalar_step_, step);
}

void EventWriter::add_image(int64_t step, const std::string& tag, const std::string& png, int width, int height,
                            int channels) {
  Event event;
  event.set_wall_time(now_seconds());
  event.set_step(step);
  auto* v = event.mutable_summary()->add_value();
  v->set_tag(tag);
  auto* image = v->mutable_image();
  image->set_width(width);
  image->set_height(height);
  image->set_colorspace(channels == 3 ? 3 : 1);
  image->set_encoded_image_string(png);
  write_event(event.SerializeAsString());
}

void EventWriter::add_hparams(const std::map<std::string, HParamValue>& hparams, const std::string& group_name) {
  hparams::HParamsPluginData plugin_data;
  plugin_data.set_version(0);
  auto* start = plugin_data.mutable_session_start_info();
  start->set_group_name(group_name);
  start->set_start_time_secs(now_seconds());
  for (const auto& [name, value] : hparams) {
    google::protobuf::Value v;
    if (const auto* d = std::get_if<double>(&value))
      v.set_number_value(*d);
    else if (const auto* s = std::get_if<std::string>(&value))
      v.set_string_value(*s);
    else
      v.set_bool_value(std::get<bool>(value));
    (*start->mutable_hparams())[name] = v;
  }
  Event event;
  event.set_wall_time(now_seconds());
  event.set_step(0);
  auto* v = event.mutable_summary()->add_value();
  v->set_tag(kHParamsTag);
  auto* plugin = v->mutable_metadata()->mutable_plugin_data();
  plugin->set_plugin_name("hparams");
  plugin->set_content(plugin_data.SerializeAsString());
  write_event(event.SerializeAsString());
  has_hparams_ = true;
}

void EventWriter::flush() {
  if (std::fflush(file_) != 0)
    throw EventFileError(path_ + ": cannot write the TensorBoard log (" + std::strerror(errno) + ")");
}

}  // namespace fvae::tensorboard
