// Fuzz target: a scorecard document through parse_scorecard() and score() against the embedded
// catalog. Properties: a scored card's total is the sum of its criteria points and within
// [0, max_total]; the result serialises; the card round-trips through to_json().

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/error.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    ocop::scorecard card;
    try {
        card = ocop::parse_scorecard(ocop::fuzz::text(data, size));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
        return 0;
    }
    ocop::scorecard again = ocop::parse_scorecard(boost::json::serialize(ocop::to_json(card)));
    OCOP_FUZZ_CHECK(again.answers.size() == card.answers.size());
    try {
        ocop::scorecard_result r = ocop::score(ocop::embedded_catalog(), card);
        int sum = 0;
        for (const auto& c : r.criteria) {
            OCOP_FUZZ_CHECK(c.points >= 0 && c.points <= c.max_points);
            sum += c.points;
        }
        OCOP_FUZZ_CHECK(sum == r.total);
        OCOP_FUZZ_CHECK(r.total >= 0 && r.total <= r.max_total);
        (void)boost::json::serialize(ocop::to_json(r));
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
    }
    return 0;
}
