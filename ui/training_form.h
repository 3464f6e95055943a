#pragma once
// The settings of a training: dataset, preset, image size, latent dimensions, β, γ, learning rate, batch, epochs,
// step budget or time budget, threads, seed, device, output folder and candidates. β, γ, the learning rate, the step
// budget and the candidates follow the dataset's and the image size's defaults (service::runDefaults, as the CLI
// decides them) until the user sets them. Numbers are typed into NumberFields: a field whose text is not a valid value
// keeps it, shows the problem, and invalidProblem() names it so that Start can refuse.

#include <QGroupBox>

#include "app/service/training_session.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace fvae::ui {

class FieldProblems;
class NumberField;

class TrainingForm : public QGroupBox {
  Q_OBJECT
 public:
  explicit TrainingForm(QWidget* parent = nullptr);
  service::TrainingSettings settings() const;
  void setSettings(const service::TrainingSettings& settings);
  void setDatasetSpec(const QString& spec);
  QString outputFolder() const;
  void setOutputFolder(const QString& folder);
  // The first field whose text is no valid value ("Batch size: 999999999 is above the maximum, 4096"), focused;
  // "" when every field is valid.
  QString invalidProblem();

 signals:
  void imageSizeChanged(int size);
  void problemsChanged(bool any);  // a field's text became invalid, or the last problem was corrected

 private:
  void createFields();
  void createCandidateFields();
  void layOutFields();
  void connectDefaults();
  void applyRunDefaults();  // to the fields the user has not set
  void addRow(const QString& label, QWidget* field);
  void addRow(const QString& label, QLayout* row, QWidget* buddy);

  QFormLayout* form_ = nullptr;
  FieldProblems* problems_ = nullptr;
  QComboBox* dataset_ = nullptr;
  QComboBox* preset_ = nullptr;
  QComboBox* device_ = nullptr;
  QComboBox* size_ = nullptr;
  NumberField* latent_ = nullptr;
  NumberField* beta_ = nullptr;
  NumberField* gamma_ = nullptr;
  NumberField* learning_rate_ = nullptr;
  NumberField* batch_ = nullptr;
  NumberField* epochs_ = nullptr;
  NumberField* steps_ = nullptr;
  NumberField* minutes_ = nullptr;  // 0: the step budget decides
  NumberField* threads_ = nullptr;
  NumberField* seed_ = nullptr;
  NumberField* candidates_ = nullptr;  // 1: a single run
  NumberField* screen_steps_ = nullptr;
  QComboBox* losers_ = nullptr;  // what becomes of the candidates that lost
  QLineEdit* output_ = nullptr;
  QLabel* tensorboard_note_ = nullptr;  // where the TensorBoard log goes and how to view it
  // Fields the user set; the others follow the dataset's and the image size's defaults (service::runDefaults).
  bool beta_chosen_ = false, gamma_chosen_ = false, learning_rate_chosen_ = false, steps_chosen_ = false;
  bool candidates_chosen_ = false, screen_steps_chosen_ = false;
  void enableBudgetFields();  // the step budget and the epochs only without a time budget
};

}  // namespace fvae::ui
