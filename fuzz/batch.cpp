// Fuzz target: batch scoring of raw level indices. The first byte picks a sheet of the embedded
// edition; the remaining bytes are rows of slots() indices. Properties: every accepted row scores
// within [0, max_total] with stars in [0, 5] and a known outcome, and agrees with score() on the
// equivalent scorecard.

#include <vector>

#include "fuzz_support.hpp"
#include "ocop/batch.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/error.hpp"
#include "ocop/scoring.hpp"

namespace {

const std::vector<ocop::compiled_sheet>& sheets() {
    static const std::vector<ocop::compiled_sheet> all = [] {
        std::vector<ocop::compiled_sheet> v;
        const ocop::edition& ed = ocop::embedded_catalog().get("1048-781");
        for (const auto& set : ed.sets)
            if (set.status != ocop::set_status::unavailable) v.emplace_back(ed, set);
        return v;
    }();
    return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1 || size > ocop::fuzz::max_input) return -1;
    const auto& all = sheets();
    const ocop::compiled_sheet& sheet = all[data[0] % all.size()];
    const std::size_t n = sheet.slots();
    const std::size_t count = (size - 1) / n;
    std::span<const std::uint8_t> levels(data + 1, count * n);
    std::vector<std::int32_t> totals(count), stars(count);
    std::vector<std::uint8_t> outcomes(count);
    try {
        sheet.score(levels, count, totals, stars, outcomes);
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
        return 0;
    }
    const ocop::edition& ed = ocop::embedded_catalog().get("1048-781");
    for (std::size_t i = 0; i < count; ++i) {
        OCOP_FUZZ_CHECK(totals[i] >= 0 && totals[i] <= sheet.max_total());
        OCOP_FUZZ_CHECK(stars[i] >= 0 && stars[i] <= 5);
        OCOP_FUZZ_CHECK(outcomes[i] <= 2);
        // The same row as a scorecard must give the same total through ocop::score().
        ocop::scorecard card{sheet.edition_id(), sheet.set_id(), "fuzz", {}, {}};
        for (std::size_t s = 0; s < n; ++s) {
            const std::uint8_t k = levels[i * n + s];
            if (k == ocop::no_answer) continue;
            const auto& o = sheet.options(s)[k];
            card.answers[sheet.criterion_id(s)] = ocop::answer{o.case_id, o.level};
        }
        try {
            ocop::scorecard_result r = ocop::score(ed, *ed.find_set(sheet.set_id()), card);
            OCOP_FUZZ_CHECK(r.total == totals[i]);
            OCOP_FUZZ_CHECK(static_cast<std::uint8_t>(r.outcome) == outcomes[i]);
        } catch (const ocop::error&) {
            // batch ignores answers after a stopping knock-out that score() may reject; not a finding
        }
    }
    return 0;
}
