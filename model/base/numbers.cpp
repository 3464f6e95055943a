#include "model/base/numbers.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <system_error>

namespace fvae {

namespace {

std::string special(double value) {
  if (std::isnan(value)) return "nan";
  return value < 0 ? "-inf" : "inf";
}

template <typename... Format>
std::string to_text(double value, Format... format) {
  if (!std::isfinite(value)) return special(value);
  char buffer[400];  // "%.*f" of 1e308 with a few decimals fits
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, format...);
  if (ec != std::errc()) return special(value);  // cannot happen for finite values in this buffer
  return std::string(buffer, end);
}

template <typename T>
std::optional<T> parse_whole(std::string_view text) {
  if (text.empty()) return std::nullopt;
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string format_number(double value) { return to_text(value); }

std::string format_fixed(double value, int decimals) { return to_text(value, std::chars_format::fixed, decimals); }

std::string format_general(double value, int significant_digits) {
  return to_text(value, std::chars_format::general, significant_digits);
}

std::optional<double> parse_double(std::string_view text) { return parse_whole<double>(text); }
std::optional<int64_t> parse_int64(std::string_view text) { return parse_whole<int64_t>(text); }
std::optional<uint64_t> parse_uint64(std::string_view text) { return parse_whole<uint64_t>(text); }

void keep_c_numeric_locale() { std::setlocale(LC_NUMERIC, "C"); }

}  // namespace fvae
