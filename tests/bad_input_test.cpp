// Bad input at every entry point of the C++ API: wrong JSON types, missing and extra keys, huge and
// negative numbers, duplicate ids, deep nesting, invalid UTF-8, empty strings, a 10 MB document.
// Each must end in an ocop::error whose problems name the place (a JSON Pointer) and say what was
// expected, and the object the call was applied to must be unchanged.

#include <functional>
#include <string>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/batch.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/error.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"
#include "ocop/workflow.hpp"
#include "ocop/workflow_json.hpp"
#include "rau_cards.hpp"
#include "reliability_fixtures.hpp"
#include "test_support.hpp"

using namespace ocop;
using ocop::test::expect_error;
using ocop::test::has_problem;
namespace json = boost::json;

namespace {

/// Every problem has a JSON Pointer path ("" or "/...") and a non-empty message, and what() names
/// each problem: its path (when it has one) followed by its message.
void require_well_formed(const ocop::error& e) {
    REQUIRE_FALSE(e.problems().empty());
    const std::string what = e.what();
    for (const auto& p : e.problems()) {
        INFO(p.path << ": " << p.message);
        CHECK((p.path.empty() || p.path[0] == '/'));
        CHECK_FALSE(p.message.empty());
        CHECK(what.find(p.path.empty() ? p.message : p.path + ": " + p.message) != std::string::npos);
    }
}

/// Texts that are not acceptable JSON documents for any entry point.
std::vector<std::pair<std::string, std::string>> broken_texts() {
    std::string deep(200, '[');
    deep += std::string(200, ']');
    std::string deep_objects;
    for (int i = 0; i < 100; ++i) deep_objects += "{\"a\":";
    deep_objects += "1" + std::string(100, '}');
    return {
        {"empty", ""},
        {"blank", "  \n\t "},
        {"truncated", "{\"id\": \"x\""},
        {"trailing data", "{} {}"},
        {"trailing comma", "{\"id\": \"x\",}"},
        {"invalid UTF-8 in a string", "{\"id\": \"\xff\xfe\"}"},
        {"overlong UTF-8", "{\"id\": \"\xc0\xaf\"}"},
        {"lone surrogate escape is fine, raw surrogate is not", "{\"id\": \"\xed\xa0\x80\"}"},
        {"NUL byte", std::string("{\"id\": \"a\0b\"}", 14)},
        {"200 nested arrays", deep},
        {"100 nested objects", deep_objects},
        {"single quotes", "{'id': 'x'}"},
        {"comment", "{/* c */}"},
        {"NaN", "{\"n\": NaN}"},
    };
}

/// JSON values of every type that is not an object.
std::vector<std::string> non_objects() { return {"null", "true", "0", "-1", "1.5", "\"x\"", "[]", "[{}]"}; }

/// A JSON document of about 10 MB: `doc` with a 10 MB string under an extra key.
std::string ten_megabytes(const std::string& doc) {
    json::value v = json::parse(doc);
    v.as_object()["padding"] = std::string(10u << 20, 'x');
    return json::serialize(v);
}

/// Checks that `f(text)` throws a well-formed ocop::error for every broken text and non-object.
void rejects_broken_documents(const std::function<void(const std::string&)>& f) {
    for (const auto& broken : broken_texts()) {
        const std::string& text = broken.second;  // named, not a structured binding: captured below
        SECTION(broken.first) {
            ocop::error e = expect_error([&] { f(text); }, errc::invalid_json);
            require_well_formed(e);
        }
    }
    for (const auto& text : non_objects()) {
        SECTION("a JSON " + text + " instead of an object") {
            ocop::error e = expect_error([&] { f(text); }, errc::invalid_document);
            require_well_formed(e);
            CHECK(has_problem(e, "", "expected an object"));
        }
    }
}

std::string edit(const std::string& doc, const std::function<void(json::object&)>& change) {
    json::value v = json::parse(doc);
    change(v.as_object());
    return json::serialize(v);
}

std::string summary(const edition& ed) {
    std::string s = json::serialize(to_json_summary(ed));
    for (const auto& set : ed.sets) s += json::serialize(to_json(set));
    return s;
}

}  // namespace

