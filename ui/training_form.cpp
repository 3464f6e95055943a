#include "ui/training_form.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QUrl>

#include "ui/message_bar.h"
#include "ui/number_field.h"

namespace fvae::ui {

TrainingForm::TrainingForm(QWidget* parent) : QGroupBox(tr("Settings"), parent) {
  createFields();
  createCandidateFields();
  layOutFields();
  connectDefaults();
  applyRunDefaults();
}

void TrainingForm::createFields() {
  dataset_ = new QComboBox;
  dataset_->setEditable(true);
  dataset_->addItem(service::builtinDatasetSpec());
  const QString fashion = QStringLiteral("/usr/share/datasets/fashion-mnist");
  if (QDir(fashion).exists()) dataset_->addItem(fashion);
  dataset_->setToolTip(tr("shapes (built in), a MedMNIST .npz, an IDX folder or a folder of images"));
  device_ = new QComboBox;
  device_->addItem(tr("Automatic (CUDA when available)"), QStringLiteral("auto"));
  device_->addItem(tr("CPU"), QStringLiteral("cpu"));
  device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
  device_->setToolTip(tr("Where training runs; available here: %1").arg(service::computeDeviceDescription()));
  preset_ = new QComboBox;
  preset_->addItem(tr("Paper (lean model)"), QStringLiteral("paper"));
  preset_->addItem(tr("Field's standard (burgess, 64 × 64)"), QStringLiteral("burgess"));
  preset_->addItem(tr("Original project (seed)"), QStringLiteral("seed"));
  size_ = new QComboBox;
  for (int s : {28, 32, 64}) size_->addItem(QStringLiteral("%1 × %1").arg(s), s);
  size_->setCurrentIndex(1);
  latent_ = NumberField::integer(1, 64, 8);
  beta_ = NumberField::real(0, 100, 1);
  beta_->setSingleStep(0.1);
  gamma_ = NumberField::real(0, 1000, 35);
  const QString follows =
      tr("Follows the dataset and the image size (the quality bar's recipe on shapes, the paper's values elsewhere) "
         "until you change it.");
  beta_->setToolTip(tr("β weighs the KL divergence to the prior: higher values press the code towards independent "
                       "unit Gaussians and blur reconstructions. ") +
                    follows);
  gamma_->setToolTip(tr("γ weighs the total correlation, estimated by the discriminator: higher values push the "
                        "dimensions to vary independently (FactorVAE's own term). ") +
                     follows);
  learning_rate_ = NumberField::real(1e-6, 0.1, 1e-4);
  learning_rate_->setSingleStep(1e-4);
  learning_rate_->setToolTip(tr("Adam's learning rate for the VAE. ") + follows);
  batch_ = NumberField::integer(2, 4096, 64);
  epochs_ = NumberField::integer(1, 100000, 10);
  steps_ = NumberField::integer(0, 100000000, 0);
  steps_->setSpecialValueText(tr("no limit"));
  steps_->setSingleStep(1000);
  const auto defaults = service::runDefaults(service::builtinDatasetSpec(), 32);
  minutes_ = NumberField::real(0, 10080, defaults.minutes);
  minutes_->setSpecialValueText(tr("none: the step budget"));
  minutes_->setSuffix(tr(" min"));
  minutes_->setSingleStep(5);
  minutes_->setToolTip(
      tr("How long the training may take. A few seconds' calibration measures this computer's "
         "speed and plans the steps (and the candidates' screening) to end within it; the planned "
         "steps are saved with the run. 0 trains the step budget (or the epochs) instead."));
  threads_ = NumberField::integer(1, defaults.threads, defaults.threads);
  threads_->setToolTip(
      tr("CPU threads to train with: the batch is split among them and their gradients summed in a "
         "fixed order, so a seed gives the same run for the same number of threads. This computer "
         "has %n core(s).",
         "", defaults.threads));
  seed_ = NumberField::integer(0, 1 << 30, 1);
  // A folder that holds no run yet (run, run-2, …): a first Start never has to ask about an earlier run.
  const QString run =
      QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("run"));
  const auto found = service::folderRun(run);
  output_ = new QLineEdit(found.holds == service::FolderRun::Holds::Nothing ? run : found.freeFolder);
  // The whole path in a tooltip (a long one shows only its tail).
  output_->setObjectName(QStringLiteral("outputFolder"));
  auto show_full_path = [this] { output_->setToolTip(QDir::toNativeSeparators(output_->text())); };
  connect(output_, &QLineEdit::textChanged, this, show_full_path);
  show_full_path();
  // Every training also logs for TensorBoard into the output folder; the note says how to look at it.
  tensorboard_note_ = new QLabel;
  tensorboard_note_->setObjectName(QStringLiteral("tensorboardNote"));
  tensorboard_note_->setWordWrap(true);
  tensorboard_note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto show_tensorboard_note = [this] {
    const QString folder = QDir::toNativeSeparators(output_->text().trimmed());
    tensorboard_note_->setText(
        tr("events.out.tfevents.* in the output folder (losses, reconstructions, traversal, settings); view with "
           "<code>tensorboard --logdir \"%1\"</code>")
            .arg(folder.toHtmlEscaped()));
  };
  connect(output_, &QLineEdit::textChanged, this, show_tensorboard_note);
  show_tensorboard_note();
}

