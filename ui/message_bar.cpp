#include "ui/message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace fvae::ui {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent), icon_(new QLabel), label_(new QLabel), expiry_(new QTimer(this)) {
  expiry_->setSingleShot(true);
  expiry_->setInterval(15000);
  connect(expiry_, &QTimer::timeout, this, &MessageBar::dismiss);
  setFrameShape(QFrame::StyledPanel);
  setAutoFillBackground(true);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);  // so that a path or an error can be copied
  label_->setTextFormat(Qt::PlainText);
  auto* close = new QToolButton;
  close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
  close->setAutoRaise(true);
  close->setToolTip(tr("Dismiss"));
  connect(close, &QToolButton::clicked, this, &MessageBar::dismiss);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 4, 4);
  layout->addWidget(icon_, 0, Qt::AlignTop);
  layout->addWidget(label_, 1);
  layout->addWidget(close, 0, Qt::AlignTop);
  hide();
}

void MessageBar::showMessage(Kind kind, const QString& title, const QString& text) {
  kind_ = kind;
  title_ = title;
  text_ = title.isEmpty() ? text : tr("%1: %2").arg(title, text);
  label_->setText(text_);
  const QColor background = kind == Kind::Error     ? QColor(250, 220, 220)
                            : kind == Kind::Warning ? QColor(252, 236, 200)
                                                    : QColor(215, 232, 250);
  QPalette p = palette();
  p.setColor(QPalette::Window, background);
  p.setColor(QPalette::WindowText, Qt::black);
  setPalette(p);
  label_->setPalette(p);
  // Each kind its own look: a colour and the platform's icon, so that a normal outcome never reads as an error.
  const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                      : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation;
  const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
  icon_->setPixmap(style()->standardIcon(icon).pixmap(side, side));
  kind == Kind::Information ? expiry_->start() : expiry_->stop();
  show();
  emit messageShown(text_);
}

void MessageBar::clearProblems(const QString& title) {
  if (!text_.isEmpty() && kind_ != Kind::Information && (title.isEmpty() || title == title_)) dismiss();
}

void MessageBar::dismiss() {
  expiry_->stop();
  text_.clear();
  label_->clear();
  hide();
}

void reportError(QWidget* widget, const QString& title, const QString& text) {
  QWidget* top = widget ? widget->window() : nullptr;
  if (auto* bar = top ? top->findChild<MessageBar*>(QStringLiteral("windowMessages")) : nullptr) {
    bar->showError(title, text);
    return;
  }
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Close, top);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setModal(false);
  box->show();
}

void clearReportedProblem(QWidget* widget, const QString& title) {
  QWidget* top = widget ? widget->window() : nullptr;
  if (auto* bar = top ? top->findChild<MessageBar*>(QStringLiteral("windowMessages")) : nullptr)
    bar->clearProblems(title);
}

void reportInformation(QWidget* widget, const QString& title, const QString& text) {
  QWidget* top = widget ? widget->window() : nullptr;
  if (auto* bar = top ? top->findChild<MessageBar*>(QStringLiteral("windowMessages")) : nullptr)
    bar->showInformation(title, text);
}

}  // namespace fvae::ui
