#include "app/cli/options.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace fvae::cli {

namespace {

// `text` wrapped to lines of at most `width` characters, every line but the first indented by `indent`.
std::string wrap(const std::string& text, size_t indent, size_t width) {
  std::string out, line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line;
}

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::exit(1);
}

}  // namespace

void OptionParser::add_option(Option option) {
  if (find(option.name)) throw std::logic_error("option --" + option.name + " added twice");
  options_.push_back(std::move(option));
}

void OptionParser::add_options(std::initializer_list<Option> options) {
  for (const auto& option : options) add_option(option);
}

void OptionParser::add_positional(std::string name, std::string help, std::string syntax) {
  positional_help_.push_back({std::move(name), std::move(help), std::move(syntax), ""});
}

std::vector<std::string> OptionParser::values(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [given, value] : given_)
    if (given == name) out.push_back(value);
  return out;
}

const Option* OptionParser::find(const std::string& name) const {
  for (const auto& option : options_)
    if (option.name == name) return &option;
  return nullptr;
}

void OptionParser::process(const std::vector<std::string>& arguments, const std::string& description) {
  const std::string usage_name = arguments.empty() ? "factorvae" : arguments[0];
  bool options_ended = false;
  for (size_t i = 1; i < arguments.size(); ++i) {
    const std::string& a = arguments[i];
    if (options_ended || a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_ended = true;
      continue;
    }
    if (a == "-h" || a == "--help" || a == "--help-all") {
      std::fputs(help_text(usage_name, description).c_str(), stdout);
      std::exit(0);
    }
    if (a.compare(0, 2, "--") != 0) fail("Unknown option '" + a.substr(1) + "'.");
    const size_t equals = a.find('=');
    const std::string name = a.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    const Option* option = find(name);
    if (!option) fail("Unknown option '" + name + "'.");
    if (option->value_name.empty()) {
      if (equals != std::string::npos) fail("Unexpected value after '--" + name + "'.");
      given_.emplace_back(name, "");
    } else if (equals != std::string::npos) {
      given_.emplace_back(name, a.substr(equals + 1));
    } else {
      if (i + 1 >= arguments.size()) fail("Missing value after '--" + name + "'.");
      given_.emplace_back(name, arguments[++i]);
    }
  }
}

bool OptionParser::is_set(const std::string& name) const {
  for (const auto& [given, value] : given_)
    if (given == name) return true;
  return false;
}

std::string OptionParser::value(const std::string& name) const {
  const Option* option = find(name);
  if (!option) throw std::logic_error("no option --" + name);
  for (auto it = given_.rbegin(); it != given_.rend(); ++it)
    if (it->first == name) return it->second;
  return option->default_value;
}

std::string OptionParser::help_text(const std::string& usage_name, const std::string& description) const {
  constexpr size_t kColumn = 30, kWidth = 118;
  std::string usage = "Usage: " + usage_name + " [options]";
  for (const auto& p : positional_help_) usage += " " + p.value_name;
  std::string text = usage + "\n" + wrap(description, 0, kWidth) + "\n\nOptions:\n";
  std::vector<Option> all = options_;
  all.push_back({"help", "Displays help on commandline options.", "", ""});
  for (const auto& option : all) {
    std::string head = "  --" + option.name + (option.value_name.empty() ? "" : " <" + option.value_name + ">");
    head += head.size() + 2 <= kColumn ? std::string(kColumn - head.size(), ' ') : "\n" + std::string(kColumn, ' ');
    text += head + wrap(option.help, kColumn, kWidth - kColumn) + "\n";
  }
  if (!positional_help_.empty()) text += "\nArguments:\n";
  for (const auto& p : positional_help_) {
    std::string head = "  " + p.name;
    head += head.size() + 2 <= kColumn ? std::string(kColumn - head.size(), ' ') : "\n" + std::string(kColumn, ' ');
    text += head + wrap(p.help, kColumn, kWidth - kColumn) + "\n";
  }
  return text;
}

}  // namespace fvae::cli
