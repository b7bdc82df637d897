#include "ocop/catalog_json.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace ocop;
namespace json = boost::json;

namespace {

/// A small valid edition: parts 35/25/40, the 1048 bands, one set with one criterion per part.
json::value minimal_edition() {
    return json::parse(R"({
      "id": "test", "name": "Test edition",
      "legal_references": [{"id": "1/QĐ", "title": "t", "signed": "2020-01-01"}],
      "valid_from": "2020-01-01", "valid_until": "2020-12-31",
      "parts": [{"id": "A", "name": "a", "max_points": 35}, {"id": "B", "name": "b", "max_points": 25},
                {"id": "C", "name": "c", "max_points": 40}],
      "star_bands": [
        {"stars": 1, "from": 0, "to": 30, "recognised": false, "meaning": "1"},
        {"stars": 2, "from": 30, "to": 50, "recognised": false, "meaning": "2"},
        {"stars": 3, "from": 50, "to": 70, "recognised": true, "meaning": "3"},
        {"stars": 4, "from": 70, "to": 90, "recognised": true, "meaning": "4"},
        {"stars": 5, "from": 90, "to": 100, "recognised": true, "meaning": "5"}],
      "bands_source": "s",
      "classification": [{"id": "food", "code": "I", "name": "f",
                          "groups": [{"id": "I.1", "name": "g", "sets": ["s1"]}]}],
      "sets": [{
        "id": "s1", "code": "I.1.a", "name": "Set", "industry": "food", "group": "I.1", "status": "complete",
        "provenance": {"source": "test"},
        "sections": [
          {"id": "1", "part": "A", "title": "A", "criteria": [
            {"id": "1.1", "title": "x", "levels": [{"id": "a", "points": 0, "label": "no"}, {"id": "b", "points": 35, "label": "yes"}]}]},
          {"id": "2", "part": "B", "title": "B", "criteria": [
            {"id": "2.1", "title": "y", "cases": [
              {"id": "1", "label": "one", "levels": [{"id": "a", "points": 0, "label": "no"}, {"id": "b", "points": 25, "label": "yes"}]},
              {"id": "2", "label": "two", "levels": [{"id": "c", "points": 0, "label": "no"}, {"id": "d", "points": 10, "label": "yes"}]}]}]},
          {"id": "3", "part": "C", "title": "C", "criteria": [
            {"id": "3.1", "title": "z", "levels": [{"id": "a", "points": 0, "label": "no"}, {"id": "b", "points": 40, "label": "yes"}]}]}]
      }]})");
}

json::object& set0(json::value& doc) { return doc.at("sets").at(0).as_object(); }
json::object& criterion_at(json::value& doc, std::size_t section) {
    return set0(doc).at("sections").at(section).at("criteria").at(0).as_object();
}

error load_fails(const json::value& doc, errc code = errc::invalid_document) {
    return test::expect_error([&] { load_edition(json::serialize(doc)); }, code);
}

}  // namespace

TEST_CASE("the minimal edition used by these tests is valid") {
    edition ed = load_edition(json::serialize(minimal_edition()));
    REQUIRE(ed.sets.size() == 1);
    REQUIRE(ed.sets[0].part_max("B") == 25);
}

TEST_CASE("text that is not JSON is rejected with its byte offset") {
    auto e = test::expect_error([] { load_edition("{\"id\": "); }, errc::invalid_json);
    REQUIRE(std::string(e.what()).find("byte") != std::string::npos);
    test::expect_error([] { load_edition("{} trailing"); }, errc::invalid_json);
    test::expect_error([] { load_edition("\"\xff\""); }, errc::invalid_json);
}

TEST_CASE("unknown keys are rejected with their path") {
    auto doc = minimal_edition();
    criterion_at(doc, 0)["colour"] = "red";
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/sets/0/sections/0/criteria/0/colour", "unknown key"));
}

TEST_CASE("missing keys and wrong types name the path, what was expected and what was found") {
    auto doc = minimal_edition();
    doc.as_object().erase("name");
    criterion_at(doc, 0)["title"] = 7;
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/name", "missing required key"));
    REQUIRE(test::has_problem(e, "/sets/0/sections/0/criteria/0/title", "expected a string, found an integer"));
}

