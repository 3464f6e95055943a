#pragma once
// Metrics panel: the FactorVAE metric and MIG on the built-in shapes dataset, computed off the GUI thread with
// progress and cancel, shown as numbers, a bar chart (Qt Charts) and the factor each dimension captures.

#include <QWidget>
#include <memory>

#include "app/service/decode_model.h"
#include "app/service/model_analysis.h"

class QLabel;
class QPushButton;
class QTableWidget;

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
QT_END_NAMESPACE

namespace fvae::ui {

class FieldProblems;
class JobControls;
class NumberField;
class ResultOrigin;

class MetricsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit MetricsPanel(QWidget* parent = nullptr);
  ~MetricsPanel() override;  // cancels a measurement in flight
  void setModel(std::shared_ptr<service::DecodeModel> model, const QString& datasetSpec);
  void setSettings(const service::MetricSettings& settings);
  service::MetricSettings settings() const;
  service::DisentanglementReport report() const { return report_; }
  QStringList suggestedNames() const;  // per dimension, the factor it captures in the user's language; "" for none
  bool isMeasuring() const;
  // The scores on screen as an evaluation record (factorvae evaluate --json's layout); false, said in the status,
  // when there are none or the file cannot be written.
  bool saveRecord(const QString& path);
  const QTableWidget* dimensionTable() const { return dimensions_; }
  const ResultOrigin* origin() const { return origin_; }

 public slots:
  void measure();
  // Measures, then names the unnamed latent dimensions after the factors they capture (namesSuggested), as when a
  // training on shapes has ended.
  void measureAndName();
  void cancel();

 signals:
  void measured(const fvae::service::DisentanglementReport& report);
  void namesSuggested(const QStringList& names);  // "Use suggested names"

 private:
  void showReport(const service::DisentanglementReport& report);
  void showDimensions(const DisentanglementRecord& report);

  void startMeasuring(bool nameDimensions);

  std::shared_ptr<service::DecodeModel> model_;
  bool name_when_measured_ = false;
  NumberField* train_votes_;
  NumberField* eval_votes_;
  NumberField* samples_per_vote_;
  NumberField* mig_samples_;
  NumberField* seed_;
  FieldProblems* problems_;
  JobControls* controls_;
  QPushButton* use_names_;
  QPushButton* save_;
  QLabel* note_;
  ResultOrigin* origin_;  // which model and step the scores on screen are for
  QTableWidget* dimensions_;
  QBarSet* bars_;
  QBarCategoryAxis* categories_;
  service::DisentanglementReport report_;
};

}  // namespace fvae::ui

Q_DECLARE_METATYPE(fvae::service::DisentanglementReport)