// ---- load_edition ------------------------------------------------------------------------------

TEST_CASE("load_edition rejects text that is not a JSON object, naming the place", "[bad_input]") {
    rejects_broken_documents([](const std::string& t) { (void)load_edition(t); });
}

TEST_CASE("load_edition: wrong types, missing and extra keys, bad numbers, each at its path", "[bad_input]") {
    const std::string& doc = test::one_set_edition();
    REQUIRE_NOTHROW(load_edition(doc));
    struct bad {
        const char* what;
        std::function<void(json::object&)> change;
        const char* path;
        const char* message;
    };
    const std::vector<bad> cases{
        {"id of the wrong type", [](json::object& o) { o["id"] = 42; }, "/id", "expected a string"},
        {"empty id", [](json::object& o) { o["id"] = ""; }, "/id", "non-empty"},
        {"missing name", [](json::object& o) { o.erase("name"); }, "/name", "missing required key"},
        {"extra key", [](json::object& o) { o["colour"] = "blue"; }, "/colour", "unknown key"},
        {"negative part maximum", [](json::object& o) { o["parts"].as_array()[0].as_object()["max_points"] = -5; },
         "/parts/0/max_points", "expected an integer from 0"},
        {"huge part maximum", [](json::object& o) { o["parts"].as_array()[0].as_object()["max_points"] = 1e300; },
         "/parts/0/max_points", "expected an integer"},
        {"part maximum above int64",
         [](json::object& o) { o["parts"].as_array()[0].as_object()["max_points"] = std::uint64_t{18446744073709551615u}; },
         "/parts/0/max_points", "found 18446744073709551615"},
        {"parts not an array", [](json::object& o) { o["parts"] = "A,B,C"; }, "/parts", "expected an array"},
        {"duplicate part id", [](json::object& o) {
             auto& parts = o["parts"].as_array();
             parts[1].as_object()["id"] = parts[0].as_object()["id"];
         }, "/parts/1/id", "duplicate"},
        {"duplicate set id", [](json::object& o) {
             auto& sets = o["sets"].as_array();
             sets.push_back(sets[0]);
         }, "/sets/1/id", "duplicate"},
        {"a date that is no calendar day", [](json::object& o) { o["valid_from"] = "2021-02-30"; }, "/valid_from", ""},
        {"valid_until before valid_from", [](json::object& o) { o["valid_until"] = "2000-01-01"; }, "/valid_until",
         "on or after"},
        {"negative level points", [](json::object& o) {
             o["sets"].as_array()[0].as_object()["sections"].as_array()[0].as_object()["criteria"].as_array()[0]
                 .as_object()["levels"].as_array()[0].as_object()["points"] = -1;
         }, "/sets/0/sections/0/criteria/0/levels/0/points", "expected an integer from 0"},
        {"duplicate criterion id", [](json::object& o) {
             auto& crit = o["sets"].as_array()[0].as_object()["sections"].as_array()[0].as_object()["criteria"].as_array();
             crit.push_back(crit[0]);
         }, "", "duplicate"},
    };
    for (const auto& c : cases) {
        SECTION(c.what) {
            const std::string text = edit(doc, c.change);
            ocop::error e = expect_error([&] { (void)load_edition(text); }, errc::invalid_document);
            require_well_formed(e);
            INFO(e.what());
            if (std::string(c.path).empty()) CHECK(std::string(e.what()).find(c.message) != std::string::npos);
            else CHECK(has_problem(e, c.path, c.message));
        }
    }
}

TEST_CASE("load_edition reports every problem at once, not only the first", "[bad_input]") {
    const std::string text = edit(test::one_set_edition(), [](json::object& o) {
        o["id"] = 1;
        o["name"] = json::array();
        o["extra"] = true;
    });
    ocop::error e = expect_error([&] { (void)load_edition(text); }, errc::invalid_document);
    CHECK(has_problem(e, "/id", "expected a string"));
    CHECK(has_problem(e, "/name", "expected a string"));
    CHECK(has_problem(e, "/extra", "unknown key"));
}

