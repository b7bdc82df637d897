#pragma once
// Rows for the batch tests (batch_test.cpp, batch_blocks_test.cpp): random valid rows with their
// scorecards, and random edits that may make a row invalid.

#include <algorithm>
#include <cstdint>
#include <random>

#include "ocop/batch.hpp"
#include "ocop/catalog_json.hpp"

namespace ocop::test {

inline const ocop::edition& batch_edition() { return ocop::embedded_catalog().get("1048-781"); }

/// A random valid row for `set` and the equivalent scorecard: conditions respected, every
/// applicable criterion answered (answers after a stop are given too: both paths ignore them).
inline void random_card(const ocop::product_set& set, const ocop::compiled_sheet& sheet, std::mt19937& rng, std::uint8_t* row,
                        ocop::scorecard& card, const ocop::edition& edition = batch_edition()) {
    card = {};
    card.edition = edition.id;
    card.set = set.id;
    card.evaluator = "m";
    for (std::size_t s = 0; s < set.criteria.size(); ++s) {
        const auto& c = set.criteria[s];
        if (c.applies_if) {
            auto it = card.answers.find(c.applies_if->criterion);
            const auto& lv = c.applies_if->levels;
            if (it == card.answers.end() || std::find(lv.begin(), lv.end(), it->second.level) == lv.end()) {
                row[s] = ocop::no_answer;
                continue;
            }
        }
        auto opts = sheet.options(s);
        // Bias towards level "a" now and then so that level-triggered knock-outs happen.
        std::size_t o = std::uniform_int_distribution<std::size_t>(0, opts.size() - 1)(rng);
        if (rng() % 8 == 0) o = 0;
        row[s] = static_cast<std::uint8_t>(o);
        card.answers[c.id] = ocop::answer{opts[o].case_id, opts[o].level};
    }
}

/// `edits` random edits of a row: each sets one slot to "no answer", to another option in range,
/// or to an index out of range (the row may become invalid, or stay valid).
inline void edit_row(const ocop::compiled_sheet& sheet, std::mt19937& rng, std::uint8_t* row, int edits) {
    for (int e = 0; e < edits; ++e) {
        const std::size_t s = rng() % sheet.slots();
        const auto opts = sheet.options(s);
        const auto kind = rng() % 3;
        row[s] = kind == 0 ? ocop::no_answer : kind == 1 ? static_cast<std::uint8_t>(rng() % opts.size())
                                                         : static_cast<std::uint8_t>(opts.size() + rng() % 10);
    }
}

}  // namespace ocop::test
