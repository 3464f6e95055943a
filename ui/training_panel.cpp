#include "ui/training_panel.h"

#include <qcustomplot.h>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <cmath>

#include "app/service/image_export.h"
#include "ui/message_bar.h"
#include "ui/training_form.h"

namespace fvae::ui {

namespace {

const char* const kSeriesNames[] = {QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "reconstruction"),
                                    QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "KL"),
                                    QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "TC estimate"),
                                    QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "discriminator loss"),
                                    QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "discriminator accuracy"),
                                    QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "β"),
                                    QT_TRANSLATE_NOOP("fvae::ui::TrainingPanel", "γ")};
const QColor kColors[] = {QColor(31, 119, 180),  QColor(214, 39, 40), QColor(44, 160, 44),  QColor(255, 127, 14),
                          QColor(148, 103, 189), QColor(140, 86, 75), QColor(127, 127, 127)};
constexpr int kReconstructionScale = 3;

QString format_eta(double seconds) {
  if (!(seconds >= 0) || seconds > 1e7) return QStringLiteral("–");
  const qint64 s = static_cast<qint64>(seconds);
  return QStringLiteral("%1:%2:%3")
      .arg(s / 3600)
      .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
      .arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

TrainingPanel::TrainingPanel(service::TrainingSession* session, QWidget* parent) : QWidget(parent), session_(session) {
  form_ = new TrainingForm;
  connect(form_, &TrainingForm::imageSizeChanged, this, &TrainingPanel::imageSizeChanged);

  start_ = new QPushButton(tr("&Start"));
  pause_ = new QPushButton(tr("&Pause"));
  stop_ = new QPushButton(tr("St&op"));
  resume_ = new QPushButton(tr("Resume a run…"));
  resume_->setToolTip(tr("Continue a saved run (its model, settings and dataset) up to the epochs or steps above"));
  connect(resume_, &QPushButton::clicked, this, [this] {
    const QString suggested = QDir(form_->outputFolder()).filePath(QStringLiteral("latest.fvae"));
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Resume training"), suggested, tr("FactorVAE checkpoints (*.fvae)"));
    if (!path.isEmpty()) resumeTraining(path);
  });
  connect(start_, &QPushButton::clicked, this, &TrainingPanel::startTraining);
  connect(pause_, &QPushButton::clicked, this, &TrainingPanel::togglePause);
  connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stopTraining);
  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  status_ = new QLabel(tr("Ready."));
  status_->setWordWrap(true);

  plot_ = new QCustomPlot;
  plot_->setMinimumHeight(260);
  plot_->yAxis2->setVisible(true);
  plot_->yAxis2->setRange(0, 1);
  plot_->xAxis->setLabel(tr("step"));
  plot_->legend->setVisible(true);
  plot_->yAxis->setLabel(tr("nats"));
  plot_->yAxis2->setLabel(tr("discriminator"));
  schedule_axis_ = plot_->axisRect()->addAxis(QCPAxis::atRight);
  schedule_axis_->setLabel(tr("β, γ"));
  for (int s = 0; s < kSeries; ++s) {
    QCPAxis* value_axis = s <= 2 ? plot_->yAxis : s <= 4 ? plot_->yAxis2 : schedule_axis_;
    QCPGraph* raw = plot_->addGraph(plot_->xAxis, value_axis);
    QColor faint = kColors[s];
    faint.setAlpha(50);
    raw->setPen(QPen(faint));
    raw->removeFromLegend();
    QCPGraph* smooth = plot_->addGraph(plot_->xAxis, value_axis);
    smooth->setPen(QPen(kColors[s], 2));
    smooth->setName(tr(kSeriesNames[s]));
  }
  smoothing_ = new QSlider(Qt::Horizontal);
  smoothing_->setRange(0, 99);
  smoothing_->setValue(90);
  smoothing_->setToolTip(tr("EMA smoothing of the bold lines"));
  connect(smoothing_, &QSlider::valueChanged, this, &TrainingPanel::recomputeSmoothing);
  log_scale_ = new QCheckBox(tr("Log scale"));
  connect(log_scale_, &QCheckBox::toggled, this, [this](bool on) {
    plot_->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    plot_->replot(QCustomPlot::rpQueuedReplot);
  });

  kl_bars_ = new QBarSet(tr("KL per dimension"));
  auto* series = new QBarSeries;
  series->append(kl_bars_);
  auto* chart = new QChart;
  chart->addSeries(series);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->hide();
  chart->setTitle(tr("KL per latent dimension (nats): bars near zero are collapsed dimensions"));
  kl_axis_ = new QValueAxis;
  kl_axis_->setRange(0, 1);
  chart->addAxis(kl_axis_, Qt::AlignLeft);
  series->attachAxis(kl_axis_);
  kl_categories_ = new QBarCategoryAxis;
  chart->addAxis(kl_categories_, Qt::AlignBottom);
  series->attachAxis(kl_categories_);
  chart_view_ = new QChartView(chart);
  chart_view_->setMinimumHeight(200);
  reconstructions_ = new QLabel(tr("Fixed inputs and their reconstructions appear here during training."));
  reconstructions_->setToolTip(
      tr("Fixed inputs (top) and their current reconstructions (bottom), refreshed each "
         "epoch and every 500 steps"));
  reconstructions_->setMinimumHeight(2 * 32 * kReconstructionScale / 2);
  connect(session_, &service::TrainingSession::reconstructionsUpdated, this, [this](const QImage& strip, qint64) {
    last_reconstructions_ = strip;
    const int scale = std::clamp(600 / std::max(1, strip.width()), 1, kReconstructionScale);
    reconstructions_->setPixmap(
        QPixmap::fromImage(strip.scaled(strip.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
  });
  auto* save_charts = new QPushButton(tr("Save charts…"));
  save_charts->setToolTip(tr("The loss curves and the KL bars as one PNG"));
  connect(save_charts, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save charts"), QStringLiteral("training-charts.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const QString error = saveChartsPng(path);
    if (!error.isEmpty()) reportError(this, tr("Cannot save the charts"), error);
  });

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(pause_);
  buttons->addWidget(stop_);
  buttons->addWidget(resume_);
  auto* left = new QVBoxLayout;
  left->addWidget(form_);
  left->addLayout(buttons);
  left->addWidget(progress_);
  left->addWidget(status_);
  candidates_table_ = new QTableWidget(0, 5);
  candidates_table_->setObjectName(QStringLiteral("candidatesTable"));
  candidates_table_->setHorizontalHeaderLabels(
      {tr("Seed"), tr("UDR"), tr("Active"), tr("KL per dimension"), tr("State")});
  candidates_table_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
  candidates_table_->verticalHeader()->hide();
  candidates_table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  candidates_table_->setToolTip(
      tr("UDR: how much a candidate's active dimensions agree with the others' (0–1, "
         "higher is better); Active: dimensions with a mean KL above 0.01 nats"));
  candidates_table_->hide();
  left->addWidget(candidates_table_, 1);
  left->addStretch();
  auto* plot_controls = new QHBoxLayout;
  plot_controls->addWidget(new QLabel(tr("Smoothing:")));
  plot_controls->addWidget(smoothing_);
  plot_controls->addWidget(log_scale_);
  plot_controls->addWidget(save_charts);
  auto* right = new QVBoxLayout;
  right->addWidget(plot_, 3);
  right->addLayout(plot_controls);
  right->addWidget(chart_view_, 2);
  right->addWidget(reconstructions_);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addLayout(right, 1);

  flush_timer_ = new QTimer(this);
  flush_timer_->setInterval(200);
  connect(flush_timer_, &QTimer::timeout, this, &TrainingPanel::flush);
  selection_ = new service::CandidateSelection(session_, this);
  connect(selection_, &service::CandidateSelection::rowsChanged, this, &TrainingPanel::showCandidates);
  connect(selection_, &service::CandidateSelection::stageChanged, this, [this](const QString& stage) {
    status_->setText(stage);
    setRunning(true);
  });
  connect(selection_, &service::CandidateSelection::finished, this, [this](bool cancelled, const QString& message) {
    flush();
    status_->setText(message);
    setRunning(false);
    if (cancelled && !message.isEmpty()) reportError(this, tr("Candidates stopped"), message);
    if (!cancelled) emit trainingCompleted(QDir(settings().outputFolder).filePath(QStringLiteral("latest.fvae")));
  });
  connect(session_, &service::TrainingSession::stepped, this, &TrainingPanel::onStepped);
  connect(session_, &service::TrainingSession::started, this,
          [this](const QString& description, const QString& device) {
            if (selection_->isRunning()) {
              clearCurves();  // each candidate's curves start afresh
              return;
            }
            status_->setText(tr("Training %1 on %2.").arg(description, device));
            emit trainingStarted();
          });
  connect(session_, &service::TrainingSession::finished, this, [this](bool cancelled, const QString& message) {
    flush();
    if (selection_->isRunning()) return;  // the selection goes on with the next run
    status_->setText(message);
    setRunning(false);
    if (!cancelled) emit trainingCompleted(QDir(settings().outputFolder).filePath(QStringLiteral("latest.fvae")));
  });
  connect(session_, &service::TrainingSession::failed, this, [this](const QString& message) {
    flush();
    if (selection_->isRunning()) return;  // the selection ends and reports it
    status_->setText(tr("Training failed: %1").arg(message));
    setRunning(false);
    reportError(this, tr("Training failed"), message);  // in the window, never a box that waits for a click
  });
  setRunning(false);
}

service::TrainingSettings TrainingPanel::settings() const { return form_->settings(); }

void TrainingPanel::setSettings(const service::TrainingSettings& s) { form_->setSettings(s); }

int TrainingPanel::pointsPlotted() const { return plot_->graph(1)->dataCount(); }

void TrainingPanel::setDatasetSpec(const QString& spec) { form_->setDatasetSpec(spec); }

void TrainingPanel::startTraining() {
  if (const QString problem = form_->invalidProblem(); !problem.isEmpty()) {
    status_->setText(tr("Cannot start: %1").arg(problem));
    reportError(this, tr("Cannot start"), problem);
    return;
  }
  start(settings());
}

void TrainingPanel::resumeTraining(const QString& checkpointPath) {
  auto s = settings();
  s.resumeFrom = checkpointPath;
  s.outputFolder = QFileInfo(checkpointPath).absolutePath();
  form_->setOutputFolder(s.outputFolder);
  start(s);
}

QString TrainingPanel::saveChartsPng(const QString& path) const {
  const QPixmap curves = plot_->toPixmap(plot_->width(), plot_->height());
  const QPixmap bars = chart_view_->grab();
  QImage out(std::max(curves.width(), bars.width()), curves.height() + bars.height(), QImage::Format_RGB888);
  out.fill(Qt::white);
  QPainter painter(&out);
  painter.drawPixmap(0, 0, curves);
  painter.drawPixmap(0, curves.height(), bars);
  painter.end();
  return service::writePng(path, out);
}

void TrainingPanel::clearCurves() {
  pending_.clear();
  steps_seen_.clear();
  for (auto& r : raw_) r.clear();
  for (int g = 0; g < plot_->graphCount(); ++g) plot_->graph(g)->data()->clear();
  ema_speed_ = 0;
}

void TrainingPanel::showCandidates() {
  const auto rows = selection_->rows();
  candidates_table_->setVisible(!rows.isEmpty());
  candidates_table_->setRowCount(rows.size());
  for (int r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    QString kl;
    for (double v : row.klPerDim) kl += QString::number(v, 'f', 2) + QLatin1Char(' ');
    QString state;
    switch (row.state) {
      case service::CandidateRow::State::Waiting:
        state = tr("waiting");
        break;
      case service::CandidateRow::State::Screening:
        state = tr("screening");
        break;
      case service::CandidateRow::State::Screened:
        state = tr("screened");
        break;
      case service::CandidateRow::State::Chosen:
        state = tr("chosen");
        break;
      case service::CandidateRow::State::Continuing:
        state = tr("chosen, continuing");
        break;
      case service::CandidateRow::State::Done:
        state = tr("chosen, done");
        break;
      case service::CandidateRow::State::Failed:
        state = tr("stopped");
        break;
    }
    const QStringList cells = {QString::number(row.seed), row.udr < 0 ? QString() : QString::number(row.udr, 'f', 3),
                               row.activeDims < 0 ? QString() : QString::number(row.activeDims), kl.trimmed(), state};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c == 0) item->setToolTip(row.checkpoint);
      candidates_table_->setItem(r, c, item);
    }
  }
}

