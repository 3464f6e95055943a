// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/training_session.h"

#include "app/service/errors.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMetaObject>
#include <atomic>
#include <mutex>
#include <thread>

#include "app/service/response_plots.h"
#include "app/service/step_points.h"
#include "app/service/tensor_images.h"
#include "model/base/platform.h"
#include "model/inference/inference.h"
#include "model/run/candidate_pipeline.h"
#include "model/run/run_folder.h"
#include "model/run/training_run.h"

namespace fvae::service {

RunDefaults runDefaults(const QString& datasetSpec, int imageSize, qint64 budget) {
  const auto d = dataset_defaults_for_spec(datasetSpec.trimmed().toStdString(), imageSize);
  RunDefaults out;
  out.beta = d.beta;
  out.gamma = d.gamma;
  out.learningRate = d.vae_lr;
  out.steps = d.max_steps;
  out.candidates = d.candidates;
  out.screenSteps = default_screen_steps(d, budget);
  out.minutes = torch::cuda::is_available() ? 0 : 15;
  out.threads = available_cores();
  return out;
}

QString computeDeviceDescription() {
  if (!torch::cuda::is_available()) return QStringLiteral("CPU");
  return QStringLiteral("CUDA (%1 GPU)").arg(torch::cuda::device_count());
}

FolderRun folderRun(const QString& folder) {
  const auto contents = inspect_run_folder(folder.toStdString());
  FolderRun run;
  if (contents.holds == RunFolderContents::Holds::Nothing) return run;
  run.holds = contents.holds == RunFolderContents::Holds::Pipeline ? FolderRun::Holds::Pipeline : FolderRun::Holds::Run;
  run.description = QString::fromStdString(contents.describe());
  const QString latest = QDir(folder).filePath(QStringLiteral("latest.fvae"));
  if (run.holds == FolderRun::Holds::Pipeline && CandidatePipeline::is_pipeline_folder(folder.toStdString()))
    run.resumable = folder;
  else if (run.holds == FolderRun::Holds::Run && QFileInfo::exists(latest))
    run.resumable = latest;
  run.freeFolder = QString::fromStdString(free_run_folder(folder.toStdString()));
  return run;
}

QString pipelineFolderOf(const QString& path) {
  const QFileInfo info(path);
  for (const QString& folder : {info.isDir() ? info.absoluteFilePath() : QString(), info.absolutePath(),
                                QFileInfo(info.absolutePath()).absolutePath()})
    if (!folder.isEmpty() && CandidatePipeline::is_pipeline_folder(folder.toStdString())) return folder;
  return {};
}

namespace {

// The form's values as a request for plan_run, which decides every setting as the CLI's `train` does.
RunRequest request_of(const TrainingSettings& s) {
  RunRequest request;
  const bool timed = s.minutes > 0 && s.resumeFrom.isEmpty();  // the time budget plans the steps
  if (!timed) {
    request.train.epochs = s.epochs;
    request.train.max_steps = s.steps;
  }
  request.train.device = s.device.toStdString();
  if (s.threads > 0) request.train.threads = s.threads;
  if (!s.resumeFrom.isEmpty()) {
    request.resume_from = s.resumeFrom.toStdString();
    request.dataset_given = false;
    request.dataset.split.clear();
    return request;
  }
  request.preset = s.preset.toStdString();
  request.latent_dim = s.latentDim;
  request.dataset.spec = s.dataset.toStdString();
  request.dataset.size = s.imageSize;
  request.train.seed = s.seed;
  if (s.preset != QLatin1String("seed")) {  // the seed preset's recipe is fixed; the form's fields are disabled
    request.train.beta = s.beta;
    request.train.gamma = s.gamma;
    request.train.vae_lr = s.learningRate;
    request.train.batch_size = s.batchSize;
  }
  return request;
}

CandidateRow row_of(const Candidate& c) {
  CandidateRow row;
  row.seed = c.seed;
  row.checkpoint = QString::fromStdString(c.checkpoint);
  row.state = static_cast<CandidateRow::State>(static_cast<int>(c.state));
  row.step = c.step;
  row.udr = c.udr;
  row.activeDims = c.active_dims;
  row.klPerDim = QVector<double>(c.kl_per_dim.begin(), c.kl_per_dim.end());
  row.chosen = c.chosen;
  return row;
}

PipelineInfo info_of(const PipelineStatus& s) {
  PipelineInfo info;
  info.stage = static_cast<PipelineInfo::Stage>(static_cast<int>(s.stage));
  info.current = s.current;
  for (const auto& c : s.candidates) info.rows << row_of(c);
  info.screenSteps = s.screen_steps;
  info.budget = s.budget;
  info.totalSteps = s.total_steps();
  info.timePlan = localizedNumbers(QString::fromStdString(s.time_plan));
  return info;
}

}  // namespace

struct TrainingSession::Worker : PipelineObserver {
  TrainingSession* session = nullptr;
  std::thread thread;
  mutable std::mutex mutex;
  // Whichever runs; guarded by mutex while being created or destroyed.
  std::unique_ptr<TrainingRun> run;
  std::unique_ptr<CandidatePipeline> pipeline;
  std::shared_ptr<DecodeModel> live;
  QString dataset_spec;  // guarded by mutex
  QString folder_name;   // the run's or pipeline's folder, as views name the live model (worker thread only)
  std::atomic<bool> running{false};
  // Stop and pause of whatever trains (the run, or the pipeline and each of its runs): one control, reset per start.
  const std::shared_ptr<RunControl> control = std::make_shared<RunControl>();
  std::atomic<qint64> steps_done{-1};
  // The run being reported (on the worker thread only).
  torch::Tensor fixed;
  int64_t total = 0, batch_size = 0;
  PipelineStatus pipeline_status;
  bool in_pipeline = false;

