#include "ui/latent_explorer.h"

#include "model/nn/activity.h"
#include "ui/export_dialogs.h"
#include "ui/image_picker_dialog.h"
#include "ui/image_tiles.h"
#include "ui/interpolation_view.h"
#include "ui/message_bar.h"
#include "ui/number_field.h"
#include "ui/sampling_panel.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace fvae::ui {

namespace {
constexpr int kSliderSteps = 100;  // slider units per latent unit
constexpr double kRange = 3.0;
constexpr int kDisplaySize = 256;
}  // namespace

LatentExplorer::LatentExplorer(service::DecodeService* decoder, QWidget* parent)
    : QWidget(parent),
      decoder_(decoder),
      traversal_jobs_(new service::JobTracker(this)),
      encode_jobs_(new service::JobTracker(this)),
      preview_jobs_(new service::JobTracker(this)) {
  createViews();
  createButtons();
  layOut();
  connectJobs();
}

void LatentExplorer::createViews() {
  image_label_ = new QLabel(tr("Open a checkpoint or start a training to explore its latent space."));
  image_label_->setAlignment(Qt::AlignCenter);
  image_label_->setWordWrap(true);  // the German hint was cut mid-word
  image_label_->setMinimumSize(kDisplaySize, kDisplaySize);
  image_label_->setFrameShape(QFrame::StyledPanel);
  timing_label_ = new QLabel;
  traversal_progress_ = new QProgressBar;
  traversal_progress_->setFormat(tr("traversal grid %p%"));
  traversal_progress_->hide();
  rows_widget_ = new QWidget;
  rows_ = new QGridLayout(rows_widget_);
  interpolation_ = new InterpolationView;
  shown_label_ = new QLabel;
  shown_label_->setWordWrap(true);
  shown_label_->hide();
}

void LatentExplorer::createButtons() {
  traversal_cancel_ = new QPushButton(tr("Cancel"));
  traversal_cancel_->hide();
  connect(traversal_cancel_, &QPushButton::clicked, this, &LatentExplorer::cancelTraversalGrid);
  absolute_ = new QCheckBox(tr("Absolute values"));
  absolute_->setToolTip(tr("Sliders set the code directly instead of adding offsets to the base code"));
  connect(absolute_, &QCheckBox::toggled, this, &LatentExplorer::requestDecode);
  connect(absolute_, &QCheckBox::toggled, this, &LatentExplorer::refreshPreviews);
  auto button = [this](const QString& text, const QString& tip, auto slot) {
    auto* b = new QPushButton(text);
    if (!tip.isEmpty()) b->setToolTip(tip);
    connect(b, &QPushButton::clicked, this, slot);
    base_buttons_ << b;
    return b;
  };
  button(tr("Base: zero"), QString(), &LatentExplorer::setBaseToZero);
  button(tr("Base: random sample"), QString(), &LatentExplorer::setBaseToRandomSample);
  button(tr("Base: dataset image…"), tr("Start from the encoding (μ) of an image of the current dataset"),
         &LatentExplorer::chooseBaseImage);
  button(tr("Reset sliders"), QString(), &LatentExplorer::resetAll);
  button(tr("Traversal grid…"), tr("Every dimension from −3 to +3 around the current code, with difference maps"),
         &LatentExplorer::showTraversalGrid);
  save_ = new QPushButton(tr("Save image…"));
  connect(save_, &QPushButton::clicked, this, [this] {
    if (!shown_image_.isNull()) saveImageAs(this, shown_image_, QStringLiteral("decoded.png"));
  });
  follow_live_ = new QPushButton(tr("Follow the live training"));
  follow_live_->setToolTip(tr("Show the running training's weights here instead (the model shown now stays on disk)"));
  follow_live_->hide();
  connect(follow_live_, &QPushButton::clicked, this, &LatentExplorer::followLiveRequested);
}

