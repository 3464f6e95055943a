#include "ui/responses_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "app/service/image_export.h"
#include "app/service/model_analysis.h"
#include "app/service/response_plots.h"
#include "ui/export_dialogs.h"
#include "ui/job_controls.h"
#include "ui/message_bar.h"
#include "ui/number_field.h"
#include "ui/result_origin.h"

namespace fvae::ui {

namespace {

std::vector<std::string> std_names(const QStringList& names) {
  std::vector<std::string> out;
  for (const QString& n : names) out.push_back(n.toStdString());
  return out;
}

}  // namespace

ResponsesPanel::ResponsesPanel(QWidget* parent)
    : QWidget(parent),
      source_(new QComboBox),
      samples_(NumberField::integer(2, 4096, 64)),
      per_shape_(new QCheckBox(tr("One curve per &shape"))),
      images_(NumberField::integer(10, 100000, 10000)),
      seed_(NumberField::integer(0, 1000000, 0)),
      problems_(new FieldProblems),
      export_png_(new QPushButton(tr("Export &PNG…"))),
      export_csv_(new QPushButton(tr("Export C&SV…"))),
      controls_(new JobControls(tr("&Compute"))),
      origin_(new ResultOrigin),
      scroll_(new QScrollArea),
      picture_(new QLabel),
      ranking_(new QTableWidget(0, 2)) {
  source_->addItem(tr("Factors (built-in shapes)"));
  source_->addItem(tr("Classes (open dataset)"));
  source_->setToolTip(
      tr("Factors: μ of every dimension as each factor of the shapes dataset sweeps its values, the other factors "
         "random. Classes: μ of every dimension per class of the dataset's labels."));
  samples_->setToolTip(tr("Images behind each point of a curve (per shape when curves are per shape)"));
  per_shape_->setToolTip(tr("Does a dimension follow scale for every shape, or only for hearts?"));
  images_->setToolTip(tr("Images encoded from the dataset: a seeded random subset when it holds more"));
  seed_->setToolTip(tr("The same seed encodes the same images"));
  export_png_->setEnabled(false);
  export_csv_->setEnabled(false);
  picture_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  scroll_->setWidget(picture_);
  scroll_->viewport()->installEventFilter(this);  // the picture follows the view's width
  scroll_->setWidgetResizable(true);
  scroll_->setBackgroundRole(QPalette::Base);
  ranking_->setHorizontalHeaderLabels({tr("Dimension"), tr("η² (classes)")});
  ranking_->setToolTip(tr("Dimensions ranked by the share of their variance that the classes explain"));
  ranking_->verticalHeader()->hide();
  ranking_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  ranking_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  ranking_->setMaximumWidth(260);
  ranking_->hide();

  connect(source_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { updateControls(); });
  connect(controls_, &JobControls::runClicked, this, &ResponsesPanel::compute);
  connect(controls_, &JobControls::failed, this, &ResponsesPanel::failed);
  // The file dialogs are modal by nature; they only ask for a name, the writing is exportPng/exportCsv.
  auto exporter = [this](const QString& name, const QString& filter,
                         QString (ResponsesPanel::*write)(const QString&) const) {
    return [this, name, filter, write] {
      const QString path = askExportPath(this, name, filter);
      if (path.isEmpty()) return;
      if (const QString error = (this->*write)(path); !error.isEmpty())
        reportError(this, tr("Cannot export"), error);
      else
        reportInformation(this, tr("Saved"), QDir::toNativeSeparators(path));
    };
  };
  connect(export_png_, &QPushButton::clicked, this,
          exporter(QStringLiteral("responses.png"), tr("PNG images (*.png)"), &ResponsesPanel::exportPng));
  connect(export_csv_, &QPushButton::clicked, this,
          exporter(QStringLiteral("responses.csv"), tr("CSV tables (*.csv)"), &ResponsesPanel::exportCsv));

  auto* form = new QFormLayout;
  form->addRow(tr("Show:"), source_);
  addFormRow(form, tr("Images per point:"), samples_, problems_);
  form->addRow(QString(), per_shape_);
  addFormRow(form, tr("Images from the dataset:"), images_, problems_);
  addFormRow(form, tr("Seed:"), seed_, problems_);
  auto* exports = new QHBoxLayout;
  exports->addWidget(export_png_);
  exports->addWidget(export_csv_);
  auto* left = new QVBoxLayout;
  left->addLayout(form);
  left->addWidget(problems_);
  left->addWidget(controls_);
  left->addLayout(exports);
  left->addWidget(ranking_, 1);
  left->addStretch();
  auto* leftWidget = new QWidget;
  leftWidget->setLayout(left);
  leftWidget->setMaximumWidth(380);
  origin_->setEmptyText(
      tr("Nothing computed for this model yet: press <b>Compute</b> to see what each dimension "
         "responds to."));
  auto* right = new QVBoxLayout;
  right->addWidget(origin_);
  right->addWidget(scroll_, 1);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(leftWidget);
  layout->addLayout(right, 1);
  setModel(nullptr, {});
}

ResponsesPanel::~ResponsesPanel() { cancel(); }

void ResponsesPanel::setModel(std::shared_ptr<service::DecodeModel> model, const QString& datasetSpec) {
  model_ = std::move(model);
  model_dataset_ = datasetSpec;
  origin_->setModel(model_);  // a result on screen stays, marked as another model's
  // A model trained on shapes is read against its factors; any other against its classes.
  if (model_) setSource(service::hasGroundTruth(datasetSpec) ? Source::Factors : Source::Classes);
  updateControls();
}

void ResponsesPanel::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  dataset_ = std::move(dataset);
  updateControls();
}

