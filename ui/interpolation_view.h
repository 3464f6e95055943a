#pragma once
// Interpolation between the codes (μ) of two dataset images, linear or spherical, shown as a strip and exported as
// PNG or animated GIF.

#include <QGroupBox>
#include <QImage>
#include <QVector>
#include <memory>

#include "app/service/dataset_view.h"
#include "app/service/decode_model.h"
#include "app/service/job_tracker.h"

class QComboBox;
class QLabel;
class QToolButton;

namespace fvae::ui {

class NumberField;

class InterpolationView : public QGroupBox {
  Q_OBJECT
 public:
  explicit InterpolationView(QWidget* parent = nullptr);
  void setModel(std::shared_ptr<service::DecodeModel> model);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  void setEndpoints(int from, int to);  // dataset indices
  void setSpherical(bool spherical);
  void setSteps(int steps);
  QVector<QImage> frames() const { return frames_; }
  QImage strip() const { return strip_; }
  QString savePng(const QString& path, int scale) const;  // "" or an error
  QString saveGif(const QString& path, int scale) const;

 public slots:
  void refresh();  // decodes the strip again (e.g. after the weights changed), off the GUI thread; then refreshed()

 signals:
  void refreshed();

 private:
  void pickEndpoint(int which);
  void showEndpoint(int which);
  QVector<QImage> animationFrames() const;  // forth and back, so that the loop plays smoothly

  std::shared_ptr<service::DecodeModel> model_;
  std::shared_ptr<service::DatasetView> dataset_;
  int endpoints_[2] = {-1, -1};
  QToolButton* pick_[2] = {};
  QComboBox* mode_ = nullptr;
  NumberField* steps_ = nullptr;
  QLabel* strip_label_ = nullptr;
  QVector<QImage> frames_;
  QImage strip_;
  service::JobTracker* jobs_;  // the newest refresh wins
};

}  // namespace fvae::ui
