#include "ui/interpolation_view.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>

#include "ui/export_dialogs.h"
#include "ui/image_picker_dialog.h"
#include "ui/image_tiles.h"
#include "ui/message_bar.h"
#include "ui/number_field.h"

namespace fvae::ui {

namespace {
constexpr int kStripScale = 3;
constexpr int kGifDelayMs = 120;
}  // namespace

InterpolationView::InterpolationView(QWidget* parent)
    : QGroupBox(tr("Interpolation between two images"), parent), jobs_(new service::JobTracker(this)) {
  connect(jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot interpolate"), error); });
  for (int which = 0; which < 2; ++which) {
    pick_[which] = new QToolButton;
    pick_[which]->setText(which == 0 ? tr("From…") : tr("To…"));
    pick_[which]->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    pick_[which]->setIconSize(QSize(48, 48));
    pick_[which]->setToolTip(tr("Pick a dataset image; its encoding (μ) is an end of the interpolation"));
    connect(pick_[which], &QToolButton::clicked, this, [this, which] { pickEndpoint(which); });
  }
  mode_ = new QComboBox;
  mode_->addItem(tr("Linear"));
  mode_->addItem(tr("Spherical (slerp)"));
  mode_->setToolTip(tr("Spherical interpolation keeps the code's norm typical of the prior along the way"));
  steps_ = NumberField::integer(3, 32, 10);
  steps_->setFieldName(tr("Images in the strip"));
  steps_->setToolTip(tr("Images in the strip, ends included"));
  connect(mode_, &QComboBox::currentIndexChanged, this, &InterpolationView::refresh);
  connect(steps_, &NumberField::valueChanged, this, &InterpolationView::refresh);
  strip_label_ = new QLabel(tr("Pick two images to interpolate between their codes."));
  strip_label_->setMinimumHeight(90);
  auto* scroll = new QScrollArea;
  scroll->setWidget(strip_label_);
  scroll->setWidgetResizable(true);
  scroll->setMinimumHeight(110);
  auto* png = new QPushButton(tr("Save PNG…"));
  auto* gif = new QPushButton(tr("Save GIF…"));
  connect(png, &QPushButton::clicked, this, [this] {
    if (!strip_.isNull()) saveImageAs(this, strip_, QStringLiteral("interpolation.png"));
  });
  connect(gif, &QPushButton::clicked, this, [this] {
    if (!frames_.isEmpty()) saveAnimationAs(this, animationFrames(), kGifDelayMs, QStringLiteral("interpolation.gif"));
  });

  // The endpoints beside two short rows (mode and steps; the exports): one long row made the explorer wider than a
  // 1000-pixel window in German.
  auto* settings_row = new QHBoxLayout;
  settings_row->addWidget(new QLabel(tr("Mode:")));
  settings_row->addWidget(mode_);
  settings_row->addWidget(new QLabel(tr("Steps:")));
  settings_row->addWidget(steps_);
  settings_row->addStretch();
  auto* export_row = new QHBoxLayout;
  export_row->addWidget(png);
  export_row->addWidget(gif);
  export_row->addStretch();
  auto* rows = new QVBoxLayout;
  rows->addLayout(settings_row);
  rows->addLayout(export_row);
  auto* controls = new QHBoxLayout;
  controls->addWidget(pick_[0]);
  controls->addWidget(pick_[1]);
  controls->addLayout(rows, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(scroll);
}

void InterpolationView::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  refresh();
}

void InterpolationView::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  dataset_ = std::move(dataset);
  endpoints_[0] = endpoints_[1] = -1;
  showEndpoint(0);
  showEndpoint(1);
  refresh();
}

void InterpolationView::setEndpoints(int from, int to) {
  endpoints_[0] = from;
  endpoints_[1] = to;
  showEndpoint(0);
  showEndpoint(1);
  refresh();
}

void InterpolationView::setSpherical(bool spherical) { mode_->setCurrentIndex(spherical ? 1 : 0); }
void InterpolationView::setSteps(int steps) { steps_->setValue(steps); }

void InterpolationView::pickEndpoint(int which) {
  ImagePickerDialog::pick(this, dataset_, which == 0 ? tr("Interpolate from") : tr("Interpolate to"),
                          [this, which](int index) {
                            endpoints_[which] = index;
                            showEndpoint(which);
                            refresh();
                          });
}

void InterpolationView::showEndpoint(int which) {
  const int index = endpoints_[which];
  const QImage image = dataset_ && index >= 0 ? dataset_->image(index) : QImage();
  pick_[which]->setIcon(image.isNull() ? QIcon() : QIcon(QPixmap::fromImage(upscaled(image, 2))));
  const QString end = which == 0 ? tr("From") : tr("To");
  pick_[which]->setText(index >= 0 ? QStringLiteral("%1 #%2").arg(end).arg(index) : end + QStringLiteral("…"));
}

void InterpolationView::refresh() {
  // Two encodes and up to 32 decodes, maybe while training changes the weights: off the GUI thread, newest request
  // wins, all on one frozen set of weights.
  QVector<QImage> ends;
  if (model_ && dataset_ && endpoints_[0] >= 0 && endpoints_[1] >= 0)
    ends = dataset_->images({endpoints_[0], endpoints_[1]});
  if (ends.size() != 2) {
    jobs_->cancel();
    frames_.clear();
    strip_ = QImage();
    strip_label_->setText(tr("Pick two images to interpolate between their codes."));
    emit refreshed();
    return;
  }
  auto model = model_;
  const int steps = steps_->intValue();
  const bool spherical = mode_->currentIndex() == 1;
  jobs_->start<QVector<QImage>>(
      [model, ends, steps, spherical](service::TaskControl&) {
        const auto frozen = model->frozen();
        return frozen->interpolate(frozen->encodeMean(ends[0]), frozen->encodeMean(ends[1]), steps, spherical);
      },
      [this](const QVector<QImage>& frames) {
        frames_ = frames;
        strip_ = tileImages(frames_);
        strip_label_->setPixmap(QPixmap::fromImage(upscaled(strip_, kStripScale)));
        emit refreshed();
      });
}

QString InterpolationView::savePng(const QString& path, int scale) const {
  service::ExportStyle style;
  style.scale = scale;
  return service::problemOf([&] { service::writePng(path, strip_, style); });
}

QString InterpolationView::saveGif(const QString& path, int scale) const {
  service::ExportStyle style;
  style.scale = scale;
  return service::problemOf([&] { service::writeGif(path, animationFrames(), kGifDelayMs, style); });
}

QVector<QImage> InterpolationView::animationFrames() const {
  QVector<QImage> loop = frames_;
  for (int i = static_cast<int>(frames_.size()) - 2; i > 0; --i) loop << frames_[i];  // forth and back
  return loop;
}

}  // namespace fvae::ui
