#pragma once
// Asked in the Training tab, not in a box that waits for a click, when Start finds a run in the output folder:
// continue it, train into a free folder beside it, or replace it. Nothing starts until the user chooses.

#include <QFrame>

#include "app/service/training_session.h"

class QLabel;
class QPushButton;

namespace fvae::ui {

class FolderQuestion : public QFrame {
  Q_OBJECT
 public:
  explicit FolderQuestion(QWidget* parent = nullptr);
  void ask(const QString& folder, const service::FolderRun& found);  // shows the question for this folder
  QPushButton* continueButton() const { return continue_; }
  QPushButton* newFolderButton() const { return new_folder_; }
  QPushButton* replaceButton() const { return replace_; }
  QPushButton* cancelButton() const { return cancel_; }
  QString text() const;

 signals:
  void continueChosen(const QString& resumable);  // the pipeline's folder or the run's latest.fvae
  void newFolderChosen(const QString& folder);
  void replaceChosen();

 private:
  QLabel* label_;
  QPushButton* continue_;
  QPushButton* new_folder_;
  QPushButton* replace_;
  QPushButton* cancel_;
  service::FolderRun found_;
};

}  // namespace fvae::ui
