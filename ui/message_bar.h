#pragma once
// A message line inside a window (in the spirit of KMessageWidget): errors and warnings appear here instead of in
// modal boxes, so that nothing waits for a click — not a user's long training, not a test. Hidden while empty.

#include <QFrame>

class QLabel;

namespace fvae::ui {

class MessageBar : public QFrame {
  Q_OBJECT
 public:
  enum class Kind { Information, Warning, Error };
  explicit MessageBar(QWidget* parent = nullptr);

  void showMessage(Kind kind, const QString& title, const QString& text);
  void showError(const QString& title, const QString& text) { showMessage(Kind::Error, title, text); }
  void showWarning(const QString& title, const QString& text) { showMessage(Kind::Warning, title, text); }
  QString text() const { return text_; }  // "title: text" of the message shown; "" when none
  Kind kind() const { return kind_; }

 public slots:
  void dismiss();

 signals:
  void messageShown(const QString& text);

 private:
  QLabel* label_;
  QString text_;
  Kind kind_ = Kind::Information;
};

// Shows an error in the message bar of `widget`'s window, or, for a widget shown on its own, in a message box that
// does not block (no nested event loop).
void reportError(QWidget* widget, const QString& title, const QString& text);

}  // namespace fvae::ui
