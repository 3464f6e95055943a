// Torch before Qt: Qt's `slots` macro breaks torch headers.
#include "model/io/readers.h"

#include <zip.h>
#include <zlib.h>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <filesystem>
#include <fstream>

#include "model/io/npy.h"

namespace fvae {

namespace {

// Deflate cannot expand data by more than ~1032:1; a larger claimed size means a damaged archive.
constexpr uint64_t kMaxDeflateRatio = 1100;

std::vector<uint8_t> read_zip_member(zip_t* archive, const std::string& path, const std::string& member) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, member.c_str(), 0, &st) != 0)
    throw DatasetError(path + ": the archive has no member '" + member + "'");
  if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
    throw DatasetError(path + ": member '" + member + "' has no size in the archive directory");
  std::error_code ec;
  const uint64_t file_size = std::filesystem::file_size(path, ec);
  if (st.comp_size > file_size || st.size > (st.comp_size + 64) * kMaxDeflateRatio)
    throw DatasetError(path + ": member '" + member + "' claims sizes the file cannot hold (damaged archive)");
  zip_file_t* f = zip_fopen(archive, member.c_str(), 0);
  if (!f) throw DatasetError(path + ": cannot open member '" + member + "': " + zip_strerror(archive));
  std::vector<uint8_t> bytes(static_cast<size_t>(st.size));
  zip_int64_t got = bytes.empty() ? 0 : zip_fread(f, bytes.data(), bytes.size());
  std::string error = got < 0 ? zip_file_strerror(f) : "";
  // Reading to the end lets libzip verify the CRC.
  uint8_t extra;
  if (got >= 0 && zip_fread(f, &extra, 1) < 0) got = -1, error = zip_file_strerror(f);
  zip_fclose(f);
  if (got < 0) throw DatasetError(path + ": member '" + member + "' is corrupt: " + error);
  if (static_cast<uint64_t>(got) != st.size) throw DatasetError(path + ": member '" + member + "' is truncated");
  return bytes;
}

torch::Tensor to_nchw(const std::string& name, const NpyArray& a) {
  if (a.data.scalar_type() != torch::kUInt8)
    throw DatasetError(name + ": images must be uint8, found dtype '" + a.descr + "'");
  if (a.data.dim() == 3) return a.data.unsqueeze(1);
  if (a.data.dim() == 4 && (a.data.size(3) == 3 || a.data.size(3) == 1)) return a.data.permute({0, 3, 1, 2});
  throw DatasetError(name + ": images must be N×H×W or N×H×W×3, found shape " + c10::str(a.data.sizes()));
}

QImage convert_image(const QImage& image, int64_t channels, int64_t size) {
  QImage converted = image.convertToFormat(channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
  if (converted.width() != size || converted.height() != size)
    converted = converted.scaled(static_cast<int>(size), static_cast<int>(size), Qt::IgnoreAspectRatio,
                                 Qt::SmoothTransformation);
  return converted;
}

void copy_into(const QImage& image, int64_t channels, uint8_t* out) {
  const int w = image.width(), h = image.height();
  for (int y = 0; y < h; ++y) {
    const uchar* line = image.constScanLine(y);
    for (int x = 0; x < w; ++x)
      for (int64_t c = 0; c < channels; ++c) out[(c * h + y) * w + x] = line[x * channels + c];
  }
}

QImage read_qimage(const std::string& path) {
  QImageReader reader(QString::fromStdString(path));
  QImage image = reader.read();
  if (image.isNull()) throw DatasetError(path + ": cannot read the image (" + reader.errorString().toStdString() + ")");
  return image;
}

// An .npz opened for reading (libzip checks its directory's consistency); closed when it goes out of scope.
struct NpzArchive {
  explicit NpzArchive(const std::string& path) {
    int error = 0;
    archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, error);
      std::string reason = zip_error_strerror(&ze);
      zip_error_fini(&ze);
      throw DatasetError(path + ": not a readable .npz archive (" + reason + ")");
    }
  }
  ~NpzArchive() { zip_discard(archive); }
  NpzArchive(const NpzArchive&) = delete;
  NpzArchive& operator=(const NpzArchive&) = delete;
  zip_t* archive = nullptr;
};

}  // namespace

