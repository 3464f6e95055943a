// The service layer on its own (app/service, no widgets): writing images and codes, converting images, background
// jobs (newest wins, errors reported, one frozen set of weights per job), the decode service with a failing model.
#include <torch/torch.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "app/service/decode_model.h"
#include "app/service/decode_service.h"
#include "app/service/errors.h"
#include "app/service/image_export.h"
#include "app/service/job_tracker.h"
#include "app/service/tensor_images.h"
#include "model/inference/inference.h"
#include "model/io/npy.h"
#include "model/nn/networks.h"
#include "live_model.h"

using namespace fvae;
using testing::live_model;

class TestService : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

 private slots:
  // Samples as separate files with their codes, as a script wants them: PNGs that read back, and an .npy of the codes.
  void samplesSaveAsFilesWithTheirCodes() {
    QVector<QImage> images;
    QVector<QVector<float>> codes;
    for (int i = 0; i < 3; ++i) {
      QImage image(28, 28, QImage::Format_Grayscale8);
      image.fill(40 * i);
      images << image;
      codes << QVector<float>{0.5f * i, -1.0f, 2.0f + i};
    }
    const QString folder = dir_.filePath("samples-out");
    service::writeImageFiles(folder, "samples", images, codes);
    for (int i = 0; i < 3; ++i) {
      const QImage back(QDir(folder).filePath(QString("samples-%1.png").arg(i, 3, 10, QChar('0'))));
      QCOMPARE(qGray(back.pixel(5, 5)), 40 * i);
    }
    QFile npy(QDir(folder).filePath("samples-codes.npy"));
    QVERIFY(npy.open(QIODevice::ReadOnly));
    const QByteArray bytes = npy.readAll();
    const auto array = parse_npy("codes", std::vector<uint8_t>(bytes.begin(), bytes.end()));
    QCOMPARE(array.shape, (std::vector<int64_t>{3, 3}));
    QCOMPARE(array.data[2][2].item<float>(), 4.0f);
    QCOMPARE(array.data[1][0].item<float>(), 0.5f);
  }

  // Images to tensors and back: every pixel in its place and every channel in its place (an image of one colour
  // could not tell a swapped axis or channel order).
  void imageConversionKeepsPositionsAndChannels() {
    QImage image(7, 5, QImage::Format_RGB32);
    for (int y = 0; y < 5; ++y)
      for (int x = 0; x < 7; ++x) image.setPixel(x, y, qRgb(30 * x, 50 * y, 255 - 10 * x - 20 * y));
    const auto rgb = service::image_pixels(image, 3);
    QCOMPARE(rgb.sizes().vec(), (std::vector<int64_t>{3, 5, 7}));
    for (int y = 0; y < 5; ++y)
      for (int x = 0; x < 7; ++x) {
        QCOMPARE(qRound(rgb[0][y][x].item<float>() * 255), 30 * x);
        QCOMPARE(qRound(rgb[1][y][x].item<float>() * 255), 50 * y);
        QCOMPARE(qRound(rgb[2][y][x].item<float>() * 255), 255 - 10 * x - 20 * y);
      }
    QCOMPARE(service::to_qimage(rgb).convertToFormat(QImage::Format_RGB32), image);
    // Grey: Qt's own conversion, pixel by pixel, and back.
    const auto grey = service::image_pixels(image, 1);
    const QImage qt_grey = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < 5; ++y)
      for (int x = 0; x < 7; ++x) QCOMPARE(qRound(grey[0][y][x].item<float>() * 255), qGray(qt_grey.pixel(x, y)));
    QCOMPARE(service::to_qimage(grey), qt_grey);
  }

  void longJobsReadOneFrozenSetOfWeights() {
    // A traversal of a model that a training refreshes: the weights change while the grid is being decoded (here
    // deterministically, from its progress callback, between two dimensions). Every row must still come from the
    // weights the traversal started with.
    const auto model = live_model(11);
    const auto snapshot = model.snapshot;
    const auto second = model.second;
    const auto live = model.live;
    auto before = live->frozen();  // a copy: stays as `first` whatever happens to the snapshot
    QVERIFY(before != live);
    QCOMPARE(service::snapshotModel(snapshot, "file", "file", false)->frozen().get() != nullptr, true);

    const QVector<float> base(8, 0.2f);
    int calls = 0;
    auto traversal = live->traversal(base, false, [&](int done, int) {
      if (done == 1 && calls++ == 0) snapshot->update_from(*second);  // "a training step" after the first row
      return true;
    });
    QCOMPARE(calls, 1);
    QCOMPARE(traversal.grid, before->traversal(base, false, {}).grid);
    // The live model itself now decodes the new weights.
    QVERIFY(live->decode(base) != before->decode(base));
    auto after = service::snapshotModel(snapshot, "after", "after", false);
    QCOMPARE(live->decode(base), after->decode(base));
  }

  void jobTrackerRunsTheNewestJobAndReportsErrors() {
    service::JobTracker tracker;
    std::atomic<bool> release{false}, saw_cancel{false};
    std::atomic<int> ran{0};
    QStringList delivered;
    tracker.start<QString>(
        [&](service::TaskControl& control) {
          ++ran;
          while (!release && !control.cancelled) std::this_thread::yield();
          saw_cancel = control.cancelled.load();
          return QStringLiteral("first");
        },
        [&](const QString& r) { delivered << r; });
    QVERIFY(tracker.isBusy());
    QTRY_COMPARE(ran.load(), 1);
    for (const char* name : {"second", "third"})
      tracker.start<QString>(
          [&, name](service::TaskControl&) {
            ++ran;
            return QString(name);
          },
          [&](const QString& r) { delivered << r; });
    // The first job was told to stop, the second never ran, the third's result is the one delivered.
    QTRY_VERIFY(!tracker.isBusy());
    QVERIFY(saw_cancel);
    QCOMPARE(ran.load(), 2);
    QCOMPARE(delivered, QStringList{"third"});

    // An exception in a job is a message, not std::terminate.
    QSignalSpy failed(&tracker, &service::JobTracker::failed);
    tracker.start<int>([](service::TaskControl&) -> int { throw std::runtime_error("the disk is full"); },
                       [&](const int&) { delivered << "never"; });
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().toString(), QString("the disk is full"));
    QCOMPARE(delivered.size(), 1);

    // A view closed while its job runs: the job ends on the pool, nothing is delivered to the dead view.
    std::atomic<bool> running{false}, finished{false};
    {
      service::JobTracker short_lived;
      short_lived.start<int>(
          [&](service::TaskControl& control) {
            running = true;
            while (!control.cancelled) std::this_thread::yield();
            finished = true;
            return 1;
          },
          [&](const int&) { delivered << "dead view"; });
      QTRY_VERIFY(running);
    }
    QTRY_VERIFY(finished);
    QTest::qWait(0);
    QCoreApplication::processEvents();
    QCOMPARE(delivered.size(), 1);

    // Shutdown cancels whatever runs and joins the pools.
    std::atomic<bool> started{false}, stopped{false};
    tracker.start<int>(
        [&](service::TaskControl& control) {
          started = true;
          while (!control.cancelled) std::this_thread::yield();
          stopped = true;
          return 0;
        },
        [](const int&) {});
    QTRY_VERIFY(started);
    QVERIFY(service::JobTracker::shutdown(30000));
    QVERIFY(stopped);

    // The unbounded shutdown (the one the application's exit runs) waits too, also for a job that takes a while to
    // stop: it once returned at once, and the pools' last jobs then wrote into the destroyed job registry.
    auto slow = std::make_shared<std::atomic<int>>(0);  // 1 started, 2 stopped; owned by the job too
    service::JobTracker another;  // the first tracker's last result was dropped by the shutdown: it stays busy
    another.start<int>(
        [slow](service::TaskControl& control) {
          *slow = 1;
          while (!control.cancelled) std::this_thread::yield();
          const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
          while (std::chrono::steady_clock::now() < until) std::this_thread::yield();  // a slow clean-up
          *slow = 2;
          return 0;
        },
        [](const int&) {});
    QTRY_COMPARE(slow->load(), 1);
    QVERIFY(service::JobTracker::shutdown(-1));
    QCOMPARE(slow->load(), 2);
  }

  void decodeServiceReportsAFailingModel() {
    struct Broken : service::DecodeModel {
      int latentDim() const override { return 2; }
      int imageSize() const override { return 28; }
      int channels() const override { return 1; }
      QString description() const override { return "broken"; }
      QString name() const override { return "broken"; }
      bool isLive() const override { return false; }
      void endLive() override {}
      QImage decode(const QVector<float>&) override { throw std::runtime_error("cannot decode: tensor shape"); }
      QVector<float> encodeMean(const QImage&) override { return {}; }
      QVector<service::Reconstruction> reconstruct(const QVector<QImage>&) override { return {}; }
      QVector<QImage> interpolate(const QVector<float>&, const QVector<float>&, int, bool) override { return {}; }
      service::Traversal traversal(const QVector<float>&, bool, const std::function<bool(int, int)>&) override {
        return {};
      }
      quint64 version() const override { return 0; }
      std::shared_ptr<service::DecodeModel> frozen() override { return nullptr; }
    };
    service::DecodeService decoder;
    decoder.setModel(std::make_shared<Broken>());
    QSignalSpy failed(&decoder, &service::DecodeService::failed);
    QSignalSpy decoded(&decoder, &service::DecodeService::decoded);
    decoder.request({0.0f, 1.0f});
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains("tensor shape"));
    QCOMPARE(decoded.size(), 0);
  }
};

QTEST_GUILESS_MAIN(TestService)
#include "test_service.moc"
