// CSV tables of the latent responses (no LibTorch: the GUI exports them too).
#include <algorithm>

#include "model/analysis/response_types.h"
#include "model/base/csv.h"
#include "model/base/numbers.h"

namespace fvae {

namespace {

std::string number(double x) { return format_general(x, 6); }

std::string latent_name(const std::vector<std::string>& names, size_t d) { return d < names.size() ? names[d] : ""; }

}  // namespace

std::string factor_responses_csv(const FactorResponses& r, const std::vector<std::string>& latent_names) {
  CsvTable csv({"factor", "group", "value", "value_name", "dimension", "dimension_name", "mean", "std", "samples",
                "eta_squared", "dimension_variance"});
  for (size_t f = 0; f < r.curves.size(); ++f)
    for (const auto& curve : r.curves[f])
      for (size_t d = 0; d < curve.mean.size(); ++d)
        for (size_t v = 0; v < curve.mean[d].size(); ++v) {
          const int64_t samples = curve.group.empty()
                                      ? r.samples_per_value
                                      : r.samples_per_value / std::max<int64_t>(1, r.factor_sizes[r.group_by]);
          csv.add_row({r.factor_names[f], curve.group.empty() ? "all" : curve.group, std::to_string(v),
                       r.value_names[f][v], std::to_string(d), latent_name(latent_names, d), number(curve.mean[d][v]),
                       number(curve.stddev[d][v]), std::to_string(samples), number(r.explained[d][f]),
                       number(r.variance[d])});
        }
  return csv.text();
}

std::string class_responses_csv(const ClassResponses& r, const std::vector<std::string>& latent_names) {
  CsvTable csv({"dimension", "dimension_name", "separation", "rank", "class", "count", "mean", "std", "q05", "q25",
                "median", "q75", "q95"});
  for (size_t rank = 0; rank < r.ranking.size(); ++rank) {
    const auto d = static_cast<size_t>(r.ranking[rank]);
    for (size_t c = 0; c < r.class_names.size(); ++c) {
      const auto& s = r.stats[d][c];
      csv.add_row({std::to_string(d), latent_name(latent_names, d), number(r.separation[d]), std::to_string(rank + 1),
                   r.class_names[c], std::to_string(s.count), number(s.mean), number(s.stddev), number(s.q05),
                   number(s.q25), number(s.median), number(s.q75), number(s.q95)});
    }
  }
  return csv.text();
}

}  // namespace fvae
