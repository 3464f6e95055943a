// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/studio_service.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "app/service/dataset_view.h"
#include "app/service/tensor_images.h"
#include "model/analysis/metrics.h"
#include "model/analysis/responses.h"
#include "model/base/atomic_file.h"
#include "model/base/platform.h"
#include "model/checkpoint/checkpoint.h"
#include "model/data/shapes.h"
#include "model/inference/evaluation.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_log.h"
#include "model/run/run_plan.h"
#include "model/training/trainer.h"

namespace fvae::service {

namespace {

QVector<QImage> to_qimages(const torch::Tensor& images) {  // [N, C, H, W]
  QVector<QImage> out;
  for (int64_t i = 0; i < images.size(0); ++i) out << to_qimage(images[i]);
  return out;
}

torch::Tensor code_tensor(const QVector<float>& code) {
  return torch::tensor(std::vector<float>(code.begin(), code.end()), torch::kFloat);
}

class SnapshotModel : public DecodeModel, public std::enable_shared_from_this<SnapshotModel> {
 public:
  // `live`: a training refreshes the snapshot's weights (then work of several passes runs on a frozen copy).
  SnapshotModel(std::shared_ptr<ModelSnapshot> snapshot, QString description, bool live)
      : snapshot_(std::move(snapshot)), description_(std::move(description)), live_(live) {}
  int latentDim() const override { return static_cast<int>(snapshot_->config().latent_dim); }
  int imageSize() const override { return static_cast<int>(snapshot_->config().image_size); }
  int channels() const override { return static_cast<int>(snapshot_->config().channels); }
  QString description() const override { return description_; }
  quint64 version() const override { return snapshot_->version(); }
  qint64 trainingStep() const override { return snapshot_->step(); }

  std::shared_ptr<DecodeModel> frozen() override {
    if (!live_) return shared_from_this();
    return std::make_shared<SnapshotModel>(snapshot_->copy(), description_, false);
  }

  QImage decode(const QVector<float>& code) override {
    return to_qimage(snapshot_->decode(code_tensor(code).unsqueeze(0))[0]);
  }

  Traversal traversal(const QVector<float>& base, bool absolute,
                      const std::function<bool(int, int)>& progress) override {
    const auto values = traversal_values();
    const int dims = latentDim();
    const auto snapshot = stable_snapshot();
    auto z = code_tensor(base);
    std::vector<torch::Tensor> rows;
    for (int d = 0; d < dims; ++d) {
      if (progress && !progress(d, dims)) return {};
      // One dimension at a time, so that progress is reported and cancelling is quick.
      auto codes = z.unsqueeze(0).repeat({static_cast<int64_t>(values.size()), 1});
      auto column = codes.select(1, d);
      auto offsets = torch::tensor(std::vector<float>(values.begin(), values.end()));
      absolute ? column.copy_(offsets) : column.add_(offsets);
      rows.push_back(snapshot->decode(codes));
    }
    if (progress) progress(dims, dims);
    auto traversal = torch::stack(rows, 0);
    Traversal result;
    result.grid = to_qimage(tile(with_difference_maps(traversal), 1, 0.5));
    for (const auto& frame : traversal_frames(traversal)) result.frames << to_qimage(frame);
    result.rowHeight = imageSize() + 1;
    return result;
  }

  QVector<float> encodeMean(const QImage& image) override {
    const auto& c = snapshot_->config();
    auto mu = snapshot_->encode(from_qimage(image, c.channels, c.image_size).unsqueeze(0)).mu[0].contiguous();
    return QVector<float>(mu.data_ptr<float>(), mu.data_ptr<float>() + mu.numel());
  }

  QVector<Reconstruction> reconstruct(const QVector<QImage>& images) override {
    QVector<Reconstruction> out;
    if (images.isEmpty()) return out;
    const auto snapshot = stable_snapshot();
    const auto& c = snapshot->config();
    auto x = from_qimages(images, c.channels, c.image_size);
    auto mu = snapshot->encode(x).mu.contiguous();
    auto r = snapshot->decode(mu);
    auto errors = per_image_errors(x, r);
    for (int64_t i = 0; i < x.size(0); ++i) {
      Reconstruction item;
      item.original = to_qimage(x[i]);
      item.reconstruction = to_qimage(r[i]);
      item.heatmap = to_qimage(error_heatmap(x[i], r[i]));
      item.bceNats = errors.bce_nats[i].item<double>();
      item.mse = errors.mse[i].item<double>();
      const float* code = mu[i].data_ptr<float>();
      item.code = QVector<float>(code, code + mu.size(1));
      out << item;
    }
    return out;
  }

