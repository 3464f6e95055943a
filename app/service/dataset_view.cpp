#include <torch/torch.h>

#include "app/service/dataset_view.h"

#include "app/service/errors.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include "app/service/response_plots.h"
#include "app/service/tensor_images.h"
#include "model/data/ground_truth.h"
#include "model/io/dataset_loader.h"

namespace fvae::service {

struct DatasetView::Impl {
  std::shared_ptr<const Dataset> data;
  QString spec;
};

DatasetView::DatasetView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DatasetView::~DatasetView() = default;

QString DatasetView::spec() const { return impl_->spec; }
QString DatasetView::description() const {
  QString text = QString::fromStdString(impl_->data->description());
  // The built-in dataset's words in the user's language (the core's description is also written into checkpoints,
  // in English); a folder's or file's description is its path and counts.
  const QString builtin = QStringLiteral("built-in dSprites-style");
  if (text.contains(builtin))
    text.replace(builtin, QCoreApplication::translate("fvae::service::DatasetView", "built-in dSprites-style"));
  return text;
}
std::shared_ptr<const Dataset> DatasetView::data() const { return impl_->data; }
int DatasetView::count() const { return static_cast<int>(impl_->data->size()); }
int DatasetView::imageSize() const { return static_cast<int>(impl_->data->shape().height); }
int DatasetView::channels() const { return static_cast<int>(impl_->data->shape().channels); }

QImage DatasetView::image(int index) const {
  if (index < 0 || index >= count()) return {};
  return to_qimage(impl_->data->image(index));
}

QVector<QImage> DatasetView::images(const QVector<int>& indices) const {
  QVector<QImage> out;
  std::vector<int64_t> valid;
  for (int i : indices)
    if (i >= 0 && i < count()) valid.push_back(i);
  if (valid.empty()) return out;
  auto batch = impl_->data->images(torch::tensor(valid, torch::kLong));
  for (int64_t k = 0; k < batch.size(0); ++k) out << to_qimage(batch[k]);
  return out;
}

QString DatasetView::label(int index) const {
  if (index < 0 || index >= count()) return {};
  auto labels = impl_->data->labels(torch::tensor({static_cast<int64_t>(index)}, torch::kLong));
  if (!labels.defined() || labels.numel() == 0) return {};
  auto row = labels[0].to(torch::kLong).contiguous();
  const int64_t* v = row.data_ptr<int64_t>();
  const int64_t k = row.numel();
  // Ground-truth factors, in the words the dataset gives their values ("heart", "0.7", "90°"): a word or a value with
  // its unit stands alone, a bare number follows the first word of its factor's name ("scale 0.7", "x 0.39"; German
  // "x-Position": "x").
  if (const GroundTruthSource* truth = impl_->data->ground_truth()) {
    const auto names = truth->factor_names();
    const auto values = truth->factor_value_names();
    QStringList parts;
    for (int64_t f = 0; f < k && f < static_cast<int64_t>(names.size()); ++f) {
      const auto& value_names = values[static_cast<size_t>(f)];
      const QString value = v[f] >= 0 && v[f] < static_cast<int64_t>(value_names.size())
                                ? QString::fromStdString(value_names[static_cast<size_t>(v[f])])
                                : QString::number(v[f]);
      static const QRegularExpression bare_number(QStringLiteral("^[-+]?\\d+(\\.\\d+)?$"));
      if (!bare_number.match(value).hasMatch()) {
        parts << (!value.isEmpty() && value.front().isLetter() ? factorName(value) : localizedNumbers(value));
        continue;
      }
      const QString factor = factorName(QString::fromStdString(names[static_cast<size_t>(f)]));
      parts << factor.section(QRegularExpression(QStringLiteral("[ -]")), 0, 0) + QLatin1Char(' ') +
                   localizedNumbers(value);
    }
    return parts.join(QStringLiteral(", "));
  }
  // Names where the dataset knows them (Fashion-MNIST's classes, class folders, ChestMNIST's findings).
  const auto info = impl_->data->label_info();
  auto named = [&](const std::string& name) { return QCoreApplication::translate("ResponsePlots", name.c_str()); };
  if (k == 1) {
    const auto& names = info.values.empty() ? std::vector<std::string>() : info.values[0];
    return v[0] >= 0 && v[0] < static_cast<int64_t>(names.size())
               ? named(names[v[0]])
               : QCoreApplication::translate("DatasetView", "class %1").arg(v[0]);
  }
  // Multi-label flags (ChestMNIST's 14 findings): the positive ones.
  QStringList positive;
  for (int64_t i = 0; i < k; ++i)
    if (v[i] != 0)
      positive << (i < static_cast<int64_t>(info.columns.size()) ? named(info.columns[i]) : QString::number(i));
  return positive.isEmpty()
             ? QCoreApplication::translate("DatasetView", "no finding")
             : QCoreApplication::translate("DatasetView", "findings %1").arg(positive.join(QStringLiteral(", ")));
}

OpenedDataset openDataset(const QString& spec, int size, int channels, const QString& split) {
  OpenedDataset opened;
  try {
    DatasetRequest request;
    request.spec = spec.toStdString();
    request.size = size;
    request.channels = channels;
    request.split = split.toStdString();
    auto impl = std::make_unique<DatasetView::Impl>();
    impl->data = open_dataset(request);
    impl->spec = spec;
    if (impl->data->size() == 0) throw DatasetError(spec.toStdString() + ": the dataset is empty");
    QStringList skipped;
    for (const auto& line : impl->data->skipped_files()) skipped << QString::fromStdString(line);
    opened.warning = skipped.join(QLatin1Char('\n'));
    opened.dataset = std::make_shared<DatasetView>(std::move(impl));
  } catch (const std::exception& e) {
    throw Error(e.what());
  }
  return opened;
}

QString builtinDatasetSpec() { return QString::fromStdString(kBuiltinDataset); }

bool hasGroundTruth(const QString& spec) { return spec_has_ground_truth(spec.toStdString()); }

QString installedFashionMnist() { return QString::fromStdString(installed_fashion_mnist()); }

}  // namespace fvae::service
