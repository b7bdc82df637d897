// Fuzz target: a council document through parse_council() and evaluate_council() against the
// embedded catalog. Properties: stars in [0, 5], never above the band's stars; the exact mean
// lies within the members' totals; the result serialises.

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    try {
        ocop::council_input in = ocop::parse_council(ocop::fuzz::text(data, size));
        ocop::council_result r = ocop::evaluate_council(ocop::embedded_catalog(), in);
        OCOP_FUZZ_CHECK(r.stars >= 0 && r.stars <= 5);
        OCOP_FUZZ_CHECK(r.stars <= r.band_stars);
        OCOP_FUZZ_CHECK(r.mean.denominator == static_cast<std::int64_t>(r.members.size()));
        auto [lo, hi] = std::minmax_element(r.members.begin(), r.members.end(),
                                            [](const auto& a, const auto& b) { return a.total < b.total; });
        OCOP_FUZZ_CHECK(r.mean.numerator >= std::int64_t{lo->total} * r.mean.denominator);
        OCOP_FUZZ_CHECK(r.mean.numerator <= std::int64_t{hi->total} * r.mean.denominator);
        (void)boost::json::serialize(ocop::to_json(r));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
    }
    return 0;
}