void TrainingForm::createCandidateFields() {
  // Label-free model selection: several seeds screened, ranked by UDR, the best continued. On shapes the form starts
  // with the quality bar's pipeline (4 candidates).
  candidates_ = NumberField::integer(1, 16, 1);
  candidates_->setSpecialValueText(tr("one run"));
  candidates_->setToolTip(
      tr("Train this many seeds for a few steps each, rank them by UDR (Unsupervised Disentanglement Ranking: how "
         "much each candidate's active dimensions agree with the others', no labels needed) and continue the best "
         "to the full budget; each candidate trains in its own folder"));
  screen_steps_ = NumberField::integer(1, 10000000, 2000);
  screen_steps_->setSuffix(tr(" steps each"));
  screen_steps_->setSingleStep(500);
  screen_steps_->setEnabled(false);
  screen_steps_->setToolTip(tr("How long each candidate trains before the ranking"));
  losers_ = new QComboBox;
  using Losers = service::TrainingSettings::Losers;
  losers_->addItem(tr("keep their weights (~4 MB each)"), static_cast<int>(Losers::KeepWeights));
  losers_->addItem(tr("remove them"), static_cast<int>(Losers::Remove));
  losers_->addItem(tr("keep everything (~84 MB each)"), static_cast<int>(Losers::KeepAll));
  losers_->setEnabled(false);
  losers_->setToolTip(
      tr("After the ranking, the candidates that lost need no training state (the discriminator and the optimisers' "
         "moments): keep only their weights, to open them later, or remove their folders"));
}

void TrainingForm::addRow(const QString& label, QWidget* field) {
  if (auto* number = qobject_cast<NumberField*>(field))
    addFormRow(form_, label, number, problems_);
  else
    form_->addRow(label, field);
}

void TrainingForm::addRow(const QString& label, QLayout* row, QWidget* buddy) {
  // A row holding a layout gets no buddy by itself: without one the mnemonic shows as a literal "&".
  auto* text = new QLabel(label);
  text->setBuddy(buddy);
  form_->addRow(text, row);
}

void TrainingForm::layOutFields() {
  // Combo boxes as wide as the column, their long entries elided: at their natural width they made the form too wide
  // for a 1000-pixel window.
  for (QComboBox* box : {dataset_, preset_, device_, size_, losers_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(10);
  }
  form_ = new QFormLayout(this);
  problems_ = new FieldProblems;
  connect(problems_, &FieldProblems::problemsChanged, this, &TrainingForm::problemsChanged);
  auto* browse = new QPushButton(tr("Browse…"));
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dataset"), QString(),
                                                      tr("Datasets (*.npz *-ubyte *-ubyte.gz);;All files (*)"));
    if (!path.isEmpty()) dataset_->setCurrentText(path);
  });
  auto* dataset_row = new QHBoxLayout;
  dataset_row->addWidget(dataset_, 1);
  dataset_row->addWidget(browse);
  addRow(tr("Dataset:"), dataset_row, dataset_);
  addRow(tr("&Preset:"), preset_);
  addRow(tr("Image &size:"), size_);
  addRow(tr("&Latent dimensions:"), latent_);
  addRow(tr("&β (KL weight):"), beta_);
  addRow(tr("&γ (TC weight):"), gamma_);
  addRow(tr("Learning &rate:"), learning_rate_);
  addRow(tr("&Batch size:"), batch_);
  addRow(tr("&Epochs:"), epochs_);
  addRow(tr("T&ime budget:"), minutes_);
  addRow(tr("S&tep budget:"), steps_);
  addRow(tr("T&hreads:"), threads_);
  addRow(tr("S&eed:"), seed_);
  addRow(tr("&Device:"), device_);
  auto* open_output = new QPushButton(tr("Open"));
  open_output->setToolTip(tr("Open the output folder in the file manager"));
  connect(open_output, &QPushButton::clicked, this, [this] {
    const QString folder = output_->text().trimmed();
    QDir().mkpath(folder);
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
      reportError(this, tr("Cannot open the output folder"),
                  tr("No file manager is set up to open %1; the folder is there to open by hand")
                      .arg(QDir::toNativeSeparators(folder)));
  });
  auto* output_row = new QHBoxLayout;
  output_row->addWidget(output_, 1);
  output_row->addWidget(open_output);
  addRow(tr("&Output folder:"), output_row, output_);
  form_->addRow(tr("TensorBoard log:"), tensorboard_note_);
  auto* candidates_row = new QHBoxLayout;
  candidates_row->addWidget(candidates_);
  candidates_row->addWidget(screen_steps_, 1);
  addRow(tr("Ca&ndidates:"), candidates_row, candidates_);
  addRow(tr("Candidates that &lost:"), losers_);
  for (NumberField* field : {candidates_, screen_steps_}) {
    field->setFieldName(field == candidates_ ? tr("Candidates") : tr("Steps per candidate"));
    problems_->watch(field);
  }
  form_->addRow(problems_);
}