  template <typename F>
  void emit_queued(F f) {
    QMetaObject::invokeMethod(session, f, Qt::QueuedConnection);
  }

  void show_reconstructions(const Trainer& trainer, int64_t step) {
    const QImage strip = to_qimage(trainer.reconstruction_strip(fixed));
    emit_queued([this, strip, step] { emit session->reconstructionsUpdated(strip, step); });
  }

  void on_start(const RunPlan& plan, const Trainer& trainer, const torch::Tensor& inputs) override {
    fixed = inputs;
    total = trainer.total_steps();
    batch_size = plan.train.batch_size;
    const auto snapshot = trainer.snapshot();  // RunSettings::snapshot_every asked for one
    // What every view calls this model: the run's folder, and the candidate within a pipeline.
    const QString name =
        in_pipeline ? TrainingSession::tr("training in %1, candidate seed %2").arg(folder_name).arg(plan.train.seed)
                    : TrainingSession::tr("training in %1").arg(folder_name);
    {
      std::lock_guard<std::mutex> lock(mutex);
      dataset_spec = QString::fromStdString(plan.dataset.spec);
      if (live) live->endLive();  // the previous candidate's weights stay as they were
      live = snapshotModel(snapshot, QString::fromStdString(plan.model.describe()), name, true);
    }
    QString description = QString::fromStdString(plan.model.describe() + " on " + plan.data->description());
    if (!plan.time_plan.empty())
      description +=
          QStringLiteral(" (") +
          TrainingSession::tr("time budget of %1").arg(localizedNumbers(QString::fromStdString(plan.time_plan))) +
          QLatin1Char(')');
    const QString device = QString::fromStdString(trainer.device().str() + ", " + trainer.describe_threads());
    emit_queued([this, description, device] { emit session->started(description, device); });
    if (!trainer.history().empty()) {  // resumed: the curves start with what the checkpoint saved
      const auto history = points_of(trainer.history(), total, batch_size);
      emit_queued([this, history] { emit session->historyRestored(history); });
    }
    show_reconstructions(trainer, trainer.progress().step);
  }

