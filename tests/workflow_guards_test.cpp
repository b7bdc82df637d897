// Every guard of the procedure refuses with a message naming the rule and its legal source, and a
// refused event leaves the dossier and the log unchanged (strong guarantee).

#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"

#include <boost/json/serialize.hpp>

#include "workflow_support.hpp"

using namespace wf;
using ocop::errc;
using ocop::phase;
using Catch::Matchers::Contains;

namespace {

/// Applies `e`, expects a refusal with `code`, and checks that nothing changed.
std::string refused(ocop::registry& r, const ocop::event& e, errc code) {
    const std::string before = boost::json::serialize(ocop::to_json(r));
    const std::string head = r.log().head();
    const std::size_t size = r.log().size();
    std::string what;
    CHECK(refusal(r, e, what) == code);
    CHECK(boost::json::serialize(ocop::to_json(r)) == before);
    CHECK(r.log().head() == head);
    CHECK(r.log().size() == size);
    return what;
}

ocop::date day(const char* text) { return *ocop::date::parse(text); }

/// A dossier at the province after an accepted appraisal.
void at_province(ocop::registry& r, const std::string& id) {
    to_district_result(r, product(id), 362, 5, 4);
    r.apply(ev(id, role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    r.apply(ev(id, role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
}

}  // namespace

TEST_CASE("Guard: a dossier without its required documents cannot be submitted, and the error lists what is missing") {
    ocop::registry r;
    r.apply(ev("D", role::subject, "2021-09-01", registration(product("D", "Ba Vì", "food", {"doc-01", "doc-03"}))));
    std::string what = refused(r, ev("D", role::subject, "2021-09-02", ocop::submitted_payload{{"doc-04"}}), errc::rule_violation);
    CHECK_THAT(what, Contains("doc-02") && Contains("doc-05") && Contains("Sản phẩm mẫu") && Contains("1048/QĐ-TTg, Phụ lục II"));
    CHECK_THAT(what, !Contains("doc-04") && !Contains("doc-01"));
    CHECK(r.find("D")->phase == phase::draft);
    CHECK(r.find("D")->dossier.documents.size() == 2);  // the refused submission added nothing
}

TEST_CASE("Guard: a service product needs no samples (doc-05), other products do") {
    ocop::registry r;
    const std::vector<std::string> four = {"doc-01", "doc-02", "doc-03", "doc-04"};
    r.apply(ev("T", role::subject, "2021-09-01", registration(product("T", "Tây Hồ", "rural_tourism_and_sales", four))));
    r.apply(ev("T", role::subject, "2021-09-02", ocop::submitted_payload{}));
    CHECK(r.find("T")->phase == phase::submitted);
    r.apply(ev("F", role::subject, "2021-09-01", registration(product("F", "Tây Hồ", "food", four))));
    CHECK_THAT(refused(r, ev("F", role::subject, "2021-09-02", ocop::submitted_payload{}), errc::rule_violation), Contains("doc-05"));
}

TEST_CASE("Guard: forwarding needs the level's threshold on the exact mean, with the rule and its source in the message") {
    ocop::registry r;
    to_district_result(r, product("A"), 236, 5, 2);  // 47.20
    std::string what = refused(r, ev("A", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"}), errc::rule_violation);
    CHECK(what == "/type: forwarding to province requires a mean of 50 or more (1048/QĐ-TTg, Phụ lục II); this product has 47.20");

    // 49.998 displays as 50.00 but is below 50: the comparison is exact, and so is the message.
    to_district_result(r, product("B"), 24999, 500, 2);
    CHECK_THAT(refused(r, ev("B", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"}), errc::rule_violation),
               Contains("this product has 49.998 (24999/500)"));
    to_district_result(r, product("C"), 250, 5, 3);  // exactly 50
    r.apply(ev("C", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"}));
    CHECK(r.find("C")->level == "province");
}

TEST_CASE("Guard: forwarding goes to the next level only, and a 5-star candidacy needs 90 and the province's certificate") {
    ocop::registry r;
    to_district_result(r, product("A"), 400, 5, 4);
    CHECK_THAT(refused(r, ev("A", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"central"}), errc::rule_violation),
               Contains("forwards to province, not central"));
    r.apply(ev("A", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"}));
    r.apply(ev("A", role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 446, 5, 4)));  // 89.20
    CHECK_THAT(refused(r, ev("A", role::province_people_committee, "2021-10-20", ocop::forwarded_payload{"central"}), errc::rule_violation),
               Contains("needs the dossier certified") && Contains("this dossier is evaluated"));
    r.apply(ev("A", role::coordination_office, "2021-11-01", ocop::recognition_payload{4}));
    r.apply(ev("A", role::province_people_committee, "2021-12-10", ocop::decision_payload{"1/QĐ", day("2021-12-10"), "Chủ tịch"}));
    r.apply(ev("A", role::province_people_committee, "2021-12-11", ocop::certificate_payload{"GCN-1", day("2021-12-11")}));
    CHECK(refused(r, ev("A", role::province_people_committee, "2022-01-05", ocop::forwarded_payload{"central"}), errc::rule_violation) ==
          "/type: forwarding to central requires a mean of 90 or more (1048/QĐ-TTg, Phụ lục II); this product has 89.20");
}

TEST_CASE("Guard: council rounds follow one another, within the level's maximum, and stars stay within the mean's band") {
    ocop::registry r;
    at_province(r, "A");
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-18", council(2, 350, 5, 4)), errc::rule_violation),
               Contains("expected round 1, found round 2"));
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-18", council(1, 325, 5, 4)), errc::rule_violation),
               Contains("4 stars exceed the band of mean 65.00, which is 3★") && Contains("1048/QĐ-TTg, Phụ lục II"));
    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 325, 5, 3)));
    r.apply(ev("A", role::province_council, "2021-10-27", council(2, 330, 5, 3)));
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-28", council(3, 330, 5, 3)), errc::rule_violation),
               Contains("at most 2 council round(s)"));
    CHECK_THAT(refused(r, ev("A", role::advisory_group, "2021-10-28", ocop::completion_request_payload{{"x"}}), errc::rule_violation),
               Contains("needs a later council round"));
}

TEST_CASE("Guard: a council result at the province needs the appraisal first, a returned dossier needs its completion") {
    ocop::registry r;
    to_district_result(r, product("A"), 362, 5, 4);
    r.apply(ev("A", role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-18", council(1, 350, 5, 4)), errc::rule_violation),
               Contains("needs the dossier awaiting_council or evaluated") && Contains("this dossier is submitted"));
    r.apply(ev("A", role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::returned, false, {"Giấy ATTP"}}));
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-18", council(1, 350, 5, 4)), errc::rule_violation),
               Contains("this dossier is returned"));
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-10-13", ocop::completion_payload{{}, {"Bảng giá"}}), errc::invalid_document),
               Contains("\"Bảng giá\" was not requested"));
    CHECK_THAT(refused(r, ev("A", role::advisory_group, "2021-10-13", ocop::appraisal_payload{ocop::appraisal_outcome::returned, false, {}}),
                       errc::rule_violation),
               Contains("this dossier is returned"));
}

TEST_CASE("Guard: round 2 after a completion request needs the completion first") {
    ocop::registry r;
    at_province(r, "A");
    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 325, 5, 3)));
    r.apply(ev("A", role::advisory_group, "2021-10-21", ocop::completion_request_payload{{"Tem truy xuất"}}));
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-27", council(2, 350, 5, 4)), errc::rule_violation),
               Contains("this dossier is completion_requested"));
    CHECK_THAT(refused(r, ev("A", role::advisory_group, "2021-10-21", ocop::completion_request_payload{{}}), errc::rule_violation),
               Contains("this dossier is completion_requested"));
}

