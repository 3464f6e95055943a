#include "model/base/json.h"

#include <cmath>

#include "model/base/numbers.h"

namespace fvae {

JsonValue JsonValue::boolean(bool value) {
  JsonValue v;
  v.type_ = Type::Bool;
  v.boolean_ = value;
  return v;
}

JsonValue JsonValue::number(double value) {
  JsonValue v;
  if (!std::isfinite(value)) return v;
  v.type_ = Type::Number;
  v.text_ = format_number(value);
  return v;
}

JsonValue JsonValue::integer(int64_t value) {
  JsonValue v;
  v.type_ = Type::Number;
  v.text_ = std::to_string(value);
  return v;
}

JsonValue JsonValue::string(std::string value) {
  JsonValue v;
  v.type_ = Type::String;
  v.text_ = std::move(value);
  return v;
}

JsonValue JsonValue::array(std::vector<JsonValue> items) {
  JsonValue v;
  v.type_ = Type::Array;
  v.items_ = std::move(items);
  return v;
}

JsonValue JsonValue::object() {
  JsonValue v;
  v.type_ = Type::Object;
  return v;
}

std::optional<double> JsonValue::as_double() const {
  if (type_ != Type::Number) return std::nullopt;
  return parse_double(text_);
}

std::optional<int64_t> JsonValue::as_int64() const {
  if (type_ != Type::Number) return std::nullopt;
  return parse_int64(text_);
}

std::optional<uint64_t> JsonValue::as_uint64() const {
  if (type_ != Type::Number) return std::nullopt;
  return parse_uint64(text_);
}

const JsonValue* JsonValue::find(const std::string& key) const {
  for (const auto& [name, value] : members_)
    if (name == key) return &value;
  return nullptr;
}

JsonValue& JsonValue::push(JsonValue item) {
  items_.push_back(std::move(item));
  return items_.back();
}

JsonValue& JsonValue::set(const std::string& key, JsonValue value) {
  for (auto& [name, existing] : members_)
    if (name == key) return existing = std::move(value);
  members_.emplace_back(key, std::move(value));
  return members_.back().second;
}

class JsonParser {
 public:
  JsonParser(std::string_view text, int max_depth) : s_(text), max_depth_(max_depth) {}

  JsonValue document() {
    skip_space();
    JsonValue v = value(0);
    skip_space();
    if (at_ != s_.size()) fail("text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError("malformed JSON at byte " + std::to_string(at_) + ": " + what);
  }
  void skip_space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\n' || s_[at_] == '\r')) ++at_;
  }
  bool take(char c) {
    if (at_ < s_.size() && s_[at_] == c) return ++at_, true;
    return false;
  }
  void expect(std::string_view word) {
    if (s_.substr(at_, word.size()) != word) fail("unexpected character");
    at_ += word.size();
  }

