#include "ui/number_field.h"

#include <QWheelEvent>

#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <algorithm>
#include <cmath>
#include <optional>

namespace fvae::ui {

namespace {

// The user's locale and the C locale, both without group separators: "0,5" on a German desktop, "0.5" everywhere.
std::optional<double> parseReal(const QString& text, const QLocale& locale) {
  for (QLocale l : {locale, QLocale::c()}) {
    l.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double v = l.toDouble(text, &ok);
    if (ok) return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
  }
  return std::nullopt;
}

std::optional<qint64> parseInteger(const QString& text, const QLocale& locale) {
  for (QLocale l : {locale, QLocale::c()}) {
    l.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const qint64 v = l.toLongLong(text, &ok);
    if (ok) return v;
  }
  return std::nullopt;
}

// Decimal places of a step (0.05 → 2, 1e-4 → 4, 1 → 0), so that stepping lands on round numbers.
int decimalsOf(double step) {
  if (!(step > 0) || step >= 1) return 0;
  return static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

}  // namespace

NumberField::NumberField(Kind kind, QWidget* parent) : QAbstractSpinBox(parent), kind_(kind) {
  setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
  setAccelerated(true);
  setFocusPolicy(Qt::StrongFocus);  // a wheel turned over the field does not take the focus (see wheelEvent)
  connect(lineEdit(), &QLineEdit::textChanged, this, &NumberField::interpretText);
  // A valid entry is shown the way it was understood ("0.5" becomes "0,5" on a German desktop).
  connect(this, &QAbstractSpinBox::editingFinished, this, [this] {
    if (!hasProblem()) setValue(value_);
  });
  setValue(0);
}

void NumberField::wheelEvent(QWheelEvent* event) {
  // A wheel turned while the pointer crosses a form scrolls the form: only a field being edited takes it as a step.
  if (!hasFocus()) {
    event->ignore();
    return;
  }
  QAbstractSpinBox::wheelEvent(event);
}

NumberField* NumberField::integer(qint64 minimum, qint64 maximum, qint64 value, QWidget* parent) {
  auto* field = new NumberField(Kind::Integer, parent);
  field->setRange(static_cast<double>(minimum), static_cast<double>(maximum));
  field->setValue(static_cast<double>(value));
  return field;
}

NumberField* NumberField::real(double minimum, double maximum, double value, QWidget* parent) {
  auto* field = new NumberField(Kind::Real, parent);
  field->setRange(minimum, maximum);
  field->setValue(value);
  return field;
}

void NumberField::setRange(double minimum, double maximum) {
  minimum_ = minimum;
  maximum_ = std::max(minimum, maximum);
  updateGeometry();
  if (!hasProblem()) setValue(value_);
  interpretText();  // a typed value may now be in range, or out of it
}

void NumberField::setSpecialValueText(const QString& text) {
  special_ = text;
  updateGeometry();
  if (!hasProblem()) setValue(value_);
}

void NumberField::setSuffix(const QString& suffix) {
  suffix_ = suffix;
  updateGeometry();
  if (!hasProblem()) setValue(value_);
}

void NumberField::setFieldName(const QString& name) {
  name_ = name;
  interpretText();
}

void NumberField::setValue(double value) {
  if (kind_ == Kind::Integer) value = std::round(value);
  value = std::clamp(value, minimum_, maximum_);
  const bool changed = value != value_;
  value_ = committed_ = value;
  setting_text_ = true;
  lineEdit()->setText(format(value));
  setting_text_ = false;
  if (format(value).size() > widest_shown_.size()) {  // "−2.66" was once cut to ".66" in a field sized for "0"
    widest_shown_ = format(value);
    updateGeometry();
  }
  setProblem(QString());
  if (changed) emit valueChanged(value_);
}

QString NumberField::format(double value) const {
  if (!special_.isEmpty() && value == minimum_) return special_;
  return number(value) + suffix_;
}

QString NumberField::number(double value) const {
  QLocale l = locale();
  l.setNumberOptions(QLocale::OmitGroupSeparator);
  return kind_ == Kind::Integer ? l.toString(static_cast<qint64>(value))
                                : l.toString(value, 'f', QLocale::FloatingPointShortest);
}

void NumberField::interpretText() {
  if (setting_text_) return;
  QString text = lineEdit()->text().trimmed();
  const QString label = name_.isEmpty() ? QString() : name_ + QStringLiteral(": ");
  std::optional<double> parsed;
  QString problem;
  const QString suffix = suffix_.trimmed();
  if (!special_.isEmpty() && text.compare(special_, Qt::CaseInsensitive) == 0) {
    parsed = minimum_;
  } else {
    if (!suffix.isEmpty() && text.endsWith(suffix)) text = text.chopped(suffix.size()).trimmed();
    if (kind_ == Kind::Integer) {
      if (const auto i = parseInteger(text, locale())) parsed = static_cast<double>(*i);
      // Too many digits for an integer is still a whole number, only out of range; "2.5" or "1.000" is not.
      else if (const auto r = parseReal(text, locale()); r && std::abs(*r) >= 9e18 && *r == std::floor(*r))
        parsed = r;
      else if (r)
        problem = tr("'%1' is not a whole number").arg(text);
    } else {
      parsed = parseReal(text, locale());
    }
    if (text.isEmpty())
      problem = tr("enter a number");
    else if (!parsed && problem.isEmpty())
      problem = tr("'%1' is not a number").arg(text);
    else if (parsed && *parsed < minimum_)
      problem = tr("%1 is below the minimum, %2").arg(text, number(minimum_));
    else if (parsed && *parsed > maximum_)
      problem = tr("%1 is above the maximum, %2").arg(text, number(maximum_));
  }
  // A valid text is the value; an invalid one leaves the last committed value in force (typing "5000" into a field
  // whose maximum is 16 passes through "5", which must not stay).
  const double value = problem.isEmpty() ? *parsed : committed_;
  setProblem(problem.isEmpty() ? QString() : label + problem);
  if (value != value_) emit valueChanged(value_ = value);
}

void NumberField::setProblem(const QString& problem) {
  if (problem == problem_) return;
  problem_ = problem;
  QPalette palette = lineEdit()->palette();
  palette.setColor(QPalette::Base,
                   problem.isEmpty() ? QWidget::palette().color(QPalette::Base) : QColor(255, 214, 214));
  lineEdit()->setPalette(palette);
  setToolTip(problem);
  emit problemChanged(problem);
}

QValidator::State NumberField::validate(QString&, int&) const {
  return QValidator::Acceptable;  // every text stays as typed; interpretText() decides what it means
}

void NumberField::stepBy(int steps) {
  double v = value_ + steps * step_;
  const int decimals = decimalsOf(step_);
  v = std::round(v * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
  setValue(v);
  lineEdit()->selectAll();
}

QAbstractSpinBox::StepEnabled NumberField::stepEnabled() const {
  if (isReadOnly()) return StepNone;
  StepEnabled enabled = StepNone;
  if (value_ < maximum_) enabled |= StepUpEnabled;
  if (value_ > minimum_) enabled |= StepDownEnabled;
  return enabled;
}

void NumberField::setWidestValue(double value) {
  widest_shown_ = format(value);
  updateGeometry();
}

QString NumberField::widestText() const {
  QString widest;
  for (const QString& s : {format(minimum_), format(maximum_), format(value_), special_ + suffix_, widest_shown_})
    if (s.size() > widest.size()) widest = s;
  return widest;
}

QSize NumberField::sizeHint() const {
  ensurePolished();
  const int width = fontMetrics().horizontalAdvance(widestText() + QStringLiteral("  "));
  QStyleOptionSpinBox option;
  initStyleOption(&option);
  return style()->sizeFromContents(QStyle::CT_SpinBox, &option, QSize(width, lineEdit()->sizeHint().height()), this);
}

QSize NumberField::minimumSizeHint() const { return sizeHint(); }

void addFormRow(QFormLayout* form, const QString& label, NumberField* field, FieldProblems* problems) {
  form->addRow(label, field);
  field->setFieldName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')).trimmed());
  problems->watch(field);
}

FieldProblems::FieldProblems(QWidget* parent) : QLabel(parent) {
  setWordWrap(true);
  setObjectName(QStringLiteral("fieldProblems"));
  QPalette p = palette();
  p.setColor(QPalette::WindowText, QColor(176, 0, 32));
  setPalette(p);
  hide();
}

void FieldProblems::watch(NumberField* field) {
  fields_.append(field);
  connect(field, &NumberField::problemChanged, this, &FieldProblems::refresh);
  refresh();
}

NumberField* FieldProblems::firstInvalid() const {
  for (const auto& field : fields_)
    if (field && field->isEnabled() && field->hasProblem()) return field;
  return nullptr;
}

void FieldProblems::refresh() {
  QStringList problems;
  for (const auto& field : fields_)
    if (field && field->hasProblem()) problems << field->problem();
  setText(problems.join(QLatin1Char('\n')));
  setVisible(!problems.isEmpty());
  emit problemsChanged(!problems.isEmpty());
}

}  // namespace fvae::ui
