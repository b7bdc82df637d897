#include "ocop/council.hpp"

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/council_json.hpp"
#include "ocop/procedure_json.hpp"
#include "ocop/scoring_json.hpp"
#include "rau_cards.hpp"
#include "test_support.hpp"

using namespace ocop;
using test::rau_top;
using test::with;

namespace {

scorecard_result scored(const scorecard& card) { return score(test::ed1048(), test::rau(), card); }

scorecard_result card_with_total(int total) {
    auto r = scored(test::card_with_total(total));
    REQUIRE(r.total == total);
    return r;
}

council_result council_of(std::initializer_list<int> totals, council_policy policy = {}) {
    std::vector<scorecard_result> cards;
    for (int t : totals) cards.push_back(card_with_total(t));
    policy.minimum_members = 1;
    return aggregate(test::ed1048(), test::proc1048(), test::rau(), cards, policy);
}

}  // namespace

TEST_CASE("a five-member council for Rau, củ, quả, hạt tươi, computed by hand from the sheet") {
    // Member 1: every best level = 35 + 25 + 40 = 100.
    // Member 2: 6.2 "d" (5 of 8), 8 "c" (3 of 5), 3.2 case 2 "d" (1 of 2)        = 100 - 3 - 2 - 1 = 94.
    // Member 3: 4.1 "c" (3 of 5), 4.2 "c" (3 of 5), 4.3 "d" (3 of 5), 11 "b" (3 of 5) = 100 - 8 = 92.
    // Member 4: 5.1 "b" (1 of 5): no story, so 5.2 (3) and 5.3 (2) do not apply   = 100 - 4 - 5 = 91.
    // Member 5: 1.5 "c" (3 of 5), 6.2 "c" (3 of 8), 9.2 "c" (2 of 3)              = 100 - 2 - 5 - 1 = 92.
    auto m2 = with(rau_top("m2"), {{"6.2", "d"}, {"8", "c"}});
    m2.answers["3.2"] = answer{"2", "d"};
    auto m4 = with(rau_top("m4"), {{"5.1", "b"}});
    m4.answers.erase("5.2");
    m4.answers.erase("5.3");
    std::vector<scorecard_result> cards{scored(rau_top("m1")), scored(m2),
                                        scored(with(rau_top("m3"), {{"4.1", "c"}, {"4.2", "c"}, {"4.3", "d"}, {"11", "b"}})),
                                        scored(m4), scored(with(rau_top("m5"), {{"1.5", "c"}, {"6.2", "c"}, {"9.2", "c"}}))};
    auto r = aggregate(test::ed1048(), test::proc1048(), test::rau(), cards);
    REQUIRE(r.members.size() == 5);
    CHECK(r.members[0].total == 100);
    CHECK(r.members[1].total == 94);
    CHECK(r.members[2].total == 92);
    CHECK(r.members[3].total == 91);
    CHECK(r.members[4].total == 92);
    // Mean = 469 / 5 = 93.8.
    CHECK(r.mean.numerator == 469);
    CHECK(r.mean.denominator == 5);
    CHECK(r.mean_display == "93.80");
    // Parts: A 35+34+35+35+33 = 172, B 25+25+19+16+25 = 110, C 40+35+38+40+34 = 187.
    REQUIRE(r.part_means.size() == 3);
    CHECK(r.part_means[0].sum == 172);
    CHECK(r.part_means[0].mean == "34.40");
    CHECK(r.part_means[1].mean == "22.00");
    CHECK(r.part_means[2].mean == "37.40");
    // Criterion 6.2: 8 + 5 + 8 + 8 + 3 = 32 -> 6.40.
    auto c62 = std::find_if(r.criterion_means.begin(), r.criterion_means.end(), [](const mean_of& m) { return m.id == "6.2"; });
    CHECK(c62->sum == 32);
    CHECK(c62->mean == "6.40");
    CHECK(r.band_stars == 5);
    CHECK(r.stars == 5);
    CHECK(r.recognisable);
    CHECK(r.recognised_by == "central");
    CHECK(r.forward_to == "central");  // a province council forwards 90+ to the central level
    CHECK(r.divergence.spread == 9);
    CHECK_FALSE(r.divergence.exceeded);
    CHECK(r.caps.empty());
}

