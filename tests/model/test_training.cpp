// Training, checkpoints and snapshots: the loss falls, runs are bit-reproducible, resuming continues exactly,
// NaN stops training without touching the last checkpoint, damaged or mismatching checkpoints are refused.
#include <torch/torch.h>

#include <sys/resource.h>

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <future>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "model/base/atomic_file.h"
#include "model/base/platform.h"
#include "model/checkpoint/checkpoint.h"
#include "model/data/shapes.h"
#include "model/inference/inference.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_plan.h"
#include "model/training/trainer.h"
#include "test_support.h"

using namespace fvae;

namespace {

std::shared_ptr<const Dataset> small_shapes(int64_t count = 512) {
  auto shapes = std::make_shared<ShapesDataset>(28, "all");
  return std::make_shared<SubsetDataset>(shapes, subset_indices(shapes->size(), count, 5), "test subset");
}

TrainConfig quick_config() {
  TrainConfig t;
  t.batch_size = 32;
  t.epochs = 100;
  t.seed = 11;
  t.vae_lr = 1e-3;
  t.gamma = 10;
  t.device = "cpu";
  return t;
}

std::vector<torch::Tensor> all_state(Networks& n) {
  std::vector<torch::Tensor> out;
  for (auto* m : std::initializer_list<torch::nn::Module*>{n.encoder.get(), n.decoder.get(), n.discriminator.get()}) {
    for (auto& p : m->parameters()) out.push_back(p.detach().clone());
    for (auto& b : m->buffers()) out.push_back(b.detach().clone());
  }
  return out;
}

bool same_tensors(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!torch::equal(a[i], b[i])) return false;
  return true;
}

bool same_history(const std::vector<StepReport>& a, const std::vector<StepReport>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto va = a[i].values(), vb = b[i].values();
    va[10] = vb[10] = 0;  // images/s is a timing
    if (va != vb) return false;
  }
  return true;
}

const DatasetInfo kInfo{"shapes", "all", "test subset", 512};

// Writes a checkpoint as FactorVAE Studio 0.1 did (format 1): LibTorch's OutputArchive, Adam's own save. Kept here to
// prove that such files still load and resume.
void save_format1(const std::string& path, Trainer& trainer, const DatasetInfo& d,
                  const std::vector<std::string>& names) {
  const auto& progress = trainer.progress();
  auto kv = to_key_values(trainer.model_config(), trainer.train_config());
  kv["dataset.spec"] = d.spec;
  kv["dataset.split"] = d.split;
  kv["dataset.description"] = d.description;
  kv["dataset.subset"] = std::to_string(d.subset);
  kv["progress.epoch"] = std::to_string(progress.epoch);
  kv["progress.step"] = std::to_string(progress.step);
  torch::serialize::OutputArchive archive;
  archive.write("format", c10::IValue(std::string("FactorVAE Studio checkpoint 1")));
  archive.write("config", c10::IValue(serialize_key_values(kv)));
  std::string joined;
  for (size_t i = 0; i < names.size(); ++i) joined += (i ? "\n" : "") + names[i];
  archive.write("latent_names", c10::IValue(joined));
  auto& n = trainer.networks();
  for (auto [prefix, module] : {std::pair<std::string, torch::nn::Module*>{"encoder.", n.encoder.get()},
                                {"decoder.", n.decoder.get()},
                                {"discriminator.", n.discriminator.get()}}) {
    for (const auto& item : module->named_parameters()) archive.write(prefix + item.key(), item.value());
    for (const auto& item : module->named_buffers()) archive.write(prefix + item.key(), item.value(), true);
  }
  const int64_t columns = static_cast<int64_t>(StepReport::column_names(trainer.model_config().latent_dim).size());
  auto history = torch::zeros({static_cast<int64_t>(trainer.history().size()), columns}, torch::kDouble);
  for (size_t i = 0; i < trainer.history().size(); ++i) {
    const auto v = trainer.history()[i].values();
    for (int64_t j = 0; j < columns; ++j) history[static_cast<int64_t>(i)][j] = v[j];
  }
  archive.write("history", history);
  torch::serialize::OutputArchive vae, disc;
  trainer.vae_optimizer().torch::optim::Adam::save(vae);
  trainer.disc_optimizer().torch::optim::Adam::save(disc);
  archive.write("vae_optimizer", vae);
  archive.write("disc_optimizer", disc);
  archive.write("state.generator", trainer.generator().get_state());
  archive.write("state.global_generator", at::detail::getDefaultCPUGenerator().get_state());
  archive.write("state.step_in_epoch", torch::tensor({progress.step_in_epoch}, torch::kLong));
  if (progress.vae_order.defined()) {
    archive.write("state.vae_order", progress.vae_order);
    archive.write("state.disc_order", progress.disc_order);
  }
  archive.save_to(path);
}

// Rewrites a checkpoint as builds before format 3 wrote it: the same records in format 2's container.
void save_format2(const std::string& path, const std::string& from) {
  Records records = read_checkpoint_records(from);
  records.at("format").text = "FactorVAE Studio checkpoint 2";
  records.erase("history_columns");  // new in format 3
  write_file_atomically(path, encode_records(records));
}

// The optimisers' moments and the generators' states as stored, in name order.
std::vector<torch::Tensor> training_state(const Checkpoint& cp) {
  std::vector<torch::Tensor> out;
  for (const auto& [name, record] : *cp.records)
    if (!record.is_text && name.rfind("encoder.", 0) != 0 && name.rfind("decoder.", 0) != 0 &&
        name.rfind("discriminator.", 0) != 0)
      out.push_back(record.tensor);
  return out;
}

