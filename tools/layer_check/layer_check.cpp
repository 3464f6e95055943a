#include "layer_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace layer_check {
namespace {

struct Include {
  int line = 0;
  bool angled = false;
  std::string name;      // as written
  std::string resolved;  // the project file (relative to the root), or "" for an outside header
};

struct SourceFile {
  std::vector<Include> includes;
  std::vector<int> unreadable;  // lines of includes the check cannot read (#include MACRO)
};

// The outside library a header belongs to, or "" for the standard library and the system.
std::string family_of(const std::string& name) {
  static const std::regex torch(R"(^(torch|ATen|c10|caffe2)/.*)");
  static const std::regex qt(R"(^(Q[A-Za-z0-9]+|Qt[A-Za-z0-9]+/.*|q[a-z0-9_]+\.h)$)");
  static const std::regex protobuf(R"(^google/protobuf/.*)");
  if (std::regex_match(name, torch)) return "torch";
  if (std::regex_match(name, qt)) return "qt";
  if (std::regex_match(name, protobuf)) return "protobuf";
  return "";
}

std::string describe_family(const std::string& family) {
  if (family == "torch") return "LibTorch";
  if (family == "qt") return "Qt";
  return family;
}

bool is_family(const std::string& entry) { return entry.find('/') == std::string::npos && entry.find('.') == std::string::npos; }

std::string project_relative(const fs::path& path, const fs::path& root) {
  return path.lexically_normal().lexically_relative(root).generic_string();
}

class Checker {
 public:
  Checker(const std::string& root, const std::vector<Rule>& rules, std::string rules_name)
      : root_(fs::path(root).lexically_normal()), rules_(rules), rules_name_(std::move(rules_name)) {}

