#include "ui/kl_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace fvae::ui {

KlChart::KlChart(QWidget* parent) : QWidget(parent) {
  bars_ = new QBarSet(tr("KL per dimension"));
  auto* series = new QBarSeries;
  series->append(bars_);
  auto* chart = new QChart;
  chart->setLocalizeNumbers(true);  // the axis in the user's digits (a German desktop: 0,50)
  chart->addSeries(series);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->hide();
  chart->setTitle(tr("KL per latent dimension (nats)"));
  axis_ = new QValueAxis;
  axis_->setRange(0, 1);
  chart->addAxis(axis_, Qt::AlignLeft);
  series->attachAxis(axis_);
  categories_ = new QBarCategoryAxis;
  chart->addAxis(categories_, Qt::AlignBottom);
  series->attachAxis(categories_);
  view_ = new QChartView(chart);
  view_->setMinimumHeight(180);
  view_->setToolTip(tr("KL per latent dimension (nats): bars near zero are collapsed dimensions"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
}

void KlChart::setKl(const QVector<double>& kl, const QStringList& names) {
  if (kl.size() != kl_.size()) {
    bars_->remove(0, bars_->count());
    for (double v : kl) bars_->append(v);
  } else {
    for (int d = 0; d < kl.size(); ++d) bars_->replace(d, kl[d]);
  }
  QStringList categories;
  for (int d = 0; d < kl.size(); ++d)
    categories << (names.value(d).isEmpty() ? QStringLiteral("z%1").arg(d) : names.value(d));
  if (categories != categories_->categories()) {
    categories_->clear();
    categories_->append(categories);
  }
  kl_ = kl;
  double top = 0.1;
  for (double v : kl) top = std::max(top, v);
  axis_->setRange(0, top * 1.1);
}

}  // namespace fvae::ui
