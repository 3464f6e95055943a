#include "ui/dataset_browser.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

#include "ui/dataset_thumbnail_model.h"
#include "ui/number_field.h"

namespace fvae::ui {

DatasetBrowser::DatasetBrowser(QAbstractItemView::SelectionMode mode, QWidget* parent)
    : QWidget(parent),
      model_(new DatasetThumbnailModel(this)),
      view_(new QListView),
      first_(NumberField::integer(0, 0, 0)),
      info_(new QLabel(tr("No dataset"))) {
  view_->setModel(model_);
  view_->setViewMode(QListView::IconMode);
  view_->setResizeMode(QListView::Adjust);
  view_->setUniformItemSizes(true);
  view_->setMovement(QListView::Static);
  view_->setGridSize(QSize(72, 82));
  view_->setSelectionMode(mode);
  view_->setAccessibleName(tr("Dataset images"));
  info_->setWordWrap(true);
  first_->setToolTip(tr("Index of the first image on this page"));
  first_->setSingleStep(DatasetThumbnailModel::kPageSize);
  auto* previous = new QPushButton(tr("◀ Page"));
  auto* next = new QPushButton(tr("Page ▶"));
  auto* random = new QPushButton(tr("Random page"));
  previous->setToolTip(tr("Previous page"));
  next->setToolTip(tr("Next page"));
  connect(previous, &QPushButton::clicked, this,
          [this] { showPage(model_->firstIndex() - DatasetThumbnailModel::kPageSize); });
  connect(next, &QPushButton::clicked, this,
          [this] { showPage(model_->firstIndex() + DatasetThumbnailModel::kPageSize); });
  connect(random, &QPushButton::clicked, this, [this] {
    if (auto d = model_->dataset()) showPage(static_cast<int>(QRandomGenerator::global()->bounded(d->count())));
  });
  first_->setFieldName(tr("First image"));
  connect(first_, &NumberField::editingFinished, this, [this] {
    if (first_->hasProblem())
      info_->setText(first_->problem());
    else
      showPage(first_->intValue());
  });
  connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DatasetBrowser::selectionChanged);
  connect(view_, &QListView::activated, this,
          [this](const QModelIndex& index) { emit activated(index.data(DatasetThumbnailModel::kIndexRole).toInt()); });

  // Two short rows rather than one long one: the browser gives way to the table beside it in a small window.
  auto* position = new QHBoxLayout;
  position->addWidget(new QLabel(tr("First image:")));
  position->addWidget(first_);
  position->addStretch();
  auto* navigation = new QHBoxLayout;
  navigation->addWidget(previous);
  navigation->addWidget(next);
  navigation->addWidget(random);
  navigation->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(info_);
  layout->addLayout(position);
  layout->addLayout(navigation);
  layout->addWidget(view_, 1);
}

void DatasetBrowser::setDataset(std::shared_ptr<service::DatasetView> dataset) {
  model_->setDataset(dataset);
  first_->setRange(0, dataset ? std::max(0, dataset->count() - 1) : 0);
  first_->setValue(0);
  info_->setText(dataset ? tr("%1 — %Ln image(s)", "", dataset->count()).arg(dataset->description())
                         : tr("No dataset"));
  emit selectionChanged();
}

std::shared_ptr<service::DatasetView> DatasetBrowser::dataset() const { return model_->dataset(); }

QVector<int> DatasetBrowser::selectedIndices() const {
  QVector<int> out;
  QModelIndexList rows = view_->selectionModel()->selectedIndexes();
  std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
  for (const QModelIndex& row : rows) out << row.data(DatasetThumbnailModel::kIndexRole).toInt();
  return out;
}

QVector<int> DatasetBrowser::pageIndices() const {
  QVector<int> indices;
  auto data = dataset();
  if (!data) return indices;
  const int first = model_->firstIndex();
  for (int i = first; i < std::min(first + DatasetThumbnailModel::kPageSize, data->count()); ++i) indices << i;
  return indices;
}

void DatasetBrowser::selectIndex(int index) {
  const int page = index - index % DatasetThumbnailModel::kPageSize;
  showPage(page);
  const QModelIndex row = model_->index(index - model_->firstIndex());
  view_->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect);
  view_->setCurrentIndex(row);
  view_->scrollTo(row);
}

void DatasetBrowser::showPage(int first) {
  model_->setFirstIndex(first);
  const QSignalBlocker block(first_);
  first_->setValue(model_->firstIndex());
  emit selectionChanged();
}

}  // namespace fvae::ui
