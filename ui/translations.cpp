#include "ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fvae::ui {

bool installTranslations(const QString& language) {
  static QTranslator* ours = nullptr;
  static QTranslator* qt = nullptr;
  for (QTranslator** t : {&ours, &qt}) {
    if (*t) QCoreApplication::removeTranslator(*t);
    delete *t;
    *t = nullptr;
  }
  const QLocale locale(language);
  ours = new QTranslator;
  // The .qm files are compiled into the program under :/i18n by qt_add_translations.
  const bool found =
      ours->load(locale, QStringLiteral("factorvae-studio"), QStringLiteral("_"), QStringLiteral(":/i18n"));
  if (found) QCoreApplication::installTranslator(ours);
  qt = new QTranslator;
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  return found;
}

}  // namespace fvae::ui
