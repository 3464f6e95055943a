// The `factorvae` command end to end: every mode, outputs read back with QImageReader, errors and cancellation.
#include <torch/torch.h>

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "model/checkpoint/checkpoint.h"
#include "model/inference/inference.h"
#include "model/io/dataset_loader.h"
#include "model/run/run_log.h"
#include "model/run/run_plan.h"
#include "model/tensorboard/event_file.h"
#include "test_support.h"

namespace {

QByteArray read_file(const QString& name) {
  QFile f(name);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Result {
  int exit_code = -1;
  QString out, err;
};

Result run(const QStringList& arguments, int timeout_ms = 300000) {
  QProcess p;
  p.start(qEnvironmentVariable("FACTORVAE_CLI"), arguments);
  if (!p.waitForFinished(timeout_ms)) {
    p.kill();
    p.waitForFinished();
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
          p.readAllStandardError()};
}

// The one TensorBoard log of a run folder (an empty string when there is none or more than one).
QString event_file(const QString& folder) {
  const auto files = QDir(folder).entryList({"events.out.tfevents.*"}, QDir::Files);
  return files.size() == 1 ? QDir(folder).filePath(files[0]) : QString();
}

// Checks a run's TensorBoard log against its losses.csv: every step once, in order, every column under its tag with
// the CSV's value (to within float32 rounding: TensorBoard stores float32 scalars); returns the steps of the log's
// images per tag.
std::map<std::string, std::vector<int64_t>> check_log_against_csv(const QString& folder) {
  std::map<std::string, std::vector<int64_t>> images;
  const QString events = event_file(folder);
  if (events.isEmpty()) {
    QTest::qFail("no single event file in the run folder", __FILE__, __LINE__);
    return images;
  }
  QFile csv(QDir(folder).filePath("losses.csv"));
  if (!csv.open(QIODevice::ReadOnly)) return images;
  auto lines = QString(csv.readAll()).trimmed().split('\n');
  const auto columns = lines.takeFirst().split(',');
  uint64_t intact = 0;
  const auto records = fvae::tensorboard::read_event_file(events.toStdString(), &intact);
  if (intact != static_cast<uint64_t>(QFileInfo(events).size())) QTest::qFail("damaged records", __FILE__, __LINE__);
  if (records.empty() || records[0].file_version != "brain.Event:2") QTest::qFail("no header", __FILE__, __LINE__);
  size_t row = 0;
  int hparams = 0;
  for (const auto& r : records) {
    for (const auto& tag : r.image_tags) images[tag].push_back(r.step);
    hparams += static_cast<int>(r.plugin_tags.size());
    if (r.scalars.empty()) continue;
    if (row >= static_cast<size_t>(lines.size())) {
      QTest::qFail("more scalar steps in the log than rows in losses.csv", __FILE__, __LINE__);
      return images;
    }
    const auto values = lines[static_cast<int>(row++)].split(',');
    if (r.step != values[0].toLongLong()) {
      QTest::qFail(qPrintable(QString("log step %1 where losses.csv has %2").arg(r.step).arg(values[0])), __FILE__,
                   __LINE__);
      return images;
    }
    std::map<std::string, float> by_tag(r.scalars.begin(), r.scalars.end());
    for (int c = 1; c < columns.size(); ++c) {
      const auto tag = fvae::tensorboard_tag(columns[c].toStdString());
      // losses.csv holds 9 significant digits; the log, float32: equal to within float32's rounding.
      const double expected = values[c].toDouble();
      if (!by_tag.count(tag) || std::abs(by_tag[tag] - expected) > 1.2e-7 * std::max(1.0, std::abs(expected))) {
        QTest::qFail(qPrintable(QString("step %1: %2 differs").arg(r.step).arg(columns[c])), __FILE__, __LINE__);
        return images;
      }
    }
  }
  if (row != static_cast<size_t>(lines.size())) QTest::qFail("steps missing from the log", __FILE__, __LINE__);
  if (hparams != 1) QTest::qFail("not exactly one hyper-parameter record", __FILE__, __LINE__);
  return images;
}

QImage read_image(const QString& path, int* frames = nullptr) {
  QImageReader reader(path);
  if (frames) *frames = reader.imageCount();
  return reader.read();
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path(const QString& name) const { return dir_.filePath(name); }
  // The model most functions read: 2 epochs, then resumed to 3 (24 steps). run-16/ keeps the folder as the first
  // session left it. Every function only reads them (or copies them first), so they pass in any order.
  QString checkpoint() const { return path("run/latest.fvae"); }

 private slots:
  void initTestCase() {
    QVERIFY(QFile::exists(qEnvironmentVariable("FACTORVAE_CLI")));
    // The paper's weights and learning rate, pinned: the tests below (UDR, the vote tables) need a model whose
    // dimensions open within a few dozen steps.
    auto r = run({"train", "--dataset", "shapes", "--size", "28",      "--subset", "256",       "--batch-size",
                  "32",    "--epochs",  "2",      "--seed", "3",       "--out",    path("run"), "--quiet",
                  "--lr",  "1e-4",      "--beta", "1",      "--gamma", "35"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(QDir().mkpath(path("run-16")));
    for (const QString& file : QDir(path("run")).entryList(QDir::Files))
      QVERIFY(QFile::copy(path("run/") + file, path("run-16/") + file));
    r = run({"train", "--resume", checkpoint(), "--epochs", "3", "--out", path("run"), "--quiet"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
  }

  void helpForEveryMode() {
    for (const QString mode :
         {"train", "replicate", "latent", "random", "evaluate", "responses", "export", "decode", "udr", "encode"}) {
      auto r = run({mode, "--help"});
      QCOMPARE(r.exit_code, 0);
      QVERIFY2(r.out.contains("--checkpoint") || r.out.contains("--preset"), qPrintable(mode));
    }
    auto r = run({"train", "--help"});
    QVERIFY(r.out.contains("9/256"));  // the seed preset explains its gamma convention
    QCOMPARE(run({"nonsense"}).exit_code, 2);
  }

  void trainWritesCheckpointCsvAndGif() {
    QFile csv(path("run-16/losses.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const auto lines = QString(csv.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 16);  // header + 2 epochs × 8 steps
    QVERIFY(lines[0].startsWith("step,epoch,reconstruction,kl,tc,vae_loss,disc_loss,disc_accuracy,beta,gamma"));
    QVERIFY(lines[0].endsWith("kl_7"));
    int frames = 0;
    QImage gif = read_image(path("run-16/reconstructions.gif"), &frames);
    QVERIFY(!gif.isNull());
    QCOMPARE(frames, 2);                       // one per epoch
    QCOMPARE(gif.height(), (2 * 29 + 1) * 4);  // inputs above reconstructions, upscaled 4×
    auto cp = fvae::load_checkpoint(path("run-16/latest.fvae").toStdString());
    QCOMPARE(cp.step, int64_t{16});
    QCOMPARE(cp.dataset.spec, std::string("shapes"));
    QCOMPARE(cp.train.gamma, 35.0);
  }

  void trainTakesTheShapesRecipeWhereNothingIsGiven() {
    // No size, weights, learning rate or budget given: the recipe plan_run has for shapes (what the GUI's form shows),
    // said on the terminal. Stopped after one step, the checkpoint keeps the run's budget.
    auto r = run({"train", "--dataset", "shapes", "--subset", "64", "--batch-size", "32", "--stop-after", "1", "--out",
                  path("recipe"), "--quiet"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("quality bar's recipe"), qPrintable(r.err));
    auto cp = fvae::load_checkpoint(path("recipe/latest.fvae").toStdString());
    const auto recipe = fvae::dataset_defaults("shapes", fvae::kShapesTrainingSize);
    QCOMPARE(cp.model.image_size, fvae::kShapesTrainingSize);
    QCOMPARE(cp.train.beta, recipe.beta);
    QCOMPARE(cp.train.gamma, recipe.gamma);
    QCOMPARE(cp.train.vae_lr, recipe.vae_lr);
    QCOMPARE(cp.train.max_steps, recipe.max_steps);
    QCOMPARE(cp.train.vae_lr_warmup_steps, recipe.vae_lr_warmup_steps);  // the discriminator's head start
    QCOMPARE(cp.step, int64_t{1});
    // Given options win: 28 px prices β and γ for that size, and epochs given mean no step budget.
    r = run({"train", "--dataset", "shapes", "--size", "28", "--subset", "64", "--batch-size", "32", "--epochs", "1",
             "--beta", "0.7", "--out", path("recipe28"), "--quiet"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    cp = fvae::load_checkpoint(path("recipe28/latest.fvae").toStdString());
    QCOMPARE(cp.train.beta, 0.7);
    QCOMPARE(cp.train.gamma, fvae::dataset_defaults("shapes", 28).gamma);
    QCOMPARE(cp.train.max_steps, int64_t{0});
    QCOMPARE(cp.train.vae_lr_warmup_steps, int64_t{0});  // an eighth of a 2-step budget
    QCOMPARE(cp.step, int64_t{2});
  }

  void resumeContinues() {
    auto cp = fvae::load_checkpoint(checkpoint().toStdString());  // resumed to 3 epochs by initTestCase
    QCOMPARE(cp.step, int64_t{24});
    QCOMPARE(cp.history.size(), size_t{24});
    QCOMPARE(cp.history[16].step, int64_t{17});
    // The TensorBoard log goes on in the same file: steps 1–24 once each, images at every epoch's end, the
    // traversal at the end of each session.
    auto images = check_log_against_csv(path("run"));
    QCOMPARE(images["reconstructions"], (std::vector<int64_t>{8, 16, 24}));
    QCOMPARE(images["traversal"], (std::vector<int64_t>{16, 24}));
    // UDR of a run and a copy of it: one score for both, in (0, 1] (exactly 1 only for independent dimensions; a
    // 24-step model's dimensions are still correlated with each other).
    QFile::remove(path("copy.fvae"));
    QVERIFY(QFile::copy(checkpoint(), path("copy.fvae")));
    auto udr = run({"udr", "--checkpoint", checkpoint(), path("copy.fvae"), "--images", "200"});
    QVERIFY2(udr.exit_code == 0, qPrintable(udr.err));
    QStringList scores;
    auto rows =
        QRegularExpression("^\\d+\\s+(\\S+)\\s+\\d+\\s", QRegularExpression::MultilineOption).globalMatch(udr.out);
    while (rows.hasNext()) scores << rows.next().captured(1);
    QCOMPARE(scores.size(), 2);
    QCOMPARE(scores[0], scores[1]);
    QVERIFY(scores[0].toDouble() > 0 && scores[0].toDouble() <= 1);
    QCOMPARE(run({"udr", "--checkpoint", checkpoint()}).exit_code, 1);  // one run: nothing to compare with
    auto refused = run({"train", "--resume", checkpoint(), "--latent-dim", "4", "--out", path("run")});
    QCOMPARE(refused.exit_code, 1);
    QVERIFY(refused.err.contains("cannot change when resuming"));
  }

  // Resuming an older checkpoint in a folder whose log has gone further: the log is cut back to the checkpoint's step
  // first, so no step appears twice; a damaged tail (a kill mid-write) goes too. A fresh run replaces the log.
  void resumedLogNeverRepeatsSteps() {
    const QStringList base = {"train",        "--dataset", "shapes", "--size", "28",      "--subset", "256",
                              "--batch-size", "32",        "--seed", "4",      "--quiet", "--out",    path("log")};
    auto r = run(QStringList(base) << "--epochs"
                                   << "1");
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(QFile::copy(path("log/latest.fvae"), path("log-step8.fvae")));
    r = run({"train", "--resume", path("log/latest.fvae"), "--epochs", "3", "--out", path("log"), "--quiet"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const QString events = event_file(path("log"));
    {
      QFile f(events);  // a record cut short, as a kill mid-write leaves it
      QVERIFY(f.open(QIODevice::Append));
      f.write(QByteArray("\x20\0\0\0\0\0\0\0\x01\x02", 10));
    }
    r = run({"train", "--resume", path("log-step8.fvae"), "--epochs", "2", "--out", path("log"), "--quiet"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QCOMPARE(event_file(path("log")), events);  // the same file, continued
    auto images = check_log_against_csv(path("log"));
    QCOMPARE(images["reconstructions"], (std::vector<int64_t>{8, 16}));
    QCOMPARE(images["traversal"], (std::vector<int64_t>{8, 16}));

    // A new run where one is: refused, naming the folder and the ways on; nothing in it changes.
    const QByteArray before = read_file(path("log/latest.fvae")), csv_before = read_file(path("log/losses.csv"));
    r = run(QStringList(base) << "--epochs"
                              << "1");
    QVERIFY(r.exit_code != 0);
    QVERIFY2(r.err.contains(path("log") + " holds a run") && r.err.contains("--resume " + path("log/latest.fvae")) &&
                 r.err.contains("--force") && r.err.contains("--out " + path("log-2") + " is free"),
             qPrintable(r.err));
    QCOMPARE(read_file(path("log/latest.fvae")), before);
    QCOMPARE(read_file(path("log/losses.csv")), csv_before);
    r = run(QStringList(base) << "--epochs"
                              << "1"
                              << "--force"
                              << "--resume" << path("log/latest.fvae"));
    QVERIFY2(r.exit_code != 0 && r.err.contains("give one"), qPrintable(r.err));
    // With --force the new run replaces it.
    r = run(QStringList(base) << "--epochs"
                              << "1"
                              << "--force");
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    images = check_log_against_csv(path("log"));  // one file again, holding this run only
    QCOMPARE(images["reconstructions"], (std::vector<int64_t>{8}));
  }

  // --candidates: K seeds screened, ranked by UDR, the best continued; the continued run equals a full run of that
  // seed (resume is exact, screening stops mid-epoch), and every candidate stays on disk.
  void candidatesAreScreenedRankedAndTheBestContinued() {
    const QStringList common = {"--dataset",    "shapes", "--size",  "28", "--subset", "256",
                                "--batch-size", "32",     "--steps", "20", "--quiet"};
    auto r = run(QStringList{"train"} + common +
                 QStringList{"--candidates", "3", "--screen-steps", "12", "--seed", "5", "--out", path("cand")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QFile table(path("cand/candidates.csv"));
    QVERIFY(table.open(QIODevice::ReadOnly));
    auto lines = QString(table.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    const auto header = lines[0].split(',');
    QCOMPARE(header, QStringList({"seed", "state", "step", "udr", "active_dims", "chosen", "checkpoint"}));
    const int udr = header.indexOf("udr"), yes = header.indexOf("chosen"), state = header.indexOf("state");
    QString chosen;
    double best = -1, chosen_score = -1;
    for (int i = 1; i < lines.size(); ++i) {
      const auto cells = lines[i].split(',');
      best = std::max(best, cells[udr].toDouble());
      if (cells[yes] == "yes") chosen = cells[0], chosen_score = cells[udr].toDouble();
      QCOMPARE(cells[state], cells[yes] == "yes" ? QString("done") : QString("screened"));
      QVERIFY(QFile::exists(path("cand/seed-" + cells[0] + "/latest.fvae")));
    }
    QCOMPARE(chosen_score, best);  // the highest UDR wins
    for (int seed = 5; seed <= 7; ++seed) {
      const auto cp = fvae::load_checkpoint(path("cand/seed-%1/latest.fvae").arg(seed).toStdString());
      QCOMPARE(cp.step, QString::number(seed) == chosen ? int64_t{20} : int64_t{12});
      QCOMPARE(cp.train.max_steps, int64_t{20});  // screening kept the run's budget
    }
    const auto final_cp = fvae::load_checkpoint(path("cand/latest.fvae").toStdString());
    QCOMPARE(final_cp.step, int64_t{20});
    QCOMPARE(final_cp.train.seed, chosen.toULongLong());
    // A new pipeline (or run) on the pipeline's folder: refused with the way to go on with it, nothing touched.
    const QString table_before = lines.join('\n');
    for (const QStringList& again : {QStringList{"--candidates", "3", "--seed", "5"}, QStringList{"--seed", "5"}}) {
      r = run(QStringList{"train"} + common + again + QStringList{"--out", path("cand")});
      QVERIFY2(r.exit_code != 0 && r.err.contains("holds a candidate pipeline") &&
                   r.err.contains("--resume " + path("cand") + ",") && r.err.contains(path("cand-2")),
               qPrintable(r.err));
    }
    QCOMPARE(QString(read_file(path("cand/candidates.csv"))).trimmed(), table_before);
    QCOMPARE(fvae::load_checkpoint(path("cand/latest.fvae").toStdString()).step, int64_t{20});

    r = run(QStringList{"train"} + common + QStringList{"--seed", chosen, "--out", path("direct")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    const auto direct = fvae::load_checkpoint(path("direct/latest.fvae").toStdString());
    QCOMPARE(direct.history.size(), final_cp.history.size());
    for (size_t i = 0; i < direct.history.size(); ++i) {
      QCOMPARE(final_cp.history[i].reconstruction, direct.history[i].reconstruction);
      QCOMPARE(final_cp.history[i].tc, direct.history[i].tc);
      QCOMPARE(final_cp.history[i].disc_loss, direct.history[i].disc_loss);
    }
  }

  // --slurm writes a job-array script instead of training; its per-task command, run here with the variable Slurm
  // sets, trains that task's candidate.
  void slurmScriptTrainsOneCandidatePerTask() {
    auto r = run({"train", "--dataset", "shapes", "--size", "28", "--subset", "256", "--batch-size", "32", "--steps",
                  "20", "--candidates", "4", "--seed", "10", "--out", path("sweep"), "--slurm", path("sweep.sh")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QFile script(path("sweep.sh"));
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QString text = script.readAll();
    QVERIFY(text.contains("#SBATCH --array=0-3"));
    // No --screen-steps: the dataset's default, at most an eighth of the 20-step budget.
    QVERIFY2(r.err.contains("Default: screening 2 steps per candidate"), qPrintable(r.err));
    QVERIFY(text.contains("2 screening steps each"));
    QVERIFY(!QFile::exists(path("sweep/seed-10/latest.fvae")));  // nothing trained yet
    QProcess task;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("SLURM_ARRAY_TASK_ID", "2");
    task.setProcessEnvironment(env);
    task.start("bash", {path("sweep.sh")});
    QVERIFY(task.waitForFinished(120000));
    QVERIFY2(task.exitCode() == 0, task.readAllStandardError().constData());
    const auto cp = fvae::load_checkpoint(path("sweep/seed-12/latest.fvae").toStdString());
    QCOMPARE(cp.step, int64_t{2});
    QCOMPARE(cp.train.seed, uint64_t{12});
    QCOMPARE(cp.train.max_steps, int64_t{20});
  }

  void replicateLatentRandom() {
    auto r = run({"replicate", "--checkpoint", checkpoint(), "--count", "6", "--scale", "2", "--out", path("rep.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QImage rep = read_image(path("rep.png"));
    QCOMPARE(rep.size(), QSize((6 * 29 + 1) * 2, (2 * 29 + 1) * 2));

    r = run({"latent", "--checkpoint", checkpoint(), "--index", "3", "--scale", "1", "--out", path("lat.png"), "--gif",
             path("lat.gif")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QImage lat = read_image(path("lat.png"));
    // One row per latent dimension under a header row naming the columns' values (a line of text).
    QVERIFY2(lat.height() > 8 * 29 + 1 && lat.height() < 8 * 29 + 1 + 40, qPrintable(QString::number(lat.height())));
    const int header = lat.height() - (8 * 29 + 1);
    bool ink = false;  // the header holds text: some dark pixels on its white
    for (int y = 0; y < header; ++y)
      for (int x = 0; x < lat.width(); ++x) ink |= qGray(lat.pixel(x, y)) < 128;
    QVERIFY(ink);
    QVERIFY(lat.width() > (13 + 1) * 29);  // 13 values + difference map, plus the label margin
    int frames = 0;
    QVERIFY(!read_image(path("lat.gif"), &frames).isNull());
    QCOMPARE(frames, 13 + 11);  // forth and back

    // By default the traversal starts from a typical image: the one whose μ is nearest the median code of a seeded
    // sample (computed here independently of the command).
    r = run({"latent", "--checkpoint", checkpoint(), "--scale", "1", "--out", path("typical.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    {
      auto cp = fvae::load_checkpoint(checkpoint().toStdString());
      fvae::DatasetRequest request;
      request.spec = cp.dataset.spec, request.split = cp.dataset.split, request.size = 28, request.channels = 1;
      request.subset = cp.dataset.subset;
      auto data = fvae::open_dataset(request);
      auto indices = fvae::subset_indices(data->size(), std::min<int64_t>(1000, data->size()), 0);
      auto mu = fvae::encode(cp.networks->encoder, data->images(indices)).mu;
      int64_t nearest = 0;
      double best = 1e300;
      for (int64_t i = 0; i < mu.size(0); ++i) {
        double d = 0;
        for (int64_t j = 0; j < mu.size(1); ++j) {
          auto column = mu.select(1, j).contiguous();
          std::vector<float> v(column.data_ptr<float>(), column.data_ptr<float>() + column.numel());
          std::nth_element(v.begin(), v.begin() + (v.size() - 1) / 2, v.end());  // torch's median: the lower middle
          d += std::pow(mu[i][j].item<double>() - v[(v.size() - 1) / 2], 2);
        }
        if (d < best) best = d, nearest = i;
      }
      QVERIFY2(r.out.contains(QString("dataset image %1,").arg(indices[nearest].item<int64_t>())), qPrintable(r.out));
    }

    r = run({"latent", "--checkpoint", checkpoint(), "--base", "zero", "--absolute", "--limit", "2", "--step", "1",
             "--scale", "1", "--out", path("abs.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(read_image(path("abs.png")).width() > 6 * 29);

    r = run({"random", "--checkpoint", checkpoint(), "--count", "12", "--columns", "4", "--seed", "5", "--scale", "1",
             "--out", path("rnd.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QImage rnd = read_image(path("rnd.png"));
    QCOMPARE(rnd.size(), QSize(4 * 29 + 1, 3 * 29 + 1));
    // Same seed, same picture.
    run({"random", "--checkpoint", checkpoint(), "--count", "12", "--columns", "4", "--seed", "5", "--scale", "1",
         "--out", path("rnd2.png")});
    QCOMPARE(read_image(path("rnd2.png")), rnd);
  }

  // Where cron, Slurm or ssh as root leave no runtime folder and no display, a command prints its own output and
  // progress and nothing else (no Qt warnings), and its pictures still carry their labels (the core's bitmap font).
  void aServerSeesOnlyTheCommandsOwnOutput() {
    const QStringList server = {"XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"};
    const QList<QStringList> commands = {
        {"--help"},
        {"latent", "--help"},
        {"latent", "--checkpoint", checkpoint(), "--scale", "1", "--out", path("server.png")},
        {"responses", "--checkpoint", checkpoint(), "--samples-per-value", "2", "--out", path("server-resp.png")}};
    for (const QStringList& command : commands) {
      const auto r = fvae::testing::run_cli(command, server);
      QVERIFY2(r.exit_code == 0, qPrintable(command.join(' ') + ": " + r.err));
      for (const QString& line : r.err.split(QRegularExpression("[\r\n]"), Qt::SkipEmptyParts))
        QVERIFY2(line.contains(" ETA ") || line.contains(" elapsed "),  // progress lines only
                 qPrintable(command.join(' ') + " printed: " + line));
    }
    const QImage grid = read_image(path("server.png"));
    bool ink = false;  // the header row of values holds text
    for (int y = 0; y < grid.height() - (8 * 29 + 1); ++y)
      for (int x = 0; x < grid.width(); ++x) ink |= qGray(grid.pixel(x, y)) < 128;
    QVERIFY(ink);
    QVERIFY(!read_image(path("server-resp.png")).isNull());
  }

  void responsesWritePictureAndTable() {
    // A shapes model: factor responses, one curve per shape; the table has one row per factor, curve, dimension and
    // value (shape: pooled only; the other four factors: pooled and three shapes).
    auto r = run({"responses", "--checkpoint", checkpoint(), "--per-shape", "--samples-per-value", "4", "--out",
                  path("resp.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("Var[mu]"));
    QVERIFY(!read_image(path("resp.png")).isNull());
    QFile csv(path("resp.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const auto lines = QString(csv.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 8 * (3 + 4 * (6 + 40 + 32 + 32)));
    QVERIFY(lines[0].startsWith("factor,group,value,value_name,dimension"));
    // The same model against the shapes' first label (the shape) as classes.
    r = run({"responses", "--checkpoint", checkpoint(), "--classes", "--subset", "300", "--out", path("cls.png")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("300 images encoded"));
    QFile classes(path("cls.csv"));
    QVERIFY(classes.open(QIODevice::ReadOnly));
    QCOMPARE(QString(classes.readAll()).trimmed().split('\n').size(), 1 + 8 * 3);  // dimensions × shapes
    r = run({"responses", "--checkpoint", checkpoint(), "--factors", "--classes"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY(r.err.contains("not both"));
  }

  void evaluateReportsErrorsAndMetrics() {
    auto r = run({"evaluate", "--checkpoint", checkpoint(), "--subset", "300", "--train-votes", "100", "--eval-votes",
                  "50", "--mig-samples", "1000"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("images: 300"));
    QVERIFY(r.out.contains("reconstruction_bce_nats_per_image:"));
    QVERIFY(r.out.contains("reconstruction_mse_per_pixel:"));
    QVERIFY(r.out.contains("active_dimensions:"));
    QVERIFY(r.out.contains("factorvae_metric:"));
    QVERIFY(r.out.contains("mig:"));
    QVERIFY(r.out.contains("dimension 7 captures:"));
    QVERIFY(r.out.contains("mig_x_position:"));
    QVERIFY(r.out.contains("votes_x_position:"));

    // The tables need active dimensions: the 24-step checkpoint above has none, 60 steps of batch 32 open a few.
    auto trained = run({"train", "--dataset", "shapes", "--size", "28",      "--subset", "256",         "--batch-size",
                        "32",    "--steps",   "60",     "--seed", "3",       "--out",    path("run60"), "--quiet",
                        "--lr",  "1e-4",      "--beta", "1",      "--gamma", "35"});
    QVERIFY2(trained.exit_code == 0, qPrintable(trained.err));
    r = run({"evaluate", "--checkpoint", path("run60/latest.fvae"), "--subset", "300", "--train-votes", "100",
             "--eval-votes", "50", "--mig-samples", "1000"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));

    // The vote table: one row per factor, one column per dimension, every training vote counted once; a named
    // dimension is named after the factor that cast most of its votes.
    const QStringList factors{"shape", "scale", "orientation", "x_position", "y_position"};
    const QStringList lines = r.out.split('\n');
    auto row = [&](const QString& key) {
      for (const QString& line : lines)
        if (line.startsWith(key + ":")) return line.mid(key.size() + 1).split(' ', Qt::SkipEmptyParts);
      return QStringList();
    };
    std::vector<std::vector<int>> votes;
    int total = 0;
    for (const QString& factor : factors) {
      const QStringList cells = row("votes_" + factor);
      QCOMPARE(cells.size(), 8);
      votes.emplace_back();
      for (const QString& cell : cells) votes.back().push_back(cell.toInt()), total += cell.toInt();
    }
    QVERIFY2(row("factorvae_active_dims").value(0).toInt() > 0, qPrintable(r.out));
    QCOMPARE(total, 100);
    int named = 0;
    for (int d = 0; d < 8; ++d) {
      const QStringList captured = row(QString("dimension %1 captures").arg(d));
      if (captured.join(' ') == "(nothing)") continue;
      int best = 0;
      for (int k = 1; k < 5; ++k)
        if (votes[k][d] > votes[best][d]) best = k;
      QCOMPARE(captured.join('_'), factors[best]);
      ++named;
    }
    QVERIFY(named > 0);
    // The MI table: non-negative nats, and MIG's top dimension holds each factor's largest value.
    for (const QString& factor : factors) {
      const QStringList cells = row("mi_" + factor);
      QCOMPARE(cells.size(), 8);
      const QStringList mig = row("mig_" + factor);  // "0.1234 (top dimension N)"
      QCOMPARE(mig.size(), 4);
      const int top = mig[3].chopped(1).toInt();
      for (const QString& cell : cells) {
        QVERIFY(cell.toDouble() >= 0);
        QVERIFY(cells[top].toDouble() >= cell.toDouble());
      }
    }

    // --json: the same report as one document (read here with Qt's parser), with the settings the metrics ran under.
    const auto json = run({"evaluate", "--checkpoint", path("run60/latest.fvae"), "--subset", "300", "--train-votes",
                           "100", "--eval-votes", "50", "--mig-samples", "1000", "--json"});
    QVERIFY2(json.exit_code == 0, qPrintable(json.err));
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + "\n" + json.out));
    QCOMPARE(report["dataset"]["images"].toInt(), 300);
    QCOMPARE(report["model"]["latent_dim"].toInt(), 8);
    QCOMPARE(report["kl_per_dimension"].toArray().size(), 8);
    const QJsonObject metrics = report["metrics"].toObject();
    QCOMPARE(metrics["settings"]["train_votes"].toInt(), 100);
    QCOMPARE(metrics["settings"]["mig_samples"].toInt(), 1000);
    QCOMPARE(QString::number(metrics["factorvae_metric"].toDouble(), 'f', 4), row("factorvae_metric").value(0));
    QCOMPARE(QString::number(metrics["mig"].toDouble(), 'f', 4), row("mig").value(0));
    const QJsonArray per_factor = metrics["factors"].toArray();
    QCOMPARE(per_factor.size(), 5);
    for (int k = 0; k < 5; ++k) {
      const QJsonObject f = per_factor[k].toObject();
      QCOMPARE(f["name"].toString().replace(' ', '_'), factors[k]);
      QCOMPARE(QString::number(f["accuracy"].toDouble(), 'f', 4), row("accuracy_" + factors[k]).value(0));
      QJsonArray votes_row = f["votes_per_dimension"].toArray();
      for (int d = 0; d < 8; ++d) QCOMPARE(votes_row[d].toInt(), votes[static_cast<size_t>(k)][static_cast<size_t>(d)]);
    }
  }

  // encode: every requested image's mu and log sigma^2 as NumPy arrays, a CSV with the factors beside them and the
  // projector's files; the codes are the model's own (encoded here again) and the files name their problems.
  void encodeWritesCodesForOtherTools() {
    auto r = run({"encode", "--checkpoint", checkpoint(), "--dataset", "shapes", "--size", "28", "--images", "100",
                  "--seed", "5", "--projector-points", "40", "--out", path("codes")});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    for (const char* file :
         {"mu.npy", "logvar.npy", "indices.npy", "labels.npy", "codes.csv", "dimensions.csv", "projector/tensors.tsv",
          "projector/metadata.tsv", "projector/sprite.png", "projector/projector_config.pbtxt"})
      QVERIFY2(QFile::exists(path("codes/") + file), file);
    QFile csv(path("codes/codes.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const auto lines = QString(csv.readAll()).trimmed().split('\n');
    QCOMPARE(lines.size(), 101);
    const auto header = lines[0].split(',');
    QCOMPARE(header.first(), QString("index"));
    QVERIFY(header.contains("shape") && header.contains("mu_7") && header.contains("logvar_7"));
    QCOMPARE(header.size(), 1 + 5 + 2 * 8);  // index, five factors, mu and log sigma^2 of 8 dimensions

    // The rows are the images they name, encoded as the model encodes them.
    auto cp = fvae::load_checkpoint(checkpoint().toStdString());
    fvae::DatasetRequest request;
    request.spec = "shapes";
    request.size = 28;
    auto data = fvae::open_dataset(request);
    const int mu0 = static_cast<int>(header.indexOf("mu_0"));
    for (int row : {1, 50, 100}) {
      const auto values = lines[row].split(',');
      const int64_t index = values[0].toLongLong();
      const auto posterior = fvae::encode(cp.networks->encoder, data->images(torch::tensor({index})));
      for (int d = 0; d < 8; ++d)
        QVERIFY2(std::abs(values[mu0 + d].toDouble() - posterior.mu[0][d].item<double>()) < 1e-6,
                 qPrintable(lines[row]));
    }
    QFile tsv(path("codes/projector/tensors.tsv"));
    QVERIFY(tsv.open(QIODevice::ReadOnly));
    QCOMPARE(QString(tsv.readAll()).trimmed().split('\n').size(), 40);
    QCOMPARE(read_image(path("codes/projector/sprite.png")).width(), 7 * 28);  // ceil(sqrt(40)) images a row

    r = run({"encode", "--checkpoint", checkpoint(), "--dataset", "shapes", "--size", "32", "--out", path("x")});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("has 32×32 images, the model") && r.err.contains("takes 28×28 ones"), qPrintable(r.err));
    // A colour model and grey images: refused naming both, not converted unless asked. (A folder's images are read
    // at the model's channels, as folders always are: they have no channel count of their own.)
    QDir().mkpath(path("colour"));
    QImage colour(28, 28, QImage::Format_RGB888);
    colour.fill(QColor(200, 40, 10));
    for (int i = 0; i < 4; ++i) QVERIFY(colour.save(path("colour/%1.png").arg(i)));
    QCOMPARE(run({"train", "--dataset", path("colour"), "--channels", "3", "--size", "28", "--steps", "2",
                  "--batch-size", "2", "--threads", "1", "--out", path("colour-run"), "--quiet"})
                 .exit_code,
             0);
    r = run({"evaluate", "--checkpoint", path("colour-run/latest.fvae"), "--dataset", "shapes", "--no-metrics"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("has grey images (1 channel)") && r.err.contains("takes colour ones") &&
                 r.err.contains("--channels 3"),
             qPrintable(r.err));
    QCOMPARE(run({"evaluate", "--checkpoint", path("colour-run/latest.fvae"), "--dataset", path("colour"),
                  "--no-metrics"})
                 .exit_code,
             0);
    r = run({"encode", "--checkpoint", checkpoint(), "--images", "-3", "--out", path("x")});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("--images"), qPrintable(r.err));
    QVERIFY(!QFile::exists(path("x")));
  }

  void errorsAreClearAndLeaveNothing() {
    auto r = run({"train", "--dataset", path("missing.npz"), "--out", path("bad")});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("missing.npz") && r.err.contains("no such file"), qPrintable(r.err));

    QFile garbage(path("garbage.fvae"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(2000, 'x'));
    garbage.close();
    r = run({"latent", "--checkpoint", path("garbage.fvae"), "--out", path("never.png")});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("garbage.fvae") && r.err.contains("not a readable"), qPrintable(r.err));
    QVERIFY(!QFile::exists(path("never.png")));

    r = run({"train", "--dataset", "shapes", "--size", "48", "--out", path("bad")});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("image size must be 28, 32 or 64"), qPrintable(r.err));
    r = run({"random", "--checkpoint", checkpoint(), "--temperature", "abc"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY(r.err.contains("--temperature needs a number"));
    // Seeds are 0 … 2^64 − 1: a sign or an overflow is refused before anything trains or is written.
    for (const char* seed : {"-1", "18446744073709551616"}) {
      r = run(
          {"train", "--dataset", "shapes", "--size", "28", "--steps", "1", "--seed", seed, "--out", path("bad-seed")});
      QCOMPARE(r.exit_code, 1);
      QVERIFY2(r.err.contains("--seed needs an integer from 0 to 18446744073709551615"), qPrintable(r.err));
      QVERIFY(!QFile::exists(path("bad-seed/latest.fvae")));
    }
    // Threads and time budgets that cannot work are refused with what would, before anything is started: no folder.
    const QString cores = QString::number(QThread::idealThreadCount());
    const struct {
      QStringList options;
      QString says;
    } refused[] = {
        {{"--threads", "0"}, "--threads must lie in 1.." + cores},
        {{"--threads", "1000"}, "--threads must lie in 1.." + cores},
        {{"--minutes", "0"}, "--minutes: the time budget must be a positive number of minutes, got 0"},
        {{"--minutes", "-5"}, "--minutes: the time budget must be a positive number of minutes, got -5"},
        {{"--minutes", "1e9"}, "at most a week"},
        {{"--minutes", "abc"}, "--minutes needs a number"},
        {{"--minutes", "5", "--steps", "100"}, "give --minutes or a step budget"},
        {{"--minutes", "0.01"}, "the smallest run (100 steps) needs"},
        {{"--minutes", "0.01", "--candidates", "4"}, "the smallest pipeline"},
    };
    for (const auto& bad : refused) {
      QDir(path("bad-budget")).removeRecursively();
      r = run(QStringList{"train", "--dataset", "shapes", "--size", "28", "--out", path("bad-budget")} + bad.options);
      QVERIFY2(r.exit_code != 0 && r.err.contains(bad.says), qPrintable(bad.options.join(' ') + ": " + r.err));
      QVERIFY2(!QFile::exists(path("bad-budget/latest.fvae")), qPrintable(bad.options.join(' ')));
    }
  }

  void interruptSavesAndStops() {
    QProcess p;
    p.start(qEnvironmentVariable("FACTORVAE_CLI"),
            {"train", "--dataset", "shapes", "--size", "28", "--steps", "1000000", "--out", path("long")});
    QVERIFY(p.waitForStarted());
    // The progress line appears after the first step: then there is something to save.
    QByteArray progress;
    QVERIFY(QTest::qWaitFor(
        [&] {
          p.waitForReadyRead(50);
          progress += p.readAllStandardError();
          return progress.contains("train [");
        },
        120000));
    p.terminate();  // SIGTERM, handled like Ctrl-C
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 130);
    auto cp = fvae::load_checkpoint(path("long/latest.fvae").toStdString());
    QVERIFY(cp.step > 0 && cp.step < 1000000);
    QVERIFY(cp.has_training_state);
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
