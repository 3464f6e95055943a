#pragma once
// The include check of the layers (cmake/layers.txt states the rules; the build runs this on every build). It reads
// every spelling of an include (quoted or angled, relative or from the project root, "# include" with spaces),
// resolves it to a project file where it names one, and follows project headers to see which outside libraries
// (LibTorch, Qt, protobuf) a file brings in, however indirectly.

#include <string>
#include <vector>

namespace layer_check {

struct Rule {
  std::string pattern;               // a folder ("model/nn") or a file pattern with one '*' ("model/io/*_qt.cpp")
  std::vector<std::string> allowed;  // project folders ("model/base/") or headers, and families ("torch", "qt")
  int line = 0;                      // in the rules file
};

struct Violation {
  std::string file;  // relative to the project root
  int line = 0;
  std::string message;
};

// Reads the rules; throws std::runtime_error naming the file and line of a malformed one.
std::vector<Rule> read_rules(const std::string& path);

// Checks every .h/.cpp below the rules' folders in `root`. `rules_name` is how messages name the rules.
std::vector<Violation> check(const std::string& root, const std::vector<Rule>& rules,
                             const std::string& rules_name = "cmake/layers.txt");

}  // namespace layer_check
