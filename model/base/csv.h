#pragma once
// The one CSV writer (RFC 4180): a field holding a comma, a quote or a line break is quoted, its quotes doubled;
// numbers are written locale-free (model/base/numbers.h). losses.csv, the response tables and candidates.csv use it.

#include <string>
#include <vector>

namespace fvae {

std::string csv_field(const std::string& text);
std::string csv_row(const std::vector<std::string>& fields);  // the fields and a "\n"

class CsvTable {
 public:
  explicit CsvTable(std::vector<std::string> header);
  void add_row(const std::vector<std::string>& fields);  // throws std::invalid_argument when the count differs
  const std::string& text() const { return text_; }
  void write(const std::string& path) const;  // atomically (model/base/atomic_file.h)

 private:
  size_t columns_;
  std::string text_;
};

}  // namespace fvae