void ResponsesPanel::setLatentNames(const QStringList& names) {
  names_ = names;
  if (factor_result_ || class_result_) showResult();
}

void ResponsesPanel::setSource(Source source) { source_->setCurrentIndex(source == Source::Factors ? 0 : 1); }

ResponsesPanel::Source ResponsesPanel::source() const {
  return source_->currentIndex() == 0 ? Source::Factors : Source::Classes;
}

void ResponsesPanel::setSettings(const service::ResponseSettings& s) {
  samples_->setValue(s.samplesPerValue);
  per_shape_->setChecked(s.perShape);
  images_->setValue(s.maxImages);
  seed_->setValue(static_cast<int>(s.seed));
}

service::ResponseSettings ResponsesPanel::settings() const {
  service::ResponseSettings s;
  s.samplesPerValue = samples_->intValue();
  s.perShape = per_shape_->isChecked();
  s.maxImages = images_->intValue();
  s.seed = static_cast<quint64>(seed_->value());
  return s;
}

void ResponsesPanel::updateControls() {
  const bool factors = source() == Source::Factors;
  samples_->setEnabled(factors);
  per_shape_->setEnabled(factors);
  images_->setEnabled(!factors);
  QString why;
  if (!model_)
    why = tr("Open a checkpoint or start a training to see what its dimensions encode.");
  else if (factors && model_->channels() != 1)
    why = tr("The shapes dataset is greyscale: factor responses need a one-channel model.");
  else if (!factors && !dataset_)
    why = tr("Open a dataset with labels (File → Open dataset) to see μ per class.");
  QString note = why;
  if (why.isEmpty())
    note = !factors ? tr("Dataset: %1").arg(dataset_->description())
           : service::hasGroundTruth(model_dataset_)
               ? tr("Each cell: μ of one dimension as one factor sweeps its values; η² is the share of μ's "
                    "variance that factor explains.")
               : tr("This model was not trained on shapes: its responses to shapes say little.");
  controls_->setReady(why.isEmpty(), note);
}