std::map<std::string, NpyArray> read_npz_arrays(const std::string& path) {
  NpzArchive npz(path);
  std::map<std::string, NpyArray> arrays;
  const zip_int64_t count = zip_get_num_entries(npz.archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* entry = zip_get_name(npz.archive, static_cast<zip_uint64_t>(i), 0);
    if (!entry) throw DatasetError(path + ": member " + std::to_string(i) + " has no readable name");
    std::string member = entry;
    if (member.size() < 4 || member.compare(member.size() - 4, 4, ".npy") != 0)
      throw DatasetError(path + ": member '" + member + "' is not a NumPy array (.npy)");
    arrays[member.substr(0, member.size() - 4)] =
        parse_npy(path + ": " + member, read_zip_member(npz.archive, path, member));
  }
  return arrays;
}

RawImages read_medmnist_npz(const std::string& path, const std::string& split) {
  if (split != "train" && split != "val" && split != "test")
    throw DatasetError(path + ": unknown split '" + split + "' (MedMNIST has train, val and test)");
  NpzArchive npz(path);
  zip_t* archive = npz.archive;
  RawImages raw;
  const std::string images_member = split + "_images.npy", labels_member = split + "_labels.npy";
  auto images = parse_npy(path + ": " + images_member, read_zip_member(archive, path, images_member));
  raw.images = to_nchw(path + ": " + images_member, images);
  if (raw.images.size(0) == 0) throw DatasetError(path + ": " + images_member + " holds no images");
  if (zip_name_locate(archive, labels_member.c_str(), 0) >= 0) {
    auto labels = parse_npy(path + ": " + labels_member, read_zip_member(archive, path, labels_member));
    if (labels.data.dim() < 1 || labels.data.dim() > 2 || labels.data.size(0) != raw.images.size(0))
      throw DatasetError(path + ": " + labels_member + " has shape " + c10::str(labels.data.sizes()) +
                         ", which does not match " + std::to_string(raw.images.size(0)) + " images");
    if (labels.data.is_floating_point())
      throw DatasetError(path + ": " + labels_member + " must hold integers, found '" + labels.descr + "'");
    raw.labels = labels.data.to(torch::kLong).view({raw.images.size(0), -1});
  }
  return raw;
}

torch::Tensor read_idx(const std::string& path) {
  std::error_code ec;
  const uint64_t file_size = std::filesystem::file_size(path, ec);
  if (ec) throw DatasetError(path + ": cannot read the file (" + ec.message() + ")");
  bool gzipped = false;
  uint64_t stored_size = file_size;  // uncompressed size, for gzip from its trailer (mod 2^32)
  {
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[2] = {0, 0};
    in.read(reinterpret_cast<char*>(magic), 2);
    gzipped = in && magic[0] == 0x1f && magic[1] == 0x8b;
    if (gzipped) {
      if (file_size < 18) throw DatasetError(path + ": truncated gzip file");
      unsigned char trailer[4];
      in.seekg(static_cast<std::streamoff>(file_size - 4));
      in.read(reinterpret_cast<char*>(trailer), 4);
      stored_size = trailer[0] | (trailer[1] << 8) | (trailer[2] << 16) | (static_cast<uint64_t>(trailer[3]) << 24);
    }
  }
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw DatasetError(path + ": cannot open the file");
  struct Closer {
    gzFile f;
    ~Closer() { gzclose(f); }
  } closer{f};
  auto read_exact = [&](void* out, uint64_t n, const char* what) {
    uint64_t done = 0;
    while (done < n) {
      const unsigned chunk = static_cast<unsigned>(std::min<uint64_t>(n - done, 1u << 30));
      const int got = gzread(f, static_cast<char*>(out) + done, chunk);
      if (got < 0) {
        int code = 0;
        throw DatasetError(path + ": corrupt compressed data while reading the " + what + " (" + gzerror(f, &code) +
                           ")");
      }
      if (got == 0) throw DatasetError(path + ": truncated: the file ends inside the " + std::string(what));
      done += static_cast<uint64_t>(got);
    }
  };
  unsigned char header[4];
  read_exact(header, 4, "header");
  if (header[0] != 0 || header[1] != 0) throw DatasetError(path + ": not an IDX file (wrong magic number)");
  if (header[2] != 0x08)
    throw DatasetError(path + ": only unsigned-byte IDX data is supported (type code " + std::to_string(header[2]) +
                       ")");
  const int rank = header[3];
  if (rank != 1 && rank != 3)
    throw DatasetError(path + ": IDX rank must be 1 (labels) or 3 (images), found " + std::to_string(rank));
  std::vector<int64_t> dims;
  uint64_t count = 1;
  for (int i = 0; i < rank; ++i) {
    unsigned char d[4];
    read_exact(d, 4, "header");
    const uint64_t v = (static_cast<uint64_t>(d[0]) << 24) | (d[1] << 16) | (d[2] << 8) | d[3];
    dims.push_back(static_cast<int64_t>(v));
    count *= std::max<uint64_t>(v, 1);
    if (v == 0) count = 0;
    if (count > (uint64_t{1} << 40)) throw DatasetError(path + ": absurd dimensions in the IDX header");
  }
  if (count == 0) throw DatasetError(path + ": the IDX file holds no items");
  const uint64_t total = 4 + 4 * static_cast<uint64_t>(rank) + count;
  const bool fits = gzipped ? (total % (uint64_t{1} << 32)) == stored_size && count <= file_size * kMaxDeflateRatio
                            : total <= file_size;
  if (!fits)
    throw DatasetError(path + ": truncated or damaged: the header promises " + std::to_string(count) +
                       " bytes of data, which the file does not hold");
  auto data = torch::empty(dims, torch::kUInt8);
  read_exact(data.data_ptr(), count, "data");
  return rank == 3 ? data.unsqueeze(1) : data;
}