  QVector<QImage> interpolate(const QVector<float>& from, const QVector<float>& to, int steps,
                              bool spherical) override {
    return to_qimages(snapshot_->decode(interpolate_codes(code_tensor(from), code_tensor(to), steps, spherical)));
  }

  DisentanglementReport measureDisentanglement(const MetricSettings& settings,
                                               const std::function<bool(double)>& progress) override {
    DisentanglementReport report;
    try {
      const auto snapshot = stable_snapshot();
      ShapesDataset shapes(snapshot->config().image_size, "all");
      if (snapshot->config().channels != 1)
        throw std::runtime_error("the metrics need a greyscale model: the shapes dataset has one channel");
      DisentanglementOptions options;
      options.factor_vae.seed = options.mig.seed = settings.seed;
      options.factor_vae.train_votes = settings.trainVotes;
      options.factor_vae.eval_votes = settings.evalVotes;
      options.factor_vae.samples_per_vote = settings.samplesPerVote;
      options.mig.samples = settings.migSamples;
      auto result = measure_disentanglement(
          shapes, [&](const torch::Tensor& x) { return snapshot->encode(x).mu; }, options, progress);
      report.factorVaeMetric = result.factor_vae.eval_accuracy;
      report.migScore = result.mig.mig;
      report.activeDims = static_cast<int>(result.factor_vae.active_dims);
      for (const auto& name : result.factor_names) report.factorNames << QString::fromStdString(name);
      for (double g : result.mig.gap_per_factor) report.gapPerFactor << g;
      for (int64_t d : result.mig.top_dimension) report.topDimension << static_cast<int>(d);
      for (const auto& name : result.suggested_names) report.suggestedNames << QString::fromStdString(name);
      for (double v : result.factor_vae.global_variance) report.meanVariance << v;
      for (const auto& row : result.factor_vae.votes) {
        QVector<int> counts;
        for (int64_t n : row) counts << static_cast<int>(n);
        report.votes << counts;
      }
      for (const auto& row : result.mig.mutual_information)
        report.mutualInformation << QVector<double>(row.begin(), row.end());
    } catch (const MetricCancelled&) {
      report.cancelled = true;
    } catch (const std::exception& e) {
      report.error = QString::fromStdString(e.what());
    }
    return report;
  }

  FactorResponses factorResponses(const ResponseSettings& settings,
                                  const std::function<bool(double)>& progress) override {
    const auto snapshot = stable_snapshot();
    if (snapshot->config().channels != 1)
      throw std::runtime_error("factor responses need a greyscale model: the shapes dataset has one channel");
    ShapesDataset shapes(snapshot->config().image_size, "all");
    FactorResponseOptions options;
    options.seed = settings.seed;
    options.samples_per_value = settings.samplesPerValue;
    options.group_by = settings.perShape ? 0 : -1;
    return factor_responses(
        shapes, [&](const torch::Tensor& x) { return snapshot->encode(x).mu; }, options, progress);
  }

  ClassResponses classResponses(const DatasetView& data, const ResponseSettings& settings,
                                const std::function<bool(double)>& progress) override {
    const auto snapshot = stable_snapshot();
    ClassResponseOptions options;
    options.seed = settings.seed;
    options.max_images = settings.maxImages;
    return class_responses(*data.data(), encoder_means(snapshot), options, progress);
  }

  LatentMap latentMap(const DatasetView& data, const ResponseSettings& settings,
                      const std::function<bool(double)>& progress) override {
    const auto snapshot = stable_snapshot();
    LatentMapOptions options;
    options.seed = settings.seed;
    options.max_points = settings.maxImages;
    return latent_map(*data.data(), encoder_means(snapshot), options, progress);
  }

 private:
  std::shared_ptr<ModelSnapshot> stable_snapshot() const { return live_ ? snapshot_->copy() : snapshot_; }

