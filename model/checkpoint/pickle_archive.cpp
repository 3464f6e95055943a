#include "model/checkpoint/pickle_archive.h"

#include <cstring>
#include <limits>

namespace fvae::pickle {

std::unordered_map<std::string, ZipEntry> read_zip(const Bytes& b) {
  constexpr uint32_t kEndOfDirectory = 0x06054b50, kDirectoryEntry = 0x02014b50, kLocalHeader = 0x04034b50;
  constexpr uint32_t kZip64Locator = 0x07064b50, kZip64End = 0x06064b50;
  if (b.size() < 22) b.fail("truncated: too short for a zip archive");
  uint64_t end = b.size() - 22;
  const uint64_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
  while (b.at<uint32_t>(end, "the archive's end record") != kEndOfDirectory) {
    if (end == lowest) b.fail("truncated or damaged archive: no end-of-directory record");
    --end;
  }
  uint64_t count = b.at<uint16_t>(end + 10, "the end record");
  uint64_t directory = b.at<uint32_t>(end + 16, "the end record");
  if ((count == 0xffff || directory == 0xffffffff) && end >= 20 &&
      b.at<uint32_t>(end - 20, "the zip64 locator") == kZip64Locator) {
    const uint64_t end64 = b.at<uint64_t>(end - 12, "the zip64 locator");
    if (b.at<uint32_t>(end64, "the zip64 end record") != kZip64End) b.fail("damaged archive: bad zip64 end record");
    count = b.at<uint64_t>(end64 + 32, "the zip64 end record");
    directory = b.at<uint64_t>(end64 + 48, "the zip64 end record");
  }
  if (count > 100000) b.fail("damaged archive: claims " + std::to_string(count) + " entries");
  std::unordered_map<std::string, ZipEntry> entries;
  uint64_t at = directory;
  for (uint64_t i = 0; i < count; ++i) {
    if (b.at<uint32_t>(at, "a directory entry") != kDirectoryEntry) b.fail("damaged archive: bad directory entry");
    const auto method = b.at<uint16_t>(at + 10, "a directory entry");
    const auto crc = b.at<uint32_t>(at + 16, "a directory entry");
    uint64_t compressed = b.at<uint32_t>(at + 20, "a directory entry");
    uint64_t size = b.at<uint32_t>(at + 24, "a directory entry");
    const auto name_size = b.at<uint16_t>(at + 28, "a directory entry");
    const auto extra_size = b.at<uint16_t>(at + 30, "a directory entry");
    const auto comment_size = b.at<uint16_t>(at + 32, "a directory entry");
    uint64_t local = b.at<uint32_t>(at + 42, "a directory entry");
    const std::string name(b.span(at + 46, name_size, "an entry name"), name_size);
    // Zip64 sizes and offset, in that order, for the fields that overflowed.
    for (uint64_t x = at + 46 + name_size, x_end = x + extra_size; x + 4 <= x_end;) {
      const auto id = b.at<uint16_t>(x, "an extra field");
      const auto length = b.at<uint16_t>(x + 2, "an extra field");
      if (id == 0x0001) {
        uint64_t p = x + 4;
        if (size == 0xffffffff) size = b.at<uint64_t>(p, "a zip64 field"), p += 8;
        if (compressed == 0xffffffff) compressed = b.at<uint64_t>(p, "a zip64 field"), p += 8;
        if (local == 0xffffffff) local = b.at<uint64_t>(p, "a zip64 field");
      }
      x += 4 + length;
    }
    at += 46 + name_size + extra_size + comment_size;
    // LibTorch compresses the TorchScript sources, which are never read here; the pickle and the tensor data are
    // stored, and only those are used.
    if (method != 0) continue;
    if (compressed != size) b.fail("damaged archive: entry '" + name + "' has two sizes");
    if (b.at<uint32_t>(local, "a local header") != kLocalHeader)
      b.fail("damaged archive: bad local header of '" + name + "'");
    const uint64_t data =
        local + 30 + b.at<uint16_t>(local + 26, "a local header") + b.at<uint16_t>(local + 28, "a local header");
    const char* p = b.span(data, size, ("the data of '" + name + "'").c_str());
    if (crc32(p, static_cast<size_t>(size)) != crc) b.fail("entry '" + name + "' is damaged (checksum mismatch)");
    entries[name] = {p, size};
  }
  return entries;
}

namespace {

class Unpickler {
 public:
  Unpickler(const Bytes& b, const char* p, const char* end, Dialect dialect)
      : b_(b), p_(p), end_(end), dialect_(dialect) {}