TEST_CASE("load_edition: a 10 MB document is read and its one problem named", "[bad_input][large]") {
    const std::string text = ten_megabytes(test::one_set_edition());
    REQUIRE(text.size() > (10u << 20));
    ocop::error e = expect_error([&] { (void)load_edition(text); }, errc::invalid_document);
    CHECK(e.problems().size() == 1);
    CHECK(has_problem(e, "/padding", "unknown key"));
}

// ---- with_set and catalog::add -------------------------------------------------------------------

TEST_CASE("with_set rejects bad set documents and leaves the edition unchanged", "[bad_input]") {
    const edition ed = load_edition(test::one_set_edition());
    const std::string before = summary(ed);
    SECTION("broken documents") {
        rejects_broken_documents([&](const std::string& t) { (void)with_set(ed, t); });
    }
    SECTION("a set of an industry the edition does not classify") {
        const std::string text = edit(test::rau_set(), [](json::object& o) { o["industry"] = "space"; });
        ocop::error e = expect_error([&] { (void)with_set(ed, text); }, errc::invalid_document);
        CHECK(has_problem(e, "/industry", ""));
    }
    SECTION("a set not in the classification") {
        const std::string text = edit(test::rau_set(), [](json::object& o) { o["id"] = "moon-cheese"; });
        ocop::error e = expect_error([&] { (void)with_set(ed, text); }, errc::invalid_document);
        CHECK(has_problem(e, "/id", "not listed in the classification"));
    }
    SECTION("a level with points above the part maximum") {
        const std::string text = edit(test::rau_set(), [](json::object& o) {
            o["sections"].as_array()[0].as_object()["criteria"].as_array()[0].as_object()["levels"].as_array()[0]
                .as_object()["points"] = 1000000;
        });
        ocop::error e = expect_error([&] { (void)with_set(ed, text); }, errc::invalid_document);
        require_well_formed(e);
    }
    SECTION("a 10 MB set document") {
        const std::string text = ten_megabytes(test::rau_set());
        ocop::error e = expect_error([&] { (void)with_set(ed, text); }, errc::invalid_document);
        CHECK(has_problem(e, "/padding", "unknown key"));
    }
    CHECK(summary(ed) == before);
}

TEST_CASE("catalog::add refuses an edition whose dates overlap another and stays unchanged", "[bad_input]") {
    catalog cat;
    cat.add(load_edition(test::one_set_edition()));
    edition overlapping = load_edition(test::one_set_edition());
    overlapping.id = "other";
    const auto before = cat.editions().size();
    ocop::error e = expect_error([&] { cat.add(overlapping); }, errc::invalid_document);
    require_well_formed(e);
    CHECK(cat.editions().size() == before);
    CHECK(cat.editions()[0].id == "fuzz-2099");
    expect_error([&] { (void)cat.get("nope"); }, errc::not_found);
    expect_error([&] { (void)cat.in_force(*date::parse("1900-01-01")); }, errc::no_edition_in_force);
}

// ---- scorecards ----------------------------------------------------------------------------------

TEST_CASE("parse_scorecard rejects text that is not a JSON object", "[bad_input]") {
    rejects_broken_documents([](const std::string& t) { (void)parse_scorecard(t); });
}

