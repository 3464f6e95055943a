#pragma once
// Paths and model names in word-wrapped labels: a break opportunity after each '/' (a zero-width space), so that a
// long name wraps instead of being cut or widening its column.

#include <QString>

namespace fvae::ui {

inline QString breakableAtSlashes(QString text) {
  text.replace(QLatin1Char('/'), QStringLiteral("/\u200B"));
  return text;
}

}  // namespace fvae::ui
