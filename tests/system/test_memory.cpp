// Memory stays flat during a long training. A real `factorvae train` process trains 3,000 steps at 32x32 in the
// configuration in which glibc's malloc let the heap grow by ~40 MB a second from step ~1,800 while the live data
// stayed at ~170 MB (seed 2, gamma 0, the quality bar's other settings; docs/memory.md). Its resident memory is
// sampled throughout; from 30 % of the run (warm-up done) to the end it must grow by less than 48 MB.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Resident set size of a process in MB, from /proc (0 once it has ended).
double rss_mb(qint64 pid) {
  QFile status(QStringLiteral("/proc/%1/status").arg(pid));
  if (!status.open(QIODevice::ReadOnly)) return 0;
  for (const QByteArray& line : status.readAll().split('\n'))
    if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
  return 0;
}

}  // namespace

class TestMemory : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
#ifdef FACTORVAE_SANITIZED
    QSKIP("a sanitizer build allocates through the sanitizer; memory is measured with the production allocator");
#endif
  }

  void theApplicationsAllocateThroughJemalloc() {
    QProcess p;
    p.start(qEnvironmentVariable("FACTORVAE_CLI"), {"--version"});
    QVERIFY(p.waitForFinished(60000));
    const QString version = p.readAllStandardOutput();
    QVERIFY2(version.contains("jemalloc"), qPrintable(version));
  }

  void residentMemoryStaysFlatAfterWarmUp() {
    QTemporaryDir dir;
    const int steps = 3000;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(qEnvironmentVariable("FACTORVAE_CLI"), {"train",   "--dataset", "shapes",
                                                    "--split", "all",       "--size",
                                                    "32",      "--steps",   QString::number(steps),
                                                    "--seed",  "2",         "--lr",
                                                    "1e-3",    "--beta",    "0.5",
                                                    "--gamma", "0",         "--disc-thread",
                                                    "off",     "--out",     dir.filePath("run")});
    QVERIFY(p.waitForStarted());
    const qint64 pid = p.processId();
    const QRegularExpression progress(QStringLiteral("(\\d+)/%1 ").arg(steps));
    QByteArray output;
    int64_t step = 0;
    double warm = 0, peak_after = 0;
    int samples = 0;
    // Samples every 100 ms until the process ends; the progress line (one per tenth of the run) gives the step.
    while (p.state() != QProcess::NotRunning) {
      p.waitForReadyRead(100);
      output += p.readAll();
      auto matches = progress.globalMatch(QString::fromUtf8(output));
      while (matches.hasNext()) step = matches.next().captured(1).toLongLong();
      const double rss = rss_mb(pid);
      if (rss <= 0) continue;
      // Up to the last step: the final save (a checkpoint serialised in memory) is a passing peak, not growth.
      if (step >= steps * 3 / 10 && step < steps) {
        if (warm == 0) warm = rss;
        peak_after = std::max(peak_after, rss);
        ++samples;
      }
    }
    output += p.readAll();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, output.constData());
    QVERIFY2(warm > 0 && samples > 10, qPrintable(QString("%1 samples after warm-up").arg(samples)));
    const double growth = peak_after - warm;
    qInfo("resident memory %.0f MB at step %d, at most %.0f MB afterwards: +%.1f MB (%.1f MB per 1,000 steps)", warm,
          steps * 3 / 10, peak_after, growth, growth / (steps * 0.7 / 1000));
    QVERIFY2(growth < 48, qPrintable(QString("grew by %1 MB after warm-up").arg(growth)));
  }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "test_memory.moc"
