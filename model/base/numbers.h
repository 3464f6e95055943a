#pragma once
// Numbers in files, on command lines and in machine-readable output: always '.' as the decimal point, whatever the
// user's locale. std::to_chars/from_chars never look at the locale; printf, strtod, std::stod and
// std::to_string(double) follow the C library's LC_NUMERIC, which Qt sets from the environment when the application
// object is created (a German desktop then writes and expects "0,5").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fvae {

// The shortest text that reads back to exactly `value` ("0.317", "1e-05", "35"); "nan", "inf", "-inf" for those.
std::string format_number(double value);
// printf's "%.*f" and "%.*g" without the locale.
std::string format_fixed(double value, int decimals);
std::string format_general(double value, int significant_digits);

// The whole of `text` as a number: no leading or trailing spaces, no '+', no thousands separators, '.' as the decimal
// point. nullopt for anything else, for an integer out of range, and for a double that overflows. parse_double
// accepts "nan" and "inf" (callers that need a finite value check it).
std::optional<double> parse_double(std::string_view text);
std::optional<int64_t> parse_int64(std::string_view text);
std::optional<uint64_t> parse_uint64(std::string_view text);

// Sets the C library's LC_NUMERIC back to "C". Call right after creating a QCoreApplication (or any of its
// subclasses), which sets every category from the environment; keeps LibTorch and other libraries that print or
// parse through the C library locale-free too. Messages and dates still follow the user's locale.
void keep_c_numeric_locale();

}  // namespace fvae
