#pragma once
// A model that a training refreshes, for the service's and the widgets' tests: a live snapshot of the `first`
// networks (step 0), and the `second` networks a later step would publish into it.

#include <torch/torch.h>

#include <memory>

#include "app/service/decode_model.h"
#include "model/inference/inference.h"
#include "model/nn/networks.h"

namespace fvae::testing {

struct LiveModel {
  std::shared_ptr<Networks> first, second;
  std::shared_ptr<ModelSnapshot> snapshot;
  std::shared_ptr<service::DecodeModel> live;
};

inline LiveModel live_model(uint64_t seed) {
  ModelConfig config;
  config.image_size = 28;
  torch::manual_seed(seed);
  LiveModel m{std::make_shared<Networks>(config), std::make_shared<Networks>(config),
              std::make_shared<ModelSnapshot>(config), nullptr};
  m.snapshot->update_from(*m.first, 0);
  m.live = service::snapshotModel(m.snapshot, "live", "live", true);
  return m;
}

}  // namespace fvae::testing
