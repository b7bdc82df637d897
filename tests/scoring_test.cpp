#include "ocop/scoring.hpp"

#include <string>
#include <utility>
#include <vector>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/scoring_json.hpp"
#include "rau_cards.hpp"
#include "test_support.hpp"

using namespace ocop;
using test::rau_top;
using test::with;

namespace {
const criterion_score& row(const scorecard_result& r, const std::string& id) {
    for (const auto& c : r.criteria)
        if (c.criterion == id) return c;
    FAIL("no row " << id);
    throw;
}
}  // namespace

TEST_CASE("the best answer to every criterion scores 35 + 25 + 40 = 100") {
    auto r = score(test::ed1048(), test::rau(), rau_top());
    REQUIRE(r.total == 100);
    REQUIRE(r.max_total == 100);
    REQUIRE(r.parts.size() == 3);
    CHECK(r.parts[0].id == "A");
    CHECK(r.parts[0].points == 35);
    CHECK(r.parts[1].points == 25);
    CHECK(r.parts[2].points == 40);
    CHECK(r.outcome == evaluation_outcome::evaluated);
    CHECK(r.sheet_status == set_status::complete);
}

TEST_CASE("points come from the chosen levels, with an explanation for every number") {
    // 1.5 "c" = 3 (not 5), 6.2 "b" = 1 (not 8), 3.2 case 2 "d" = 1 (not 2): 100 - 2 - 7 - 1 = 90.
    auto card = with(rau_top(), {{"1.5", "c"}, {"6.2", "b"}});
    card.answers["3.2"] = answer{"2", "d"};
    auto r = score(test::ed1048(), test::rau(), card);
    REQUIRE(r.total == 90);
    const auto& c62 = row(r, "6.2");
    CHECK(c62.points == 1);
    CHECK(c62.max_points == 8);
    CHECK(c62.level == "b");
    CHECK(c62.level_label == "Chấp nhận được");
    CHECK(c62.source.find("1048/QĐ-TTg") != std::string::npos);
    CHECK(row(r, "3.2").case_id == "2");
    int sum = 0;
    for (const auto& c : r.criteria) sum += c.points;
    CHECK(sum == r.total);
    int section_sum = 0;
    for (const auto& s : r.sections) section_sum += s.points;
    CHECK(section_sum == r.total);
    CHECK(r.criteria.size() == test::rau().criteria.size());
}

TEST_CASE("every scorecard error is reported by criterion, all at once") {
    auto card = rau_top();
    card.answers.erase("1.2");                          // missing answer
    card.answers["9.9"] = answer{std::nullopt, "a"};    // unknown criterion
    card.answers["1.3"] = answer{std::nullopt, "z"};    // level not of that criterion
    card.answers["3.2"] = answer{"1", "c"};             // level from another case
    card.answers["1.4"] = answer{"1", "a"};             // a case on a plain criterion
    card.declared_knockouts.push_back("no-such-rule");  // unknown knock-out
    auto e = test::expect_error([&] { score(test::ed1048(), test::rau(), card); }, errc::invalid_scorecard);
    CHECK(test::has_problem(e, "/answers/1.2", "missing answer for criterion 1.2"));
    CHECK(test::has_problem(e, "/answers/9.9", "unknown criterion \"9.9\""));
    CHECK(test::has_problem(e, "/answers/1.3", "level \"z\" is not a level of criterion 1.3"));
    CHECK(test::has_problem(e, "/answers/3.2", "level \"c\" belongs to case \"2\" of criterion 3.2, not to case \"1\""));
    CHECK(test::has_problem(e, "/answers/1.4", "criterion 1.4 has no cases"));
    CHECK(test::has_problem(e, "/knockouts/0", "unknown declared knock-out \"no-such-rule\""));
    CHECK(e.problems().size() == 6);
}

