#include "ui/folder_question.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fvae::ui {

FolderQuestion::FolderQuestion(QWidget* parent)
    : QFrame(parent),
      label_(new QLabel),
      continue_(new QPushButton(tr("C&ontinue it"))),
      new_folder_(new QPushButton),
      replace_(new QPushButton(tr("Re&place it"))),
      cancel_(new QPushButton(tr("Cancel"))) {
  setObjectName(QStringLiteral("folderQuestion"));
  setFrameShape(QFrame::StyledPanel);
  label_->setWordWrap(true);
  continue_->setToolTip(tr("Go on with the run in this folder from where it stopped, with its own settings"));
  replace_->setToolTip(
      tr("Remove what the earlier run wrote in this folder (checkpoints, logs, candidates), then "
         "start the new run there"));
  connect(continue_, &QPushButton::clicked, this, [this] {
    hide();
    emit continueChosen(found_.resumable);
  });
  connect(new_folder_, &QPushButton::clicked, this, [this] {
    hide();
    emit newFolderChosen(found_.freeFolder);
  });
  connect(replace_, &QPushButton::clicked, this, [this] {
    hide();
    emit replaceChosen();
  });
  connect(cancel_, &QPushButton::clicked, this, &QWidget::hide);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* b : {continue_, new_folder_, replace_, cancel_}) buttons->addWidget(b);
  buttons->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(label_);
  layout->addLayout(buttons);
  hide();
}

void FolderQuestion::ask(const QString& folder, const service::FolderRun& found) {
  found_ = found;
  const bool pipeline = found.holds == service::FolderRun::Holds::Pipeline;
  label_->setText((pipeline ? tr("<b>%1</b> holds a candidate pipeline already (%2). Start a new one there?")
                            : tr("<b>%1</b> holds a run already (%2). Start a new one there?"))
                      .arg(QDir::toNativeSeparators(folder).toHtmlEscaped(), found.description.toHtmlEscaped()));
  continue_->setVisible(!found.resumable.isEmpty());
  new_folder_->setText(tr("&New folder: %1").arg(QDir(found.freeFolder).dirName()));
  new_folder_->setToolTip(QDir::toNativeSeparators(found.freeFolder));
  show();
}

QString FolderQuestion::text() const { return label_->text(); }

}  // namespace fvae::ui
