#pragma once
// Deterministic generated data for the benchmark and the smoke test: products spread over every
// scorable set of an edition, each scored by a council of `members` in `rounds` rounds, with the
// synthetic scorecards of the CLI's demo (tools/synthetic). One row of
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
#include "synthetic.hpp"

namespace ocop_bench {

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

/// One council's rows for one product (tools/synthetic): a product has a quality (per mille) and a
/// subject kind (which fixes the case of either/or criteria); each member scores it through
/// synthetic::synthetic_scorecard, around that quality; the second round is a little better
/// (improvements after the first evaluation). Criteria that do not apply get no answer.
inline void product_rows(const ocop::edition& ed, const ocop::product_set& set, const ocop::compiled_sheet& sheet,
                         ocop::synthetic::rng& r, int members, int rounds, std::uint8_t* out) {
    static constexpr ocop::subject_kind kinds[] = {ocop::subject_kind::enterprise, ocop::subject_kind::cooperative,
                                                   ocop::subject_kind::cooperative_group, ocop::subject_kind::household};
    const std::size_t n = sheet.slots();
    const int quality = 150 + static_cast<int>(r.below(851));
    const ocop::subject_kind kind = kinds[r.below(4)];
    for (int round = 0; round < rounds; ++round) {
        const int q = std::min(1000, quality + 50 * round);
        for (int m = 0; m < members; ++m, out += n) {
            const ocop::scorecard card = ocop::synthetic::synthetic_scorecard(set, ed.id, "member", q, kind, r, {});
            for (std::size_t s = 0; s < n; ++s) {
                auto a = card.answers.find(sheet.criterion_id(s));
                out[s] = a == card.answers.end() ? ocop::no_answer
                                                 : *sheet.option_index(s, a->second.case_id.value_or(""), a->second.level);
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
    ocop::synthetic::rng r(seed);
    std::size_t next = 0;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        std::size_t count = products / sets.size() + (i < products % sets.size() ? 1 : 0);
        set_block b{sets[i], ocop::compiled_sheet(ed, *sets[i]), next, count, {}};
        const std::size_t per_product = static_cast<std::size_t>(members * rounds) * b.sheet.slots();
        b.rows.resize(count * per_product);
        for (std::size_t p = 0; p < count; ++p)
            detail::product_rows(ed, *b.set, b.sheet, r, members, rounds, b.rows.data() + p * per_product);
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
