#include "ui/latent_map_view.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <map>

#include "app/service/model_analysis.h"
#include "app/service/model_exchange.h"
#include "app/service/response_plots.h"
#include "model/nn/activity.h"
#include "ui/job_controls.h"
#include "ui/number_field.h"
#include "ui/result_origin.h"

namespace fvae::ui {

namespace {

// Okabe–Ito colours for up to eight categories; a gradient beyond that (positions, orientations).
QColor categoryColour(int value, int count) {
  static const QColor kColours[] = {QColor(0, 114, 178),   QColor(230, 159, 0),  QColor(0, 158, 115),
                                    QColor(204, 121, 167), QColor(86, 180, 233), QColor(213, 94, 0),
                                    QColor(240, 228, 66),  QColor(0, 0, 0)};
  if (count <= 8) return kColours[value % 8];
  return QColor::fromHsvF(0.75 * value / std::max(1, count - 1), 0.85, 0.85);
}

constexpr int kMaxLegendCategories = 16;

}  // namespace

LatentMapView::LatentMapView(QWidget* parent)
    : QWidget(parent),
      x_axis_(new QComboBox),
      y_axis_(new QComboBox),
      colour_(new QComboBox),
      points_(NumberField::integer(100, 10000, 10000)),
      seed_(NumberField::integer(0, 1000000, 0)),
      problems_(new FieldProblems),
      origin_(new ResultOrigin),
      controls_(new JobControls(tr("&Compute map"))),
      export_(new QPushButton(tr("&Export codes…"))),
      plot_(new QCustomPlot),
      hover_(new QLabel(plot_)) {
  points_->setSingleStep(1000);
  points_->setToolTip(tr("Dataset images to encode: a seeded random subset when the dataset holds more"));
  seed_->setToolTip(tr("The same seed maps the same images"));
  x_axis_->setToolTip(tr("Horizontal axis: a principal component of μ, or one dimension"));
  y_axis_->setToolTip(tr("Vertical axis: a principal component of μ, or one dimension"));
  colour_->setToolTip(tr("Colour the points by a label or ground-truth factor"));
  hover_->hide();
  hover_->setFrameShape(QFrame::Box);
  hover_->setAutoFillBackground(true);
  hover_->setAttribute(Qt::WA_TransparentForMouseEvents);

  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot_->setNoAntialiasingOnDrag(true);
  plot_->legend->setVisible(false);
  plot_->legend->setFont(font());
  plot_->setMinimumSize(400, 300);
  connect(plot_, &QCustomPlot::mouseMove, this, &LatentMapView::hover);
  connect(plot_, &QCustomPlot::mouseRelease, this, &LatentMapView::click);
  connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) { press_ = event->position(); });

  export_->setToolTip(
      tr("Writes μ and log σ² of the map's images with their labels for other tools: NumPy arrays, a CSV table and "
         "TensorBoard's projector (tensorboard --logdir FOLDER/projector)"));
  connect(controls_, &JobControls::runClicked, this, &LatentMapView::compute);
  connect(export_, &QPushButton::clicked, this, &LatentMapView::chooseExportFolder);
  connect(controls_, &JobControls::finished, this, &LatentMapView::updateExportButton);
  for (auto* box : {x_axis_, y_axis_, colour_})
    connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { redraw(); });

  auto* form = new QFormLayout;
  addFormRow(form, tr("Images:"), points_, problems_);
  addFormRow(form, tr("Seed:"), seed_, problems_);
  form->addRow(tr("Horizontal:"), x_axis_);
  form->addRow(tr("Vertical:"), y_axis_);
  form->addRow(tr("Colour by:"), colour_);
  auto* left = new QVBoxLayout;
  left->addLayout(form);
  left->addWidget(problems_);
  left->addWidget(controls_);
  left->addWidget(export_);
  left->addStretch();
  auto* leftWidget = new QWidget;
  leftWidget->setLayout(left);
  leftWidget->setMaximumWidth(320);
  origin_->setEmptyText(tr("No map for this model yet: press <b>Compute</b> to encode the dataset's images."));
  auto* right = new QVBoxLayout;
  right->addWidget(origin_);
  right->addWidget(plot_, 1);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(leftWidget);
  layout->addLayout(right, 1);
  setModel(nullptr);
}