void TrainingPanel::start(const service::TrainingSettings& s) {
  QString error;
  clearCurves();
  if (s.resumeFrom.isEmpty() && s.candidates > 1) {
    const qint64 screen =
        s.screenSteps > 0 ? s.screenSteps : service::runDefaults(s.dataset, s.imageSize, s.steps).screenSteps;
    if (!selection_->start(s, s.candidates, screen, &error)) {
      status_->setText(tr("Cannot start the candidates: %1").arg(error));
      reportError(this, tr("Cannot start the candidates"), error);
      return;
    }
    paused_ = false;
    pause_->setText(tr("&Pause"));
    setRunning(true);
    return;
  }
  if (!session_->start(s, &error)) {
    status_->setText(tr("Cannot start training: %1").arg(error));
    reportError(this, tr("Cannot start training"), error);
    return;
  }
  paused_ = false;
  pause_->setText(tr("&Pause"));
  status_->setText(tr("Preparing the dataset…"));
  setRunning(true);
}

void TrainingPanel::togglePause() {
  if (!running_) return;  // nothing to pause (the shortcut works from every tab)
  paused_ = !paused_;
  session_->setPaused(paused_);
  pause_->setText(paused_ ? tr("&Resume") : tr("&Pause"));
  status_->setText(paused_ ? tr("Paused.") : tr("Resumed."));
}

