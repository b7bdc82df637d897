// Fuzz target: a council analysis document (docs/scoring.md, "Consistency of a council") through
// parse_council_analysis() and analyse_council() against the embedded catalog. Properties: one
// row per member; Krippendorff's alpha at most 1 when defined; the stars without a member are a
// rank (0 to 5); every flag names its subject; the analysis serialises.

#include <string>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/catalog.hpp"
#include "ocop/council_analysis.hpp"
#include "ocop/council_analysis_json.hpp"
#include "ocop/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    try {
        const ocop::council_analysis_input in = ocop::parse_council_analysis(ocop::fuzz::text(data, size));
        const ocop::council_analysis a = ocop::analyse_council(ocop::embedded_catalog(), in);
        OCOP_FUZZ_CHECK(a.members == static_cast<int>(in.council.scorecards.size()));
        OCOP_FUZZ_CHECK(a.member_totals.size() == in.council.scorecards.size());
        OCOP_FUZZ_CHECK(a.stars >= 0 && a.stars <= a.band_stars);
        if (a.agreement.alpha) OCOP_FUZZ_CHECK(std::stod(*a.agreement.alpha) <= 1.0);
        for (const auto& m : a.member_totals) OCOP_FUZZ_CHECK(m.stars_without >= 0 && m.stars_without <= 5);
        for (const auto& f : a.flags) OCOP_FUZZ_CHECK(!f.subject.empty() && !f.text.empty());
        (void)boost::json::serialize(ocop::to_json(a));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
    }
    return 0;
}
