#pragma once
// The committed reference for the CI smoke test (tests/bench_smoke.cpp): C++ batch scoring time
// over memory-read time on the smoke workload (batch_vs_read.hpp), the line "in cache: ratio
// batch / memory read" of bench/run.sh, one figure per batch kernel (compiled_sheet::kernel: the
// CPU decides which one runs). The smoke test fails when a run measures more than twice this.
// Update it only together with docs/performance.md, with the reason (a faster kernel lowers it; a
// new rule that must cost more raises it).
//
// avx2 (32 rows at a time, src/batch_avx2.cpp): 9 on AMD EPYC (Zen 5, KVM, 2 cores), GCC 12.2,
// Release, under load (load average 11 to 14 on 2 cores): 7 runs measured 6.6x to 9.7x.
// portable (one row at a time, src/batch.cpp since 5e76c9e): 35 on the same machine; 16 runs under
// load measured 33.5x to 36.4x, RelWithDebInfo and Release alike. Before 5e76c9e (39 ns per
// scorecard) the figure was 80x to 135x and the reference 120.

#include <string_view>

namespace ocop_bench {

inline constexpr double smoke_reference_avx2 = 9.0;
inline constexpr double smoke_reference_portable = 35.0;

/// The reference of the kernel `kernel` ("avx2" or "portable").
inline double smoke_reference_ratio(std::string_view kernel) { return kernel == "avx2" ? smoke_reference_avx2 : smoke_reference_portable; }

}  // namespace ocop_bench
