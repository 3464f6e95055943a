#include "model/checkpoint/legacy_archive.h"

#include <cstring>
#include <limits>
#include <memory>
#include <unordered_map>

namespace fvae {

namespace {

// ---- zip: stored (uncompressed) entries, as LibTorch writes them ---------------------------------------------------

struct ZipEntry {
  const char* data = nullptr;
  uint64_t size = 0;
};

class Bytes {
 public:
  Bytes(const std::string& name, const std::string& bytes) : name_(name), bytes_(bytes) {}
  template <typename T>
  T at(uint64_t offset, const char* what) const {
    check(offset, sizeof(T), what);
    uint64_t v = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[static_cast<size_t>(offset + i)])) << (8 * i);
    return static_cast<T>(v);
  }
  const char* span(uint64_t offset, uint64_t size, const char* what) const {
    check(offset, size, what);
    return bytes_.data() + offset;
  }
  uint64_t size() const { return bytes_.size(); }
  [[noreturn]] void fail(const std::string& problem) const { throw RecordError(name_ + ": " + problem); }

 private:
  void check(uint64_t offset, uint64_t size, const char* what) const {
    if (offset > bytes_.size() || size > bytes_.size() - offset)
      fail(std::string("truncated or damaged archive: ") + what + " lies outside the file");
  }
  const std::string& name_;
  const std::string& bytes_;
};

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

// ---- pickle: the instructions LibTorch 1.13's pickler used for module state ---------------------------------------

struct Value;
using Ref = std::shared_ptr<Value>;

struct Value {
  enum class Kind { None, Bool, Int, Float, String, Tuple, Dict, Global, Object, Storage, Tensor } kind = Kind::None;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  std::string text;                          // String; Global: "module.name"; Object: its class; Storage: its key
  std::vector<Ref> items;                    // Tuple
  std::vector<std::pair<Ref, Ref>> entries;  // Dict; Object: its attributes once built
  torch::ScalarType dtype = torch::kFloat;   // Storage, Tensor
  int64_t numel = 0;                         // Storage
  Ref storage;                               // Tensor
  int64_t offset = 0;                        // Tensor
  std::vector<int64_t> sizes, strides;       // Tensor
};

Ref make(Value::Kind kind) {
  auto v = std::make_shared<Value>();
  v->kind = kind;
  return v;
}

class Unpickler {
 public:
  Unpickler(const Bytes& b, const ZipEntry& data) : b_(b), p_(data.data), end_(data.data + data.size) {}