  // μ of dataset images, converted to the model's channels and size first where they differ (a dataset opened
  // before the model, at another size).
  static RepresentationFunction encoder_means(const std::shared_ptr<ModelSnapshot>& snapshot) {
    return [snapshot](const torch::Tensor& images) {
      const auto& c = snapshot->config();
      auto x = images.to(torch::kFloat);
      if (x.size(1) != c.channels) x = c.channels == 1 ? x.mean(1, true) : x.expand({-1, c.channels, -1, -1});
      if (x.size(2) != c.image_size || x.size(3) != c.image_size) {
        namespace F = torch::nn::functional;
        auto resize = F::InterpolateFuncOptions().size(std::vector<int64_t>{c.image_size, c.image_size});
        x = x.size(2) > c.image_size ? F::interpolate(x, resize.mode(torch::kArea))
                                     : F::interpolate(x, resize.mode(torch::kBilinear).align_corners(false));
      }
      return snapshot->encode(x.contiguous()).mu;
    };
  }

  std::shared_ptr<ModelSnapshot> snapshot_;
  QString description_;
  bool live_;
};

TrainingPoint to_point(const StepReport& r, int64_t total, int64_t batch_size) {
  TrainingPoint p;
  p.batchSize = static_cast<int>(batch_size);
  p.step = r.step;
  p.totalSteps = total;
  p.epoch = static_cast<int>(r.epoch);
  p.reconstruction = r.reconstruction, p.kl = r.kl, p.tc = r.tc, p.discLoss = r.disc_loss;
  p.discAccuracy = r.disc_accuracy, p.beta = r.beta, p.gamma = r.gamma, p.imagesPerSecond = r.images_per_second;
  p.klPerDim = QVector<double>(r.kl_per_dim.begin(), r.kl_per_dim.end());
  return p;
}

}  // namespace

std::shared_ptr<DecodeModel> snapshotModel(std::shared_ptr<ModelSnapshot> snapshot, const QString& description,
                                           bool live) {
  return std::make_shared<SnapshotModel>(std::move(snapshot), description, live);
}

LoadedModel loadModel(const QString& path) {
  LoadedModel loaded;
  try {
    auto cp = load_checkpoint(path.toStdString());
    auto snapshot = std::make_shared<ModelSnapshot>(cp.model);
    snapshot->update_from(*cp.networks, cp.step);
    loaded.model = snapshotModel(snapshot, QString::fromStdString(cp.model.describe()), false);
    for (const auto& name : cp.latent_names) loaded.latentNames << QString::fromStdString(name);
    if (!cp.history.empty())
      for (double k : cp.history.back().kl_per_dim) loaded.klPerDim << k;
    loaded.datasetDescription = QString::fromStdString(cp.dataset.description);
    loaded.datasetSpec = QString::fromStdString(cp.dataset.spec);
  } catch (const std::exception& e) {
    loaded.error = QString::fromStdString(e.what());
  }
  return loaded;
}

QString saveLatentNames(const QString& path, const QStringList& names) {
  try {
    auto cp = load_checkpoint(path.toStdString());
    for (int d = 0; d < names.size() && d < static_cast<int>(cp.latent_names.size()); ++d)
      cp.latent_names[d] = names[d].trimmed().replace(QLatin1Char('\n'), QLatin1Char(' ')).toStdString();
    save_checkpoint(path.toStdString(), cp);
    return {};
  } catch (const std::exception& e) {
    return QString::fromStdString(e.what());
  }
}

RunDefaults runDefaults(const QString& datasetSpec, int imageSize, qint64 budget) {
  const auto d = dataset_defaults_for_spec(datasetSpec.trimmed().toStdString(), imageSize);
  RunDefaults out;
  out.beta = d.beta;
  out.gamma = d.gamma;
  out.learningRate = d.vae_lr;
  out.steps = d.max_steps;
  out.candidates = d.candidates;
  out.screenSteps = default_screen_steps(d, budget);
  return out;
}

QString computeDeviceDescription() {
  if (!torch::cuda::is_available()) return QStringLiteral("CPU");
  return QStringLiteral("CUDA (%1 GPU)").arg(torch::cuda::device_count());
}

struct TrainingSession::Worker {
  std::thread thread;
  std::mutex mutex;
  std::unique_ptr<Trainer> trainer;  // guarded by mutex while being created or destroyed
  std::shared_ptr<DecodeModel> live;
  std::vector<std::string> names;  // guarded by mutex
  QString dataset_spec;            // guarded by mutex
  std::atomic<bool> stop{false}, paused{false}, running{false};
  std::atomic<qint64> steps_done{-1};
};

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), worker_(std::make_unique<Worker>()) {
  qRegisterMetaType<TrainingPoint>();
}

