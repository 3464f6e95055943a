// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/studio_service.h"

#include <QDir>
#include <QMetaObject>
#include <atomic>
#include <chrono>

#include "model/checkpoint.h"
#include "model/grids.h"
#include "model/inference.h"
#include "model/io/dataset_loader.h"
#include "model/platform.h"
#include "model/trainer.h"

namespace fvae::service {

namespace {

QImage to_qimage(const torch::Tensor& image) {  // [C, H, W] in [0, 1]
  auto bytes = image.clamp(0, 1).mul(255).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  const int h = static_cast<int>(bytes.size(0)), w = static_cast<int>(bytes.size(1));
  const bool grey = bytes.size(2) == 1;
  QImage view(bytes.data_ptr<uint8_t>(), w, h, static_cast<qsizetype>(w * bytes.size(2)),
              grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  return view.copy();  // owns its pixels once the tensor is gone
}

class SnapshotModel : public DecodeModel {
 public:
  SnapshotModel(std::shared_ptr<ModelSnapshot> snapshot, QString description)
      : snapshot_(std::move(snapshot)), description_(std::move(description)) {}
  int latentDim() const override { return static_cast<int>(snapshot_->config().latent_dim); }
  int imageSize() const override { return static_cast<int>(snapshot_->config().image_size); }
  QString description() const override { return description_; }
  quint64 version() const override { return snapshot_->version(); }

  QImage decode(const QVector<float>& code) override {
    auto z = torch::from_blob(const_cast<float*>(code.data()), {1, code.size()}, torch::kFloat).clone();
    return to_qimage(snapshot_->decode(z)[0]);
  }

  QImage traversalGrid(const QVector<float>& base, bool absolute,
                       const std::function<bool(int, int)>& progress) override {
    const auto values = traversal_values();
    const int dims = latentDim();
    auto z = torch::from_blob(const_cast<float*>(base.data()), {base.size()}, torch::kFloat).clone();
    std::vector<torch::Tensor> rows;
    for (int d = 0; d < dims; ++d) {
      if (progress && !progress(d, dims)) return {};
      // One dimension at a time, so that progress is reported and the snapshot lock is held briefly.
      auto codes = z.unsqueeze(0).repeat({static_cast<int64_t>(values.size()), 1});
      auto column = codes.select(1, d);
      auto offsets = torch::tensor(std::vector<float>(values.begin(), values.end()));
      absolute ? column.copy_(offsets) : column.add_(offsets);
      rows.push_back(snapshot_->decode(codes));
    }
    if (progress) progress(dims, dims);
    return to_qimage(tile(with_difference_maps(torch::stack(rows, 0)), 1, 0.5));
  }

  QVector<float> encodeMean(const QImage& image) override {
    const auto& c = snapshot_->config();
    const int size = static_cast<int>(c.image_size);
    QImage converted = image.convertToFormat(c.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888)
                           .scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto x = torch::empty({1, c.channels, size, size});
    auto a = x.accessor<float, 4>();
    for (int y = 0; y < size; ++y) {
      const uchar* line = converted.constScanLine(y);
      for (int px = 0; px < size; ++px)
        for (int64_t ch = 0; ch < c.channels; ++ch) a[0][ch][y][px] = line[px * c.channels + ch] / 255.0f;
    }
    auto mu = snapshot_->encode(x).mu[0].contiguous();
    return QVector<float>(mu.data_ptr<float>(), mu.data_ptr<float>() + mu.numel());
  }

 private:
  std::shared_ptr<ModelSnapshot> snapshot_;
  QString description_;
};

TrainingPoint to_point(const StepReport& r, int64_t total) {
  TrainingPoint p;
  p.step = r.step;
  p.totalSteps = total;
  p.epoch = static_cast<int>(r.epoch);
  p.reconstruction = r.reconstruction, p.kl = r.kl, p.tc = r.tc, p.discLoss = r.disc_loss;
  p.discAccuracy = r.disc_accuracy, p.beta = r.beta, p.gamma = r.gamma, p.imagesPerSecond = r.images_per_second;
  p.klPerDim = QVector<double>(r.kl_per_dim.begin(), r.kl_per_dim.end());
  return p;
}

}  // namespace

LoadedModel loadModel(const QString& path) {
  LoadedModel loaded;
  try {
    auto cp = load_checkpoint(path.toStdString());
    auto snapshot = std::make_shared<ModelSnapshot>(cp.model);
    snapshot->update_from(*cp.networks);
    loaded.model = std::make_shared<SnapshotModel>(snapshot, QString::fromStdString(cp.model.describe()));
    for (const auto& name : cp.latent_names) loaded.latentNames << QString::fromStdString(name);
    if (!cp.history.empty())
      for (double k : cp.history.back().kl_per_dim) loaded.klPerDim << k;
    loaded.datasetDescription = QString::fromStdString(cp.dataset.description);
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

struct TrainingSession::Worker {
  std::thread thread;
  std::mutex mutex;
  std::unique_ptr<Trainer> trainer;  // guarded by mutex while being created or destroyed
  std::shared_ptr<DecodeModel> live;
  std::vector<std::string> names;  // guarded by mutex
  std::atomic<bool> stop{false}, paused{false}, running{false};
};

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), worker_(std::make_unique<Worker>()) {
  qRegisterMetaType<TrainingPoint>();
}

TrainingSession::~TrainingSession() {
  stop();
  if (worker_->thread.joinable()) worker_->thread.join();
}

bool TrainingSession::isRunning() const { return worker_->running; }

std::shared_ptr<DecodeModel> TrainingSession::liveModel() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->live;
}

void TrainingSession::setLatentNames(const QStringList& names) {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  worker_->names.clear();
  for (const QString& n : names) worker_->names.push_back(n.toStdString());
}

void TrainingSession::setPaused(bool paused) {
  worker_->paused = paused;
  std::lock_guard<std::mutex> lock(worker_->mutex);
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
  ModelConfig model;
  TrainConfig train;
  try {
    const auto& p = preset(s.preset.toStdString());
    model = p.model;
    train = p.train;
    model.latent_dim = s.latentDim;
    model.image_size = s.imageSize;
    if (s.preset == QLatin1String("paper")) {
      train.beta = s.beta;
      train.gamma = s.gamma;
      train.vae_lr = s.learningRate;
      train.batch_size = s.batchSize;
    }
    train.epochs = s.epochs;
    train.max_steps = s.steps;
    train.seed = s.seed;
    model.validate();
    train.validate();
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  if (!QDir().mkpath(s.outputFolder)) {
    if (error) *error = tr("Cannot create the folder %1.").arg(s.outputFolder);
    return false;
  }
  worker_->stop = false;
  worker_->running = true;
  {
    std::lock_guard<std::mutex> lock(worker_->mutex);
    worker_->names.clear();
  }
  worker_->thread = std::thread([this, s, model, train]() mutable {
    Worker& w = *worker_;
    const std::string latest = QDir(s.outputFolder).filePath(QStringLiteral("latest.fvae")).toStdString();
    auto emit_queued = [this](auto f) { QMetaObject::invokeMethod(this, f, Qt::QueuedConnection); };
    try {
      set_compute_threads(train.threads);  // ATen's thread setting is per OS thread
      DatasetRequest request;
      request.spec = s.dataset.toStdString();
      request.size = model.image_size;
      auto data = open_dataset(request);
      model.channels = data->shape().channels;
      DatasetInfo info{request.spec, request.split, data->description(), 0};
      auto trainer = std::make_unique<Trainer>(model, train, data);
      auto snapshot = std::make_shared<ModelSnapshot>(model);
      trainer->attach_snapshot(snapshot, 5);
      const int64_t total = trainer->total_steps();
      {
        std::lock_guard<std::mutex> lock(w.mutex);
        w.live = std::make_shared<SnapshotModel>(snapshot, QString::fromStdString(model.describe()));
        w.trainer = std::move(trainer);
        if (w.stop) w.trainer->request_cancel();
        w.trainer->set_paused(w.paused);
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
      Trainer::Callbacks callbacks;
      callbacks.on_step = [&](const StepReport& r) {
        auto point = to_point(r, total);
        emit_queued([this, point] { emit stepped(point); });
      };
      callbacks.on_epoch_end = [&](int64_t epoch) {
        save_checkpoint(latest, *w.trainer, info, names());
        const QString path = QString::fromStdString(latest);
        emit_queued([this, epoch, path] { emit epochFinished(static_cast<int>(epoch), path); });
      };
      const auto outcome = w.trainer->run(callbacks);
      save_checkpoint(latest, *w.trainer, info, names());
      const bool cancelled = outcome == Trainer::Outcome::Cancelled;
      const QString message = (cancelled ? tr("Training stopped; saved %1") : tr("Training finished; saved %1"))
                                  .arg(QString::fromStdString(latest));
      w.running = false;
      emit_queued([this, cancelled, message] { emit finished(cancelled, message); });
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      w.running = false;
      emit_queued([this, message] { emit failed(message); });
    }
  });
  return true;
}

DecodeService::DecodeService(QObject* parent) : QObject(parent), thread_([this] { run(); }) {}

DecodeService::~DecodeService() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DecodeService::setModel(std::shared_ptr<DecodeModel> model) {
  std::lock_guard<std::mutex> lock(mutex_);
  model_ = std::move(model);
}

std::shared_ptr<DecodeModel> DecodeService::model() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return model_;
}

quint64 DecodeService::request(const QVector<float>& code) {
  quint64 generation;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = code;
    generation = ++generation_;
  }
  wake_.notify_one();
  return generation;
}

void DecodeService::run() {
  set_compute_threads(1);
  for (;;) {
    QVector<float> code;
    quint64 generation;
    std::shared_ptr<DecodeModel> model;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != taken_; });
      if (stopping_) return;
      code = pending_;  // only the newest request: older ones were overwritten
      generation = taken_ = generation_;
      model = model_;
    }
    if (!model || code.size() != model->latentDim()) continue;
    const auto start = std::chrono::steady_clock::now();
    QImage image = model->decode(code);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    QMetaObject::invokeMethod(
        this, [this, image, generation, ms] { emit decoded(image, generation, ms); }, Qt::QueuedConnection);
  }
}

}  // namespace fvae::service