LatentMapView::~LatentMapView() { cancel(); }

void LatentMapView::setModel(std::shared_ptr<service::DecodeModel> model) {
  model_ = std::move(model);
  origin_->setModel(model_);  // a map on screen stays, marked as another model's
  updateControls();
}

void LatentMapView::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  dataset_ = std::move(dataset);
  updateControls();
}

void LatentMapView::setLatentNames(const QStringList& names) {
  names_ = names;
  if (map_) fillAxisChoices();
}

void LatentMapView::setKl(const QVector<double>& kl) {
  const bool changed = kl.size() != kl_.size() || [&] {
    for (int d = 0; d < kl.size(); ++d)
      if (is_active(kl[d]) != is_active(kl_[d])) return true;
    return false;
  }();
  kl_ = kl;
  if (map_ && changed) fillAxisChoices();
}

void LatentMapView::setPointCount(int points) { points_->setValue(points); }

int LatentMapView::pointCount() const { return map_ ? static_cast<int>(map_->indices.size()) : 0; }

void LatentMapView::setAxes(int x, int y) {
  x_axis_->setCurrentIndex(x);
  y_axis_->setCurrentIndex(y);
}

void LatentMapView::setColourColumn(int column) { colour_->setCurrentIndex(column); }

int LatentMapView::legendEntries() const { return plot_->legend->visible() ? plot_->legend->itemCount() : 0; }

bool LatentMapView::isComputing() const { return controls_->isRunning(); }

void LatentMapView::updateControls() {
  QString note;
  if (!model_)
    note = tr("Open a checkpoint or start a training to map its codes.");
  else if (!dataset_)
    note = tr("Open a dataset to map its images' codes.");
  else if (!map_)
    note = tr("Maps μ of the dataset's images; hover a point to see its image, click it to explore its code.");
  controls_->setReady(model_ && dataset_, note);  // a null note keeps the map's summary
  updateExportButton();
}

void LatentMapView::updateExportButton() {
  export_->setEnabled(model_ && dataset_ && map_ && !map_->indices.empty() && !controls_->isRunning());
}

void LatentMapView::chooseExportFolder() {
  const QString folder =
      QFileDialog::getExistingDirectory(this, tr("Export the codes into a folder"), QDir::homePath());
  if (!folder.isEmpty()) exportCodes(folder);
}

void LatentMapView::exportCodes(const QString& folder) {
  if (!model_ || !dataset_ || !map_ || controls_->isRunning()) return;
  auto model = model_;
  auto dataset = dataset_;
  const QVector<qint64> indices(map_->indices.begin(), map_->indices.end());
  const QStringList names = names_;
  export_->setEnabled(false);
  controls_->start<QStringList>(
      tr("Exporting the codes…"),
      [model, dataset, indices, names, folder](service::TaskControl& control) {
        return service::exportCodes(*model, *dataset, indices, names, folder,
                                    [&control](double f) { return control.report(f); });
      },
      [this, folder](const QStringList& files) {
        controls_->setStatus(tr("Wrote %1 files into %2; TensorBoard's projector: tensorboard --logdir %3")
                                 .arg(files.size())
                                 .arg(QDir::toNativeSeparators(folder))
                                 .arg(QDir::toNativeSeparators(QDir(folder).filePath("projector"))));
        emit codesExported(files);
      });
}