// Whether a product of denormals stays non-zero, judged on the calling thread (comparisons flush too).
bool keeps_denormals() {
  auto tiny = torch::full({64}, 1e-39f);  // below FLT_MIN (1.18e-38): a denormal
  return (tiny * 1.5f).abs().max().item<float>() > 0.0f;
}

// Records which threads asked for images: the trainer's own for the VAE batch, and the task thread (when in use) for
// the discriminator's independent batch; and whether any of them computed with denormals.
class ThreadRecordingDataset : public Dataset {
 public:
  explicit ThreadRecordingDataset(std::shared_ptr<const Dataset> inner) : inner_(std::move(inner)) {}
  int64_t size() const override { return inner_->size(); }
  ImageShape shape() const override { return inner_->shape(); }
  torch::Tensor images(const torch::Tensor& indices) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    threads_.insert(std::this_thread::get_id());
    if (keeps_denormals()) any_kept_denormals_ = true;
    return inner_->images(indices);
  }
  std::string kind() const override { return inner_->kind(); }
  std::string description() const override { return inner_->description(); }
  size_t thread_count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return threads_.size();
  }
  bool any_kept_denormals() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return any_kept_denormals_;
  }

 private:
  std::shared_ptr<const Dataset> inner_;
  mutable std::mutex mutex_;
  mutable std::set<std::thread::id> threads_;
  mutable bool any_kept_denormals_ = false;
};

}  // namespace

class TestTraining : public QObject {
  Q_OBJECT

 private slots:
  void trainingLowersTheLoss() {
    auto t = quick_config();
    t.max_steps = 60;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    QCOMPARE(trainer.run(), Trainer::Outcome::Finished);
    const auto& h = trainer.history();
    QCOMPARE(h.size(), size_t{60});
    double first = 0, last = 0;
    for (int i = 0; i < 5; ++i) first += h[i].reconstruction, last += h[h.size() - 1 - i].reconstruction;
    QVERIFY2(last < 0.8 * first, qPrintable(QString("%1 -> %2").arg(first / 5).arg(last / 5)));
    QCOMPARE(h.back().kl_per_dim.size(), size_t{8});
    QCOMPARE(trainer.progress().step, int64_t{60});
    QCOMPARE(trainer.progress().epoch, int64_t{60 / 16});
  }

  // The loss the VAE minimises, recomputed from each step's report: reconstruction + β·KL + γ·TC, and with a capacity
  // target reconstruction + β·|KL − C(step)| + γ·TC, where C rises linearly over capacity_steps.
  void vaeLossFollowsTheObjective() {
    auto t = quick_config();
    t.max_steps = 8;
    t.beta = 4;
    for (double capacity : {0.0, 6.0}) {
      t.kl_capacity = capacity;
      t.capacity_steps = 4;
      Trainer trainer(ModelConfig{}, t, small_shapes());
      trainer.run();
      bool above = false, below = false;
      for (const auto& r : trainer.history()) {
        const double c = capacity * std::min(1.0, (r.step - 1) / 4.0);
        const double kl_term = capacity > 0 ? std::abs(r.kl - c) : r.kl;
        const double expected = r.reconstruction + 4 * kl_term + 10 * r.tc;
        QVERIFY2(std::abs(r.vae_loss - expected) < 1e-4 * std::abs(expected),
                 qPrintable(QString("step %1: %2 vs %3").arg(r.step).arg(r.vae_loss).arg(expected)));
        (r.kl > c ? above : below) = true;
      }
      // With a target both sides of |KL − C| occur: KL starts above C = 0 and falls below C = 6.
      if (capacity > 0) QVERIFY(above && below);
    }
  }

  // Decay over the whole 2-step budget: the second step runs at half the rate. Both runs share the first step and
  // the Adam moments after the second step's gradients, so the decayed run's second update is exactly half the other's
  // for every VAE weight, and the discriminator (not decayed) ends the same.
  void learningRateDecayScalesTheUpdates() {
    auto t = quick_config();
    t.max_steps = 1;
    Trainer first(ModelConfig{}, t, small_shapes());
    first.run();
    t.max_steps = 2;
    Trainer constant(ModelConfig{}, t, small_shapes());
    constant.run();
    t.vae_lr_decay_fraction = 1.0;
    Trainer decayed(ModelConfig{}, t, small_shapes());
    decayed.run();
    const auto vae_count =
        decayed.networks().encoder->parameters().size() + decayed.networks().decoder->parameters().size();
    auto w1 = all_state(first.networks()), wc = all_state(constant.networks()), wd = all_state(decayed.networks());
    double largest_update = 0;
    for (size_t i = 0; i < w1.size(); ++i) {
      if (i < vae_count) {
        auto full = wc[i] - w1[i], half = wd[i] - w1[i];
        largest_update = std::max(largest_update, full.abs().max().item<double>());
        QVERIFY2(torch::allclose(half, 0.5 * full, /*rtol=*/0, /*atol=*/1e-6), qPrintable(QString("tensor %1").arg(i)));
      } else {
        QVERIFY(torch::equal(wc[i], wd[i]));
      }
    }
    QVERIFY(largest_update > 5e-4);  // Adam moves weights by about the rate, 1e-3: the check above is not vacuous
  }

  void sameSeedSameRun_data() {
    QTest::addColumn<int>("threads");
    QTest::newRow("one thread") << 1;
    QTest::newRow("the batch split in 2") << 2;  // whichever thread finishes its shard first
  }

