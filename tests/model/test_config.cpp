// The configuration and its schedules (model/base/config.h): round trips, validation, learning-rate warm-up and
// decay, the KL capacity. Links model/base only.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>

#include "model/base/config.h"

using namespace fvae;

class TestConfig : public QObject {
  Q_OBJECT

 private slots:
  void configRoundTripAndValidation() {
    const auto& seed = preset("seed");
    auto kv = to_key_values(seed.model, seed.train);
    ModelConfig m;
    TrainConfig t;
    from_key_values(parse_key_values(serialize_key_values(kv)), m, t);
    QVERIFY(m == seed.model);
    QCOMPARE(t.gamma, 9.0 / 256.0);
    QCOMPARE(t.beta_at(0), 0.001);
    QCOMPARE(t.beta_at(15), 0.35);
    QCOMPARE(t.beta_at(90), 0.7);
    QCOMPARE(t.disc_precision, std::string("auto"));
    QCOMPARE(t.capacity_at(1000), 0.0);  // no capacity target in the seed preset
    // Checkpoints written before the precision setting existed trained in fp32.
    auto old = kv;
    old.erase("train.disc_precision");
    from_key_values(old, m, t);
    QCOMPARE(t.disc_precision, std::string("fp32"));
    kv["train.disc_precision"] = "fp8";
    QVERIFY_THROWS_EXCEPTION(ConfigError, from_key_values(kv, m, t));
    kv["train.disc_precision"] = "bf16";
    kv["model.image_size"] = "48";
    QVERIFY_THROWS_EXCEPTION(ConfigError, from_key_values(kv, m, t));
    QVERIFY_THROWS_EXCEPTION(ConfigError, preset("nonsense"));
  }

  void learningRateDecaysLinearlyOverTheLastFraction() {
    TrainConfig t;
    t.vae_lr = 1e-3;
    QCOMPARE(t.vae_lr_at(999, 1000), 1e-3);  // no decay by default
    t.vae_lr_decay_fraction = 0.25;          // the last 250 of 1000 steps
    QCOMPARE(t.vae_lr_at(0, 1000), 1e-3);
    QCOMPARE(t.vae_lr_at(749, 1000), 1e-3);
    QCOMPARE(t.vae_lr_at(750, 1000), 1e-3);  // 250 steps left: the decay's first step, at the full rate
    QCOMPARE(t.vae_lr_at(875, 1000), 0.5e-3);
    QCOMPARE(t.vae_lr_at(999, 1000), 1e-3 / 250);
    QCOMPARE(t.vae_lr_at(1200, 1000), 1e-3 / 250);  // past the budget (resumed with fewer steps): the last rate

    ModelConfig m;
    TrainConfig back;
    auto kv = to_key_values(m, t);
    from_key_values(parse_key_values(serialize_key_values(kv)), m, back);
    QCOMPARE(back.vae_lr_decay_fraction, 0.25);
    kv.erase("train.vae_lr_decay_fraction");
    from_key_values(kv, m, back);
    QCOMPARE(back.vae_lr_decay_fraction, 0.0);
    t.vae_lr_decay_fraction = 1.5;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
  }

  void learningRateWarmsUpLinearlyOverTheFirstSteps() {
    TrainConfig t;
    t.vae_lr = 1e-3;
    t.vae_lr_warmup_steps = 100;
    QCOMPARE(t.vae_lr_at(0, 1000), 1e-5);  // the first step at vae_lr / 100
    QCOMPARE(t.vae_lr_at(49, 1000), 0.5e-3);
    QCOMPARE(t.vae_lr_at(99, 1000), 1e-3);  // the 100th at the full rate
    QCOMPARE(t.vae_lr_at(500, 1000), 1e-3);
    t.vae_lr_decay_fraction = 1.0;  // overlapping decay over all 1000 steps: the lower of the two rates
    QCOMPARE(t.vae_lr_at(0, 1000), 1e-5);
    QCOMPARE(t.vae_lr_at(99, 1000), 1e-3 * 901 / 1000);
    QCOMPARE(t.vae_lr_at(999, 1000), 1e-6);

    ModelConfig m;
    TrainConfig back;
    auto kv = to_key_values(m, t);
    from_key_values(parse_key_values(serialize_key_values(kv)), m, back);
    QCOMPARE(back.vae_lr_warmup_steps, int64_t{100});
    kv.erase("train.vae_lr_warmup_steps");  // a checkpoint from before the option trained without warm-up
    from_key_values(kv, m, back);
    QCOMPARE(back.vae_lr_warmup_steps, int64_t{0});
    t.vae_lr_warmup_steps = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
  }

  void klCapacityRisesLinearlyAndRoundTrips() {
    TrainConfig t;
    t.kl_capacity = 12.5;
    t.capacity_steps = 1000;
    QCOMPARE(t.capacity_at(0), 0.0);
    QCOMPARE(t.capacity_at(400), 5.0);
    QCOMPARE(t.capacity_at(1000), 12.5);
    QCOMPARE(t.capacity_at(5000), 12.5);
    t.capacity_steps = 0;  // no ramp: the full target from the first step
    QCOMPARE(t.capacity_at(0), 12.5);
    t.capacity_steps = 1000;

    ModelConfig m;
    TrainConfig back;
    auto kv = to_key_values(m, t);
    from_key_values(parse_key_values(serialize_key_values(kv)), m, back);
    QCOMPARE(back.kl_capacity, 12.5);
    QCOMPARE(back.capacity_steps, int64_t{1000});
    // Checkpoints written before the capacity target existed trained without one.
    kv.erase("train.kl_capacity");
    kv.erase("train.capacity_steps");
    from_key_values(kv, m, back);
    QCOMPARE(back.kl_capacity, 0.0);
    QCOMPARE(back.capacity_at(500), 0.0);

    t.kl_capacity = -1;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
    t.kl_capacity = 5;
    t.capacity_steps = -3;
    QVERIFY_THROWS_EXCEPTION(ConfigError, t.validate());
  }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