  Ref run() {
    for (;;) {
      if (p_ >= end_) b_.fail("damaged: the pickled state ends without a STOP");
      const auto op = static_cast<uint8_t>(*p_++);
      switch (op) {
        case 0x80:  // PROTO
          if (u<uint8_t>() > 2) b_.fail("damaged: pickle protocol above 2");
          break;
        case 'c': {  // GLOBAL module\nname\n
          auto g = make(Value::Kind::Global);
          const std::string module = line();  // two statements: the operands of + are unsequenced
          g->text = module + "." + line();
          push(g);
          break;
        }
        case 'q':  // BINPUT
          memo(u<uint8_t>()) = top();
          break;
        case 'r':  // LONG_BINPUT
          memo(u<uint32_t>()) = top();
          break;
        case 'h':  // BINGET
          push(recall(u<uint8_t>()));
          break;
        case 'j':  // LONG_BINGET
          push(recall(u<uint32_t>()));
          break;
        case ')':
          push(make(Value::Kind::Tuple));
          break;
        case '}':
          push(make(Value::Kind::Dict));
          break;
        case '(':
          marks_.push_back(stack_.size());
          break;
        case 'X': {  // BINUNICODE
          const auto n = u<uint32_t>();
          auto s = make(Value::Kind::String);
          s->text.assign(take(n), n);
          push(s);
          break;
        }
        case 't': {  // TUPLE
          auto t = make(Value::Kind::Tuple);
          const size_t mark = pop_mark();
          t->items.assign(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
          stack_.resize(mark);
          push(t);
          break;
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
          break;
        }
        case 'J':  // BININT
          push(integer(static_cast<int32_t>(u<uint32_t>())));
          break;
        case 'K':  // BININT1
          push(integer(u<uint8_t>()));
          break;
        case 'M':  // BININT2
          push(integer(u<uint16_t>()));
          break;
        case 'G': {  // BINFLOAT, big-endian
          uint64_t bits = 0;
          const char* d = take(8);
          for (int i = 0; i < 8; ++i) bits = bits << 8 | static_cast<uint8_t>(d[i]);
          auto f = make(Value::Kind::Float);
          std::memcpy(&f->real, &bits, sizeof bits);
          push(f);
          break;
        }
        case 0x88:
        case 0x89: {  // NEWTRUE, NEWFALSE
          auto v = make(Value::Kind::Bool);
          v->boolean = op == 0x88;
          push(v);
          break;
        }
        case 'N':
          push(make(Value::Kind::None));
          break;
        case 'Q':  // BINPERSID
          push(storage(pop()));
          break;
        case 'R': {  // REDUCE
          auto args = pop(), callable = pop();
          push(reduce(callable, args));
          break;
        }
        case 0x81: {  // NEWOBJ
          auto args = pop(), cls = pop();
          if (cls->kind != Value::Kind::Global || cls->text.rfind("__torch__.", 0) != 0 ||
              args->kind != Value::Kind::Tuple || !args->items.empty())
            b_.fail("damaged: an object of an unexpected class in the pickled state");
          auto o = make(Value::Kind::Object);
          o->text = cls->text;
          push(o);
          break;
        }
        case 'u': {  // SETITEMS
          const size_t mark = pop_mark();
          if (mark == 0 || (stack_.size() - mark) % 2 != 0)
            b_.fail("damaged: malformed dictionary in the pickled state");
          auto& dict = stack_[mark - 1];
          if (dict->kind != Value::Kind::Dict) b_.fail("damaged: items set on something that is not a dictionary");
          for (size_t i = mark; i < stack_.size(); i += 2) dict->entries.emplace_back(stack_[i], stack_[i + 1]);
          stack_.resize(mark);
          break;
        }
        case 'b': {  // BUILD
          auto state = pop();
          auto& object = top();
          if (object->kind != Value::Kind::Object || state->kind != Value::Kind::Dict || !object->entries.empty())
            b_.fail("damaged: malformed object state in the pickled state");
          object->entries = state->entries;
          break;
        }
        case '.':  // STOP
          if (stack_.size() != 1 || !marks_.empty()) b_.fail("damaged: the pickled state does not end cleanly");
          return stack_.back();
        default:
          b_.fail("damaged or not written by FactorVAE Studio: unexpected pickle instruction " + std::to_string(op));
      }
    }
  }

 private:
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
    return memo_[index];
  }
  Ref recall(uint32_t index) {
    auto it = memo_.find(index);
    if (it == memo_.end() || !it->second) b_.fail("damaged: the pickled state refers to a value it never stored");
    return it->second;
  }

  // ('storage', torch.<Type>Storage, key, location, numel)
  Ref storage(const Ref& id) {
    const auto& t = id->items;
    if (id->kind != Value::Kind::Tuple || t.size() != 5 || t[0]->kind != Value::Kind::String ||
        t[0]->text != "storage" || t[1]->kind != Value::Kind::Global || t[2]->kind != Value::Kind::String ||
        t[4]->kind != Value::Kind::Int)
      b_.fail("damaged: malformed tensor storage reference");
    static const std::pair<const char*, torch::ScalarType> types[] = {
        {"torch.FloatStorage", torch::kFloat},      {"torch.DoubleStorage", torch::kDouble},
        {"torch.LongStorage", torch::kLong},        {"torch.ByteStorage", torch::kUInt8},
        {"torch.IntStorage", torch::kInt},          {"torch.BoolStorage", torch::kBool},
        {"torch.BFloat16Storage", torch::kBFloat16}};
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
      if (!a.empty()) b_.fail("damaged: malformed OrderedDict");
      return make(Value::Kind::Dict);
    }
    if (callable->text != "torch._utils._rebuild_tensor_v2")
      b_.fail("damaged or not written by FactorVAE Studio: the pickled state calls '" + callable->text + "'");
    // (storage, offset, sizes, strides, requires_grad, backward hooks)
    if (a.size() != 6 || a[0]->kind != Value::Kind::Storage || a[1]->kind != Value::Kind::Int ||
        a[2]->kind != Value::Kind::Tuple || a[3]->kind != Value::Kind::Tuple ||
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
  std::vector<Ref> stack_;
  std::vector<size_t> marks_;
  std::unordered_map<uint32_t, Ref> memo_;
};

// ---- from the pickled module to records ----------------------------------------------------------------------------

class Flattener {
 public:
  Flattener(const Bytes& b, const std::unordered_map<std::string, ZipEntry>& zip, std::string prefix)
      : b_(b), zip_(zip), prefix_(std::move(prefix)) {}

  const Value& attribute(const Value& object, const std::string& key) const {
    for (const auto& [k, v] : object.entries)
      if (k->kind == Value::Kind::String && k->text == key) return *v;
    b_.fail("damaged: '" + key + "' is missing");
  }

