// The 1048/781 procedure end to end: district → province (appraisal, two rounds, completion) →
// decision → certificate → 5★ candidacy → central; closing, refusal, withdrawal, expiry, new cycle.

#include "ocop/workflow.hpp"

#include "workflow_support.hpp"

using namespace wf;
using ocop::phase;

namespace {

/// Takes a dossier through the district and the province up to its province certificate.
void to_province_certificate(ocop::registry& r, const std::string& id, std::int64_t round2_num, int round2_stars, int stars) {
    to_district_result(r, product(id), 362, 5, 4);  // 72.40 at the district
    r.apply(ev(id, role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    r.apply(ev(id, role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
    r.apply(ev(id, role::province_council, "2021-10-18", council(1, 4400, 50, 4)));
    r.apply(ev(id, role::province_council, "2021-10-27", council(2, round2_num, 5, round2_stars)));
    r.apply(ev(id, role::coordination_office, "2021-11-01", ocop::recognition_payload{stars}));
    r.apply(ev(id, role::province_people_committee, "2021-12-10",
               ocop::decision_payload{"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch UBND TP"}));
    r.apply(ev(id, role::province_people_committee, "2021-12-15",
               ocop::certificate_payload{"GCN-" + id, *ocop::date::parse("2021-12-15")}));
}

}  // namespace

TEST_CASE("1048-781: a product goes from registration to a 4-star certificate with two province rounds and a completion") {
    ocop::registry r;
    const std::string id = "HN-001";
    r.apply(ev(id, role::subject, "2021-09-01", registration(product(id, "Ba Vì", "food", {"doc-01", "doc-02", "doc-03", "doc-04"}))));
    CHECK(r.find(id)->phase == phase::draft);
    CHECK(r.find(id)->edition == "1048-781");
    CHECK(r.find(id)->level == "district");
    r.apply(ev(id, role::subject, "2021-09-02", ocop::submitted_payload{{"doc-05", "doc-12"}}));
    CHECK(r.find(id)->phase == phase::submitted);
    CHECK(r.find(id)->dossier.documents.size() == 6);

    r.apply(ev(id, role::district_council, "2021-09-20", council(1, 362, 5, 4)));
    CHECK(r.find(id)->phase == phase::evaluated);
    CHECK(r.find(id)->results.back().mean_display == "72.40");
    r.apply(ev(id, role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    CHECK(r.find(id)->level == "province");
    CHECK(r.find(id)->phase == phase::submitted);
    CHECK(r.find(id)->rounds == 0);

    r.apply(ev(id, role::advisory_group, "2021-10-11",
               ocop::appraisal_payload{ocop::appraisal_outcome::returned, true, {"Phiếu kiểm nghiệm an toàn thực phẩm"}}));
    CHECK(r.find(id)->phase == phase::returned);
    CHECK(r.find(id)->field_inspected);
    r.apply(ev(id, role::subject, "2021-10-12", ocop::completion_payload{{"doc-09"}, {"Phiếu kiểm nghiệm an toàn thực phẩm"}}));
    CHECK(r.find(id)->phase == phase::submitted);
    CHECK(r.find(id)->open_items.empty());
    r.apply(ev(id, role::coordination_office, "2021-10-13", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    CHECK(r.find(id)->phase == phase::awaiting_council);

    r.apply(ev(id, role::province_council, "2021-10-18", council(1, 338, 5, 3)));  // 67.60
    r.apply(ev(id, role::advisory_group, "2021-10-21", ocop::completion_request_payload{{"Câu chuyện sản phẩm", "Tem truy xuất"}}));
    CHECK(r.find(id)->phase == phase::completion_requested);
    CHECK(r.find(id)->open_items.size() == 2);
    r.apply(ev(id, role::subject, "2021-10-24", ocop::completion_payload{{"doc-16", "doc-10"}, {"Câu chuyện sản phẩm", "Tem truy xuất"}}));
    CHECK(r.find(id)->phase == phase::awaiting_council);
    r.apply(ev(id, role::province_council, "2021-10-27", council(2, 371, 5, 4)));  // 74.20
    CHECK(r.find(id)->rounds == 2);

    r.apply(ev(id, role::coordination_office, "2021-11-01", ocop::recognition_payload{4}));
    CHECK(r.find(id)->phase == phase::proposed);
    r.apply(ev(id, role::province_people_committee, "2021-12-10",
               ocop::decision_payload{"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch UBND TP"}));
    CHECK(r.find(id)->phase == phase::decided);
    r.apply(ev(id, role::province_people_committee, "2021-12-15", ocop::certificate_payload{"GCN-0001", *ocop::date::parse("2021-12-15")}));
    const auto& s = *r.find(id);
    CHECK(s.phase == phase::certified);
    REQUIRE(s.certificate());
    CHECK(s.certificate()->stars == 4);
    CHECK(s.certificate()->decision == "5678/QĐ-UBND");
    CHECK(s.certificate()->expires_on.to_string() == "2024-12-15");  // 36 months (1048/QĐ-TTg, Phụ lục II)
    CHECK(s.final_stars == 4);
    CHECK(s.events == 14);
    CHECK(r.log().size() == 14);
    CHECK(r.log().verify().ok);
}

TEST_CASE("1048-781: a 90-point product becomes a 5-star candidate and the central council recognises it") {
    ocop::registry r;
    to_province_certificate(r, "HN-5", 461, 5, 4);  // 92.20 in round 2, recognised 4★ by the province
    r.apply(ev("HN-5", role::province_people_committee, "2022-01-10", ocop::forwarded_payload{"central"}));
    CHECK(r.find("HN-5")->level == "central");
    CHECK(r.find("HN-5")->final_stars == 4);
    r.apply(ev("HN-5", role::central_council, "2022-03-01", council(1, 913, 10, 5, 7)));
    r.apply(ev("HN-5", role::central_council, "2022-03-02", ocop::recognition_payload{5}));
    r.apply(ev("HN-5", role::ministry, "2022-03-20", ocop::decision_payload{"1234/QĐ-BNN", *ocop::date::parse("2022-03-20"), "Bộ trưởng"}));
    r.apply(ev("HN-5", role::ministry, "2022-03-25", ocop::certificate_payload{"TW-0001", *ocop::date::parse("2022-03-25")}));
    const auto& s = *r.find("HN-5");
    CHECK(s.phase == phase::certified);
    CHECK(s.certificates.size() == 2);
    CHECK(s.certificate()->level == "central");
    CHECK(s.certificate()->stars == 5);
    CHECK(s.certificate()->expires_on.to_string() == "2025-03-25");
    CHECK(s.final_stars == 5);
}

TEST_CASE("1048-781: a 5-star candidate that the central council does not recognise stays 4 stars") {
    ocop::registry r;
    to_province_certificate(r, "HN-6", 452, 5, 4);  // 90.40
    r.apply(ev("HN-6", role::province_people_committee, "2022-01-10", ocop::forwarded_payload{"central"}));
    r.apply(ev("HN-6", role::central_council, "2022-03-01", council(1, 880, 10, 4, 7)));  // 88.00 at the centre
    r.apply(ev("HN-6", role::central_council, "2022-03-02", ocop::not_recognised_payload{}));
    const auto& s = *r.find("HN-6");
    CHECK(s.phase == phase::not_recognised);
    CHECK(s.final_stars == 4);
    CHECK(s.certificate()->level == "province");
}

TEST_CASE("1048-781: a product below 50 at the district closes there with its star rank") {
    ocop::registry r;
    to_district_result(r, product("HN-2"), 236, 5, 2);  // 47.20
    r.apply(ev("HN-2", role::district_people_committee, "2021-09-25", ocop::closed_payload{}));
    CHECK(r.find("HN-2")->phase == phase::closed);
    CHECK(r.find("HN-2")->final_stars == 2);
    CHECK(r.find("HN-2")->level == "district");
}

TEST_CASE("1048-781: the province may refuse recognition after its council") {
    ocop::registry r;
    to_district_result(r, product("HN-3"), 260, 5, 3);
    r.apply(ev("HN-3", role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}));
    r.apply(ev("HN-3", role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev("HN-3", role::province_council, "2021-10-18", council(1, 240, 5, 2)));  // 48.00
    r.apply(ev("HN-3", role::province_council, "2021-10-20", ocop::not_recognised_payload{}));
    CHECK(r.find("HN-3")->phase == phase::not_recognised);
    CHECK(r.find("HN-3")->final_stars == 2);
}

TEST_CASE("1048-781: the subject may withdraw before the decision") {
    ocop::registry r;
    to_district_result(r, product("HN-4"), 300, 5, 3);
    r.apply(ev("HN-4", role::subject, "2021-09-22", ocop::withdrawn_payload{}, "the cooperative withdraws"));
    CHECK(r.find("HN-4")->phase == phase::withdrawn);
    CHECK_FALSE(r.find("HN-4")->final_stars);
}

TEST_CASE("1048-781: an expired certificate is re-evaluated as a new cycle linked to the old dossier") {
    ocop::registry r;
    to_province_certificate(r, "HN-7", 371, 4, 4);
    r.apply(ev("HN-7", role::coordination_office, "2024-12-16", ocop::expired_payload{}));  // valid through 2024-12-15
    CHECK(r.find("HN-7")->phase == phase::expired);

    // The renewal is registered on a date when 148 is in force: the new cycle follows 148.
    ocop::registered_payload again = registration(product("HN-7-2")); 
    again.previous_cycle = "HN-7";
    r.apply(ev("HN-7-2", role::subject, "2025-01-05", again));
    const auto& s = *r.find("HN-7-2");
    CHECK(s.cycle == 2);
    CHECK(s.previous_cycle == "HN-7");
    CHECK(s.edition == "148");
    CHECK(r.find("HN-7")->phase == phase::expired);
}