TrainingSession::~TrainingSession() {
  stop();
  if (worker_->thread.joinable()) worker_->thread.join();
}

bool TrainingSession::isRunning() const { return worker_->running; }

bool TrainingSession::isPausedBetweenSteps() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->trainer && worker_->trainer->waiting_while_paused();
}

qint64 TrainingSession::stepsDone() const { return worker_->steps_done; }

std::shared_ptr<DecodeModel> TrainingSession::liveModel() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->live;
}

QString TrainingSession::datasetSpec() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->dataset_spec;
}

void TrainingSession::setLatentNames(const QStringList& names) {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  worker_->names.clear();
  for (const QString& n : names) worker_->names.push_back(n.toStdString());
}

void TrainingSession::setPaused(bool paused) {
  if (!worker_->running) return;  // a pause pressed while idle must not carry over into the next run
  std::lock_guard<std::mutex> lock(worker_->mutex);
  worker_->paused = paused;
  if (worker_->trainer) worker_->trainer->set_paused(paused);
}

void TrainingSession::stop() {
  worker_->stop = true;
  std::lock_guard<std::mutex> lock(worker_->mutex);
  if (worker_->trainer) worker_->trainer->request_cancel();
}

bool TrainingSession::start(const TrainingSettings& s, QString* error) {
  if (worker_->running) {
    if (error) *error = tr("A training is already running.");
    return false;
  }
  if (worker_->thread.joinable()) worker_->thread.join();
  // The form's values as choices for plan_run, which decides every setting as the CLI's `train` does; the planning
  // (it opens the dataset, maybe a large checkpoint) runs on the worker thread.
  RunRequest request;
  request.train.epochs = s.epochs;
  request.train.max_steps = s.steps;
  request.train.device = s.device.toStdString();
  QString folder = s.outputFolder;
  if (!s.resumeFrom.isEmpty()) {
    request.resume_from = s.resumeFrom.toStdString();
    request.dataset_given = false;
    request.dataset.split.clear();
    if (folder.isEmpty()) folder = QFileInfo(s.resumeFrom).absolutePath();
  } else {
    request.preset = s.preset.toStdString();
    request.latent_dim = s.latentDim;
    request.dataset.spec = s.dataset.toStdString();
    request.dataset.size = s.imageSize;
    request.train.seed = s.seed;
    if (s.preset == QLatin1String("paper")) {  // the seed preset's recipe is fixed; the form's fields are disabled
      request.train.beta = s.beta;
      request.train.gamma = s.gamma;
      request.train.vae_lr = s.learningRate;
      request.train.batch_size = s.batchSize;
    }
  }
  if (!QDir().mkpath(folder)) {
    if (error) *error = tr("Cannot create the folder %1.").arg(folder);
    return false;
  }
  worker_->stop = false;
  worker_->paused = false;
  worker_->steps_done = -1;
  worker_->running = true;
  {
    std::lock_guard<std::mutex> lock(worker_->mutex);
    worker_->names.clear();
    worker_->dataset_spec = request.resume_from.empty() ? s.dataset : QString();
  }
  const qint64 stop_after = s.stopAfterStep;
  worker_->thread = std::thread([this, folder, request, stop_after]() mutable {
    bool stopped_as_asked = false;
    Worker& w = *worker_;
    const std::string latest = QDir(folder).filePath(QStringLiteral("latest.fvae")).toStdString();
    remove_stale_temporaries(latest);  // left by a run killed while saving
    auto emit_queued = [this](auto f) { QMetaObject::invokeMethod(this, f, Qt::QueuedConnection); };
    try {
      RunPlan plan = plan_run(request, open_dataset);
      const ModelConfig& model = plan.model;
      const TrainConfig& train = plan.train;
      const DatasetInfo info = plan.info;
      const auto data = plan.data;
      set_compute_threads(train.threads);  // ATen's thread setting is per OS thread
      auto trainer = std::make_unique<Trainer>(model, train, data);
      if (plan.resumed) {
        restore_training_state(*plan.resumed, *trainer, request.resume_from);
        plan.resumed.reset();
      }
      const auto fixed = data->images(subset_indices(data->size(), 8, train.seed));
      RunLog log(folder.toStdString(), *trainer, info, fixed, request.resume_from.size() > 0);
      auto snapshot = std::make_shared<ModelSnapshot>(model);
      trainer->attach_snapshot(snapshot, 5);
      const int64_t total = trainer->total_steps();
      {
        std::lock_guard<std::mutex> lock(w.mutex);
        w.names = plan.latent_names;
        w.dataset_spec = QString::fromStdString(plan.dataset.spec);
        w.live = snapshotModel(snapshot, QString::fromStdString(model.describe()), true);
        w.trainer = std::move(trainer);
        if (w.stop) w.trainer->request_cancel();
        w.trainer->set_paused(w.paused);  // a pause pressed while the dataset was opening
      }
      const QString description = QString::fromStdString(model.describe() + " on " + data->description());
      const QString device = QString::fromStdString(w.trainer->device().str());
      emit_queued([this, description, device] { emit started(description, device); });
      auto names = [&] {
        std::lock_guard<std::mutex> lock(w.mutex);
        auto n = w.names;
        n.resize(static_cast<size_t>(model.latent_dim));
        return n;
      };
      auto show_reconstructions = [&](int64_t step) {
        const QImage strip = to_qimage(reconstruction_strip(w.trainer->networks(), fixed));
        emit_queued([this, strip, step] { emit reconstructionsUpdated(strip, step); });
      };
      show_reconstructions(w.trainer->progress().step);
      Trainer::Callbacks callbacks;
      callbacks.on_step = [&](const StepReport& r) {
        w.steps_done = r.step;
        log.on_step(r);
        if (stop_after > 0 && r.step >= stop_after) {
          stopped_as_asked = true;
          w.trainer->request_cancel();
        }
        auto point = to_point(r, total, train.batch_size);
        emit_queued([this, point] { emit stepped(point); });
        if (r.step % 500 == 0) show_reconstructions(r.step);  // long epochs (shapes) still show progress
      };
      callbacks.on_epoch_end = [&](int64_t epoch) {
        save_checkpoint(latest, *w.trainer, info, names());
        log.on_epoch_end();
        show_reconstructions(w.trainer->progress().step);
        const QString path = QString::fromStdString(latest);
        emit_queued([this, epoch, path] { emit epochFinished(static_cast<int>(epoch), path); });
      };
      Trainer::Outcome outcome;
      try {
        outcome = w.trainer->run(callbacks);
      } catch (const TrainingError&) {
        log.on_failure();  // losses.csv up to the failure, for diagnosis
        throw;
      }
      save_checkpoint(latest, *w.trainer, info, names());
      log.on_finish(names());
      show_reconstructions(w.trainer->progress().step);
      const bool cancelled = outcome == Trainer::Outcome::Cancelled && !stopped_as_asked;
      const QString message = stopped_as_asked
                                  ? tr("Screening finished at step %1; saved %2")
                                        .arg(w.trainer->progress().step)
                                        .arg(QString::fromStdString(latest))
                                  : (cancelled ? tr("Training stopped; saved %1") : tr("Training finished; saved %1"))
                                        .arg(QString::fromStdString(latest));
      w.running = false;
      emit_queued([this, cancelled, message] { emit finished(cancelled, message); });
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      w.running = false;
      emit_queued([this, message] { emit failed(message); });
    } catch (...) {
      w.running = false;
      emit_queued([this] { emit failed(tr("an unknown error stopped the training")); });
    }
  });
  return true;
}

DecodeService::DecodeService(QObject* parent)
    : QObject(parent),
      jobs_(new JobTracker(this, JobTracker::Lane::Interactive, JobTracker::Superseded::DeliverResult)) {
  connect(jobs_, &JobTracker::failed, this, &DecodeService::failed);
}

DecodeService::~DecodeService() = default;

void DecodeService::setModel(std::shared_ptr<DecodeModel> model) { model_ = std::move(model); }

std::shared_ptr<DecodeModel> DecodeService::model() const { return model_; }

quint64 DecodeService::request(const QVector<float>& code) {
  const quint64 generation = ++generation_;
  auto model = model_;
  if (!model || code.size() != model->latentDim()) return generation;
  struct Decoded {
    QImage image;
    double ms = 0;
  };
  jobs_->start<Decoded>(
      [model, code](TaskControl&) {
        const auto start = std::chrono::steady_clock::now();
        Decoded d{model->decode(code)};
        d.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        return d;
      },
      [this, generation](const Decoded& d) { emit decoded(d.image, generation, d.ms); });
  return generation;
}

}  // namespace fvae::service
