// model/base: numbers in files, the CSV writer and the JSON reader and writer, checked against closed forms and, for
// JSON, against Qt's own implementation (QJsonDocument) as an independent parser. (No raw string literals: moc
// misreads them and leaves the test class out.)
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>
#include <limits>
#include <random>

#include "model/base/csv.h"
#include "model/base/json.h"
#include "model/base/numbers.h"

using namespace fvae;

class TestBase : public QObject {
  Q_OBJECT

 private slots:
  void numbersRoundTripExactly() {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> exponent(-300, 300);
    for (int i = 0; i < 10000; ++i) {
      const double x = (random() % 2 ? -1 : 1) * std::pow(10.0, exponent(random)) * (1 + (random() % 1000) / 1e3);
      const auto text = format_number(x);
      QCOMPARE(parse_double(text).value_or(NAN), x);
      QVERIFY(text.find(',') == std::string::npos);
    }
    QCOMPARE(format_number(0.317), std::string("0.317"));
    QCOMPARE(format_fixed(2.5, 2), std::string("2.50"));
    QCOMPARE(format_general(1e-4, 6), std::string("0.0001"));
    QCOMPARE(format_general(123456789.0, 9), std::string("123456789"));
    QCOMPARE(format_number(std::numeric_limits<double>::infinity()), std::string("inf"));
    for (const char* bad : {"", " 1", "1 ", "+1", "1,5", "0.0.1", "abc", "1e", "0x10"})
      QVERIFY2(!parse_double(bad), bad);
    QCOMPARE(parse_int64("-9223372036854775808").value_or(0), std::numeric_limits<int64_t>::min());
    QVERIFY(!parse_int64("9223372036854775808"));  // out of range, not wrapped
    QVERIFY(!parse_uint64("-1"));
    QCOMPARE(parse_uint64("18446744073709551615").value_or(0), std::numeric_limits<uint64_t>::max());
  }

  void csvQuotesWhatNeedsIt() {
    QCOMPARE(csv_field("plain"), std::string("plain"));
    QCOMPARE(csv_field("a,b"), std::string("\"a,b\""));
    QCOMPARE(csv_field("say \"hi\""), std::string("\"say \"\"hi\"\"\""));
    QCOMPARE(csv_field("two\nlines"), std::string("\"two\nlines\""));
    CsvTable table({"name", "path"});
    table.add_row({"seed 1", "/runs/a,b/latest.fvae"});
    QCOMPARE(table.text(), std::string("name,path\nseed 1,\"/runs/a,b/latest.fvae\"\n"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, table.add_row({"one"}));
  }

  void jsonReadsWhatQtReads_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("object") << QByteArray("{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}");
    QTest::newRow("numbers") << QByteArray("[0, -0, 1.5, -2e-3, 1E+10, 123456789012]");
    QTest::newRow("escapes") << QByteArray(
        "[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\u20ac\", \"\\ud83d\\ude00\"]");
    QTest::newRow("utf-8") << QByteArray("[\"grüße, γ\"]");
    QTest::newRow("safetensors") << QByteArray(
        "{\"__metadata__\": {\"format\": \"pt\"}, \"w\": {\"dtype\": \"F32\", \"shape\": [2, 3], \"data_offsets\": [0, "
        "24]}}");
  }
  void jsonReadsWhatQtReads() {
    QFETCH(QByteArray, text);
    const JsonValue ours = parse_json(text.toStdString());
    const QJsonDocument qt = QJsonDocument::fromJson(text);
    QVERIFY(!qt.isNull());
    // Written by our writer, Qt reads the same document again.
    const QByteArray again = QByteArray::fromStdString(write_json(ours, 0));
    QCOMPARE(QJsonDocument::fromJson(again), qt);
    QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(write_json(ours, 2))), qt);
  }

  void jsonRefusesMalformedText_data() {
    QTest::addColumn<QByteArray>("text");
    for (const char* bad : {"", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1,\"a\":2}", "01", "1.", ".5", "-",
                            "tru", "\"abc", "\"\\x\"", "\"\\ud800\"", "[1] 2", "{'a':1}", "\"a\nb\"", "NaN", "[1e]"})
      QTest::newRow(bad) << QByteArray(bad);
  }
  void jsonRefusesMalformedText() {
    QFETCH(QByteArray, text);
    QVERIFY_THROWS_EXCEPTION(JsonError, parse_json(text.toStdString()));
  }

  void jsonIsBounded() {
    std::string deep(100, '[');
    deep += std::string(100, ']');
    QVERIFY_THROWS_EXCEPTION(JsonError, parse_json(deep, 64));
    QCOMPARE(parse_json(deep, 200).items().size(), size_t{1});
  }

  void jsonNumbersStayExact() {
    const JsonValue v = parse_json("[18446744073709551615, 9007199254740993, -5, 2.5, 1e400]");
    QCOMPARE(v.items()[0].as_uint64().value_or(0), std::numeric_limits<uint64_t>::max());
    QCOMPARE(v.items()[1].as_int64().value_or(0), int64_t{9007199254740993});  // above 2^53: no double on the way
    QCOMPARE(v.items()[2].as_int64().value_or(0), int64_t{-5});
    QVERIFY(!v.items()[3].as_int64());  // not integral
    QCOMPARE(v.items()[3].as_double().value_or(0), 2.5);
    QVERIFY(!v.items()[4].as_double());  // overflows a double
    QCOMPARE(write_json(JsonValue::number(NAN), 0), std::string("null"));
    JsonValue o = JsonValue::object();
    o.set("b", JsonValue::integer(1));
    o.set("a", JsonValue::number(0.1));
    o.set("b", JsonValue::string("x"));  // replaced in place
    QCOMPARE(write_json(o, 0), std::string("{\"b\":\"x\",\"a\":0.1}"));
  }
};

QTEST_GUILESS_MAIN(TestBase)
#include "test_base.moc"
