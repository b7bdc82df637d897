// The procedures of 148 and 148+1489 as data: full paths, their own thresholds and levels, and a
// dossier keeping the edition in force when it was registered.

#include "ocop/procedure.hpp"

#include "ocop/catalog_json.hpp"
#include "workflow_support.hpp"

using namespace wf;
using ocop::phase;
using Catch::Matchers::Contains;

namespace {

ocop::date day(const char* text) { return *ocop::date::parse(text); }

template <class F>
ocop::error refusal_of(F&& f) {
    try {
        f();
    } catch (const ocop::error& e) {
        return e;
    }
    FAIL("expected an ocop::error");
    throw;
}

void recognise(ocop::registry& r, const std::string& id, int stars, role proposer, role committee, const char* on) {
    r.apply(ev(id, proposer, on, ocop::recognition_payload{stars}));
    r.apply(ev(id, committee, on, ocop::decision_payload{"QĐ-" + id, day(on), "Chủ tịch"}));
    r.apply(ev(id, committee, on, ocop::certificate_payload{"GCN-" + id, day(on)}));
}

}  // namespace

TEST_CASE("148: the district recognises 3 stars itself and forwards 70 or more to the province, which recognises 4") {
    ocop::registry r;
    r.apply(ev("D3", role::subject, "2024-03-01", registration(product("D3"))));
    CHECK(r.find("D3")->edition == "148");
    r.apply(ev("D3", role::district_office, "2024-03-02", ocop::submitted_payload{}));
    CHECK_THAT(r.last_warnings().at(0), Contains("checklist of 148/QĐ-TTg is not available"));
    r.apply(ev("D3", role::district_council, "2024-04-01", council(1, 310, 5, 3)));  // 62.00
    recognise(r, "D3", 3, role::district_council, role::district_people_committee, "2024-04-10");
    CHECK(r.find("D3")->certificate()->level == "district");
    CHECK(r.find("D3")->certificate()->expires_on.to_string() == "2027-04-10");

    r.apply(ev("P4", role::subject, "2024-03-01", registration(product("P4"))));
    r.apply(ev("P4", role::subject, "2024-03-02", ocop::submitted_payload{}));
    r.apply(ev("P4", role::district_council, "2024-04-01", council(1, 380, 5, 4)));  // 76.00
    CHECK_THAT(refused_message(r, ev("P4", role::district_council, "2024-04-02", ocop::recognition_payload{4})),
               Contains("level district recognises 3★ only (148/QĐ-TTg)"));
    r.apply(ev("P4", role::district_people_committee, "2024-04-05", ocop::forwarded_payload{"province"}));
    r.apply(ev("P4", role::coordination_office, "2024-05-01", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
    r.apply(ev("P4", role::province_council, "2024-05-10", council(1, 385, 5, 4)));
    recognise(r, "P4", 4, role::coordination_office, role::province_people_committee, "2024-06-01");
    CHECK(r.find("P4")->final_stars == 4);
    CHECK(r.find("P4")->certificate()->level == "province");
    CHECK_THAT(refused_message(r, ev("P4", role::province_people_committee, "2024-06-05", ocop::forwarded_payload{"central"})),
               Contains("forwarding to central requires a mean of 90 or more (148/QĐ-TTg); this product has 77.00"));

    // 92.00 at the province: recognised 4★ there, then the central council recognises 5★.
    r.apply(ev("P5", role::subject, "2024-03-01", registration(product("P5"))));
    r.apply(ev("P5", role::subject, "2024-03-02", ocop::submitted_payload{}));
    r.apply(ev("P5", role::district_council, "2024-04-01", council(1, 450, 5, 5)));
    r.apply(ev("P5", role::district_people_committee, "2024-04-05", ocop::forwarded_payload{"province"}));
    r.apply(ev("P5", role::coordination_office, "2024-05-01", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev("P5", role::province_council, "2024-05-10", council(1, 460, 5, 5)));
    recognise(r, "P5", 4, role::coordination_office, role::province_people_committee, "2024-06-01");
    r.apply(ev("P5", role::province_people_committee, "2024-06-05", ocop::forwarded_payload{"central"}));
    r.apply(ev("P5", role::central_council, "2024-09-01", council(1, 915, 10, 5, 9)));
    recognise(r, "P5", 5, role::central_council, role::ministry, "2024-10-01");
    CHECK(r.find("P5")->final_stars == 5);
    CHECK(r.find("P5")->certificates.size() == 2);
    CHECK(r.find("P5")->certificate()->level == "central");
}

TEST_CASE("148: forwarding from the district needs 70, not 1048's 50") {
    ocop::registry r;
    r.apply(ev("A", role::subject, "2024-03-01", registration(product("A"))));
    r.apply(ev("A", role::subject, "2024-03-02", ocop::submitted_payload{}));
    r.apply(ev("A", role::district_council, "2024-04-01", council(1, 6999, 100, 3)));  // 69.99
    std::string what;
    CHECK(refusal(r, ev("A", role::district_people_committee, "2024-04-05", ocop::forwarded_payload{"province"}), what) ==
          ocop::errc::rule_violation);
    CHECK(what == "/type: forwarding to province requires a mean of 70 or more (148/QĐ-TTg); this product has 69.99");
}

TEST_CASE("148+1489: the commune pre-checks, the province recognises 3 and 4 stars, the centre 5") {
    ocop::registry r;
    r.apply(ev("C", role::subject, "2025-08-01", registration(product("C"))));
    CHECK(r.find("C")->edition == "148-1489");
    CHECK(r.find("C")->level == "commune");
    r.apply(ev("C", role::subject, "2025-08-02", ocop::submitted_payload{}));
    r.apply(ev("C", role::commune_people_committee, "2025-08-10", ocop::precheck_payload{true, {"nguồn gốc nguyên liệu tại địa phương"}, std::nullopt}));
    CHECK(r.find("C")->phase == phase::prechecked);
    r.apply(ev("C", role::commune_people_committee, "2025-08-11", ocop::forwarded_payload{"province"}));
    CHECK(r.find("C")->level == "province");
    r.apply(ev("C", role::advisory_group, "2025-09-01", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev("C", role::province_council, "2025-09-10", council(1, 465, 5, 5)));  // 93.00
    recognise(r, "C", 4, role::coordination_office, role::province_people_committee, "2025-10-01");
    r.apply(ev("C", role::province_people_committee, "2025-10-05", ocop::forwarded_payload{"central"}));
    r.apply(ev("C", role::central_council, "2025-11-01", council(1, 920, 10, 5, 9)));
    recognise(r, "C", 5, role::central_council, role::ministry, "2025-12-01");
    CHECK(r.find("C")->final_stars == 5);
    CHECK(r.find("C")->certificates.size() == 2);

    // A commune that refuses the pre-check closes the dossier; the district has no role any more.
    r.apply(ev("F", role::subject, "2025-08-01", registration(product("F"))));
    r.apply(ev("F", role::subject, "2025-08-02", ocop::submitted_payload{}));
    std::string what;
    CHECK(refusal(r, ev("F", role::district_council, "2025-08-05", council(1, 300, 5, 3)), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("event council_result is not part of level commune of procedure 148-1489"));
    r.apply(ev("F", role::commune_people_committee, "2025-08-10", ocop::precheck_payload{false, {"nguyên liệu không rõ nguồn gốc"}, std::nullopt}));
    CHECK(r.find("F")->phase == phase::closed);
    CHECK(r.find("F")->open_items.at(0) == "nguyên liệu không rõ nguồn gốc");
}

TEST_CASE("148+1489: the province recognises 3 stars (it was the district's under 148)") {
    ocop::registry r;
    r.apply(ev("C", role::subject, "2025-08-01", registration(product("C"))));
    r.apply(ev("C", role::subject, "2025-08-02", ocop::submitted_payload{}));
    r.apply(ev("C", role::commune_people_committee, "2025-08-10", ocop::precheck_payload{true, {}, std::nullopt}));
    r.apply(ev("C", role::commune_people_committee, "2025-08-11", ocop::forwarded_payload{"province"}));
    r.apply(ev("C", role::advisory_group, "2025-09-01", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev("C", role::province_council, "2025-09-10", council(1, 300, 5, 3)));
    recognise(r, "C", 3, role::coordination_office, role::province_people_committee, "2025-10-01");
    CHECK(r.find("C")->certificate()->stars == 3);
    CHECK(r.find("C")->certificate()->level == "province");
}

TEST_CASE("Editions: a dossier follows the edition pinned when it was registered, even after a new one comes into force") {
    ocop::registry r;
    r.apply(ev("OLD", role::subject, "2023-02-20", registration(product("OLD"))));  // 1048-781 in force
    r.apply(ev("OLD", role::subject, "2023-02-21", ocop::submitted_payload{}));
    r.apply(ev("OLD", role::district_council, "2023-03-10", council(1, 275, 5, 3)));  // 55.00, under 148 already
    r.apply(ev("OLD", role::district_people_committee, "2023-03-15", ocop::forwarded_payload{"province"}));  // 1048's 50 applies
    CHECK(r.find("OLD")->edition == "1048-781");
    CHECK(r.find("OLD")->level == "province");

    r.apply(ev("NEW", role::subject, "2023-02-24", registration(product("NEW"))));  // 148 in force
    r.apply(ev("NEW", role::subject, "2023-02-25", ocop::submitted_payload{}));
    r.apply(ev("NEW", role::district_council, "2023-03-10", council(1, 275, 5, 3)));
    std::string what;
    CHECK(refusal(r, ev("NEW", role::district_people_committee, "2023-03-15", ocop::forwarded_payload{"province"}), what) ==
          ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("70 or more"));
}

TEST_CASE("Editions: a procedure library refuses two procedures whose validity dates overlap") {
    ocop::procedure a = ocop::embedded_procedures().get("148");
    ocop::procedure b = ocop::embedded_procedures().get("148-1489");
    CHECK_NOTHROW(ocop::procedure_library({a, b}));  // 148 ends 2025-07-05, 148-1489 starts 2025-07-06
    b.valid_from = day("2025-07-05");                 // one shared day is an overlap
    ocop::error e = refusal_of([&] { ocop::procedure_library({a, b}); });
    CHECK(e.code() == ocop::errc::invalid_document);
    CHECK_THAT(e.what(), Contains("/valid_from") && Contains("procedure \"148-1489\" overlaps procedure \"148\""));
    b.valid_from = day("2025-07-06");
    a.valid_until.reset();                            // 148 still running: overlaps every later procedure
    CHECK_THROWS_AS(ocop::procedure_library({a, b}), ocop::error);
    a.valid_until = day("2025-07-05");
    b.edition = "148";                                // the same edition twice, dates apart
    CHECK_THAT(refusal_of([&] { ocop::procedure_library({a, b}); }).what(), Contains("two procedures for edition \"148\""));
}

TEST_CASE("Editions: the procedures follow one another without a gap, and a date before them all has none") {
    const auto& lib = ocop::embedded_procedures();
    CHECK(lib.in_force(day("2023-02-23")).edition == "1048-781");
    CHECK(lib.in_force(day("2023-02-24")).edition == "148");
    CHECK(lib.in_force(day("2025-07-05")).edition == "148");
    CHECK(lib.in_force(day("2025-07-06")).edition == "148-1489");
    CHECK_THROWS_AS(lib.in_force(day("2019-08-20")), ocop::error);
    CHECK(lib.get("148").find_level("district")->forwards_at_least == 70);
    CHECK_FALSE(lib.get("148-1489").find_level("district"));
}
