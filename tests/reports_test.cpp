// Reports as data: results by stars, 5★ candidates, recognised products with certificate expiry,
// dossiers waiting past their window, progress per batch; and their JSON.

#include "ocop/reports.hpp"

#include <boost/json/serialize.hpp>

#include "ocop/registry.hpp"
#include "ocop/reports_json.hpp"
#include "test_support.hpp"
#include "workflow_support.hpp"

using namespace wf;
using ocop::phase;
using Catch::Matchers::Contains;

namespace {

ocop::date day(const char* text) { return *ocop::date::parse(text); }

void to_city(ocop::registry& r, const ocop::dossier& d, const std::string& batch) {
    to_district_result(r, d, 362, 5, 4, batch);
    r.apply(ev(d.id, role::district_people_committee, "2021-10-08", ocop::forwarded_payload{"province"}));
}

void certify(ocop::registry& r, const std::string& id, std::int64_t num, int council_stars, int stars) {
    r.apply(ev(id, role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev(id, role::province_council, "2021-10-18", council(1, num, 5, council_stars)));
    r.apply(ev(id, role::coordination_office, "2021-11-01", ocop::recognition_payload{stars}));
    r.apply(ev(id, role::province_people_committee, "2021-12-10", ocop::decision_payload{"5678/QĐ-UBND", day("2021-12-10"), "Chủ tịch"}));
    r.apply(ev(id, role::province_people_committee, "2021-12-15", ocop::certificate_payload{"GCN-" + id, day("2021-12-15")}));
}

/// Six dossiers of the Hanoi plan in every kind of outcome.
ocop::registry hanoi() {
    ocop::registry r({}, ocop::embedded_campaign("hanoi-2021"));
    to_city(r, product("C4", "Ba Vì", "food"), "1");
    certify(r, "C4", 371, 4, 4);                                   // 4★ recognised
    to_city(r, product("C5", "Gia Lâm", "herbal"), "1");
    certify(r, "C5", 461, 5, 4);                                   // 92.20, 4★ then candidate
    r.apply(ev("C5", role::province_people_committee, "2022-01-10", ocop::forwarded_payload{"central"}));
    to_district_result(r, product("K2", "Ba Vì", "food"), 236, 5, 2, "2");
    r.apply(ev("K2", role::district_people_committee, "2021-10-01", ocop::closed_payload{}));  // 2★ at the district
    to_city(r, product("W", "Sơn Tây", "food"), "2");
    r.apply(ev("W", role::subject, "2021-10-09", ocop::withdrawn_payload{}));                 // no rank
    to_city(r, product("P", "Sơn Tây", "beverage"), "1");           // waiting for appraisal (step 2)
    to_city(r, product("Q", "Ba Vì", "food"), "1");
    r.apply(ev("Q", role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));  // waiting for round 1
    return r;
}

}  // namespace

TEST_CASE("Reports: results by stars per district and industry, with pending dossiers counted apart") {
    ocop::registry r = hanoi();
    ocop::results_report res = ocop::results_by_stars(r);
    CHECK(res.pending == 2);
    CHECK(res.by_district.columns == std::vector<std::string>{"0★", "1★", "2★", "3★", "4★", "5★", "no rank"});
    CHECK(res.by_district.table[0].key == "Ba Vì");
    CHECK(res.by_district.table[0].counts == std::vector<int>{0, 0, 1, 0, 1, 0, 0});
    CHECK(res.by_district.column_totals == std::vector<int>{0, 0, 1, 0, 2, 0, 1});
    CHECK(res.by_district.total == 4);
    CHECK(res.by_industry.table[0].key == "food");
    CHECK(res.by_industry.table[0].counts == std::vector<int>{0, 0, 1, 0, 1, 0, 1});
    CHECK(res.by_industry.table[2].key == "herbal");
    CHECK(res.by_industry.table[2].total == 1);
}

TEST_CASE("Reports: 5-star candidates with the province's mean and their central status") {
    ocop::registry r = hanoi();
    auto rows = ocop::five_star_candidates(r);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].dossier == "C5");
    CHECK(rows[0].province_mean == "92.20");
    CHECK(rows[0].status == "pending");
    CHECK(rows[0].stars == 4);
    r.apply(ev("C5", role::central_council, "2022-03-01", council(1, 930, 10, 5, 7)));
    r.apply(ev("C5", role::central_council, "2022-03-02", ocop::not_recognised_payload{}));
    rows = ocop::five_star_candidates(r);
    CHECK(rows[0].status == "not_recognised");
    CHECK(rows[0].stars == 4);
}