  void sameSeedSameRun() {
    QFETCH(int, threads);
    auto t = quick_config();
    t.max_steps = 20;  // crosses an epoch boundary (16 steps)
    t.threads = threads;
    Trainer a(ModelConfig{}, t, small_shapes());
    QCOMPARE(a.shards(), threads);
    a.run();
    Trainer b(ModelConfig{}, t, small_shapes());
    b.run();
    QVERIFY(same_history(a.history(), b.history()));
    QVERIFY(same_tensors(all_state(a.networks()), all_state(b.networks())));
    t.seed = 12;
    Trainer c(ModelConfig{}, t, small_shapes());
    c.run();
    QVERIFY(!same_history(a.history(), c.history()));
  }

  void discriminatorThreadGivesTheSameRun_data() {
    QTest::addColumn<QString>("precision");
    QTest::newRow("fp32") << "fp32";
    QTest::newRow("bf16") << "bf16";
  }

  // The discriminator's step on the task thread, beside the VAE's backward pass, must change nothing but the speed.
  void discriminatorThreadGivesTheSameRun() {
    QFETCH(QString, precision);
    auto t = quick_config();
    t.max_steps = 20;  // crosses an epoch boundary (16 steps)
    t.disc_precision = precision.toStdString();
    t.disc_thread = "off";
    auto inline_data = std::make_shared<ThreadRecordingDataset>(small_shapes());
    Trainer single(ModelConfig{}, t, inline_data);
    QVERIFY(!single.discriminator_on_task_thread());
    single.run();
    QCOMPARE(inline_data->thread_count(), size_t{1});

    t.disc_thread = "on";
    auto threaded_data = std::make_shared<ThreadRecordingDataset>(small_shapes());
    Trainer threaded(ModelConfig{}, t, threaded_data);
    QVERIFY(threaded.discriminator_on_task_thread());
    threaded.run();
    QCOMPARE(threaded_data->thread_count(), size_t{2});  // the independent batch was fetched on the task thread

    QVERIFY(same_history(single.history(), threaded.history()));
    QVERIFY(same_tensors(all_state(single.networks()), all_state(threaded.networks())));
  }