TEST_CASE("star bands on the exact mean at every boundary") {
    const edition& ed = test::ed1048();
    CHECK(ed.band_for(0, 1).stars == 1);
    CHECK(ed.band_for(29, 1).stars == 1);
    CHECK(ed.band_for(30, 1).stars == 2);
    CHECK(ed.band_for(49, 1).stars == 2);
    CHECK(ed.band_for(50, 1).stars == 3);
    CHECK(ed.band_for(69, 1).stars == 3);
    CHECK(ed.band_for(70, 1).stars == 4);
    CHECK(ed.band_for(89, 1).stars == 4);
    CHECK(ed.band_for(90, 1).stars == 5);
    CHECK(ed.band_for(100, 1).stars == 5);
    // Exact means just below a bound stay below it: 69.5 is not 70, 89.99 is not 90.
    CHECK(ed.band_for(139, 2).stars == 3);
    CHECK(ed.band_for(8999, 100).stars == 4);
    CHECK(ed.band_for(2999, 100).stars == 1);
    CHECK(ed.band_for(4999, 100).stars == 2);
    CHECK(ed.band_for(899, 10).stars == 4);
    CHECK(ed.band_for(900, 10).stars == 5);
    test::expect_error([&] { ed.band_for(101, 1); }, errc::invalid_council);
}

TEST_CASE("a council mean just below a bound is not rounded up into the next band") {
    auto r = council_of({70, 69});  // 69.5
    CHECK(r.mean_display == "69.50");
    CHECK(r.band_stars == 3);
    auto r2 = council_of({70, 70, 70, 70, 69});  // 69.8
    CHECK(r2.band_stars == 3);
    CHECK(r2.mean_display == "69.80");
    auto r3 = council_of({90, 90, 89});  // 89.666...: displayed 89.67, still 4 stars
    CHECK(r3.mean_display == "89.67");
    CHECK(r3.band_stars == 4);
    CHECK(r3.recognised_by == "province");
    CHECK_FALSE(r3.forward_to.has_value());
    auto r4 = council_of({50, 49});  // 49.5: 2 stars, not recognised
    CHECK(r4.band_stars == 2);
    CHECK_FALSE(r4.recognisable);
    CHECK_FALSE(r4.recognised_by.has_value());
}

TEST_CASE("the display rounding step rounds half up on the exact mean") {
    CHECK(exact_mean{2, 3}.display(2) == "0.67");
    CHECK(exact_mean{1, 8}.display(2) == "0.13");  // 0.125 -> 0.13
    CHECK(exact_mean{1, 3}.display(0) == "0");
    CHECK(exact_mean{5, 2}.display(0) == "3");
    CHECK(exact_mean{100, 1}.display(2) == "100.00");
    CHECK(exact_mean{7, 100}.display(2) == "0.07");
}

TEST_CASE("forwarding from the district needs a mean of 50") {
    council_policy district;
    district.level = "district";
    CHECK(council_of({50, 50}, district).forward_to == "province");
    CHECK_FALSE(council_of({50, 49}, district).forward_to.has_value());
}

TEST_CASE("recognition and forwarding come from the procedure, not from the edition") {
    std::vector<scorecard_result> cards{card_with_total(92), card_with_total(92), card_with_total(92)};
    procedure changed = test::proc1048();
    changed.levels[1].recognises = {3, 4, 5};  // hypothetical: the province recognises 5 stars too
    changed.levels[0].forwards_at_least = 95;                    // and the district forwards from 95 only
    council_policy district;
    district.level = "district";
    auto r = aggregate(test::ed1048(), changed, test::rau(), cards, district);
    CHECK(r.stars == 5);
    CHECK(r.recognised_by == "province");
    CHECK_FALSE(r.forward_to.has_value());
    changed.levels[0].forwards_at_least.reset();  // no threshold: every evaluated product may be forwarded
    CHECK(aggregate(test::ed1048(), changed, test::rau(), cards, district).forward_to == "province");
    changed.levels[1].recognises.clear();
    changed.levels[2].recognises.clear();
    auto none = aggregate(test::ed1048(), changed, test::rau(), cards, district);
    CHECK_FALSE(none.recognisable);  // a recognised band, but no level of the procedure recognises 5 stars
    CHECK_FALSE(none.recognised_by.has_value());
}

TEST_CASE("a council needs the procedure of its own edition and one of its council levels") {
    std::vector<scorecard_result> cards{scored(rau_top()), scored(rau_top()), scored(rau_top())};
    auto e = test::expect_error([&] { aggregate(test::ed1048(), embedded_procedures().get("148"), test::rau(), cards); },
                                errc::invalid_council);
    CHECK(test::has_problem(e, "", "expected the procedure of edition 1048-781, found the procedure of edition 148"));
    procedure with_precheck = test::proc1048();
    with_precheck.levels[0].precheck = true;  // a pre-check level has no council
    council_policy district;
    district.level = "district";
    e = test::expect_error([&] { aggregate(test::ed1048(), with_precheck, test::rau(), cards, district); }, errc::invalid_council);
    CHECK(test::has_problem(e, "/policy/level", "expected a council level of procedure 1048-781, found \"district\""));
    council_input in{{rau_top(), rau_top(), rau_top()}, {}};
    auto missing = test::expect_error([&] { evaluate_council(embedded_catalog(), in, procedure_library{}); }, errc::not_found);
    CHECK(test::has_problem(missing, "", "no procedure for edition \"1048-781\""));
}