TEST_CASE("Guard: recognition only of the stars the level recognises, never above the council's") {
    ocop::registry r;
    at_province(r, "A");
    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 461, 5, 5)));  // 92.20
    CHECK_THAT(refused(r, ev("A", role::coordination_office, "2021-11-01", ocop::recognition_payload{5}), errc::rule_violation),
               Contains("level province recognises 3★ and 4★ only (1048/QĐ-TTg, Phụ lục II); proposed 5★"));
    at_province(r, "B");
    r.apply(ev("B", role::province_council, "2021-10-18", council(1, 325, 5, 3)));
    CHECK_THAT(refused(r, ev("B", role::coordination_office, "2021-11-01", ocop::recognition_payload{4}), errc::rule_violation),
               Contains("a proposal of 4★ needs a council result of 4★ or more") && Contains("the council gave 3★ (mean 65.00)"));
    // The district of 1048/781 recognises nothing.
    to_district_result(r, product("C"), 325, 5, 3);
    CHECK_THAT(refused(r, ev("C", role::district_council, "2021-10-01", ocop::recognition_payload{3}), errc::rule_violation),
               Contains("event recognition_proposed is not part of level district"));
}

TEST_CASE("Guard: decision and certificate dates, withdrawal only before the decision, expiry only after 36 months") {
    ocop::registry r;
    at_province(r, "A");
    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 362, 5, 4)));
    CHECK_THAT(refused(r, ev("A", role::province_people_committee, "2021-12-10", ocop::decision_payload{"1/QĐ", day("2021-12-10"), "x"}),
                       errc::rule_violation),
               Contains("a recognition decision needs the dossier proposed"));
    r.apply(ev("A", role::coordination_office, "2021-11-01", ocop::recognition_payload{4}));
    CHECK_THAT(refused(r, ev("A", role::province_people_committee, "2021-12-10", ocop::decision_payload{"1/QĐ", day("2021-12-20"), "x"}),
                       errc::rule_violation),
               Contains("signed 2021-12-20, recorded 2021-12-10"));
    r.apply(ev("A", role::province_people_committee, "2021-12-10", ocop::decision_payload{"1/QĐ", day("2021-12-10"), "Chủ tịch"}));
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-12-11", ocop::withdrawn_payload{}), errc::rule_violation),
               Contains("a withdrawal (before the decision)") && Contains("this dossier is decided"));
    CHECK_THAT(refused(r, ev("A", role::province_people_committee, "2021-12-12", ocop::certificate_payload{"G", day("2021-12-09")}),
                       errc::rule_violation),
               Contains("a certificate is issued on or after its decision 1/QĐ of 2021-12-10"));
    r.apply(ev("A", role::province_people_committee, "2021-12-12", ocop::certificate_payload{"G", day("2021-12-12")}));
    // Valid through 2024-12-12 (its last day, Bộ luật Dân sự 2015, Điều 148): expiring that day is refused.
    CHECK_THAT(refused(r, ev("A", role::coordination_office, "2024-12-12", ocop::expired_payload{}), errc::rule_violation),
               Contains("certificate G is valid until 2024-12-12 inclusive (36 months from 2021-12-12") &&
                   Contains("it expires from 2024-12-13, not on 2024-12-12"));
    r.apply(ev("A", role::coordination_office, "2024-12-13", ocop::expired_payload{}));
    CHECK(r.find("A")->phase == phase::expired);
}

