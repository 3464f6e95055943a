#pragma once
// Help → User's guide: the README, compiled into the program, shown offline in a window of its own (not modal).
// Screenshots appear where the program finds them: installed (share/doc/factorvae-studio) or beside the sources.

#include <QDialog>

class QPushButton;
class QTextBrowser;

namespace fvae::ui {

// The About box: version and licence (opened without a nested event loop).
void showAbout(QWidget* parent);

// What the guide shows of the README: its title and first paragraph, then its sections (not the build commands).
QString userGuideText(const QString& readme);

class UserGuide : public QDialog {
  Q_OBJECT
 public:
  explicit UserGuide(QWidget* parent = nullptr);
  QTextBrowser* browser() const { return browser_; }
  QPushButton* backButton() const { return back_; }

 private:
  QTextBrowser* browser_;
  QPushButton* back_ = nullptr;
};

}  // namespace fvae::ui
