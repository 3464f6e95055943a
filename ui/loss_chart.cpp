#include "ui/loss_chart.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>

namespace fvae::ui {

namespace {

const char* const kSeriesNames[] = {QT_TRANSLATE_NOOP("fvae::ui::LossChart", "reconstruction"),
                                    QT_TRANSLATE_NOOP("fvae::ui::LossChart", "KL"),
                                    QT_TRANSLATE_NOOP("fvae::ui::LossChart", "TC estimate"),
                                    QT_TRANSLATE_NOOP("fvae::ui::LossChart", "discriminator loss"),
                                    QT_TRANSLATE_NOOP("fvae::ui::LossChart", "discriminator accuracy"),
                                    QT_TRANSLATE_NOOP("fvae::ui::LossChart", "β"),
                                    QT_TRANSLATE_NOOP("fvae::ui::LossChart", "γ")};
const QColor kColors[] = {QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),  QColor(255, 127, 14),
                          QColor(148, 103, 189), QColor(140, 86, 75), QColor(127, 127, 127)};

double value_of(const service::TrainingPoint& p, int series) {
  switch (series) {
    case LossChart::Reconstruction:
      return p.reconstruction;
    case LossChart::Kl:
      return p.kl;
    case LossChart::Tc:
      return p.tc;
    case LossChart::DiscriminatorLoss:
      return p.discLoss;
    case LossChart::DiscriminatorAccuracy:
      return p.discAccuracy;
    case LossChart::Beta:
      return p.beta;
    default:
      return p.gamma;
  }
}

}  // namespace

LossChart::LossChart(QWidget* parent) : QWidget(parent) {
  createPlot();
  createControls();
}

void LossChart::createPlot() {
  plot_ = new QCustomPlot;
  plot_->setMinimumHeight(240);
  plot_->xAxis->setLabel(tr("step"));
  plot_->yAxis->setLabel(tr("nats"));
  plot_->yAxis2->setVisible(true);
  plot_->yAxis2->setRange(0, 1);
  plot_->yAxis2->setLabel(tr("discriminator"));
  schedule_axis_ = plot_->axisRect()->addAxis(QCPAxis::atRight);
  schedule_axis_->setLabel(tr("β, γ"));
  // The legend in a row of its own above the curves: inside the axis rectangle it covered them.
  auto* legend_row = new QCPLayoutGrid;
  plot_->plotLayout()->insertRow(0);
  plot_->plotLayout()->addElement(0, 0, legend_row);
  legend_row->addElement(0, 0, plot_->legend);
  plot_->legend->setVisible(true);
  plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
  plot_->legend->setWrap(2);  // rows of two: seven names in one row made the plot (and the window) too wide
  plot_->legend->setBorderPen(Qt::NoPen);
  plot_->plotLayout()->setRowStretchFactor(0, 0.001);
  for (int s = 0; s < SeriesCount; ++s) {
    QCPAxis* value_axis = s <= Tc ? plot_->yAxis : s <= DiscriminatorAccuracy ? plot_->yAxis2 : schedule_axis_;
    QCPGraph* raw = plot_->addGraph(plot_->xAxis, value_axis);
    QColor faint = kColors[s];
    faint.setAlpha(50);
    raw->setPen(QPen(faint));
    raw->removeFromLegend();
    QCPGraph* smooth = plot_->addGraph(plot_->xAxis, value_axis);
    smooth->setPen(QPen(kColors[s], 2));
    smooth->setName(tr(kSeriesNames[s]));
    raw_graphs_ << raw;
    smooth_graphs_ << smooth;
  }
}

void LossChart::createControls() {
  smoothing_ = new QSlider(Qt::Horizontal);
  smoothing_->setRange(0, 99);
  smoothing_->setValue(90);
  smoothing_->setToolTip(tr("EMA smoothing of the bold lines"));
  connect(smoothing_, &QSlider::valueChanged, this, &LossChart::redraw);
  log_scale_ = new QCheckBox(tr("Log scale"));
  connect(log_scale_, &QCheckBox::toggled, this, [this](bool on) {
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    // A logarithmic ticker: the linear one bunched its labels at the top.
    plot_->yAxis->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog)
                               : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    rescale();
  });
  run_selector_ = new QComboBox;
  run_selector_->setToolTip(tr("Which run's curves to show: every candidate of a pipeline keeps its own"));
  run_selector_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  run_selector_->hide();
  connect(run_selector_, &QComboBox::currentTextChanged, this, [this](const QString& name) {
    if (!name.isEmpty() && name != shown_) showRun(name);
  });
  auto* controls = new QHBoxLayout;
  controls->addWidget(new QLabel(tr("Smoothing:")));
  controls->addWidget(smoothing_);
  controls->addWidget(log_scale_);
  controls->addWidget(run_selector_);
  controls->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_, 1);
  layout->addLayout(controls);
}