void TrainingForm::connectDefaults() {
  // β, γ, the learning rate and the step budget follow the dataset and the image size until the user sets them, as
  // in the CLI (both ask plan_run's defaults).
  connect(beta_, &NumberField::valueChanged, this, [this] { beta_chosen_ = true; });
  connect(gamma_, &NumberField::valueChanged, this, [this] { gamma_chosen_ = true; });
  connect(learning_rate_, &NumberField::valueChanged, this, [this] { learning_rate_chosen_ = true; });
  connect(steps_, &NumberField::valueChanged, this, [this] {
    steps_chosen_ = true;
    applyRunDefaults();  // the screening's default depends on the budget
  });
  connect(candidates_, &NumberField::valueChanged, this, [this](double count) {
    candidates_chosen_ = true;
    screen_steps_->setEnabled(count > 1);
    losers_->setEnabled(count > 1);
  });
  connect(screen_steps_, &NumberField::valueChanged, this, [this] { screen_steps_chosen_ = true; });
  connect(minutes_, &NumberField::valueChanged, this, &TrainingForm::enableBudgetFields);
  // A path being typed changes nothing until it names something that exists.
  connect(dataset_, &QComboBox::currentTextChanged, this, [this](const QString& text) {
    if (text.trimmed() == service::builtinDatasetSpec() || QFileInfo::exists(text.trimmed())) applyRunDefaults();
  });
  connect(size_, &QComboBox::currentIndexChanged, this, [this] {
    applyRunDefaults();
    emit imageSizeChanged(size_->currentData().toInt());
  });
  connect(preset_, &QComboBox::currentIndexChanged, this, [this] {
    const QString preset = preset_->currentData().toString();
    const bool tunable = preset != QLatin1String("seed");
    for (QWidget* w : std::initializer_list<QWidget*>{beta_, gamma_, learning_rate_, batch_}) w->setEnabled(tunable);
    // The burgess architecture is made for 64×64 images.
    const bool burgess = preset == QLatin1String("burgess");
    if (burgess) size_->setCurrentIndex(size_->findData(64));
    size_->setEnabled(!burgess);
  });
}

service::TrainingSettings TrainingForm::settings() const {
  service::TrainingSettings s;
  s.dataset = dataset_->currentText().trimmed();
  s.preset = preset_->currentData().toString();
  s.imageSize = size_->currentData().toInt();
  s.latentDim = latent_->intValue();
  s.beta = beta_->value();
  s.gamma = gamma_->value();
  s.learningRate = learning_rate_->value();
  s.batchSize = batch_->intValue();
  s.epochs = epochs_->intValue();
  s.steps = static_cast<qint64>(steps_->value());
  s.minutes = minutes_->value();
  s.threads = threads_->intValue();
  s.seed = static_cast<quint64>(seed_->value());
  s.device = device_->currentData().toString();
  s.outputFolder = output_->text().trimmed();
  s.candidates = candidates_->intValue();
  s.screenSteps = static_cast<qint64>(screen_steps_->value());
  s.losers = static_cast<service::TrainingSettings::Losers>(losers_->currentData().toInt());
  return s;
}

