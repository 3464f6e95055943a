#pragma once
// Reconstruction panel: browse the dataset or load image files, then compare originals with their reconstructions
// (z = μ), per-image error and a difference heat map.

#include <QVector>
#include <QWidget>
#include <functional>
#include <memory>

#include "app/service/dataset_view.h"
#include "app/service/decode_model.h"
#include "app/service/job_tracker.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QSplitter;
class QTimer;

namespace fvae::ui {

class DatasetBrowser;
class ResultOrigin;

class ReconstructionPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kMaxImages = 64;

  explicit ReconstructionPanel(QWidget* parent = nullptr);
  void setModel(std::shared_ptr<service::DecodeModel> model);
  void setDataset(std::shared_ptr<service::DatasetView> dataset);
  DatasetBrowser* browser() const { return browser_; }
  QVector<service::Reconstruction> results() const { return results_; }
  QImage comparisonGrid() const;             // originals, reconstructions and heat maps as three rows
  static constexpr int kDefaultImages = 16;  // reconstructed when nothing is selected: the page's first images

 public slots:
  void reconstructSelected();  // or, with nothing selected, the first images of the page shown
  void reconstructImages(const QVector<QImage>& images, const QStringList& captions);  // off the GUI thread
  // Reads the files off the GUI thread (a large photo takes a while), then reconstructs them; files that cannot be
  // read are named in the window's message bar and by filesSkipped.
  void loadImageFiles(const QStringList& paths);

 signals:
  void exploreCode(const QVector<float>& code);
  void reconstructed();                           // results() holds the newest request's reconstructions
  void filesSkipped(const QStringList& reasons);  // "path: reason" for each file loadImageFiles could not read

 protected:
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void chooseImageFiles();
  void showResults(const QStringList& captions);
  void reconstructPage();
  struct Inputs {
    QVector<QImage> images;
    QStringList captions, failed;
  };
  void reconstructInputs(std::function<Inputs()> gather);  // gathers and reconstructs in one background job
  void followLiveWeights();
  void createButtons();
  void createTable();
  void layOut();

  std::shared_ptr<service::DecodeModel> model_;
  DatasetBrowser* browser_;
  QTableWidget* table_;
  QLabel* summary_;
  QSplitter* splitter_ = nullptr;
  void fitTable();  // the table gets the width its columns need, the image browser the rest
  QPushButton* reconstruct_;
  QPushButton* explore_;
  QPushButton* load_ = nullptr;
  QPushButton* export_;
  ResultOrigin* origin_;  // which model and step the reconstructions are from
  QVector<QImage> inputs_;
  QVector<service::Reconstruction> results_;
  QStringList captions_;
  quint64 shown_version_ = 0;
  QTimer* follow_timer_ = nullptr;
  service::JobTracker* jobs_;  // the newest request wins
};

}  // namespace fvae::ui
