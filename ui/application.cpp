#include "ui/application.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QIcon>
#include <QStringList>
#include <QTextDocument>
#include <QToolTip>

#include "model/base/numbers.h"

namespace fvae::ui {

namespace {

// Shows long plain tooltips wrapped, whichever widget or item view they belong to; the tooltips themselves stay as
// they are (what a widget's toolTip() says does not change).
class ToolTipWrapper : public QObject {
 public:
  using QObject::QObject;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() != QEvent::ToolTip) return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget) return false;
    auto* help = static_cast<QHelpEvent*>(event);
    QString text = widget->toolTip();
    if (auto* view = qobject_cast<QAbstractItemView*>(widget->parentWidget()); view && view->viewport() == widget) {
      const QModelIndex index = view->indexAt(help->pos());
      if (!index.isValid()) return false;
      text = index.data(Qt::ToolTipRole).toString();
    }
    const QString wrapped = wrappedToolTip(text);
    if (text.isEmpty() || wrapped == text) return false;  // Qt shows it as it is
    QToolTip::showText(help->globalPos(), wrapped, widget);
    return true;
  }
};

}  // namespace

QString wrappedToolTip(const QString& text, int width) {
  if (Qt::mightBeRichText(text)) return text;
  QStringList lines;
  bool changed = false;
  for (const QString& line : text.split(QLatin1Char('\n'))) {
    if (line.size() <= width) {
      lines << line;
      continue;
    }
    changed = true;
    QString current;
    for (const QString& word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
      if (!current.isEmpty() && current.size() + 1 + word.size() > width) {
        lines << current;
        current.clear();
      }
      current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!current.isEmpty()) lines << current;
  }
  return changed ? lines.join(QLatin1Char('\n')) : text;
}

void configureApplication() {
  keep_c_numeric_locale();
  qApp->installEventFilter(new ToolTipWrapper(qApp));
  QApplication::setOrganizationName(QStringLiteral("FactorVAE Studio"));
  QApplication::setApplicationName(QStringLiteral("factorvae-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("FactorVAE Studio"));
  QApplication::setApplicationVersion(QStringLiteral(FACTORVAE_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/factorvae-studio.svg")));
}

}  // namespace fvae::ui
