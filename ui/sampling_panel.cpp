#include "ui/sampling_panel.h"

#include "ui/export_dialogs.h"
#include "ui/image_tiles.h"
#include "ui/message_bar.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace fvae::ui {

QVector<QVector<float>> prior_codes(int count, int dims, double temperature, quint64 seed) {
  QRandomGenerator generator(static_cast<quint32>(seed));
  QVector<QVector<float>> codes(count, QVector<float>(dims));
  for (auto& code : codes)
    for (auto& v : code) {
      const double u1 = std::max(generator.generateDouble(), 1e-12), u2 = generator.generateDouble();
      v = static_cast<float>(temperature * std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2));
    }
  return codes;
}

SamplingPanel::SamplingPanel(QWidget* parent) : QWidget(parent), jobs_(new service::JobTracker(this)) {
  connect(jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot decode the samples"), error); });
  seed_ = new QSpinBox;
  seed_->setRange(0, 1 << 30);
  columns_ = new QSpinBox;
  columns_->setRange(1, 16);
  columns_->setValue(8);
  rows_ = new QSpinBox;
  rows_->setRange(1, 16);
  rows_->setValue(6);
  temperature_ = new QDoubleSpinBox;
  temperature_->setRange(0, 5);
  temperature_->setSingleStep(0.1);
  temperature_->setValue(1.0);
  temperature_->setToolTip(tr("Standard deviation of the prior samples"));
  auto* again = new QPushButton(tr("&Resample"));
  auto* next = new QPushButton(tr("&New seed"));
  auto* save = new QPushButton(tr("Save grid…"));
  save->setToolTip(tr("The sample grid as one PNG"));
  connect(save, &QPushButton::clicked, this, [this] {
    if (!images_.isEmpty()) saveImageAs(this, gridImage(), QStringLiteral("samples.png"));
  });
  connect(again, &QPushButton::clicked, this, &SamplingPanel::resample);
  connect(next, &QPushButton::clicked, this, [this] { seed_->setValue(seed_->value() + 1); });
  for (QSpinBox* box : {seed_, columns_, rows_}) connect(box, &QSpinBox::valueChanged, this, &SamplingPanel::resample);
  connect(temperature_, &QDoubleSpinBox::valueChanged, this, &SamplingPanel::resample);

  auto* form = new QFormLayout;
  form->addRow(tr("&Seed:"), seed_);
  form->addRow(tr("&Temperature:"), temperature_);
  form->addRow(tr("&Columns:"), columns_);
  form->addRow(tr("R&ows:"), rows_);
  auto* left = new QVBoxLayout;
  left->addLayout(form);
  left->addWidget(again);
  left->addWidget(next);
  left->addWidget(save);
  left->addWidget(new QLabel(tr("Click a sample to explore its code.")));
  left->addStretch();
  auto* grid_widget = new QWidget;
  grid_ = new QGridLayout(grid_widget);
  grid_->setSpacing(2);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addWidget(grid_widget, 1, Qt::AlignTop | Qt::AlignLeft);
}

QImage SamplingPanel::gridImage() const { return tileImages(images_, columns_->value()); }

void SamplingPanel::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  resample();
}

void SamplingPanel::resample() {
  if (!model_) return;
  auto model = model_;
  auto codes = prior_codes(columns_->value() * rows_->value(), model->latentDim(), temperature_->value(),
                           static_cast<quint64>(seed_->value()));
  jobs_->start<QVector<QImage>>(
      [model, codes](service::TaskControl& control) {
        const auto frozen = model->frozen();  // one set of weights for the whole grid, also during training
        QVector<QImage> images;
        for (const auto& code : codes) {
          if (control.cancelled) break;  // superseded: the result is dropped anyway
          images << frozen->decode(code);
        }
        return images;
      },
      [this, codes](const QVector<QImage>& images) { show(codes, images); });
}

void SamplingPanel::show(const QVector<QVector<float>>& codes, const QVector<QImage>& images) {
  qDeleteAll(buttons_);
  buttons_.clear();
  codes_ = codes;
  images_ = images;
  const int columns = columns_->value();
  const int cell = std::max(48, 2 * (images.isEmpty() ? 28 : images.first().width()));
  for (int i = 0; i < images.size(); ++i) {
    auto* button = new QToolButton;
    button->setIcon(QPixmap::fromImage(images[i].scaled(cell, cell, Qt::KeepAspectRatio, Qt::FastTransformation)));
    button->setIconSize(QSize(cell, cell));
    button->setToolTip(tr("Sample %1: open in the latent explorer").arg(i + 1));
    connect(button, &QToolButton::clicked, this, [this, i] { emit codeChosen(codes_.value(i)); });
    grid_->addWidget(button, i / columns, i % columns);
    buttons_ << button;
  }
  emit samplesReady();
}

}  // namespace fvae::ui