TEST_CASE("unknown criteria are named in the answers' order, before other problems, with more, as many or fewer answers than criteria") {
    // (paths of the unknown-criterion problems, path of the first problem)
    auto refused = [](const product_set& set, const scorecard& card) {
        auto e = test::expect_error([&] { score(test::ed1048(), set, card); }, errc::invalid_scorecard);
        std::vector<std::string> paths;
        for (const auto& p : e.problems())
            if (p.message.find("unknown criterion") != std::string::npos) paths.push_back(p.path);
        return std::make_pair(paths, e.problems().front().path);
    };
    const std::vector<std::string> unknown{"/answers/0.0", "/answers/9.9"};
    auto card = rau_top();
    REQUIRE(card.answers.size() == test::rau().criteria.size());
    card.answers["0.0"] = answer{std::nullopt, "a"};
    card.answers["9.9"] = answer{std::nullopt, "a"};
    CHECK(refused(test::rau(), card) == std::make_pair(unknown, std::string("/answers/0.0")));  // more answers than criteria
    card.answers.erase("1.1");
    card.answers.erase("1.2");
    CHECK(refused(test::rau(), card) == std::make_pair(unknown, std::string("/answers/0.0")));  // as many
    card.answers.erase("1.3");
    CHECK(refused(test::rau(), card) == std::make_pair(unknown, std::string("/answers/0.0")));  // fewer

    // A set built by hand repeating a criterion id: its answer counts once, so the unknown answer is
    // still found (counting each criterion's answer would count two).
    product_set doubled = test::rau();
    doubled.criteria.resize(1);
    doubled.criteria.push_back(doubled.criteria.front());
    scorecard two = rau_top();
    two.answers = {{doubled.criteria.front().id, rau_top().answers.at(doubled.criteria.front().id)}, {"9.9", answer{std::nullopt, "a"}}};
    CHECK(refused(doubled, two).first == std::vector<std::string>{"/answers/9.9"});
    CHECK_NOTHROW(score(test::ed1048(), test::rau(), rau_top()));
}

TEST_CASE("an either/or criterion needs a known case") {
    auto card = rau_top();
    card.answers["3.2"] = answer{std::nullopt, "b"};
    auto e = test::expect_error([&] { score(test::ed1048(), test::rau(), card); }, errc::invalid_scorecard);
    CHECK(test::has_problem(e, "/answers/3.2", "either/or"));
    card.answers["3.2"] = answer{"3", "b"};
    e = test::expect_error([&] { score(test::ed1048(), test::rau(), card); }, errc::invalid_scorecard);
    CHECK(test::has_problem(e, "/answers/3.2", "case \"3\" is not a case of criterion 3.2"));
}

TEST_CASE("5.2 and 5.3 do not apply without a story: no answer allowed, 0 points, marked") {
    auto card = with(rau_top(), {{"5.1", "b"}});  // 1 point: a leaflet, not a documented story
    auto e = test::expect_error([&] { score(test::ed1048(), test::rau(), card); }, errc::invalid_scorecard);
    CHECK(test::has_problem(e, "/answers/5.2", "criterion 5.2 does not apply"));
    CHECK(test::has_problem(e, "/answers/5.3", "criterion 5.3 does not apply"));

    card.answers.erase("5.2");
    card.answers.erase("5.3");
    auto r = score(test::ed1048(), test::rau(), card);
    CHECK(row(r, "5.2").state == criterion_state::not_applicable);
    CHECK(row(r, "5.3").points == 0);
    CHECK(r.total == 100 - 4 - 3 - 2);
}

TEST_CASE("a scorecard for another sheet or edition is refused") {
    auto card = rau_top();
    card.set = "thit-trung-sua-tuoi";
    auto e = test::expect_error([&] { score(test::ed1048(), test::rau(), card); }, errc::invalid_scorecard);
    CHECK(test::has_problem(e, "/set", "scorecard is for set \"thit-trung-sua-tuoi\""));
    card = rau_top();
    card.edition = "148-1489";
    test::expect_error([&] { score(test::ed1048(), test::rau(), card); }, errc::invalid_scorecard);
    test::expect_error([&] { score(embedded_catalog(), card); }, errc::not_found);
}

TEST_CASE("a set without a sheet cannot be scored") {
    product_set none = test::sheetless_set();
    scorecard card{"1048-781", "gao-ngu-coc", "m", {}, {}};
    auto e = test::expect_error([&] { score(test::ed1048(), none, card); }, errc::unavailable);
    CHECK(std::string(e.what()).find("has no score sheet") != std::string::npos);
}

TEST_CASE("an incomplete sheet scores, and says so in the result") {
    const product_set& functional = *test::ed1048().find_set("thuc-pham-chuc-nang-thuoc-tu-duoc-lieu-thuoc-y-hoc-co-truyen");
    auto card = test::best_card(functional);
    auto r = score(test::ed1048(), functional, card);
    CHECK(r.sheet_status == set_status::incomplete);
    REQUIRE(r.sheet_warnings.size() == 1);
    CHECK(r.sheet_warnings[0].find("part C sums to 38") != std::string::npos);
    CHECK(r.max_total == 98);
    CHECK(r.total == 98);
}