TEST_CASE("parse_scorecard and score: each bad field is named", "[bad_input]") {
    const std::string& doc = test::rau_best_card();
    REQUIRE(score(embedded_catalog(), parse_scorecard(doc)).total == 100);
    struct bad {
        const char* what;
        std::function<void(json::object&)> change;
        errc code;
        const char* path;
        const char* message;
    };
    const std::vector<bad> cases{
        {"edition a number", [](json::object& o) { o["edition"] = 1048; }, errc::invalid_document, "/edition", "expected a string"},
        {"missing set", [](json::object& o) { o.erase("set"); }, errc::invalid_document, "/set", "missing required key"},
        {"empty set", [](json::object& o) { o["set"] = ""; }, errc::invalid_document, "/set", "non-empty"},
        {"extra key", [](json::object& o) { o["total"] = 100; }, errc::invalid_document, "/total", "unknown key"},
        {"answers an array", [](json::object& o) { o["answers"] = json::array{"c"}; }, errc::invalid_document, "/answers", "expected an object"},
        {"an answer a number", [](json::object& o) { o["answers"].as_object()["1.1"] = 3; }, errc::invalid_document,
         "/answers/1.1", "expected a level id"},
        {"an answer an empty string", [](json::object& o) { o["answers"].as_object()["1.1"] = ""; }, errc::invalid_document,
         "/answers/1.1", "non-empty"},
        {"a case answer without level", [](json::object& o) { o["answers"].as_object()["3.2"] = json::object{{"case", "1"}}; },
         errc::invalid_document, "/answers/3.2/level", "missing required key"},
        {"knockouts not an array", [](json::object& o) { o["knockouts"] = "none"; }, errc::invalid_document, "/knockouts", "expected an array"},
        {"a knock-out id a number", [](json::object& o) { o["knockouts"] = json::array{7}; }, errc::invalid_document,
         "/knockouts/0", "expected a string"},
        {"an unknown criterion", [](json::object& o) { o["answers"].as_object()["99.9"] = "a"; }, errc::invalid_scorecard,
         "/answers/99.9", ""},
        {"an unknown level", [](json::object& o) { o["answers"].as_object()["1.1"] = "zz"; }, errc::invalid_scorecard,
         "/answers/1.1", "zz"},
        {"a missing answer", [](json::object& o) { o["answers"].as_object().erase("1.1"); }, errc::invalid_scorecard,
         "/answers/1.1", ""},
        {"an unknown case", [](json::object& o) { o["answers"].as_object()["3.2"] = json::object{{"case", "9"}, {"level", "b"}}; },
         errc::invalid_scorecard, "/answers/3.2", ""},
        {"an unknown knock-out", [](json::object& o) { o["knockouts"] = json::array{"no-such-rule"}; }, errc::invalid_scorecard,
         "", "no-such-rule"},
        {"an unknown edition", [](json::object& o) { o["edition"] = "1999"; }, errc::not_found, "", "1999"},
        {"an unknown set", [](json::object& o) { o["set"] = "moon-cheese"; }, errc::not_found, "", "moon-cheese"},
        {"a criterion id with a slash and a tilde", [](json::object& o) { o["answers"].as_object()["a/b~c"] = "a"; },
         errc::invalid_scorecard, "/answers/a~1b~0c", ""},
    };
    for (const auto& c : cases) {
        SECTION(c.what) {
            const std::string text = edit(doc, c.change);
            ocop::error e = expect_error([&] { (void)score(embedded_catalog(), parse_scorecard(text)); }, c.code);
            require_well_formed(e);
            INFO(e.what());
            if (std::string(c.path).empty()) CHECK(std::string(e.what()).find(c.message) != std::string::npos);
            else CHECK(has_problem(e, c.path, c.message));
        }
    }
}

TEST_CASE("score: a scorecard of another set or edition than the sheet given is refused", "[bad_input]") {
    const edition& ed = embedded_catalog().get("1048-781");
    scorecard card = parse_scorecard(test::rau_best_card());
    const product_set* other = nullptr;
    for (const auto& s : ed.sets)
        if (s.id != card.set && s.status != set_status::unavailable) other = &s;
    REQUIRE(other);
    expect_error([&] { (void)score(ed, *other, card); }, errc::invalid_scorecard);
    const product_set none = test::sheetless_set();
    card.set = none.id;
    expect_error([&] { (void)score(ed, none, card); }, errc::unavailable);
}

TEST_CASE("parse_scorecard: a 10 MB scorecard is read and its one problem named", "[bad_input][large]") {
    const std::string text = ten_megabytes(test::rau_best_card());
    ocop::error e = expect_error([&] { (void)parse_scorecard(text); }, errc::invalid_document);
    CHECK(e.problems().size() == 1);
    CHECK(has_problem(e, "/padding", "unknown key"));
}

// ---- councils ------------------------------------------------------------------------------------

TEST_CASE("parse_council rejects text that is not a JSON object", "[bad_input]") {
    rejects_broken_documents([](const std::string& t) { (void)parse_council(t); });
}

