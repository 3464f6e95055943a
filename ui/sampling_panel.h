#pragma once
// Sampling panel: a grid of images decoded from random prior codes (seed, temperature, grid size). Clicking a sample
// sends its code to the latent explorer.

#include <QImage>
#include <QVector>
#include <QWidget>
#include <memory>

#include "app/service/studio_service.h"

class QDoubleSpinBox;
class QGridLayout;
class QSpinBox;
class QToolButton;

namespace fvae::ui {

class SamplingPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SamplingPanel(QWidget* parent = nullptr);
  void setModel(std::shared_ptr<service::DecodeModel> model);
  int sampleCount() const { return buttons_.size(); }
  QVector<float> sampleCode(int index) const { return codes_.value(index); }
  QToolButton* sampleButton(int index) const { return buttons_.value(index); }
  QImage gridImage() const;  // the samples tiled as shown, 1-pixel grey padding

 public slots:
  void resample();  // decodes off the GUI thread

 signals:
  void samplesReady();
  void codeChosen(const QVector<float>& code);

 private:
  void show(const QVector<QVector<float>>& codes, const QVector<QImage>& images);

  std::shared_ptr<service::DecodeModel> model_;
  QSpinBox* seed_ = nullptr;
  QSpinBox* columns_ = nullptr;
  QSpinBox* rows_ = nullptr;
  QDoubleSpinBox* temperature_ = nullptr;
  QGridLayout* grid_ = nullptr;
  QVector<QToolButton*> buttons_;
  QVector<QVector<float>> codes_;
  QVector<QImage> images_;
  service::JobTracker* jobs_;  // the newest grid wins
};

// Codes drawn from N(0, temperature² I) with a seeded generator (the same seed gives the same grid).
QVector<QVector<float>> prior_codes(int count, int dims, double temperature, quint64 seed);

}  // namespace fvae::ui
