#include "model/io/readers.h"

#ifdef FACTORVAE_HAVE_LIBZIP
#include <zip.h>
#endif
#ifdef FACTORVAE_HAVE_ZLIB
#include <zlib.h>
#endif

#include <filesystem>
#include <fstream>

#include "model/io/npy.h"

namespace fvae {

namespace {

// Deflate cannot expand data by more than ~1032:1; a larger claimed size means a damaged archive.
constexpr uint64_t kMaxDeflateRatio = 1100;

[[maybe_unused]] torch::Tensor to_nchw(const std::string& name, const NpyArray& a) {
  if (a.data.scalar_type() != torch::kUInt8)
    throw DatasetError(name + ": images must be uint8, found dtype '" + a.descr + "'");
  if (a.data.dim() == 3) return a.data.unsqueeze(1);
  if (a.data.dim() == 4 && (a.data.size(3) == 3 || a.data.size(3) == 1)) return a.data.permute({0, 3, 1, 2});
  throw DatasetError(name + ": images must be N×H×W or N×H×W×3, found shape " + c10::str(a.data.sizes()));
}

#ifdef FACTORVAE_HAVE_LIBZIP
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

#endif

}  // namespace

#ifdef FACTORVAE_HAVE_LIBZIP
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

#else
std::map<std::string, NpyArray> read_npz_arrays(const std::string& path) {
  throw DatasetError(path + ": .npz archives need libzip, which this build was made without");
}

RawImages read_medmnist_npz(const std::string& path, const std::string&) {
  throw DatasetError(path + ": .npz archives need libzip, which this build was made without");
}
#endif

#ifdef FACTORVAE_HAVE_ZLIB
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
#else
torch::Tensor read_idx(const std::string& path) {
  throw DatasetError(path + ": IDX files need zlib, which this build was made without");
}
#endif

#ifndef FACTORVAE_HAVE_QT_IMAGES
RawImages read_image_folder(const std::string& folder, int64_t, int64_t) {
  throw DatasetError(folder +
                     ": folders of images need the full build (Qt's image readers); this headless build "
                     "reads shapes, IDX and .npz");
}

torch::Tensor read_image_file(const std::string& path, int64_t, int64_t) {
  throw DatasetError(path + ": image files need the full build (Qt's image readers)");
}
#endif

}  // namespace fvae
