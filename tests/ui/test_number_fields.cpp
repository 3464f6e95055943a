// Typed numbers are never changed silently: invalid text stays as typed with its problem shown and the value kept, a
// value outside the range is refused with a message (not cut digit by digit), Start names the wrong field, and a
// German desktop shows and reads "0,5".
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtTest>

#include "app/service/training_session.h"
#include "ui/number_field.h"
#include "ui/sampling_panel.h"
#include "ui/training_panel.h"

using namespace fvae;
using ui::NumberField;

namespace {

// Replaces the field's text by typing, as a user would.
void type(NumberField* field, const QString& text) {
  auto* edit = field->findChild<QLineEdit*>();
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Backspace);
  QTest::keyClicks(edit, text);
}

NumberField* field_named(QWidget& parent, const QString& name) {
  for (auto* field : parent.findChildren<NumberField*>())
    if (field->fieldName() == name) return field;
  return nullptr;
}

}  // namespace

class TestNumberFields : public QObject {
  Q_OBJECT

 private slots:
  void invalidTextStaysAndKeepsTheValue_data() {
    QTest::addColumn<bool>("integer");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("before");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("problem");
    QTest::newRow("two decimal points") << false << 1e-6 << 0.1 << 1e-4 << "0.0.1"
                                        << "'0.0.1' is not a number";
    QTest::newRow("letters before a number") << true << 1.0 << 64.0 << 8.0 << "abc-12"
                                             << "'abc-12' is not a number";
    QTest::newRow("above the maximum") << true << 2.0 << 4096.0 << 64.0 << "999999999"
                                       << "999999999 is above the maximum, 4096";
    QTest::newRow("above the maximum of rows") << true << 1.0 << 16.0 << 6.0 << "5000"
                                               << "5000 is above the maximum, 16";
    QTest::newRow("below the minimum") << false << 0.0 << 5.0 << 1.0 << "-7"
                                       << "-7 is below the minimum, 0";
    QTest::newRow("not whole") << true << 2.0 << 4096.0 << 64.0 << "2.5"
                               << "'2.5' is not a whole number";
    QTest::newRow("group separator") << true << 0.0 << 1e8 << 0.0 << "16,000"
                                     << "'16,000' is not a number";
    QTest::newRow("empty") << true << 0.0 << 10.0 << 3.0 << ""
                           << "enter a number";
    QTest::newRow("infinity") << false << 0.0 << 5.0 << 1.0 << "inf"
                              << "'inf' is not a number";
  }
  void invalidTextStaysAndKeepsTheValue() {
    QFETCH(bool, integer);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(double, before);
    QFETCH(QString, typed);
    QFETCH(QString, problem);
    auto* field = integer ? NumberField::integer(static_cast<qint64>(minimum), static_cast<qint64>(maximum),
                                                 static_cast<qint64>(before))
                          : NumberField::real(minimum, maximum, before);
    std::unique_ptr<NumberField> owner(field);
    field->setLocale(QLocale::c());
    field->setFieldName(QStringLiteral("Field"));
    QSignalSpy changed(field, &NumberField::valueChanged);
    field->show();
    type(field, typed);
    QCOMPARE(field->findChild<QLineEdit*>()->text(), typed);  // the text stays as typed, every character of it
    QCOMPARE(field->value(), before);                         // nothing applied: not "5" of "5000", not "2" of "2.5"
    if (!changed.isEmpty()) QCOMPARE(changed.last().first().toDouble(), before);
    QCOMPARE(field->problem(), QStringLiteral("Field: ") + problem);
    QCOMPARE(field->toolTip(), field->problem());
    // Leaving the field changes nothing either.
    emit field->editingFinished();
    QCOMPARE(field->findChild<QLineEdit*>()->text(), typed);
    QCOMPARE(field->value(), before);
  }

  void validTextIsAppliedExactly() {
    std::unique_ptr<NumberField> rate(NumberField::real(1e-6, 0.1, 1e-4));
    rate->setLocale(QLocale::c());
    QSignalSpy changed(rate.get(), &NumberField::valueChanged);
    type(rate.get(), QStringLiteral("0.00012345"));
    QCOMPARE(rate->value(), 0.00012345);  // not rounded to any number of decimals
    QVERIFY(!rate->hasProblem());
    QCOMPARE(changed.last().first().toDouble(), 0.00012345);
    type(rate.get(), QStringLiteral("3e-4"));
    QCOMPARE(rate->value(), 3e-4);
    // Fixed again after a problem: the problem goes.
    type(rate.get(), QStringLiteral("0.0.1"));
    QVERIFY(rate->hasProblem());
    type(rate.get(), QStringLiteral("0.01"));
    QVERIFY(!rate->hasProblem());
    QCOMPARE(rate->value(), 0.01);
  }

