#include "ui/candidates_table.h"

#include <QHeaderView>
#include <QLocale>

#include "model/nn/activity.h"

namespace fvae::ui {

CandidatesTable::CandidatesTable(QWidget* parent) : QTableWidget(0, 6, parent) {
  setObjectName(QStringLiteral("candidatesTable"));
  setHorizontalHeaderLabels({tr("Seed"), tr("State"), tr("Step"), tr("UDR"), tr("Active"), tr("KL per dimension")});
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
  verticalHeader()->hide();
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  setWordWrap(false);
  setTextElideMode(Qt::ElideRight);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setToolTip(
      tr("UDR: how much a candidate's active dimensions agree with the other candidates' (0–1, higher is better; "
         "no labels needed). Active: dimensions with a mean KL of at least 0.1 nats on the ranking's images."));
  hide();
}

QString CandidatesTable::stateText(const service::CandidateRow& row) {
  using State = service::CandidateRow::State;
  switch (row.state) {
    case State::Waiting:
      return tr("waiting");
    case State::Screening:
      return tr("screening");
    case State::Screened:
      return row.chosen ? tr("chosen") : tr("screened");
    case State::Continuing:
      return tr("chosen, continuing");
    case State::Done:
      return tr("chosen, done");
    case State::Stopped:
      return tr("stopped");
    case State::Removed:
      return tr("removed (lost)");
  }
  return {};
}

void CandidatesTable::setPipeline(const service::PipelineInfo& info) {
  setRowCount(info.rows.size());
  for (int r = 0; r < info.rows.size(); ++r) {
    const auto& row = info.rows[r];
    QStringList kl;
    int active = 0;        // by the one definition (model/nn/activity.h), not UDR's own filter
    const QLocale locale;  // the user's decimal separator
    for (double v : row.klPerDim) kl << locale.toString(v, 'f', 2), active += is_active(v) ? 1 : 0;
    const QStringList cells = {QString::number(row.seed),
                               stateText(row),
                               QString::number(row.step),
                               row.udr < 0 ? QString() : locale.toString(row.udr, 'f', 3),
                               row.klPerDim.isEmpty() ? QString() : QString::number(active),
                               kl.join(QLatin1Char(' '))};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(c == 0 ? row.checkpoint : cells[c]);
      QFont font = item->font();
      font.setBold(row.chosen);
      item->setFont(font);
      setItem(r, c, item);
    }
  }
  setVisible(!info.rows.isEmpty());
  updateGeometry();
}

void CandidatesTable::setStep(int row, qint64 step) {
  if (row < 0 || row >= rowCount() || !item(row, 2)) return;
  item(row, 2)->setText(QString::number(step));
  item(row, 2)->setToolTip(QString::number(step));
}

QSize CandidatesTable::sizeHint() const {
  // Every row in view: a pipeline has a handful of candidates, and a scrolled table hid half of them.
  int height = horizontalHeader()->sizeHint().height() + 2 * frameWidth();
  for (int r = 0; r < rowCount(); ++r) height += rowHeight(r);
  return {QTableWidget::sizeHint().width(), height};
}

QSize CandidatesTable::minimumSizeHint() const { return {200, sizeHint().height()}; }

}  // namespace fvae::ui