TEST_CASE("a document with several errors reports them all") {
    auto doc = minimal_edition();
    criterion_at(doc, 0)["levels"].at(0).as_object()["points"] = -1;
    criterion_at(doc, 2)["levels"].at(1).as_object()["points"] = 1.5;
    doc.as_object()["valid_from"] = "2020-02-30";
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/sets/0/sections/0/criteria/0/levels/0/points", "expected an integer from 0 to 100, found -1"));
    REQUIRE(test::has_problem(e, "/sets/0/sections/2/criteria/0/levels/1/points", "expected an integer, found 1.5: not an integer"));
    REQUIRE(test::has_problem(e, "/valid_from", "expected a date"));
}

TEST_CASE("ids must be unique: criteria, levels, levels across cases, sets") {
    auto doc = minimal_edition();
    criterion_at(doc, 2)["id"] = "1.1";
    criterion_at(doc, 0)["levels"].at(1).as_object()["id"] = "a";
    criterion_at(doc, 1)["cases"].at(1).at("levels").at(0).as_object()["id"] = "a";
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/sets/0/sections/2/criteria/0/id", "duplicate criterion id \"1.1\""));
    REQUIRE(test::has_problem(e, "/sets/0/sections/0/criteria/0/levels/1/id", "duplicate level id \"a\""));
    REQUIRE(test::has_problem(e, "/sets/0/sections/1/criteria/0/cases/1/levels/0/id", "duplicate level (across cases) id"));

    auto twice = minimal_edition();
    twice.at("sets").as_array().push_back(twice.at("sets").at(0));
    REQUIRE(test::has_problem(load_fails(twice), "/sets/1/id", "duplicate set id \"s1\""));
}

TEST_CASE("levels must have distinct points unless the set declares that gap") {
    auto doc = minimal_edition();
    auto& levels = criterion_at(doc, 0)["levels"].as_array();
    levels.push_back(json::object{{"id", "c"}, {"points", 35}, {"label", "again"}});
    REQUIRE(test::has_problem(load_fails(doc), "/sets/0/sections/0/criteria/0/levels/2/points", "found 35 twice"));

    set0(doc)["status"] = "incomplete";
    set0(doc)["gaps"] = json::array{json::object{{"kind", "duplicate_level_points"}, {"criterion", "1.1"}, {"text", "doubled"}}};
    REQUIRE(load_edition(json::serialize(doc)).sets[0].status == set_status::incomplete);
}

TEST_CASE("part sums must equal the edition's maxima unless the set is declared incomplete") {
    auto doc = minimal_edition();
    criterion_at(doc, 2)["levels"].at(1).as_object()["points"] = 38;
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/sets/0/sections", "expected part C to sum to 40 (edition test), found 38"));

    set0(doc)["gaps"] = json::array{json::object{{"kind", "part_total"}, {"part", "C"}, {"text", "C sums to 38"}}};
    REQUIRE(test::has_problem(load_fails(doc), "/sets/0/status", "expected \"incomplete\""));
    set0(doc)["status"] = "incomplete";
    REQUIRE(load_edition(json::serialize(doc)).sets[0].part_max("C") == 38);

    criterion_at(doc, 2)["levels"].at(1).as_object()["points"] = 40;  // the declared gap is not real
    REQUIRE(test::has_problem(load_fails(doc), "/sets/0/gaps", "sums to 40 as expected"));
}

TEST_CASE("star bands must be contiguous, non-overlapping and cover 0 to 100") {
    auto overlap = minimal_edition();
    overlap.at("star_bands").at(2).as_object()["from"] = 45;
    REQUIRE(test::has_problem(load_fails(overlap), "/star_bands/2/from", "bands overlap: expected 50, found 45"));

    auto gap = minimal_edition();
    gap.at("star_bands").at(2).as_object()["from"] = 55;
    REQUIRE(test::has_problem(load_fails(gap), "/star_bands/2/from", "gap between bands: expected 50, found 55"));

    auto short_of_100 = minimal_edition();
    short_of_100.at("star_bands").at(4).as_object()["to"] = 99;
    REQUIRE(test::has_problem(load_fails(short_of_100), "/star_bands", "covering 0 to 100"));

    auto not_from_zero = minimal_edition();
    not_from_zero.at("star_bands").at(0).as_object()["from"] = 1;
    REQUIRE(test::has_problem(load_fails(not_from_zero), "/star_bands/0/from", "expected 0, found 1"));
}