TEST_CASE("parse_council and evaluate_council: each bad field is named", "[bad_input]") {
    const std::string& doc = test::rau_council();
    REQUIRE_NOTHROW(evaluate_council(embedded_catalog(), parse_council(doc)));
    struct bad {
        const char* what;
        std::function<void(json::object&)> change;
        errc code;
        const char* path;
        const char* message;
    };
    const std::vector<bad> cases{
        {"negative divergence limit", [](json::object& o) { o["policy"] = json::object{{"divergence_limit", -1}}; },
         errc::invalid_document, "/policy/divergence_limit", "expected an integer from 0"},
        {"huge minimum members", [](json::object& o) { o["policy"] = json::object{{"minimum_members", 1e20}}; },
         errc::invalid_document, "/policy/minimum_members", "expected an integer"},
        {"minimum members as a string", [](json::object& o) { o["policy"] = json::object{{"minimum_members", "3"}}; },
         errc::invalid_document, "/policy/minimum_members", "expected an integer"},
        {"unknown knock-out policy", [](json::object& o) { o["policy"] = json::object{{"knockouts", "vote"}}; },
         errc::invalid_document, "/policy/knockouts", ""},
        {"policy an array", [](json::object& o) { o["policy"] = json::array(); }, errc::invalid_document, "/policy",
         "expected an object"},
        {"extra policy key", [](json::object& o) { o["policy"] = json::object{{"quorum", 3}}; }, errc::invalid_document,
         "/policy/quorum", "unknown key"},
        {"scorecards missing", [](json::object& o) { o.erase("scorecards"); }, errc::invalid_document, "/scorecards",
         "missing required key"},
        {"a scorecard a string", [](json::object& o) { o["scorecards"].as_array()[1] = "card"; }, errc::invalid_document,
         "/scorecards/1", "expected an object"},
        {"a bad field in the third card", [](json::object& o) { o["scorecards"].as_array()[2].as_object()["set"] = 5; },
         errc::invalid_document, "/scorecards/2/set", "expected a string"},
        {"a bad answer in the second card",
         [](json::object& o) { o["scorecards"].as_array()[1].as_object()["answers"].as_object()["1.1"] = "zz"; },
         errc::invalid_scorecard, "/scorecards/1/answers/1.1", "zz"},
        {"no scorecards", [](json::object& o) { o["scorecards"] = json::array(); }, errc::invalid_council, "/scorecards", ""},
        {"too few members", [](json::object& o) { o["scorecards"].as_array().pop_back(); }, errc::invalid_council, "", ""},
        {"unknown council level", [](json::object& o) { o["policy"] = json::object{{"level", "galaxy"}}; }, errc::invalid_council,
         "", "galaxy"},
    };
    for (const auto& c : cases) {
        SECTION(c.what) {
            const std::string text = edit(doc, c.change);
            ocop::error e = expect_error([&] { (void)evaluate_council(embedded_catalog(), parse_council(text)); }, c.code);
            require_well_formed(e);
            INFO(e.what());
            if (std::string(c.path).empty()) CHECK(std::string(e.what()).find(c.message) != std::string::npos);
            else CHECK(has_problem(e, c.path, c.message));
        }
    }
}

TEST_CASE("aggregate refuses an empty council and mixed sets", "[bad_input]") {
    const edition& ed = embedded_catalog().get("1048-781");
    const product_set& rau = *ed.find_set("rau-cu-qua-hat-tuoi");
    expect_error([&] { (void)aggregate(ed, embedded_procedures().get(ed.id), rau, {}); }, errc::invalid_council);
    scorecard_result r = score(embedded_catalog(), parse_scorecard(test::rau_best_card()));
    scorecard_result other = r;
    other.set = "che-tuoi-che-bien";
    expect_error([&] { (void)aggregate(ed, embedded_procedures().get(ed.id), rau, {r, r, other}); }, errc::invalid_council);
    council_policy bad;
    bad.minimum_members = 5;
    expect_error([&] { (void)aggregate(ed, embedded_procedures().get(ed.id), rau, {r, r, r}, bad); }, errc::invalid_council);
}

// ---- batch scoring -------------------------------------------------------------------------------

