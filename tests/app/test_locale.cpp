// Every program works the same under any system locale. This test runs under de_DE.UTF-8 (CTest sets LC_ALL and
// LOCPATH to locales that tests/app/locale/make_locales.sh generates), so its own QApplication finds the C library's
// LC_NUMERIC set to a decimal comma, as a German desktop's does. It checks the core's text formats with that locale
// active, the CLI's modes under C, de_DE and fr_FR with the files compared across them, and the GUI's open, train,
// save and export paths.
#include <torch/torch.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>
#include <clocale>
#include <fstream>

#include "app/service/model_exchange.h"
#include "app/service/training_session.h"
#include "model/base/config.h"
#include "model/base/numbers.h"
#include "model/checkpoint/checkpoint.h"
#include "model/io/npy.h"
#include "model/run/run_log.h"
#include "test_support.h"
#include "ui/application.h"
#include "ui/main_window.h"
#include "ui/number_field.h"
#include "ui/training_panel.h"

using namespace fvae;

namespace {

const QStringList kLocales = {QStringLiteral("C"), QStringLiteral("de_DE.UTF-8"), QStringLiteral("fr_FR.UTF-8")};

QStringList locale_environment(const QString& locale) {
  return {QStringLiteral("LC_ALL=") + locale, QStringLiteral("LANG=") + locale};
}

QByteArray read_all(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::string config_text(const QString& checkpoint) {
  return read_checkpoint_records(checkpoint.toStdString()).at("config").text;
}

// losses.csv without its images_per_second column (a timing, different in every run).
QStringList losses_without_speed(const QString& path) {
  QStringList rows = QString::fromUtf8(read_all(path)).trimmed().split('\n');
  const int speed = rows.value(0).split(',').indexOf(QStringLiteral("images_per_second"));
  for (QString& row : rows) {
    QStringList cells = row.split(',');
    if (speed >= 0 && speed < cells.size()) cells.removeAt(speed);
    row = cells.join(',');
  }
  return rows;
}

}  // namespace

class TestLocale : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QString path(const QString& name) const { return dir_.filePath(name); }

  // A short training written by the CLI under the C locale.
  QString checkpointWrittenUnderC(const QString& name) {
    const auto r = testing::run_cli({"train", "--dataset", "shapes", "--size", "28", "--subset", "128", "--steps", "4",
                                     "--beta", "0.5", "--quiet", "--out", path(name)},
                                    locale_environment("C"));
    if (r.exit_code != 0) qWarning("%s", qPrintable(r.err));
    return path(name + "/latest.fvae");
  }

