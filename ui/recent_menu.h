#pragma once
// A menu of the files last opened, newest first (at most eight), kept in the settings under a key of its own.

#include <QMenu>
#include <QString>

namespace fvae::ui {

class RecentMenu : public QMenu {
  Q_OBJECT
 public:
  RecentMenu(const QString& title, QString settingsKey, QWidget* parent = nullptr);
  void remember(const QString& path);  // moves it to the top

 signals:
  void chosen(const QString& path);

 private:
  void refill();

  QString key_;
};

}  // namespace fvae::ui
