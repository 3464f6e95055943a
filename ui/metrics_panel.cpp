#include "ui/metrics_panel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QDir>
#include <QFileDialog>
#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <stdexcept>

#include "app/service/dataset_view.h"
#include "app/service/response_plots.h"
#include "model/nn/activity.h"
#include "ui/job_controls.h"
#include "ui/number_field.h"
#include "ui/result_origin.h"

namespace fvae::ui {

namespace {
const MetricSettings kDefaults;  // disentanglement_lib's, as the core defines them

NumberField* countBox(int minimum, int maximum, int64_t value, const QString& tip) {
  auto* box = NumberField::integer(minimum, maximum, static_cast<int>(value));
  box->setToolTip(tip);
  return box;
}
}  // namespace

MetricsPanel::MetricsPanel(QWidget* parent)
    : QWidget(parent),
      train_votes_(countBox(1, 100000, kDefaults.train_votes, tr("Votes that train the majority-vote classifier"))),
      eval_votes_(countBox(1, 100000, kDefaults.eval_votes, tr("Fresh votes the score is measured on"))),
      samples_per_vote_(countBox(2, 1024, kDefaults.samples_per_vote, tr("Samples per vote (L): one factor fixed, the others random"))),
      mig_samples_(countBox(100, 100000, kDefaults.mig_samples, tr("Samples for the mutual information gap"))),
      seed_(countBox(0, 1000000, 0, tr("The same seed gives the same scores"))),
      problems_(new FieldProblems),
      controls_(new JobControls(tr("&Measure"))),
      use_names_(new QPushButton(tr("Use suggested &names"))),
      save_(new QPushButton(tr("Save &record…"))),
      note_(new QLabel),
      origin_(new ResultOrigin),
      dimensions_(new QTableWidget(0, 3)),
      bars_(new QBarSet(tr("score"))),
      categories_(new QBarCategoryAxis) {
  qRegisterMetaType<service::DisentanglementReport>();
  auto* quick = new QPushButton(tr("Quick settings"));
  quick->setToolTip(tr("A tenth of the votes and samples: a rough score in seconds"));
  connect(quick, &QPushButton::clicked, this,
          [this] { train_votes_->setValue(1000), eval_votes_->setValue(500), mig_samples_->setValue(2000); });
  auto* standard = new QPushButton(tr("disentanglement_lib settings"));
  connect(standard, &QPushButton::clicked, this, [this] { setSettings({}); });
  controls_->runButton()->setToolTip(
      tr("FactorVAE metric and MIG on the built-in shapes dataset, whose factors are known"));
  connect(controls_, &JobControls::runClicked, this, &MetricsPanel::measure);
  connect(use_names_, &QPushButton::clicked, this, [this] { emit namesSuggested(suggestedNames()); });
  use_names_->setEnabled(false);
  use_names_->setToolTip(tr("Name unnamed latent dimensions after the factor they capture"));
  save_->setEnabled(false);
  save_->setToolTip(tr("The scores with their settings, model and step as JSON, in the layout of "
                       "factorvae evaluate --json"));
  connect(save_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the metrics record"),
                                                      QStringLiteral("metrics.json"), tr("JSON (*.json)"));
    if (!path.isEmpty()) saveRecord(path);
  });
  note_->setWordWrap(true);

  auto* form = new QFormLayout;
  addFormRow(form, tr("Training votes:"), train_votes_, problems_);
  addFormRow(form, tr("Evaluation votes:"), eval_votes_, problems_);
  addFormRow(form, tr("Samples per vote (L):"), samples_per_vote_, problems_);
  addFormRow(form, tr("MIG samples:"), mig_samples_, problems_);
  addFormRow(form, tr("Seed:"), seed_, problems_);
  auto* presets = new QHBoxLayout;
  presets->addWidget(quick);
  presets->addWidget(standard);

  dimensions_->setHorizontalHeaderLabels({tr("Dimension"), tr("Captures"), tr("Var[μ]")});
  dimensions_->setToolTip(
      tr("One column per factor: the share of that factor's votes each dimension won (a vote fixes the factor; the "
         "dimension whose variance drops most wins it). A factor whose votes split over dimensions, or a dimension "
         "that wins the votes of two factors, costs score."));
  dimensions_->verticalHeader()->hide();
  dimensions_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  dimensions_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

  // Horizontal bars: the labels ("MIG orientation") get the width they need; below the bars they were cut to the bars'
  // width in a narrow window.
  auto* series = new QHorizontalBarSeries;
  series->append(bars_);
  auto* chart = new QChart;
  chart->setLocalizeNumbers(true);  // the axis in the user's digits (a German desktop: 0,50)
  chart->addSeries(series);
  chart->setTitle(tr("Scores (FactorVAE metric, MIG and MIG per factor)"));
  chart->legend()->hide();
  auto* axis = new QValueAxis;
  axis->setRange(0, 1);
  chart->addAxis(categories_, Qt::AlignLeft);
  chart->addAxis(axis, Qt::AlignBottom);
  series->attachAxis(categories_);
  series->attachAxis(axis);
  auto* view = new QChartView(chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(260);

  auto* left = new QVBoxLayout;
  left->addLayout(form);
  left->addWidget(problems_);
  left->addLayout(presets);
  left->addWidget(note_);
  left->addWidget(controls_);
  left->addWidget(use_names_);
  left->addWidget(save_);
  left->addStretch();
  auto* right = new QVBoxLayout;
  right->addWidget(origin_);
  right->addWidget(view, 1);
  right->addWidget(dimensions_, 1);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addLayout(right, 1);
  setModel(nullptr, {});
}

