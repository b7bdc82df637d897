// The change of rules on 22/5/2026 (26/2026/QĐ-TTg, Điều 11-12) as data on the procedures of 148
// and 148-1489: new dossiers follow 26-2026 from that day; a dossier filed before it finishes under
// the edition pinned at registration within 60 days (last day 2026-07-20), 30 for a re-rating (last
// day 2026-06-20); a filing after it is refused; certificates already issued keep their term.

#include "ocop/transition.hpp"

#include "workflow_2026_support.hpp"

using namespace wf;
using ocop::phase;
using Catch::Matchers::Contains;

namespace {

/// A 148-1489 dossier registered and filed (submitted) on `filed`, pre-checked and at the province's appraisal.
void filed_under_148_1489(ocop::registry& r, const std::string& id, const char* filed) {
    r.apply(ev(id, role::subject, filed, registration(product(id))));
    r.apply(ev(id, role::subject, filed, ocop::submitted_payload{}));
    r.apply(ev(id, role::commune_people_committee, filed, precheck(true, std::nullopt)));
    r.apply(ev(id, role::commune_people_committee, filed, ocop::forwarded_payload{"province"}));
}

/// A 148 dossier registered in 2023, recognised 3★ by the district with a certificate issued on
/// `issued` (registered 60 days before it), and expired the day after its 36 months (its last valid day).
void certified_under_148_then_expired(ocop::registry& r, const std::string& id, const char* issued) {
    const ocop::date on = day(issued);
    auto before = [&](int days) { return on.plus_days(-days).to_string(); };
    r.apply(ev(id, role::subject, before(60), registration(product(id))));
    r.apply(ev(id, role::subject, before(59), ocop::submitted_payload{}));
    r.apply(ev(id, role::district_council, before(20), council(1, 310, 5, 3)));
    r.apply(ev(id, role::district_council, before(10), ocop::recognition_payload{3}));
    r.apply(ev(id, role::district_people_committee, issued, ocop::decision_payload{"QĐ-" + id, on, "Chủ tịch"}));
    r.apply(ev(id, role::district_people_committee, issued, ocop::certificate_payload{"GCN-" + id, on}));
    r.apply(ev(id, role::district_office, on.plus_months(36).plus_days(1).to_string(), ocop::expired_payload{}));
}

const ocop::event appraisal(const std::string& id, const char* on) {
    return ev(id, role::advisory_group, on, ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}});
}

}  // namespace

TEST_CASE("Transition: one procedure takes new dossiers on any day, 148-1489 until 2026-05-21 and 26-2026 from 2026-05-22") {
    const auto& lib = ocop::embedded_procedures();
    CHECK(lib.in_force(day("2026-05-21")).edition == "148-1489");
    CHECK(lib.in_force(day("2026-05-22")).edition == "26-2026");
    for (const char* d : {"2019-08-21", "2023-02-24", "2025-07-06", "2026-05-21", "2026-05-22", "2026-07-21"}) {
        int in_force = 0;
        for (const auto& p : lib.items()) in_force += p.in_force_on(day(d)) ? 1 : 0;
        CHECK(in_force == 1);
    }
    const ocop::procedure& p = lib.get("148-1489");
    CHECK(p.lapses_on == day("2026-07-21"));
    REQUIRE(p.transition);
    CHECK(p.transition->successor == "26-2026");
    CHECK(ocop::transition_last_day(p, false) == day("2026-07-20"));
    CHECK(ocop::transition_last_day(p, true) == day("2026-06-20"));
    CHECK(ocop::transition_last_day(lib.get("148"), false) == day("2026-07-20"));
    CHECK_FALSE(ocop::transition_last_day(lib.get("26-2026"), false));
    CHECK_FALSE(ocop::transition_last_day(lib.get("1048-781"), false));
}

