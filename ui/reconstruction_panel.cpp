#include "ui/reconstruction_panel.h"

#include <algorithm>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "ui/dataset_browser.h"
#include "ui/export_dialogs.h"
#include "ui/image_tiles.h"
#include "ui/message_bar.h"
#include "ui/result_origin.h"

namespace fvae::ui {

namespace {
// Images shown about 64–84 pixels wide: 28 px three times, 32 px twice, 64 px as they are.
int cellScale(int imageSize) { return std::max(1, 84 / std::max(1, imageSize)); }
enum Column { kCaption, kOriginal, kReconstruction, kHeatmap, kBce, kMse, kColumns };
}  // namespace

ReconstructionPanel::ReconstructionPanel(QWidget* parent)
    : QWidget(parent),
      browser_(new DatasetBrowser(QAbstractItemView::ExtendedSelection)),
      table_(new QTableWidget(0, kColumns)),
      summary_(new QLabel),
      reconstruct_(new QPushButton(tr("&Reconstruct selected"))),
      explore_(new QPushButton(tr("E&xplore this code"))),
      export_(new QPushButton(tr("Save comparison…"))),
      origin_(new ResultOrigin),
      jobs_(new service::JobTracker(this)) {
  createButtons();
  createTable();
  layOut();
  connect(jobs_, &service::JobTracker::failed, this,
          [this](const QString& error) { reportError(this, tr("Cannot reconstruct"), error); });
  // During training the results follow the live weights, as the explorer does (at most every two seconds).
  follow_timer_ = new QTimer(this);
  follow_timer_->setInterval(2000);
  connect(follow_timer_, &QTimer::timeout, this, &ReconstructionPanel::followLiveWeights);
  follow_timer_->start();
  setModel(nullptr);
}

void ReconstructionPanel::createButtons() {
  reconstruct_->setToolTip(
      tr("Encode the selected dataset images (z = μ) and decode them (at most %1)").arg(kMaxImages));
  load_ = new QPushButton(tr("&Load image files…"));
  load_->setToolTip(tr("Images from disk, converted and resized like the dataset"));
  explore_->setToolTip(tr("Send the selected result's code (μ) to the latent explorer as its base"));
  export_->setToolTip(tr("Originals, reconstructions and heat maps as one PNG"));
  connect(reconstruct_, &QPushButton::clicked, this, &ReconstructionPanel::reconstructSelected);
  connect(load_, &QPushButton::clicked, this, &ReconstructionPanel::chooseImageFiles);
  connect(browser_, &DatasetBrowser::activated, this, &ReconstructionPanel::reconstructSelected);
  connect(explore_, &QPushButton::clicked, this, [this] {
    const int row = table_->currentRow();
    if (row >= 0 && row < results_.size()) emit exploreCode(results_[row].code);
  });
  connect(export_, &QPushButton::clicked, this,
          [this] { saveImageAs(this, comparisonGrid(), QStringLiteral("reconstructions.png")); });
}

void ReconstructionPanel::createTable() {
  table_->setHorizontalHeaderLabels(
      {tr("Image"), tr("Original"), tr("Reconstruction"), tr("|Error| map"), tr("BCE (nats)"), tr("MSE / pixel")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setAccessibleName(tr("Reconstructions"));
  table_->setToolTip(tr("The heat map shows |original − reconstruction|: black 0, red, yellow, white 1"));
}

// The dataset's images on the left, the results on the right, in a splitter the table may claim room from.
void ReconstructionPanel::layOut() {
  auto* left = new QWidget;
  auto* left_layout = new QVBoxLayout(left);
  left_layout->addWidget(browser_, 1);
  auto* left_buttons = new QHBoxLayout;
  left_buttons->addWidget(reconstruct_);
  left_buttons->addWidget(load_);
  left_layout->addLayout(left_buttons);
  auto* right = new QWidget;
  auto* right_layout = new QVBoxLayout(right);
  right_layout->addWidget(origin_);
  right_layout->addWidget(summary_);
  right_layout->addWidget(table_, 1);
  auto* right_buttons = new QHBoxLayout;
  right_buttons->addWidget(explore_);
  right_buttons->addWidget(export_);
  right_buttons->addStretch();
  right_layout->addLayout(right_buttons);
  splitter_ = new QSplitter;
  splitter_->addWidget(left);
  splitter_->addWidget(right);
  splitter_->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter_);
}

void ReconstructionPanel::followLiveWeights() {
  if (model_ && isVisible() && !jobs_->isBusy() && !inputs_.isEmpty() && model_->version() != shown_version_)
    reconstructImages(inputs_, captions_);
}

void ReconstructionPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitTable();
}

void ReconstructionPanel::fitTable() {
  // Every column in view (the errors were once hidden to the right at 1000×700): the browser of images gives way,
  // down to its own minimum.
  const int needed = table_->horizontalHeader()->length() + table_->verticalScrollBar()->sizeHint().width() +
                     2 * table_->frameWidth() + 24;  // the right side's margins
  QList<int> sizes = splitter_->sizes();
  if (sizes.size() != 2 || sizes[1] >= needed) return;
  const int total = sizes[0] + sizes[1];
  const int browser = std::max(splitter_->widget(0)->minimumSizeHint().width(), total - needed);
  splitter_->setSizes({browser, total - browser});
}

void ReconstructionPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  fitTable();
  followLiveWeights();
}