void MetricsPanel::setModel(std::shared_ptr<service::DecodeModel> model, const QString& datasetSpec) {
  model_ = std::move(model);
  origin_->setModel(model_);  // a result on screen stays, marked as another model's
  controls_->setReady(model_ != nullptr, QString());
  if (!model_)
    note_->setText(tr("Open a checkpoint or start a training to measure its disentanglement."));
  else if (model_->channels() != 1)
    note_->setText(tr("The metrics need a greyscale model: the shapes dataset has one channel."));
  else if (!service::hasGroundTruth(datasetSpec))
    note_->setText(tr("This model was not trained on shapes: its scores on shapes say little."));
  else
    note_->setText(tr("Ground truth from the built-in shapes dataset (shape, scale, orientation, x, y)."));
}

void MetricsPanel::setSettings(const service::MetricSettings& s) {
  train_votes_->setValue(static_cast<double>(s.train_votes));
  eval_votes_->setValue(static_cast<double>(s.eval_votes));
  samples_per_vote_->setValue(static_cast<double>(s.samples_per_vote));
  mig_samples_->setValue(static_cast<double>(s.mig_samples));
  seed_->setValue(static_cast<double>(s.seed));
}

service::MetricSettings MetricsPanel::settings() const {
  service::MetricSettings s;
  s.train_votes = train_votes_->intValue();
  s.eval_votes = eval_votes_->intValue();
  s.samples_per_vote = samples_per_vote_->intValue();
  s.mig_samples = mig_samples_->intValue();
  s.seed = static_cast<quint64>(seed_->value());
  return s;
}

void MetricsPanel::measure() { startMeasuring(false); }

void MetricsPanel::measureAndName() { startMeasuring(true); }

void MetricsPanel::startMeasuring(bool nameDimensions) {
  // Naming after a finished training replaces a measurement still running (of the live weights); a second press
  // of Measure does not restart one.
  if (!model_ || (controls_->isRunning() && !nameDimensions)) return;
  if (NumberField* invalid = problems_->firstInvalid()) return controls_->setStatus(invalid->problem());
  name_when_measured_ = nameDimensions;
  auto model = model_;
  const auto s = settings();
  controls_->start<Stamped<service::DisentanglementReport>>(
      tr("Measuring…"),
      [model, s](service::TaskControl& control) {
        const auto frozen = model->frozen();  // the step the scores belong to
        auto report = service::measureDisentanglement(*frozen, s,
                                                      [&control](double fraction) { return control.report(fraction); });
        return Stamped<service::DisentanglementReport>{report, frozen->trainingStep()};
      },
      [this, model](const Stamped<service::DisentanglementReport>& result) {
        origin_->setResult(model, result.step);
        showReport(result.value);
      });
}

bool MetricsPanel::isMeasuring() const { return controls_->isRunning(); }

bool MetricsPanel::saveRecord(const QString& path) {
  if (!report_.record.metrics) return false;
  try {
    service::saveEvaluationRecord(report_.record, path);
  } catch (const std::exception& e) {
    controls_->setStatus(tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), QString::fromUtf8(e.what())));
    return false;
  }
  controls_->setStatus(tr("Saved the record in %1").arg(QDir::toNativeSeparators(path)));
  return true;
}

QStringList MetricsPanel::suggestedNames() const {
  QStringList names;  // the factors' names in the user's language: what they will read beside the sliders
  if (!report_.record.metrics) return names;
  for (const auto& name : report_.metrics().suggested_names)
    names << (name.empty() ? QString() : service::factorName(QString::fromStdString(name)));
  return names;
}

MetricsPanel::~MetricsPanel() { cancel(); }

void MetricsPanel::cancel() { controls_->cancel(); }

