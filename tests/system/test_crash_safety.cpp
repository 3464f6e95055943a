// Killing a training at any moment, also while it writes its checkpoint, never costs more than the steps since the
// last save: the newest checkpoint always loads and resumes. A real `factorvae train` process is SIGKILLed 20 times
// (FACTORVAE_KILL_ROUNDS; the soak run, test_crash_safety_soak, 50), half of the time the moment a checkpoint's
// temporary file appears (mid-write), half at a random moment; each following run resumes from what the previous one
// left.
#include <torch/torch.h>

#include <signal.h>

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <random>

#include "model/checkpoint/checkpoint.h"

class TestCrashSafety : public QObject {
  Q_OBJECT

 private slots:
  void killedAnywhereTheLastCheckpointLoadsAndResumes() {
    QTemporaryDir dir;
    const QString out = dir.filePath("run");
    const QString latest = out + "/latest.fvae";
    // 64 images in batches of 32: an epoch, and so a save, every 2 steps; most of the time goes into saving.
    // --force: a run killed before its first save left its log behind; starting afresh replaces it (asked for).
    const QStringList fresh = {"train", "--dataset",    "shapes", "--size", "28", "--subset", "64",      "--batch-size",
                               "32",    "--gif-images", "2",      "--out",  out,  "--quiet",  "--steps", "1000000",
                               "--force"};
    std::mt19937 random(20261202);
    const int rounds = qEnvironmentVariableIsSet("FACTORVAE_KILL_ROUNDS")
                           ? qEnvironmentVariableIntValue("FACTORVAE_KILL_ROUNDS")
                           : 20;
    QVERIFY(rounds >= 2);
    int kills = 0, mid_write = 0;
    int64_t last_step = -1;
    for (int round = 0; round < rounds; ++round) {
      QStringList arguments = fresh;
      if (QFile::exists(latest))
        arguments = {"train", "--resume", latest, "--out", out, "--quiet", "--steps", "1000000"};
      QProcess p;
      p.setProcessChannelMode(QProcess::MergedChannels);
      p.start(qEnvironmentVariable("FACTORVAE_CLI"), arguments);
      QVERIFY(p.waitForStarted());
      // Wait for the training banner, so that every kill lands in training or saving, not in start-up.
      QByteArray output;
      QVERIFY2(QTest::qWaitFor(
                   [&] {
                     p.waitForReadyRead(50);
                     output += p.readAll();
                     return output.contains("Training ") || p.state() == QProcess::NotRunning;
                   },
                   120000),
               output.constData());
      QVERIFY2(p.state() == QProcess::Running, output.constData());
      const bool at_write = round % 2 == 0;
      if (at_write) {
        // The moment a temporary of the checkpoint shows up, the process is in the middle of writing it.
        QVERIFY(QTest::qWaitFor(
            [&] { return !QDir(out).entryList({".latest.fvae.tmp*"}, QDir::Files | QDir::Hidden).isEmpty(); }, 120000));
      } else {
        QTest::qWait(std::uniform_int_distribution<int>(20, 1500)(random));  // a random moment, by design
      }
      const bool temporary_present = !QDir(out).entryList({".latest.fvae.tmp*"}, QDir::Files | QDir::Hidden).isEmpty();
      QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGKILL), 0);
      QVERIFY(p.waitForFinished(60000));
      QCOMPARE(p.exitStatus(), QProcess::CrashExit);
      ++kills;
      if (temporary_present) ++mid_write;
      if (!QFile::exists(latest)) {
        QCOMPARE(last_step, int64_t{-1});  // only before the very first save
        continue;
      }
      const auto cp = fvae::load_checkpoint(latest.toStdString());
      QVERIFY(cp.has_training_state);
      QVERIFY2(cp.step >= last_step, qPrintable(QString("step %1 after %2").arg(cp.step).arg(last_step)));
      QCOMPARE(static_cast<int64_t>(cp.history.size()), cp.step);
      last_step = cp.step;
    }
    QCOMPARE(kills, rounds);
    QVERIFY2(mid_write >= rounds / 2, qPrintable(QString("%1 kills mid-write").arg(mid_write)));
    QVERIFY(last_step > 0);

    // The run then resumes from the newest checkpoint and finishes: four more steps, one history.
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(qEnvironmentVariable("FACTORVAE_CLI"),
            {"train", "--resume", latest, "--out", out, "--quiet", "--steps", QString::number(last_step + 4)});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAll().constData());
    const auto finished = fvae::load_checkpoint(latest.toStdString());
    QCOMPARE(finished.step, last_step + 4);
    QCOMPARE(static_cast<int64_t>(finished.history.size()), last_step + 4);
    // Temporaries of the killed runs were cleared when the next run started; none are left.
    QCOMPARE(QDir(out).entryList({".*.tmp*"}, QDir::Files | QDir::Hidden), QStringList{});
    qInfo("%d kills, %d of them while a checkpoint was being written; the run reached step %lld", kills, mid_write,
          static_cast<long long>(finished.step));
  }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "test_crash_safety.moc"