RawImages read_image_folder(const std::string& folder, int64_t channels, int64_t size) {
  const QString root = QString::fromStdString(folder);
  if (!QFileInfo(root).isDir()) throw DatasetError(folder + ": not a folder");
  QStringList filters;
  for (const QByteArray& format : QImageReader::supportedImageFormats()) filters << "*." + QString::fromLatin1(format);
  QStringList files;
  QDirIterator it(root, filters, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) files << it.next();
  files.sort();
  if (files.isEmpty()) throw DatasetError(folder + ": the folder holds no image files");
  RawImages raw;
  raw.images = torch::empty({files.size(), channels, size, size}, torch::kUInt8);
  std::vector<int64_t> labels;
  QStringList classes;
  const QDir dir(root);
  int64_t kept = 0;
  for (qsizetype i = 0; i < files.size(); ++i) {
    QImage image;
    try {
      image = convert_image(read_qimage(files[i].toStdString()), channels, size);
    } catch (const DatasetError& e) {
      raw.skipped_files.push_back(e.what());
      continue;
    }
    copy_into(image, channels, raw.images[kept++].data_ptr<uint8_t>());
    const QString relative = dir.relativeFilePath(files[i]);
    const QString top = relative.contains('/') ? relative.section('/', 0, 0) : QString();
    if (!classes.contains(top)) classes << top;
    labels.push_back(classes.indexOf(top));
  }
  if (kept == 0)
    throw DatasetError(folder + ": none of its " + std::to_string(files.size()) +
                       " image files can be read (first: " + raw.skipped_files.front() + ")");
  raw.images = raw.images.narrow(0, 0, kept).contiguous();
  if (classes.size() > 1 || !classes.first().isEmpty()) {
    raw.labels = torch::tensor(labels).unsqueeze(1);
    raw.label_info.columns = {"class"};
    raw.label_info.values.emplace_back();
    for (const QString& name : classes)
      raw.label_info.values[0].push_back(name.isEmpty() ? "(top folder)" : name.toStdString());
  }
  return raw;
}

torch::Tensor read_image_file(const std::string& path, int64_t channels, int64_t size) {
  QImage image = convert_image(read_qimage(path), channels, size);
  auto out = torch::empty({channels, size, size}, torch::kUInt8);
  copy_into(image, channels, out.data_ptr<uint8_t>());
  return out.to(torch::kFloat).div_(255.0);
}

}  // namespace fvae
