#pragma once
// The command line of a `factorvae` mode: GNU-style long options (--name value, --name=value, flags), positional
// arguments and --help. Qt-free, so that the headless build (FACTORVAE_WITH_QT=OFF) parses exactly as the full one.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace fvae::cli {

struct Option {
  Option(std::string name_, std::string help_, std::string value_name_ = {}, std::string default_value_ = {})
      : name(std::move(name_)),
        help(std::move(help_)),
        value_name(std::move(value_name_)),
        default_value(std::move(default_value_)) {}
  std::string name;           // without the leading dashes
  std::string help;           // one line, wrapped when printed
  std::string value_name;     // empty: a flag without a value
  std::string default_value;  // what value() gives when the option is not on the command line
};

class OptionParser {
 public:
  void add_option(Option option);
  void add_options(std::initializer_list<Option> options);
  // Documents the positional arguments in the help (`syntax` as shown in the usage line, e.g. "[file…]").
  void add_positional(std::string name, std::string help, std::string syntax);

  // Parses `arguments` (the mode's name first). Prints the help and exits with 0 on --help; prints the problem and
  // exits with 1 on an unknown option or a missing value, as OptionParser::process does.
  void process(const std::vector<std::string>& arguments, const std::string& description);

  bool has_option(const std::string& name) const { return find(name) != nullptr; }
  bool is_set(const std::string& name) const;                      // given on the command line
  std::string value(const std::string& name) const;                // the last value given, else the default
  std::vector<std::string> values(const std::string& name) const;  // every value given, in order
  const std::vector<std::string>& positional() const { return positional_; }
  std::string help_text(const std::string& usage_name, const std::string& description) const;

 private:
  const Option* find(const std::string& name) const;

  std::vector<Option> options_;
  std::vector<std::pair<std::string, std::string>> given_;  // name, value (empty for flags), in order
  std::vector<std::string> positional_;
  std::vector<Option> positional_help_;  // name, help, syntax (in value_name)
};

}  // namespace fvae::cli
