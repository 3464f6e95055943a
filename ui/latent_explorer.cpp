#include "ui/latent_explorer.h"

#include "ui/sampling_panel.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <atomic>
#include <cmath>

namespace fvae::ui {

namespace {
constexpr int kSliderSteps = 100;  // slider units per latent unit
constexpr double kRange = 3.0;
constexpr int kDisplaySize = 256;
}  // namespace

LatentExplorer::LatentExplorer(service::DecodeService* decoder, QWidget* parent) : QWidget(parent), decoder_(decoder) {
  image_label_ = new QLabel(tr("Open a checkpoint or start a training to explore its latent space."));
  image_label_->setAlignment(Qt::AlignCenter);
  image_label_->setMinimumSize(kDisplaySize, kDisplaySize);
  image_label_->setFrameShape(QFrame::StyledPanel);
  timing_label_ = new QLabel;
  absolute_ = new QCheckBox(tr("Absolute values"));
  absolute_->setToolTip(tr("Sliders set the code directly instead of adding offsets to the base code"));
  auto* zero = new QPushButton(tr("Base: zero"));
  auto* random = new QPushButton(tr("Base: random sample"));
  auto* reset = new QPushButton(tr("Reset sliders"));
  auto* grid = new QPushButton(tr("Traversal grid…"));
  grid->setToolTip(tr("Every dimension from −3 to +3 around the current code, with difference maps"));
  connect(grid, &QPushButton::clicked, this, &LatentExplorer::showTraversalGrid);
  connect(zero, &QPushButton::clicked, this, &LatentExplorer::setBaseToZero);
  connect(random, &QPushButton::clicked, this, &LatentExplorer::setBaseToRandomSample);
  connect(reset, &QPushButton::clicked, this, &LatentExplorer::resetAll);
  connect(absolute_, &QCheckBox::toggled, this, &LatentExplorer::requestDecode);

  rows_widget_ = new QWidget;
  rows_ = new QGridLayout(rows_widget_);
  auto* scroll = new QScrollArea;
  scroll->setWidget(rows_widget_);
  scroll->setWidgetResizable(true);

  auto* left = new QVBoxLayout;
  left->addWidget(image_label_);
  left->addWidget(timing_label_);
  left->addWidget(zero);
  left->addWidget(random);
  left->addWidget(reset);
  left->addWidget(grid);
  left->addWidget(absolute_);
  left->addStretch();
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addWidget(scroll, 1);

  connect(decoder_, &service::DecodeService::decoded, this, &LatentExplorer::showDecoded);
  follow_timer_ = new QTimer(this);
  follow_timer_->setInterval(250);
  connect(follow_timer_, &QTimer::timeout, this, &LatentExplorer::followLiveWeights);
  follow_timer_->start();
}

void LatentExplorer::setModel(std::shared_ptr<service::DecodeModel> model, const QStringList& names,
                              const QVector<double>& kl) {
  model_ = std::move(model);
  decoder_->setModel(model_);
  base_ = QVector<float>(model_ ? model_->latentDim() : 0, 0.0f);
  model_version_ = model_ ? model_->version() : 0;
  rebuildRows(names);
  setKl(kl);
  requestDecode();
}

void LatentExplorer::rebuildRows(const QStringList& names) {
  while (QLayoutItem* item = rows_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  sliders_.clear(), values_.clear(), kl_labels_.clear(), name_edits_.clear();
  const int dims = model_ ? model_->latentDim() : 0;
  rows_->addWidget(new QLabel(tr("Name")), 0, 0);
  rows_->addWidget(new QLabel(tr("Value")), 0, 1, 1, 2);
  rows_->addWidget(new QLabel(tr("KL (nats)")), 0, 4);
  for (int d = 0; d < dims; ++d) {
    auto* name = new QLineEdit(names.value(d));
    name->setPlaceholderText(QStringLiteral("z%1").arg(d));
    name->setToolTip(tr("Name of latent dimension %1; saved into the checkpoint").arg(d));
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setRange(static_cast<int>(-kRange * kSliderSteps), static_cast<int>(kRange * kSliderSteps));
    slider->setSingleStep(10);
    slider->setPageStep(50);
    slider->setMinimumWidth(240);
    slider->setAccessibleName(tr("Latent dimension %1").arg(d));
    auto* value = new QDoubleSpinBox;
    value->setRange(-kRange, kRange);
    value->setSingleStep(0.1);
    value->setDecimals(2);
    auto* reset = new QPushButton(tr("Reset"));
    auto* kl = new QLabel;
    connect(slider, &QSlider::valueChanged, this, [this, value](int v) {
      const QSignalBlocker block(value);
      value->setValue(v / double(kSliderSteps));
      requestDecode();
    });
    connect(value, &QDoubleSpinBox::valueChanged, slider,
            [slider](double v) { slider->setValue(static_cast<int>(std::lround(v * kSliderSteps))); });
    connect(reset, &QPushButton::clicked, slider, [slider] { slider->setValue(0); });
    connect(name, &QLineEdit::editingFinished, this, [this] { emit namesEdited(this->names()); });
    rows_->addWidget(name, d + 1, 0);
    rows_->addWidget(slider, d + 1, 1);
    rows_->addWidget(value, d + 1, 2);
    rows_->addWidget(reset, d + 1, 3);
    rows_->addWidget(kl, d + 1, 4);
    sliders_ << slider, values_ << value, kl_labels_ << kl, name_edits_ << name;
  }
  rows_->setRowStretch(dims + 1, 1);
}

void LatentExplorer::setKl(const QVector<double>& kl) {
  for (int d = 0; d < kl_labels_.size(); ++d) {
    const bool known = d < kl.size();
    kl_labels_[d]->setText(known ? QString::number(kl[d], 'f', 3) : QStringLiteral("–"));
    // Collapsed dimensions (KL ≈ 0) carry no information: grey them out.
    kl_labels_[d]->setEnabled(!known || kl[d] > 0.01);
  }
}

QVector<float> LatentExplorer::code() const {
  QVector<float> z = absolute_->isChecked() ? QVector<float>(sliders_.size(), 0.0f) : base_;
  for (int d = 0; d < sliders_.size() && d < z.size(); ++d) z[d] += sliders_[d]->value() / float(kSliderSteps);
  return z;
}

QStringList LatentExplorer::names() const {
  QStringList out;
  for (auto* edit : name_edits_) out << edit->text().trimmed();
  return out;
}

void LatentExplorer::resetAll() {
  for (auto* s : sliders_) {
    const QSignalBlocker block(s);
    s->setValue(0);
  }
  for (auto* v : values_) {
    const QSignalBlocker block(v);
    v->setValue(0);
  }
  requestDecode();
}

void LatentExplorer::setBaseCode(const QVector<float>& base) {
  if (base.size() != base_.size()) return;
  base_ = base;
  absolute_->setChecked(false);
  resetAll();
}

void LatentExplorer::setBaseToZero() {
  base_.fill(0.0f);
  requestDecode();
}

void LatentExplorer::setBaseToRandomSample() {
  base_ = prior_codes(1, base_.size(), 1.0, ++random_seed_).value(0, base_);
  requestDecode();
}

void LatentExplorer::requestDecode() {
  if (model_) decoder_->request(code());
}

void LatentExplorer::showDecoded(const QImage& image, quint64 generation, double milliseconds) {
  if (generation < shown_generation_) return;  // a stale result: a newer one is already on screen
  shown_generation_ = generation;
  shown_image_ = image;
  image_label_->setPixmap(QPixmap::fromImage(image.scaled(kDisplaySize, kDisplaySize, Qt::KeepAspectRatio,
                                                          Qt::FastTransformation)));  // crisp pixels
  timing_label_->setText(tr("decoded in %1 ms").arg(milliseconds, 0, 'f', 2));
  emit imageShown(generation);
}

void LatentExplorer::showTraversalGrid() {
  if (!model_) return;
  auto model = model_;
  const QVector<float> base = absolute_->isChecked() ? QVector<float>(model->latentDim(), 0.0f) : code();
  const bool absolute = absolute_->isChecked();
  auto* progress = new QProgressDialog(tr("Decoding the traversal grid…"), tr("Cancel"), 0, model->latentDim(), this);
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(300);
  auto cancelled = std::make_shared<std::atomic<bool>>(false);
  connect(progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
  // Off the GUI thread; results come back through queued calls.
  QThread* worker = QThread::create([this, model, base, absolute, progress, cancelled] {
    QImage grid = model->traversalGrid(base, absolute, [&](int done, int) {
      QMetaObject::invokeMethod(
          progress, [progress, done] { progress->setValue(done); }, Qt::QueuedConnection);
      return !*cancelled;
    });
    QMetaObject::invokeMethod(
        this,
        [this, grid, progress] {
          progress->deleteLater();
          if (!grid.isNull()) showGridDialog(grid);
        },
        Qt::QueuedConnection);
  });
  connect(worker, &QThread::finished, worker, &QObject::deleteLater);
  worker->start();
}

void LatentExplorer::showGridDialog(const QImage& grid) {
  last_grid_ = grid;
  emit traversalGridReady(grid);
  auto* dialog = new QDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(tr("Traversal grid"));
  auto* label = new QLabel;
  const int scale = std::max(1, 720 / std::max(1, grid.width()));
  label->setPixmap(QPixmap::fromImage(grid.scaled(grid.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
  auto* scroll = new QScrollArea;
  scroll->setWidget(label);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, grid, scale] {
    const QString path = QFileDialog::getSaveFileName(dialog, tr("Save traversal grid"),
                                                      QStringLiteral("traversal.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (!grid.scaled(grid.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation).save(path, "PNG"))
      QMessageBox::warning(dialog, tr("Cannot save"), tr("Could not write %1.").arg(path));
  });
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(scroll);
  layout->addWidget(buttons);
  dialog->resize(800, 600);
  dialog->show();
}

void LatentExplorer::followLiveWeights() {
  if (model_ && model_->version() != model_version_) {
    model_version_ = model_->version();
    requestDecode();
  }
}

}  // namespace fvae::ui