void LatentMapView::compute() {
  if (!model_ || !dataset_ || controls_->isRunning()) return;
  if (NumberField* invalid = problems_->firstInvalid()) return controls_->setStatus(invalid->problem());
  auto model = model_;
  auto dataset = dataset_;
  service::ResponseSettings s;
  s.maxImages = points_->intValue();
  s.seed = static_cast<quint64>(seed_->value());
  controls_->start<Stamped<std::shared_ptr<const LatentMap>>>(
      tr("Encoding…"),
      [model, dataset, s](service::TaskControl& control) {
        const auto frozen = model->frozen();  // the step the map belongs to
        return Stamped<std::shared_ptr<const LatentMap>>{
            std::make_shared<const LatentMap>(
                service::latentMap(*frozen, *dataset, s, [&control](double f) { return control.report(f); })),
            frozen->trainingStep()};
      },
      [this, model](const Stamped<std::shared_ptr<const LatentMap>>& result) {
        origin_->setResult(model, result.step);
        const auto& map = result.value;
        map_ = map;
        updateExportButton();
        fillAxisChoices();
        controls_->setStatus(
            tr("%1 images. Principal components explain %2 % and %3 % of μ's variance. Drag to pan, wheel to zoom; "
               "hover a point to see its image, click it to explore its code.")
                .arg(map_->indices.size())
                .arg(QLocale().toString(100 * map_->explained_variance.at(0), 'f', 1),
                     QLocale().toString(100 * map_->explained_variance.at(1), 'f', 1)));
        emit computed();
      });
}

void LatentMapView::cancel() { controls_->cancel(); }

// Refills the choices after a new map (keeping the selections where they still exist), then draws.
void LatentMapView::fillAxisChoices() {
  const int x = std::max(0, x_axis_->currentIndex()), y = std::max(1, y_axis_->currentIndex());
  const int c = std::max(0, colour_->currentIndex());
  const QSignalBlocker bx(x_axis_), by(y_axis_), bc(colour_);
  QStringList axes;
  for (int k = 0; k < 2; ++k)  // "PC 1 (24 %)": the share of μ's variance along the component
    axes << tr("PC %1 (%2 %)").arg(k + 1).arg(qRound(100 * map_->explained_variance.at(k)));
  const int dims = map_->mu.empty() ? 0 : static_cast<int>(map_->mu.front().size());
  for (int d = 0; d < dims; ++d)
    axes << (d < kl_.size() && !is_active(kl_[d]) ? tr("%1 (inactive)").arg(service::dimensionLabel(d, names_))
                                                  : service::dimensionLabel(d, names_));
  for (auto* box : {x_axis_, y_axis_}) {
    box->clear();
    box->addItems(axes);
  }
  x_axis_->setCurrentIndex(std::min(x, static_cast<int>(axes.size()) - 1));
  y_axis_->setCurrentIndex(std::min(y, static_cast<int>(axes.size()) - 1));
  colour_->clear();
  colour_->addItem(tr("nothing"));
  for (const auto& column : map_->label_column_names)
    colour_->addItem(QCoreApplication::translate("ResponsePlots", column.c_str()));
  colour_->setCurrentIndex(std::min(c == 0 && colour_->count() > 1 ? 1 : c, colour_->count() - 1));
  redraw();
}

double LatentMapView::coordinate(int point, int axis) const {
  return axis < 2 ? map_->pca[point][axis] : map_->mu[point][axis - 2];
}

void LatentMapView::redraw() {
  plot_->clearGraphs();
  hover_->hide();
  if (!map_ || map_->indices.empty()) return plot_->replot();
  const int x = x_axis_->currentIndex(), y = y_axis_->currentIndex();
  const int column = colour_->currentIndex() - 1;  // −1: one colour
  // Points grouped by the value of the colouring label: one graph (and legend entry) per value.
  std::map<int64_t, std::pair<QVector<double>, QVector<double>>> groups;
  for (int i = 0; i < static_cast<int>(map_->indices.size()); ++i) {
    const int64_t value = column >= 0 ? map_->labels[i][column] : 0;
    groups[value].first << coordinate(i, x);
    groups[value].second << coordinate(i, y);
  }
  const auto& valueNames = column >= 0 ? map_->label_value_names[column] : std::vector<std::string>();
  const int count = groups.empty() ? 0 : static_cast<int>(groups.rbegin()->first + 1);
  int shown = 0;
  for (auto& [value, xy] : groups) {
    auto* graph = plot_->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    QColor colour = column >= 0 ? categoryColour(static_cast<int>(value), count) : QColor(0, 114, 178);
    colour.setAlpha(160);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 4));
    graph->setData(xy.first, xy.second);
    QString name = value < static_cast<int64_t>(valueNames.size())
                       ? QCoreApplication::translate("ResponsePlots", valueNames[value].c_str())
                       : QString::number(value);
    if (groups.size() > kMaxLegendCategories)  // the ends of a gradient: say what the numbers are
      name = colour_->currentText() + QLatin1Char(' ') + name;
    graph->setName(QStringLiteral("%1 (%2)").arg(name).arg(xy.first.size()));
    // Many values (positions, orientations): the legend names only the first and the last of the gradient.
    if (column < 0 ||
        (groups.size() > kMaxLegendCategories && value != groups.begin()->first && value != groups.rbegin()->first))
      graph->removeFromLegend();
    else
      ++shown;
  }
  plot_->legend->setVisible(shown > 0);
  plot_->xAxis->setLabel(x_axis_->currentText());
  plot_->yAxis->setLabel(y_axis_->currentText());
  plot_->rescaleAxes();
  plot_->xAxis->scaleRange(1.05);
  plot_->yAxis->scaleRange(1.05);
  plot_->replot();
}

