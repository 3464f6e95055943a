#pragma once
// Latent map: μ of up to 10,000 dataset images as a scatter (QCustomPlot) on two chosen dimensions or on the first two
// principal components, coloured by a label or ground-truth factor with a legend. Hovering shows the image under the
// cursor; clicking sends its code to the latent explorer. Encoding runs off the GUI thread with progress and cancel.

#include <QPointF>
#include <QVector>
#include <QWidget>
#include <memory>

#include "app/service/dataset_view.h"
#include "app/service/decode_model.h"
#include "app/service/model_analysis.h"

class QCPGraph;
class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;

namespace fvae::ui {

class FieldProblems;
class JobControls;
class NumberField;
class ResultOrigin;

class LatentMapView : public QWidget {
  Q_OBJECT
 public:
  explicit LatentMapView(QWidget* parent = nullptr);
  ~LatentMapView() override;
  void setModel(std::shared_ptr<service::DecodeModel> model);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  void setLatentNames(const QStringList& names);
  // KL per dimension (the training's or the checkpoint's): inactive dimensions are marked in the axis choices.
  void setKl(const QVector<double>& kl);
  void setPointCount(int points);
  bool isComputing() const;
  int pointCount() const;  // points on the map (0 before a map)
  // Axis choice: 0 and 1 are the principal components, 2 + d is dimension d. Colour: 0 none, 1 + k label column k.
  void setAxes(int x, int y);
  void setColourColumn(int column);
  int legendEntries() const;
  QCustomPlot* plot() const { return plot_; }
  // The point nearest to a position in widget pixels of the plot, within `radius` pixels; -1 when none.
  int pointAt(const QPointF& position, double radius = 8) const;
  QPointF pointPosition(int point) const;  // in the plot's pixels
  QVector<float> pointCode(int point) const;
  QString hoverText() const;  // what the hover label shows; "" while hidden
  QPushButton* exportButton() const { return export_; }
  const ResultOrigin* origin() const { return origin_; }

 public slots:
  void compute();
  void cancel();
  // μ and log σ² of the map's images as files for other tools (NumPy, CSV, TensorBoard's projector) in `folder`.
  void exportCodes(const QString& folder);

 signals:
  void computed();
  void codesExported(const QStringList& files);
  void codeChosen(const QVector<float>& code);  // a point was clicked

 private:
  void updateControls();
  void chooseExportFolder();
  void updateExportButton();
  void fillAxisChoices();
  void redraw();
  void hover(QMouseEvent* event);
  void click(QMouseEvent* event);
  double coordinate(int point, int axis) const;

  std::shared_ptr<service::DecodeModel> model_;
  std::shared_ptr<service::DatasetView> dataset_;
  std::shared_ptr<const LatentMap> map_;
  QStringList names_;
  QVector<double> kl_;
  QComboBox* x_axis_;
  QComboBox* y_axis_;
  QComboBox* colour_;
  NumberField* points_;
  NumberField* seed_;
  FieldProblems* problems_;
  ResultOrigin* origin_;  // which model and step the map on screen is for
  JobControls* controls_;
  QPushButton* export_;
  QCustomPlot* plot_;
  QLabel* hover_;
  QString hover_text_;
  QPointF press_;  // where the mouse button went down: a click sends a code, a drag pans
};

}  // namespace fvae::ui