void TrainingPanel::stopTraining() {
  if (!running_) return;
  if (selection_->isRunning()) {
    session_->setPaused(false);
    selection_->cancel();
    status_->setText(tr("Stopping after this step and saving…"));
    return;
  }
  session_->setPaused(false);
  session_->stop();
  status_->setText(tr("Stopping after this step and saving…"));
}

void TrainingPanel::setRunning(bool running) {
  const bool changed = running != running_;
  running_ = running;
  if (!running) {
    paused_ = false;
    pause_->setText(tr("&Pause"));
  }
  start_->setEnabled(!running);
  resume_->setEnabled(!running);
  pause_->setEnabled(running);
  stop_->setEnabled(running);
  running ? flush_timer_->start() : flush_timer_->stop();
  if (changed) emit runningChanged(running);
}

void TrainingPanel::onStepped(const service::TrainingPoint& point) { pending_ << point; }

void TrainingPanel::flush() {
  if (pending_.isEmpty()) return;
  const double alpha = 1.0 - smoothing_->value() / 100.0;
  QVector<double> keys, raw[kSeries], smooth[kSeries];
  for (const auto& p : pending_) {
    const double values[kSeries] = {p.reconstruction, p.kl, p.tc, p.discLoss, p.discAccuracy, p.beta, p.gamma};
    keys << static_cast<double>(p.step);
    steps_seen_ << static_cast<double>(p.step);
    for (int s = 0; s < kSeries; ++s) {
      ema_[s] = raw_[s].isEmpty() ? values[s] : ema_[s] + alpha * (values[s] - ema_[s]);
      raw_[s] << values[s];
      raw[s] << values[s];
      smooth[s] << ema_[s];
    }
    ema_speed_ = ema_speed_ == 0 ? p.imagesPerSecond : 0.9 * ema_speed_ + 0.1 * p.imagesPerSecond;
  }
  for (int s = 0; s < kSeries; ++s) {
    plot_->graph(2 * s)->addData(keys, raw[s], true);
    plot_->graph(2 * s + 1)->addData(keys, smooth[s], true);
  }
  plot_->xAxis->setRange(0, std::max(1.0, keys.last()));
  bool found = false;
  QCPRange range = plot_->graph(1)->getValueRange(found);
  for (int s = 1; s < 3; ++s) range.expand(plot_->graph(2 * s + 1)->getValueRange(found));
  plot_->yAxis->setRange(range.lower - 0.05 * range.size(), range.upper + 0.05 * range.size());
  const QCPRange disc = plot_->graph(7)->getValueRange(found);
  plot_->yAxis2->setRange(0, std::max(1.0, disc.upper * 1.05));
  QCPRange schedule = plot_->graph(11)->getValueRange(found);
  schedule.expand(plot_->graph(13)->getValueRange(found));
  schedule_axis_->setRange(0, std::max(1.0, schedule.upper * 1.1));
  plot_->replot(QCustomPlot::rpQueuedReplot);

  const auto& last = pending_.last();
  latest_kl_ = last.klPerDim;
  if (kl_bars_->count() != latest_kl_.size()) {
    kl_bars_->remove(0, kl_bars_->count());
    QStringList categories;
    for (int d = 0; d < latest_kl_.size(); ++d) {
      kl_bars_->append(latest_kl_[d]);
      categories << QStringLiteral("z%1").arg(d);
    }
    kl_categories_->clear();
    kl_categories_->append(categories);
  } else {
    for (int d = 0; d < latest_kl_.size(); ++d) kl_bars_->replace(d, latest_kl_[d]);
  }
  double top = 0.1;
  for (double v : latest_kl_) top = std::max(top, v);
  kl_axis_->setRange(0, top * 1.1);
  emit klUpdated(latest_kl_);

  const double fraction = last.totalSteps > 0 ? double(last.step) / double(last.totalSteps) : 0;
  progress_->setValue(static_cast<int>(fraction * 1000));
  const double eta = ema_speed_ > 0 ? double(last.totalSteps - last.step) * last.batchSize / ema_speed_ : -1;
  progress_->setFormat(tr("epoch %1 · step %2/%3 · %4 img/s · ETA %5")
                           .arg(last.epoch + 1)
                           .arg(last.step)
                           .arg(last.totalSteps)
                           .arg(ema_speed_, 0, 'f', 0)
                           .arg(format_eta(eta)));
  pending_.clear();
}

void TrainingPanel::recomputeSmoothing() {
  const double alpha = 1.0 - smoothing_->value() / 100.0;
  for (int s = 0; s < kSeries; ++s) {
    QVector<double> smooth;
    double previous = raw_[s].isEmpty() ? 0 : raw_[s].first();
    for (double v : raw_[s]) smooth << (previous = previous + alpha * (v - previous));
    ema_[s] = previous;
    plot_->graph(2 * s + 1)->setData(steps_seen_, smooth, true);
  }
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace fvae::ui