TEST_CASE("compiled_sheet::score: short buffers and bad indices are refused with their place", "[bad_input]") {
    const edition& ed = embedded_catalog().get("1048-781");
    const compiled_sheet sheet(ed, *ed.find_set("rau-cu-qua-hat-tuoi"));
    const std::size_t n = sheet.slots();
    std::vector<std::uint8_t> rows(n * 2, 0);
    std::vector<std::int32_t> totals(2), stars(2);
    SECTION("levels shorter than count x slots") {
        expect_error([&] { sheet.score(std::span(rows).first(n), 2, totals, stars); }, errc::invalid_document);
    }
    SECTION("totals shorter than count") {
        expect_error([&] { sheet.score(rows, 2, std::span(totals).first(1), stars); }, errc::invalid_document);
    }
    SECTION("an index out of range names the row and criterion") {
        for (std::size_t s = 0; s < n; ++s) rows[n + s] = static_cast<std::uint8_t>(sheet.options(s).size() - 1);
        for (std::size_t s = 0; s < n; ++s) rows[s] = rows[n + s];
        rows[n + 0] = 200;
        ocop::error e = expect_error([&] { sheet.score(rows, 2, totals, stars); }, errc::invalid_scorecard);
        CHECK(has_problem(e, "/scorecards/1/answers/" + sheet.criterion_id(0), ""));
    }
    SECTION("no answer where one is required") {
        std::fill(rows.begin(), rows.end(), no_answer);
        ocop::error e = expect_error([&] { sheet.score(rows, 2, totals, stars); }, errc::invalid_scorecard);
        CHECK(e.problems()[0].path.rfind("/scorecards/0/answers/", 0) == 0);
    }
    SECTION("count zero with empty spans is fine") {
        CHECK_NOTHROW(sheet.score({}, 0, {}, {}));
    }
    CHECK(sheet.option_index(0, "", "no-such-level") == std::nullopt);
    CHECK(sheet.slot_of("no-such-criterion") == std::nullopt);
}

TEST_CASE("compiled_sheet refuses a set without a sheet", "[bad_input]") {
    const edition& ed = embedded_catalog().get("1048-781");
    expect_error([&] { compiled_sheet sheet(ed, test::sheetless_set()); }, errc::unavailable);
}

// ---- dates ---------------------------------------------------------------------------------------

TEST_CASE("date::parse refuses what is not a calendar day", "[bad_input]") {
    for (const char* t : {"", "2021", "2021-13-01", "2021-02-29", "2021-00-10", "2021-01-32", "21-01-01", "2021-1-1",
                          "2021-01-01T00:00", " 2021-01-01", "２０２１-01-01", "-001-01-01", "99999-01-01"}) {
        INFO(t);
        CHECK_FALSE(date::parse(t).has_value());
    }
    CHECK(date::parse("2024-02-29").has_value());
}

// ---- workflow states given by a host --------------------------------------------------------------

TEST_CASE("apply: a host-given state evaluated at a level without a council result there is refused, not a crash",
          "[bad_input][workflow]") {
    // Found by the `state` fuzz target (tests/fuzz_corpus/state/regression-evaluated-without-result):
    // proposing or closing dereferenced the missing result.
    dossier_state s = parse_state(test::seed("state", "10-council_result.json"));
    REQUIRE(s.phase == phase::evaluated);
    for (auto& r : s.results) r.level = "elsewhere";
    const std::string before = json::serialize(to_json(s));
    for (const std::size_t k : {std::size_t{11}}) {  // recognition_proposed
        const event e = parse_event(test::path_events()[k]);
        ocop::error err = expect_error([&] { (void)apply(&s, e); }, errc::invalid_document);
        CHECK(has_problem(err, "/results", "no council result"));
    }
    event close = parse_event(test::path_events()[11]);
    close.payload = closed_payload{};
    close.actor_role = role::province_people_committee;
    try {
        (void)apply(&s, close);
    } catch (const ocop::error& err) {
        require_well_formed(err);  // refused (by role or by the missing result), never a crash
    }
    CHECK(json::serialize(to_json(s)) == before);
}
