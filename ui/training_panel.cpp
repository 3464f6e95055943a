#include "ui/training_panel.h"

#include "ui/breakable_text.h"

#include <qcustomplot.h>

#include <cmath>

#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "app/service/errors.h"
#include "app/service/image_export.h"
#include "ui/candidates_table.h"
#include "ui/folder_question.h"
#include "ui/kl_chart.h"
#include "ui/loss_chart.h"
#include "ui/message_bar.h"
#include "ui/training_form.h"

namespace fvae::ui {

namespace {

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
  createButtons();
  createViews();
  layOut();
  connectSession();
  setRunning(false);
}

void TrainingPanel::createButtons() {
  start_ = new QPushButton(tr("&Start"));
  pause_ = new QPushButton(tr("&Pause"));
  stop_ = new QPushButton(tr("St&op"));
  resume_ = new QPushButton(tr("Resume a run…"));
  resume_->setToolTip(tr("Continue a saved run (its model, settings and dataset) up to the epochs or steps above"));
  connect(resume_, &QPushButton::clicked, this, [this] {
    // Offer what the output folder holds: a pipeline's table, else the run's checkpoint, else the folder itself.
    const QDir out(form_->outputFolder());
    QString suggested = out.absolutePath();
    for (const char* name : {"candidates.csv", "latest.fvae"})
      if (out.exists(QString::fromLatin1(name))) {
        suggested = out.filePath(QString::fromLatin1(name));
        break;
      }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Resume training"), suggested,
        tr("Runs and candidate pipelines (*.fvae candidates.csv);;FactorVAE checkpoints (*.fvae)"));
    if (!path.isEmpty()) resumeTraining(path);
  });
  connect(start_, &QPushButton::clicked, this, &TrainingPanel::startTraining);
  // "Cannot start: Batch size …" goes once the fields are corrected (it once stayed after the fix).
  connect(form_, &TrainingForm::problemsChanged, this, [this](bool any) {
    if (any || running_) return;
    clearReportedProblem(this, tr("Cannot start"));
    if (status_text_.startsWith(tr("Cannot start: %1").arg(QString()))) setStatus(tr("Ready."));
  });
  connect(pause_, &QPushButton::clicked, this, &TrainingPanel::togglePause);
  connect(stop_, &QPushButton::clicked, this, &TrainingPanel::stopTraining);
  folder_question_ = new FolderQuestion;
  connect(folder_question_, &FolderQuestion::continueChosen, this, &TrainingPanel::resumeTraining);
  connect(folder_question_, &FolderQuestion::newFolderChosen, this, [this](const QString& folder) {
    form_->setOutputFolder(folder);
    start(settings());
  });
  connect(folder_question_, &FolderQuestion::replaceChosen, this, [this] {
    auto s = settings();
    s.replaceExisting = true;
    start(s);
  });
  demo_ = new QPushButton(tr("Explore a trained model now"));
  demo_->setToolTip(tr("Open the demo model, trained by this application on the built-in shapes, in the explorer"));
  demo_->hide();
  connect(demo_, &QPushButton::clicked, this, &TrainingPanel::exploreDemoRequested);
  save_charts_ = new QPushButton(tr("Save charts…"));
  save_charts_->setToolTip(tr("The loss curves and the KL bars as one PNG"));
  connect(save_charts_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save charts"), QStringLiteral("training-charts.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const QString error = saveChartsPng(path);
    if (!error.isEmpty())
      reportError(this, tr("Cannot save the charts"), error);
    else
      reportInformation(this, tr("Saved"), QDir::toNativeSeparators(path));
  });
}

