// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include <torch/torch.h>

#include "app/service/candidate_selection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "model/analysis/udr.h"
#include "model/base/atomic_file.h"
#include "model/checkpoint/checkpoint.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_plan.h"

namespace fvae::service {

CheckpointRanking rankCheckpoints(const QStringList& files, int images) {
  CheckpointRanking ranking;
  try {
    std::vector<Checkpoint> runs;
    for (const QString& file : files) runs.push_back(load_checkpoint(file.toStdString()));
    const auto data = open_dataset(checkpoint_dataset_request(runs.front()));
    const int64_t count = std::min<int64_t>(images, data->size());
    const auto chosen = data->images(subset_indices(data->size(), count, 0));
    std::vector<UdrRun> encoded;
    for (auto& run : runs) {
      if (run.model.image_size != runs.front().model.image_size || run.model.channels != runs.front().model.channels)
        throw std::runtime_error("the candidates differ in image size");
      encoded.push_back(encode_for_udr(run.networks->encoder, chosen));
    }
    const auto result = unsupervised_disentanglement_ranking(encoded);
    for (size_t i = 0; i < encoded.size(); ++i) {
      ranking.scores << result.scores[i];
      ranking.activeDims << result.active_dims[i];
      const auto kl = encoded[i].kl_per_dim.to(torch::kDouble).contiguous();
      ranking.klPerDim << QVector<double>(kl.data_ptr<double>(), kl.data_ptr<double>() + kl.numel());
    }
  } catch (const std::exception& e) {
    ranking.error = QString::fromStdString(e.what());
  }
  return ranking;
}

CandidateSelection::CandidateSelection(TrainingSession* session, QObject* parent)
    : QObject(parent), session_(session), jobs_(new JobTracker(this)) {
  connect(session_, &TrainingSession::finished, this, &CandidateSelection::onRunFinished);
  connect(session_, &TrainingSession::failed, this, &CandidateSelection::onRunFailed);
  connect(session_, &TrainingSession::stepped, this, [this](const TrainingPoint& point) {
    if (running_) last_kl_ = point.klPerDim;
  });
  connect(jobs_, &JobTracker::failed, this, [this](const QString& error) { end(true, error); });
}

bool CandidateSelection::start(const TrainingSettings& settings, int count, qint64 screenSteps, QString* error) {
  if (running_ || session_->isRunning()) {
    if (error) *error = tr("A training is already running.");
    return false;
  }
  const qint64 budget = settings.steps > 0 ? settings.steps : 0;
  if (count < 2 || screenSteps < 1 || (budget > 0 && screenSteps >= budget)) {
    if (error) *error = tr("Candidates need at least two seeds and fewer screening steps than the step budget.");
    return false;
  }
  settings_ = settings;
  settings_.resumeFrom.clear();
  screen_steps_ = screenSteps;
  rows_.clear();
  for (int i = 0; i < count; ++i) {
    CandidateRow row;
    row.seed = settings.seed + static_cast<quint64>(i);
    row.checkpoint =
        QDir(QDir(settings.outputFolder).filePath(QStringLiteral("seed-%1").arg(row.seed))).filePath("latest.fvae");
    rows_ << row;
  }
  running_ = true;
  cancelled_ = false;
  continuing_ = false;
  emit rowsChanged();
  startCandidate(0);
  return running_;
}

void CandidateSelection::startCandidate(int index) {
  current_ = index;
  CandidateRow& row = rows_[index];
  TrainingSettings s = settings_;
  s.seed = row.seed;
  s.outputFolder = QFileInfo(row.checkpoint).absolutePath();
  s.stopAfterStep = screen_steps_;
  last_kl_.clear();
  QString error;
  if (!session_->start(s, &error)) {
    end(true, error);
    return;
  }
  row.state = CandidateRow::State::Screening;
  emit rowsChanged();
  emit stageChanged(tr("Screening candidate %1 of %2 (seed %3)").arg(index + 1).arg(rows_.size()).arg(row.seed));
}

void CandidateSelection::onRunFinished(bool cancelled, const QString& message) {
  if (!running_ || current_ < 0) return;
  CandidateRow& row = rows_[current_];
  if (cancelled || cancelled_) {
    row.state = CandidateRow::State::Failed;
    emit rowsChanged();
    end(true, message);
    return;
  }
  if (continuing_) {
    row.state = CandidateRow::State::Done;
    emit rowsChanged();
    // The chosen run's final checkpoint also where a single run's would be.
    const QString final_path = QDir(settings_.outputFolder).filePath(QStringLiteral("latest.fvae"));
    QFile source(row.checkpoint);
    if (source.open(QIODevice::ReadOnly)) {
      const QByteArray bytes = source.readAll();
      try {
        write_file_atomically(final_path.toStdString(), bytes.constData(), static_cast<size_t>(bytes.size()));
      } catch (const FileWriteError& e) {
        end(true, QString::fromStdString(e.what()));
        return;
      }
    }
    end(false, tr("Seed %1 chosen by UDR (%2) and trained to the full budget; saved %3")
                   .arg(row.seed)
                   .arg(row.udr, 0, 'f', 3)
                   .arg(final_path));
    return;
  }
  row.state = CandidateRow::State::Screened;
  row.klPerDim = last_kl_;
  emit rowsChanged();
  if (current_ + 1 < rows_.size()) {
    startCandidate(current_ + 1);
    return;
  }
  rank();
}

void CandidateSelection::onRunFailed(const QString& message) {
  if (!running_ || current_ < 0) return;
  rows_[current_].state = CandidateRow::State::Failed;
  emit rowsChanged();
  end(true, message);
}

void CandidateSelection::rank() {
  emit stageChanged(tr("Ranking %1 candidates by UDR…").arg(rows_.size()));
  QStringList files;
  for (const auto& row : rows_) files << row.checkpoint;
  jobs_->start<CheckpointRanking>(
      [files](TaskControl&) { return rankCheckpoints(files); },
      [this](const CheckpointRanking& ranking) {
        if (!running_) return;
        if (cancelled_) {
          end(true, tr("Stopped before the best candidate was continued."));
          return;
        }
        if (!ranking.error.isEmpty()) {
          end(true, ranking.error);
          return;
        }
        int best = 0;
        for (int i = 0; i < rows_.size(); ++i) {
          rows_[i].udr = ranking.scores[i];
          rows_[i].activeDims = ranking.activeDims[i];
          rows_[i].klPerDim = ranking.klPerDim[i];
          if (ranking.scores[i] > ranking.scores[best]) best = i;
        }
        rows_[best].state = CandidateRow::State::Continuing;
        emit rowsChanged();
        TrainingSettings s = settings_;
        s.resumeFrom = rows_[best].checkpoint;
        s.outputFolder = QFileInfo(rows_[best].checkpoint).absolutePath();
        continuing_ = true;
        current_ = best;
        QString error;
        if (!session_->start(s, &error)) {
          end(true, error);
          return;
        }
        emit stageChanged(
            tr("Continuing seed %1 (UDR %2) to the full budget").arg(rows_[best].seed).arg(rows_[best].udr, 0, 'f', 3));
      });
}

void CandidateSelection::cancel() {
  if (!running_) return;
  cancelled_ = true;
  if (session_->isRunning()) session_->stop();  // it saves, then `finished` ends the selection
}

void CandidateSelection::end(bool cancelled, const QString& message) {
  running_ = false;
  current_ = -1;
  emit finished(cancelled, message);
}

}  // namespace fvae::service
