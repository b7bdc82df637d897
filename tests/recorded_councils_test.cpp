// The councils of a campaign rebuilt from its log (docs/scoring.md, "Campaign analytics from a
// campaign's log"): every round with recorded scorecards, analysed as the same cards given by hand.

#include <boost/json/serialize.hpp>

#include "council_events.hpp"
#include "ocop/campaign_analytics_json.hpp"
#include "ocop/recorded_councils.hpp"
#include "ocop/workflow_json.hpp"

using Catch::Matchers::Contains;
using ocop::role;
using namespace ocop::test::council_events;

namespace {

/// Dossier C (industry "food") with three members' scorecards and its computed result, and dossier
/// P whose district result was entered from paper.
ocop::registry campaign_log() {
    ocop::registry r = submitted("C");
    for (const auto& c : three_members()) r.apply(recorded("C", c));
    r.apply(result("C", round_only()));
    r.apply(wf::ev("P", role::subject, "2021-09-01", wf::registration(wf::product("P", "Ba Vì", "beverage"))));
    r.apply(wf::ev("P", role::subject, "2021-09-02", ocop::submitted_payload{}));
    r.apply(result("P", wf::council(1, 362, 5, 4)));
    return r;
}

}  // namespace

TEST_CASE("Recorded councils: a round with scorecards becomes a council, analysed as the same cards given by hand") {
    const ocop::registry r = campaign_log();
    const ocop::council_recorder recorded = ocop::recorded_councils(ocop::embedded_catalog(), r.log());
    REQUIRE(recorded.councils().size() == 1);
    const ocop::campaign_council& c = recorded.councils()[0];
    CHECK(c.id == "C district 1");
    CHECK(c.industry == "food");
    CHECK(c.policy.level == "district");
    REQUIRE(c.cards.size() == 3);
    const auto cards = three_members();
    for (std::size_t i = 0; i < cards.size(); ++i) {
        CHECK(c.cards[i].evaluator == cards[i].evaluator);
        CHECK(c.cards[i].total == ocop::score(ocop::test::ed1048(), ocop::test::rau(), cards[i]).total);
    }
    CHECK(recorded.from_paper() == 1);  // P's result has no scorecards

    ocop::campaign_council by_hand{"C district 1", "food", {}, {}};
    by_hand.policy.level = "district";
    for (const auto& card : cards) by_hand.cards.push_back(ocop::score(ocop::test::ed1048(), ocop::test::rau(), card));
    ocop::campaign_analytics from_log = recorded.analyse();
    CHECK(from_log.from_paper == 1);
    from_log.from_paper = 0;  // councils given by hand have none
    CHECK(boost::json::serialize(ocop::to_json(from_log)) ==
          boost::json::serialize(ocop::to_json(ocop::analyse_campaign(ocop::embedded_catalog(), {by_hand}))));
    // The council's mean in the analytics is the one the workflow recorded for the round.
    const ocop::council_result want = expected(cards);
    CHECK(r.find("C")->results.at(0).mean.numerator == want.mean.numerator);
    CHECK(from_log.industries.at(0).councils == 1);
}

TEST_CASE("Recorded councils: the campaign's policy applies at each round's level, and one level can be kept") {
    const ocop::registry r = campaign_log();
    ocop::council_policy policy;
    policy.divergence_limit = 1;
    policy.level = "province";  // replaced by each round's own level
    const auto all = ocop::recorded_councils(ocop::embedded_catalog(), r.log(), policy);
    REQUIRE(all.councils().size() == 1);
    CHECK(all.councils()[0].policy.divergence_limit == 1);
    CHECK(all.councils()[0].policy.level == "district");

    const auto district = ocop::recorded_councils(ocop::embedded_catalog(), r.log(), {}, std::string("district"));
    CHECK(district.councils().size() == 1);
    const auto province = ocop::recorded_councils(ocop::embedded_catalog(), r.log(), {}, std::string("province"));
    CHECK(province.councils().empty());
    CHECK(province.from_paper() == 1);  // a result without scorecards is counted whatever the level asked
    try {
        (void)province.analyse();
        FAIL("analytics of no council");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::not_found);
        CHECK_THAT(std::string(e.what()), Contains("no council scorecards at level \"province\" (1 results entered from paper)"));
    }
}

TEST_CASE("Recorded councils: a registry gives its catalog and the council policy it applies") {
    ocop::workflow_rules rules;
    rules.council.divergence_limit = 2;
    ocop::registry r(rules);
    const ocop::registry source = campaign_log();
    for (const auto& entry : source.log().entries()) r.apply(ocop::parse_event(entry.event));
    const auto recorded = ocop::recorded_councils(r);
    REQUIRE(recorded.councils().size() == 1);
    CHECK(recorded.councils()[0].policy.divergence_limit == 2);
    CHECK(recorded.councils()[0].policy.level == "district");
    CHECK(recorded.from_paper() == 1);
    CHECK(ocop::recorded_councils(source).councils()[0].policy.divergence_limit == ocop::council_policy{}.divergence_limit);
}

TEST_CASE("Recorded councils: an open round is not a council, and a card the catalog cannot score names its dossier") {
    ocop::registry r = submitted("C");
    const auto cards = three_members();
    r.apply(recorded("C", cards[0]));
    const auto open = ocop::recorded_councils(ocop::embedded_catalog(), r.log());
    CHECK(open.councils().empty());
    CHECK(open.from_paper() == 0);

    const ocop::catalog empty;
    try {
        (void)ocop::recorded_councils(empty, r.log());
        FAIL("a card of an edition the catalog lacks was scored");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::not_found);
        CHECK_THAT(std::string(e.what()), Contains("for dossier C cannot be scored"));
    }
}
