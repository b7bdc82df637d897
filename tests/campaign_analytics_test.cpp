#include "ocop/campaign_analytics.hpp"

#include <catch2/catch.hpp>

#include "ocop/campaign_analytics_json.hpp"
#include "rau_cards.hpp"
#include "test_support.hpp"

using namespace ocop;
using test::rau_top;
using test::with;

namespace {

scorecard_result scored(const scorecard& card) { return score(test::ed1048(), test::rau(), card); }

campaign_council council(std::string id, std::string industry, std::vector<scorecard_result> cards) {
    council_policy policy;
    policy.minimum_members = 1;
    return {std::move(id), std::move(industry), policy, std::move(cards)};
}

const criterion_loss& loss_of(const set_losses& s, const std::string& id) {
    return *std::find_if(s.criteria.begin(), s.criteria.end(), [&](const criterion_loss& c) { return c.criterion == id; });
}

}  // namespace

TEST_CASE("a campaign: where products lose points, totals per industry, flagged councils") {
    // HN-1 (food): three members, 6.2 at 8, 1, 8 (mean 17/3) and one member far below on 8.
    // HN-2 (food): two members at the best level everywhere but 6.2 "d" (5 of 8) for both.
    // HN-3 (drinks): one member: no consistency analysis.
    std::vector<campaign_council> councils{
        council("HN-1", "food",
                {scored(rau_top("a")), scored(with(rau_top("b"), {{"6.2", "b"}})), scored(with(rau_top("c"), {{"8", "a"}}))}),
        council("HN-2", "food", {scored(with(rau_top("a"), {{"6.2", "d"}})), scored(with(rau_top("b"), {{"6.2", "d"}}))}),
        council("HN-3", "drinks", {scored(test::card_with_total(60, "a"))}),
    };
    auto r = analyse_campaign(embedded_catalog(), councils);
    CHECK(r.councils == 3);
    REQUIRE(r.sets.size() == 1);
    const auto& s = r.sets[0];
    CHECK((s.edition == "1048-781" && s.set == "rau-cu-qua-hat-tuoi" && s.councils == 3));
    // 6.2 over the councils: (17/3 + 5 + 8) / 3 = 6.2222: 77.78% of 8, 1.78 points lost.
    CHECK(loss_of(s, "6.2").mean_points == "6.22");
    CHECK(loss_of(s, "6.2").share_reached == "77.78");
    CHECK(loss_of(s, "6.2").points_lost == "1.78");
    CHECK(loss_of(s, "5.1").share_reached == "100.00");  // the story: at its best on every card
    // Sorted by points lost: the first criterion loses at least as much as every later one.
    for (std::size_t i = 1; i < s.criteria.size(); ++i) CHECK(std::stod(s.criteria[i - 1].points_lost) >= std::stod(s.criteria[i].points_lost));
    REQUIRE(r.industries.size() == 2);
    CHECK(r.industries[0].industry == "drinks");
    CHECK(r.industries[0].stars == std::vector<int>{0, 0, 0, 1, 0, 0});
    const auto& food = r.industries[1];
    CHECK(food.councils == 2);
    CHECK(food.stars == std::vector<int>{0, 0, 0, 0, 0, 2});
    CHECK(food.lowest == "96.00");   // HN-1: (100 + 93 + 95) / 3
    CHECK(food.highest == "97.00");  // HN-2: 97
    CHECK(food.median == "96.50");
    CHECK(r.not_analysed == std::vector<std::string>{"HN-3"});
    REQUIRE(r.flagged.size() == 1);  // HN-1: 6.2 and 8 spread wide
    CHECK(r.flagged[0].id == "HN-1");
    int wide = 0;
    for (const auto& f : r.flagged[0].flags) wide += f.kind == analysis_flag_kind::criterion_wide_spread;
    CHECK(wide == 2);
}

TEST_CASE("a knocked-out product counts in its industry, not in the losses") {
    auto out = rau_top("a");
    out.declared_knockouts.push_back("food-safety-certificate-not-compliant");
    auto r = analyse_campaign(embedded_catalog(), {council("X", "food", {scored(out), scored(rau_top("b"))}),
                                                   council("Y", "food", {scored(rau_top("a")), scored(rau_top("b"))})});
    CHECK(r.sets[0].councils == 1);
    CHECK(r.industries[0].stars[0] == 1);
}

TEST_CASE("bad campaign analytics input is refused with its path") {
    test::require_error(errc::invalid_council, "/councils", "at least one council", [] { analyse_campaign(embedded_catalog(), std::vector<campaign_council>{}); });
    test::require_error(errc::invalid_council, "/councils/1/id", "given twice", [] {
        analyse_campaign(embedded_catalog(), {council("A", "food", {scored(rau_top())}), council("A", "food", {scored(rau_top())})});
    });
    test::require_error(errc::invalid_council, "/councils/0/industry", "expected the dossier's industry", [] {
        analyse_campaign(embedded_catalog(), {council("A", "", {scored(rau_top())})});
    });
    auto strict = council("A", "food", {scored(rau_top())});
    strict.policy.minimum_members = 3;
    test::require_error(errc::invalid_council, "/councils/0/scorecards", "requires 3 members, found 1",
                        [&] { analyse_campaign(embedded_catalog(), {strict}); });
    test::require_error(errc::invalid_document, "/councils/0/industry", "missing required key", [] {
        parse_campaign_analytics(R"({"councils":[{"id":"A","scorecards":[]}]})");
    });
    test::require_error(errc::invalid_scorecard, "/councils/0/scorecards/0/answers/1.1", "is not a level", [] {
        auto in = parse_campaign_analytics(
            R"({"councils":[{"id":"A","industry":"food","scorecards":[{"edition":"1048-781","set":"rau-cu-qua-hat-tuoi","answers":{"1.1":"z"}}]}]})");
        analyse_campaign(embedded_catalog(), in);
    });
}
