#pragma once
// A prototype batch kernel, to measure how close to the memory-read limit batch scoring can get
// (docs/performance.md, "why the 10x target is missed"). Not part of the library: it produces the
// same totals, stars and outcomes as ocop::compiled_sheet::score (ocop_bench checks it on every
// row), and falls back to it for any row that is not simple.
//
// The idea: one padded table of 256 entries per slot, so that a row is scored with one
// unconditional load and one add per criterion. Each entry packs the points (bits 0-9), a count
// of "index out of range" (bits 10-19) and a count of "no answer" (bits 20-29) into 32 bits (so
// the table of a 35-criterion sheet, 35 KB, stays in the L1 cache), and one sum gives the total
// and tells whether the row needs a closer look. Only the few slots with
// a condition (5.2/5.3) or a level-triggered knock-out (6.1 "a") are looked at individually.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ocop/batch.hpp"
#include "ocop/catalog.hpp"

namespace ocop_bench {

class fast_sheet {
public:
    fast_sheet(const ocop::edition& ed, const ocop::product_set& set, const ocop::compiled_sheet& exact)
        : exact_(&exact), n_(exact.slots()), table_(n_ * 256) {
        constexpr std::uint32_t out_of_range = 1u << 10, no_answer = 1u << 20;
        if (n_ >= 1024 || exact.max_total() >= 1024) simple_ = false;  // would not fit the packing
        for (std::size_t s = 0; s < n_; ++s) {
            auto opts = exact.options(s);
            for (std::size_t i = 0; i < 256; ++i)
                table_[s * 256 + i] = i == ocop::no_answer ? no_answer
                                      : i < opts.size()    ? static_cast<std::uint32_t>(opts[i].points)
                                                           : out_of_range;
            const auto& c = set.criteria[s];
            if (c.applies_if) {
                auto ref = exact.slot_of(c.applies_if->criterion);
                if (!ref) {
                    simple_ = false;  // a condition that never holds: leave such sheets to the exact kernel
                    continue;
                }
                condition cond{static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(*ref), {}};
                auto ro = exact.options(*ref);
                for (std::size_t i = 0; i < ro.size(); ++i)
                    for (const auto& l : c.applies_if->levels)
                        if (ro[i].level == l) cond.enables[i] = 1;
                conditions_.push_back(cond);
            }
            for (const auto& rule : c.knockouts) {
                if (rule.trigger != ocop::trigger_kind::levels) continue;
                for (const auto& t : rule.trigger_levels) {
                    auto ts = exact.slot_of(t.criterion);
                    if (!ts || set.criteria[*ts].has_cases()) continue;
                    if (auto o = exact.option_index(*ts, "", t.level))
                        triggers_.push_back({static_cast<std::uint32_t>(*ts), *o});
                }
            }
        }
        for (const auto& link : set.minimum_requirements) {
            const auto* req = ed.find_requirement(link.requirement);
            if (!req) continue;
            bool applies = req->industries.empty();
            for (const auto& i : req->industries) applies |= i == set.industry;
            if (!applies) continue;
            if (auto s = exact.slot_of(link.criterion)) caps_.push_back({static_cast<std::uint32_t>(*s), link.at_least_points, req->stars});
        }
        stars_.assign(static_cast<std::size_t>(exact.max_total()) + 1, -1);
        for (int t = 0; t <= exact.max_total(); ++t)
            for (const auto& b : ed.star_bands)
                if (t >= b.from && (t < b.to || (b.to == 100 && t == 100))) {
                    stars_[static_cast<std::size_t>(t)] = static_cast<std::int8_t>(b.stars);
                    break;
                }
    }

    /// Same contract as compiled_sheet::score (outcomes required here).
    void score(const std::uint8_t* levels, std::size_t count, std::int32_t* totals, std::int32_t* stars, std::uint8_t* outcomes) const {
        const std::uint32_t* table = table_.data();
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint8_t* row = levels + i * n_;
            std::uint32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;  // four chains of adds, not one
            std::size_t s = 0;
            for (; s + 4 <= n_; s += 4) {
                a0 += table[s * 256 + row[s]];
                a1 += table[(s + 1) * 256 + row[s + 1]];
                a2 += table[(s + 2) * 256 + row[s + 2]];
                a3 += table[(s + 3) * 256 + row[s + 3]];
            }
            for (; s < n_; ++s) a0 += table[s * 256 + row[s]];
            const std::uint32_t acc = a0 + a1 + a2 + a3;
            // Simple: nothing out of range, no knock-out triggered, and exactly the criteria whose
            // condition does not hold are unanswered.
            bool simple = simple_ && ((acc >> 10) & 0x3ff) == 0;
            for (const auto& t : triggers_) simple &= row[t.slot] != t.option;
            std::uint32_t disabled = 0;
            for (const auto& c : conditions_) {
                const std::uint8_t ref = row[c.ref];
                const bool holds = ref != ocop::no_answer && c.enables[ref] != 0;
                simple &= holds == (row[c.slot] != ocop::no_answer);
                disabled += !holds;
            }
            simple &= (acc >> 20) == disabled;
            const auto total = static_cast<std::int32_t>(acc & 0x3ff);
            std::int8_t band = simple ? stars_[static_cast<std::size_t>(total)] : -1;
            if (band < 0) {  // everything else, errors included, as the library does it
                exact_->score({row, n_}, 1, {totals + i, 1}, {stars + i, 1}, {outcomes + i, 1});
                continue;
            }
            int star = band;
            for (const auto& c : caps_) {  // branch-free: the outcome of each test is data, not predictable
                const bool capped = band >= c.stars && static_cast<int>(table[c.slot * 256 + row[c.slot]] & 0x3ff) < c.at_least;
                star = std::min(star, capped ? c.stars - 1 : star);
            }
            totals[i] = total;
            stars[i] = star;
            outcomes[i] = 0;
        }
    }

private:
    struct condition {
        std::uint32_t slot, ref;
        std::uint8_t enables[256];
    };
    struct trigger {
        std::uint32_t slot;
        std::uint8_t option;
    };
    struct cap {
        std::uint32_t slot;
        int at_least, stars;
    };
    const ocop::compiled_sheet* exact_;
    std::size_t n_;
    std::vector<std::uint32_t> table_;
    std::vector<condition> conditions_;
    std::vector<trigger> triggers_;
    std::vector<cap> caps_;
    std::vector<std::int8_t> stars_;
    bool simple_ = true;
};

}  // namespace ocop_bench