void LossChart::clear() {
  curves_.clear();
  order_.clear();
  newest_.clear();
  shown_.clear();
  run_selector_->clear();
  run_selector_->hide();
  for (int s = 0; s < SeriesCount; ++s) raw_graphs_[s]->data()->clear(), smooth_graphs_[s]->data()->clear();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossChart::startRun(const QString& name) {
  if (!curves_.contains(name)) {
    order_ << name;
    run_selector_->addItem(name);
  }
  curves_[name] = RunCurves();
  newest_ = name;
  run_selector_->setVisible(order_.size() > 1);
  showRun(name);
}

void LossChart::showRun(const QString& name) {
  if (!curves_.contains(name)) return;
  shown_ = name;
  {
    const QSignalBlocker block(run_selector_);
    run_selector_->setCurrentText(name);
  }
  redraw();
}

void LossChart::addPoints(const QVector<service::TrainingPoint>& points) {
  if (points.isEmpty()) return;
  if (newest_.isEmpty()) startRun(tr("run"));
  RunCurves& run = curves_[newest_];
  QVector<double> keys, raw[SeriesCount], smooth[SeriesCount];
  const double alpha = 1.0 - smoothing_->value() / 100.0;
  for (const auto& p : points) {
    run.steps << static_cast<double>(p.step);
    keys << static_cast<double>(p.step);
    for (int s = 0; s < SeriesCount; ++s) {
      const double v = value_of(p, s);
      ema_[s] = run.raw[s].isEmpty() ? v : ema_[s] + alpha * (v - ema_[s]);
      run.raw[s] << v;
      raw[s] << v;
      smooth[s] << ema_[s];
    }
  }
  if (shown_ != newest_) return;  // the user looks at another run; its curves stay
  for (int s = 0; s < SeriesCount; ++s) {
    raw_graphs_[s]->addData(keys, raw[s], true);
    smooth_graphs_[s]->addData(keys, smooth[s], true);
  }
  rescale();
}

void LossChart::redraw() {
  const RunCurves run = curves_.value(shown_);
  const double alpha = 1.0 - smoothing_->value() / 100.0;
  for (int s = 0; s < SeriesCount; ++s) {
    QVector<double> smooth;
    double previous = run.raw[s].isEmpty() ? 0 : run.raw[s].first();
    for (double v : run.raw[s]) smooth << (previous = previous + alpha * (v - previous));
    if (shown_ == newest_) ema_[s] = previous;  // the live run's smoothing goes on from here
    raw_graphs_[s]->setData(run.steps, run.raw[s], true);
    smooth_graphs_[s]->setData(run.steps, smooth, true);
  }
  rescale();
}

void LossChart::rescale() {
  const auto& steps = curves_.value(shown_).steps;
  plot_->xAxis->setRange(0, std::max(1.0, steps.isEmpty() ? 1.0 : steps.last()));
  bool found = false;
  QCPRange range = smooth_graphs_[Reconstruction]->getValueRange(found);
  for (int s : {Kl, Tc}) range.expand(smooth_graphs_[s]->getValueRange(found));
  if (log_scale_->isChecked()) {
    const QCPRange positive = smooth_graphs_[Reconstruction]->getValueRange(found, QCP::sdPositive);
    plot_->yAxis->setRange(std::max(1e-3, positive.lower * 0.8), std::max(1.0, positive.upper * 1.25));
  } else {
    plot_->yAxis->setRange(range.lower - 0.05 * range.size(), range.upper + 0.05 * range.size());
  }
  const QCPRange disc = smooth_graphs_[DiscriminatorLoss]->getValueRange(found);
  plot_->yAxis2->setRange(0, std::max(1.0, disc.upper * 1.05));
  QCPRange schedule = smooth_graphs_[Beta]->getValueRange(found);
  schedule.expand(smooth_graphs_[Gamma]->getValueRange(found));
  schedule_axis_->setRange(0, std::max(1.0, schedule.upper * 1.1));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

int LossChart::pointCount() const { return smooth_graphs_[Reconstruction]->dataCount(); }

QCPGraph* LossChart::graph(Series series, bool smoothed) const {
  return smoothed ? smooth_graphs_[series] : raw_graphs_[series];
}

}  // namespace fvae::ui
