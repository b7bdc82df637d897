// Fuzz target: an advice request (docs/scoring.md, "What lifts a product a star") through
// parse_advice_request() and advise() against the embedded catalog. Properties: at most the asked
// number of plans, ranked 1, 2, ... by cost (the criteria changed, or the host's weights); every plan
// reaches at least the target stars and raises the total; the advice serialises.

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/advise.hpp"
#include "ocop/advise_json.hpp"
#include "ocop/catalog.hpp"
#include "ocop/error.hpp"

namespace {

/// a < b as exact fractions (denominators are positive member counts, numerators at most 100 points
/// per member: the products fit in 64 bits).
bool less(const ocop::exact_mean& a, const ocop::exact_mean& b) { return a.numerator * b.denominator < b.numerator * a.denominator; }

void check_plans(const ocop::advice& a, std::size_t alternatives) {
    OCOP_FUZZ_CHECK(a.plans.size() <= alternatives);
    for (std::size_t i = 0; i < a.plans.size(); ++i) {
        const ocop::advice_plan& p = a.plans[i];
        OCOP_FUZZ_CHECK(p.rank == static_cast<int>(i) + 1);
        OCOP_FUZZ_CHECK(p.stars >= a.target_stars);
        OCOP_FUZZ_CHECK(!p.steps.empty() && p.criteria_changed == p.steps.size());
        OCOP_FUZZ_CHECK(less(a.total, p.total));
        if (i > 0) OCOP_FUZZ_CHECK(a.plans[i - 1].cost <= p.cost);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    try {
        const ocop::advice_request request = ocop::parse_advice_request(ocop::fuzz::text(data, size));
        const ocop::advice a = ocop::advise(ocop::embedded_catalog(), request);
        OCOP_FUZZ_CHECK(a.stars >= 0 && a.stars <= 5 && a.target_stars >= 0 && a.target_stars <= 5);
        check_plans(a, request.options.alternatives);
        (void)boost::json::serialize(ocop::to_json(a));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
    }
    return 0;
}