TEST_CASE("Transition: registration on 2026-05-21 pins 148-1489, on 2026-05-22 pins 26-2026") {
    ocop::registry r;
    r.apply(ev("OLD", role::subject, "2026-05-21", registration(product("OLD"))));
    CHECK(r.find("OLD")->edition == "148-1489");
    r.apply(ev("NEW", role::subject, "2026-05-22", registration(product_2026("NEW"))));
    CHECK(r.find("NEW")->edition == "26-2026");
    ocop::registered_payload asked = registration(product("ASK"));
    asked.edition = "148-1489";
    std::string what;
    CHECK(refusal(r, ev("ASK", role::subject, "2026-05-22", asked), what) == ocop::errc::rule_violation);
    CHECK(what == "/payload/edition: edition 148-1489 is not in force on 2026-05-22 (valid 2025-07-06 to 2026-05-21); "
                  "a dossier follows the edition in force when it is registered: 26-2026");
}

TEST_CASE("Transition: a 148-1489 dossier filed before 2026-05-22 finishes by 2026-07-20 (60 days), refused on 2026-07-21") {
    ocop::registry r;
    filed_under_148_1489(r, "A", "2026-05-21");
    filed_under_148_1489(r, "B", "2026-05-20");
    r.apply(appraisal("A", "2026-05-22"));  // the successor's first day: still under 148-1489
    r.apply(ev("A", role::province_council, "2026-07-20", council(1, 390, 5, 4)));
    CHECK(r.find("A")->edition == "148-1489");
    CHECK(r.find("A")->rounds == 1);

    const std::string head = r.log().head();
    std::string what;
    CHECK(refusal(r, ev("A", role::coordination_office, "2026-07-21", ocop::recognition_payload{4}), what) == ocop::errc::rule_violation);
    CHECK(what == "/at: procedure 148-1489 was replaced by 26-2026 on 2026-05-22; a dossier filed before then finishes under it within "
                  "60 days, and 148-1489 lapses on 2026-07-21 (26/2026/QĐ-TTg, Điều 11 khoản 2 (148/QĐ-TTg và 1489/QĐ-TTg hết hiệu lực "
                  "sau 60 ngày) và Điều 12 khoản 2 (hồ sơ nộp trước ngày 22/5/2026)): dossier A had until 2026-07-20; "
                  "recognition_proposed on 2026-07-21 is refused");
    CHECK(r.log().head() == head);
    CHECK(r.find("A")->phase == phase::evaluated);
    // Also before the lapse's day itself, the whole day counts: 23:59 on 2026-07-20 is in time.
    r.apply(ocop::event{"B", "tổ tư vấn", role::advisory_group, "2026-07-20T23:59:59+07:00",
                        ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}, "kịp hạn"});
    CHECK(r.find("B")->phase == phase::awaiting_council);
    CHECK(refusal(r, ev("B", role::subject, "2026-07-21", ocop::withdrawn_payload{}), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("had until 2026-07-20"));
}

