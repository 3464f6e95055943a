#pragma once
// A message line inside a window (in the spirit of KMessageWidget): errors and warnings appear here instead of in
// modal boxes, so that nothing waits for a click — not a user's long training, not a test. Hidden while empty.

#include <QFrame>

class QLabel;
class QTimer;

namespace fvae::ui {

class MessageBar : public QFrame {
  Q_OBJECT
 public:
  enum class Kind { Information, Warning, Error };
  explicit MessageBar(QWidget* parent = nullptr);

  void showMessage(Kind kind, const QString& title, const QString& text);
  void showError(const QString& title, const QString& text) { showMessage(Kind::Error, title, text); }
  void showWarning(const QString& title, const QString& text) { showMessage(Kind::Warning, title, text); }
  void showInformation(const QString& title, const QString& text) { showMessage(Kind::Information, title, text); }
  // Hides a warning or error shown under `title` (any warning or error when `title` is empty): a later success of the
  // same kind makes it stale, while an unrelated success (a dataset that opened) leaves another problem in view.
  void clearProblems(const QString& title = QString());
  QString text() const { return text_; }  // "title: text" of the message shown; "" when none
  Kind kind() const { return kind_; }

 public slots:
  void dismiss();

 signals:
  void messageShown(const QString& text);

 private:
  QLabel* icon_;
  QLabel* label_;
  QTimer* expiry_;  // information goes by itself after a while; errors and warnings stay until dismissed
  QString text_;
  QString title_;
  Kind kind_ = Kind::Information;
};

// Shows an error (or information) in the message bar of `widget`'s window, or, for a widget shown on its own, in a
// message box that does not block (no nested event loop).
void reportError(QWidget* widget, const QString& title, const QString& text);
void reportInformation(QWidget* widget, const QString& title, const QString& text);
// The problem reported under `title` in `widget`'s window is solved (a field was corrected): it goes.
void clearReportedProblem(QWidget* widget, const QString& title);

}  // namespace fvae::ui
