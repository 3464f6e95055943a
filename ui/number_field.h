#pragma once
// Number entry that never changes what the user typed. The text stays as typed; the value changes only when the whole
// text is a number within the range. Anything else marks the field (a red background, the problem in its tooltip and
// in problem()), and value() keeps the last valid value — so "0.0.1" is never read as 0.01, "abc-12" never as 12, and
// "999999999" in a field whose maximum is 4096 is refused as a whole, not cut to 999 digit by digit.
// Numbers show in the user's locale (0,5 on a German desktop); the locale's decimal separator and '.' are both taken as
// the decimal point, group separators never. Up/down keys, the arrows and (while the field has the focus) the wheel
// step the value within the range; a wheel turned over an unfocused field scrolls the form around it.

#include <QAbstractSpinBox>
#include <QLabel>
#include <QList>
#include <QPointer>

class QFormLayout;

namespace fvae::ui {

class NumberField : public QAbstractSpinBox {
  Q_OBJECT
 public:
  enum class Kind { Integer, Real };
  explicit NumberField(Kind kind, QWidget* parent = nullptr);
  static NumberField* integer(qint64 minimum, qint64 maximum, qint64 value, QWidget* parent = nullptr);
  static NumberField* real(double minimum, double maximum, double value, QWidget* parent = nullptr);

  void setRange(double minimum, double maximum);  // the value is clamped into it (a programmatic change)
  double minimum() const { return minimum_; }
  double maximum() const { return maximum_; }
  void setSingleStep(double step) { step_ = step; }
  // Shown instead of the minimum ("no limit", "one run"); typing it gives the minimum.
  void setSpecialValueText(const QString& text);
  void setSuffix(const QString& suffix);  // shown after the number (" steps each"); typing it is optional
  // The field is at least wide enough for this value as shown (e.g. −2.66 for a slider's field in −3 … 3), and grows
  // whenever a wider value is shown.
  void setWidestValue(double value);
  // The field's name in problems ("Batch size"); taken from its form label by addFormRow().
  void setFieldName(const QString& name);
  QString fieldName() const { return name_; }

  double value() const { return value_; }  // the text's value while it is valid, else the last committed one
  int intValue() const { return static_cast<int>(value_); }
  void setValue(double value);  // clamped into the range; replaces the text

  QString problem() const { return problem_; }  // "" while the text is a valid value
  bool hasProblem() const { return !problem_.isEmpty(); }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;
  void stepBy(int steps) override;
  QValidator::State validate(QString& input, int& pos) const override;

 signals:
  void valueChanged(double value);              // a typed or stepped value was applied
  void problemChanged(const QString& problem);  // "" once the text is valid again

 protected:
  StepEnabled stepEnabled() const override;
  void wheelEvent(QWheelEvent* event) override;  // only with the focus: else the form around it scrolls

 private:
  void interpretText();
  void setProblem(const QString& problem);
  QString format(double value) const;  // as shown: the special text, or the number and the suffix
  QString number(double value) const;  // the number alone, in the user's locale
  QString widestText() const;

  Kind kind_;
  double minimum_ = 0, maximum_ = 99, step_ = 1;
  double value_ = 0;      // what the text says while it is valid, else committed_
  double committed_ = 0;  // set by setValue: programmatically, by a step, or when valid editing finishes
  QString special_, suffix_, name_, problem_;
  QString widest_shown_;  // the widest text shown so far (or set by setWidestValue)
  bool setting_text_ = false;
};

class FieldProblems;

// Adds `field` to `form` under `label`, names it after the label ("&Batch size:" → "Batch size") and lets `problems`
// show what is wrong with its text.
void addFormRow(QFormLayout* form, const QString& label, NumberField* field, FieldProblems* problems);

// The problems of a form's number fields, in one red line under the form; hidden while there are none.
class FieldProblems : public QLabel {
  Q_OBJECT
 public:
  explicit FieldProblems(QWidget* parent = nullptr);
  void watch(NumberField* field);
  // The first enabled field with a problem (nullptr when there is none), for "Start says which field is wrong".
  NumberField* firstInvalid() const;

 signals:
  void problemsChanged(bool any);  // after every change of a watched field's problem

 private:
  void refresh();
  QList<QPointer<NumberField>> fields_;
};

}  // namespace fvae::ui
