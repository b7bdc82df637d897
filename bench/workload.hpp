#pragma once
// Deterministic generated data for the benchmark and the smoke test: products spread over every
// scorable set of an edition, each scored by a council of `members` in `rounds` rounds. One row of
// level indices per scorecard (the batch layout, ocop/batch.hpp); the same rows become scorecards
// for the rich API, JSON text for the parser, SQL rows and Python dicts for the baselines.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ocop/batch.hpp"
#include "ocop/catalog.hpp"
#include "ocop/scoring.hpp"

namespace ocop_bench {

/// splitmix64: tiny, fast, the same sequence on every platform.
struct rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

/// The products of one set: rows ordered by (product, round, member), slots() bytes each.
struct set_block {
    const ocop::product_set* set = nullptr;
    ocop::compiled_sheet sheet;
    std::size_t first_product = 0;  ///< global number of its first product
    std::size_t products = 0;
    std::vector<std::uint8_t> rows;
};

struct workload {
    const ocop::edition* ed = nullptr;
    int members = 0;
    int rounds = 0;
    std::vector<set_block> blocks;

    std::size_t products() const {
        std::size_t n = 0;
        for (const auto& b : blocks) n += b.products;
        return n;
    }
    std::size_t scorecards() const { return products() * static_cast<std::size_t>(members * rounds); }
    std::size_t bytes() const {
        std::size_t n = 0;
        for (const auto& b : blocks) n += b.rows.size();
        return n;
    }
    std::size_t rows_of(const set_block& b) const { return b.products * static_cast<std::size_t>(members * rounds); }
};

namespace detail {

/// One council's rows for one product. A product has a quality; each member answers around it
/// (one option either way now and then); the second round is a little better (improvements after
/// the first evaluation). Either/or criteria: the product's case is fixed (an enterprise or a
/// household), the level varies. Criteria whose condition does not hold get no answer.
inline void product_rows(const ocop::product_set& set, const ocop::compiled_sheet& sheet, rng& r, int members, int rounds,
                         std::uint8_t* out) {
    const std::size_t n = sheet.slots();
    const double quality = 0.15 + 0.85 * r.unit();
    std::vector<std::size_t> case_pick(n);
    for (std::size_t s = 0; s < n; ++s) case_pick[s] = r.below(std::max<std::size_t>(1, set.criteria[s].cases.size()));
    for (int round = 0; round < rounds; ++round) {
        const double q = std::min(1.0, quality + 0.05 * round);
        for (int m = 0; m < members; ++m, out += n) {
            for (std::size_t s = 0; s < n; ++s) {
                const auto& c = set.criteria[s];
                auto opts = sheet.options(s);
                std::size_t first = 0, count = opts.size();
                if (c.has_cases()) {  // the options of the product's case only
                    const std::string& want = c.cases[case_pick[s]].id;
                    while (first < opts.size() && *opts[first].case_id != want) ++first;
                    count = 0;
                    while (first + count < opts.size() && *opts[first + count].case_id == want) ++count;
                }
                double u = r.unit();
                double target = q * static_cast<double>(count - 1) + (u < 0.2 ? -1.0 : u > 0.8 ? 1.0 : 0.0) + r.unit() - 0.5;
                auto pick = static_cast<std::size_t>(std::clamp(target + 0.5, 0.0, static_cast<double>(count - 1)));
                out[s] = static_cast<std::uint8_t>(first + pick);
            }
            // Applicability (5.2/5.3 only with a product story): no answer where it does not hold.
            for (std::size_t s = 0; s < n; ++s) {
                const auto& cond = set.criteria[s].applies_if;
                if (!cond) continue;
                auto ref = sheet.slot_of(cond->criterion);
                bool holds = false;
                if (ref && out[*ref] != ocop::no_answer) {
                    const std::string& lv = sheet.options(*ref)[out[*ref]].level;
                    holds = std::find(cond->levels.begin(), cond->levels.end(), lv) != cond->levels.end();
                }
                if (!holds) out[s] = ocop::no_answer;
            }
        }
    }
}

}  // namespace detail

/// `products` products spread evenly (in contiguous blocks) over every set of `ed` that has a
/// sheet, `members` x `rounds` scorecards each. Deterministic for a given seed.
inline workload make_workload(const ocop::edition& ed, std::size_t products, int members, int rounds, std::uint64_t seed = 20211020) {
    workload w;
    w.ed = &ed;
    w.members = members;
    w.rounds = rounds;
    std::vector<const ocop::product_set*> sets;
    for (const auto& s : ed.sets)
        if (s.status != ocop::set_status::unavailable) sets.push_back(&s);
    rng r{seed};
    std::size_t next = 0;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        std::size_t count = products / sets.size() + (i < products % sets.size() ? 1 : 0);
        set_block b{sets[i], ocop::compiled_sheet(ed, *sets[i]), next, count, {}};
        const std::size_t per_product = static_cast<std::size_t>(members * rounds) * b.sheet.slots();
        b.rows.resize(count * per_product);
        for (std::size_t p = 0; p < count; ++p)
            detail::product_rows(*b.set, b.sheet, r, members, rounds, b.rows.data() + p * per_product);
        next += count;
        w.blocks.push_back(std::move(b));
    }
    return w;
}

/// The scorecard a row stands for (what an evaluator would submit).
inline ocop::scorecard to_scorecard(const workload& w, const set_block& b, std::size_t row, const std::string& evaluator) {
    ocop::scorecard card;
    card.edition = w.ed->id;
    card.set = b.set->id;
    card.evaluator = evaluator;
    const std::size_t n = b.sheet.slots();
    const std::uint8_t* levels = b.rows.data() + row * n;
    for (std::size_t s = 0; s < n; ++s) {
        if (levels[s] == ocop::no_answer) continue;
        const auto& opt = b.sheet.options(s)[levels[s]];
        card.answers[b.sheet.criterion_id(s)] = ocop::answer{opt.case_id, opt.level};
    }
    return card;
}

}  // namespace ocop_bench
