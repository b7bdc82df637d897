// Dates, round two (issue 15): the day of an event is the province's day (UTC+07:00) whatever
// offset it is written with; dates that contradict the dossier are refused; a certificate's 36
// months mean one thing in the message, the guard and the report.

#include <catch2/catch.hpp>

#include <boost/json/serialize.hpp>

#include "ocop/date.hpp"
#include "ocop/registry.hpp"
#include "ocop/reports.hpp"
#include "ocop/workflow_json.hpp"
#include "test_support.hpp"
#include "workflow_support.hpp"

using namespace wf;
using Catch::Matchers::Contains;
using ocop::errc;
using ocop::phase;

namespace {

ocop::date day(const char* text) { return *ocop::date::parse(text); }

/// An event written with its own timestamp (ev() writes 09:00 in Vietnam).
ocop::event at(const std::string& dossier, role r, const std::string& timestamp, ocop::event_payload p) {
    ocop::event e = ev(dossier, r, "2000-01-01", std::move(p));
    e.at = timestamp;
    return e;
}

/// A 1048-781 dossier registered 2021-09-01, scored by the province on 2021-10-18 and 2021-10-27
/// and proposed for 4 stars on 2021-11-01.
void proposed_at_province(ocop::registry& r, const std::string& id) {
    to_district_result(r, product(id), 362, 5, 4);
    r.apply(ev(id, role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    r.apply(ev(id, role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
    r.apply(ev(id, role::province_council, "2021-10-18", council(1, 4400, 50, 4)));
    r.apply(ev(id, role::province_council, "2021-10-27", council(2, 440, 5, 4)));
    r.apply(ev(id, role::coordination_office, "2021-11-01", ocop::recognition_payload{4}));
}

/// That dossier decided and certified on `issued` (the edition pinned at registration stays 1048-781).
void certified_on(ocop::registry& r, const std::string& id, const char* issued) {
    proposed_at_province(r, id);
    r.apply(ev(id, role::province_people_committee, issued, ocop::decision_payload{"QĐ-" + id, day(issued), "Chủ tịch"}));
    r.apply(ev(id, role::province_people_committee, issued, ocop::certificate_payload{"GCN-" + id, day(issued)}));
}

}  // namespace

TEST_CASE("Dates: an instant falls on the province's day whatever offset it is written with") {
    CHECK(ocop::parse_timestamp("2021-10-21T00:30:00+07:00")->day == day("2021-10-21"));
    CHECK(ocop::parse_timestamp("2021-10-20T17:30:00Z")->day == day("2021-10-21"));  // the same instant
    CHECK(ocop::parse_timestamp("2021-10-20T16:59:59Z")->day == day("2021-10-20"));
    CHECK(ocop::parse_timestamp("2023-02-23T20:00:00-12:00")->day == day("2023-02-24"));
    CHECK(ocop::parse_timestamp("2024-01-01T05:00:00+14:00")->day == day("2023-12-31"));
    CHECK(ocop::parse_timestamp("1969-12-31T20:00:00Z")->day == day("1970-01-01"));  // before the epoch
    CHECK(ocop::parse_timestamp("2021-10-20T09:00:00+14:00"));
    CHECK(ocop::parse_timestamp("2021-10-20T09:00:00-12:00"));
    CHECK_FALSE(ocop::parse_timestamp("2021-10-20T09:00:00+14:01"));
    CHECK_FALSE(ocop::parse_timestamp("2021-10-20T09:00:00-12:30"));
    CHECK_FALSE(ocop::parse_timestamp("2021-10-20T09:00:00+15:00"));
}

TEST_CASE("Dates: the edition of a registration is the one in force on the province's day") {
    ocop::registry r;
    // 1048-781 ends on 2023-02-23; 20:00 at -12:00 that day is 24 February in Vietnam: 148.
    r.apply(at("LATE", role::subject, "2023-02-23T20:00:00-12:00", registration(product("LATE"))));
    CHECK(r.find("LATE")->edition == "148");
    r.apply(at("EARLY", role::subject, "2023-02-23T16:59:59Z", registration(product("EARLY"))));
    CHECK(r.find("EARLY")->edition == "1048-781");
    std::string what;
    CHECK(refusal(r, at("X", role::subject, "2023-02-23T09:00:00-13:00", registration(product("X"))), what) == errc::invalid_document);
    CHECK_THAT(what, Contains("/at: expected an ISO 8601 timestamp with a zone from -12:00 to +14:00"));
}

TEST_CASE("Dates: the JSON reader and apply() say the same of a timestamp they refuse") {
    const ocop::event bad = at("X", role::subject, "2023-02-23T09:00:00-13:00", registration(product("X")));
    const std::string expected = "expected an ISO 8601 timestamp with a zone from -12:00 to +14:00 "
                                 "(\"YYYY-MM-DDTHH:MM:SS+07:00\"), found \"2023-02-23T09:00:00-13:00\"";
    ocop::registry r;
    ocop::test::require_error(errc::invalid_document, "/at", expected, [&] { r.apply(bad); });
    const std::string text = boost::json::serialize(ocop::to_json(bad));
    ocop::test::require_error(errc::invalid_document, "/at", expected, [&] { ocop::parse_event(text); });
}

TEST_CASE("Dates: a decision signed before the dossier's registration or its council result is refused") {
    ocop::registry r;
    proposed_at_province(r, "D");
    const auto decided = [&](const char* signed_on) {
        return ev("D", role::province_people_committee, "2021-12-10", ocop::decision_payload{"1/QĐ", day(signed_on), "Chủ tịch"});
    };
    std::string what;
    CHECK(refusal(r, decided("2021-08-01"), what) == errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/signed_on: a decision is signed on or after the dossier's registration of 2021-09-01") &&
                         Contains("found 2021-08-01"));
    CHECK(refusal(r, decided("2021-10-20"), what) == errc::rule_violation);
    CHECK_THAT(what, Contains("the council result it follows (province, round 2) of 2021-10-27"));
    CHECK(r.find("D")->phase == phase::proposed);
    r.apply(decided("2021-10-27"));  // the day of the result is allowed
    // A certificate dated before it all is refused too (before its decision, hence before the dossier).
    CHECK(refusal(r, ev("D", role::province_people_committee, "2021-12-15", ocop::certificate_payload{"G", day("2021-08-01")}), what) ==
          errc::rule_violation);
    CHECK_THAT(what, Contains("a certificate is issued on or after its decision 1/QĐ of 2021-10-27"));
}

TEST_CASE("Dates: a certificate issued on 29 February is valid through 28 February, 36 months on, in every view") {
    ocop::registry r;
    certified_on(r, "L", "2024-02-29");
    CHECK(r.find("L")->certificate()->expires_on == day("2027-02-28"));
    std::string what;
    CHECK(refusal(r, ev("L", role::coordination_office, "2027-02-28", ocop::expired_payload{}), what) == errc::rule_violation);
    CHECK_THAT(what, Contains("valid until 2027-02-28 inclusive") && Contains("it expires from 2027-03-01, not on 2027-02-28"));
    CHECK(ocop::recognised_products(r, day("2027-02-28"))[0].valid);
    CHECK_FALSE(ocop::recognised_products(r, day("2027-03-01"))[0].valid);
    r.apply(ev("L", role::coordination_office, "2027-03-01", ocop::expired_payload{}));
    CHECK(r.find("L")->phase == phase::expired);
}

TEST_CASE("Dates: a certificate issued on the 31st is valid through the 31st, 36 months on, and expires the next day") {
    ocop::registry r;
    certified_on(r, "Y", "2021-12-31");
    CHECK(r.find("Y")->certificate()->expires_on == day("2024-12-31"));
    CHECK(ocop::recognised_products(r, day("2024-12-31"))[0].valid);
    CHECK_FALSE(ocop::recognised_products(r, day("2025-01-01"))[0].valid);
    std::string what;
    CHECK(refusal(r, ev("Y", role::coordination_office, "2024-12-31", ocop::expired_payload{}), what) == errc::rule_violation);
    r.apply(ev("Y", role::coordination_office, "2025-01-01", ocop::expired_payload{}));
    CHECK(r.find("Y")->phase == phase::expired);
    // A period in months that ends in a shorter month ends on its last day (Điều 148 khoản 3).
    CHECK(day("2021-08-31").plus_months(6) == day("2022-02-28"));
    CHECK(day("2023-08-31").plus_months(6) == day("2024-02-29"));
}
