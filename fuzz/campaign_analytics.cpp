// Fuzz target: a campaign analytics document (docs/scoring.md, "Campaign analytics") through
// parse_campaign_analytics() and analyse_campaign() against the embedded catalog. Properties: every
// council is counted once, in its industry's distribution (stars 0 to 5 adding up to the industry's
// councils); every share reached is at most 100%; the analytics serialise.

#include <string>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/campaign_analytics.hpp"
#include "ocop/campaign_analytics_json.hpp"
#include "ocop/catalog.hpp"
#include "ocop/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    try {
        const ocop::campaign_analytics_input in = ocop::parse_campaign_analytics(ocop::fuzz::text(data, size));
        const ocop::campaign_analytics a = ocop::analyse_campaign(ocop::embedded_catalog(), in);
        OCOP_FUZZ_CHECK(a.councils == static_cast<int>(in.councils.size()));
        int in_industries = 0;
        for (const auto& d : a.industries) {
            int by_stars = 0;
            for (int n : d.stars) by_stars += n;
            OCOP_FUZZ_CHECK(d.stars.size() == 6 && by_stars == d.councils);
            in_industries += d.councils;
        }
        OCOP_FUZZ_CHECK(in_industries == a.councils);
        for (const auto& s : a.sets)
            for (const auto& c : s.criteria) OCOP_FUZZ_CHECK(std::stod(c.share_reached) <= 100.0);
        (void)boost::json::serialize(ocop::to_json(a));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
    }
    return 0;
}
