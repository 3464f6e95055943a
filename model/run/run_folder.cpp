#include "model/run/run_folder.h"

#include <algorithm>
#include <filesystem>

namespace fvae {

namespace fs = std::filesystem;

namespace {

// The names a run (training_run, run_log, the TensorBoard log) and a pipeline (candidate_pipeline) write.
bool is_run_file(const std::string& name) {
  auto starts = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
  auto ends = [&](const char* suffix) {
    const std::string s(suffix);
    return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return name == "latest.fvae" || name == "losses.csv" || name == "reconstructions.gif" || name == "train.log" ||
         name == "pipeline.cfg" || name == "candidates.csv" || starts("events.out.tfevents.") ||
         (starts("epoch-") && ends(".fvae")) || (starts("latest.fvae.") && ends(".tmp"));
}

bool is_candidate_folder(const fs::directory_entry& entry) {
  std::error_code ec;
  const std::string name = entry.path().filename().string();
  return entry.is_directory(ec) && name.rfind("seed-", 0) == 0 && name.size() > 5 &&
         std::all_of(name.begin() + 5, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string RunFolderContents::describe() const {
  std::string text = holds == Holds::Pipeline ? "a candidate pipeline" : holds == Holds::Run ? "a run" : "no run";
  if (files.empty()) return text;
  text += " (";
  for (size_t i = 0; i < files.size() && i < 4; ++i) text += (i ? ", " : "") + files[i];
  if (files.size() > 4) text += ", ...";
  return text + ")";
}

RunFolderContents inspect_run_folder(const std::string& folder) {
  RunFolderContents contents;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return contents;
  bool pipeline = false;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (is_candidate_folder(entry)) {
      contents.files.push_back(name + "/");
    } else if (is_run_file(name)) {
      contents.files.push_back(name);
      pipeline = pipeline || name == "pipeline.cfg" || name == "candidates.csv";
    }
  }
  std::sort(contents.files.begin(), contents.files.end());
  if (!contents.files.empty())
    contents.holds = pipeline ? RunFolderContents::Holds::Pipeline : RunFolderContents::Holds::Run;
  return contents;
}

std::string free_run_folder(const std::string& folder) {
  if (inspect_run_folder(folder).holds == RunFolderContents::Holds::Nothing) return folder;
  std::string base = fs::path(folder).lexically_normal().string();
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  for (int n = 2;; ++n) {
    const std::string candidate = base + "-" + std::to_string(n);
    std::error_code ec;
    if (!fs::exists(candidate, ec) || inspect_run_folder(candidate).holds == RunFolderContents::Holds::Nothing)
      return candidate;
  }
}

void clear_run_folder(const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  std::vector<fs::path> doomed;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (is_candidate_folder(entry) || is_run_file(entry.path().filename().string())) doomed.push_back(entry.path());
  for (const auto& path : doomed) {
    std::error_code removed;
    if (fs::is_directory(path, removed)) {
      clear_run_folder(path.string());  // a candidate's own run files; anything else the user put there stays
      fs::remove(path, removed);        // only when now empty
      removed.clear();
    } else {
      fs::remove(path, removed);
    }
    if (removed)
      throw ConfigError(path.string() + ": cannot remove the earlier run's file (" + removed.message() + ")");
  }
}

FolderInUse::FolderInUse(std::string folder, RunFolderContents contents)
    : ConfigError(folder + ": holds " + contents.describe() + " already; continue it, replace it, or train into " +
                  "another folder (" + free_run_folder(folder) + " is free)"),
      folder_(std::move(folder)),
      contents_(std::move(contents)) {}

void claim_run_folder(const std::string& folder, bool replace) {
  auto contents = inspect_run_folder(folder);
  if (contents.holds == RunFolderContents::Holds::Nothing) return;
  if (!replace) throw FolderInUse(folder, std::move(contents));
  clear_run_folder(folder);
}

}  // namespace fvae