// The decoded image and its controls on the left; the sliders, and the interpolation below them, on the right.
void LatentExplorer::layOut() {
  auto* left = new QVBoxLayout;
  left->addWidget(image_label_);
  left->addWidget(timing_label_);
  for (QPushButton* b : base_buttons_) left->addWidget(b);
  auto* traversal_row = new QHBoxLayout;
  traversal_row->addWidget(traversal_progress_, 1);
  traversal_row->addWidget(traversal_cancel_);
  left->addLayout(traversal_row);
  left->addWidget(save_);
  left->addWidget(absolute_);
  left->addStretch();
  auto* scroll = new QScrollArea;
  scroll->setWidget(rows_widget_);
  scroll->setWidgetResizable(true);
  auto* shown_row = new QHBoxLayout;
  shown_row->addWidget(shown_label_, 1);
  shown_row->addWidget(follow_live_);
  auto* right = new QVBoxLayout;
  right->addLayout(shown_row);
  right->addWidget(scroll, 1);
  right->addWidget(interpolation_);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addLayout(right, 1);
}

// What the background work reports, and the live weights polled while a training runs.
void LatentExplorer::connectJobs() {
  connect(preview_jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot decode the previews"), error); });
  connect(traversal_jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot decode the traversal grid"), error); });
  connect(encode_jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot encode the image"), error); });
  connect(decoder_, &service::DecodeService::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot decode"), error); });
  connect(traversal_jobs_, &service::JobTracker::busyChanged, this, [this](bool busy) {
    traversal_progress_->setVisible(busy);
    traversal_cancel_->setVisible(busy);
  });
  connect(decoder_, &service::DecodeService::decoded, this, &LatentExplorer::showDecoded);
  follow_timer_ = new QTimer(this);
  follow_timer_->setInterval(250);
  connect(follow_timer_, &QTimer::timeout, this, &LatentExplorer::followLiveWeights);
  follow_timer_->start();
}

void LatentExplorer::offerLiveTraining(bool offer) {
  shown_label_->setText(offer ? tr("A training is running; this tab shows another model.") : QString());
  shown_label_->setVisible(offer);
  follow_live_->setVisible(offer);
}

void LatentExplorer::setModel(std::shared_ptr<service::DecodeModel> model, const QStringList& names,
                              const QVector<double>& kl) {
  model_ = std::move(model);
  traversal_jobs_->cancel();  // results for the previous model are no longer wanted
  encode_jobs_->cancel();
  decoder_->setModel(model_);
  base_ = QVector<float>(model_ ? model_->latentDim() : 0, 0.0f);
  model_version_ = model_ ? model_->version() : 0;
  rebuildRows(names);
  preview_jobs_->cancel();
  refreshPreviews();
  setKl(kl);
  interpolation_->setModel(model_);
  requestDecode();
}

void LatentExplorer::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  dataset_ = dataset;
  interpolation_->setDataset(std::move(dataset));
}

void LatentExplorer::applySuggestedNames(const QStringList& suggested) {
  for (int d = 0; d < name_edits_.size() && d < suggested.size(); ++d)
    if (name_edits_[d]->text().trimmed().isEmpty()) name_edits_[d]->setText(suggested[d]);
  emit namesEdited(names());
}

void LatentExplorer::chooseBaseImage() {
  ImagePickerDialog::pick(this, dataset_, tr("Base code from an image"),
                          [this](int index) { setBaseToDatasetImage(index); });
}

void LatentExplorer::setBaseToDatasetImage(int index) {
  if (!model_ || !dataset_) return;
  const QImage image = dataset_->image(index);
  if (image.isNull()) return;
  auto model = model_;
  encode_jobs_->start<QVector<float>>([model, image](service::TaskControl&) { return model->encodeMean(image); },
                                      [this, model](const QVector<float>& code) {
                                        if (model == model_) setBaseCode(code);
                                      });
}

void LatentExplorer::rebuildRows(const QStringList& names) {
  for (const auto& row : row_widgets_) qDeleteAll(row);  // hidden rows are out of the layout
  while (QLayoutItem* item = rows_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  sliders_.clear(), values_.clear(), kl_labels_.clear(), name_edits_.clear(), row_widgets_.clear();
  ordered_by_kl_ = false;
  inactive_count_ = 0;
  const int dims = model_ ? model_->latentDim() : 0;
  rows_->addWidget(new QLabel(tr("Name")), 0, 0);
  rows_->addWidget(new QLabel(tr("Value")), 0, 1, 1, 2);
  rows_->addWidget(new QLabel(tr("KL (nats)")), 0, 4);
  rows_->addWidget(new QLabel(tr("Preview: −3 … +3")), 0, 5);
  previews_.clear();
  preview_strips_.clear();
  for (int d = 0; d < dims; ++d) {
    auto* name = new QLineEdit(names.value(d));
    name->setPlaceholderText(QStringLiteral("z%1").arg(d));
    // Wide enough for a factor's name at any window size (it shrank to ~30 px in a narrow window).
    name->setMinimumWidth(name->fontMetrics().horizontalAdvance(QStringLiteral("orientation ")) + 16);
    name->setToolTip(tr("Name of latent dimension %1; saved into the checkpoint").arg(d));
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setRange(static_cast<int>(-kRange * kSliderSteps), static_cast<int>(kRange * kSliderSteps));
    slider->setSingleStep(10);
    slider->setPageStep(50);
    slider->setMinimumWidth(140);
    slider->setAccessibleName(tr("Latent dimension %1").arg(d));
    auto* value = NumberField::real(-kRange, kRange, 0);
    value->setSingleStep(0.1);
    value->setWidestValue(-(kRange - 1.0 / kSliderSteps));  // a slider's value: −2.99
    value->setFieldName(tr("Dimension %1").arg(d));
    auto* reset = new QPushButton(tr("Reset"));
    auto* kl = new QLabel;
    connect(slider, &QSlider::valueChanged, this, [this, value](int v) {
      const QSignalBlocker block(value);
      value->setValue(v / double(kSliderSteps));
      requestDecode();
    });
    connect(value, &NumberField::valueChanged, slider,
            [slider](double v) { slider->setValue(static_cast<int>(std::lround(v * kSliderSteps))); });
    connect(reset, &QPushButton::clicked, slider, [slider] { slider->setValue(0); });
    connect(name, &QLineEdit::editingFinished, this, [this] { emit namesEdited(this->names()); });
    auto* preview = new QLabel;
    preview->setToolTip(
        tr("Dimension %1 from −3 to +3 around the base code, the other dimensions as in the base").arg(d));
    previews_ << preview;
    sliders_ << slider, values_ << value, kl_labels_ << kl, name_edits_ << name;
    row_widgets_ << QVector<QWidget*>{name, slider, value, reset, kl, preview};
  }
  inactive_toggle_ = new QPushButton;
  inactive_toggle_->setFlat(true);
  inactive_toggle_->setCheckable(true);
  connect(inactive_toggle_, &QPushButton::toggled, this, [this](bool on) { arrangeRows(on); });
  order_.clear();
  for (int d = 0; d < dims; ++d) order_ << d;
  arrangeRows(true);
}

namespace {
constexpr int kManyDimensions = 16;  // more than this: inactive dimensions hidden until asked for
}  // namespace

void LatentExplorer::arrangeRows(bool showInactive) {
  for (const auto& row : row_widgets_)
    for (QWidget* w : row) rows_->removeWidget(w);
  rows_->removeWidget(inactive_toggle_);
  const int columns[] = {0, 1, 2, 3, 4, 5};
  int row = 1;
  for (int d : order_) {
    const bool shown = showInactive || kl_labels_[d]->isEnabled();
    for (int c = 0; c < row_widgets_[d].size(); ++c) {
      row_widgets_[d][c]->setVisible(shown);
      if (shown) rows_->addWidget(row_widgets_[d][c], row, columns[c]);
    }
    if (shown) ++row;
  }
  inactive_toggle_->setText(showInactive ? tr("Hide the %n inactive dimension(s)", nullptr, inactive_count_)
                                         : tr("Show the %n inactive dimension(s)", nullptr, inactive_count_));
  inactive_toggle_->setVisible(inactive_count_ > 0 && ordered_by_kl_ && order_.size() > kManyDimensions);
  rows_->addWidget(inactive_toggle_, row, 0, 1, 6, Qt::AlignLeft);
  for (int r = 0; r < rows_->rowCount(); ++r) rows_->setRowStretch(r, 0);
  rows_->setRowStretch(row + 1, 1);
}

void LatentExplorer::setKl(const QVector<double>& kl) {
  for (int d = 0; d < kl_labels_.size(); ++d) {
    const bool known = d < kl.size();
    kl_labels_[d]->setText(known ? QLocale().toString(kl[d], 'f', 3) : QStringLiteral("–"));
    // Inactive dimensions carry no information (model/nn/activity.h, the one definition): greyed out, as everywhere.
    const bool active = !known || is_active(kl[d]);
    kl_labels_[d]->setEnabled(active);
    kl_labels_[d]->setToolTip(active ? QString() : tr("inactive: KL below %1 nats").arg(kActiveKlNats));
  }
  // Once per model, when its KL is first known: the rows by KL, largest first (the active ones first). Not again for
  // a running training's updates, so that rows do not move under the pointer.
  if (ordered_by_kl_ || kl.size() != kl_labels_.size() || kl.isEmpty()) return;
  ordered_by_kl_ = true;
  std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) { return kl[a] > kl[b]; });
  inactive_count_ = static_cast<int>(std::count_if(kl.begin(), kl.end(), [](double k) { return !is_active(k); }));
  // With many dimensions the inactive ones (no information, nothing a slider changes) wait behind a button.
  const QSignalBlocker block(inactive_toggle_);
  inactive_toggle_->setChecked(order_.size() <= kManyDimensions);
  arrangeRows(inactive_toggle_->isChecked());
}

QString LatentExplorer::klText(int dimension) const {
  return dimension < kl_labels_.size() ? kl_labels_[dimension]->text() : QString();
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
  refreshPreviews();
}

void LatentExplorer::setBaseToZero() {
  base_.fill(0.0f);
  requestDecode();
  refreshPreviews();
}

void LatentExplorer::setBaseToRandomSample() {
  base_ = prior_codes(1, base_.size(), 1.0, ++random_seed_).value(0, base_);
  requestDecode();
  refreshPreviews();
}

const QVector<float>& LatentExplorer::previewValues() {
  static const QVector<float> values = {-3, -2, -1, 0, 1, 2, 3};
  return values;
}

void LatentExplorer::refreshPreviews() {
  since_previews_.start();
  if (!model_) return;
  auto model = model_;
  const QVector<float> base = absolute_->isChecked() ? QVector<float>(model->latentDim(), 0.0f) : base_;
  preview_jobs_->start<QVector<QImage>>(
      [model, base](service::TaskControl& control) {
        const auto frozen = model->frozen();  // one set of weights for every strip
        QVector<QImage> strips;
        for (int d = 0; d < base.size(); ++d) {
          if (control.cancelled) break;
          QVector<QImage> row;
          for (float offset : previewValues()) {
            QVector<float> code = base;
            code[d] += offset;
            row << frozen->decode(code);
          }
          strips << tileImages(row);
        }
        return strips;
      },
      [this](const QVector<QImage>& strips) {
        if (strips.size() != previews_.size()) return;
        preview_strips_ = strips;
        const int scale = std::max(1, 40 / std::max(1, model_ ? model_->imageSize() : 28));
        for (int d = 0; d < strips.size(); ++d) previews_[d]->setPixmap(QPixmap::fromImage(upscaled(strips[d], scale)));
        emit previewsReady();
      });
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
  // Which weights these are, as the other tabs say: during a training they move on.
  const qint64 step = model_ ? model_->trainingStep() : -1;
  const QLocale locale;  // the user's digits
  timing_label_->setText(step >= 0 ? tr("weights of step %1 · decoded in %2 ms")
                                         .arg(locale.toString(step), locale.toString(milliseconds, 'f', 2))
                                   : tr("decoded in %1 ms").arg(locale.toString(milliseconds, 'f', 2)));
  emit imageShown(generation);
}

void LatentExplorer::showTraversalGrid() {
  if (!model_) return;
  auto model = model_;
  const QVector<float> base = absolute_->isChecked() ? QVector<float>(model->latentDim(), 0.0f) : code();
  const bool absolute = absolute_->isChecked();
  const int dims = model->latentDim();
  traversal_progress_->setRange(0, dims);
  traversal_progress_->setValue(0);
  traversal_jobs_->start<service::Traversal>(
      [model, base, absolute, dims](service::TaskControl& control) {
        return model->traversal(base, absolute, [&](int done, int) { return control.report(double(done) / dims); });
      },
      [this](const service::Traversal& traversal) {
        if (traversal.grid.isNull()) return;
        last_traversal_ = traversal;
        emit traversalGridReady(traversal.grid);
        showGridDialog();
      },
      [this, dims](double fraction) { traversal_progress_->setValue(static_cast<int>(fraction * dims)); });
}

void LatentExplorer::cancelTraversalGrid() { traversal_jobs_->cancel(); }

service::ExportStyle LatentExplorer::traversalStyle(int scale) const {
  service::ExportStyle style;
  style.scale = scale;
  const QStringList given = names();
  for (int d = 0; d < given.size(); ++d)
    style.rowLabels << (given[d].isEmpty() ? QStringLiteral("z%1").arg(d) : given[d]);
  style.rowHeight = last_traversal_.rowHeight;
  style.rowOffset = 1;
  style.columnLabels = last_traversal_.columnLabels;  // the columns' values and the difference map
  style.columnWidth = last_traversal_.rowHeight;
  style.columnOffset = 1;
  return style;
}

QString LatentExplorer::saveTraversalPng(const QString& path, int scale) const {
  return service::problemOf([&] { service::writePng(path, last_traversal_.grid, traversalStyle(scale)); });
}

QString LatentExplorer::saveTraversalGif(const QString& path, int scale) const {
  return service::problemOf([&] { service::writeGif(path, last_traversal_.frames, 120, traversalFramesStyle(scale)); });
}

service::ExportStyle LatentExplorer::traversalFramesStyle(int scale) const {
  service::ExportStyle style = traversalStyle(scale);
  style.frameLabels = last_traversal_.frameLabels;  // a frame is one column: its own value above it
  return style;
}

void LatentExplorer::showGridDialog() {
  const int scale = std::max(1, 720 / std::max(1, last_traversal_.grid.width()));
  // On screen as in the saved PNG: the rows named, the columns' values above them.
  const QImage grid = service::styledImage(last_traversal_.grid, traversalStyle(scale));
  auto* dialog = new QDialog(this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(tr("Traversal grid"));
  auto* label = new QLabel;
  label->setPixmap(QPixmap::fromImage(grid));
  label->setToolTip(tr("Rows: latent dimensions from the top; columns: −3 … +3; last column: difference map"));
  auto* scroll = new QScrollArea;
  scroll->setWidget(label);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  QPushButton* png = buttons->addButton(tr("Save PNG…"), QDialogButtonBox::ActionRole);
  QPushButton* gif = buttons->addButton(tr("Save GIF…"), QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  const auto traversal = last_traversal_;
  connect(png, &QPushButton::clicked, dialog, [this, dialog, traversal] {
    saveImageAs(dialog, traversal.grid, QStringLiteral("traversal.png"), traversalStyle(1));
  });
  connect(gif, &QPushButton::clicked, dialog, [this, dialog, traversal] {
    saveAnimationAs(dialog, traversal.frames, 120, QStringLiteral("traversal.gif"), traversalFramesStyle(1));
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
    // The previews are 7 decodes a dimension: during training at most every second.
    if (!preview_jobs_->isBusy() && since_previews_.elapsed() > 1000) refreshPreviews();
  }
}

}  // namespace fvae::ui