TEST_CASE("divergence: members more than 10 points apart are flagged (policy)") {
    auto flagged = council_of({80, 69});
    CHECK(flagged.divergence.spread == 11);
    CHECK(flagged.divergence.exceeded);
    CHECK_FALSE(flagged.warnings.empty());
    CHECK_FALSE(council_of({80, 70}).divergence.exceeded);
    council_policy loose;
    loose.divergence_limit = 15;
    CHECK_FALSE(council_of({80, 69}, loose).divergence.exceeded);
}

TEST_CASE("minimum requirements cap the stars, with the reason") {
    // 8 (uniqueness) at "a" = 0 for everyone: 95 points, band 5, but 781's 4-star requirement caps it to 3.
    std::vector<scorecard_result> cards;
    for (int i = 0; i < 3; ++i) cards.push_back(scored(with(rau_top(), {{"8", "a"}})));
    auto r = aggregate(test::ed1048(), test::proc1048(), test::rau(), cards);
    CHECK(r.band_stars == 5);
    REQUIRE(r.caps.size() == 1);
    CHECK(r.caps[0].requirement == "781-4-uniqueness");
    CHECK(r.caps[0].criterion == "8");
    CHECK(r.caps[0].criterion_mean == "0.00");
    CHECK(r.caps[0].confidence == "one_source");
    CHECK(r.stars == 3);
    CHECK(r.recognised_by == "province");

    // Without a product standard (9.1 "a") even 3 stars are out of reach.
    cards.clear();
    for (int i = 0; i < 3; ++i) cards.push_back(scored(with(rau_top(), {{"9.1", "a"}})));
    auto r2 = aggregate(test::ed1048(), test::proc1048(), test::rau(), cards);
    CHECK(r2.stars == 2);
    CHECK_FALSE(r2.recognisable);

    // The requirement is judged on the criterion's exact mean: 5, 3, 0 -> 2.67 < 3 caps; 5, 5, 0 -> 3.33 does not.
    cards = {scored(rau_top()), scored(with(rau_top(), {{"8", "c"}})), scored(with(rau_top(), {{"8", "a"}}))};
    CHECK(aggregate(test::ed1048(), test::proc1048(), test::rau(), cards).stars == 3);
    cards = {scored(rau_top()), scored(rau_top()), scored(with(rau_top(), {{"8", "a"}}))};
    CHECK(aggregate(test::ed1048(), test::proc1048(), test::rau(), cards).stars == 5);
}

TEST_CASE("knock-outs in a council: any member by default, majority by policy") {
    auto stopped = rau_top("m1");
    stopped.declared_knockouts.push_back("food-safety-certificate-not-compliant");
    std::vector<scorecard_result> cards{scored(stopped), scored(rau_top("m2")), scored(rau_top("m3"))};
    auto r = aggregate(test::ed1048(), test::proc1048(), test::rau(), cards);
    CHECK(r.knockout.outcome == evaluation_outcome::evaluation_stopped);
    CHECK(r.knockout.members_reporting == 1);
    CHECK(r.stars == 0);
    CHECK_FALSE(r.recognisable);
    CHECK_FALSE(r.forward_to.has_value());

    council_policy majority;
    majority.knockouts = knockout_rule_policy::majority;
    auto r2 = aggregate(test::ed1048(), test::proc1048(), test::rau(), cards, majority);
    CHECK(r2.knockout.outcome == evaluation_outcome::evaluated);
    CHECK(r2.stars == 5);
}

TEST_CASE("a council that cannot be aggregated is refused") {
    auto e = test::expect_error([] { aggregate(test::ed1048(), test::proc1048(), test::rau(), {}); }, errc::invalid_council);
    CHECK(test::has_problem(e, "/scorecards", "at least one scorecard, found none"));
    e = test::expect_error([] { aggregate(test::ed1048(), test::proc1048(), test::rau(), {scored(rau_top())}); }, errc::invalid_council);
    CHECK(test::has_problem(e, "/scorecards", "requires 3 members, found 1"));
    auto other = scored(rau_top());
    other.set = "thit-trung-sua-tuoi";
    e = test::expect_error([&] { aggregate(test::ed1048(), test::proc1048(), test::rau(), {scored(rau_top()), scored(rau_top()), other}); }, errc::invalid_council);
    CHECK(test::has_problem(e, "/scorecards/2", "expected a scorecard of set rau-cu-qua-hat-tuoi"));
    council_policy nowhere;
    nowhere.level = "commune";
    e = test::expect_error([&] { aggregate(test::ed1048(), test::proc1048(), test::rau(), {scored(rau_top()), scored(rau_top()), scored(rau_top())}, nowhere); },
                           errc::invalid_council);
    CHECK(test::has_problem(e, "/policy/level", "found \"commune\""));
}

