// Fuzz target: an edition document through load_edition(), the catalog loader that faces hosts.
// Properties: an accepted edition round-trips (every set written by to_json() loads back with
// with_set()), every complete set compiles for batch scoring, and a row of first options scores
// within [0, max_total] with stars in [0, 5].

#include <vector>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/batch.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    ocop::edition ed;
    try {
        ed = ocop::load_edition(ocop::fuzz::text(data, size));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
        return 0;
    }
    (void)boost::json::serialize(ocop::to_json_summary(ed));
    for (const auto& set : ed.sets) {
        const std::string written = boost::json::serialize(ocop::to_json(set));
        ocop::edition again = ocop::with_set(ed, written);  // throws (a finding) if it does not load back
        OCOP_FUZZ_CHECK(again.sets.size() == ed.sets.size());
        if (set.status == ocop::set_status::unavailable) continue;
        try {
            ocop::compiled_sheet sheet(ed, set);
            std::vector<std::uint8_t> row(sheet.slots(), 0);
            std::int32_t total = -1, stars = -1;
            try {
                sheet.score(row, 1, {&total, 1}, {&stars, 1});
                OCOP_FUZZ_CHECK(total >= 0 && total <= sheet.max_total());
                OCOP_FUZZ_CHECK(stars >= 0 && stars <= 5);
            } catch (const ocop::error&) {
                // a row of first options may be invalid (an inapplicable criterion answered)
            }
        } catch (const ocop::error&) {
            // more than 254 options in one criterion
        }
    }
    return 0;
}
