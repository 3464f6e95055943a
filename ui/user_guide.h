#pragma once
// Help → User's guide: the README, compiled into the program, shown offline in a window of its own (not modal).
// Screenshots appear where the program finds them: installed (share/doc/factorvae-studio) or beside the sources.

#include <QDialog>

class QTextBrowser;

namespace fvae::ui {

class UserGuide : public QDialog {
  Q_OBJECT
 public:
  explicit UserGuide(QWidget* parent = nullptr);
  QTextBrowser* browser() const { return browser_; }

 private:
  QTextBrowser* browser_;
};

}  // namespace fvae::ui