  JsonValue value(int depth) {
    if (depth > max_depth_) fail("nested deeper than " + std::to_string(max_depth_));
    if (at_ >= s_.size()) fail("the text ends where a value should be");
    const char c = s_[at_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return JsonValue::string(string_literal());
    if (c == 't') return expect("true"), JsonValue::boolean(true);
    if (c == 'f') return expect("false"), JsonValue::boolean(false);
    if (c == 'n') return expect("null"), JsonValue();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    fail("unexpected character");
  }

  JsonValue object(int depth) {
    JsonValue v = JsonValue::object();
    ++at_;
    skip_space();
    if (take('}')) return v;
    for (;;) {
      skip_space();
      if (at_ >= s_.size() || s_[at_] != '"') fail("a member's name should follow");
      std::string key = string_literal();
      if (v.find(key)) fail("duplicate member '" + key + "'");
      skip_space();
      if (!take(':')) fail("':' should follow a member's name");
      skip_space();
      v.members_.emplace_back(std::move(key), value(depth + 1));
      skip_space();
      if (take('}')) return v;
      if (!take(',')) fail("',' or '}' should follow a member");
    }
  }

  JsonValue array(int depth) {
    JsonValue v = JsonValue::array();
    ++at_;
    skip_space();
    if (take(']')) return v;
    for (;;) {
      skip_space();
      v.items_.push_back(value(depth + 1));
      skip_space();
      if (take(']')) return v;
      if (!take(',')) fail("',' or ']' should follow an item");
    }
  }

  JsonValue number() {
    const size_t start = at_;
    take('-');
    if (take('0')) {
    } else if (at_ < s_.size() && s_[at_] >= '1' && s_[at_] <= '9') {
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
    } else {
      fail("a digit should follow");
    }
    if (take('.')) {
      if (at_ >= s_.size() || s_[at_] < '0' || s_[at_] > '9') fail("a digit should follow '.'");
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
    }
    if (take('e') || take('E')) {
      if (!take('+')) take('-');
      if (at_ >= s_.size() || s_[at_] < '0' || s_[at_] > '9') fail("a digit should follow the exponent");
      while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') ++at_;
    }
    JsonValue v;
    v.type_ = JsonValue::Type::Number;
    v.text_ = std::string(s_.substr(start, at_ - start));
    return v;
  }

  static void append_utf8(std::string& out, uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  uint32_t hex4() {
    if (at_ + 4 > s_.size()) fail("the text ends inside a \\u escape");
    uint32_t code = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[at_++];
      code <<= 4;
      if (c >= '0' && c <= '9')
        code |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        code |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        code |= static_cast<uint32_t>(c - 'A' + 10);
      else
        fail("a hex digit should follow \\u");
    }
    return code;
  }

  std::string string_literal() {
    ++at_;  // the opening quote
    std::string out;
    for (;;) {
      if (at_ >= s_.size()) fail("the text ends inside a string");
      const char c = s_[at_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("a control character inside a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= s_.size()) fail("the text ends inside an escape");
      const char e = s_[at_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          uint32_t code = hex4();
          if (code >= 0xD800 && code < 0xDC00) {  // a surrogate pair
            if (!(take('\\') && take('u'))) fail("a lone high surrogate");
            const uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low one");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code < 0xE000) {
            fail("a lone low surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default:
          fail("an unknown escape");
      }
    }
  }

  std::string_view s_;
  size_t at_ = 0;
  int max_depth_;
};

JsonValue parse_json(std::string_view text, int max_depth) { return JsonParser(text, max_depth).document(); }

namespace {

void write_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void write(std::string& out, const JsonValue& v, int indent, int level) {
  auto newline = [&](int depth) {
    if (indent <= 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * depth), ' ');
  };
  switch (v.type()) {
    case JsonValue::Type::Null:
      out += "null";
      break;
    case JsonValue::Type::Bool:
      out += v.as_bool() ? "true" : "false";
      break;
    case JsonValue::Type::Number:
      out += v.as_string();
      break;
    case JsonValue::Type::String:
      write_string(out, v.as_string());
      break;
    case JsonValue::Type::Array: {
      out += '[';
      // Arrays of numbers stay on one line: KL per dimension, vote tables.
      bool flat = true;
      for (const auto& item : v.items()) flat &= item.is(JsonValue::Type::Number) || item.is(JsonValue::Type::Null);
      for (size_t i = 0; i < v.items().size(); ++i) {
        if (i) out += flat && indent > 0 ? ", " : ",";
        if (!flat) newline(level + 1);
        write(out, v.items()[i], indent, level + 1);
      }
      if (!flat && !v.items().empty()) newline(level);
      out += ']';
      break;
    }
    case JsonValue::Type::Object: {
      out += '{';
      for (size_t i = 0; i < v.members().size(); ++i) {
        if (i) out += ',';
        newline(level + 1);
        write_string(out, v.members()[i].first);
        out += indent > 0 ? ": " : ":";
        write(out, v.members()[i].second, indent, level + 1);
      }
      if (!v.members().empty()) newline(level);
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string write_json(const JsonValue& value, int indent) {
  std::string out;
  write(out, value, indent, 0);
  return out;
}

}  // namespace fvae