int LatentMapView::pointAt(const QPointF& position, double radius) const {
  if (!map_) return -1;
  const int x = x_axis_->currentIndex(), y = y_axis_->currentIndex();
  int best = -1;
  double bestDistance = radius * radius;
  for (int i = 0; i < static_cast<int>(map_->indices.size()); ++i) {
    const double dx = plot_->xAxis->coordToPixel(coordinate(i, x)) - position.x();
    const double dy = plot_->yAxis->coordToPixel(coordinate(i, y)) - position.y();
    const double distance = dx * dx + dy * dy;
    if (distance <= bestDistance) best = i, bestDistance = distance;
  }
  return best;
}

QPointF LatentMapView::pointPosition(int point) const {
  return {plot_->xAxis->coordToPixel(coordinate(point, x_axis_->currentIndex())),
          plot_->yAxis->coordToPixel(coordinate(point, y_axis_->currentIndex()))};
}

QVector<float> LatentMapView::pointCode(int point) const {
  if (!map_ || point < 0 || point >= static_cast<int>(map_->mu.size())) return {};
  return QVector<float>(map_->mu[point].begin(), map_->mu[point].end());
}

QString LatentMapView::hoverText() const { return hover_->isVisible() ? hover_text_ : QString(); }

void LatentMapView::hover(QMouseEvent* event) {
  const int point = event->buttons() == Qt::NoButton ? pointAt(event->position()) : -1;
  if (point < 0 || !dataset_) return hover_->hide();
  const int index = static_cast<int>(map_->indices[point]);
  const QImage image = dataset_->image(index);  // in memory: microseconds
  QString text = tr("image %1").arg(index);
  if (const QString label = dataset_->label(index); !label.isEmpty()) text += QStringLiteral(": ") + label;
  hover_text_ = text;
  // The image enlarged with crisp pixels, its number and label underneath.
  const QImage enlarged = image.scaled(image.size() * std::max(1, 96 / std::max(1, image.width())));
  const QFontMetrics metrics(font());
  QImage card(std::max(enlarged.width(), metrics.horizontalAdvance(text) + 8), enlarged.height() + metrics.height() + 4,
              QImage::Format_RGB32);
  card.fill(palette().color(QPalette::ToolTipBase));
  QPainter painter(&card);
  painter.drawImage(0, 0, enlarged);
  painter.setPen(palette().color(QPalette::ToolTipText));
  painter.drawText(QRect(4, enlarged.height() + 2, card.width() - 8, metrics.height()), Qt::AlignLeft, text);
  painter.end();
  hover_->setPixmap(QPixmap::fromImage(card));
  hover_->adjustSize();
  QPoint at = event->position().toPoint() + QPoint(14, 14);
  if (at.x() + hover_->width() > plot_->width()) at.rx() -= hover_->width() + 28;
  if (at.y() + hover_->height() > plot_->height()) at.ry() -= hover_->height() + 28;
  hover_->move(at);
  hover_->show();
  hover_->raise();
}

void LatentMapView::click(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  // A click, not the end of a drag: the press and release are close.
  if ((event->position() - press_).manhattanLength() > 4) return;
  const int point = pointAt(event->position(), 6);
  if (point >= 0) emit codeChosen(pointCode(point));
}

}  // namespace fvae::ui
