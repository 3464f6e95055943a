// Dataset readers and image writers on fixtures made here: MedMNIST .npz (stored and deflated), IDX (plain and
// gzip), image folders, and damaged variants of each. Every error must name the file.
#include <torch/torch.h>

#include <QColor>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

#include <sys/resource.h>

#include <zlib.h>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/safetensors_file.h"
#include "model/io/dataset_loader.h"
#include "model/io/image_files.h"
#include "model/io/npy.h"
#include "model/io/readers.h"
#include "model/tensorboard/event_file.h"
#include "test_support.h"

using namespace fvae;
using fvae::testing::medmnist_members;
using fvae::testing::ramp_images;
using fvae::testing::write_zip;

namespace {

void expect_error_naming(const std::function<void()>& f, const std::string& path, const std::string& words) {
  try {
    f();
    QFAIL("no error for a bad file");
  } catch (const DatasetError& e) {
    const std::string message = e.what();
    QVERIFY2(message.find(path) != std::string::npos, e.what());
    QVERIFY2(message.find(words) != std::string::npos, e.what());
  }
}

// A safetensors file from its parts, as the specification lays it out: u64 little-endian header length, header, data.
std::string safetensors_file(const std::string& header, const std::string& data) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<char>((header.size() >> (8 * i)) & 0xff);
  return out + header + data;
}

// zlib's CRC-32 (an implementation independent of ours) as eight hex digits.
std::string zlib_crc(const std::string& first, const std::string& second = {}) {
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(first.data()), static_cast<uInt>(first.size()));
  crc = crc32(crc, reinterpret_cast<const Bytef*>(second.data()), static_cast<uInt>(second.size()));
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08lx", crc);
  return hex;
}

// A small valid checkpoint-style file written by hand from the specification: one F32 tensor "w" of two values, a
// "format" text, and the checksums. The parts can be replaced to damage it.
struct HandMadeSafetensors {
  std::string dtype = "F32", shape = "[2]", offsets = "[0,8]";
  std::string data = std::string("\x00\x00\x80\x3f\x00\x00\x00\x40", 8);  // 1.0f, 2.0f
  std::string format = "FactorVAE Studio checkpoint 3";
  std::string checksum_of_w;  // empty: computed over dtype, shape and data

  std::string bytes() const {
    const std::string w_crc = checksum_of_w.empty() ? zlib_crc(dtype + shape, data.substr(0, 8)) : checksum_of_w;
    const std::string checksums = "format " + zlib_crc(format) + "\\nw " + w_crc + "\\n";
    return safetensors_file("{\"__metadata__\":{\"format\":\"" + format + "\",\"checksums\":\"" + checksums +
                                "\"},\"w\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape +
                                ",\"data_offsets\":" + offsets + "}}",
                            data);
  }
};

}  // namespace

