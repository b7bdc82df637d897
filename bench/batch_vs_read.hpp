#pragma once
// Batch scoring time over the time of a memory limit, on the same bytes. The CI smoke figure
// (measure_batch_vs_read: the rows read with 16-byte vectors, in cache) is shared by the benchmark
// (which prints it and the committed reference) and by tests/bench_smoke.cpp, so both measure
// exactly the same thing; the benchmark's machine-independent limits (measure_batch_vs_limit)
// also count the outputs written and use the widest vectors of the CPU (memory_limit.hpp).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "harness.hpp"
#include "memory_limit.hpp"
#include "workload.hpp"

namespace ocop_bench {

/// Products of the smoke workload: 500 x 9 members x 2 rounds = 9,000 rows, about 264 KB, which
/// stays in the L2 cache of any current x86 or ARM core (so memory bandwidth shared with other
/// processes on a loaded CI machine does not move the figure much).
inline constexpr std::size_t smoke_products = 500;

struct batch_vs_read {
    double batch_ns_per_row = 0;
    double read_ns_per_row = 0;  ///< the limit: the rows read (and, for measure_batch_vs_limit, the outputs written)
    double ratio() const { return batch_ns_per_row / read_ns_per_row; }
    std::size_t rows = 0;
    std::size_t bytes = 0;    ///< bytes of the rows
    std::size_t written = 0;  ///< bytes of the outputs (totals, stars and, if asked, outcomes)
    std::int64_t total_checksum = 0;  ///< sum of every total: proves the scoring ran
};

namespace detail {

/// Output arrays of a batch call per block of the workload.
struct batch_outputs {
    std::vector<std::vector<std::int32_t>> totals, stars;
    std::vector<std::vector<std::uint8_t>> outcomes;
    batch_outputs(const workload& w, bool with_outcomes) {
        for (const auto& b : w.blocks) {
            totals.emplace_back(w.rows_of(b));
            stars.emplace_back(w.rows_of(b));
            outcomes.emplace_back(with_outcomes ? w.rows_of(b) : 0);
        }
    }
    std::size_t bytes() const {
        std::size_t n = 0;
        for (std::size_t i = 0; i < totals.size(); ++i) n += 4 * totals[i].size() + 4 * stars[i].size() + outcomes[i].size();
        return n;
    }
};

/// Best of `samples` alternating samples of `batch` and `limit` (so that both see the same load
/// from other processes), each sample lasting about `min_sample` seconds (at least one call).
template <class Batch, class Limit>
void best_alternating(Batch& batch, Limit& limit, int samples, double min_sample, double& best_batch, double& best_limit) {
    auto calls_for = [&](auto& fn) {
        auto t0 = now();
        fn();  // also warms the caches
        double one = std::max(1e-9, seconds_since(t0));
        return std::max<std::size_t>(1, static_cast<std::size_t>(min_sample / one));
    };
    const std::size_t nb = calls_for(batch), nl = calls_for(limit);
    best_batch = best_limit = 1e30;
    for (int s = 0; s < samples; ++s) {
        auto t0 = now();
        for (std::size_t i = 0; i < nb; ++i) batch();
        best_batch = std::min(best_batch, seconds_since(t0) / static_cast<double>(nb));
        t0 = now();
        for (std::size_t i = 0; i < nl; ++i) limit();
        best_limit = std::min(best_limit, seconds_since(t0) / static_cast<double>(nl));
    }
}

template <class Limit>
batch_vs_read measure_against(const workload& w, bool with_outcomes, Limit&& limit, int samples, double min_sample) {
    batch_outputs out(w, with_outcomes);
    auto batch = [&] {
        for (std::size_t i = 0; i < w.blocks.size(); ++i) {
            const auto& b = w.blocks[i];
            b.sheet.score(b.rows, w.rows_of(b), out.totals[i], out.stars[i], out.outcomes[i]);
        }
        keep(out.totals);
    };
    auto limit_of_outputs = [&] { limit(out); };
    double best_b = 0, best_l = 0;
    best_alternating(batch, limit_of_outputs, samples, min_sample, best_b, best_l);
    batch_vs_read f;
    f.rows = w.scorecards();
    f.bytes = w.bytes();
    f.written = out.bytes();
    f.batch_ns_per_row = best_b * 1e9 / static_cast<double>(f.rows);
    f.read_ns_per_row = best_l * 1e9 / static_cast<double>(f.rows);
    for (const auto& t : out.totals)
        for (auto v : t) f.total_checksum += v;
    return f;
}

}  // namespace detail

/// The CI smoke figure: batch scoring (totals and stars) over reading the rows with 16-byte vectors
/// (read_all, the same code on every machine and build type).
inline batch_vs_read measure_batch_vs_read(const workload& w, int samples, double min_sample) {
    auto read = [&](detail::batch_outputs&) {
        std::uint64_t sum = 0;
        for (const auto& b : w.blocks) sum += read_all(b.rows.data(), b.rows.size());
        keep(sum);
    };
    return detail::measure_against(w, false, read, samples, min_sample);
}

/// Batch scoring (totals, stars and outcomes) over the least it must do with memory: read the rows
/// and write the outputs, each once, with the widest vectors of `access`.
inline batch_vs_read measure_batch_vs_limit(const workload& w, const wide_access& access, int samples, double min_sample) {
    auto read_write = [&](detail::batch_outputs& out) {
        std::uint64_t sum = 0;
        for (std::size_t i = 0; i < w.blocks.size(); ++i) {
            sum += access.read(w.blocks[i].rows.data(), w.blocks[i].rows.size());
            const auto byte = static_cast<std::uint8_t>(sum);
            access.write(reinterpret_cast<std::uint8_t*>(out.totals[i].data()), 4 * out.totals[i].size(), byte);
            access.write(reinterpret_cast<std::uint8_t*>(out.stars[i].data()), 4 * out.stars[i].size(), byte);
            access.write(out.outcomes[i].data(), out.outcomes[i].size(), byte);
        }
        keep(sum);
        keep(out.totals);
    };
    return detail::measure_against(w, true, read_write, samples, min_sample);
}

/// `w` with every block's rows repeated `times` times (as many more products): data of any size
/// from a generated workload, without generating it again.
inline workload repeated(const workload& w, std::size_t times) {
    workload big;
    big.ed = w.ed;
    big.members = w.members;
    big.rounds = w.rounds;
    std::size_t next = 0;
    for (const auto& b : w.blocks) {
        set_block r{b.set, b.sheet, next, b.products * times, {}};
        r.rows.reserve(b.rows.size() * times);
        for (std::size_t t = 0; t < times; ++t) r.rows.insert(r.rows.end(), b.rows.begin(), b.rows.end());
        next += r.products;
        big.blocks.push_back(std::move(r));
    }
    return big;
}

}  // namespace ocop_bench
