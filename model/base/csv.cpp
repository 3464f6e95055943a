#include "model/base/csv.h"

#include <stdexcept>

#include "model/base/atomic_file.h"

namespace fvae {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string row;
  for (size_t i = 0; i < fields.size(); ++i) row += (i ? "," : "") + csv_field(fields[i]);
  return row + "\n";
}

CsvTable::CsvTable(std::vector<std::string> header) : columns_(header.size()), text_(csv_row(header)) {}

void CsvTable::add_row(const std::vector<std::string>& fields) {
  if (fields.size() != columns_)
    throw std::invalid_argument("a CSV row of " + std::to_string(fields.size()) + " fields in a table of " +
                                std::to_string(columns_) + " columns");
  text_ += csv_row(fields);
}

void CsvTable::write(const std::string& path) const { write_file_atomically(path, text_); }

}  // namespace fvae