TEST_CASE("Guard: a new cycle needs the old certificate expired and a new dossier id") {
    ocop::registry r;
    to_district_result(r, product("OLD"), 362, 5, 4);
    ocop::registered_payload again = registration(product("NEW"));
    again.previous_cycle = "OLD";
    CHECK_THAT(refused(r, ev("NEW", role::subject, "2021-10-01", again), errc::rule_violation),
               Contains("once the certificate has expired") && Contains("dossier OLD is evaluated"));
    again.previous_cycle = "NOPE";
    CHECK(refused(r, ev("NEW", role::subject, "2021-10-01", again), errc::not_found) != "");
}

TEST_CASE("Guard: registration, ordering and identity of events") {
    ocop::registry r;
    to_district_result(r, product("A"), 362, 5, 4);
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-10-01", registration(product("A"))), errc::rule_violation), Contains("already registered"));
    CHECK(refused(r, ev("Z", role::subject, "2021-10-01", ocop::submitted_payload{}), errc::not_found) != "");
    CHECK_THAT(refused(r, ev("A", role::district_people_committee, "2021-09-19", ocop::forwarded_payload{"province"}), errc::rule_violation),
               Contains("recorded in time order"));
    ocop::event no_reason = ev("A", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"}, "");
    CHECK_THAT(refused(r, no_reason, errc::invalid_document), Contains("/reason"));
    ocop::event bad_time = ev("A", role::district_people_committee, "2021-10-01", ocop::forwarded_payload{"province"});
    bad_time.at = "2021-10-01 09:00";
    CHECK_THAT(refused(r, bad_time, errc::invalid_document), Contains("/at"));
    ocop::registered_payload mismatch = registration(product("X"));
    CHECK_THAT(refused(r, ev("Y", role::subject, "2021-10-01", mismatch), errc::invalid_document), Contains("/payload/dossier/id"));
}

TEST_CASE("Guard: a registration names an edition in force on its date and a valid industry, set and documents") {
    ocop::registry r;
    ocop::registered_payload p = registration(product("A"));
    p.edition = "148";
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-10-01", p), errc::rule_violation),
               Contains("edition 148 is not in force on 2021-10-01") && Contains("follows the edition in force when it is registered: 1048-781"));
    CHECK(refused(r, ev("A", role::subject, "2019-01-01", registration(product("A"))), errc::no_edition_in_force) != "");
    ocop::dossier d = product("B", "Ba Vì", "herbal");
    d.set = "rau-cu-qua-hat-tuoi";
    d.documents.push_back("doc-99");
    std::string what = refused(r, ev("B", role::subject, "2021-10-01", registration(d)), errc::invalid_document);
    CHECK_THAT(what, Contains("/payload/dossier/set") && Contains("belongs to industry \"food\""));
    CHECK_THAT(what, Contains("/payload/dossier/documents/5") && Contains("doc-99"));
    d = product("C", "Ba Vì", "toys");
    CHECK_THAT(refused(r, ev("C", role::subject, "2021-10-01", registration(d)), errc::invalid_document), Contains("/payload/dossier/industry"));
}