void MetricsPanel::showReport(const service::DisentanglementReport& report) {
  report_ = report;
  const DisentanglementRecord& r = report.metrics();
  const QLocale locale;  // the user's decimal separator, as in the form
  controls_->setStatus(tr("<b>FactorVAE metric: %1</b><br><b>MIG: %2</b><br>active dimensions: %3")
                           .arg(locale.toString(r.factorvae_metric, 'f', 3), locale.toString(r.mig, 'f', 3))
                           .arg(r.active_dimensions));
  QStringList labels{tr("FactorVAE"), tr("MIG")};
  bars_->remove(0, bars_->count());
  bars_->append(r.factorvae_metric);
  bars_->append(r.mig);
  for (const FactorRecord& factor : r.factors) {
    labels << tr("MIG %1").arg(service::factorName(QString::fromStdString(factor.name)));
    bars_->append(factor.mig);
  }
  categories_->clear();
  categories_->append(labels);
  showDimensions(r);
  use_names_->setEnabled(true);
  save_->setEnabled(true);
  if (name_when_measured_) {
    name_when_measured_ = false;
    emit namesSuggested(suggestedNames());
  }
  emit measured(report);
}

// Per dimension: its suggested name and Var[μ], then per factor the share of that factor's training votes it won,
// shaded by the share, so splits and shared dimensions stand out; the tooltips add counts and mutual information.
void MetricsPanel::showDimensions(const DisentanglementRecord& report) {
  const int factors = static_cast<int>(report.factors.size());
  QStringList factor_names;  // in the user's language
  for (const FactorRecord& factor : report.factors) factor_names << service::factorName(QString::fromStdString(factor.name));
  QStringList headers{tr("Dimension"), tr("Captures"), tr("KL (nats)")};
  headers << factor_names;
  const QLocale locale;
  dimensions_->clearContents();
  dimensions_->setColumnCount(static_cast<int>(headers.size()));
  dimensions_->setHorizontalHeaderLabels(headers);
  for (int k = 0; k < factors; ++k)
    dimensions_->horizontalHeaderItem(3 + k)->setToolTip(
        tr("Share of the votes for %1 that each dimension won").arg(factor_names[k]));
  const int dims = static_cast<int>(report.suggested_names.size());
  dimensions_->setRowCount(dims);
  QVector<qint64> factor_votes(factors, 0);  // each factor's training votes, over all dimensions
  for (int k = 0; k < factors; ++k)
    for (int64_t n : report.factors[k].votes_per_dimension) factor_votes[k] += n;
  auto value = [](const auto& values, int i) { return i < static_cast<int>(values.size()) ? values[i] : 0; };
  QColor shade = palette().color(QPalette::Highlight);
  for (int d = 0; d < dims; ++d) {
    dimensions_->setItem(d, 0, new QTableWidgetItem(QStringLiteral("z%1").arg(d)));
    const QString name = QString::fromStdString(report.suggested_names[d]);
    // Inactive dimensions (model/nn/activity.h) cast no vote and get no name: said so, greyed as in the explorer.
    const bool active = d >= static_cast<int>(report.mean_kl.size()) || is_active(report.mean_kl[d]);
    auto* captures = new QTableWidgetItem(!active          ? tr("(inactive)")
                                          : name.isEmpty() ? tr("(nothing)")
                                                           : service::factorName(name));
    auto* kl = new QTableWidgetItem(locale.toString(value(report.mean_kl, d), 'f', 3));
    kl->setToolTip(tr("Var[μ] %1").arg(locale.toString(value(report.mu_variance, d), 'f', 3)));
    for (auto* item : {captures, kl})
      if (!active) item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    dimensions_->setItem(d, 1, captures);
    dimensions_->setItem(d, 2, kl);
    for (int k = 0; k < factors; ++k) {
      const qint64 total = factor_votes[k];
      const qint64 count = value(report.factors[k].votes_per_dimension, d);
      const double share = total > 0 ? static_cast<double>(count) / total : 0.0;
      auto* item = new QTableWidgetItem(QStringLiteral("%1 %").arg(qRound(100 * share)));  // an integer
      item->setData(Qt::UserRole, count);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      shade.setAlphaF(0.6 * share);
      item->setBackground(shade);
      item->setToolTip(tr("%1 of %2 votes for %3; mutual information with %3: %4 nats")
                           .arg(count)
                           .arg(total)
                           .arg(factor_names[k])
                           .arg(locale.toString(value(report.factors[k].mutual_information_per_dimension, d), 'f', 3)));
      dimensions_->setItem(d, 3 + k, item);
    }
  }
}

}  // namespace fvae::ui