TEST_CASE("an edition holds no evaluation levels or certificate validity: those are the procedure's") {
    auto doc = minimal_edition();
    doc.as_object()["evaluation_levels"] = json::array{};
    doc.as_object()["certificate_validity_months"] = 36;
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/evaluation_levels", "unknown key"));
    REQUIRE(test::has_problem(e, "/certificate_validity_months", "unknown key"));
}

TEST_CASE("references inside an edition must resolve") {
    auto doc = minimal_edition();
    criterion_at(doc, 0)["knockouts"] = json::array{json::object{
        {"id", "k"}, {"outcome", "vanished"}, {"trigger", json::object{{"kind", "levels"}, {"levels", json::array{json::object{{"criterion", "9.9"}, {"level", "a"}}}}}},
        {"text", "t"}, {"source", "s"}}};
    criterion_at(doc, 2)["applies_if"] = json::object{{"criterion", "3.1"}, {"levels", json::array{"b"}}, {"text", "t"}, {"source", "s"}};
    auto e = load_fails(doc);
    REQUIRE(test::has_problem(e, "/sets/0/sections/0/criteria/0/knockouts/0/outcome", "expected one of \"eliminated\", \"evaluation_stopped\""));
    REQUIRE(test::has_problem(e, "/sets/0/sections/0/criteria/0/knockouts/0/trigger/levels/0", "criterion \"9.9\""));
    REQUIRE(test::has_problem(e, "/sets/0/sections/2/criteria/0/applies_if/criterion", "expected an earlier criterion"));
}

TEST_CASE("a criterion has either levels or cases, and either/or needs two cases") {
    auto doc = minimal_edition();
    criterion_at(doc, 0)["cases"] = json::array{};
    REQUIRE(test::has_problem(load_fails(doc), "/sets/0/sections/0/criteria/0", "found both"));
    auto one_case = minimal_edition();
    criterion_at(one_case, 1)["cases"].as_array().pop_back();
    REQUIRE(test::has_problem(load_fails(one_case), "/sets/0/sections/1/criteria/0/cases", "at least two cases"));
}

TEST_CASE("a host adds or replaces a sheet without touching the edition it started from") {
    edition ed = load_edition(json::serialize(minimal_edition()));
    json::value sheet = minimal_edition().at("sets").at(0);
    sheet.as_object()["name"] = "Province's own sheet";
    edition custom = with_set(ed, json::serialize(sheet));
    REQUIRE(custom.sets[0].name == "Province's own sheet");
    REQUIRE(ed.sets[0].name == "Set");

    sheet.as_object()["industry"] = "drinks";
    auto e = test::expect_error([&] { with_set(ed, json::serialize(sheet)); }, errc::invalid_document);
    REQUIRE(test::has_problem(e, "/industry", "expected \"food\" (classification)"));
}

TEST_CASE("editions overlapping in time are refused, dates outside every edition are errors") {
    catalog cat;
    cat.add(load_edition(json::serialize(minimal_edition())));
    auto next = minimal_edition();
    next.as_object()["id"] = "next";
    next.as_object()["valid_from"] = "2020-12-01";
    next.as_object()["valid_until"] = nullptr;
    auto e = test::expect_error([&] { cat.add(load_edition(json::serialize(next))); }, errc::invalid_document);
    REQUIRE(std::string(e.what()).find("overlaps") != std::string::npos);
    REQUIRE(cat.editions().size() == 1);

    next.as_object()["valid_from"] = "2021-01-01";
    cat.add(load_edition(json::serialize(next)));
    REQUIRE(cat.in_force(date{2030, 1, 1}).id == "next");
    REQUIRE(cat.in_force(date{2020, 12, 31}).id == "test");
    test::expect_error([&] { cat.in_force(date{2019, 12, 31}); }, errc::no_edition_in_force);
}