void TrainingForm::setSettings(const service::TrainingSettings& s) {
  // A value equal to the defaults of the form as it was, or as it will be, keeps following them (settings copied
  // from the form with only the size changed follow the new size); any other value counts as chosen.
  const auto before =
      service::runDefaults(dataset_->currentText(), size_->currentData().toInt(), static_cast<qint64>(steps_->value()));
  const auto after = service::runDefaults(s.dataset, s.imageSize, s.steps);
  beta_chosen_ = s.beta != before.beta && s.beta != after.beta;
  gamma_chosen_ = s.gamma != before.gamma && s.gamma != after.gamma;
  learning_rate_chosen_ = s.learningRate != before.learningRate && s.learningRate != after.learningRate;
  steps_chosen_ = s.steps != before.steps && s.steps != after.steps;
  candidates_chosen_ = s.candidates != before.candidates && s.candidates != after.candidates;
  screen_steps_chosen_ = s.screenSteps > 0 && s.screenSteps != before.screenSteps && s.screenSteps != after.screenSteps;
  {
    const QSignalBlocker block_beta(beta_), block_gamma(gamma_), block_rate(learning_rate_), block_steps(steps_),
        block_candidates(candidates_), block_screen(screen_steps_);
    if (beta_chosen_) beta_->setValue(s.beta);
    if (gamma_chosen_) gamma_->setValue(s.gamma);
    if (learning_rate_chosen_) learning_rate_->setValue(s.learningRate);
    if (steps_chosen_) steps_->setValue(static_cast<double>(s.steps));
    if (candidates_chosen_) candidates_->setValue(s.candidates);
    if (screen_steps_chosen_) screen_steps_->setValue(static_cast<double>(s.screenSteps));
  }
  dataset_->setCurrentText(s.dataset);
  preset_->setCurrentIndex(std::max(0, preset_->findData(s.preset)));
  size_->setCurrentIndex(std::max(0, size_->findData(s.imageSize)));
  applyRunDefaults();  // the fields that follow, for the new dataset and size
  latent_->setValue(s.latentDim);
  batch_->setValue(s.batchSize);
  epochs_->setValue(s.epochs);
  minutes_->setValue(s.minutes);
  if (s.threads > 0) threads_->setValue(s.threads);
  enableBudgetFields();
  seed_->setValue(static_cast<double>(s.seed));
  device_->setCurrentIndex(std::max(0, device_->findData(s.device)));
  losers_->setCurrentIndex(std::max(0, losers_->findData(static_cast<int>(s.losers))));
  if (!s.outputFolder.isEmpty()) output_->setText(s.outputFolder);
}

void TrainingForm::setDatasetSpec(const QString& spec) { dataset_->setCurrentText(spec); }

QString TrainingForm::outputFolder() const { return output_->text().trimmed(); }

void TrainingForm::setOutputFolder(const QString& folder) { output_->setText(folder); }

QString TrainingForm::invalidProblem() {
  NumberField* field = problems_->firstInvalid();
  if (!field) return {};
  field->setFocus();
  return field->problem();
}

void TrainingForm::applyRunDefaults() {
  if (!candidates_) return;  // still being built
  const auto d = service::runDefaults(dataset_->currentText(), size_->currentData().toInt());
  const QSignalBlocker block_beta(beta_), block_gamma(gamma_), block_rate(learning_rate_), block_steps(steps_),
      block_candidates(candidates_), block_screen(screen_steps_);
  if (!beta_chosen_) beta_->setValue(d.beta);
  if (!gamma_chosen_) gamma_->setValue(d.gamma);
  if (!learning_rate_chosen_) learning_rate_->setValue(d.learningRate);
  if (!steps_chosen_) steps_->setValue(static_cast<double>(d.steps));
  if (!candidates_chosen_) candidates_->setValue(d.candidates);
  if (!screen_steps_chosen_)
    screen_steps_->setValue(
        static_cast<double>(service::runDefaults(dataset_->currentText(), size_->currentData().toInt(),
                                                 static_cast<qint64>(steps_->value()))
                                .screenSteps));
  screen_steps_->setEnabled(candidates_->value() > 1);
  losers_->setEnabled(candidates_->value() > 1);
  enableBudgetFields();
}

void TrainingForm::enableBudgetFields() {
  const bool timed = minutes_->value() > 0;
  for (NumberField* field : {steps_, epochs_}) {
    field->setEnabled(!timed);
    field->setToolTip(timed ? tr("Planned from the time budget; set the time budget to 0 to give steps") : QString());
  }
}

}  // namespace fvae::ui
