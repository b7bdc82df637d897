// Campaigns: the built-in Hanoi 2021 plan, step windows per batch (warning by default, refused
// under policy enforce), the pinned edition and batches.

#include "ocop/campaign.hpp"

#include <boost/json/serialize.hpp>

#include "ocop/campaign_json.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"
#include "workflow_support.hpp"

using namespace wf;
using Catch::Matchers::Contains;

namespace {

/// A dossier of batch `batch` at the city level, appraised and waiting for round 1.
void at_city(ocop::registry& r, const std::string& id, const std::string& batch) {
    to_district_result(r, product(id), 362, 5, 4, batch);
    r.apply(ev(id, role::district_people_committee, "2021-10-08", ocop::forwarded_payload{"province"}));
    r.apply(ev(id, role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
}

}  // namespace

TEST_CASE("Campaign: the Hanoi 2021 plan ships built in with its batches, steps and windows (appendix 02)") {
    const ocop::campaign& c = ocop::embedded_campaign("hanoi-2021");
    CHECK(c.plan == "220/KH-UBND");
    CHECK(c.province == "Hà Nội");
    CHECK(c.year == 2021);
    CHECK(c.edition == "1048-781");
    CHECK(c.policy == ocop::window_policy::warn);
    CHECK(c.batches.size() == 2);
    CHECK(c.district_rows().size() == 26);
    CHECK(c.industries.size() == 6);
    REQUIRE(c.steps.size() == 7);
    CHECK(c.steps[2].window_for("1")->to_string() == "2021-10-16 to 2021-10-20");
    CHECK(c.steps[4].window_for("2")->to_string() == "2021-11-25 to 2021-11-30");
    CHECK(c.steps[0].window_for("2")->to_string() == "before 2021-11-10");
    CHECK(c.steps[0].window_for("2")->last_day()->to_string() == "2021-11-09");
    CHECK(c.steps[6].window_for("1")->to_string() == "2021-12-01 to 2021-12-31");
    CHECK_THROWS_AS(ocop::embedded_campaign("hue-2021"), ocop::error);
}

TEST_CASE("Campaign: an event inside its step's window is recorded without warning") {
    ocop::registry r({}, ocop::embedded_campaign("hanoi-2021"));
    at_city(r, "A", "1");
    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 362, 5, 4)));
    CHECK(r.last_warnings().empty());
    CHECK(r.find("A")->warnings.empty());
}

TEST_CASE("Campaign: an event outside its window is recorded with a warning by default, and replay keeps it") {
    ocop::registry r({}, ocop::embedded_campaign("hanoi-2021"));
    at_city(r, "A", "1");
    r.apply(ev("A", role::province_council, "2021-10-22", council(1, 362, 5, 4)));
    REQUIRE(r.last_warnings().size() == 1);
    CHECK(r.last_warnings()[0] == "council_result on 2021-10-22 is outside the window of step 3 for batch 1 (2021-10-16 to 2021-10-20, "
                                  "220/KH-UBND, Phụ lục 02)");
    CHECK(r.find("A")->warnings == r.last_warnings());
    CHECK(r.find("A")->phase == ocop::phase::evaluated);

    ocop::registry again = ocop::registry::replay(r.log(), {}, ocop::embedded_campaign("hanoi-2021"));
    CHECK(boost::json::serialize(ocop::to_json(again)) == boost::json::serialize(ocop::to_json(r)));
}

TEST_CASE("Campaign: under policy enforce an event outside its window is refused and nothing changes") {
    ocop::campaign strict = ocop::embedded_campaign("hanoi-2021");
    strict.policy = ocop::window_policy::enforce;
    ocop::registry r({}, strict);
    to_district_result(r, product("A"), 362, 5, 4, "1");
    const std::size_t size = r.log().size();
    std::string what;
    CHECK(refusal(r, ev("A", role::district_people_committee, "2021-10-12", ocop::forwarded_payload{"province"}), what) ==
          ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("outside the window of step 1 for batch 1 (before 2021-10-10"));
    CHECK(r.log().size() == size);
    CHECK(r.find("A")->level == "district");
    r.apply(ev("A", role::district_people_committee, "2021-10-09", ocop::forwarded_payload{"province"}));
    CHECK(r.find("A")->level == "province");
}

TEST_CASE("Campaign: dossiers follow the campaign's edition, come from its province and name one of its batches") {
    ocop::registry r({}, ocop::embedded_campaign("hanoi-2021"));
    std::string what;
    CHECK(refusal(r, ev("A", role::subject, "2023-03-01", registration(product("A"), "1")), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("campaign hanoi-2021 (220/KH-UBND) pins edition 1048-781; this dossier would follow 148"));
    ocop::dossier elsewhere = product("A");
    elsewhere.province = "Hải Phòng";
    CHECK(refusal(r, ev("A", role::subject, "2021-09-01", registration(elsewhere, "1")), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/dossier/province: campaign hanoi-2021 (220/KH-UBND) is Hà Nội's; this dossier is from Hải Phòng"));
    CHECK(refusal(r, ev("A", role::subject, "2021-09-01", registration(product("A"), "3")), what) == ocop::errc::invalid_document);
    CHECK_THAT(what, Contains("expected a batch of campaign hanoi-2021 (1, 2)"));
    CHECK(r.log().size() == 0);
}

TEST_CASE("Campaign: a campaign document is validated with paths") {
    boost::json::object c = ocop::to_json(ocop::embedded_campaign("hanoi-2021")).as_object();
    c["planned"].as_array()[0].as_object()["total"] = 39;
    c["steps"].as_array()[1].as_object()["windows"].as_array()[0].as_object()["batch"] = "9";
    try {
        ocop::load_campaign(boost::json::serialize(c));
        FAIL("accepted");
    } catch (const ocop::error& e) {
        REQUIRE(e.problems().size() == 2);
        CHECK(e.problems()[0].path == "/steps/1/windows/0/batch");
        CHECK(e.problems()[1].path == "/planned/0/total");
        CHECK_THAT(e.problems()[1].message, Contains("expected the sum of by_industry 38, found 39"));
    }
}

TEST_CASE("Campaign: a step's window without any date is refused with its path (a template not filled in)") {
    boost::json::object c = ocop::to_json(ocop::embedded_campaign("hanoi-2021")).as_object();
    c["steps"].as_array()[2].as_object()["windows"].as_array()[1].as_object()["window"] = boost::json::object{};
    try {
        ocop::load_campaign(boost::json::serialize(c));
        FAIL("accepted");
    } catch (const ocop::error& e) {
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].path == "/steps/2/windows/1/window");
        CHECK_THAT(e.problems()[0].message, Contains("expected the window's dates (from and until, or before), found none"));
    }
    c["steps"].as_array()[2].as_object()["windows"].as_array()[1].as_object()["window"] = boost::json::object{{"before", "2021-11-20"}};
    CHECK(ocop::load_campaign(boost::json::serialize(c)).steps[2].windows[1].window.before == ocop::date::parse("2021-11-20"));
}
