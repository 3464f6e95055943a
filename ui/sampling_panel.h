#pragma once
// Sampling panel: a grid of images decoded from random prior codes (seed, temperature, grid size). Clicking a sample
// sends its code to the latent explorer.

#include <QImage>
#include <QVector>
#include <QWidget>
#include <memory>

#include "app/service/decode_model.h"
#include "app/service/job_tracker.h"

class QGridLayout;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace fvae::ui {

class NumberField;

class SamplingPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SamplingPanel(QWidget* parent = nullptr);
  void setModel(std::shared_ptr<service::DecodeModel> model);
  int sampleCount() const { return buttons_.size(); }
  QVector<float> sampleCode(int index) const { return codes_.value(index); }
  QToolButton* sampleButton(int index) const { return buttons_.value(index); }
  QImage gridImage() const;                         // the samples tiled as shown, 1-pixel grey padding
  qint64 shownStep() const { return shown_step_; }  // the training step the grid was decoded at; -1 when unknown
  int tileSize() const;                             // pixels per sample on screen

 public slots:
  void resample();  // decodes off the GUI thread

 signals:
  void samplesReady();
  void codeChosen(const QVector<float>& code);

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void showEvent(QShowEvent* event) override;  // a tab brought to the front catches up with the training

 private:
  struct Grid {
    QVector<QImage> images;
    quint64 version = 0;
    qint64 step = -1;
  };
  void showGrid(const QVector<QVector<float>>& codes, const Grid& grid);
  void sizeTiles();
  void followLiveWeights();
  void createFields();
  void createButtons();
  void layOut();
  void saveFiles();  // every sample as a PNG and their codes as .npy, in a folder the user picks

  std::shared_ptr<service::DecodeModel> model_;
  NumberField* seed_ = nullptr;
  NumberField* columns_ = nullptr;
  NumberField* rows_ = nullptr;
  NumberField* temperature_ = nullptr;
  QGridLayout* grid_ = nullptr;
  QWidget* grid_area_ = nullptr;
  QLabel* status_ = nullptr;
  QTimer* follow_timer_ = nullptr;
  quint64 shown_version_ = 0;
  qint64 shown_step_ = -1;
  QVector<QToolButton*> buttons_;
  QVector<QPushButton*> buttons_column_;  // resample, new seed, save grid, save files
  QVector<QVector<float>> codes_;
  QVector<QImage> images_;
  service::JobTracker* jobs_;  // the newest grid wins
};

// Codes drawn from N(0, temperature² I) with a seeded generator (the same seed gives the same grid).
QVector<QVector<float>> prior_codes(int count, int dims, double temperature, quint64 seed);

}  // namespace fvae::ui