 private slots:
  void initTestCase() {
    // The trap is real here: the application object took the decimal comma from the environment.
    QCOMPARE(QString::fromLatin1(std::setlocale(LC_NUMERIC, nullptr)), QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(QString::fromLatin1(std::localeconv()->decimal_point), QStringLiteral(","));
    QVERIFY(dir_.isValid());
  }

  // The core's text formats, with the C library expecting "0,5": each would fail with strtod or printf.
  void coreTextFormatsIgnoreTheCLibraryLocale() {
    std::setlocale(LC_ALL, "de_DE.UTF-8");
    QCOMPARE(std::strtod("0.5", nullptr), 0.0);  // what the C library makes of "0.5" here
    QCOMPARE(QString::fromStdString(format_number(0.317)), QStringLiteral("0.317"));
    QCOMPARE(QString::fromStdString(format_fixed(2.5, 2)), QStringLiteral("2.50"));
    QCOMPARE(QString::fromStdString(format_general(1e-4, 6)), QStringLiteral("0.0001"));
    QCOMPARE(parse_double("0.317").value_or(-1), 0.317);
    QVERIFY(!parse_double("0,5"));
    ModelConfig model;
    TrainConfig train;
    train.beta = 0.317;
    train.vae_lr = 1e-3;
    train.gamma = 12.5;
    const std::string text = serialize_key_values(to_key_values(model, train));
    QVERIFY(text.find("train.beta=0.317\n") != std::string::npos);
    ModelConfig model_back;
    TrainConfig train_back;
    from_key_values(parse_key_values(text), model_back, train_back);
    QCOMPARE(train_back.beta, 0.317);
    QCOMPARE(train_back.vae_lr, 1e-3);
    QCOMPARE(train_back.gamma, 12.5);
    // A checkpoint saves and loads, and a loss table writes '.' decimals.
    Checkpoint cp;
    cp.model = model;
    cp.train = train;
    cp.networks = std::make_shared<Networks>(model);
    cp.latent_names.assign(8, "");
    StepReport row;
    row.step = 1;
    row.reconstruction = 12.25;
    row.kl_per_dim.assign(8, 0.5);
    cp.history.push_back(row);
    const std::string file = path("core.fvae").toStdString();
    save_checkpoint(file, cp);
    QCOMPARE(load_checkpoint(file).train.beta, 0.317);
    write_losses_csv(path("losses.csv").toStdString(), cp.history, 8);
    const QString csv = QString::fromUtf8(read_all(path("losses.csv")));
    QVERIFY2(csv.contains(QStringLiteral(",12.25,")) && !csv.contains(QStringLiteral("12,25")), qPrintable(csv));
    std::setlocale(LC_ALL, "");  // as the application object left it
  }

  // The application keeps LC_NUMERIC at "C" once set up, and its widgets still show the user's decimal comma.
  void applicationShowsCommasButKeepsFilesInC() {
    ui::configureApplication();
    QCOMPARE(QString::fromLatin1(std::setlocale(LC_NUMERIC, nullptr)), QStringLiteral("C"));
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    service::TrainingSession session;
    ui::TrainingPanel panel(&session);
    bool comma = false;
    for (auto* field : panel.findChildren<ui::NumberField*>())
      comma |= field->findChild<QLineEdit*>()->text().contains(',');
    QVERIFY(comma);  // β, γ or the learning rate, e.g. "0,5"
    std::setlocale(LC_ALL, "");
  }

  // The CLI's modes under the C locale and two decimal-comma locales; every file they write is then compared across
  // the locales, and each locale's checkpoint is read under the others.
  void cliWorksTheSameUnderEveryLocale() {
    // The original project's state_dict for import-seed, once.
    std::vector<std::pair<std::string, std::vector<uint8_t>>> members;
    for (const auto& [name, tensor] : testing::original_fixture_state_dict())
      members.emplace_back(name + ".npy", make_npy(tensor));
    testing::write_zip(path("original.npz").toStdString(), members, false);
    members.clear();
    QFile codes(path("codes.npy"));
    QVERIFY(codes.open(QIODevice::WriteOnly));
    const auto code_bytes = make_npy(torch::linspace(-2, 2, 16).view({2, 8}).to(torch::kFloat));
    codes.write(reinterpret_cast<const char*>(code_bytes.data()), static_cast<qint64>(code_bytes.size()));
    codes.close();

    for (const QString& locale : kLocales) {
      const QString out = path(locale);
      QDir().mkpath(out);
      const QStringList env = locale_environment(locale);
      auto cli = [&](const QStringList& arguments) {
        const auto r = testing::run_cli(arguments, env);
        if (r.exit_code != 0)
          qWarning("%s: factorvae %s failed:\n%s", qPrintable(locale), qPrintable(arguments.join(' ')),
                   qPrintable(r.err));
        return r;
      };
      const QStringList common = {"--dataset",    "shapes", "--size", "28",   "--subset", "256",
                                  "--batch-size", "32",     "--seed", "3",    "--beta",   "0.5",
                                  "--gamma",      "12.5",   "--lr",   "1e-3", "--quiet"};
      QCOMPARE(cli(QStringList{"train"} + common + QStringList{"--steps", "12", "--out", out + "/run"}).exit_code, 0);
      QCOMPARE(cli({"train", "--resume", out + "/run/latest.fvae", "--steps", "20", "--quiet", "--out", out + "/run"})
                   .exit_code,
               0);
      const auto evaluated = cli({"evaluate", "--checkpoint", out + "/run/latest.fvae", "--subset", "64",
                                  "--train-votes", "200", "--eval-votes", "100", "--mig-samples", "500"});
      QCOMPARE(evaluated.exit_code, 0);
      QVERIFY2(evaluated.out.contains(QRegularExpression("factorvae_metric: \\d\\.\\d{4}\\n")),
               qPrintable(evaluated.out));
      QFile::copy(out + "/run/latest.fvae", out + "/trained.fvae");
      QCOMPARE(cli({"export", "--checkpoint", out + "/trained.fvae", "--out", out + "/model.pt"}).exit_code, 0);
      QCOMPARE(cli({"export", "--checkpoint", out + "/trained.fvae", "--out", out + "/weights.fvae"}).exit_code, 0);
      QCOMPARE(cli({"import-seed", path("original.npz"), "--out", out + "/imported.fvae"}).exit_code, 0);
      QCOMPARE(cli({"decode", "--checkpoint", out + "/imported.fvae", "--codes", path("codes.npy"), "--out",
                    out + "/decoded.npy"})
                   .exit_code,
               0);
      QCOMPARE(cli({"responses", "--checkpoint", out + "/trained.fvae", "--samples-per-value", "8", "--out",
                    out + "/responses.png"})
                   .exit_code,
               0);
      QCOMPARE(cli(QStringList{"train"} + common +
                   QStringList{"--steps", "8", "--candidates", "2", "--screen-steps", "4", "--parallel", "1", "--out",
                               out + "/candidates"})
                   .exit_code,
               0);
      const auto udr = cli(
          {"udr", out + "/candidates/seed-3/latest.fvae", out + "/candidates/seed-4/latest.fvae", "--images", "64"});
      QCOMPARE(udr.exit_code, 0);
      // Read under this locale what the C locale wrote, and the other way round.
      const auto c_written = cli({"evaluate", "--checkpoint", path("C") + "/trained.fvae", "--subset", "64",
                                  "--train-votes", "200", "--eval-votes", "100", "--mig-samples", "500"});
      QCOMPARE(c_written.exit_code, 0);
      QCOMPARE(c_written.out, evaluated.out);
    }
    // The same files whatever the locale: byte for byte where the format is text.
    for (const QString& locale : kLocales.mid(1)) {
      const QString c = path("C"), other = path(locale);
      QCOMPARE(config_text(other + "/trained.fvae"), config_text(c + "/trained.fvae"));
      QCOMPARE(losses_without_speed(other + "/run/losses.csv"), losses_without_speed(c + "/run/losses.csv"));
      QCOMPARE(read_all(other + "/responses.csv"), read_all(c + "/responses.csv"));
      QCOMPARE(read_all(other + "/decoded.npy"), read_all(c + "/decoded.npy"));
      QCOMPARE(QString(read_all(other + "/candidates/candidates.csv")).replace(other, c),
               QString(read_all(c + "/candidates/candidates.csv")));
      QVERIFY(!read_all(c + "/responses.csv").isEmpty());
      const auto c_reads =
          testing::run_cli({"evaluate", "--checkpoint", other + "/trained.fvae", "--subset", "64", "--no-metrics"},
                           locale_environment("C"));
      QCOMPARE(c_reads.exit_code, 0);
    }
    // Seven fields a row: a decimal comma in the UDR column would make eight.
    for (const QString& row :
         QString(read_all(path("de_DE.UTF-8") + "/candidates/candidates.csv")).trimmed().split('\n'))
      QCOMPARE(row.split(',').size(), 7);
  }

  // The GUI under de_DE: a checkpoint the CLI wrote under C opens, a training saves, the model exports.
  void studioOpensTrainsSavesAndExports() {
    ui::configureApplication();
    const QString c_checkpoint = checkpointWrittenUnderC(QStringLiteral("gui-c"));
    ui::MainWindow window;
    QSignalSpy opened(&window, &ui::MainWindow::checkpointOpened);
    QSignalSpy failed(&window, &ui::MainWindow::checkpointFailed);
    window.openCheckpoint(c_checkpoint);
    QVERIFY(QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 60000));
    QVERIFY(failed.isEmpty());

    auto s = window.trainingPanel()->settings();
    s.dataset = QStringLiteral("shapes");
    s.imageSize = 28;
    s.beta = 0.75;  // none of the defaults, which the form would follow
    s.gamma = 12.5;
    s.learningRate = 1e-3;
    s.steps = 6;
    s.minutes = 0;  // the step budget, not the time budget
    s.candidates = 1;
    s.outputFolder = path("gui-run");
    window.trainingPanel()->setSettings(s);
    QSignalSpy completed(window.trainingPanel(), &ui::TrainingPanel::trainingCompleted);
    window.trainingPanel()->startTraining();
    QVERIFY(QTest::qWaitFor([&] { return !completed.isEmpty(); }, 120000));
    const Checkpoint saved = load_checkpoint(path("gui-run/latest.fvae").toStdString());
    QCOMPARE(saved.train.beta, 0.75);
    QCOMPARE(saved.train.gamma, 12.5);
    QCOMPARE(saved.step, int64_t{6});
    QVERIFY(!service::exportModel(path("gui-run/latest.fvae"), path("gui.pt")).isEmpty());
    QVERIFY(QFile::exists(path("gui.pt")));
    QVERIFY(!service::exportModel(path("gui-run/latest.fvae"), path("gui-weights.fvae")).isEmpty());
    QCOMPARE(load_checkpoint(path("gui-weights.fvae").toStdString()).train.beta, 0.75);
  }

  // The real application under de_DE, as a German user starts it with a checkpoint: it used to hang.
  void studioScreenshotsFinishUnderGerman() {
    const QString checkpoint = checkpointWrittenUnderC(QStringLiteral("shot-c"));
    const auto r =
        testing::run_process(qEnvironmentVariable("FACTORVAE_SCREENSHOTS"), {"--screenshots", path("shot"), checkpoint},
                             locale_environment(QStringLiteral("de_DE.UTF-8")), 240000);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(QDir(dir_.path()).entryList({"shot-*.png"}).size() >= 5);
  }
};

QTEST_MAIN(TestLocale)
#include "test_locale.moc"
