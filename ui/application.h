#pragma once
// What a FactorVAE Studio process sets up once its QApplication exists: the names QSettings files are kept under, the
// version, the window icon, and numbers: QApplication sets the C library's locale from the environment, which makes
// printf and strtod write and expect "0,5" on a German desktop; LC_NUMERIC goes back to "C" (widgets format numbers
// through QLocale, which still follows the user's locale).

#include <QString>

namespace fvae::ui {

// Also: long plain tooltips are shown wrapped (Qt shows a plain tooltip as one line, as wide as the screen allows).
void configureApplication();

// A plain text broken into lines of at most `width` characters at spaces (longer words stay whole); rich text and
// text whose lines are short enough come back unchanged.
QString wrappedToolTip(const QString& text, int width = 72);

}  // namespace fvae::ui