void TrainingPanel::createViews() {
  progress_ = new QProgressBar;
  progress_->setRange(0, 1000);
  progress_->setValue(0);
  // The bar shows the share done; what it counts (candidate, stage, step, time left) goes on a line of its own,
  // which wraps where a bar's text would be cut.
  progress_text_ = new QLabel;
  progress_text_->setWordWrap(true);
  status_ = new QLabel;
  status_->setWordWrap(true);
  setStatus(tr("Ready."));
  candidates_ = new CandidatesTable;
  loss_chart_ = new LossChart;
  kl_chart_ = new KlChart;
  reconstructions_ = new QLabel(tr("Fixed inputs and their reconstructions appear here during training."));
  reconstructions_->setToolTip(
      tr("Fixed inputs (top) and their current reconstructions (bottom), refreshed each epoch and every 500 steps"));
  reconstructions_->setMinimumHeight(2 * 32 * kReconstructionScale / 2);
  reconstructions_->setWordWrap(true);
  strip_slider_ = new QSlider(Qt::Horizontal);
  strip_slider_->setToolTip(tr("Earlier reconstructions of this run"));
  strip_slider_->hide();
  strip_step_ = new QLabel;
  connect(strip_slider_, &QSlider::valueChanged, this, &TrainingPanel::showStrip);
  flush_timer_ = new QTimer(this);
  flush_timer_->setInterval(200);
  connect(flush_timer_, &QTimer::timeout, this, &TrainingPanel::flush);
}

void TrainingPanel::layOut() {
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {start_, pause_, stop_, resume_}) buttons->addWidget(b);
  // The form scrolls on its own (vertically), so that Start, the progress and the charts stay in view in a small
  // window instead of the whole tab scrolling.
  auto* form_scroll = new QScrollArea;
  form_scroll->setWidget(form_);
  form_scroll->setWidgetResizable(true);
  form_scroll->setFrameShape(QFrame::NoFrame);
  form_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  form_scroll->setMinimumWidth(form_->minimumSizeHint().width() + form_scroll->verticalScrollBar()->sizeHint().width());
  form_scroll->setMinimumHeight(160);
  auto* left = new QVBoxLayout;
  left->addWidget(form_scroll, 1);
  left->addLayout(buttons);
  left->addWidget(folder_question_);
  left->addWidget(demo_);
  left->addWidget(progress_);
  left->addWidget(progress_text_);
  left->addWidget(status_);
  left->addWidget(candidates_);
  auto* charts = new QSplitter(Qt::Vertical);
  charts->addWidget(loss_chart_);
  charts->addWidget(kl_chart_);
  charts->setStretchFactor(0, 3);
  charts->setStretchFactor(1, 2);
  auto* right = new QVBoxLayout;
  right->addWidget(charts, 1);
  auto* strip_row = new QHBoxLayout;
  strip_row->addWidget(reconstructions_, 1);
  strip_row->addWidget(save_charts_, 0, Qt::AlignBottom);
  right->addLayout(strip_row);
  auto* strip_slider_row = new QHBoxLayout;
  strip_slider_row->addWidget(strip_slider_, 1);
  strip_slider_row->addWidget(strip_step_);
  right->addLayout(strip_slider_row);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(left);
  layout->addLayout(right, 1);
}

void TrainingPanel::connectSession() {
  connect(session_, &service::TrainingSession::stepped, this,
          [this](const service::TrainingPoint& point) { pending_ << point; });
  connect(session_, &service::TrainingSession::reconstructionsUpdated, this, [this](const QImage& strip, qint64 step) {
    last_reconstructions_ = strip;
    addStrip(tr("step %1").arg(step), strip);
  });
  connect(session_, &service::TrainingSession::pipelineChanged, this, &TrainingPanel::showStage);
  connect(session_, &service::TrainingSession::historyRestored, this,
          [this](const QVector<service::TrainingPoint>& history) { pending_ = history + pending_; });
  connect(session_, &service::TrainingSession::started, this,
          [this](const QString& description, const QString& device) {
            flush();
            QString name = tr("run");
            if (in_pipeline_ && pipeline_.current >= 0) {
              const auto& row = pipeline_.rows[pipeline_.current];
              name = row.state == service::CandidateRow::State::Continuing ? tr("seed %1 · continuing").arg(row.seed)
                                                                           : tr("seed %1 · screening").arg(row.seed);
            }
            loss_chart_->startRun(name);
            if (!in_pipeline_) setStatus(tr("Training %1 on %2.").arg(description, device));
            emit trainingStarted();
          });
  connect(session_, &service::TrainingSession::finished, this,
          [this](bool cancelled, const QString& message, const QString& checkpoint) {
            flush();
            setStatus(message);
            setRunning(false);
            if (cancelled)
              emit trainingStopped(checkpoint, message);
            else
              emit trainingCompleted(checkpoint);
          });
  connect(session_, &service::TrainingSession::failed, this, [this](const QString& message) {
    flush();
    setStatus(tr("Training failed: %1").arg(message));
    setRunning(false);
    reportError(this, tr("Training failed"), message);  // in the window, never a box that waits for a click
  });
}

