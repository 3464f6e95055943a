#pragma once
// What a folder holds before a new run starts in it, so that no run is overwritten or continued without the user's
// word: the CLI refuses without --force or --resume, the GUI asks (continue it, a new folder, replace it).

#include <stdexcept>
#include <string>
#include <vector>

#include "model/base/config.h"

namespace fvae {

struct RunFolderContents {
  enum class Holds { Nothing, Run, Pipeline };
  Holds holds = Holds::Nothing;
  std::vector<std::string> files;  // what a run or pipeline wrote there (names in the folder)
  std::string describe() const;    // "a candidate pipeline (pipeline.cfg, candidates.csv, seed-1/ …)"
};

// Reads the folder's listing only (no checkpoint is opened). A folder that does not exist holds nothing.
RunFolderContents inspect_run_folder(const std::string& folder);

// A folder beside `folder` that holds no run: FOLDER-2, FOLDER-3, … (`folder` itself when it holds none).
std::string free_run_folder(const std::string& folder);

// Removes what a run or pipeline wrote in `folder` (its checkpoints, logs, table, settings and candidates' folders),
// nothing else the folder holds. Throws ConfigError naming what could not be removed.
void clear_run_folder(const std::string& folder);

// A new run was asked for in a folder that holds one, without the word to replace it.
class FolderInUse : public ConfigError {
 public:
  FolderInUse(std::string folder, RunFolderContents contents);
  const std::string& folder() const { return folder_; }
  const RunFolderContents& contents() const { return contents_; }

 private:
  std::string folder_;
  RunFolderContents contents_;
};

// Before a new run or pipeline writes into `folder`: nothing when it holds no run; with `replace`, what the earlier
// run wrote is removed; otherwise FolderInUse.
void claim_run_folder(const std::string& folder, bool replace);

}  // namespace fvae