void ReconstructionPanel::reconstructPage() {
  if (!model_ || !browser_->dataset()) return;
  browser_->view()->clearSelection();
  reconstructSelected();
}

void ReconstructionPanel::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  jobs_->cancel();  // results for the previous model are no longer wanted
  origin_->setModel(model_);
  origin_->clearResult();
  reconstruct_->setEnabled(model_ != nullptr);
  summary_->setText(model_ ? tr("Reconstructing the first images of the page…")
                           : tr("Open a checkpoint or start a training to reconstruct images."));
  inputs_.clear();
  results_.clear();
  captions_.clear();
  shown_version_ = 0;
  table_->setRowCount(0);
  explore_->setEnabled(false);
  export_->setEnabled(false);
  reconstructPage();  // something to look at at once: the page's first images
}

void ReconstructionPanel::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  browser_->setDataset(std::move(dataset));
  if (inputs_.isEmpty()) reconstructPage();
}

void ReconstructionPanel::reconstructSelected() {
  auto dataset = browser_->dataset();
  if (!dataset) return;
  QVector<int> indices = browser_->selectedIndices();
  if (indices.isEmpty()) indices = browser_->pageIndices().mid(0, kDefaultImages);  // nothing selected
  if (indices.size() > kMaxImages) indices.resize(kMaxImages);
  QStringList captions;
  for (int i : indices) {
    const QString label = dataset->label(i);
    // One line per part of the label ("square", "scale 0.5", …): the column stays narrow, the errors in view.
    captions << (label.isEmpty() ? QStringLiteral("#%1").arg(i)
                                 : QStringLiteral("#%1\n%2").arg(i).arg(QString(label).replace(QLatin1String(", "), QLatin1String("\n"))));
  }
  reconstructImages(dataset->images(indices), captions);
}

void ReconstructionPanel::loadImageFiles(const QStringList& paths) {
  const QStringList list = paths.mid(0, kMaxImages);
  reconstructInputs([list] {
    Inputs inputs;
    for (const QString& path : list) {
      QImageReader reader(path);
      const QImage image = reader.read();
      if (image.isNull()) {
        inputs.failed << QStringLiteral("%1: %2").arg(path, reader.errorString());
        continue;
      }
      inputs.images << image;
      inputs.captions << QFileInfo(path).fileName();
    }
    return inputs;
  });
}

void ReconstructionPanel::chooseImageFiles() {
  const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Load images"), QString(),
                                                          tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm)"));
  if (paths.isEmpty()) return;
  loadImageFiles(paths);
}

