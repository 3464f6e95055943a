// Benchmark of memory over a long training (not part of the default test run): resident memory per 1,000 steps for
// the CLI (`factorvae train`, a child process) and for the GUI's training (a MainWindow in this process), run side by
// side, one core each. Goal: flat after warm-up.
//   QT_QPA_PLATFORM=offscreen build/tests/bench_memory [STEPS (default 20000)] [GAMMA (default 0)]
// The defaults are the configuration in which glibc's malloc grew by ~40 MB/s (docs/memory.md).
#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>
#include <map>

#include "model/base/platform.h"
#include "ui/main_window.h"
#include "ui/training_panel.h"

namespace {

double rss_mb(qint64 pid) {
  QFile status(pid ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
  if (!status.open(QIODevice::ReadOnly)) return 0;
  for (const QByteArray& line : status.readAll().split('\n'))
    if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
  return 0;
}

// RSS at each 1,000 steps, then the growth after warm-up (from the sample at 20 % of the run).
void report(const char* who, const std::map<int64_t, double>& rss, int64_t steps) {
  std::printf("%s: resident MB at each 1,000 steps:", who);
  for (const auto& [step, mb] : rss) std::printf(" %lld:%.0f", static_cast<long long>(step / 1000), mb);
  const auto warm = rss.lower_bound(steps / 5);
  if (warm == rss.end() || rss.empty()) return void(std::printf("\n"));
  double peak = 0;
  for (auto it = warm; it != rss.end(); ++it) peak = std::max(peak, it->second);
  const double per_thousand = (rss.rbegin()->second - warm->second) / ((rss.rbegin()->first - warm->first) / 1000.0);
  std::printf(
      "\n%s: %.0f MB at step %lld, peak %.0f MB after it, end %.0f MB: %+.2f MB per 1,000 steps after warm-up\n", who,
      warm->second, static_cast<long long>(warm->first), peak, rss.rbegin()->second, per_thousand);
}

}  // namespace

int main(int argc, char** argv) {
  fvae::relaunch_with_tuned_blas_if_needed(argv);
  fvae::flush_denormals_to_zero();
  QApplication app(argc, argv);
  QStandardPaths::setTestModeEnabled(true);
  const int64_t steps = argc > 1 ? std::atoll(argv[1]) : 20000;
  const double gamma = argc > 2 ? std::atof(argv[2]) : 0.0;
  std::printf("allocator: %s; %lld steps at 32x32, batch 64, seed 2, gamma %g; CLI and GUI side by side\n",
              fvae::memory_allocator().c_str(), static_cast<long long>(steps), gamma);
  QTemporaryDir dir;

  // The CLI, in a child process. Its progress line (one per tenth when not on a terminal) gives the step; RSS is
  // sampled every 100 ms and assigned to the step interpolated from the progress lines' times.
  QProcess cli;
  cli.setProcessChannelMode(QProcess::MergedChannels);
  const QString binary = QCoreApplication::applicationDirPath() + "/../app/factorvae";
  cli.start(binary, {"train",
                     "--dataset",
                     "shapes",
                     "--split",
                     "all",
                     "--size",
                     "32",
                     "--steps",
                     QString::number(steps),
                     "--seed",
                     "2",
                     "--lr",
                     "1e-3",
                     "--beta",
                     "0.5",
                     "--gamma",
                     QString::number(gamma),
                     "--disc-thread",
                     "off",
                     "--out",
                     dir.filePath("cli")});
  if (!cli.waitForStarted()) return std::fprintf(stderr, "bench_memory: cannot start %s\n", qPrintable(binary)), 1;

  // The GUI's training, in this process.
  fvae::ui::MainWindow window;
  auto* panel = window.trainingPanel();
  fvae::service::TrainingSettings settings;
  settings.imageSize = 32;
  settings.steps = steps;
  settings.seed = 2;
  settings.gamma = gamma;
  settings.beta = 0.5;
  settings.learningRate = 1e-3;
  settings.outputFolder = dir.filePath("gui");
  panel->setSettings(settings);
  std::map<int64_t, double> gui_rss, cli_rss;
  std::vector<std::pair<double, double>> cli_samples;  // (seconds, MB)
  std::vector<std::pair<double, int64_t>> cli_marks;   // (seconds, step)
  QObject::connect(window.session(), &fvae::service::TrainingSession::stepped, &window,
                   [&](const fvae::service::TrainingPoint& point) {
                     if (point.step % 1000 == 0) gui_rss[point.step] = rss_mb(0);
                   });
  panel->startTraining();
  QElapsedTimer clock;
  clock.start();
  const QRegularExpression progress(QStringLiteral("(\\d+)/%1 ").arg(steps));
  QByteArray output;
  qsizetype parsed = 0;
  while (cli.state() != QProcess::NotRunning || window.session()->isRunning()) {
    QApplication::processEvents(QEventLoop::AllEvents, 50);
    if (cli.state() == QProcess::NotRunning) continue;
    cli.waitForReadyRead(50);
    output += cli.readAll();
    auto matches = progress.globalMatch(QString::fromUtf8(output.mid(parsed)));
    while (matches.hasNext()) cli_marks.emplace_back(clock.elapsed() / 1000.0, matches.next().captured(1).toLongLong());
    parsed = output.size();
    if (const double mb = rss_mb(cli.processId()); mb > 0) cli_samples.emplace_back(clock.elapsed() / 1000.0, mb);
  }
  // Step of each CLI sample: linear between the progress marks.
  for (size_t m = 1; m < cli_marks.size(); ++m) {
    const auto [t0, s0] = cli_marks[m - 1];
    const auto [t1, s1] = cli_marks[m];
    for (const auto& [t, mb] : cli_samples) {
      if (t < t0 || t > t1 || t1 <= t0) continue;
      const auto step = static_cast<int64_t>(s0 + (s1 - s0) * (t - t0) / (t1 - t0));
      cli_rss[step / 1000 * 1000] = mb;  // the last sample within each thousand
    }
  }
  report("CLI", cli_rss, steps);
  report("GUI", gui_rss, steps);
  return cli.exitCode();
}