  void on_step(const StepReport& r, const Trainer& trainer) override {
    steps_done = r.step;
    total = trainer.total_steps();  // a time budget re-plans it as the run goes
    TrainingPoint p = point_of(r, total, batch_size);
    if (in_pipeline) {
      p.candidate = pipeline_status.current;
      p.pipelineStepsDone = pipeline_status.steps_done(r.step);
      p.pipelineTotalSteps = pipeline_status.total_steps();
    }
    emit_queued([this, p] { emit session->stepped(p); });
    if (r.step % 500 == 0) show_reconstructions(trainer, r.step);  // long epochs (shapes) still show progress
  }

  void on_epoch_saved(int64_t, const std::string&, const Trainer& trainer) override {
    show_reconstructions(trainer, trainer.progress().step);
  }

  void on_finish(const Trainer& trainer) override { show_reconstructions(trainer, trainer.progress().step); }

  void on_pipeline(const PipelineStatus& status) override {
    pipeline_status = status;
    const PipelineInfo info = info_of(status);
    emit_queued([this, info] { emit session->pipelineChanged(info); });
  }

  void train(const TrainingSettings& s, const QString& folder);

  void end_live() {  // the training has ended: what it showed stops changing, and says so
    std::lock_guard<std::mutex> lock(mutex);
    if (live) live->endLive();
  }
};

void TrainingSession::Worker::train(const TrainingSettings& s, const QString& folder) {
  RunSettings settings;
  settings.request = request_of(s);
  settings.out = folder.toStdString();
  settings.replace = s.replaceExisting;
  settings.snapshot_every = 5;  // the live model the views decode from
  folder_name = QDir(folder).dirName();
  if (s.minutes > 0 && s.resumeFrom.isEmpty() && s.resumePipeline.isEmpty()) settings.minutes = s.minutes;
  QString message, checkpoint;
  bool cancelled = false;
  if (!s.resumePipeline.isEmpty() || (s.candidates > 1 && s.resumeFrom.isEmpty())) {
    in_pipeline = true;
    CandidateSettings candidates;
    if (!s.resumePipeline.isEmpty()) {
      candidates = CandidatePipeline::settings_in(s.resumePipeline.toStdString());
    } else {
      candidates.base = settings;
      candidates.count = s.candidates;
      candidates.screen_steps = s.screenSteps;
      candidates.losers = s.losers == TrainingSettings::Losers::Remove    ? CandidateSettings::Losers::Remove
                          : s.losers == TrainingSettings::Losers::KeepAll ? CandidateSettings::Losers::KeepAll
                                                                          : CandidateSettings::Losers::KeepWeights;
    }
    candidates.base.snapshot_every = settings.snapshot_every;  // also when going on with a recorded pipeline
    {
      std::lock_guard<std::mutex> lock(mutex);
      pipeline = std::make_unique<CandidatePipeline>(candidates, DatasetOpener{}, control);
    }
    const PipelineOutcome outcome = pipeline->run(*this);
    checkpoint = QString::fromStdString(outcome.checkpoint);
    cancelled = outcome.status == PipelineOutcome::Status::Stopped;
    const auto best = outcome.best >= 0 ? &outcome.candidates[static_cast<size_t>(outcome.best)] : nullptr;
    if (!cancelled)
      message = TrainingSession::tr("Seed %1 chosen by UDR (%2) and trained to the full budget; saved %3")
                    .arg(best->seed)
                    .arg(QLocale().toString(best->udr, 'f', 3))
                    .arg(checkpoint);
    else if (best && outcome.ranked)
      message = TrainingSession::tr("Stopped; the chosen candidate (seed %1, UDR %2) is saved in %3")
                    .arg(best->seed)
                    .arg(QLocale().toString(best->udr, 'f', 3))
                    .arg(checkpoint);
    else if (best)
      message = TrainingSession::tr(
                    "Stopped before the ranking; the candidate trained furthest (seed %1, step %2) "
                    "is saved in %3")
                    .arg(best->seed)
                    .arg(best->step)
                    .arg(checkpoint);
    else
      message = TrainingSession::tr("Stopped before any candidate trained a step.");
  } else {
    in_pipeline = false;
    {
      std::lock_guard<std::mutex> lock(mutex);
      run = std::make_unique<TrainingRun>(settings, DatasetOpener{}, control);
    }
    const RunOutcome outcome = run->run(*this);
    checkpoint = QString::fromStdString(outcome.checkpoint);
    cancelled = outcome.status == RunOutcome::Status::Cancelled;
    message = (cancelled ? TrainingSession::tr("Training stopped; saved %1")
                         : TrainingSession::tr("Training finished; saved %1"))
                  .arg(checkpoint);
  }
  end_live();
  running = false;
  emit_queued([this, cancelled, message, checkpoint] { emit session->finished(cancelled, message, checkpoint); });
}

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), worker_(std::make_unique<Worker>()) {
  worker_->session = this;
  qRegisterMetaType<TrainingPoint>();
  qRegisterMetaType<PipelineInfo>();
}

