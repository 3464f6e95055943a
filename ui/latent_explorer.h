#pragma once
// Latent explorer: one slider per latent dimension, decoded in real time on the decode service's thread.

#include <QElapsedTimer>
#include <QImage>
#include <QVector>
#include <QWidget>
#include <memory>

#include "app/service/dataset_view.h"
#include "app/service/decode_service.h"
#include "app/service/image_export.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSlider;
class QTimer;
class QGridLayout;

namespace fvae::ui {

class NumberField;

class InterpolationView;

class LatentExplorer : public QWidget {
  Q_OBJECT
 public:
  explicit LatentExplorer(service::DecodeService* decoder, QWidget* parent = nullptr);

  // A new model: one row per latent dimension with its name and KL (nats; empty when unknown).
  void setModel(std::shared_ptr<service::DecodeModel> model, const QStringList& names, const QVector<double>& kl);
  void setKl(const QVector<double>& kl);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);  // for image bases and interpolation
  InterpolationView* interpolation() const { return interpolation_; }
  service::Traversal lastTraversal() const { return last_traversal_; }
  QString saveTraversalPng(const QString& path, int scale) const;  // rows labelled with names; "" or an error
  QString saveTraversalGif(const QString& path, int scale) const;
  QVector<float> code() const;  // base + offsets, or the slider values themselves in absolute mode
  QStringList names() const;
  QImage displayedImage() const { return shown_image_; }
  QSlider* slider(int dimension) const { return sliders_.value(dimension); }
  // Beside each slider: that dimension decoded at previewValues() (−3 … +3) around the base code, one strip a row.
  QImage previewStrip(int dimension) const { return preview_strips_.value(dimension); }
  static const QVector<float>& previewValues();
  int dimensions() const { return sliders_.size(); }
  QString klText(int dimension) const;  // the KL shown beside a dimension's slider
  // A training runs while the explorer shows another model: a line that says so, with a button to follow the
  // training instead (the tab's header names the model shown).
  void offerLiveTraining(bool offer);

 public slots:
  void resetAll();
  void setBaseCode(const QVector<float>& base);  // sliders reset to zero around this code
  void setBaseToZero();
  void setBaseToRandomSample();
  void setBaseToDatasetImage(int index);  // the image's encoding (μ)
  void chooseBaseImage();
  void applySuggestedNames(const QStringList& suggested);  // fills unnamed dimensions, then emits namesEdited
  void showTraversalGrid();  // decoded off the GUI thread with progress, then shown with a Save button
  void cancelTraversalGrid();

 signals:
  void imageShown(quint64 generation);
  void namesEdited(const QStringList& names);
  void traversalGridReady(const QImage& grid);
  void previewsReady();        // the strips beside the sliders show the current base code and weights
  void followLiveRequested();  // the user wants the running training's weights here

 private:
  void createViews();
  void createButtons();
  void layOut();
  void connectJobs();
  void rebuildRows(const QStringList& names);
  QLabel* shown_label_ = nullptr;
  QPushButton* follow_live_ = nullptr;
  void requestDecode();
  void showDecoded(const QImage& image, quint64 generation, double milliseconds);
  void followLiveWeights();
  void refreshPreviews();  // off the GUI thread; the newest request wins
  void showGridDialog();
  service::ExportStyle traversalStyle(int scale) const;
  service::ExportStyle traversalFramesStyle(int scale) const;  // the GIF's: each frame headed by its value

  service::DecodeService* decoder_;
  std::shared_ptr<service::DecodeModel> model_;
  QVector<float> base_;
  QLabel* image_label_ = nullptr;
  QLabel* timing_label_ = nullptr;
  QCheckBox* absolute_ = nullptr;
  QVector<QPushButton*> base_buttons_;  // the base code, reset and the traversal grid, as they stand in the column
  QPushButton* save_ = nullptr;
  QGridLayout* rows_ = nullptr;
  QWidget* rows_widget_ = nullptr;
  QVector<QSlider*> sliders_;
  QVector<NumberField*> values_;
  QVector<QLabel*> kl_labels_;
  QVector<QLineEdit*> name_edits_;
  // Each dimension's widgets in column order; rows ordered by KL once it is known for the model (active first), the
  // inactive ones of a large model behind `inactive_toggle_`.
  QVector<QVector<QWidget*>> row_widgets_;
  QPushButton* inactive_toggle_ = nullptr;
  QVector<int> order_;  // the dimension shown in each row
  bool ordered_by_kl_ = false;
  int inactive_count_ = 0;
  void arrangeRows(bool showInactive);
  QTimer* follow_timer_ = nullptr;
  quint64 shown_generation_ = 0, model_version_ = 0, random_seed_ = 0;
  QImage shown_image_;
  service::Traversal last_traversal_;
  service::JobTracker* traversal_jobs_;  // the grid: newest request wins, cancellable
  service::JobTracker* encode_jobs_;     // a dataset image's code as the base
  QProgressBar* traversal_progress_ = nullptr;
  QPushButton* traversal_cancel_ = nullptr;
  service::JobTracker* preview_jobs_;
  QVector<QLabel*> previews_;
  QVector<QImage> preview_strips_;
  QElapsedTimer since_previews_;
  std::shared_ptr<service::DatasetView> dataset_;
  InterpolationView* interpolation_ = nullptr;
};

}  // namespace fvae::ui
