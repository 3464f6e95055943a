#include "model/checkpoint/legacy_archive.h"

#include "model/checkpoint/pickle_archive.h"

#include <cstring>
#include <limits>
#include <memory>
#include <unordered_map>

namespace fvae {

namespace {

using pickle::Bytes;
using pickle::Ref;
using pickle::Value;
using pickle::ZipEntry;

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
  const auto zip = pickle::read_zip(b);
  // The entries lie in one folder named after the archive ("archive/data.pkl", "archive/data/0", …).
  std::string prefix;
  const ZipEntry* data_pkl = nullptr;
  for (const auto& [entry, data] : zip)
    if (entry.size() >= 8 && entry.compare(entry.size() - 8, 8, "data.pkl") == 0 &&
        (entry.size() == 8 || entry[entry.size() - 9] == '/') && entry.find('/') == entry.rfind('/')) {
      prefix = entry.substr(0, entry.size() - 8);
      data_pkl = &data;
    }
  if (!data_pkl) b.fail("not a FactorVAE Studio checkpoint (a zip archive without a pickled module)");
  const char* p = data_pkl->data;
  const Ref root = pickle::unpickle(b, p, data_pkl->data + data_pkl->size, pickle::Dialect::LibTorchModule);
  return Flattener(b, zip, prefix).records(*root);
}

}  // namespace fvae
