#include "ui/sampling_panel.h"

#include "ui/breakable_text.h"
#include "ui/export_dialogs.h"
#include "ui/image_tiles.h"
#include "ui/message_bar.h"
#include "ui/number_field.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTimer>
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
  createFields();
  createButtons();
  layOut();
  connect(jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot decode the samples"), error); });
  // During training the grid follows the live weights, as the explorer does (at most every two seconds).
  follow_timer_ = new QTimer(this);
  follow_timer_->setInterval(2000);
  connect(follow_timer_, &QTimer::timeout, this, &SamplingPanel::followLiveWeights);
  follow_timer_->start();
}

void SamplingPanel::createFields() {
  seed_ = NumberField::integer(0, 1 << 30, 0);
  columns_ = NumberField::integer(1, 16, 8);
  rows_ = NumberField::integer(1, 16, 6);
  temperature_ = NumberField::real(0, 5, 1.0);
  temperature_->setSingleStep(0.1);
  temperature_->setToolTip(tr("Standard deviation of the prior samples"));
  for (NumberField* field : {seed_, columns_, rows_, temperature_})
    connect(field, &NumberField::valueChanged, this, &SamplingPanel::resample);
}

void SamplingPanel::createButtons() {
  auto* again = new QPushButton(tr("&Resample"));
  connect(again, &QPushButton::clicked, this, &SamplingPanel::resample);
  auto* next = new QPushButton(tr("&New seed"));
  connect(next, &QPushButton::clicked, this, [this] { seed_->setValue(seed_->value() + 1); });
  auto* save = new QPushButton(tr("Save grid…"));
  save->setToolTip(tr("The sample grid as one PNG"));
  connect(save, &QPushButton::clicked, this, [this] {
    if (!images_.isEmpty()) saveImageAs(this, gridImage(), QStringLiteral("samples.png"));
  });
  auto* save_files = new QPushButton(tr("Save as files…"));
  save_files->setToolTip(tr("Every sample as its own PNG in a folder, and their codes as samples-codes.npy"));
  connect(save_files, &QPushButton::clicked, this, &SamplingPanel::saveFiles);
  buttons_column_ = {again, next, save, save_files};
}

void SamplingPanel::saveFiles() {
  if (images_.isEmpty()) return;
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Save the samples into a folder"));
  if (folder.isEmpty()) return;
  const QString error =
      service::problemOf([&] { service::writeImageFiles(folder, QStringLiteral("samples"), images_, codes_); });
  if (!error.isEmpty())
    reportError(this, tr("Cannot save the samples"), error);
  else
    reportInformation(this, tr("Samples saved"),
                      tr("%1 PNG files and samples-codes.npy in %2").arg(images_.size()).arg(folder));
}

// The settings and buttons on the left; the tiles take the room the window gives them (whole multiples of the image
// size, so pixels stay crisp).
void SamplingPanel::layOut() {
  auto* form = new QFormLayout;
  auto* problems = new FieldProblems;
  addFormRow(form, tr("&Seed:"), seed_, problems);
  addFormRow(form, tr("&Temperature:"), temperature_, problems);
  addFormRow(form, tr("&Columns:"), columns_, problems);
  addFormRow(form, tr("R&ows:"), rows_, problems);
  auto* left = new QVBoxLayout;
  left->addLayout(form);
  left->addWidget(problems);
  for (QPushButton* b : buttons_column_) left->addWidget(b);
  left->addWidget(new QLabel(tr("Click a sample to explore its code.")));
  status_ = new QLabel;
  status_->setWordWrap(true);
  left->addWidget(status_);
  left->addStretch();
  grid_area_ = new QWidget;
  grid_area_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
  grid_ = new QGridLayout(grid_area_);
  grid_->setSpacing(2);
  grid_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addWidget(grid_area_, 1);
}

void SamplingPanel::followLiveWeights() {
  if (model_ && isVisible() && !jobs_->isBusy() && model_->version() != shown_version_) resample();
}

int SamplingPanel::tileSize() const {
  const int image = images_.isEmpty() ? 28 : std::max(1, images_.first().width());
  const int columns = std::max(1, columns_->intValue()), rows = std::max(1, rows_->intValue());
  const int spacing = grid_->spacing() + 8;  // the buttons' frames
  const int room = std::min((grid_area_->width() - 20) / columns, (grid_area_->height() - 20) / rows) - spacing;
  return std::clamp(room / image, 1, 12) * image;
}

void SamplingPanel::sizeTiles() {
  const int cell = tileSize();
  for (int i = 0; i < buttons_.size() && i < images_.size(); ++i) {
    buttons_[i]->setIcon(
        QPixmap::fromImage(images_[i].scaled(cell, cell, Qt::KeepAspectRatio, Qt::FastTransformation)));
    buttons_[i]->setIconSize(QSize(cell, cell));
  }
}

void SamplingPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  followLiveWeights();
}

void SamplingPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  sizeTiles();
}

QImage SamplingPanel::gridImage() const { return tileImages(images_, columns_->intValue()); }

void SamplingPanel::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  resample();
}

void SamplingPanel::resample() {
  if (!model_) return;
  auto model = model_;
  auto codes = prior_codes(columns_->intValue() * rows_->intValue(), model->latentDim(), temperature_->value(),
                           static_cast<quint64>(seed_->value()));
  jobs_->start<Grid>(
      [model, codes](service::TaskControl& control) {
        const auto frozen = model->frozen();  // one set of weights for the whole grid, also during training
        Grid grid{{}, frozen->version(), frozen->trainingStep()};
        for (const auto& code : codes) {
          if (control.cancelled) break;  // superseded: the result is dropped anyway
          grid.images << frozen->decode(code);
        }
        return grid;
      },
      [this, codes, model](const Grid& grid) {
        showGrid(codes, grid);
        // The model's name is a path, which may be longer than the column is wide: it wraps at its slashes.
        status_->setText(breakableAtSlashes(
            grid.step >= 0 ? tr("Decoded by %1, step %2.").arg(model->name(), QLocale().toString(grid.step))
                           : tr("Decoded by %1.").arg(model->name())));
      });
}

void SamplingPanel::showGrid(const QVector<QVector<float>>& codes, const Grid& grid) {
  const QVector<QImage>& images = grid.images;
  shown_version_ = grid.version;
  shown_step_ = grid.step;
  qDeleteAll(buttons_);
  buttons_.clear();
  codes_ = codes;
  images_ = images;
  const int columns = columns_->intValue();
  for (int i = 0; i < images.size(); ++i) {
    auto* button = new QToolButton;
    button->setToolTip(tr("Sample %1: open in the latent explorer").arg(i + 1));
    connect(button, &QToolButton::clicked, this, [this, i] { emit codeChosen(codes_.value(i)); });
    grid_->addWidget(button, i / columns, i % columns);
    buttons_ << button;
  }
  sizeTiles();
  emit samplesReady();
}

}  // namespace fvae::ui