TEST_CASE("council JSON in and out") {
    std::string members;
    for (int i = 0; i < 3; ++i) members += (i ? "," : "") + boost::json::serialize(to_json(rau_top("m" + std::to_string(i))));
    auto input = parse_council(R"({"policy": {"divergence_limit": 5, "level": "district"}, "scorecards": [)" + members + "]}");
    CHECK(input.policy.divergence_limit == 5);
    auto r = evaluate_council(embedded_catalog(), input);
    CHECK(r.mean_display == "100.00");
    auto text = boost::json::serialize(to_json(r));
    CHECK(text.find("\"stars\":5") != std::string::npos);
    CHECK(text.find("\"forward_to\":\"province\"") != std::string::npos);

    auto e = test::expect_error([] { parse_council(R"({"policy": {"knockouts": "all", "quorum": 1}, "scorecards": [{"set": 1}]})"); },
                                errc::invalid_document);
    CHECK(test::has_problem(e, "/policy/knockouts", "expected one of \"any_member\", \"majority\""));
    CHECK(test::has_problem(e, "/policy/quorum", "unknown key"));
    auto bad_card = rau_top();
    bad_card.answers.erase("1.1");
    std::string doc = R"({"scorecards": [)" + boost::json::serialize(to_json(rau_top())) + "," + boost::json::serialize(to_json(bad_card)) + "]}";
    e = test::expect_error([&] { evaluate_council(embedded_catalog(), parse_council(doc)); }, errc::invalid_scorecard);
    CHECK(test::has_problem(e, "/scorecards/1/answers/1.1", "missing answer"));
}

TEST_CASE("JSON: absent optionals are left out of every document, never written as null") {
    // A score result: plain criteria have no case, and the level of an unscored criterion is absent.
    auto card = scored(rau_top());
    const std::string score_text = boost::json::serialize(to_json(card));
    CHECK(score_text.find("null") == std::string::npos);
    CHECK(score_text.find("\"case_id\":\"1\"") != std::string::npos);  // 3.2 answered with case 1: present
    std::size_t with_case = 0;
    for (const auto& c : card.criteria) with_case += c.case_id.has_value();
    std::size_t written = 0;
    for (std::size_t at = score_text.find("\"case_id\""); at != std::string::npos; at = score_text.find("\"case_id\"", at + 1)) ++written;
    CHECK(written == with_case);
    CHECK(with_case < card.criteria.size());

    // A council result of 2 stars: nobody recognises it and the province forwards nothing.
    auto two = council_of({40, 40});
    REQUIRE_FALSE(two.recognised_by.has_value());
    const std::string council_text = boost::json::serialize(to_json(two));
    CHECK(council_text.find("null") == std::string::npos);
    CHECK(council_text.find("recognised_by") == std::string::npos);
    CHECK(council_text.find("forward_to") == std::string::npos);

    // Catalog JSON: an edition still in force has no valid_until; a set without a lead ministry none either.
    edition open_ended = test::ed1048();
    open_ended.valid_until.reset();
    const std::string summary = boost::json::serialize(to_json_summary(open_ended));
    CHECK(summary.find("null") == std::string::npos);
    CHECK(summary.find("valid_until") == std::string::npos);
    product_set no_ministry = test::rau();
    no_ministry.lead_ministry.reset();
    const std::string set_text = boost::json::serialize(to_json(no_ministry));
    CHECK(set_text.find("lead_ministry") == std::string::npos);
    CHECK(set_text.find("null") == std::string::npos);
    // ... and reading it back accepts the absent key.
    CHECK_FALSE(with_set(test::ed1048(), set_text).find_set("rau-cu-qua-hat-tuoi")->lead_ministry.has_value());

    // Workflow documents: a procedure without a documents note.
    const procedure& proc = test::proc1048();
    REQUIRE_FALSE(proc.documents_note.has_value());
    const std::string proc_text = boost::json::serialize(to_json(proc));
    CHECK(proc_text.find("null") == std::string::npos);
    CHECK(proc_text.find("documents_note") == std::string::npos);
    CHECK_FALSE(load_procedure(proc_text).documents_note.has_value());
}
