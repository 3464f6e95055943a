#pragma once
// What a FactorVAE Studio process sets up once its QApplication exists: the names QSettings files are kept under, the
// version, the window icon, and numbers: QApplication sets the C library's locale from the environment, which makes
// printf and strtod write and expect "0,5" on a German desktop; LC_NUMERIC goes back to "C" (widgets format numbers
// through QLocale, which still follows the user's locale).

namespace fvae::ui {

void configureApplication();

}  // namespace fvae::ui
