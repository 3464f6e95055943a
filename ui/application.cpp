#include "ui/application.h"

#include <QApplication>
#include <QIcon>

#include "model/base/numbers.h"

namespace fvae::ui {

void configureApplication() {
  keep_c_numeric_locale();
  QApplication::setOrganizationName(QStringLiteral("FactorVAE Studio"));
  QApplication::setApplicationName(QStringLiteral("factorvae-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("FactorVAE Studio"));
  QApplication::setApplicationVersion(QStringLiteral(FACTORVAE_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/factorvae-studio.svg")));
}

}  // namespace fvae::ui