TEST_CASE("knock-out: a declared elimination marks the scorecard eliminated") {
    const product_set& tea = *test::ed1048().find_set("che-tuoi-che-bien");
    auto card = test::best_card(tea);
    REQUIRE(score(test::ed1048(), tea, card).outcome == evaluation_outcome::evaluated);
    card.declared_knockouts.push_back("imported-or-untraceable-raw-materials");
    auto r = score(test::ed1048(), tea, card);
    CHECK(r.outcome == evaluation_outcome::eliminated);
    REQUIRE(r.knockouts.size() == 1);
    CHECK(r.knockouts[0].criterion == "1.1");
    CHECK(r.knockouts[0].text.find("Bị loại") != std::string::npos);
}

TEST_CASE("knock-out: a declared stop ends the evaluation after its criterion") {
    auto card = rau_top();
    card.declared_knockouts.push_back("food-safety-certificate-not-compliant");
    auto r = score(test::ed1048(), test::rau(), card);
    CHECK(r.outcome == evaluation_outcome::evaluation_stopped);
    CHECK(row(r, "10").state == criterion_state::scored);
    CHECK(row(r, "10").points == 5);
    const auto& after = row(r, "11");
    CHECK(after.state == criterion_state::not_evaluated);
    CHECK(after.points == 0);
    CHECK(after.reason.find("stopped at criterion 10") != std::string::npos);
    CHECK(after.reason.find("ignored") != std::string::npos);
    CHECK(r.total == 95);

    card.answers.erase("11");  // after a stop, later answers are not required
    CHECK(score(test::ed1048(), test::rau(), card).total == 95);
}

TEST_CASE("knock-out: zero points on foreign matter stops the evaluation") {
    const product_set& processed = *test::ed1048().find_set("che-bien-tu-rau-cu-qua-hat");
    auto card = test::best_card(processed);
    auto clean = score(test::ed1048(), processed, card);
    REQUIRE(clean.outcome == evaluation_outcome::evaluated);
    card.answers["6.1"] = answer{std::nullopt, "a"};  // "Có các tạp chất không chấp nhận được": 0 points
    auto r = score(test::ed1048(), processed, card);
    CHECK(r.outcome == evaluation_outcome::evaluation_stopped);
    CHECK(r.knockouts.at(0).rule == "zero-points");
    CHECK(row(r, "6.2").state == criterion_state::not_evaluated);
    // Parts A and B stand; part C keeps only 6.1's 0 points.
    CHECK(r.parts[2].points == 0);
    CHECK(r.total == r.parts[0].points + r.parts[1].points);
}

TEST_CASE("knock-out: zero points at any sensory criterion above stops the evaluation (mineral water)") {
    const product_set& water = *test::ed1048().find_set("nuoc-khoang-thien-nhien-nuoc-uong-tinh-khiet");
    auto card = test::best_card(water);
    const auto& trigger = water.find("6.4")->knockouts.at(0).trigger_levels.front();
    card.answers[trigger.criterion] = answer{std::nullopt, trigger.level};
    auto r = score(test::ed1048(), water, card);
    CHECK(r.outcome == evaluation_outcome::evaluation_stopped);
    CHECK(r.knockouts.at(0).criterion == "6.4");
    CHECK(row(r, "7").state == criterion_state::not_evaluated);
}

TEST_CASE("scorecard JSON: parsed with paths, and the result carries its explanation") {
    auto card = parse_scorecard(R"({"edition": "1048-781", "set": "rau-cu-qua-hat-tuoi", "evaluator": "m1",
                                    "answers": {"1.1": "c", "3.2": {"case": "2", "level": "c"}}, "knockouts": []})");
    CHECK(card.answers.at("3.2").case_id == "2");
    CHECK(card.answers.at("1.1").level == "c");
    auto e = test::expect_error([] { parse_scorecard(R"({"edition": "x", "set": "y", "answers": {"1.1": 3, "3.2": {"case": "1"}}, "extra": 1})"); },
                                errc::invalid_document);
    CHECK(test::has_problem(e, "/answers/1.1", "expected a level id (a string) or {\"case\": ..., \"level\": ...}, found an integer"));
    CHECK(test::has_problem(e, "/answers/3.2/level", "missing required key"));
    CHECK(test::has_problem(e, "/extra", "unknown key"));
    test::expect_error([] { parse_scorecard("[1, 2"); }, errc::invalid_json);

    auto result = boost::json::serialize(to_json(score(embedded_catalog(), rau_top())));
    CHECK(result.find("\"total\":100") != std::string::npos);
    CHECK(result.find("\"level_label\":\"Rất phù hợp\"") != std::string::npos);
    auto again = parse_scorecard(boost::json::serialize(to_json(rau_top())));
    CHECK(again.answers.size() == rau_top().answers.size());
    CHECK(again.answers.at("3.2").case_id == "1");
}
