#pragma once
// The committed reference for the CI smoke test (tests/bench_smoke.cpp): C++ batch scoring time
// over memory-read time on the smoke workload (batch_vs_read.hpp), as printed by bench/run.sh
// ("in cache: ratio batch / memory read") on the machine of docs/performance.md. The smoke test
// fails when a run measures more than twice this. Update it only together with
// docs/performance.md, with the reason (a faster kernel lowers it; a new rule may raise it).

namespace ocop_bench {

inline constexpr double smoke_reference_ratio = 115.0;  // provisional, from smoke runs under load

}  // namespace ocop_bench