  const char* position() const { return p_; }

  Ref run() {
    for (;;) {
      if (p_ >= end_) b_.fail("damaged: the pickled state ends without a STOP");
      const auto op = static_cast<uint8_t>(*p_++);
      if (step(op)) {
        if (stack_.size() != 1 || !marks_.empty()) b_.fail("damaged: the pickled state does not end cleanly");
        return stack_.back();
      }
    }
  }

 private:
  bool lenient() const { return dialect_ == Dialect::TorchSave; }
  [[noreturn]] void unexpected(uint8_t op) const {
    b_.fail(lenient() ? "damaged or not a PyTorch file: unknown pickle instruction " + std::to_string(op)
                      : "damaged or not written by FactorVAE Studio: unexpected pickle instruction " +
                            std::to_string(op));
  }

  // One instruction; true at STOP.
  bool step(uint8_t op) {
    switch (op) {
      case 0x80:  // PROTO
        if (u<uint8_t>() > (lenient() ? 5 : 2)) b_.fail("damaged: unsupported pickle protocol");
        return false;
      case 0x95:  // FRAME (protocol 4): only a length hint
        if (!lenient()) unexpected(op);
        take(8);
        return false;
      case 'c': {  // GLOBAL module\nname\n
        auto g = make(Value::Kind::Global);
        const std::string module = line();  // two statements: the operands of + are unsequenced
        g->text = module + "." + line();
        push(g);
        return false;
      }
      case 0x93: {  // STACK_GLOBAL
        if (!lenient()) unexpected(op);
        auto name = pop(), module = pop();
        if (name->kind != Value::Kind::String || module->kind != Value::Kind::String)
          b_.fail("damaged: malformed class name in the pickled state");
        auto g = make(Value::Kind::Global);
        g->text = module->text + "." + name->text;
        push(g);
        return false;
      }
      case 'q':  // BINPUT
        memo(u<uint8_t>()) = top();
        return false;
      case 'r':  // LONG_BINPUT
        memo(u<uint32_t>()) = top();
        return false;
      case 0x94:  // MEMOIZE
        if (!lenient()) unexpected(op);
        memo(next_memo_) = top();
        return false;
      case 'h':  // BINGET
        push(recall(u<uint8_t>()));
        return false;
      case 'j':  // LONG_BINGET
        push(recall(u<uint32_t>()));
        return false;
      case ')':
        push(make(Value::Kind::Tuple));
        return false;
      case '}':
        push(make(Value::Kind::Dict));
        return false;
      case ']':  // EMPTY_LIST
      case 0x8f:  // EMPTY_SET
        if (!lenient()) unexpected(op);
        push(make(Value::Kind::List));
        return false;
      case '(':
        marks_.push_back(stack_.size());
        return false;
      case 'X':  // BINUNICODE
        push(text(Value::Kind::String, u<uint32_t>()));
        return false;
      case 0x8c:  // SHORT_BINUNICODE
      case 'U':   // SHORT_BINSTRING (Python 2's str)
        if (!lenient()) unexpected(op);
        push(text(Value::Kind::String, u<uint8_t>()));
        return false;
      case 'T':  // BINSTRING
        if (!lenient()) unexpected(op);
        push(text(Value::Kind::String, u<uint32_t>()));
        return false;
      case 0x8d:  // BINUNICODE8
      case 0x8e:  // BINBYTES8
        if (!lenient()) unexpected(op);
        push(text(op == 0x8d ? Value::Kind::String : Value::Kind::Bytes, u<uint64_t>()));
        return false;
      case 'C':  // SHORT_BINBYTES
        if (!lenient()) unexpected(op);
        push(text(Value::Kind::Bytes, u<uint8_t>()));
        return false;
      case 'B':  // BINBYTES
        if (!lenient()) unexpected(op);
        push(text(Value::Kind::Bytes, u<uint32_t>()));
        return false;
      case 't': {  // TUPLE
        auto t = make(Value::Kind::Tuple);
        const size_t mark = pop_mark();
        t->items.assign(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
        stack_.resize(mark);
        push(t);
        return false;
      }
      case 0x85:
      case 0x86:
      case 0x87: {  // TUPLE1, TUPLE2, TUPLE3
        const size_t n = op - 0x84u;
        need(n);
        auto t = make(Value::Kind::Tuple);
        t->items.assign(stack_.end() - static_cast<std::ptrdiff_t>(n), stack_.end());
        stack_.resize(stack_.size() - n);
        push(t);
        return false;
      }
      case 'J':  // BININT
        push(integer(static_cast<int32_t>(u<uint32_t>())));
        return false;
      case 'K':  // BININT1
        push(integer(u<uint8_t>()));
        return false;
      case 'M':  // BININT2
        push(integer(u<uint16_t>()));
        return false;
      case 0x8a: {  // LONG1: little-endian two's complement
        if (!lenient()) unexpected(op);
        const auto n = u<uint8_t>();
        const char* d = take(n);
        if (n > 8) {
          auto big = make(Value::Kind::BigInt);
          big->text.assign(d, n);
          push(big);
          return false;
        }
        uint64_t v = 0;
        for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(d[i])) << (8 * i);
        if (n > 0 && n < 8 && (static_cast<uint8_t>(d[n - 1]) & 0x80)) v |= ~uint64_t{0} << (8 * n);
        push(integer(static_cast<int64_t>(v)));
        return false;
      }
      case 'G': {  // BINFLOAT, big-endian
        uint64_t bits = 0;
        const char* d = take(8);
        for (int i = 0; i < 8; ++i) bits = bits << 8 | static_cast<uint8_t>(d[i]);
        auto f = make(Value::Kind::Float);
        std::memcpy(&f->real, &bits, sizeof bits);
        push(f);
        return false;
      }
      case 0x88:
      case 0x89: {  // NEWTRUE, NEWFALSE
        auto v = make(Value::Kind::Bool);
        v->boolean = op == 0x88;
        push(v);
        return false;
      }
      case 'N':
        push(make(Value::Kind::None));
        return false;
      case '0':  // POP
        if (!lenient()) unexpected(op);
        pop();
        return false;
      case '1':  // POP_MARK
        if (!lenient()) unexpected(op);
        stack_.resize(pop_mark());
        return false;
      case '2':  // DUP
        if (!lenient()) unexpected(op);
        push(top());
        return false;
      case 'Q':  // BINPERSID
        push(storage(pop()));
        return false;
      case 'R': {  // REDUCE
        auto args = pop(), callable = pop();
        push(reduce(callable, args));
        return false;
      }
      case 0x81: {  // NEWOBJ
        auto args = pop(), cls = pop();
        if (lenient()) {
          if (cls->kind != Value::Kind::Global || args->kind != Value::Kind::Tuple)
            b_.fail("damaged: malformed object in the pickled state");
          push(opaque(cls->text, args));
          return false;
        }
        if (cls->kind != Value::Kind::Global || cls->text.rfind("__torch__.", 0) != 0 ||
            args->kind != Value::Kind::Tuple || !args->items.empty())
          b_.fail("damaged: an object of an unexpected class in the pickled state");
        auto o = make(Value::Kind::Object);
        o->text = cls->text;
        push(o);
        return false;
      }
      case 0x92: {  // NEWOBJ_EX
        if (!lenient()) unexpected(op);
        auto kwargs = pop(), args = pop(), cls = pop();
        if (cls->kind != Value::Kind::Global) b_.fail("damaged: malformed object in the pickled state");
        push(opaque(cls->text, args));
        return false;
      }
      case 'u': {  // SETITEMS
        const size_t mark = pop_mark();
        if (mark == 0 || (stack_.size() - mark) % 2 != 0) b_.fail("damaged: malformed dictionary in the pickled state");
        auto& dict = stack_[mark - 1];
        if (!holds_items(*dict)) b_.fail("damaged: items set on something that is not a dictionary");
        for (size_t i = mark; i < stack_.size(); i += 2) dict->entries.emplace_back(stack_[i], stack_[i + 1]);
        stack_.resize(mark);
        return false;
      }
      case 's': {  // SETITEM
        if (!lenient()) unexpected(op);
        auto value = pop(), key = pop();
        if (!holds_items(*top())) b_.fail("damaged: an item set on something that is not a dictionary");
        top()->entries.emplace_back(key, value);
        return false;
      }
      case 'e':     // APPENDS
      case 0x90: {  // ADDITEMS
        if (!lenient()) unexpected(op);
        const size_t mark = pop_mark();
        if (mark == 0) b_.fail("damaged: malformed list in the pickled state");
        auto& list = stack_[mark - 1];
        if (list->kind != Value::Kind::List && list->kind != Value::Kind::Object)
          b_.fail("damaged: items appended to something that is not a list");
        list->items.insert(list->items.end(), stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
        stack_.resize(mark);
        return false;
      }
      case 'a': {  // APPEND
        if (!lenient()) unexpected(op);
        auto value = pop();
        if (top()->kind != Value::Kind::List && top()->kind != Value::Kind::Object)
          b_.fail("damaged: an item appended to something that is not a list");
        top()->items.push_back(value);
        return false;
      }
      case 0x91: {  // FROZENSET
        if (!lenient()) unexpected(op);
        auto s = make(Value::Kind::List);
        const size_t mark = pop_mark();
        s->items.assign(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
        stack_.resize(mark);
        push(s);
        return false;
      }
      case 'b': {  // BUILD
        auto state = pop();
        auto& object = top();
        if (lenient()) {
          // An object's __setstate__ is never called: a dict state becomes its attributes, any other is kept aside.
          if (object->kind == Value::Kind::Object && state->kind == Value::Kind::Dict)
            object->entries.insert(object->entries.end(), state->entries.begin(), state->entries.end());
          else if (object->kind == Value::Kind::Object)
            object->items.push_back(state);
          return false;
        }
        if (object->kind != Value::Kind::Object || state->kind != Value::Kind::Dict || !object->entries.empty())
          b_.fail("damaged: malformed object state in the pickled state");
        object->entries = state->entries;
        return false;
      }
      case '.':  // STOP
        return true;
      default:
        unexpected(op);
    }
  }

  template <typename T>
  T u() {
    const char* d = take(sizeof(T));
    uint64_t v = 0;
    for (size_t i = 0; i < sizeof(T); ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(d[i])) << (8 * i);
    return static_cast<T>(v);
  }
  const char* take(uint64_t n) {
    if (n > static_cast<uint64_t>(end_ - p_)) b_.fail("truncated: the pickled state ends inside a value");
    const char* d = p_;
    p_ += n;
    return d;
  }
  Ref text(Value::Kind kind, uint64_t n) {
    auto s = make(kind);
    const char* d = take(n);
    s->text.assign(d, static_cast<size_t>(n));
    return s;
  }
  std::string line() {
    const char* start = p_;
    while (p_ < end_ && *p_ != '\n' && p_ - start < 256) ++p_;
    if (p_ >= end_ || *p_ != '\n') b_.fail("damaged: malformed name in the pickled state");
    return std::string(start, static_cast<size_t>(p_++ - start));
  }
  static Ref integer(int64_t v) {
    auto i = make(Value::Kind::Int);
    i->integer = v;
    return i;
  }
  static bool holds_items(const Value& v) { return v.kind == Value::Kind::Dict || v.kind == Value::Kind::Object; }
  static Ref opaque(const std::string& what, const Ref& args) {
    auto o = make(Value::Kind::Object);
    o->text = what;
    o->items = args->items;
    return o;
  }
  void push(Ref v) {
    if (stack_.size() > 1000000) b_.fail("damaged: the pickled state is too deep");
    stack_.push_back(std::move(v));
  }
  void need(size_t n) const {
    const size_t floor = marks_.empty() ? 0 : marks_.back();
    if (stack_.size() < floor + n) b_.fail("damaged: the pickled state takes a value that is not there");
  }
  Ref& top() {
    need(1);
    return stack_.back();
  }
  Ref pop() {
    need(1);
    Ref v = stack_.back();
    stack_.pop_back();
    return v;
  }
  size_t pop_mark() {
    if (marks_.empty()) b_.fail("damaged: the pickled state closes a group it never opened");
    const size_t mark = marks_.back();
    marks_.pop_back();
    return mark;
  }
  Ref& memo(uint32_t index) {
    if (index > 10000000) b_.fail("damaged: memo index out of range");
    next_memo_ = std::max(next_memo_, index + 1);
    return memo_[index];
  }
  Ref recall(uint32_t index) {
    auto it = memo_.find(index);
    if (it == memo_.end() || !it->second) b_.fail("damaged: the pickled state refers to a value it never stored");
    return it->second;
  }

  // ('storage', torch.<Type>Storage, key, location, numel), and in torch.save's stream format (before PyTorch 1.6) a
  // sixth element, the view of a shared storage (None for all but views).
  Ref storage(const Ref& id) {
    const auto& t = id->items;
    const bool stream_format = lenient() && t.size() == 6;
    if (id->kind != Value::Kind::Tuple || (t.size() != 5 && !stream_format) || t[0]->kind != Value::Kind::String ||
        t[0]->text != "storage" || t[1]->kind != Value::Kind::Global || t[2]->kind != Value::Kind::String ||
        t[4]->kind != Value::Kind::Int)
      b_.fail("damaged: malformed tensor storage reference");
    if (stream_format && t[5]->kind != Value::Kind::None)
      b_.fail("unsupported: a tensor stored as a view of a shared storage (PyTorch before 0.4)");
    static const std::pair<const char*, torch::ScalarType> types[] = {
        {"torch.FloatStorage", torch::kFloat}, {"torch.DoubleStorage", torch::kDouble},
        {"torch.HalfStorage", torch::kHalf},   {"torch.BFloat16Storage", torch::kBFloat16},
        {"torch.LongStorage", torch::kLong},   {"torch.IntStorage", torch::kInt},
        {"torch.ShortStorage", torch::kShort}, {"torch.CharStorage", torch::kChar},
        {"torch.ByteStorage", torch::kUInt8},  {"torch.BoolStorage", torch::kBool}};
    auto s = make(Value::Kind::Storage);
    bool known = false;
    for (const auto& [name, type] : types)
      if (t[1]->text == name) s->dtype = type, known = true;
    if (!known) b_.fail("unsupported tensor storage type '" + t[1]->text + "'");
    if (t[4]->integer < 0) b_.fail("damaged: negative storage size");
    s->text = t[2]->text;
    s->numel = t[4]->integer;
    return s;
  }

  Ref reduce(const Ref& callable, const Ref& args) {
    if (callable->kind != Value::Kind::Global || args->kind != Value::Kind::Tuple)
      b_.fail("damaged: malformed call in the pickled state");
    const auto& a = args->items;
    if (callable->text == "collections.OrderedDict") {
      if (!a.empty() && !lenient()) b_.fail("damaged: malformed OrderedDict");
      return make(Value::Kind::Dict);
    }
    // torch.nn.Parameter: (tensor, requires_grad, hooks[, state])
    if (lenient() && (callable->text == "torch._utils._rebuild_parameter" ||
                      callable->text == "torch._utils._rebuild_parameter_with_state")) {
      if (a.empty() || a[0]->kind != Value::Kind::Tensor) b_.fail("damaged: malformed parameter in the pickled state");
      return a[0];
    }
    if (callable->text != "torch._utils._rebuild_tensor_v2") {
      if (lenient()) return opaque(callable->text, args);  // kept, never called
      b_.fail("damaged or not written by FactorVAE Studio: the pickled state calls '" + callable->text + "'");
    }
    // (storage, offset, sizes, strides, requires_grad, backward hooks[, metadata])
    if ((a.size() != 6 && !(lenient() && a.size() == 7)) || a[0]->kind != Value::Kind::Storage ||
        a[1]->kind != Value::Kind::Int || a[2]->kind != Value::Kind::Tuple || a[3]->kind != Value::Kind::Tuple ||
        a[2]->items.size() != a[3]->items.size() || a[2]->items.size() > 8)
      b_.fail("damaged: malformed tensor in the pickled state");
    auto t = make(Value::Kind::Tensor);
    t->storage = a[0];
    t->dtype = a[0]->dtype;
    t->offset = a[1]->integer;
    int64_t last = t->offset;  // the highest element the view touches
    bool empty = false;
    for (size_t d = 0; d < a[2]->items.size(); ++d) {
      const auto& size = a[2]->items[d];
      const auto& stride = a[3]->items[d];
      if (size->kind != Value::Kind::Int || stride->kind != Value::Kind::Int || size->integer < 0 ||
          stride->integer < 0 || size->integer > (int64_t{1} << 40) || stride->integer > (int64_t{1} << 40))
        b_.fail("damaged: malformed tensor shape in the pickled state");
      t->sizes.push_back(size->integer);
      t->strides.push_back(stride->integer);
      if (size->integer == 0)
        empty = true;
      else
        last += (size->integer - 1) * stride->integer;
    }
    if (t->offset < 0 || (!empty && last >= t->storage->numel)) b_.fail("damaged: a tensor reaches beyond its storage");
    return t;
  }

  const Bytes& b_;
  const char* p_;
  const char* end_;
  Dialect dialect_;
  std::vector<Ref> stack_;
  std::vector<size_t> marks_;
  std::unordered_map<uint32_t, Ref> memo_;
  uint32_t next_memo_ = 0;
};

}  // namespace

Ref unpickle(const Bytes& b, const char*& p, const char* end, Dialect dialect) {
  Unpickler unpickler(b, p, end, dialect);
  Ref root = unpickler.run();
  p = unpickler.position();
  return root;
}

}  // namespace fvae::pickle