service::TrainingSettings TrainingPanel::settings() const { return form_->settings(); }

void TrainingPanel::offerDemo(const QString& scores, bool firstStart) {
  demo_->setVisible(true);
  if (!scores.isEmpty()) demo_->setToolTip(demo_->toolTip() + QStringLiteral(" (") + scores + QLatin1Char(')'));
  if (firstStart && !running_)
    setStatus(
        tr("New here? Explore a trained model now, or press Start to train your own: it ends within the time "
           "budget below."));
}

void TrainingPanel::setSettings(const service::TrainingSettings& s) { form_->setSettings(s); }

void TrainingPanel::setDatasetSpec(const QString& spec) { form_->setDatasetSpec(spec); }

QString TrainingPanel::statusText() const { return paused_ ? tr("Paused. %1").arg(status_text_) : status_text_; }

void TrainingPanel::addStrip(const QString& when, const QImage& strip) {
  if (!strips_.isEmpty() && strips_.last().first == when) strips_.removeLast();  // the same step again (epoch end)
  const bool at_end = strip_slider_->value() == strip_slider_->maximum();
  strips_.append({when, strip});
  const QSignalBlocker block(strip_slider_);
  strip_slider_->setRange(0, static_cast<int>(strips_.size()) - 1);
  strip_slider_->setVisible(strips_.size() > 1);
  if (at_end) strip_slider_->setValue(strip_slider_->maximum());  // following the newest unless the user looks back
  showStrip(strip_slider_->value());
}

