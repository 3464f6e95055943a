// Writes the fuzzers' seed corpora from the fixtures the reader tests use: small valid inputs of every format, from
// which the fuzzers mutate. Usage: make_seeds OUTPUT_FOLDER (creates npz/, npy/, idx/, image/, checkpoint/ in it).
#include <torch/torch.h>

#include <QCoreApplication>
#include <QImage>
#include <filesystem>
#include <iostream>

#include "model/checkpoint/checkpoint.h"
#include "model/checkpoint/record_file.h"
#include "model/checkpoint/safetensors_file.h"
#include "model/data/shapes.h"
#include "model/io/image_files.h"
#include "model/io/npy.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using namespace fvae;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seeds OUTPUT_FOLDER\n";
    return 2;
  }
  QCoreApplication app(argc, argv);
  const fs::path out(argv[1]);
  for (const char* d : {"npz", "npy", "idx", "image", "checkpoint"}) fs::create_directories(out / d);
  auto at = [&](const char* dir, const std::string& name) { return (out / dir / name).string(); };

  // .npz as the MedMNIST tests build them: grey and RGB, stored and deflated, .npy versions 1-3.
  auto labels = torch::randint(2, {3, 14}, torch::kUInt8);
  testing::write_zip(at("npz", "grey-stored.npz"), testing::medmnist_members(testing::ramp_images(3, 6), labels, 1),
                     false);
  testing::write_zip(at("npz", "rgb-deflated.npz"), testing::medmnist_members(testing::ramp_images(3, 5, 3), labels, 2),
                     true);
  testing::write_zip(at("npz", "v3.npz"), testing::medmnist_members(testing::ramp_images(3, 4), labels, 3), true);

  // .npy of every supported dtype.
  int n = 0;
  for (auto dtype :
       {torch::kUInt8, torch::kInt8, torch::kInt16, torch::kInt32, torch::kInt64, torch::kFloat, torch::kDouble}) {
    testing::write_bytes(at("npy", "a" + std::to_string(n) + ".npy"),
                         make_npy(torch::arange(12).view({3, 4}).to(dtype), 1 + n % 3));
    ++n;
  }

  // IDX images and labels, plain and gzip.
  testing::write_idx(at("idx", "images-idx3-ubyte"), testing::ramp_images(3, 5), false);
  testing::write_idx(at("idx", "images-idx3-ubyte.gz"), testing::ramp_images(3, 5), true);
  testing::write_idx(at("idx", "labels-idx1-ubyte"), torch::arange(4).to(torch::kUInt8), false);

  // Image files of the formats a folder may hold.
  QImage image(9, 7, QImage::Format_RGB888);
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) image.setPixel(x, y, qRgb(30 * x, 35 * y, 100));
  for (const char* format : {"png", "bmp", "jpg", "ppm", "pgm"}) {
    const std::string path = at("image", std::string("seed.") + format);
    if (!image.save(QString::fromStdString(path), format))
      std::cerr << "make_seeds: Qt cannot write " << format << "\n";
  }
  image.convertToFormat(QImage::Format_Grayscale8).save(QString::fromStdString(at("image", "grey.png")));
  save_gif(at("image", "seed.gif"), {torch::rand({1, 7, 9}), torch::rand({1, 7, 9})}, 100);  // Qt writes no GIF

  // A checkpoint's records without its networks (a whole one is 70 MB, too large to mutate quickly): the format,
  // the configuration, the names and the history, which load_checkpoint reads before the networks; in format 2
  // (record_file.h), in format 1 (LibTorch's archive, read by legacy_archive.cpp) and in format 3 (safetensors).
  ModelConfig model;
  model.image_size = 28;
  TrainConfig train;
  torch::serialize::OutputArchive archive;
  archive.write("format", c10::IValue(std::string("FactorVAE Studio checkpoint 1")));
  auto kv = to_key_values(model, train);
  kv["dataset.spec"] = "shapes";
  kv["dataset.subset"] = "0";
  kv["progress.epoch"] = "0";
  kv["progress.step"] = "3";
  archive.write("config", c10::IValue(serialize_key_values(kv)));
  archive.write("latent_names", c10::IValue(std::string("x\ny")));
  archive.write("history", torch::zeros({2, 19}, torch::kDouble));
  archive.save_to(at("checkpoint", "format1.fvae"));
  Records records;
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"format", "FactorVAE Studio checkpoint 2"},
                                   {"config", serialize_key_values(kv)},
                                   {"latent_names", "x\ny"}}) {
    records[name].text = text;
    records[name].is_text = true;
  }
  records["history"].tensor = torch::zeros({2, 19}, torch::kDouble);
  records["encoder.features.0.bias"].tensor = torch::zeros({32});
  testing::write_bytes(at("checkpoint", "format2.fvae"), [&] {
    const auto bytes = encode_records(records);
    return std::vector<uint8_t>(bytes.begin(), bytes.end());
  }());
  // Format 3: the same records as safetensors (safetensors_file.h), with a tensor of every shape kind.
  records["format"].text = "FactorVAE Studio checkpoint 3";
  records["history_columns"].text = "step\nvae_loss";
  records["history_columns"].is_text = true;
  records["decoder.dense.0.weight"].tensor = torch::ones({3, 2});
  records["state.step_in_epoch"].tensor = torch::tensor(int64_t{5});
  testing::write_bytes(at("checkpoint", "format3.fvae"), [&] {
    const auto bytes = encode_safetensors(records);
    return std::vector<uint8_t>(bytes.begin(), bytes.end());
  }());
  // Files of torch.save (models trained elsewhere open where checkpoints do): the reader's test samples, both formats.
  for (const char* sample : {"zip-protocol2.pt", "zip-protocol4.pt", "stream.pt"})
    fs::copy_file(fs::path(FACTORVAE_SOURCE_DIR) / "tests/fixtures/torch_save" / sample, at("checkpoint", sample),
                  fs::copy_options::overwrite_existing);
  std::cout << "seed corpora written to " << out.string() << "\n";
  return 0;
}
