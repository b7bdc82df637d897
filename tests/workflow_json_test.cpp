// Events, states, dossiers and procedures as JSON: canonical output, round trips, and errors that
// name the place in the input.

#include "ocop/workflow.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "ocop/dossier_json.hpp"
#include "ocop/procedure.hpp"
#include "ocop/procedure_json.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow_json.hpp"
#include "rau_cards.hpp"
#include "workflow_support.hpp"

using namespace wf;
using Catch::Matchers::Contains;

namespace {

std::vector<ocop::event> one_of_each() {
    const ocop::date d = *ocop::date::parse("2021-10-10");
    ocop::registered_payload reg = registration(product("E"), "1");
    reg.edition = "1048-781";
    reg.previous_cycle = "E0";
    reg.dossier.product_code = "HN-BV-001-2021";
    reg.dossier.commune = "Tản Lĩnh";
    return {
        ev("E", role::subject, "2021-10-01", reg),
        ev("E", role::subject, "2021-10-01", ocop::submitted_payload{{"doc-06"}}),
        ev("E", role::commune_people_committee, "2021-10-01", ocop::precheck_payload{true, {"ok"}, std::nullopt}),
        ev("E", role::advisory_group, "2021-10-01", ocop::appraisal_payload{ocop::appraisal_outcome::returned, true, {"x"}}),
        ev("E", role::advisory_group, "2021-10-01", ocop::completion_request_payload{{"a", "b"}}),
        ev("E", role::subject, "2021-10-01", ocop::completion_payload{{"doc-07"}, {"a"}}),
        ev("E", role::province_council, "2021-10-01", council(2, 3621, 50, 4, 9)),
        ev("E", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"}),
        ev("E", role::district_people_committee, "2021-10-01", ocop::closed_payload{}),
        ev("E", role::coordination_office, "2021-10-01", ocop::recognition_payload{4}),
        ev("E", role::province_council, "2021-10-01", ocop::not_recognised_payload{}),
        ev("E", role::province_people_committee, "2021-10-01", ocop::decision_payload{"1/QĐ-UBND", d, "Chủ tịch"}),
        ev("E", role::province_people_committee, "2021-10-01", ocop::certificate_payload{"GCN-1", d}),
        ev("E", role::subject, "2021-10-01", ocop::withdrawn_payload{}),
        ev("E", role::ministry, "2021-10-01", ocop::expired_payload{}),
        ev("E", role::council_secretary, "2021-10-01", ocop::scorecard_payload{"province", 1, ocop::test::rau_top("Member A")}),
    };
}

std::vector<std::string> paths_of(const ocop::error& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.path);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> event_errors(const std::string& text) {
    try {
        ocop::parse_event(text);
    } catch (const ocop::error& e) {
        return paths_of(e);
    }
    return {};
}

}  // namespace

TEST_CASE("JSON: every event type round-trips to the same canonical bytes") {
    const auto events = one_of_each();
    REQUIRE(events.size() == std::variant_size_v<ocop::event_payload>);
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK(static_cast<std::size_t>(events[i].type()) == i);
        const std::string text = boost::json::serialize(ocop::to_json(events[i]));
        ocop::event back = ocop::parse_event(text);
        CHECK(back.type() == events[i].type());
        CHECK(boost::json::serialize(ocop::to_json(back)) == text);
    }
    CHECK(boost::json::serialize(ocop::to_json(events[6])) ==
          R"({"type":"council_result","dossier":"E","actor":"actor-province_council","role":"province_council",)"
          R"("at":"2021-10-01T09:00:00+07:00","payload":{"round":2,"mean":{"numerator":3621,"denominator":50},"stars":4,"members":9,"from_paper":true},)"
          R"("reason":"as decided"})");
}

TEST_CASE("JSON: a bad event is refused with the path of every problem") {
    const std::string good = boost::json::serialize(ocop::to_json(one_of_each()[6]));
    CHECK(event_errors(good).empty());
    auto edit = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        t.replace(t.find(from), from.size(), to);
        return event_errors(t);
    };
    CHECK(edit("\"council_result\"", "\"council_report\"") == std::vector<std::string>{"/type"});
    CHECK(edit("\"denominator\":50", "\"denominator\":\"50\"") == std::vector<std::string>{"/payload/mean/denominator"});
    CHECK(edit("\"stars\":4,", "\"stars\":4,\"bonus\":1,") == std::vector<std::string>{"/payload/bonus"});
    CHECK(edit("\"round\":2,", "") == std::vector<std::string>{"/payload/round"});
    CHECK(edit("\"province_council\",\"at\"", "\"mayor\",\"at\"") == std::vector<std::string>{"/role"});
    CHECK(edit("2021-10-01T09:00:00+07:00", "2021-10-01") == std::vector<std::string>{"/at"});
    CHECK(edit("\"reason\":\"as decided\"", "\"reason\":\"\"") == std::vector<std::string>{"/reason"});
    CHECK_THROWS_AS(ocop::parse_event("{\"type\":"), ocop::error);
}

TEST_CASE("JSON: a dossier state round-trips exactly, optional members left out when absent") {
    ocop::registry r;
    to_district_result(r, product("S"), 362, 5, 4);
    const std::string text = boost::json::serialize(ocop::to_json(*r.find("S")));
    CHECK(boost::json::serialize(ocop::to_json(ocop::parse_state(text))) == text);
    CHECK_THAT(text, Contains("\"phase\":\"evaluated\"") && Contains("\"mean_display\":\"72.40\""));
    CHECK_THAT(text, !Contains("previous_cycle") && !Contains("null"));
}

TEST_CASE("JSON: a dossier is read with paths for every problem") {
    try {
        ocop::parse_dossier(R"({"id":"A","product_name":"","subject":{"name":"HTX","kind":"club"},"province":"Hà Nội",)"
                            R"("district":"Ba Vì","industry":"food","documents":"doc-01"})");
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(paths_of(e) == std::vector<std::string>{"/documents", "/product_name", "/subject/kind"});
        CHECK_THAT(e.what(), Contains("\"enterprise\", \"cooperative\", \"cooperative_group\", \"household\""));
    }
}

TEST_CASE("JSON: procedures round-trip and a broken procedure is refused with paths") {
    const ocop::procedure& p = ocop::embedded_procedures().get("148-1489");
    const std::string text = boost::json::serialize(ocop::to_json(p));
    CHECK(boost::json::serialize(ocop::to_json(ocop::load_procedure(text))) == text);

    boost::json::object broken = ocop::to_json(ocop::embedded_procedures().get("1048-781")).as_object();
    auto& levels = broken["levels"].as_array();
    levels[1].as_object()["forwards_to"] = "district";                       // backwards
    levels[0].as_object()["events"].as_array()[2].as_object()["roles"] = boost::json::array{};  // nobody
    levels[2].as_object()["events"].as_array().push_back(levels[2].as_object()["events"].as_array()[0]);  // twice
    levels[2].as_object()["max_rounds"] = 0;                                  // below min_rounds
    try {
        ocop::load_procedure(boost::json::serialize(broken));
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::invalid_document);
        CHECK(paths_of(e) == std::vector<std::string>{"/levels/0/events/2/roles", "/levels/1/forwards_to", "/levels/2/events/8/type",
                                                      "/levels/2/max_rounds"});
    }
}