  torch::Tensor tensor(const Value& v, const std::string& key) {
    if (v.kind != Value::Kind::Tensor) b_.fail("damaged: '" + key + "' is not a tensor");
    auto it = zip_.find(prefix_ + "data/" + v.storage->text);
    const uint64_t element = c10::elementSize(v.dtype);
    if (it == zip_.end()) b_.fail("damaged: the data of '" + key + "' is missing");
    if (static_cast<uint64_t>(v.storage->numel) > it->second.size / element)
      b_.fail("damaged: the data of '" + key + "' is shorter than its tensor");
    auto storage = torch::empty({v.storage->numel}, torch::TensorOptions().dtype(v.dtype));
    if (v.storage->numel)
      std::memcpy(storage.data_ptr(), it->second.data, static_cast<size_t>(v.storage->numel * element));
    return storage.as_strided(v.sizes, v.strides, v.offset).contiguous();
  }

  // Adam's state as LibTorch 1.13 saved it, keyed by parameter addresses, in the order of its parameter list:
  // "<name>.<i>.step|exp_avg|exp_avg_sq" for the i-th parameter that has state, "<name>.parameters" their count.
  void optimizer(const Value& o, const std::string& name, Records& out) {
    const Value& groups = attribute(attribute(o, "param_groups"), "param_groups/0");
    const Value& state = attribute(o, "state");
    const int64_t count = tensor(attribute(groups, "params/size"), name + " parameter count").item<int64_t>();
    if (count < 0 || count > 100000) b_.fail("damaged: '" + name + "' claims " + std::to_string(count) + " parameters");
    for (int64_t i = 0; i < count; ++i) {
      const Value& key = attribute(groups, "params/" + std::to_string(i));
      if (key.kind != Value::Kind::String) b_.fail("damaged: malformed parameter list of '" + name + "'");
      const Value* entry = nullptr;
      for (const auto& [k, v] : state.entries)
        if (k->kind == Value::Kind::String && k->text == key.text) entry = v.get();
      if (!entry) continue;  // a parameter without a gradient yet has no state
      const std::string at = name + "." + std::to_string(i) + ".";
      const Value& step = attribute(*entry, "step");
      if (step.kind != Value::Kind::Int) b_.fail("damaged: malformed optimiser step of '" + name + "'");
      out[at + "step"].tensor = torch::tensor(step.integer, torch::kLong);
      out[at + "exp_avg"].tensor = tensor(attribute(*entry, "exp_avg"), at + "exp_avg");
      out[at + "exp_avg_sq"].tensor = tensor(attribute(*entry, "exp_avg_sq"), at + "exp_avg_sq");
    }
    out[name + ".parameters"].tensor = torch::tensor(count, torch::kLong);
  }

  Records records(const Value& root) {
    if (root.kind != Value::Kind::Object) b_.fail("damaged: the pickled state is not a module");
    Records out;
    for (const auto& [k, v] : root.entries) {
      if (k->kind != Value::Kind::String) b_.fail("damaged: an attribute without a name");
      const std::string& key = k->text;
      if (v->kind == Value::Kind::String) {
        out[key].text = v->text;
        out[key].is_text = true;
      } else if (v->kind == Value::Kind::Tensor) {
        out[key].tensor = tensor(*v, key);
      } else if (v->kind == Value::Kind::Object && (key == "vae_optimizer" || key == "disc_optimizer")) {
        optimizer(*v, key, out);
      }  // anything else (LibTorch's bookkeeping such as `training`) carries nothing a checkpoint needs
    }
    return out;
  }

 private:
  const Bytes& b_;
  const std::unordered_map<std::string, ZipEntry>& zip_;
  std::string prefix_;
};

}  // namespace

bool looks_like_zip(const std::string& bytes) { return bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0; }

Records read_legacy_archive(const std::string& name, const std::string& bytes) {
  const Bytes b(name, bytes);
  const auto zip = read_zip(b);
  // The entries lie in one folder named after the archive ("archive/data.pkl", "archive/data/0", …).
  std::string prefix;
  const ZipEntry* pickle = nullptr;
  for (const auto& [entry, data] : zip)
    if (entry.size() >= 8 && entry.compare(entry.size() - 8, 8, "data.pkl") == 0 &&
        (entry.size() == 8 || entry[entry.size() - 9] == '/') && entry.find('/') == entry.rfind('/')) {
      prefix = entry.substr(0, entry.size() - 8);
      pickle = &data;
    }
  if (!pickle) b.fail("not a FactorVAE Studio checkpoint (a zip archive without a pickled module)");
  Unpickler unpickler(b, *pickle);
  const Ref root = unpickler.run();
  return Flattener(b, zip, prefix).records(*root);
}

}  // namespace fvae