void TrainingPanel::showStrip(int index) {
  if (index < 0 || index >= strips_.size()) return;
  const QImage& strip = strips_[index].second;
  const int scale = std::clamp(600 / std::max(1, strip.width()), 1, kReconstructionScale);
  reconstructions_->setPixmap(
      QPixmap::fromImage(strip.scaled(strip.size() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
  strip_step_->setText(strips_[index].first);
}

void TrainingPanel::showSavedHistory(const QString& name, const QVector<service::TrainingPoint>& history) {
  if (running_ || history.isEmpty()) return;
  pending_.clear();
  loss_chart_->clear();
  loss_chart_->startRun(name);
  pending_ = history;
  flush();
  progress_->setValue(progress_->maximum() * history.last().step / std::max<qint64>(1, history.last().totalSteps));
  progress_text_->setText(tr("saved at step %1 of %2").arg(history.last().step).arg(history.last().totalSteps));
}

void TrainingPanel::showSavedReconstructions(const QString& gifPath) {
  if (running_) return;
  strips_.clear();
  QImageReader reader(gifPath);
  for (int frame = 1; reader.canRead(); ++frame) {
    const QImage image = reader.read();
    if (image.isNull()) break;
    addStrip(tr("epoch %1").arg(frame), image.convertToFormat(QImage::Format_RGB32));
  }
}

int TrainingPanel::pointsPlotted() const { return loss_chart_->pointCount(); }

void TrainingPanel::setStatus(const QString& text) {
  status_text_ = text;
  // A long path ("…saved in /home/…/seed-3/latest.fvae") may break after each folder: unbroken, it once made the
  // tab wider than the window after a Stop.
  status_->setText(breakableAtSlashes(paused_ ? tr("Paused. %1").arg(text) : text));
}

void TrainingPanel::startTraining() {
  if (const QString problem = form_->invalidProblem(); !problem.isEmpty()) {
    setStatus(tr("Cannot start: %1").arg(problem));
    reportError(this, tr("Cannot start"), problem);
    return;
  }
  // A folder that holds a run is never continued or overwritten unasked.
  const auto s = settings();
  if (const auto found = service::folderRun(s.outputFolder); found.holds != service::FolderRun::Holds::Nothing) {
    folder_question_->ask(s.outputFolder, found);
    setStatus(tr("Waiting for your choice: the output folder holds an earlier run."));
    return;
  }
  folder_question_->hide();
  start(s);
}

void TrainingPanel::resumeTraining(const QString& checkpointPath) {
  auto s = settings();
  // A candidate's checkpoint (or a pipeline's table) goes on as the pipeline it belongs to, and says so.
  if (const QString pipeline = service::pipelineFolderOf(checkpointPath); !pipeline.isEmpty()) {
    s.resumePipeline = pipeline;
    s.outputFolder = pipeline;
    form_->setOutputFolder(pipeline);
    start(s);
    if (running_)
      setStatus(tr("Resuming the candidate pipeline in %1: screened candidates are kept, a stopped one goes on from "
                   "its checkpoint, then the ranking and the best candidate's continuation.")
                    .arg(QDir::toNativeSeparators(pipeline)));
    return;
  }
  s.resumeFrom = checkpointPath;
  s.outputFolder = QFileInfo(checkpointPath).absolutePath();
  form_->setOutputFolder(s.outputFolder);
  start(s);
}

QString TrainingPanel::saveChartsPng(const QString& path) const {
  QCustomPlot* plot = loss_chart_->plot();
  const QPixmap curves = plot->toPixmap(plot->width(), plot->height());
  const QPixmap bars = kl_chart_->view()->grab();
  QImage out(std::max(curves.width(), bars.width()), curves.height() + bars.height(), QImage::Format_RGB888);
  out.fill(Qt::white);
  QPainter painter(&out);
  painter.drawPixmap(0, 0, curves);
  painter.drawPixmap(0, curves.height(), bars);
  painter.end();
  return service::problemOf([&] { service::writePng(path, out); });
}

void TrainingPanel::start(const service::TrainingSettings& s) {
  try {
    session_->start(s);
  } catch (const service::Error& e) {
    const QString error = QString::fromUtf8(e.what());
    setStatus(tr("Cannot start training: %1").arg(error));
    reportError(this, tr("Cannot start training"), error);
    return;
  }
  // The views of the previous run go together, only once the new one has started.
  folder_question_->hide();
  pending_.clear();
  loss_chart_->clear();
  strips_.clear();
  strip_slider_->hide();
  strip_step_->clear();
  ema_speed_ = 0;
  in_pipeline_ = !s.resumePipeline.isEmpty() || (s.candidates > 1 && s.resumeFrom.isEmpty());
  pipeline_ = {};
  candidates_->setPipeline(pipeline_);
  paused_ = false;
  pause_->setText(tr("&Pause"));
  setStatus(in_pipeline_ ? tr("Preparing the candidates…") : tr("Preparing the dataset…"));
  setRunning(true);
}

void TrainingPanel::showStage(const service::PipelineInfo& info) {
  pipeline_ = info;
  candidates_->setPipeline(info);
  const int count = info.rows.size();
  using Stage = service::PipelineInfo::Stage;
  switch (info.stage) {
    case Stage::Screening:
      if (info.current >= 0)
        setStatus(tr("Screening candidate %1 of %2 (seed %3), %4 steps each.")
                      .arg(info.current + 1)
                      .arg(count)
                      .arg(info.rows[info.current].seed)
                      .arg(info.screenSteps));
      break;
    case Stage::Ranking:
      setStatus(tr("Ranking the %1 candidates by UDR…").arg(count));
      break;
    case Stage::Continuing:
      setStatus(tr("Continuing seed %1 (UDR %2) to the full budget of %3 steps")
                    .arg(info.rows[info.current].seed)
                    .arg(QLocale().toString(info.rows[info.current].udr, 'f', 3))
                    .arg(info.budget));
      break;
    case Stage::Finished:
    case Stage::Stopped:
      break;
  }
  if (!info.timePlan.isEmpty() && (info.stage == Stage::Screening || info.stage == Stage::Continuing))
    setStatus(status_text_ + QLatin1Char(' ') + tr("Time budget of %1.").arg(info.timePlan));
}

void TrainingPanel::togglePause() {
  if (!running_) return;  // nothing to pause (the shortcut works from every tab)
  paused_ = !paused_;
  session_->setPaused(paused_);
  pause_->setText(paused_ ? tr("&Resume") : tr("&Pause"));
  setStatus(status_text_);  // the stage stays in view, "Paused." before it while paused
}

void TrainingPanel::stopTraining() {
  if (!running_) return;
  session_->setPaused(false);
  paused_ = false;
  pause_->setText(tr("&Pause"));
  session_->stop();
  setStatus(tr("Stopping after this step and saving…"));
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

QString TrainingPanel::progressText() const { return progress_text_->text(); }

void TrainingPanel::flush() {
  if (pending_.isEmpty()) return;
  for (const auto& p : pending_)
    ema_speed_ = ema_speed_ == 0 ? p.imagesPerSecond : 0.95 * ema_speed_ + 0.05 * p.imagesPerSecond;
  loss_chart_->addPoints(pending_);
  const auto& last = pending_.last();
  latest_kl_ = last.klPerDim;
  kl_chart_->setKl(latest_kl_);
  emit klUpdated(latest_kl_);

  // Progress and time left of everything that was started: the whole pipeline, not the candidate alone.
  const double done = static_cast<double>(last.pipelineStepsDone), total = static_cast<double>(last.pipelineTotalSteps);
  progress_->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 0);
  const double steps_per_second = ema_speed_ > 0 && last.batchSize > 0 ? ema_speed_ / last.batchSize : 0;
  const double eta = steps_per_second > 0 ? (total - done) / steps_per_second : -1;
  if (last.candidate >= 0 && last.candidate < pipeline_.rows.size()) {
    // The table's Step column follows the training between the pipeline's reports (it stayed 0 while screening).
    if (last.step > pipeline_.rows[last.candidate].step) {
      pipeline_.rows[last.candidate].step = last.step;
      candidates_->setStep(last.candidate, last.step);
    }
    // The chosen candidate's last points may arrive after the pipeline has marked it done.
    const auto state = pipeline_.rows[last.candidate].state;
    const bool continuing =
        state == service::CandidateRow::State::Continuing || state == service::CandidateRow::State::Done;
    progress_text_->setText(tr("candidate %1 of %2 · %3 · step %4/%5 · pipeline %6% · ETA %7")
                                .arg(last.candidate + 1)
                                .arg(pipeline_.rows.size())
                                .arg(continuing ? tr("continuing") : tr("screening"))
                                .arg(last.step)
                                .arg(continuing ? pipeline_.budget : pipeline_.screenSteps)
                                .arg(total > 0 ? std::floor(100.0 * done / total) : 0, 0, 'f', 0)  // as the bar
                                .arg(format_eta(eta)));
  } else {
    progress_text_->setText(tr("epoch %1 · step %2/%3 · %4 img/s · ETA %5")
                                .arg(last.epoch + 1)
                                .arg(last.step)
                                .arg(last.totalSteps)
                                .arg(ema_speed_, 0, 'f', 0)
                                .arg(format_eta(eta)));
  }
  pending_.clear();
}

}  // namespace fvae::ui