TEST_CASE("Reports: recognised products with certificate numbers and an expiry 36 months after issue") {
    ocop::registry r = hanoi();
    auto rows = ocop::recognised_products(r, day("2024-12-14"));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].dossier == "C4");
    CHECK(rows[0].certificate == "GCN-C4");
    CHECK(rows[0].decision == "5678/QĐ-UBND");
    CHECK(rows[0].stars == 4);
    CHECK(rows[0].issued_on.to_string() == "2021-12-15");
    CHECK(rows[0].expires_on.to_string() == "2024-12-15");
    CHECK(rows[0].valid);
    // what the decision's appendix lists: subject, address, set, the recognising council's mean
    CHECK(rows[0].subject == "HTX C4");
    CHECK(rows[0].district == "Ba Vì");
    CHECK_FALSE(rows[0].commune.has_value());
    CHECK(rows[0].set == std::optional<std::string>("rau-cu-qua-hat-tuoi"));
    CHECK(rows[0].mean == "74.20");  // 371/5 at the province, not the district's 362/5
    CHECK(rows[1].mean == "92.20");
    CHECK_FALSE(rows[1].set.has_value());  // a herbal product names no set here
    CHECK(ocop::recognised_products(r, day("2024-12-15"))[0].valid);  // its last valid day (Bộ luật Dân sự 2015, Điều 148)
    CHECK_FALSE(ocop::recognised_products(r, day("2024-12-16"))[0].valid);
    CHECK_THAT(boost::json::serialize(ocop::to_json(rows)), Contains("\"expires_on\":\"2024-12-15\""));
}

TEST_CASE("Reports: dossiers waiting past their step's window for their batch") {
    ocop::registry r = hanoi();
    auto late = ocop::overdue_dossiers(r, day("2021-10-21"));
    REQUIRE(late.size() == 2);
    CHECK(late[0].dossier == "P");
    CHECK(late[0].step == 2);
    CHECK(late[0].last_day.to_string() == "2021-10-15");
    CHECK(late[0].days_late == 6);
    CHECK(late[1].dossier == "Q");
    CHECK(late[1].step == 3);
    CHECK(late[1].days_late == 1);
    CHECK(ocop::overdue_dossiers(r, day("2021-10-15")).empty());
    CHECK(ocop::overdue_dossiers(ocop::registry{}, day("2030-01-01")).empty());
}

TEST_CASE("Reports: progress per batch by phase and certified stars") {
    ocop::registry r = hanoi();
    auto rows = ocop::progress_by_batch(r);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].batch == "1");
    CHECK(rows[0].dossiers == 4);
    CHECK(rows[0].certified_by_stars == std::vector<int>{0, 0, 0, 0, 1, 0});
    REQUIRE(rows[0].by_phase.size() == 3);
    CHECK(rows[0].by_phase[0].of == phase::submitted);
    CHECK(rows[0].by_phase[0].count == 2);  // P at the city, C5 at the centre
    CHECK(rows[1].batch == "2");
    CHECK(rows[1].dossiers == 2);
    CHECK_THAT(boost::json::serialize(ocop::to_json(rows)), Contains(R"({"batch":"2","dossiers":2,"by_phase":[{"of":"closed","count":1})"));
}

