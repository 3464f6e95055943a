#include "ui/recent_menu.h"

#include <QFileInfo>
#include <QSettings>

namespace fvae::ui {

namespace {
constexpr int kMaxRecent = 8;
}  // namespace

RecentMenu::RecentMenu(const QString& title, QString settingsKey, QWidget* parent)
    : QMenu(title, parent), key_(std::move(settingsKey)) {
  refill();
}

void RecentMenu::remember(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(key_).toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue(key_, recent);
  refill();
}

void RecentMenu::refill() {
  clear();
  const QStringList paths = QSettings().value(key_).toStringList();
  for (const QString& path : paths)
    addAction(QFileInfo(path).fileName(), this, [this, path] { emit chosen(path); })->setToolTip(path);
  setEnabled(!paths.isEmpty());
}

}  // namespace fvae::ui
