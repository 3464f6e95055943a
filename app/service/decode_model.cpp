// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/decode_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <atomic>

#include "app/service/errors.h"
#include "app/service/model_exchange.h"
#include "app/service/snapshot_access.h"
#include "app/service/step_points.h"
#include "app/service/tensor_images.h"
#include "app/service/training_session.h"
#include "model/checkpoint/checkpoint.h"
#include "model/inference/evaluation.h"
#include "model/inference/grids.h"
#include "model/inference/inference.h"

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
  SnapshotModel(std::shared_ptr<ModelSnapshot> snapshot, QString description, QString name, bool live)
      : snapshot_(std::move(snapshot)), description_(std::move(description)), name_(std::move(name)), live_(live) {}
  int latentDim() const override { return static_cast<int>(snapshot_->config().latent_dim); }
  int imageSize() const override { return static_cast<int>(snapshot_->config().image_size); }
  int channels() const override { return static_cast<int>(snapshot_->config().channels); }
  QString description() const override { return description_; }
  QString name() const override { return name_; }
  bool isLive() const override { return live_; }
  void endLive() override { live_ = false; }
  quint64 version() const override { return snapshot_->version(); }
  qint64 trainingStep() const override { return snapshot_->step(); }

  std::shared_ptr<DecodeModel> frozen() override {
    if (!live_) return shared_from_this();
    return std::make_shared<SnapshotModel>(snapshot_->copy(), description_, name_, false);
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
    for (const auto& label : traversal_column_labels(values)) result.columnLabels << QString::fromStdString(label);
    for (const auto& label : traversal_frame_labels(values)) result.frameLabels << QString::fromStdString(label);
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

 // The weights for work of several passes: a live model's copied, so that one result never mixes two steps.
  std::shared_ptr<ModelSnapshot> stable_snapshot() const { return live_ ? snapshot_->copy() : snapshot_; }

 private:
  std::shared_ptr<ModelSnapshot> snapshot_;
  QString description_, name_;
  std::atomic<bool> live_;
};

}  // namespace

std::shared_ptr<ModelSnapshot> stableSnapshot(DecodeModel& model) {
  auto* snapshot_model = dynamic_cast<SnapshotModel*>(&model);
  if (!snapshot_model) throw Error("this model has no weights to compute on");
  return snapshot_model->stable_snapshot();
}

torch::Tensor modelInput(const ModelConfig& c, const torch::Tensor& images) {
  auto x = images.to(torch::kFloat);
  if (x.size(1) != c.channels) x = c.channels == 1 ? x.mean(1, true) : x.expand({-1, c.channels, -1, -1});
  if (x.size(2) != c.image_size || x.size(3) != c.image_size) {
    namespace F = torch::nn::functional;
    auto resize = F::InterpolateFuncOptions().size(std::vector<int64_t>{c.image_size, c.image_size});
    x = x.size(2) > c.image_size ? F::interpolate(x, resize.mode(torch::kArea))
                                 : F::interpolate(x, resize.mode(torch::kBilinear).align_corners(false));
  }
  return x.contiguous();
}

RepresentationFunction encoderMeans(std::shared_ptr<ModelSnapshot> snapshot) {
  return [snapshot](const torch::Tensor& images) { return snapshot->encode(modelInput(snapshot->config(), images)).mu; };
}

std::shared_ptr<DecodeModel> snapshotModel(std::shared_ptr<ModelSnapshot> snapshot, const QString& description,
                                           const QString& name, bool live) {
  return std::make_shared<SnapshotModel>(std::move(snapshot), description, name, live);
}

QString checkpointName(const QString& path) {
  const QFileInfo info(path);
  if (const auto demo = demoModel(); !demo.path.isEmpty() && QFileInfo(demo.path) == info)
    return QCoreApplication::translate("fvae::service::DecodeModel", "demo model");
  const QString folder = info.absoluteDir().dirName();
  const QString pipeline = pipelineFolderOf(path);
  if (!pipeline.isEmpty() && folder.startsWith(QLatin1String("seed-")) && info.absolutePath() != pipeline)
    return QCoreApplication::translate("fvae::service::DecodeModel", "%1, candidate seed %2")
        .arg(QDir(pipeline).dirName(), folder.mid(5));
  return folder + QLatin1Char('/') + info.fileName();
}

LoadedModel loadModel(const QString& path) {
  LoadedModel loaded;
  try {
    auto cp = load_checkpoint(path.toStdString());
    auto snapshot = std::make_shared<ModelSnapshot>(cp.model);
    snapshot->update_from(*cp.networks, cp.step);
    loaded.model = snapshotModel(snapshot, QString::fromStdString(cp.model.describe()), checkpointName(path), false);
    for (const auto& name : cp.latent_names) loaded.latentNames << QString::fromStdString(name);
    if (!cp.history.empty())
      for (double k : cp.history.back().kl_per_dim) loaded.klPerDim << k;
    loaded.datasetDescription = QString::fromStdString(cp.dataset.description);
    loaded.datasetSpec = QString::fromStdString(cp.dataset.spec);
    loaded.history = points_of(cp.history, cp.train.max_steps > 0 ? cp.train.max_steps : cp.step, cp.train.batch_size);
  } catch (const std::exception& e) {
    throw Error(e.what());  // the checkpoint's reader names the file
  }
  return loaded;
}

void saveLatentNames(const QString& path, const QStringList& names) {
  try {
    auto cp = load_checkpoint(path.toStdString());
    for (int d = 0; d < names.size() && d < static_cast<int>(cp.latent_names.size()); ++d)
      cp.latent_names[d] = names[d].trimmed().replace(QLatin1Char('\n'), QLatin1Char(' ')).toStdString();
    save_checkpoint(path.toStdString(), cp);
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
}

}  // namespace fvae::service
