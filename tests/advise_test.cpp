// ocop::advise on the real sheets: the 26/2026 minimums per star, knock-outs, criteria that do not
// apply, weights, councils' exact means, and the request's JSON with its paths.

#include "ocop/advise.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "ocop/advise_json.hpp"
#include "ocop/scoring_json.hpp"
#include "rau_cards.hpp"
#include "test_support.hpp"

using namespace ocop;

namespace {

const edition& ed2026() { return embedded_catalog().get("26-2026"); }
const product_set& rau2026() { return *ed2026().find_set("rau-cu-qua-hat-tuoi"); }

/// docs/examples/scorecard-26-2026.json: 92 points, the 5★ band, kept at 4★ by 1.3 at 'b'.
scorecard card92() {
    scorecard card{"26-2026", "rau-cu-qua-hat-tuoi", "member-1", {}, {}};
    const std::map<std::string, std::string> levels{
        {"1.1", "c"}, {"1.2", "c"}, {"1.3", "b"}, {"1.4", "a"}, {"1.5", "d"}, {"1.6", "c"}, {"1.7", "a"}, {"2.1", "c"},
        {"2.2", "d"}, {"2.3", "c"}, {"2.4", "b"}, {"3.1", "c"}, {"3.2", "a"}, {"3.3", "a"}, {"3.4", "b"}, {"3.5", "c"},
        {"4.1", "d"}, {"4.2", "c"}, {"4.3", "e"}, {"5.1", "e"}, {"5.2", "c"}, {"5.3", "d"}, {"6.1", "c"}, {"6.2", "e"},
        {"6.3", "d"}, {"6.4", "d"}, {"7", "c"},   {"8", "d"},   {"9", "c"},   {"10", "c"},  {"11", "b"},  {"12", "c"}};
    for (const auto& [id, level] : levels) card.answers[id] = answer{std::nullopt, level};
    return card;
}

/// 88 points: 4.3 at 'c' (-3) and 4.2 at 'b' (-1); the 4★ band.
scorecard card88() {
    scorecard card = card92();
    card.answers["4.3"].level = "c";
    card.answers["4.2"].level = "b";
    return card;
}

advice advise_card(const scorecard& card, advice_options options = {}) {
    return advise(ed2026(), rau2026(), score(ed2026(), rau2026(), card), options);
}

std::vector<std::string> steps_of(const advice_plan& plan) {
    std::vector<std::string> out;
    for (const auto& s : plan.steps) out.push_back(s.criterion + "->" + s.level);
    return out;
}

}  // namespace

TEST_CASE("advise: a band already reached, a 5-star minimum missed: one step, the marked level", "[advise]") {
    advice a = advise_card(card92());
    CHECK(a.basis == "scorecard");
    CHECK(a.stars == 4);
    CHECK(a.target_stars == 5);  // none asked: one star more
    REQUIRE(a.status == advice_status::reachable);
    REQUIRE(a.plans.size() == 1);  // 1.3 to 'c' alone; any other step could be left out
    const advice_step& step = a.plans[0].steps.at(0);
    CHECK(step.criterion == "1.3");
    CHECK(step.from_level == "b");
    CHECK(step.level == "c");
    CHECK(step.level_points == 3);
    CHECK(step.gain_display == "1");
    CHECK(step.title == rau2026().find("1.3")->title);
    CHECK(step.level_label == rau2026().find("1.3")->find_level("c")->label);
    CHECK(a.plans[0].total_display == "93");
    CHECK(a.plans[0].stars == 5);
    auto missed = std::find_if(a.requirements.begin(), a.requirements.end(), [](const advice_requirement& r) { return !r.reached; });
    REQUIRE(missed != a.requirements.end());
    CHECK(missed->requirement == "min-star-5/1.3");
}

TEST_CASE("advise: a target already held gives an empty plan", "[advise]") {
    advice a = advise_card(card92(), {4, 3, {}});
    CHECK(a.status == advice_status::already_met);
    CHECK(a.plans.empty());
    CHECK(advise_card(card92(), {1, 3, {}}).status == advice_status::already_met);
}

TEST_CASE("advise: the minimum binds every plan, and fewest criteria, then fewest points, then sheet order", "[advise]") {
    advice a = advise_card(card88(), {5, 3, {}});
    REQUIRE(a.status == advice_status::reachable);
    REQUIRE(a.plans.size() == 3);
    for (const auto& plan : a.plans) {
        CHECK(plan.criteria_changed == 2);
        CHECK(plan.points_gained.numerator == 2);
        CHECK(plan.total_display == "90");
        CHECK(plan.stars == 5);
        CHECK(steps_of(plan).front() == "1.3->c");
    }
    CHECK(steps_of(a.plans[0]) == std::vector<std::string>{"1.3->c", "1.4->b"});
    CHECK(steps_of(a.plans[1]) == std::vector<std::string>{"1.3->c", "1.7->b"});
    CHECK(a.plans[2].rank == 3);
}

