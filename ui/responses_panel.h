#pragma once
// Responses panel: what each latent dimension does across the data. On the built-in shapes dataset, μ of every
// dimension as each ground-truth factor sweeps its values (optionally one curve per shape); on labelled data, μ per
// class with the dimensions ranked by how well they separate the classes. Computed off the GUI thread on one frozen
// set of weights, with progress and cancel; exported as PNG and CSV.

#include <QImage>
#include <QWidget>
#include <memory>

#include "app/service/dataset_view.h"
#include "app/service/decode_model.h"
#include "app/service/model_analysis.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QTableWidget;

namespace fvae::ui {

class FieldProblems;
class JobControls;
class NumberField;
class ResultOrigin;

class ResponsesPanel : public QWidget {
  Q_OBJECT
 public:
  enum class Source { Factors, Classes };
  explicit ResponsesPanel(QWidget* parent = nullptr);
  ~ResponsesPanel() override;
  void setModel(std::shared_ptr<service::DecodeModel> model, const QString& datasetSpec);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  void setLatentNames(const QStringList& names);  // redraws a result on screen with the new names
  void setSource(Source source);
  Source source() const;
  void setSettings(const service::ResponseSettings& settings);
  service::ResponseSettings settings() const;
  bool isComputing() const;
  QImage plot() const { return plot_; }  // the picture on screen; null before a result
  QString csv() const;                   // the table behind it; "" before a result
  const QTableWidget* rankingTable() const { return ranking_; }
  const ResultOrigin* origin() const { return origin_; }
  // Write the picture or the table; return "" or an error naming the file.
  QString exportPng(const QString& path) const;
  QString exportCsv(const QString& path) const;

 public slots:
  void compute();
  void cancel();

 signals:
  void computed();                    // a result is on screen
  void failed(const QString& error);  // also shown in the panel

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void fitPicture();
  void updateControls();
  void showResult();

  std::shared_ptr<service::DecodeModel> model_;
  std::shared_ptr<service::DatasetView> dataset_;
  QString model_dataset_;
  QStringList names_;
  QComboBox* source_;
  NumberField* samples_;
  QCheckBox* per_shape_;
  NumberField* images_;
  NumberField* seed_;
  FieldProblems* problems_;
  QPushButton* export_png_;
  QPushButton* export_csv_;
  JobControls* controls_;
  ResultOrigin* origin_;  // which model and step the result on screen is for
  QScrollArea* scroll_;
  QLabel* picture_;
  QTableWidget* ranking_;
  // The result on screen: one of the two, by the source it was computed for.
  std::shared_ptr<const FactorResponses> factor_result_;
  std::shared_ptr<const ClassResponses> class_result_;
  QImage plot_;
};

}  // namespace fvae::ui