  void batchSplitAmongThreadsGivesTheBatchGradient_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<QString>("precision");
    QTest::addColumn<double>("gamma");
    QTest::addColumn<double>("capacity");
    QTest::newRow("2 threads") << 2 << "fp32" << 10.0 << 0.0;
    QTest::newRow("3 threads, uneven shards") << 3 << "fp32" << 10.0 << 0.0;
    QTest::newRow("2 threads, bf16 discriminator") << 2 << "bf16" << 10.0 << 0.0;
    QTest::newRow("2 threads, gamma 0") << 2 << "fp32" << 0.0 << 0.0;
    QTest::newRow("2 threads, KL capacity") << 2 << "fp32" << 10.0 << 25.0;
  }

  // The batch split among threads computes the whole batch's objective and gradient: the first step's losses and,
  // from Adam's first moments ((1 − β1)·g after one step), every parameter's gradient agree with one thread's single
  // autograd pass over the whole batch, to rounding (the sums run in another order).
  void batchSplitAmongThreadsGivesTheBatchGradient() {
    QFETCH(int, threads);
    QFETCH(QString, precision);
    QFETCH(double, gamma);
    QFETCH(double, capacity);
    auto t = quick_config();
    t.max_steps = 1;
    t.disc_thread = "off";
    t.disc_precision = precision.toStdString();
    t.gamma = gamma;
    t.kl_capacity = capacity;
    t.capacity_steps = capacity > 0 ? 10 : 0;
    Trainer single(ModelConfig{}, t, small_shapes());
    QCOMPARE(single.shards(), 1);
    single.run();
    t.threads = threads;
    Trainer split(ModelConfig{}, t, small_shapes());
    QCOMPARE(split.shards(), threads);
    split.run();
    const auto a = single.history().front().values(), b = split.history().front().values();
    for (size_t i = 2; i < a.size(); ++i)
      if (i != 10)  // images per second
        QVERIFY2(std::abs(a[i] - b[i]) <= 2e-5 * std::max(1.0, std::abs(a[i])),
                 qPrintable(QString("column %1: %2 vs %3").arg(i).arg(a[i], 0, 'g', 10).arg(b[i], 0, 'g', 10)));
    using Optimiser = FusedAdam& (Trainer::*)();
    for (Optimiser optimisers : {Optimiser{&Trainer::vae_optimizer}, Optimiser{&Trainer::disc_optimizer}}) {
      FusedAdam& one = (single.*optimisers)();
      FusedAdam& many = (split.*optimisers)();
      QCOMPARE(one.parameter_count(), many.parameter_count());
      for (size_t i = 0; i < one.parameter_count(); ++i) {
        const auto g1 = one.state_of(i)->exp_avg, g2 = many.state_of(i)->exp_avg;
        const double scale = g1.abs().max().item<double>();
        const double difference = (g1 - g2).abs().max().item<double>();
        // bf16 products round each shard's partial products before they are summed: ~3 significant digits.
        const double tolerance = (precision == "bf16" ? 2e-2 : 1e-4) * scale + 1e-12;
        QVERIFY2(difference <= tolerance,
                 qPrintable(QString("parameter %1: gradients differ by %2 (largest %3)").arg(i).arg(difference).arg(scale)));
      }
    }
  }

  void batchSplitNeedsARowPerThread() {
    auto t = quick_config();
    t.threads = 2;
    QVERIFY(QString::fromStdString(Trainer(ModelConfig{}, t, small_shapes()).describe_threads())
                .contains("batch split in 2"));
    t.batch_size = 2;
    t.threads = 3;
    QVERIFY_THROWS_EXCEPTION(TrainingError, Trainer(ModelConfig{}, t, small_shapes()));
    ModelConfig seed;
    seed.architecture = Architecture::Seed;
    t.batch_size = 32;
    auto seed_data = std::make_shared<ShapesDataset>(seed.image_size, "all");
    QCOMPARE(Trainer(seed, t, seed_data).shards(), 1);  // batch norm and dropout couple the batch: no split
  }

  void discriminatorThreadSetting() {
    auto t = quick_config();
    t.max_steps = 1;
    t.threads = 2;  // with intra-op threads the cores are taken already
    QVERIFY(!Trainer(ModelConfig{}, t, small_shapes()).discriminator_on_task_thread());
    t.threads = 1;
    QCOMPARE(Trainer(ModelConfig{}, t, small_shapes()).discriminator_on_task_thread(), available_cores() >= 2);
    t.disc_thread = "sometimes";
    QVERIFY_THROWS_EXCEPTION(ConfigError, Trainer(ModelConfig{}, t, small_shapes()));
  }

  void resumeContinuesExactly_data() {
    QTest::addColumn<int>("architecture");
    QTest::addColumn<int>("stop");
    QTest::newRow("lean, mid-epoch") << 0 << 21;
    QTest::newRow("lean, epoch boundary") << 0 << 16;
    QTest::newRow("seed (BatchNorm, dropout)") << 1 << 5;
  }
  void resumeContinuesExactly() {
    QFETCH(int, architecture);
    QFETCH(int, stop);
    ModelConfig m;
    m.architecture = architecture ? Architecture::Seed : Architecture::Lean;
    auto t = quick_config();
    const int total = architecture ? 8 : 30;
    t.max_steps = total;
    auto data = small_shapes(architecture ? 128 : 512);
    Trainer straight(m, t, data);
    straight.run();

    QTemporaryDir dir;
    const std::string path = dir.filePath("run.fvae").toStdString();
    t.max_steps = stop;
    Trainer first(m, t, data);
    first.run();
    save_checkpoint(path, first, kInfo, {"x", "", "scale"});

    auto cp = load_checkpoint(path);
    QCOMPARE(cp.step, int64_t(stop));
    QCOMPARE(cp.latent_names[0], std::string("x"));
    QCOMPARE(cp.latent_name(1), std::string("z1"));
    QCOMPARE(cp.dataset.description, std::string("test subset"));
    QVERIFY(cp.has_training_state);
    auto resumed_config = cp.train;
    resumed_config.max_steps = total;
    Trainer second(cp.model, resumed_config, data);
    restore_training_state(cp, second, path);
    second.run();
    QVERIFY(same_history(straight.history(), second.history()));
    QVERIFY(same_tensors(all_state(straight.networks()), all_state(second.networks())));
  }

  void checkpointRoundTripKeepsEverything() {
    auto t = quick_config();
    t.max_steps = 3;
    t.beta = 4;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    trainer.run();
    QTemporaryDir dir;
    const std::string path = dir.filePath("a.fvae").toStdString();
    save_checkpoint(path, trainer, kInfo, {});
    auto cp = load_checkpoint(path);
    QVERIFY(cp.model == trainer.model_config());
    QCOMPARE(cp.train.beta, 4.0);
    QCOMPARE(cp.history.size(), size_t{3});
    QVERIFY(same_tensors(all_state(*cp.networks), all_state(trainer.networks())));
    // Decoding from the loaded model equals decoding from the live one.
    auto z = torch::randn({4, 8});
    QVERIFY(torch::equal(decode(cp.networks->decoder, z), decode(trainer.networks().decoder, z)));
    // Rewriting with new names keeps the weights.
    cp.latent_names[2] = "orientation";
    save_checkpoint(path, cp);
    auto again = load_checkpoint(path);
    QCOMPARE(again.latent_names[2], std::string("orientation"));
    QVERIFY(same_tensors(all_state(*again.networks), all_state(trainer.networks())));
    // … and the training state: the renamed checkpoint resumes exactly like the original.
    QVERIFY(again.has_training_state);
    auto resume = [&](const Checkpoint& from) {
      auto config = from.train;
      config.max_steps = 6;
      Trainer continued(from.model, config, small_shapes());
      restore_training_state(from, continued, path);
      continued.run();
      return all_state(continued.networks());
    };
    const std::string original = dir.filePath("original.fvae").toStdString();
    save_checkpoint(original, trainer, kInfo, {});
    QVERIFY(same_tensors(resume(again), resume(load_checkpoint(original))));
  }

  void earlierFormatsLoadAndResumeExactly() {
    // A run saved mid-epoch in format 1 (LibTorch's archive) or 2 (our record container) resumes exactly as if it had
    // never stopped, as format 3 (safetensors) does; all three give the same checkpoint.
    auto t = quick_config();
    t.max_steps = 30;
    auto data = small_shapes();
    Trainer straight(ModelConfig{}, t, data);
    straight.run();
    t.max_steps = 21;
    Trainer first(ModelConfig{}, t, data);
    first.run();
    QTemporaryDir dir;
    const std::string old_path = dir.filePath("old.fvae").toStdString(),
                      new_path = dir.filePath("new.fvae").toStdString();
    save_format1(old_path, first, kInfo, {"x", "", "scale"});
    save_checkpoint(new_path, first, kInfo, {"x", "", "scale"});
    const std::string format2_path = dir.filePath("format2.fvae").toStdString();
    save_format2(format2_path, new_path);
    QCOMPARE(testing::read_bytes(old_path)[0], uint8_t{'P'});      // a zip: the format 1 path is taken
    QCOMPARE(testing::read_bytes(format2_path)[0], uint8_t{'F'});  // "FVAERECS": the format 2 path
    QCOMPARE(testing::read_bytes(new_path)[8], uint8_t{'{'});      // safetensors' JSON header
    auto old_cp = load_checkpoint(old_path), new_cp = load_checkpoint(new_path);
    auto format2_cp = load_checkpoint(format2_path);
    QVERIFY(same_history(format2_cp.history, new_cp.history));
    QVERIFY(same_tensors(all_state(*format2_cp.networks), all_state(*new_cp.networks)));
    QCOMPARE(old_cp.step, int64_t{21});
    QCOMPARE(old_cp.latent_names, new_cp.latent_names);
    QVERIFY(same_history(old_cp.history, new_cp.history));
    QVERIFY(same_tensors(all_state(*old_cp.networks), all_state(*new_cp.networks)));
    for (const auto* cp : {&old_cp, &format2_cp, &new_cp}) {
      auto resumed_config = cp->train;
      resumed_config.max_steps = 30;
      Trainer second(cp->model, resumed_config, data);
      restore_training_state(*cp, second, old_path);
      for (size_t i = 0; i < second.vae_optimizer().parameter_count(); ++i) {
        QCOMPARE(second.vae_optimizer().state_of(i)->step, first.vae_optimizer().state_of(i)->step);
        QVERIFY(torch::equal(second.vae_optimizer().state_of(i)->exp_avg_sq,
                             first.vae_optimizer().state_of(i)->exp_avg_sq));
      }
      second.run();
      QVERIFY(same_history(straight.history(), second.history()));
      QVERIFY(same_tensors(all_state(straight.networks()), all_state(second.networks())));
    }
    // Rewriting an old checkpoint (e.g. with new names) writes format 3 and keeps it resumable.
    old_cp.latent_names[1] = "y";
    save_checkpoint(old_path, old_cp);
    QCOMPARE(testing::read_bytes(old_path)[8], uint8_t{'{'});
    auto rewritten = load_checkpoint(old_path);
    QCOMPARE(rewritten.latent_names[1], std::string("y"));
    QVERIFY(rewritten.has_training_state);
    Trainer third(rewritten.model, t, data);
    restore_training_state(rewritten, third, old_path);
    QCOMPARE(third.progress().step, int64_t{21});
  }

  void everyDamageIsACheckpointErrorNamingTheFile_data() {
    QTest::addColumn<int>("format");
    QTest::newRow("format 3") << 3;
    QTest::newRow("format 2") << 2;
    QTest::newRow("format 1") << 1;
  }

  void everyDamageIsACheckpointErrorNamingTheFile() {
    // Truncated at many points and with bytes changed all over: never a crash, a wrong answer or another exception.
    QFETCH(int, format);
    auto t = quick_config();
    t.max_steps = 2;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    trainer.run();
    QTemporaryDir dir;
    const std::string good = dir.filePath("good.fvae").toStdString();
    if (format == 1) {
      save_format1(good, trainer, kInfo, {});
    } else {
      save_checkpoint(good, trainer, kInfo, {});
      if (format == 2) save_format2(good, good);
    }
    const Checkpoint intact = load_checkpoint(good);
    const auto bytes = testing::read_bytes(good);
    const std::string bad = dir.filePath("bad.fvae").toStdString();
    std::mt19937_64 random(7);
    int refused = 0, loaded_intact = 0;
    for (int trial = 0; trial < 120; ++trial) {
      auto damaged = bytes;
      if (trial < 40) {
        damaged.resize(static_cast<size_t>(random() % bytes.size()));
      } else {
        // A few bytes changed: in the headers and metadata (the first and last kilobytes) as often as in the data.
        for (int k = 0; k < 1 + trial % 4; ++k) {
          const size_t span = trial % 3 == 0 ? bytes.size() : 1024;
          size_t at = static_cast<size_t>(random() % span);
          if (trial % 3 == 1) at = bytes.size() - 1 - at;
          damaged[at] ^= static_cast<uint8_t>(1 + random() % 255);
        }
      }
      testing::write_bytes(bad, damaged);
      try {
        auto cp = load_checkpoint(bad);
        // Format 1 has no checksum over its pickle: a change there may still read as a valid checkpoint, which must
        // then be a whole one. Formats 2 and 3 check every byte that matters: what loads is the intact checkpoint
        // (a changed byte of the safetensors header's white space changes nothing).
        QCOMPARE(cp.latent_names.size(), size_t{8});
        if (format != 1) {
          QVERIFY2(same_tensors(all_state(*cp.networks), all_state(*intact.networks)), "a damaged checkpoint loaded");
          QVERIFY(same_history(cp.history, intact.history));
          QCOMPARE(cp.model.describe(), intact.model.describe());
          QVERIFY(same_tensors(training_state(cp), training_state(intact)));
        }
        ++loaded_intact;
      } catch (const CheckpointError& e) {
        QVERIFY2(std::string(e.what()).find(bad) != std::string::npos, e.what());
        ++refused;
      }
    }
    qInfo("%d damaged copies refused, %d loaded", refused, loaded_intact);
    QVERIFY(refused >= 100);
  }

  void oneRunPlanForEveryFrontEnd() {
    // plan_run decides for the CLI and the GUI: the preset, the dataset's γ, what a resumed run keeps, the budget.
    QTemporaryDir dir;
    QDir(dir.path()).mkpath("photos");
    for (int i = 0; i < 40; ++i) {
      QImage image(28, 28, QImage::Format_Grayscale8);
      image.fill(i * 5);
      QVERIFY(image.save(dir.filePath(QString("photos/%1.png").arg(i))));
    }
    RunRequest request;
    request.dataset.spec = "shapes";
    request.dataset.size = 28;
    request.train.max_steps = 2;
    auto plan = plan_run(request, open_dataset);
    // Shapes: the quality bar's recipe, priced for 28 px by what a factor step is worth there.
    const auto shapes28 = dataset_defaults("shapes", 28);
    QCOMPARE(plan.train.beta, shapes28.beta);
    QCOMPARE(plan.train.gamma, shapes28.gamma);
    QCOMPARE(plan.train.vae_lr, 1e-3);
    const auto shapes32 = dataset_defaults("shapes", 32);
    QVERIFY(std::abs((shapes28.gamma / shapes28.beta) / (shapes32.gamma / shapes32.beta) - 1) < 0.01);
    QVERIFY(shapes28.beta < shapes32.beta);  // a step is worth less at 28 px
    QCOMPARE(plan.model.image_size, int64_t{28});
    QCOMPARE(plan.total_steps, int64_t{2});  // a budget given stays
    request.train.max_steps.reset();
    const auto full = plan_run(request, open_dataset);
    QCOMPARE(full.total_steps, shapes28.max_steps);  // none given: the recipe's
    QCOMPARE(full.train.vae_lr_warmup_steps, shapes28.vae_lr_warmup_steps);
    QCOMPARE(plan.train.vae_lr_warmup_steps, int64_t{0});  // at most an eighth of the 2 steps given
    // Candidates screen to the end of the warm-up, at most an eighth of the budget and at least a step.
    QVERIFY(shapes28.candidates > 1);
    QCOMPARE(shapes28.screen_steps, shapes28.vae_lr_warmup_steps);
    QCOMPARE(default_screen_steps(shapes28, shapes28.max_steps), shapes28.screen_steps);
    QCOMPARE(default_screen_steps(shapes28, 80), int64_t{10});
    QCOMPARE(default_screen_steps(shapes28, 4), int64_t{1});
    QCOMPARE(default_screen_steps(shapes28, 0), shapes28.screen_steps);  // budget unknown
    QCOMPARE(dataset_defaults("npz", 28).candidates, 1);
    request.train.max_steps = 2;
    request.dataset.spec = dir.filePath("photos").toStdString();
    request.dataset.split = "all";
    plan = plan_run(request, open_dataset);
    QCOMPARE(plan.train.gamma, 6.4);  // natural images: the paper's values
    QCOMPARE(plan.train.beta, 1.0);
    QCOMPARE(plan.train.vae_lr, 1e-4);
    QCOMPARE(dataset_defaults_for_spec(request.dataset.spec, 28).gamma, 6.4);
    QCOMPARE(dataset_defaults_for_spec("shapes", 32).gamma, dataset_defaults("shapes", 32).gamma);
    QVERIFY(!plan.notes.empty());
    request.train.gamma = 12.5;  // a chosen γ stays
    request.train.batch_size = 8;
    plan = plan_run(request, open_dataset);
    QCOMPARE(plan.train.gamma, 12.5);
    QCOMPARE(plan.total_steps, int64_t{2});

    // Resuming: the checkpoint fixes the model and keeps its dataset; a spent budget is an error that says what to do.
    Trainer trainer(plan.model, plan.train, plan.data);
    trainer.run();
    const std::string path = dir.filePath("run.fvae").toStdString();
    save_checkpoint(path, trainer, plan.info, {});
    RunRequest resume;
    resume.resume_from = path;
    resume.dataset_given = false;
    resume.dataset.split.clear();
    resume.train.max_steps = 2;
    try {
      plan_run(resume, open_dataset);
      QFAIL("a spent budget was accepted");
    } catch (const ConfigError& e) {
      QVERIFY2(std::string(e.what()).find("already used its budget") != std::string::npos, e.what());
    }
    resume.train.max_steps = 5;
    auto resumed = plan_run(resume, open_dataset);
    QCOMPARE(resumed.train.gamma, 12.5);
    QCOMPARE(resumed.dataset.spec, request.dataset.spec);
    QCOMPARE(resumed.dataset.split, std::string("all"));
    QCOMPARE(resumed.train.batch_size, int64_t{8});
    resume.latent_dim = 4;
    QVERIFY_THROWS_EXCEPTION(ConfigError, plan_run(resume, open_dataset));
  }

  void damagedCheckpointsAreRefusedClearly() {
    auto t = quick_config();
    t.max_steps = 1;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    trainer.run();
    QTemporaryDir dir;
    const std::string good = dir.filePath("good.fvae").toStdString();
    save_checkpoint(good, trainer, kInfo, {});
    auto bytes = testing::read_bytes(good);

    const std::string truncated = dir.filePath("truncated.fvae").toStdString();
    testing::write_bytes(truncated, std::vector<uint8_t>(bytes.begin(), bytes.begin() + bytes.size() / 2));
    const std::string garbage = dir.filePath("garbage.fvae").toStdString();
    testing::write_bytes(garbage, std::vector<uint8_t>(4096, 0x5a));
    for (const auto& path : {truncated, garbage}) {
      try {
        load_checkpoint(path);
        QFAIL("a damaged checkpoint loaded");
      } catch (const CheckpointError& e) {
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
      }
    }
    QVERIFY_THROWS_EXCEPTION(CheckpointError, load_checkpoint(dir.filePath("missing.fvae").toStdString()));
  }

  void otherArchitectureIsNamed() {
    auto t = quick_config();
    t.max_steps = 1;
    Trainer lean(ModelConfig{}, t, small_shapes());
    lean.run();
    QTemporaryDir dir;
    const std::string path = dir.filePath("lean.fvae").toStdString();
    save_checkpoint(path, lean, kInfo, {});
    auto cp = load_checkpoint(path);
    ModelConfig wider;
    wider.latent_dim = 10;
    Trainer other(wider, t, small_shapes());
    try {
      restore_training_state(cp, other, path);
      QFAIL("a checkpoint of another architecture was accepted");
    } catch (const CheckpointError& e) {
      const std::string message = e.what();
      QVERIFY2(message.find("latent 8") != std::string::npos && message.find("latent 10") != std::string::npos,
               e.what());
    }
  }

  void nanStopsTrainingAndKeepsTheCheckpoint() {
    auto t = quick_config();
    t.max_steps = 4;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    trainer.run();
    QTemporaryDir dir;
    const std::string path = dir.filePath("latest.fvae").toStdString();
    save_checkpoint(path, trainer, kInfo, {});
    const auto saved = testing::read_bytes(path);
    {
      torch::NoGradGuard no_grad;
      trainer.networks().decoder->parameters().front()[0][0] = std::numeric_limits<float>::quiet_NaN();
    }
    auto before = all_state(trainer.networks());
    trainer.set_budget(100, 10);
    try {
      trainer.run();
      QFAIL("training went on with NaN");
    } catch (const TrainingError& e) {
      QVERIFY2(std::string(e.what()).find("NaN") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("step 5") != std::string::npos, e.what());
    }
    // No optimiser step ran: the weights are exactly as before the failing step.
    auto after = all_state(trainer.networks());
    for (size_t i = 0; i < before.size(); ++i) QVERIFY(torch::equal(before[i].nan_to_num(), after[i].nan_to_num()));
    QCOMPARE(testing::read_bytes(path), saved);
  }

  void failedSaveLeavesThePreviousFile() {
    auto t = quick_config();
    t.max_steps = 1;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    trainer.run();
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(CheckpointError,
                             save_checkpoint(dir.filePath("no/such/folder/x.fvae").toStdString(), trainer, kInfo, {}));
    QVERIFY_THROWS_EXCEPTION(CheckpointError, save_checkpoint("/dev/null", trainer, kInfo, {}));  // not a file

    // A full disk, simulated by a file-size limit: the write fails, the previous checkpoint and folder stay as they
    // were.
    const std::string path = dir.filePath("latest.fvae").toStdString();
    save_checkpoint(path, trainer, kInfo, {});
    const auto saved = testing::read_bytes(path);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    rlimit small = old_limit;
    small.rlim_cur = 64 * 1024;
    setrlimit(RLIMIT_FSIZE, &small);
    bool refused = false;
    try {
      save_checkpoint(path, trainer, kInfo, {"renamed"});
    } catch (const CheckpointError& e) {
      refused = std::string(e.what()).find(path) != std::string::npos;
    }
    setrlimit(RLIMIT_FSIZE, &old_limit);
    QVERIFY(refused);
    QCOMPARE(testing::read_bytes(path), saved);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"latest.fvae"});
  }

  void pauseResumeAndCancelFromAnotherThread() {
    auto t = quick_config();
    t.max_steps = 100000;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    std::atomic<int64_t> steps{0};
    Trainer::Callbacks callbacks;
    callbacks.on_step = [&](const StepReport& r) { steps = r.step; };
    std::atomic<bool> done{false};
    Trainer::Outcome outcome = Trainer::Outcome::Finished;
    std::thread worker([&] {
      outcome = trainer.run(callbacks);
      done = true;
    });
    while (steps < 2) std::this_thread::yield();
    trainer.control().set_paused(true);
    while (!trainer.control().waiting_while_paused()) std::this_thread::yield();  // the step in flight has finished
    const int64_t paused_at = steps;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // not a wait for an event: nothing may happen
    QCOMPARE(int64_t(steps), paused_at);                          // no progress while paused
    QVERIFY(trainer.control().waiting_while_paused());
    trainer.control().set_paused(false);
    while (steps < paused_at + 2) std::this_thread::yield();
    trainer.control().stop();
    worker.join();
    QVERIFY(done);
    QCOMPARE(outcome, Trainer::Outcome::Cancelled);
    QVERIFY(trainer.progress().step < 100000);
  }

  void cancelWhilePausedIsNeverLost() {
    // A stop racing run()'s wait while paused: each round must end Cancelled at once. A lost wake-up leaves run()
    // asleep; then the round fails (and is released by unpausing, so that the test ends).
    auto t = quick_config();
    t.max_steps = 100000;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    for (int round = 0; round < 300; ++round) {
      trainer.control().reset();  // a stop holds until reset: each round is a new training under the same control
      trainer.control().set_paused(true);
      auto outcome = std::async(std::launch::async, [&] { return trainer.run(); });
      if (round % 2) std::this_thread::yield();
      trainer.control().stop();
      if (outcome.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        trainer.control().set_paused(false);
        outcome.wait();
        QFAIL(qPrintable(QString("round %1: the cancel was lost while paused").arg(round)));
      }
      QCOMPARE(outcome.get(), Trainer::Outcome::Cancelled);
    }
    QCOMPARE(trainer.progress().step, int64_t{0});  // paused throughout: not one step
  }

  void seedsRoundTripOverTheWholeRange_data() {
    QTest::addColumn<quint64>("seed");
    QTest::newRow("0") << quint64{0};
    QTest::newRow("2^63") << (quint64{1} << 63);
    QTest::newRow("2^64-1") << ~quint64{0};
  }

  void seedsRoundTripOverTheWholeRange() {
    // A run must never produce a checkpoint it cannot read: seeds at the edges of uint64 save, load and resume.
    QFETCH(quint64, seed);
    auto t = quick_config();
    t.max_steps = 2;
    t.seed = seed;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    trainer.run();
    QTemporaryDir dir;
    const std::string path = dir.filePath("seed.fvae").toStdString();
    save_checkpoint(path, trainer, kInfo, {});
    auto cp = load_checkpoint(path);
    QCOMPARE(quint64{cp.train.seed}, seed);
    cp.train.max_steps = 3;
    Trainer resumed(cp.model, cp.train, small_shapes());
    restore_training_state(cp, resumed, path);
    resumed.run();
    QCOMPARE(resumed.progress().step, int64_t{3});
    // Signs and overflow are refused when reading, never wrapped around.
    auto kv = to_key_values(cp.model, cp.train);
    ModelConfig m;
    TrainConfig parsed;
    for (const char* bad : {"-1", "18446744073709551616", "+5", "1e3", ""}) {
      kv["train.seed"] = bad;
      QVERIFY_THROWS_EXCEPTION(ConfigError, from_key_values(kv, m, parsed));
    }
  }

  void snapshotDecodesLikeTheLiveModel() {
    auto t = quick_config();
    t.max_steps = 7;
    Trainer trainer(ModelConfig{}, t, small_shapes());
    auto snapshot = std::make_shared<ModelSnapshot>(ModelConfig{});
    trainer.attach_snapshot(snapshot, 3);
    const auto initial = snapshot->version();
    trainer.run();
    QVERIFY(snapshot->version() > initial);
    snapshot->update_from(trainer.networks());
    auto z = torch::randn({5, 8});
    QVERIFY(torch::allclose(snapshot->decode(z), decode(trainer.networks().decoder, z)));
    auto x = trainer.dataset().images(torch::arange(4, torch::kLong));
    QVERIFY(torch::allclose(snapshot->encode(x).mu, encode(trainer.networks().encoder, x).mu));
  }

  // Steps free and reallocate tens of MB; the allocator (jemalloc, as in the applications) keeps that memory in the
  // process instead of faulting fresh pages in every step (~1,150 page faults a step at batch 64 with glibc's
  // defaults).
  void trainingStepsReuseMemory_data() {
    QTest::addColumn<QString>("discThread");
    QTest::newRow("training thread only") << "off";
    QTest::newRow("with the discriminator's task thread") << "on";  // which allocates from a malloc arena of its own
  }

  void trainingStepsReuseMemory() {
    QFETCH(QString, discThread);
    const double limit = 150;
#ifdef FACTORVAE_SANITIZED
    QSKIP("a sanitizer build allocates through the sanitizer, which faults pages as it likes");
#endif
    QVERIFY2(memory_allocator().rfind("jemalloc", 0) == 0, memory_allocator().c_str());
    auto t = quick_config();
    t.batch_size = 64;
    t.disc_thread = discThread.toStdString();
    Trainer trainer(ModelConfig{}, t, small_shapes());
    for (int i = 0; i < 40; ++i) trainer.step();  // until the heap has grown to its working size
    auto minor_faults = [] {
      rusage usage{};
      getrusage(RUSAGE_SELF, &usage);
      return usage.ru_minflt;
    };
    const auto before = minor_faults();
    for (int i = 0; i < 8; ++i) trainer.step();
    const double per_step = static_cast<double>(minor_faults() - before) / 8;
    qInfo("%.1f page faults a step", per_step);
    QVERIFY2(per_step < limit, qPrintable(QString("%1 page faults a step").arg(per_step)));
  }

  // Late in training, denormal weights and moments halved the training speed; the trainer flushes them to zero on
  // its thread, and threads started from there inherit that.
  void trainingThreadFlushesDenormals() {
    bool before = false, during = true, inherited = true;
    auto data = std::make_shared<ThreadRecordingDataset>(small_shapes(64));
    std::thread([&] {
      at::globalContext().setFlushDenormal(false);  // earlier tests trained on the thread this one inherits from
      before = keeps_denormals();
      auto t = quick_config();
      t.max_steps = 1;
      t.disc_thread = "on";
      Trainer trainer(ModelConfig{}, t, data);
      trainer.run();
      during = keeps_denormals();
      std::thread([&] { inherited = keeps_denormals(); }).join();
    }).join();
    QVERIFY(before);  // IEEE behaviour when not flushed, so the checks below can fail
    QVERIFY(!during);
    QVERIFY(!inherited);
    QCOMPARE(data->thread_count(), size_t{2});
    QVERIFY(!data->any_kept_denormals());  // the training thread and the discriminator's task thread
  }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