class TestReaders : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::string file(const char* name) { return dir_.filePath(name).toStdString(); }

 private slots:
  // TFRecord framing's checksum: CRC-32C's check value (RFC 3720, B.4) and TensorFlow's masking of it.
  void crc32cCheckValues() {
    using namespace fvae::tensorboard;
    QCOMPARE(crc32c("123456789", 9), 0xE3069283u);
    const char zeros[32] = {};
    QCOMPARE(crc32c(zeros, 32), 0x8A9136AAu);  // RFC 3720 B.4: 32 bytes of zeros
    const uint32_t crc = crc32c("abc", 3);
    QCOMPARE(masked_crc32c("abc", 3), ((crc >> 15) | (crc << 17)) + 0xa282ead8u);
  }

  void medmnistNpz_data() {
    QTest::addColumn<bool>("deflate");
    QTest::addColumn<int>("version");
    QTest::addColumn<int>("channels");
    QTest::newRow("stored v1 grey") << false << 1 << 0;
    QTest::newRow("deflated v1 grey") << true << 1 << 0;
    QTest::newRow("deflated v2 rgb") << true << 2 << 3;
    QTest::newRow("stored v3 grey") << false << 3 << 0;
  }
  void medmnistNpz() {
    QFETCH(bool, deflate);
    QFETCH(int, version);
    QFETCH(int, channels);
    auto images = ramp_images(5, 28, channels);
    auto labels = torch::randint(2, {5, 14}, torch::kUInt8);  // ChestMNIST: 14 binary labels
    const std::string path = file("chest.npz");
    write_zip(path, medmnist_members(images, labels, version), deflate);
    auto raw = read_medmnist_npz(path, "train");
    auto expected = channels ? images.permute({0, 3, 1, 2}) : images.unsqueeze(1);
    QVERIFY(torch::equal(raw.images, expected));
    QVERIFY(torch::equal(raw.labels, labels.to(torch::kLong)));
    QCOMPARE(read_medmnist_npz(path, "val").images.size(0), int64_t{2});
    auto data = open_dataset({path, "train", 0, 0, 0, 0});
    QCOMPARE(data->size(), int64_t{5});
    QCOMPARE(data->shape().channels, int64_t(channels ? 3 : 1));
    auto first = data->images(torch::tensor({0}, torch::kLong));
    QVERIFY(torch::allclose(first[0], expected[0].to(torch::kFloat) / 255));
  }

  void npzIsResizedAndConverted() {
    const std::string path = file("big.npz");
    auto images = torch::zeros({3, 64, 64, 3}, torch::kUInt8);
    images.select(3, 0).fill_(200);  // pure red-ish
    write_zip(path, medmnist_members(images, torch::zeros({3, 1}, torch::kUInt8), 1), true);
    auto data = open_dataset({path, "train", 28, 1, 0, 0});
    QCOMPARE(data->shape().height, int64_t{28});
    QCOMPARE(data->shape().channels, int64_t{1});
    const float grey = data->images(torch::tensor({1}, torch::kLong)).mean().item<float>();
    QVERIFY(std::abs(grey - std::round(200 * 0.299) / 255) < 1e-3);
    QCOMPARE(supported_size_for(64), int64_t{64});
    QCOMPARE(open_dataset({path, "train", 0, 0, 0, 0})->shape().height, int64_t{64});
  }

  void damagedNpz_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("words");
    QTest::newRow("truncated archive") << "truncate"
                                       << "not a readable .npz";
    QTest::newRow("garbage") << "garbage"
                             << "not a readable .npz";
    QTest::newRow("missing member") << "missing"
                                    << "no member 'train_images.npy'";
    QTest::newRow("wrong npy magic") << "magic"
                                     << "wrong magic";
    QTest::newRow("float images") << "dtype"
                                  << "must be uint8";
    QTest::newRow("wrong rank") << "rank"
                                << "N×H×W";
    QTest::newRow("header larger than data") << "short"
                                             << "truncated";
    QTest::newRow("label count mismatch") << "labels"
                                          << "does not match";
    QTest::newRow("no images") << "empty"
                               << "holds no images";
  }
  void damagedNpz() {
    QFETCH(QString, damage);
    QFETCH(QString, words);
    const std::string path = file("damaged.npz");
    auto images = ramp_images(4, 28);
    auto labels = torch::zeros({4, 1}, torch::kUInt8);
    std::vector<std::pair<std::string, std::vector<uint8_t>>> members = {{"train_images.npy", make_npy(images)},
                                                                         {"train_labels.npy", make_npy(labels)}};
    if (damage == "missing") members.erase(members.begin());
    if (damage == "magic") members[0].second[1] = 'X';
    if (damage == "dtype") members[0].second = make_npy(images.to(torch::kFloat));
    if (damage == "rank") members[0].second = make_npy(images.view({4, 784}));
    if (damage == "short") members[0].second.resize(members[0].second.size() - 100);
    if (damage == "labels") members[1].second = make_npy(torch::zeros({3, 1}, torch::kUInt8));
    if (damage == "empty") members[0].second = make_npy(torch::zeros({0, 28, 28}, torch::kUInt8));
    write_zip(path, members, true);
    auto bytes = testing::read_bytes(path);
    if (damage == "truncate")
      testing::write_bytes(path, std::vector<uint8_t>(bytes.begin(), bytes.begin() + bytes.size() / 2));
    if (damage == "garbage") testing::write_bytes(path, std::vector<uint8_t>(1000, 0x42));
    expect_error_naming([&] { open_dataset({path, "train", 0, 0, 0, 0}); }, path, words.toStdString());
  }

  void idxPlainAndGzip_data() {
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
  }
  void idxPlainAndGzip() {
    QFETCH(bool, gzip);
    QDir(dir_.path()).mkpath(gzip ? "gz" : "plain");
    const std::string folder = dir_.filePath(gzip ? "gz" : "plain").toStdString();
    const std::string suffix = gzip ? ".gz" : "";
    auto images = ramp_images(6, 28);
    auto labels = torch::tensor({0, 1, 2, 3, 4, 9}, torch::kUInt8);
    testing::write_idx(folder + "/train-images-idx3-ubyte" + suffix, images, gzip);
    testing::write_idx(folder + "/train-labels-idx1-ubyte" + suffix, labels, gzip);
    testing::write_idx(folder + "/t10k-images-idx3-ubyte" + suffix, images.narrow(0, 0, 2), gzip);
    QVERIFY(torch::equal(read_idx(folder + "/train-images-idx3-ubyte" + suffix), images.unsqueeze(1)));
    auto data = open_dataset({folder, "train", 0, 0, 0, 0});
    QCOMPARE(data->size(), int64_t{6});
    QVERIFY(torch::equal(data->labels(torch::arange(6, torch::kLong)).squeeze(1), labels.to(torch::kLong)));
    QCOMPARE(open_dataset({folder, "test", 0, 0, 0, 0})->size(), int64_t{2});
    auto single = open_dataset({folder + "/train-images-idx3-ubyte" + suffix, "train", 32, 0, 0, 0});
    QCOMPARE(single->shape().height, int64_t{32});
  }

  void damagedIdx_data() {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("words");
    QTest::newRow("wrong magic") << "magic"
                                 << "wrong magic";
    QTest::newRow("truncated plain") << "truncate"
                                     << "does not hold";
    QTest::newRow("header larger than file") << "more"
                                             << "does not hold";
    QTest::newRow("absurd header") << "huge"
                                   << "absurd";
    QTest::newRow("truncated gzip") << "truncate-gz"
                                    << "truncated";
    QTest::newRow("corrupt gzip") << "corrupt-gz"
                                  << "";
    QTest::newRow("rank 2") << "rank"
                            << "rank";
    QTest::newRow("int32 data") << "type"
                                << "unsigned-byte";
  }
  void damagedIdx() {
    QFETCH(QString, damage);
    QFETCH(QString, words);
    const bool gz = damage.endsWith("-gz");
    const std::string path = file(gz ? "bad-images-idx3-ubyte.gz" : "bad-images-idx3-ubyte");
    testing::write_idx(path, ramp_images(10, 28), gz);
    auto bytes = testing::read_bytes(path);
    if (damage == "magic") bytes[0] = 7;
    if (damage == "truncate" || damage == "truncate-gz") bytes.resize(bytes.size() / 2);
    if (damage == "more") bytes[7] = 11;    // 11 images promised, 10 present
    if (damage == "huge") bytes[4] = 0x7f;  // 2 billion images promised
    if (damage == "corrupt-gz")
      for (size_t i = 20; i < bytes.size() - 8; i += 7) bytes[i] ^= 0x5a;
    if (damage == "rank") bytes[3] = 2;
    if (damage == "type") bytes[2] = 0x0c;
    testing::write_bytes(path, bytes);
    expect_error_naming([&] { read_idx(path); }, path, words.toStdString());
  }

  void imageFolder() {
    QDir root(dir_.filePath("folder"));
    root.mkpath("cats");
    root.mkpath("dogs");
    for (int i = 0; i < 3; ++i) {
      QImage image(40, 40, QImage::Format_RGB888);
      image.fill(QColor(i * 100, 50, 10));
      QVERIFY(image.save(root.filePath(QString("cats/%1.png").arg(i))));
      QVERIFY(image.save(root.filePath(QString("dogs/%1.bmp").arg(i))));
    }
    auto raw = read_image_folder(root.path().toStdString(), 1, 28);
    QCOMPARE(raw.images.sizes().vec(), (std::vector<int64_t>{6, 1, 28, 28}));
    QCOMPARE(raw.labels.select(1, 0).sum().item<int64_t>(), int64_t{3});  // three in the second class folder
    // Qt's own colour-managed conversion of the stored file (sRGB-aware, so not plain qGray).
    const QImage stored(root.filePath("cats/2.png"));
    const int expected = qGray(stored.convertToFormat(QImage::Format_Grayscale8).pixel(10, 10));
    QVERIFY(expected > 60 && expected < 140);
    QVERIFY2(std::abs(raw.images[2][0][10][10].item<int>() - expected) <= 1,
             qPrintable(QString("%1 vs %2").arg(raw.images[2][0][10][10].item<int>()).arg(expected)));
    auto data = open_dataset({root.path().toStdString(), "all", 28, 3, 0, 0});
    QCOMPARE(data->shape().channels, int64_t{3});

    // One unreadable file among good ones: left out, named with its reason; the labels stay with their images.
    testing::write_bytes(root.filePath("dogs/broken.png").toStdString(), std::vector<uint8_t>(50, 1));
    const std::string broken = root.filePath("dogs/broken.png").toStdString();
    auto with_broken = read_image_folder(root.path().toStdString(), 1, 28);
    QCOMPARE(with_broken.images.size(0), int64_t{6});
    QVERIFY(torch::equal(with_broken.images, raw.images));
    QVERIFY(torch::equal(with_broken.labels, raw.labels));
    QCOMPARE(with_broken.skipped_files.size(), size_t{1});
    QVERIFY2(with_broken.skipped_files[0].find(broken) != std::string::npos &&
                 with_broken.skipped_files[0].find("cannot read") != std::string::npos,
             with_broken.skipped_files[0].c_str());
    auto opened = open_dataset({root.path().toStdString(), "all", 28, 1, 0, 0});
    QCOMPARE(opened->size(), int64_t{6});
    QCOMPARE(opened->skipped_files().size(), size_t{1});
    QVERIFY(opened->description().find("1 unreadable files skipped") != std::string::npos);
    // Only a folder in which nothing can be read is an error.
    QDir(dir_.filePath("all-broken")).mkpath(".");
    const std::string only = dir_.filePath("all-broken/a.png").toStdString();
    testing::write_bytes(only, std::vector<uint8_t>(50, 1));
    expect_error_naming([&] { read_image_folder(dir_.filePath("all-broken").toStdString(), 1, 28); }, only,
                        "cannot read");
    QDir(dir_.filePath("empty")).mkpath(".");
    expect_error_naming([&] { read_image_folder(dir_.filePath("empty").toStdString(), 1, 28); },
                        dir_.filePath("empty").toStdString(), "no image files");
    expect_error_naming(
        [&] {
          open_dataset({file("nothing-here"), "train", 0, 0, 0, 0});
        },
        file("nothing-here"), "no such file");
  }

  void installedFashionMnist() {
    const std::string folder = installed_fashion_mnist();
    if (folder.empty()) QSKIP("dataset-fashion-mnist is not installed");
    auto data = open_dataset({folder, "test", 0, 0, 0, 0});
    QCOMPARE(data->size(), int64_t{10000});
    QCOMPARE(data->shape().height, int64_t{28});
    auto labels = data->labels(torch::arange(10000, torch::kLong));
    QCOMPARE(labels.max().item<int64_t>(), int64_t{9});
  }

  void pngAndGifRoundTrip() {
    auto image = torch::zeros({1, 4, 6});
    image[0][1][2] = 1.0;
    image[0][3][5] = 0.5;
    const std::string png = file("out.png");
    save_png(png, image, {3, {}, 0, 0});
    QImageReader reader(QString::fromStdString(png));
    QImage read = reader.read();
    QCOMPARE(read.size(), QSize(18, 12));
    QCOMPARE(qGray(read.pixel(2 * 3 + 1, 1 * 3 + 1)), 255);  // crisp upscaling: a 3×3 block per pixel
    QCOMPARE(qGray(read.pixel(5 * 3, 3 * 3 + 2)), 128);
    QCOMPARE(qGray(read.pixel(0, 0)), 0);

    const std::string gif = file("out.gif");
    std::vector<torch::Tensor> frames = {image, 1 - image, torch::full({1, 4, 6}, 0.25)};
    save_gif(gif, frames, 100, {2, {}, 0, 0});
    QImageReader gif_reader(QString::fromStdString(gif));
    QCOMPARE(gif_reader.format(), QByteArray("gif"));
    QCOMPARE(gif_reader.imageCount(), 3);
    QImage f0 = gif_reader.read();
    QCOMPARE(f0.size(), QSize(12, 8));
    QCOMPARE(qGray(f0.pixel(2 * 2, 1 * 2)), 255);
    QImage f1 = gif_reader.read();
    QCOMPARE(qGray(f1.pixel(0, 0)), 255);
    QCOMPARE(gif_reader.nextImageDelay(), 100);

    auto rgb = torch::rand({3, 5, 5});
    save_gif(file("rgb.gif"), {rgb, rgb.flip(2)}, 50, {});
    QCOMPARE(QImageReader(dir_.filePath("rgb.gif")).imageCount(), 2);
    QVERIFY_THROWS_EXCEPTION(ExportError, save_png(file("no/such/dir/x.png"), image, {}));
    QVERIFY(!QFileInfo::exists(dir_.filePath("no")));

    // Outputs are readable by others like any new file (0666 less the umask), the GIF as the PNG.
    QCOMPARE(QFileInfo(QString::fromStdString(gif)).permissions(),
             QFileInfo(QString::fromStdString(png)).permissions());
    QVERIFY(QFileInfo(QString::fromStdString(gif)).permissions() & QFileDevice::ReadOther);
  }

  // Our writer against the specification, read with Qt's JSON parser and zlib's CRC: the header length, the 8-byte
  // padding, every entry's dtype, shape and offsets, the bytes, the metadata and its checksums.
  void safetensorsLayoutFollowsTheSpecification() {
    Records records;
    records["format"].text = "FactorVAE Studio checkpoint 3";
    records["format"].is_text = true;
    records["a.weight"].tensor = torch::arange(6, torch::kFloat).reshape({2, 3});
    records["b"].tensor = torch::tensor(int64_t{-7});
    records["c"].tensor = torch::zeros({0, 4}, torch::kBFloat16);
    records["d"].tensor = torch::tensor({true, false});
    const std::string bytes = encode_safetensors(records);
    uint64_t n = 0;
    for (int i = 0; i < 8; ++i) n |= uint64_t{static_cast<uint8_t>(bytes[static_cast<size_t>(i)])} << (8 * i);
    QCOMPARE(n % 8, uint64_t{0});
    QVERIFY(8 + n <= bytes.size());
    QJsonParseError error{};
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray(bytes.data() + 8, static_cast<int>(n)), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const std::string data = bytes.substr(8 + n);
    QCOMPARE(header.keys(), QStringList({"__metadata__", "a.weight", "b", "c", "d"}));
    QStringList wrong;  // QCOMPARE cannot return a value from a lambda: problems are collected and checked below
    auto entry = [&](const char* name, const char* dtype, QJsonArray shape, uint64_t size) -> std::string {
      const QJsonObject e = header.value(name).toObject();
      if (e.value("dtype").toString() != QString(dtype)) wrong << QString("%1: dtype").arg(name);
      if (e.value("shape").toArray() != shape) wrong << QString("%1: shape").arg(name);
      const auto begin = static_cast<uint64_t>(e.value("data_offsets").toArray().at(0).toDouble());
      const auto end = static_cast<uint64_t>(e.value("data_offsets").toArray().at(1).toDouble());
      if (end - begin != size) wrong << QString("%1: size").arg(name);
      return data.substr(static_cast<size_t>(begin), static_cast<size_t>(size));
    };
    const std::string a = entry("a.weight", "F32", {2, 3}, 24);
    QCOMPARE(std::memcmp(a.data(), records["a.weight"].tensor.data_ptr(), 24), 0);
    const std::string b = entry("b", "I64", {}, 8);
    QCOMPARE(static_cast<uint8_t>(b[0]), uint8_t{0xf9});  // -7, little-endian
    entry("c", "BF16", {0, 4}, 0);
    QCOMPARE(entry("d", "BOOL", {2}, 2), std::string("\x01\x00", 2));
    QCOMPARE(data.size(), size_t{24 + 8 + 2});  // nothing else in the data
    QCOMPARE(wrong, QStringList());
    const QJsonObject metadata = header.value("__metadata__").toObject();
    QCOMPARE(metadata.value("format").toString(), QString("FactorVAE Studio checkpoint 3"));
    const QStringList checksums = metadata.value("checksums").toString().split('\n', Qt::SkipEmptyParts);
    QVERIFY(checksums.contains(QString::fromStdString("a.weight " + zlib_crc("F32[2,3]", a))));
    QVERIFY(checksums.contains(QString::fromStdString("b " + zlib_crc("I64[]", b))));
    QVERIFY(checksums.contains(QString::fromStdString("format " + zlib_crc("FactorVAE Studio checkpoint 3"))));
    QCOMPARE(checksums.size(), 5);

    // And back: every tensor and text as written; the hand-made file of the specification reads too.
    const Records back = decode_safetensors("x.fvae", bytes);
    QCOMPARE(back.size(), records.size());
    for (const auto& [name, record] : records) {
      QCOMPARE(back.at(name).is_text, record.is_text);
      if (record.is_text)
        QCOMPARE(back.at(name).text, record.text);
      else
        QVERIFY(back.at(name).tensor.dtype() == record.tensor.dtype() &&
                torch::equal(back.at(name).tensor, record.tensor));
    }
    const Records hand = decode_safetensors("hand.fvae", HandMadeSafetensors{}.bytes());
    QVERIFY(torch::equal(hand.at("w").tensor, torch::tensor({1.0f, 2.0f})));
  }

  void damagedSafetensors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("words");
    auto row = [](const char* name, const std::string& bytes, const char* words) {
      QTest::newRow(name) << QByteArray(bytes.data(), static_cast<int>(bytes.size())) << QString(words);
    };
    const std::string good = HandMadeSafetensors{}.bytes();
    row("truncated in the data", good.substr(0, good.size() - 3), "truncated");
    row("truncated in the header", good.substr(0, 40), "truncated: its safetensors header claims");
    row("cut after the length", good.substr(0, 9), "truncated");
    std::string huge = good;
    huge[5] = 1;  // a header of 2^40 bytes
    row("oversized header", huge, "at most 100 MiB");
    HandMadeSafetensors h;
    h.offsets = "[0,16]";
    row("offsets beyond the data", h.bytes(), "lies at bytes 0");
    h = {};
    h.offsets = "[8,0]";
    row("offsets reversed", h.bytes(), "lies at bytes");
    h = {};
    h.offsets = "[0,4]";
    h.shape = "[1]";
    row("bytes after the last tensor", h.bytes(), "belong to none");
    h = {};
    h.data += "\x01\x02\x03\x04";
    h.offsets = "[4,12]";
    row("a gap before a tensor", h.bytes(), "leaves a gap");
    h = {};
    h.dtype = "F8_E4M3";
    row("a dtype this program does not read", h.bytes(), "data type this program does not read ('F8_E4M3')");
    h = {};
    h.dtype = "F64";
    h.checksum_of_w = zlib_crc("F32[2]", h.data);
    row("a dtype that does not match the bytes", h.bytes(), "does not match its shape and data type");
    h = {};
    h.dtype = "I32";
    h.checksum_of_w = zlib_crc("F32[2]", h.data);
    row("a changed dtype of the same size", h.bytes(), "'w' is damaged (checksum mismatch)");
    h = {};
    h.shape = "[-2]";
    row("a negative size", h.bytes(), "impossible shape");
    h = {};
    h.checksum_of_w = zlib_crc("F32[2]", h.data);
    h.data[3] = 0x40;  // 1.0f became 2.0f
    row("a changed value", h.bytes(), "'w' is damaged (checksum mismatch)");
    row("metadata not matching its checksum",
        safetensors_file("{\"__metadata__\":{\"format\":\"x\",\"checksums\":\"format 00000000\\n\"}}", ""),
        "'format' is damaged");
    row("not JSON", safetensors_file("{\"w\":{\"dtype\":\"F32\",}}", ""), "not valid JSON");
    row("the weights of another model",
        safetensors_file("{\"__metadata__\":{\"format\":\"pt\"},\"weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_"
                         "offsets\":[0,8]}}",
                         std::string(8, '\0')),
        "not a FactorVAE Studio checkpoint");
    row("no metadata at all", safetensors_file("{}", ""), "not a FactorVAE Studio checkpoint");
  }

  // Every damage is an error naming the file and the problem, from the container and from load_checkpoint.
  void damagedSafetensors() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, words);
    const std::string path = file("damaged.fvae");
    const std::string content(bytes.constData(), static_cast<size_t>(bytes.size()));
    testing::write_bytes(path, std::vector<uint8_t>(content.begin(), content.end()));
    try {
      load_checkpoint(path);
      QFAIL("a damaged safetensors file loaded");
    } catch (const CheckpointError& e) {
      QVERIFY2(std::string(e.what()).rfind(path + ": ", 0) == 0, e.what());
      QVERIFY2(QString::fromUtf8(e.what()).contains(words), e.what());
    }
  }

  void gifWriterThatFailsMidFileIsAnErrorNamingTheFile() {
    // A writer that takes `limit` bytes and then fails, as a full disk does, at every point of the file.
    std::vector<torch::Tensor> frames = {torch::rand({1, 9, 7}), torch::rand({1, 9, 7}), torch::rand({1, 9, 7})};
    std::string whole;
    write_gif(
        "whole.gif", [&](const uint8_t* d, size_t n) { return whole.append((const char*)d, n), true; }, frames, 100);
    QVERIFY(whole.size() > 100);
    for (size_t limit = 0; limit < whole.size(); limit += 1 + limit / 8) {
      size_t taken = 0;
      const GifSink failing = [&](const uint8_t*, size_t n) {
        if (taken + n > limit) return false;
        taken += n;
        return true;
      };
      try {
        write_gif("/media/full/out.gif", failing, frames, 100);
        QFAIL(qPrintable(QString("no error with %1 bytes writable").arg(limit)));
      } catch (const ExportError& e) {
        QVERIFY2(std::string(e.what()).find("/media/full/out.gif") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("write failed") != std::string::npos, e.what());
      }
    }
    // save_gif on a full disk (a file-size limit): an error, the previous file untouched, no temporary left.
    const std::string path = file("kept.gif");
    save_gif(path, frames, 100);
    const auto before = testing::read_bytes(path);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old_limit{};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    rlimit small = old_limit;
    small.rlim_cur = 64;
    setrlimit(RLIMIT_FSIZE, &small);
    bool refused = false;
    try {
      save_gif(path, {frames[2], frames[1]}, 50);
    } catch (const ExportError& e) {
      refused = std::string(e.what()).find(path) != std::string::npos;
    }
    setrlimit(RLIMIT_FSIZE, &old_limit);
    QVERIFY(refused);
    QCOMPARE(testing::read_bytes(path), before);
    QVERIFY(QDir(dir_.path()).entryList({".kept.gif.tmp*"}, QDir::Files | QDir::Hidden).isEmpty());
  }
};

QTEST_MAIN(TestReaders)
#include "test_readers.moc"
