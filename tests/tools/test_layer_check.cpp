// The include check (tools/layer_check) against a small tree made for each case: every spelling that reaches a
// higher layer or a forbidden library is refused with the file, the line and the rule; what the rules allow passes;
// and the project's own tree passes its own rules.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <filesystem>

#include "layer_check.h"

namespace fs = std::filesystem;

namespace {

const char* const kRules =
    "model/base:      model/base/ torch\n"
    "model/training:  model/base/ model/training/ torch\n"
    "app/service:     model/ app/service/ torch qt\n"
    "ui:              ui/ app/service/ model/base/numbers.h qt\n";

class Tree {
 public:
  Tree() {
    write("rules.txt", kRules);
    write("model/base/numbers.h", "#pragma once\n#include <string>\n");
    write("model/base/tensor_math.h", "#pragma once\n#include <torch/torch.h>\n");
    write("model/training/trainer.h", "#pragma once\n#include \"model/base/tensor_math.h\"\n");
    write("app/service/session.h", "#pragma once\n#include <QObject>\n#include \"model/base/numbers.h\"\n");
    write("app/service/tensor_images.h", "#pragma once\n#include <QImage>\n#include <torch/torch.h>\n");
    write("app/service/step_points.h", "#pragma once\n#include \"model/training/trainer.h\"\n");
  }
  void write(const std::string& name, const std::string& text) {
    const fs::path path = fs::path(dir.path().toStdString()) / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  std::vector<layer_check::Violation> check() {
    const std::string root = dir.path().toStdString();
    return layer_check::check(root, layer_check::read_rules(root + "/rules.txt"), "rules.txt");
  }
  QTemporaryDir dir;
};

QString joined(const std::vector<layer_check::Violation>& violations) {
  QStringList lines;
  for (const auto& v : violations)
    lines << QString::fromStdString(v.file + ":" + std::to_string(v.line) + ": " + v.message);
  return lines.join('\n');
}

}  // namespace

class TestLayerCheck : public QObject {
  Q_OBJECT
 private slots:
  void allowedIncludesPass() {
    Tree tree;
    tree.write("model/training/trainer.cpp", "#include \"model/training/trainer.h\"\n#include <vector>\n");
    tree.write("ui/panel.cpp", "#include <QWidget>\n#include \"app/service/session.h\"\n#include \"ui/panel.h\"\n");
    tree.write("ui/panel.h", "#pragma once\n#include \"model/base/numbers.h\"\n");
    const auto violations = tree.check();
    QVERIFY2(violations.empty(), qPrintable(joined(violations)));
  }

  // Each spelling the issue found passing the old configure-time rule (it matched `#include "model/…"` only).
  void everySpellingOfAForbiddenIncludeIsRefused_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");  // a part of the message
    QTest::newRow("relative path") << "model/base/x.cpp" << "#include <string>\n#include \"../training/trainer.h\"\n"
                                   << "model/base/x.cpp:2: includes \"../training/trainer.h\" (model/training/trainer.h): "
                                      "a layer above";
    QTest::newRow("angle brackets") << "model/base/x.cpp" << "#include <model/training/trainer.h>\n"
                                    << "model/base/x.cpp:1: includes <model/training/trainer.h>: a layer above";
    QTest::newRow("spaces after #") << "model/base/x.h" << "#pragma once\n  #  include   \"model/training/trainer.h\"\n"
                                    << "model/base/x.h:2: includes \"model/training/trainer.h\": a layer above";
    QTest::newRow("LibTorch in ui") << "ui/x.cpp" << "#include <torch/torch.h>\n"
                                    << "ui/x.cpp:1: includes <torch/torch.h>: LibTorch is not allowed here by the "
                                       "rule 'ui' (rules.txt:4)";
    QTest::newRow("ATen in ui") << "ui/x.cpp" << "#include <ATen/ATen.h>\n"
                                << "ui/x.cpp:1: includes <ATen/ATen.h>: LibTorch is not allowed";
    QTest::newRow("a service header that brings in LibTorch")
        << "ui/x.cpp" << "#include \"app/service/tensor_images.h\"\n"
        << "ui/x.cpp:1: includes \"app/service/tensor_images.h\", which brings in <torch/torch.h> "
           "(app/service/tensor_images.h:3): LibTorch is not allowed";
    QTest::newRow("LibTorch two headers down")
        << "ui/x.h" << "#include \"app/service/step_points.h\"\n"
        << "ui/x.h:1: includes \"app/service/step_points.h\", which brings in <torch/torch.h> "
           "(model/base/tensor_math.h:2)";
    QTest::newRow("Qt in the core") << "model/base/x.h" << "#include <QString>\n"
                                    << "model/base/x.h:1: includes <QString>: Qt is not allowed here by the rule "
                                       "'model/base'";
    QTest::newRow("Qt module path in the core") << "model/base/x.cpp" << "#include <QtCore/QString>\n"
                                                << "model/base/x.cpp:1: includes <QtCore/QString>: Qt is not allowed";
    QTest::newRow("a model header ui may not see") << "ui/x.cpp" << "#include \"model/base/tensor_math.h\"\n"
                                                   << "ui/x.cpp:1: includes \"model/base/tensor_math.h\": a layer";
    QTest::newRow("an include through a macro") << "model/base/x.cpp" << "#define H <vector>\n#include H\n"
                                                << "model/base/x.cpp:2: an include the check cannot read";
  }
  void everySpellingOfAForbiddenIncludeIsRefused() {
    QFETCH(QString, file);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    Tree tree;
    tree.write(file.toStdString(), text.toStdString());
    const QString found = joined(tree.check());
    QVERIFY2(found.contains(expected), qPrintable("expected: " + expected + "\nfound:    " + found));
  }

  void includesInCommentsAreNoIncludes() {
    Tree tree;
    tree.write("model/base/x.cpp", "/* an example:\n#include \"ui/panel.h\"\n*/\n#include <vector>\n");
    const auto violations = tree.check();
    QVERIFY2(violations.empty(), qPrintable(joined(violations)));
  }

  void malformedRulesNameTheLine() {
    Tree tree;
    tree.write("rules.txt", "model/base: model/base/\nui ui/\n");
    try {
      tree.check();
      QFAIL("a rule without ':' was accepted");
    } catch (const std::runtime_error& e) {
      QVERIFY2(QString(e.what()).endsWith("rules.txt:2: expected 'PATTERN: ALLOWED…'"), e.what());
    }
  }

  void theProjectFollowsItsOwnRules() {
    const std::string root = FACTORVAE_SOURCE_DIR;
    const auto violations = layer_check::check(root, layer_check::read_rules(root + "/cmake/layers.txt"));
    QVERIFY2(violations.empty(), qPrintable(joined(violations)));
  }
};

QTEST_GUILESS_MAIN(TestLayerCheck)
#include "test_layer_check.moc"