TEST_CASE("advise: cost weights change the objective", "[advise]") {
    advice heavy = advise_card(card88(), {5, 3, {{"1.4", 10}, {"1.7", 10}}});
    for (const auto& plan : heavy.plans) {
        CHECK(plan.cost == 2);
        for (const auto& s : plan.steps) CHECK((s.criterion != "1.4" && s.criterion != "1.7"));
    }
    advice free43 = advise_card(card88(), {5, 3, {{"4.3", 0}}});
    REQUIRE_FALSE(free43.plans.empty());
    CHECK(free43.plans[0].cost == 1);  // 1.3 costs 1, 4.3 nothing
    CHECK(steps_of(free43.plans[0]) == std::vector<std::string>{"1.3->c", "4.3->d"});
}

TEST_CASE("advise: a knock-out is not lifted by levels", "[advise]") {
    scorecard card = card88();
    card.declared_knockouts.push_back(rau2026().find("6.1")->knockouts.at(0).id);
    advice a = advise_card(card);
    CHECK(a.status == advice_status::knocked_out);
    CHECK(a.stars == 0);
    CHECK(a.plans.empty());
    REQUIRE(a.reasons.size() == 1);
    CHECK_THAT(a.reasons[0], Catch::Contains("unacceptable-foreign-matter") && Catch::Contains("no level improvement lifts it"));
}

TEST_CASE("advise: a criterion that does not apply stays so, and a minimum it carries is unreachable", "[advise]") {
    scorecard card = card88();
    card.answers["5.1"].level = "a";  // no product story: 5.2 does not apply
    card.answers.erase("5.2");
    advice a = advise_card(card, {4, 3, {}});
    REQUIRE(a.status == advice_status::unreachable);
    CHECK(a.plans.empty());
    // 5.1's 4★ mark is 'e', a story level: it would make 5.2 apply, so it is not reachable.
    REQUIRE(a.reasons.size() == 1);
    CHECK_THAT(a.reasons[0], Catch::Contains("require 5.1 to reach 5 points, and it cannot: no level with more points is reachable"));
    CHECK(advise_card(card, {3, 3, {}}).status == advice_status::already_met);
}

TEST_CASE("advise: the highest reachable total below the band is unreachable", "[advise]") {
    // Two criteria: 2 applies only when 1 is at 'b'; 1 is at 'a', so 2 does not apply and 1 may
    // reach 'b' (2 would apply): the best reachable total is 1 at 'c', 10 points.
    edition ed = ed2026();
    product_set s;
    s.id = "tiny";
    s.criteria = {criterion{}, criterion{}};
    s.criteria[0].id = "1";
    s.criteria[0].levels = {{"a", 0, "none"}, {"b", 60, "story"}, {"c", 10, "draft"}};
    s.criteria[1].id = "2";
    s.criteria[1].levels = {{"a", 0, "weak"}, {"b", 40, "strong"}};
    s.criteria[1].applies_if = applicability{"1", {"b"}, "only with a story", "test"};
    for (auto& c : s.criteria) c.part = c.section = "A";
    ed.sets = {s};
    const scorecard_result r = score(ed, ed.sets[0], scorecard{ed.id, "tiny", "m", {{"1", answer{std::nullopt, "a"}}}, {}});
    advice a = advise(ed, ed.sets[0], r, {3, 3, {}});
    REQUIRE(a.status == advice_status::unreachable);
    CHECK(a.plans.empty());
    REQUIRE(a.reasons.size() == 1);
    CHECK(a.reasons[0] == "the highest total reachable is 10 (every criterion that can change at its best reachable level), below the 50 points "
                          "of the 3★ band");
    CHECK(advise(ed, ed.sets[0], r, {1, 3, {}}).status == advice_status::already_met);
}

