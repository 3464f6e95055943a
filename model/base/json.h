#pragma once
// A small JSON reader and writer (RFC 8259) of our own, for the safetensors header and machine-readable reports:
// strict (no comments, no trailing commas, no duplicate keys), bounded (nesting depth, no allocation beyond the text's
// own size), locale-free numbers. Numbers keep their text, so that integers up to 2^64 read back exactly.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fvae {

// A malformed text: the message says what and at which byte.
class JsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JsonValue {
 public:
  enum class Type { Null, Bool, Number, String, Array, Object };

  JsonValue() = default;
  static JsonValue boolean(bool value);
  static JsonValue number(double value);  // non-finite values become null
  static JsonValue integer(int64_t value);
  static JsonValue string(std::string value);
  static JsonValue array(std::vector<JsonValue> items = {});
  static JsonValue object();

  Type type() const { return type_; }
  bool is(Type t) const { return type_ == t; }
  bool as_bool() const { return boolean_; }
  const std::string& as_string() const { return text_; }  // a string's value, a number's text
  std::optional<double> as_double() const;                // numbers only
  std::optional<int64_t> as_int64() const;                // integral numbers in range only
  std::optional<uint64_t> as_uint64() const;
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }
  const JsonValue* find(const std::string& key) const;  // an object's member, or null

  JsonValue& push(JsonValue item);                          // to an array
  JsonValue& set(const std::string& key, JsonValue value);  // an object's member, replaced or added in order

 private:
  friend class JsonParser;
  Type type_ = Type::Null;
  bool boolean_ = false;
  std::string text_;
  std::vector<JsonValue> items_;
  std::vector<std::pair<std::string, JsonValue>> members_;
};

// Throws JsonError for anything but exactly one JSON value (surrounding white space allowed).
JsonValue parse_json(std::string_view text, int max_depth = 64);
// Compact with indent 0, else one member or item a line.
std::string write_json(const JsonValue& value, int indent = 2);

}  // namespace fvae
