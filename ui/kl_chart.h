#pragma once
// KL per latent dimension as bars (Qt Charts): bars near zero are collapsed dimensions.

#include <QVector>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChartView;
class QValueAxis;
QT_END_NAMESPACE

namespace fvae::ui {

class KlChart : public QWidget {
  Q_OBJECT
 public:
  explicit KlChart(QWidget* parent = nullptr);
  void setKl(const QVector<double>& klPerDimension, const QStringList& names = {});
  QVector<double> kl() const { return kl_; }
  QChartView* view() const { return view_; }

 private:
  QVector<double> kl_;
  QBarSet* bars_ = nullptr;
  QValueAxis* axis_ = nullptr;
  QBarCategoryAxis* categories_ = nullptr;
  QChartView* view_ = nullptr;
};

}  // namespace fvae::ui