void ReconstructionPanel::reconstructImages(const QVector<QImage>& images, const QStringList& captions) {
  if (images.isEmpty()) return;
  reconstructInputs([images, captions] { return Inputs{images, captions, {}}; });
}

void ReconstructionPanel::reconstructInputs(std::function<Inputs()> gather) {
  if (!model_) return;
  // Up to 64 encodes and decodes, maybe while training changes the weights: off the GUI thread, newest request wins,
  // all on one frozen set of weights.
  auto model = model_;
  struct Result {
    Inputs inputs;
    QVector<service::Reconstruction> items;
    quint64 version = 0;
    qint64 step = -1;
  };
  jobs_->start<Result>(
      [model, gather](service::TaskControl&) {
        Result result;
        result.inputs = gather();
        if (result.inputs.images.isEmpty()) return result;
        const auto frozen = model->frozen();
        result.items = frozen->reconstruct(result.inputs.images);
        result.version = frozen->version();
        result.step = frozen->trainingStep();
        return result;
      },
      [this, model](const Result& result) {
        if (!result.inputs.failed.isEmpty()) {
          reportError(this, tr("Cannot read some images"), result.inputs.failed.join(QLatin1Char('\n')));
          emit filesSkipped(result.inputs.failed);
        }
        if (result.inputs.images.isEmpty()) return;
        inputs_ = result.inputs.images;
        captions_ = result.inputs.captions;
        results_ = result.items;
        shown_version_ = result.version;
        origin_->setResult(model, result.step);
        showResults(captions_);
        emit reconstructed();
      });
}

void ReconstructionPanel::showResults(const QStringList& captions) {
  table_->setRowCount(static_cast<int>(results_.size()));
  const int scale = cellScale(model_->imageSize()), cell = model_->imageSize() * scale;
  table_->setIconSize(QSize(cell, cell));
  double bce = 0, mse = 0;
  const QLocale locale;  // the user's decimal separator
  for (int row = 0; row < results_.size(); ++row) {
    const auto& r = results_[row];
    table_->setItem(row, kCaption, new QTableWidgetItem(captions.value(row)));
    const QImage* images[] = {&r.original, &r.reconstruction, &r.heatmap};
    for (int c = 0; c < 3; ++c) {
      auto* item = new QTableWidgetItem;
      item->setIcon(QIcon(QPixmap::fromImage(upscaled(*images[c], scale))));
      table_->setItem(row, kOriginal + c, item);
    }
    table_->setItem(row, kBce, new QTableWidgetItem(locale.toString(r.bceNats, 'f', 2)));
    table_->setItem(row, kMse, new QTableWidgetItem(locale.toString(r.mse, 'f', 5)));
    const int caption_lines = static_cast<int>(captions.value(row).count(QLatin1Char('\n'))) + 1;
    table_->setRowHeight(row, std::max(cell, caption_lines * table_->fontMetrics().lineSpacing()) + 6);
    bce += r.bceNats, mse += r.mse;
  }
  const int n = static_cast<int>(results_.size());
  QString summary =
      tr("%Ln image(s): mean BCE %1 nats, mean MSE %2 per pixel", "", n)
          .arg(locale.toString(bce / std::max(1, n), 'f', 2), locale.toString(mse / std::max(1, n), 'f', 5));
  summary_->setText(summary);
  if (n > 0) table_->selectRow(0);
  fitTable();
  explore_->setEnabled(n > 0);
  export_->setEnabled(n > 0);
}

QImage ReconstructionPanel::comparisonGrid() const {
  QVector<QImage> cells;
  for (const auto& r : results_) cells << r.original.convertToFormat(QImage::Format_RGB888);
  for (const auto& r : results_) cells << r.reconstruction.convertToFormat(QImage::Format_RGB888);
  for (const auto& r : results_) cells << r.heatmap;
  return tileImages(cells, static_cast<int>(results_.size()));
}

}  // namespace fvae::ui