TEST_CASE("Guard: product codes follow province-district-sequence-year when the rules ask for it") {
    CHECK(ocop::check_product_code("HN-BV-001-2021").empty());
    CHECK_THAT(ocop::check_product_code("HN-BV-001"), Contains("3 part(s)"));
    CHECK_THAT(ocop::check_product_code("hn-BV-001-2021"), Contains("the province"));
    CHECK_THAT(ocop::check_product_code("HN-BV-00A-2021"), Contains("the sequence"));
    CHECK_THAT(ocop::check_product_code("HN-BV-001-21"), Contains("the year"));
    ocop::workflow_rules rules;
    rules.check_product_codes = true;
    ocop::registry strict(rules), lax;
    ocop::dossier d = product("A");
    d.product_code = "HN/BV/1";
    CHECK_THAT(refused(strict, ev("A", role::subject, "2021-10-01", registration(d)), errc::invalid_document), Contains("/payload/dossier/product_code"));
    lax.apply(ev("A", role::subject, "2021-10-01", registration(d)));
    CHECK(lax.find("A"));
}

TEST_CASE("Guard: terminal dossiers accept nothing more") {
    ocop::registry r;
    to_district_result(r, product("A"), 236, 5, 2);
    r.apply(ev("A", role::district_people_committee, "2021-10-01", ocop::closed_payload{}));
    CHECK_THAT(refused(r, ev("A", role::district_people_committee, "2021-10-02", ocop::forwarded_payload{"province"}), errc::rule_violation),
               Contains("this dossier is closed"));
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-10-02", ocop::withdrawn_payload{}), errc::rule_violation), Contains("this dossier is closed"));
}

TEST_CASE("Guard: council results, completions, certificates and expiry are checked for what they say") {
    ocop::registry r;
    at_province(r, "A");
    ocop::error caught(errc::io, "", "");
    try {
        r.apply(ev("A", role::province_council, "2021-10-18", council(0, 101, 1, 6, 0)));
        FAIL("accepted");
    } catch (const ocop::error& e) {
        caught = e;
    }
    CHECK(caught.code() == errc::invalid_document);
    std::vector<std::string> paths;
    for (const auto& p : caught.problems()) paths.push_back(p.path);
    CHECK(paths == std::vector<std::string>{"/payload/mean/numerator", "/payload/stars", "/payload/members", "/payload/round"});
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-18", council(1, 5, 0, 0)), errc::invalid_document),
               Contains("/payload/mean/denominator"));
    // No overflow on absurd denominators: refused, not undefined.
    CHECK_THAT(refused(r, ev("A", role::province_council, "2021-10-18", council(1, 5, std::int64_t{1} << 62, 0)), errc::invalid_document),
               Contains("expected 1 to 1000000"));

    r.apply(ev("A", role::province_council, "2021-10-18", council(1, 362, 5, 4)));
    r.apply(ev("A", role::advisory_group, "2021-10-21", ocop::completion_request_payload{{"Tem truy xuất"}}));
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-10-22", ocop::completion_payload{}), errc::invalid_document),
               Contains("needs documents or completed items"));
    CHECK_THAT(refused(r, ev("A", role::subject, "2021-10-22", ocop::completion_payload{{"doc-77"}, {}}), errc::invalid_document),
               Contains("/payload/documents/0"));
    r.apply(ev("A", role::subject, "2021-10-22", ocop::completion_payload{{"doc-10"}, {}}));
    CHECK(r.find("A")->open_items == std::vector<std::string>{"Tem truy xuất"});  // documents without the item: still open
    r.apply(ev("A", role::province_council, "2021-10-27", council(2, 362, 5, 4)));
    r.apply(ev("A", role::coordination_office, "2021-11-01", ocop::recognition_payload{4}));
    r.apply(ev("A", role::province_people_committee, "2021-12-10", ocop::decision_payload{"1/QĐ", day("2021-12-10"), "Chủ tịch"}));
    CHECK_THAT(refused(r, ev("A", role::province_people_committee, "2021-12-11", ocop::certificate_payload{"G", day("2021-12-12")}),
                       errc::rule_violation),
               Contains("issued 2021-12-12, recorded 2021-12-11"));
    CHECK_THAT(refused(r, ev("A", role::coordination_office, "2025-01-01", ocop::expired_payload{}), errc::rule_violation),
               Contains("only a product holding a certificate") && Contains("this dossier is decided"));
    r.apply(ev("A", role::province_people_committee, "2021-12-12", ocop::certificate_payload{"G", day("2021-12-12")}));
    r.apply(ev("A", role::coordination_office, "2024-12-13", ocop::expired_payload{}));
    CHECK_THAT(refused(r, ev("A", role::coordination_office, "2025-01-01", ocop::expired_payload{}), errc::rule_violation),
               Contains("this dossier is expired"));
}