TEST_CASE("Transition: the 148 procedure, pinned since 2025, follows the same deadline") {
    ocop::registry r;
    r.apply(ev("D", role::subject, "2025-07-01", registration(product("D"))));
    CHECK(r.find("D")->edition == "148");
    r.apply(ev("D", role::subject, "2025-07-02", ocop::submitted_payload{}));
    r.apply(ev("D", role::district_council, "2026-07-20", council(1, 310, 5, 3)));
    std::string what;
    CHECK(refusal(r, ev("D", role::district_council, "2026-07-21", ocop::recognition_payload{3}), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("procedure 148 was replaced by 26-2026 on 2026-05-22") && Contains("148 lapses on 2026-07-21") &&
                         Contains("Điều 12 khoản 2") && Contains("had until 2026-07-20"));
}

TEST_CASE("Transition: a dossier registered before 2026-05-22 but filed on or after it is refused (Điều 12.2: filed before)") {
    ocop::registry r;
    r.apply(ev("L", role::subject, "2026-05-21", registration(product("L"))));
    std::string what;
    CHECK(refusal(r, ev("L", role::subject, "2026-05-22", ocop::submitted_payload{}), what) == ocop::errc::rule_violation);
    CHECK(what == "/at: procedure 148-1489 was replaced by 26-2026 on 2026-05-22: only dossiers filed before that day finish under it "
                  "(26/2026/QĐ-TTg, Điều 11 khoản 2 (148/QĐ-TTg và 1489/QĐ-TTg hết hiệu lực sau 60 ngày) và Điều 12 khoản 2 (hồ sơ nộp "
                  "trước ngày 22/5/2026)); dossier L was not filed (submitted) before 2026-05-22 and must be registered again under 26-2026");
    CHECK(r.find("L")->phase == phase::draft);
    r.apply(ev("L", role::subject, "2026-05-22", ocop::withdrawn_payload{}));  // withdrawing is still possible
    CHECK(r.find("L")->phase == phase::withdrawn);
}

TEST_CASE("Transition: a re-rating (a new cycle after expiry) finishes by 2026-06-20 (30 days), refused on 2026-06-21") {
    ocop::registry r;
    certified_under_148_then_expired(r, "R1", "2023-05-01");  // valid through 2026-05-01, expired on 2026-05-02
    // Cycle 2 under 148-1489, filed before 2026-05-22: a re-rating.
    ocop::registered_payload again = registration(product("R2"));
    again.previous_cycle = "R1";
    r.apply(ev("R2", role::subject, "2026-05-05", again));
    CHECK(r.find("R2")->cycle == 2);
    CHECK(ocop::is_rerating(*r.find("R2")));
    r.apply(ev("R2", role::subject, "2026-05-06", ocop::submitted_payload{}));
    r.apply(ev("R2", role::commune_people_committee, "2026-05-25", precheck(true, std::nullopt)));
    r.apply(ev("R2", role::commune_people_committee, "2026-06-20", ocop::forwarded_payload{"province"}));
    std::string what;
    CHECK(refusal(r, appraisal("R2", "2026-06-21"), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("within 30 days as a re-rating") && Contains("dossier R2 had until 2026-06-20"));

    // A first rating filed the same day still has until 2026-07-20.
    filed_under_148_1489(r, "F", "2026-05-06");
    r.apply(appraisal("F", "2026-06-21"));
    CHECK(r.find("F")->phase == phase::awaiting_council);
}

TEST_CASE("Transition: certificates issued before keep their term (Điều 12.1): their expiry is recorded after the lapse") {
    ocop::registry r;
    certified_under_148_then_expired(r, "E", "2023-08-01");  // valid through 2026-08-01, expired on 2026-08-02, after the lapse
    CHECK(r.find("E")->edition == "148");
    CHECK(r.find("E")->phase == phase::expired);
    // The renewal is registered under the edition in force: 26-2026.
    ocop::registered_payload again = registration(product_2026("E2"));
    again.previous_cycle = "E";
    r.apply(ev("E2", role::subject, "2026-08-05", again));
    CHECK(r.find("E2")->edition == "26-2026");
    CHECK(r.find("E2")->cycle == 2);
}

TEST_CASE("Transition: the data is validated when a procedure is loaded, and overlapping procedures are refused") {
    const procedure_edits edits("148-1489");
    CHECK_THAT(edits.error("\"lapses_on\":\"2026-07-21\"", "\"lapses_on\":\"2026-05-01\""),
               Contains("/lapses_on: expected a day after valid_until 2026-05-21, found 2026-05-01"));
    CHECK_THAT(edits.error("\"from\":\"2026-05-22\"", "\"from\":\"2026-05-21\""),
               Contains("/transition/from: expected a day after valid_until"));
    CHECK_THAT(edits.error("\"finish_within_days\":60", "\"finish_within_days\":0"),
               Contains("/transition/finish_within_days: expected 1 to 3660 days, found 0"));
    CHECK_THAT(edits.error("\"allowed_after\":[\"certificate_expired\"]", "\"allowed_after\":[\"submitted\"]"),
               Contains("/transition/allowed_after: the filing event submitted cannot be allowed after the deadline"));
    CHECK_THAT(edits.error("\"valid_until\":\"2026-05-21\",", ""), Contains("/lapses_on: expected a day after valid_until (none given)"));


    ocop::procedure open_ended = ocop::embedded_procedures().get("148-1489");
    open_ended.valid_until.reset();
    std::vector<ocop::procedure> both{open_ended, ocop::embedded_procedures().get("26-2026")};
    try {
        ocop::procedure_library lib(both);
        FAIL("two procedures in force on one day were accepted");
    } catch (const ocop::error& e) {
        CHECK(std::string(e.what()) == "/valid_from: procedure \"26-2026\" overlaps procedure \"148-1489\" in time: exactly one procedure "
                                       "may be in force on a date");
    }
}