TEST_CASE("Reports: every report reads back from its JSON to the same bytes, with paths on errors") {
    ocop::registry r = hanoi();
    const ocop::date as_of = day("2021-10-21");
    auto same = [](const boost::json::value& v, auto parse) {
        const std::string text = boost::json::serialize(v);
        return boost::json::serialize(ocop::to_json(parse(text))) == text;
    };
    CHECK(same(ocop::to_json(ocop::registrations_by_district(r)), ocop::parse_count_matrix));
    CHECK(same(ocop::to_json(ocop::results_by_stars(r)), ocop::parse_results_report));
    CHECK(same(ocop::to_json(ocop::five_star_candidates(r)), ocop::parse_candidates));
    CHECK(same(ocop::to_json(ocop::recognised_products(r, as_of)), ocop::parse_recognised));
    CHECK(same(ocop::to_json(ocop::overdue_dossiers(r, as_of)), ocop::parse_overdue));
    CHECK(same(ocop::to_json(ocop::progress_by_batch(r)), ocop::parse_progress));
    try {
        ocop::parse_overdue(R"([{"dossier":"P","batch":"1","level":"province","in_phase":"late","step":2,"what":"x",)"
                            R"("last_day":"2021-10-15","days_late":"6"}])");
        FAIL("accepted");
    } catch (const ocop::error& e) {
        REQUIRE(e.problems().size() == 2);
        CHECK(e.problems()[0].path == "/0/in_phase");
        CHECK(e.problems()[1].path == "/0/days_late");
    }
}

TEST_CASE("Reports by name: report_json gives each report's own JSON, with its date where it needs one") {
    ocop::registry r = hanoi();
    const ocop::date as_of = day("2022-01-31");
    using ocop::report_json;
    REQUIRE(ocop::report_names().size() == 7);
    CHECK(report_json(r, "registrations") == ocop::to_json(ocop::registrations_by_district(r)));
    CHECK(report_json(r, "planned") == ocop::to_json(ocop::planned_registrations(*r.campaign())));
    CHECK(report_json(r, "results") == ocop::to_json(ocop::results_by_stars(r)));
    CHECK(report_json(r, "candidates") == ocop::to_json(ocop::five_star_candidates(r)));
    CHECK(report_json(r, "recognised", as_of) == ocop::to_json(ocop::recognised_products(r, as_of)));
    CHECK(report_json(r, "overdue", as_of) == ocop::to_json(ocop::overdue_dossiers(r, as_of)));
    CHECK(report_json(r, "progress") == ocop::to_json(ocop::progress_by_batch(r)));
    for (std::string_view name : ocop::report_names()) {
        INFO(name);
        CHECK(ocop::report_needs_date(name) == (name == "recognised" || name == "overdue"));
        CHECK_FALSE(report_json(r, name, as_of).is_null());
    }
    CHECK_FALSE(ocop::report_needs_date("gossip"));
}

TEST_CASE("Reports by name: an unknown name, a missing date and a plan without a campaign are refused") {
    ocop::registry r = hanoi();
    auto unknown = ocop::test::expect_error([&] { (void)ocop::report_json(r, "gossip"); }, ocop::errc::not_found);
    CHECK_THAT(unknown.what(), Contains("no report \"gossip\": expected registrations, planned, results, candidates, "
                                        "recognised, overdue or progress"));
    auto undated = ocop::test::expect_error([&] { (void)ocop::report_json(r, "overdue"); }, ocop::errc::invalid_document);
    CHECK(ocop::test::has_problem(undated, "/as_of", "report \"overdue\" needs the date as_of"));
    ocop::registry bare;
    auto planless = ocop::test::expect_error([&] { (void)ocop::report_json(bare, "planned"); }, ocop::errc::not_found);
    CHECK_THAT(planless.what(), Contains("needs a registry with a campaign"));
    CHECK(ocop::report_json(bare, "registrations") == ocop::to_json(ocop::registrations_by_district(bare)));
}