  void stepsStayInTheRangeAndOnRoundNumbers() {
    std::unique_ptr<NumberField> t(NumberField::real(0, 5, 1.0));
    t->setLocale(QLocale::c());
    t->setSingleStep(0.1);
    t->stepBy(3);
    QCOMPARE(t->value(), 1.3);
    QCOMPARE(t->findChild<QLineEdit*>()->text(), QStringLiteral("1.3"));
    t->stepBy(100);
    QCOMPARE(t->value(), 5.0);
    std::unique_ptr<NumberField> steps(NumberField::integer(0, 100, 0));
    steps->setSpecialValueText(QStringLiteral("no limit"));
    QCOMPARE(steps->findChild<QLineEdit*>()->text(), QStringLiteral("no limit"));
    steps->stepBy(1);
    QCOMPARE(steps->value(), 1.0);
    type(steps.get(), QStringLiteral("no limit"));
    QCOMPARE(steps->value(), 0.0);
    QVERIFY(!steps->hasProblem());
  }

  // The wheel turned over a form scrolls it: an unfocused field passes the wheel on (it once changed the seed).
  void wheelOverAnUnfocusedFieldScrollsTheForm() {
    QScrollArea area;
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    auto* other = new QLineEdit;  // the field being edited
    auto* seed = NumberField::integer(0, 1000, 7);
    layout->addWidget(other);
    layout->addWidget(seed);
    layout->addSpacing(3000);
    area.setWidget(content);
    area.resize(300, 200);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QVERIFY(area.verticalScrollBar()->maximum() > 0);
    other->setFocus();
    QVERIFY(!seed->hasFocus());
    const QPointF at(seed->width() / 2.0, seed->height() / 2.0);
    QWheelEvent wheel(at, seed->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(seed, &wheel);
    QCOMPARE(seed->value(), 7.0);
    // Left unaccepted, a real (spontaneous) wheel event goes on to the parents, the scroll area among them; Qt does not
    // pass on a synthesised one, so the test checks the field's part.
    QVERIFY(!wheel.isAccepted());
    // Being edited, the field takes the wheel as a step.
    seed->setFocus();
    QVERIFY(seed->hasFocus());
    QWheelEvent step(at, seed->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(seed, &step);
    QCOMPARE(seed->value(), 8.0);
  }

  void germanDesktopShowsAndReadsDecimalCommas() {
    std::unique_ptr<NumberField> beta(NumberField::real(0, 100, 0.5));
    beta->setLocale(QLocale(QLocale::German, QLocale::Germany));
    beta->setValue(0.5);
    QCOMPARE(beta->findChild<QLineEdit*>()->text(), QStringLiteral("0,5"));
    type(beta.get(), QStringLiteral("2,25"));
    QCOMPARE(beta->value(), 2.25);
    type(beta.get(), QStringLiteral("0.75"));  // a '.' is read as the decimal point too
    QCOMPARE(beta->value(), 0.75);
    emit beta->editingFinished();
    QCOMPARE(beta->findChild<QLineEdit*>()->text(), QStringLiteral("0,75"));  // shown the way it was understood
    std::unique_ptr<NumberField> batch(NumberField::integer(2, 100000, 64));
    batch->setLocale(QLocale(QLocale::German, QLocale::Germany));
    type(batch.get(), QStringLiteral("16.000"));  // a German thousands separator: refused, not read as 16
    QVERIFY(batch->hasProblem());
    QCOMPARE(batch->value(), 64.0);
  }

  // The training form: typed values of the report, and Start naming the wrong field.
  void startNamesTheWrongField() {
    service::TrainingSession session;
    ui::TrainingPanel panel(&session);
    for (auto* field : panel.findChildren<NumberField*>()) field->setLocale(QLocale::c());
    panel.show();
    NumberField* rate = field_named(panel, QStringLiteral("Learning rate"));
    NumberField* batch = field_named(panel, QStringLiteral("Batch size"));
    NumberField* latent = field_named(panel, QStringLiteral("Latent dimensions"));
    QVERIFY(rate && batch && latent);
    const auto before = panel.settings();
    type(rate, QStringLiteral("0.0.1"));
    type(batch, QStringLiteral("999999999"));
    type(latent, QStringLiteral("abc-12"));
    QCOMPARE(panel.settings().learningRate, before.learningRate);
    QCOMPARE(panel.settings().batchSize, before.batchSize);
    QCOMPARE(panel.settings().latentDim, before.latentDim);
    // The form lists every problem under the fields.
    auto* problems = panel.findChild<QLabel*>(QStringLiteral("fieldProblems"));
    QVERIFY(problems && problems->isVisible());
    QVERIFY(problems->text().contains(QStringLiteral("Learning rate: '0.0.1' is not a number")));
    QVERIFY(problems->text().contains(QStringLiteral("Batch size: 999999999 is above the maximum, 4096")));
    QVERIFY(problems->text().contains(QStringLiteral("Latent dimensions: 'abc-12' is not a number")));
    panel.startButton()->click();
    QVERIFY(!session.isRunning());
    QVERIFY(panel.startButton()->isEnabled());
    bool named = false;
    for (auto* label : panel.findChildren<QLabel*>())
      named |= label->text().startsWith(QStringLiteral("Cannot start: Latent dimensions: 'abc-12'"));
    QVERIFY(named);
    // Corrected, the values apply and the problems go.
    type(rate, QStringLiteral("0.001"));
    type(batch, QStringLiteral("128"));
    type(latent, QStringLiteral("10"));
    QVERIFY(problems->isHidden());
    // The refusal goes with the problems: it once stayed under the form after every field was fixed.
    for (auto* label : panel.findChildren<QLabel*>())
      QVERIFY2(!label->text().startsWith(QStringLiteral("Cannot start")), qPrintable(label->text()));
    QCOMPARE(panel.statusText(), QStringLiteral("Ready."));
    QCOMPARE(panel.settings().learningRate, 0.001);
    QCOMPARE(panel.settings().batchSize, 128);
    QCOMPARE(panel.settings().latentDim, 10);
  }

  // A field shows its widest value whole: the explorer's −2.66 was once cut to ".66" in a field sized for "0".
  void aFieldIsWideEnoughForItsValues() {
    QWidget holder;
    auto* layout = new QHBoxLayout(&holder);
    auto* grown = NumberField::real(-3, 3, 0);   // sized for "0", then shows −2.66
    auto* preset = NumberField::real(-3, 3, 0);  // told its widest value first, as the explorer's are
    for (auto* field : {grown, preset}) field->setLocale(QLocale::c()), layout->addWidget(field);
    layout->addStretch();
    preset->setWidestValue(-2.99);
    holder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&holder));
    const int text = grown->fontMetrics().horizontalAdvance(QStringLiteral("-2.66"));
    QVERIFY(preset->findChild<QLineEdit*>()->width() > text);
    grown->setValue(-2.66);
    preset->setValue(-2.66);
    QTRY_VERIFY(grown->findChild<QLineEdit*>()->width() > text);  // the layout gave it room for the whole text
    QVERIFY(preset->findChild<QLineEdit*>()->width() > text);
  }

  void samplingRowsAndTemperatureAreRefusedNotCut() {
    ui::SamplingPanel panel;
    for (auto* field : panel.findChildren<NumberField*>()) field->setLocale(QLocale::c());
    panel.show();
    NumberField* rows = field_named(panel, QStringLiteral("Rows"));
    NumberField* temperature = field_named(panel, QStringLiteral("Temperature"));
    QVERIFY(rows && temperature);
    type(rows, QStringLiteral("5000"));
    QCOMPARE(rows->value(), 6.0);  // not 5
    QCOMPARE(rows->problem(), QStringLiteral("Rows: 5000 is above the maximum, 16"));
    type(temperature, QStringLiteral("-7"));
    QCOMPARE(temperature->value(), 1.0);
    QCOMPARE(temperature->problem(), QStringLiteral("Temperature: -7 is below the minimum, 0"));
    auto* problems = panel.findChild<QLabel*>(QStringLiteral("fieldProblems"));
    QVERIFY(problems && problems->isVisible());
  }
};

QTEST_MAIN(TestNumberFields)
#include "test_number_fields.moc"