TrainingSession::~TrainingSession() {
  stop();
  if (worker_->thread.joinable()) worker_->thread.join();
}

bool TrainingSession::isRunning() const { return worker_->running; }

bool TrainingSession::isPausedBetweenSteps() const {
  return worker_->running && worker_->control->waiting_while_paused();
}

qint64 TrainingSession::stepsDone() const { return worker_->steps_done; }

std::shared_ptr<DecodeModel> TrainingSession::liveModel() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->live;
}

QString TrainingSession::datasetSpec() const {
  std::lock_guard<std::mutex> lock(worker_->mutex);
  return worker_->dataset_spec;
}

void TrainingSession::setLatentNames(const QStringList& names) {
  std::vector<std::string> n;
  for (const QString& name : names) n.push_back(name.toStdString());
  std::lock_guard<std::mutex> lock(worker_->mutex);
  if (worker_->run) worker_->run->set_latent_names(n);
}

void TrainingSession::setPaused(bool paused) {
  if (!worker_->running) return;  // a pause pressed while idle must not carry over into the next run
  worker_->control->set_paused(paused);
}

void TrainingSession::stop() {
  worker_->control->stop();
}

void TrainingSession::start(const TrainingSettings& s) {
  if (worker_->running) throw Error(tr("A training is already running.").toStdString());
  if (worker_->thread.joinable()) worker_->thread.join();
  QString folder = s.resumePipeline.isEmpty() ? s.outputFolder : s.resumePipeline;
  if (!s.resumeFrom.isEmpty() && folder.isEmpty()) folder = QFileInfo(s.resumeFrom).absolutePath();
  // A new run never lands on an earlier one unasked (the core refuses too, on the worker thread: said here at once).
  if (s.resumeFrom.isEmpty() && s.resumePipeline.isEmpty() && !s.replaceExisting) {
    if (const FolderRun earlier = folderRun(folder); earlier.holds != FolderRun::Holds::Nothing) {
      throw Error(tr("%1 holds %2 already: continue it, replace it, or choose another folder (%3 is free).")
                      .arg(QDir::toNativeSeparators(folder), earlier.description,
                           QDir::toNativeSeparators(earlier.freeFolder))
                      .toStdString());
    }
  }
  if (!QDir().mkpath(folder)) throw Error(tr("Cannot create the folder %1.").arg(folder).toStdString());
  Worker& w = *worker_;
  w.control->reset();
  w.steps_done = -1;
  w.running = true;
  {
    std::lock_guard<std::mutex> lock(w.mutex);
    w.run.reset();
    w.pipeline.reset();
    w.dataset_spec = s.resumeFrom.isEmpty() ? s.dataset : QString();
  }
  w.thread = std::thread([this, &w, s, folder] {
    try {
      w.train(s, folder);
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      w.end_live();
      w.running = false;
      w.emit_queued([this, message] { emit failed(message); });
    } catch (...) {
      w.end_live();
      w.running = false;
      w.emit_queued([this] { emit failed(tr("an unknown error stopped the training")); });
    }
  });
}

}  // namespace fvae::service
