#pragma once
// Pictures of the latent responses, drawn with QPainter: the same image in the GUI, in its PNG export and from
// `factorvae responses`. They need a QGuiApplication (fonts).

#include <QImage>
#include <QStringList>

#include "model/analysis/response_types.h"

namespace fvae::service {

// A grid of small plots, one row per dimension and one column per factor: the mean of μ as the factor sweeps its
// values (±1 std band), one coloured curve per group when grouped; each cell tinted and labelled by η².
QImage renderFactorResponses(const FactorResponses& responses, const QStringList& latentNames);

// One row per dimension, most class-separating first: a box plot of μ per class (box: quartiles, whiskers: 5–95 %,
// dot: mean), with the dimension's η².
QImage renderClassResponses(const ClassResponses& responses, const QStringList& latentNames);

// A name from the model layer (a factor, a shape, a class, a finding) in the user's language where known; other
// names (a folder's classes, names the user typed) as they are.
QString factorName(const QString& name);

// A text of the core (its numbers as files have them: "1,485 steps", "18.6 steps/s") with its numbers in the user's
// locale ("1.485 Schritte", "18,6" on a German desktop). Numbers inside words and paths ("1x32x32", "run-2") stay.
QString localizedNumbers(const QString& text);

// "z3 scale", or "z3" when unnamed.
QString dimensionLabel(int dimension, const QStringList& latentNames);

}  // namespace fvae::service