void ResponsesPanel::compute() {
  if (!model_ || controls_->isRunning()) return;
  const bool factors = source() == Source::Factors;
  if (!factors && !dataset_) return;
  if (NumberField* invalid = problems_->firstInvalid()) return controls_->setStatus(invalid->problem());
  auto model = model_;
  auto dataset = dataset_;
  const auto s = settings();
  if (factors) {
    controls_->start<Stamped<std::shared_ptr<const FactorResponses>>>(
        tr("Computing…"),
        [model, s](service::TaskControl& control) {
          const auto frozen = model->frozen();  // the step the result belongs to
          return Stamped<std::shared_ptr<const FactorResponses>>{
              std::make_shared<const FactorResponses>(
                  service::factorResponses(*frozen, s, [&control](double f) { return control.report(f); })),
              frozen->trainingStep()};
        },
        [this, model](const Stamped<std::shared_ptr<const FactorResponses>>& result) {
          origin_->setResult(model, result.step);
          factor_result_ = result.value;
          class_result_.reset();
          showResult();
          emit computed();
        });
  } else {
    controls_->start<Stamped<std::shared_ptr<const ClassResponses>>>(
        tr("Computing…"),
        [model, dataset, s](service::TaskControl& control) {
          const auto frozen = model->frozen();
          return Stamped<std::shared_ptr<const ClassResponses>>{
              std::make_shared<const ClassResponses>(
                  service::classResponses(*frozen, *dataset, s, [&control](double f) { return control.report(f); })),
              frozen->trainingStep()};
        },
        [this, model](const Stamped<std::shared_ptr<const ClassResponses>>& result) {
          origin_->setResult(model, result.step);
          class_result_ = result.value;
          factor_result_.reset();
          showResult();
          emit computed();
        });
  }
}

void ResponsesPanel::cancel() { controls_->cancel(); }

bool ResponsesPanel::isComputing() const { return controls_->isRunning(); }

void ResponsesPanel::showResult() {
  ranking_->setVisible(class_result_ != nullptr);
  if (factor_result_) {
    plot_ = service::renderFactorResponses(*factor_result_, names_);
    // Under the picture's first line: which factor each dimension follows most.
    QStringList follows;
    for (int d = 0; d < static_cast<int>(factor_result_->explained.size()); ++d) {
      if (!factor_result_->active(d)) continue;
      const auto& row = factor_result_->explained[d];
      const auto best = std::max_element(row.begin(), row.end()) - row.begin();
      if (row[best] >= 0.5)
        follows << tr("%1 follows %2 (η² %3)")
                       .arg(service::dimensionLabel(d, names_),
                            QCoreApplication::translate("ResponsePlots", factor_result_->factor_names[best].c_str()))
                       .arg(QLocale().toString(row[best], 'f', 2));
    }
    controls_->setStatus(follows.isEmpty() ? tr("No dimension follows one factor with η² ≥ 0.5.") : follows.join('\n'));
  } else if (class_result_) {
    plot_ = service::renderClassResponses(*class_result_, names_);
    ranking_->setRowCount(static_cast<int>(class_result_->ranking.size()));
    for (int rank = 0; rank < ranking_->rowCount(); ++rank) {
      const int d = static_cast<int>(class_result_->ranking[rank]);
      ranking_->setItem(rank, 0, new QTableWidgetItem(service::dimensionLabel(d, names_)));
      auto* value = new QTableWidgetItem(QLocale().toString(class_result_->separation[d], 'f', 3));
      value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      ranking_->setItem(rank, 1, value);
    }
    controls_->setStatus(tr("%1 images; %2 classes").arg(class_result_->images).arg(class_result_->class_names.size()));
  }
  fitPicture();
  export_png_->setEnabled(!plot_.isNull());
  export_csv_->setEnabled(!plot_.isNull());
}

// The picture at the width of the view (smoothly shrunk when wider, never enlarged); taller ones scroll.
void ResponsesPanel::fitPicture() {
  if (plot_.isNull()) return picture_->clear();
  const int room = scroll_->viewport()->width() - 2;
  picture_->setPixmap(QPixmap::fromImage(
      plot_.width() > room && room > 200 ? plot_.scaledToWidth(room, Qt::SmoothTransformation) : plot_));
}

bool ResponsesPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == scroll_->viewport() && event->type() == QEvent::Resize) fitPicture();
  return QWidget::eventFilter(watched, event);
}

QString ResponsesPanel::csv() const {
  if (factor_result_) return QString::fromStdString(factor_responses_csv(*factor_result_, std_names(names_)));
  if (class_result_) return QString::fromStdString(class_responses_csv(*class_result_, std_names(names_)));
  return {};
}

QString ResponsesPanel::exportPng(const QString& path) const {
  return service::problemOf([&] { service::writePng(path, plot_); });
}

QString ResponsesPanel::exportCsv(const QString& path) const {
  if (!factor_result_ && !class_result_) return tr("%1: there is nothing to export yet").arg(path);
  return service::problemOf([&] { service::writeTextFile(path, csv().toUtf8()); });
}

}  // namespace fvae::ui
