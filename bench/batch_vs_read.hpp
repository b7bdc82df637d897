#pragma once
// The figure the CI smoke test guards: C++ batch scoring time over memory-read time, on the same
// bytes. Shared by the benchmark (which prints it and the committed reference) and by
// tests/bench_smoke.cpp, so both measure exactly the same thing.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "harness.hpp"
#include "workload.hpp"

namespace ocop_bench {

/// Products of the smoke workload: 500 x 9 members x 2 rounds = 9,000 rows, about 320 KB, which
/// stays in the L2 cache of any current x86 or ARM core (so memory bandwidth shared with other
/// processes on a loaded CI machine does not move the figure much).
inline constexpr std::size_t smoke_products = 500;

struct batch_vs_read {
    double batch_ns_per_row = 0;
    double read_ns_per_row = 0;
    double ratio() const { return batch_ns_per_row / read_ns_per_row; }
    std::size_t rows = 0;
    std::size_t bytes = 0;
    std::int64_t total_checksum = 0;  ///< sum of every total: proves the scoring ran
};

/// Best of `samples` alternating samples of (batch score every block, read every block's bytes).
/// Alternating means both contenders see the same load from other processes.
inline batch_vs_read measure_batch_vs_read(const workload& w, int samples, double min_sample) {
    std::vector<std::vector<std::int32_t>> totals, stars;
    for (const auto& b : w.blocks) {
        totals.emplace_back(w.rows_of(b));
        stars.emplace_back(w.rows_of(b));
    }
    auto batch = [&] {
        for (std::size_t i = 0; i < w.blocks.size(); ++i) {
            const auto& b = w.blocks[i];
            b.sheet.score(b.rows, w.rows_of(b), totals[i], stars[i]);
        }
        keep(totals);
    };
    auto read = [&] {
        std::uint64_t sum = 0;
        for (const auto& b : w.blocks) sum += read_all(b.rows.data(), b.rows.size());
        keep(sum);
    };
    // Calibrate the number of calls per sample on each (a few ms), then alternate.
    auto calls_for = [&](auto& fn) {
        auto t0 = now();
        fn();
        double one = std::max(1e-9, seconds_since(t0));
        return std::max<std::size_t>(1, static_cast<std::size_t>(min_sample / one));
    };
    batch();
    read();  // warm the caches
    const std::size_t nb = calls_for(batch), nr = calls_for(read);
    double best_b = 1e30, best_r = 1e30;
    for (int s = 0; s < samples; ++s) {
        auto t0 = now();
        for (std::size_t i = 0; i < nb; ++i) batch();
        best_b = std::min(best_b, seconds_since(t0) / static_cast<double>(nb));
        t0 = now();
        for (std::size_t i = 0; i < nr; ++i) read();
        best_r = std::min(best_r, seconds_since(t0) / static_cast<double>(nr));
    }
    batch_vs_read f;
    f.rows = w.scorecards();
    f.bytes = w.bytes();
    f.batch_ns_per_row = best_b * 1e9 / static_cast<double>(f.rows);
    f.read_ns_per_row = best_r * 1e9 / static_cast<double>(f.rows);
    for (const auto& t : totals)
        for (auto v : t) f.total_checksum += v;
    return f;
}

}  // namespace ocop_bench