TEST_CASE("advise on a council: exact means, every member gives the level", "[advise]") {
    scorecard m1 = card92(), m2 = card92(), m3 = card92();
    m1.evaluator = "m1";
    m2.evaluator = "m2";
    m3.evaluator = "m3";
    m3.answers["1.5"].level = "b";  // 1.5: 3, 3, 1: mean 7/3 misses the 5★ mark 'd' (3)
    m1.answers["1.3"].level = m2.answers["1.3"].level = m3.answers["1.3"].level = "c";
    std::vector<scorecard_result> cards;
    for (const auto& c : {m1, m2, m3}) cards.push_back(score(ed2026(), rau2026(), c));
    const procedure& proc = embedded_procedures().get("26-2026");
    advice a = advise(ed2026(), proc, rau2026(), cards, council_policy{}, {});
    CHECK(a.basis == "council");
    CHECK(a.members == 3);
    CHECK_THAT(a.model, Catch::Contains("every member gave that level"));
    REQUIRE(a.status == advice_status::reachable);
    const advice_step& step = a.plans.at(0).steps.at(0);
    CHECK(step.criterion == "1.5");
    CHECK(step.from_points == "2.33");
    CHECK(step.gain.numerator == 2);  // (3 x 3 - 7) / 3
    CHECK(step.gain.denominator == 3);
    CHECK(step.gain_display == "0.67");
    CHECK_FALSE(step.from_level.has_value());
}

TEST_CASE("advise on a council: members under different cases are refused", "[advise]") {
    scorecard m1 = test::rau_top("m1"), m2 = test::rau_top("m2"), m3 = test::rau_top("m3");
    m3.answers["3.2"] = answer{"2", test::rau().find("3.2")->cases[1].levels.front().id};
    std::vector<scorecard_result> cards;
    for (const auto& c : {m1, m2, m3}) cards.push_back(score(test::ed1048(), test::rau(), c));
    auto e = test::expect_error([&] { advise(test::ed1048(), test::proc1048(), test::rau(), cards, council_policy{}, {5, 3, {}}); },
                                errc::invalid_council);
    CHECK(test::has_problem(e, "/scorecards/2/answers/3.2", "different cases"));
}

TEST_CASE("advise: options out of range name their path", "[advise]") {
    auto e = test::expect_error([] { advise_card(card92(), {6, 0, {{"9.9", 1}, {"1.1", -1}}}); }, errc::invalid_document);
    CHECK(test::has_problem(e, "/target", "expected the stars of a band of edition 26-2026, found 6"));
    CHECK(test::has_problem(e, "/alternatives", "expected 1 to 20"));
    CHECK(test::has_problem(e, "/weights/9.9", "unknown criterion"));
    CHECK(test::has_problem(e, "/weights/1.1", "expected a cost from 0 to 1000000"));
}

TEST_CASE("advise requests as JSON: one source, options, every problem with its path", "[advise]") {
    namespace json = boost::json;
    const json::value card = to_json(card92());
    json::object request{{"scorecard", card}, {"target", 5}, {"alternatives", 2}, {"weights", json::object{{"1.3", 4}}}};
    advice_request parsed = parse_advice_request(json::serialize(request));
    REQUIRE(parsed.card.has_value());
    CHECK(parsed.options.alternatives == 2);
    CHECK(parsed.options.weights.at("1.3") == 4);
    const json::value out = to_json(advise(embedded_catalog(), parsed));
    CHECK(out.at("status") == "reachable");
    CHECK(out.at("plans").at(0).at("cost") == 4);
    CHECK(out.at("plans").at(0).at("steps").at(0).at("level") == "c");
    CHECK_FALSE(out.at("plans").at(0).at("steps").at(0).as_object().contains("case_id"));  // absent, never null

    auto none = test::expect_error([] { parse_advice_request("{\"target\": 5}"); }, errc::invalid_document);
    CHECK(test::has_problem(none, "", "expected exactly one of \"scorecard\""));
    json::object bad{{"scorecard", json::object{{"edition", "26-2026"}, {"set", "x"}, {"answers", 3}}},
                     {"alternatives", 0}, {"weights", json::object{{"1.1", "a"}}}, {"colour", 1}};
    auto e = test::expect_error([&] { parse_advice_request(json::serialize(bad)); }, errc::invalid_document);
    CHECK(test::has_problem(e, "/scorecard/answers", "expected an object"));
    CHECK(test::has_problem(e, "/alternatives", "expected an integer from 1 to 20"));
    CHECK(test::has_problem(e, "/weights/1.1", "expected an integer"));
    CHECK(test::has_problem(e, "/colour", "unknown key"));

    json::object wrong_answer{{"scorecard", card}};
    wrong_answer["scorecard"].as_object()["answers"].as_object()["1.1"] = "z";
    auto scored = test::expect_error([&] { advise(embedded_catalog(), parse_advice_request(json::serialize(wrong_answer))); },
                                     errc::invalid_scorecard);
    CHECK(test::has_problem(scored, "/scorecard/answers/1.1", "level \"z\""));
    json::object council{{"council", json::object{{"scorecards", json::array{card, card}}}}};
    auto few = test::expect_error([&] { advise(embedded_catalog(), parse_advice_request(json::serialize(council))); }, errc::invalid_council);
    CHECK(test::has_problem(few, "/council/scorecards", "minimum_members requires 3"));
}
