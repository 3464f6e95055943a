#pragma once
// Loads the user-interface translation for a language ("de", "de_DE", …) and Qt's own; English needs none.

#include <QString>

namespace fvae::ui {

// Returns true when a translation of FactorVAE Studio was installed for `language`.
bool installTranslations(const QString& language);

}  // namespace fvae::ui
