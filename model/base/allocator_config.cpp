// jemalloc's settings for every executable of the project (compiled into each one by factorvae_use_allocator: the
// allocator reads this symbol when the process starts; MALLOC_CONF in the environment still overrides it).
//
// dirty_decay_ms:-1 keeps freed pages in the process for reuse instead of returning them to the system after a
// while. A training step frees and reallocates tens of MB; with jemalloc's default decay (10 s) the steady state
// faulted ~3,900 fresh pages in each step at 28x28, batch 64 (16 MB a step, measured by test_training's page-fault
// test), and none with this setting. jemalloc reuses what it keeps, so resident memory stays at the working set's
// peak rather than growing (test_memory, bench_memory).
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