  std::vector<Violation> run() {
    std::set<std::string> files;
    for (const Rule& rule : rules_) {
      const std::string folder = rule.pattern.substr(0, rule.pattern.find('*'));
      const fs::path base = root_ / fs::path(folder).parent_path() / fs::path(folder).filename();
      const fs::path dir = fs::is_directory(base) ? base : base.parent_path();
      if (!fs::is_directory(dir)) continue;
      for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".h" || ext == ".cpp")) files.insert(project_relative(entry.path(), root_));
      }
    }
    for (const std::string& file : files) check_file(file);
    return violations_;
  }

 private:
  const Rule* rule_for(const std::string& file) const {
    const Rule* best = nullptr;
    size_t best_length = 0;
    for (const Rule& rule : rules_) {
      const std::string& p = rule.pattern;
      bool matches;
      const size_t star = p.find('*');
      if (star == std::string::npos) {
        matches = file.compare(0, p.size() + 1, p + "/") == 0 || file == p;
      } else {
        const std::string head = p.substr(0, star), tail = p.substr(star + 1);
        matches = file.size() >= head.size() + tail.size() && file.compare(0, head.size(), head) == 0 &&
                  file.compare(file.size() - tail.size(), tail.size(), tail) == 0 &&
                  file.find('/', head.size()) == std::string::npos;
      }
      if (matches && p.size() >= best_length) best = &rule, best_length = p.size();
    }
    return best;
  }

  const SourceFile& read(const std::string& file) {
    auto found = parsed_.find(file);
    if (found != parsed_.end()) return found->second;
    SourceFile& parsed = parsed_[file];
    std::ifstream in(root_ / file);
    static const std::regex directive(R"(^\s*#\s*include\b\s*(.*)$)");
    static const std::regex spelled(R"(^([<"])([^>"]+)[>"].*)");
    std::string text;
    int number = 0;
    bool in_comment = false;
    while (std::getline(in, text)) {
      ++number;
      if (in_comment) {  // an include inside a /* */ comment is no include
        const auto end = text.find("*/");
        if (end == std::string::npos) continue;
        text = text.substr(end + 2);
        in_comment = false;
      }
      const auto open = text.find("/*");
      if (open != std::string::npos && text.find("*/", open + 2) == std::string::npos) in_comment = true;
      std::smatch m;
      if (!std::regex_match(text, m, directive)) continue;
      const std::string rest = m[1];
      std::smatch s;
      if (!std::regex_match(rest, s, spelled)) {
        parsed.unreadable.push_back(number);
        continue;
      }
      Include inc;
      inc.line = number;
      inc.angled = s[1] == "<";
      inc.name = s[2];
      inc.resolved = resolve(file, inc);
      parsed.includes.push_back(inc);
    }
    return parsed;
  }

  std::string resolve(const std::string& from, const Include& inc) const {
    std::vector<fs::path> candidates;
    if (!inc.angled) candidates.push_back((root_ / from).parent_path() / inc.name);
    candidates.push_back(root_ / inc.name);
    for (const fs::path& c : candidates) {
      const fs::path normal = c.lexically_normal();
      const std::string rel = project_relative(normal, root_);
      if (rel.rfind("..", 0) == 0) continue;  // outside the project
      if (fs::is_regular_file(normal)) return rel;
    }
    return "";
  }

  // The outside headers a file brings in, itself or through the project headers it includes: family → the chain.
  const std::map<std::string, std::string>& families(const std::string& file) {
    auto found = families_.find(file);
    if (found != families_.end()) return found->second;
    auto& result = families_[file];  // empty while being computed: include cycles end here
    std::map<std::string, std::string> found_families;
    for (const Include& inc : read(file).includes) {
      const std::string where = file + ":" + std::to_string(inc.line);
      if (inc.resolved.empty()) {
        const std::string family = family_of(inc.name);
        if (!family.empty() && !found_families.count(family))
          found_families[family] = (inc.angled ? "<" : "\"") + inc.name + (inc.angled ? ">" : "\"") + " (" + where + ")";
      } else {
        for (const auto& [family, chain] : families(inc.resolved))
          if (!found_families.count(family)) found_families[family] = chain;
      }
    }
    result = std::move(found_families);
    return result;
  }

  void check_file(const std::string& file) {
    const Rule* rule = rule_for(file);
    if (!rule) return;
    std::set<std::string> allowed_families;
    for (const auto& a : rule->allowed)
      if (is_family(a)) allowed_families.insert(a);
    const std::string rule_text = "rule '" + rule->pattern + "' (" + rules_name_ + ":" + std::to_string(rule->line) + ")";
    const SourceFile& parsed = read(file);
    for (int line : parsed.unreadable)
      violations_.push_back({file, line, "an include the check cannot read (a macro?): write the header's name"});
    for (const Include& inc : parsed.includes) {
      const std::string written = (inc.angled ? "<" : "\"") + inc.name + (inc.angled ? ">" : "\"");
      if (inc.resolved.empty()) {
        const std::string family = family_of(inc.name);
        if (!family.empty() && !allowed_families.count(family))
          violations_.push_back({file, inc.line, "includes " + written + ": " + describe_family(family) +
                                                     " is not allowed here by the " + rule_text});
        continue;
      }
      bool ok = false;
      for (const auto& a : rule->allowed)
        if (!is_family(a) && (a.back() == '/' ? inc.resolved.compare(0, a.size(), a) == 0 : inc.resolved == a)) ok = true;
      if (!ok) {
        violations_.push_back({file, inc.line,
                               "includes " + written + (written.find(inc.resolved) == std::string::npos
                                                             ? " (" + inc.resolved + ")"
                                                             : "") +
                                   ": a layer above or beside this one; the " + rule_text + " allows only its own " +
                                   "folder and those below"});
        continue;
      }
      for (const auto& [family, chain] : families(inc.resolved))
        if (!allowed_families.count(family))
          violations_.push_back({file, inc.line, "includes " + written + ", which brings in " + chain + ": " +
                                                     describe_family(family) + " is not allowed here by the " +
                                                     rule_text});
    }
  }

  fs::path root_;
  const std::vector<Rule>& rules_;
  std::string rules_name_;
  std::map<std::string, SourceFile> parsed_;
  std::map<std::string, std::map<std::string, std::string>> families_;
  std::vector<Violation> violations_;
};

}  // namespace

std::vector<Rule> read_rules(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the rules");
  std::vector<Rule> rules;
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    text = text.substr(0, text.find('#'));
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto colon = text.find(':');
    if (colon == std::string::npos)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 'PATTERN: ALLOWED…'");
    Rule rule;
    rule.line = number;
    std::istringstream head(text.substr(0, colon)), tail(text.substr(colon + 1));
    head >> rule.pattern;
    for (std::string a; tail >> a;) rule.allowed.push_back(a);
    if (rule.pattern.empty() || std::count(rule.pattern.begin(), rule.pattern.end(), '*') > 1)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": a folder or a file pattern with one '*'");
    rules.push_back(rule);
  }
  return rules;
}

std::vector<Violation> check(const std::string& root, const std::vector<Rule>& rules, const std::string& rules_name) {
  return Checker(root, rules, rules_name).run();
}

}  // namespace layer_check
