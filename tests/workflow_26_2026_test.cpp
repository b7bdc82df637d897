// The procedure of 26/2026/QĐ-TTg as data: the commune's pre-check of five contents (Điều 7.2.a), the
// province's recognition of 3 and 4 stars only (Điều 4.1.a), 5-star candidates to the ministry
// (Điều 7.3.e, 7.4), certificates of 36 months (Điều 4.3). These tests need no 26-2026 score
// sheets: when the catalog holds the edition, the dossiers name one of its sets (registration then
// checks it); until then registration warns that the set is not checked.

#include "workflow_2026_support.hpp"

using namespace wf;
using ocop::phase;
using Catch::Matchers::Contains;

TEST_CASE("26-2026: the procedure in force from 2026-05-22, with the five contents of the commune's pre-check") {
    const auto& lib = ocop::embedded_procedures();
    CHECK(lib.in_force(day("2026-05-22")).edition == "26-2026");
    CHECK(lib.in_force(day("2026-11-29")).edition == "26-2026");
    const ocop::procedure& p = lib.get("26-2026");
    CHECK(p.confidence == "one_source");
    CHECK(p.certificate_validity_months == 36);
    CHECK_THAT(p.certificate_source, Contains("Điều 4 khoản 3"));
    CHECK_FALSE(p.documents_edition);
    CHECK_THAT(*p.documents_note, Contains("not in our reference data"));
    REQUIRE(p.levels.size() == 3);
    CHECK(p.levels[0].id == "commune");
    REQUIRE(p.levels[0].precheck_contents);
    std::vector<std::string> ids;
    for (const auto& c : *p.levels[0].precheck_contents) {
        ids.push_back(c.id);
        CHECK(c.source == "26/2026/QĐ-TTg, Điều 7.2.a");
    }
    CHECK(ids == std::vector<std::string>{"product_origin", "local_raw_material", "local_labour", "idea_origin", "local_identity"});
    CHECK(p.find_level("province")->recognises == std::vector<int>{3, 4});
    CHECK(p.find_level("province")->forwards_at_least == 90);
    CHECK(p.find_level("central")->recognises == std::vector<int>{5});
}

TEST_CASE("26-2026: commune check, province decision and certificate of 4 stars, valid 36 months") {
    ocop::registry r;
    const ocop::dossier d = product_2026("Q4");
    r.apply(ev("Q4", role::subject, "2026-06-01", registration(d)));
    CHECK(r.find("Q4")->edition == "26-2026");
    CHECK(r.find("Q4")->level == "commune");
    r.apply(ev("Q4", role::subject, "2026-06-02", ocop::submitted_payload{}));
    CHECK_THAT(r.last_warnings().back(), Contains("not in our reference data as a checklist"));
    r.apply(ev("Q4", role::commune_people_committee, "2026-06-15", precheck(true, five_contents())));
    CHECK(r.find("Q4")->phase == phase::prechecked);
    r.apply(ev("Q4", role::commune_people_committee, "2026-06-16", ocop::forwarded_payload{"province"}));
    r.apply(ev("Q4", role::advisory_group, "2026-07-01", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
    r.apply(ev("Q4", role::province_council, "2026-07-10", council(1, 780, 10, 4, 10)));  // 78.00
    r.apply(ev("Q4", role::coordination_office, "2026-07-15", ocop::recognition_payload{4}));
    r.apply(ev("Q4", role::province_people_committee, "2026-07-20", ocop::decision_payload{"QĐ-Q4", day("2026-07-20"), "Chủ tịch UBND tỉnh"}));
    r.apply(ev("Q4", role::province_people_committee, "2026-07-25", ocop::certificate_payload{"GCN-Q4", day("2026-07-25")}));
    const ocop::dossier_state& s = *r.find("Q4");
    CHECK(s.final_stars == 4);
    CHECK(s.certificate()->level == "province");
    CHECK(s.certificate()->expires_on.to_string() == "2029-07-25");
    CHECK_THAT(refused_message(r, ev("Q4", role::province_people_committee, "2026-07-26", ocop::forwarded_payload{"central"})),
               Contains("forwarding from level province to central needs the dossier evaluated"));
}

TEST_CASE("26-2026: 1 and 2 stars get no decision and no certificate, and the ministry recognises 5 stars, not the province") {
    ocop::registry r;
    to_province_council(r, "Q2", council(1, 2250, 50, 2, 10));  // 45.00
    CHECK_THAT(refused_message(r, ev("Q2", role::coordination_office, "2026-07-15", ocop::recognition_payload{2})),
               Contains("level province recognises 3★ and 4★ only (26/2026/QĐ-TTg, Điều 4.1.a và Điều 7 khoản 3)"));
    r.apply(ev("Q2", role::province_council, "2026-07-15", ocop::not_recognised_payload{}));
    CHECK(r.find("Q2")->phase == phase::not_recognised);
    CHECK(r.find("Q2")->final_stars == 2);
    CHECK(r.find("Q2")->certificates.empty());

    // 92.00 at the province: the chairman approves the result and sends it to the ministry (Điều 7.3.e).
    to_province_council(r, "Q5", council(1, 920, 10, 5, 10));
    CHECK_THAT(refused_message(r, ev("Q5", role::coordination_office, "2026-07-15", ocop::recognition_payload{5})),
               Contains("recognises 3★ and 4★ only"));
    r.apply(ev("Q5", role::province_people_committee, "2026-07-20", ocop::forwarded_payload{"central"}));
    CHECK(r.find("Q5")->level == "central");
    r.apply(ev("Q5", role::central_council, "2026-09-10", council(1, 930, 10, 5, 10)));
    r.apply(ev("Q5", role::central_council, "2026-09-15", ocop::recognition_payload{5}));
    CHECK_THAT(refused_message(r, ev("Q5", role::province_people_committee, "2026-09-20",
                                     ocop::decision_payload{"QĐ-Q5", day("2026-09-20"), "Chủ tịch UBND tỉnh"})),
               Contains("allowed: ministry"));
    r.apply(ev("Q5", role::ministry, "2026-09-20", ocop::decision_payload{"QĐ-Q5", day("2026-09-20"), "Bộ trưởng Bộ Nông nghiệp và Môi trường"}));
    r.apply(ev("Q5", role::ministry, "2026-09-25", ocop::certificate_payload{"GCN-Q5", day("2026-09-25")}));
    CHECK(r.find("Q5")->final_stars == 5);
    CHECK(r.find("Q5")->certificates.size() == 1);
    CHECK(r.find("Q5")->certificate()->level == "central");

    // 89.99 is not a 5-star candidate.
    to_province_council(r, "Q9", council(1, 8999, 100, 4, 10));
    CHECK_THAT(refused_message(r, ev("Q9", role::province_people_committee, "2026-07-20", ocop::forwarded_payload{"central"})),
               Contains("requires a mean of 90 or more (26/2026/QĐ-TTg, Điều 4.1.a và Điều 7 khoản 3); this product has 89.99"));
}

TEST_CASE("26-2026: the pre-check must assess each of the five contents once, with what was found") {
    ocop::registry r;
    r.apply(ev("K", role::subject, "2026-06-01", registration(product_2026("K"))));
    r.apply(ev("K", role::subject, "2026-06-02", ocop::submitted_payload{}));
    const std::string head = r.log().head();
    auto four = five_contents();
    four.erase(four.begin() + 2);  // local_labour left out
    std::string what;
    CHECK(refusal(r, ev("K", role::commune_people_committee, "2026-06-10", precheck(true, four)), what) == ocop::errc::rule_violation);
    CHECK(what == "/payload/contents: the pre-check at level commune must assess content \"local_labour\" (Sử dụng lao động địa phương, "
                  "26/2026/QĐ-TTg, Điều 7.2.a); it is not assessed");
    CHECK(refusal(r, ev("K", role::commune_people_committee, "2026-06-10", precheck(true, std::nullopt)), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("\"product_origin\"") && Contains("\"local_identity\""));

    auto wrong = five_contents();
    wrong[1].content = "local_weather";
    wrong[3].content = "product_origin";
    wrong[4].finding.clear();
    CHECK(refusal(r, ev("K", role::commune_people_committee, "2026-06-10", precheck(true, wrong)), what) == ocop::errc::invalid_document);
    CHECK_THAT(what, Contains("/payload/contents/1/content: expected a content of level commune (product_origin, local_raw_material, "
                              "local_labour, idea_origin, local_identity), found \"local_weather\""));
    CHECK_THAT(what, Contains("/payload/contents/3/content: content \"product_origin\" is assessed twice"));
    CHECK_THAT(what, Contains("/payload/contents/4/finding: expected what the commune found"));
    CHECK(r.find("K")->phase == phase::submitted);
    CHECK(r.log().head() == head);

    // A content not met is recorded in the event; the commune's conclusion is `passed`.
    auto not_met = five_contents();
    not_met[1].met = false;
    not_met[1].finding = "nguyên liệu mua ngoài tỉnh";
    r.apply(ev("K", role::commune_people_committee, "2026-06-10", precheck(false, not_met, {"nguyên liệu không tại địa phương"})));
    CHECK(r.find("K")->phase == phase::closed);
    CHECK(r.find("K")->open_items == std::vector<std::string>{"nguyên liệu không tại địa phương"});
}

TEST_CASE("Pre-check contents: a level without a checklist takes none (148-1489)") {
    ocop::registry r;
    r.apply(ev("C", role::subject, "2025-08-01", registration(product("C"))));
    r.apply(ev("C", role::subject, "2025-08-02", ocop::submitted_payload{}));
    std::string what;
    CHECK(refusal(r, ev("C", role::commune_people_committee, "2025-08-10", precheck(true, five_contents())), what) ==
          ocop::errc::invalid_document);
    CHECK(what == "/payload/contents: level commune of procedure 148-1489 has no checklist of contents to assess; leave out contents");
    r.apply(ev("C", role::commune_people_committee, "2025-08-10", precheck(true, std::nullopt)));
    CHECK(r.find("C")->phase == phase::prechecked);
}

TEST_CASE("Pre-check contents: the procedure's checklist is validated when it is loaded") {
    const procedure_edits edits("26-2026");
    CHECK_THAT(edits.error("\"id\":\"local_labour\"", "\"id\":\"product_origin\""),
               Contains("/levels/0/precheck_contents/2/id: duplicate content id \"product_origin\""));
    CHECK_THAT(edits.error("\"precheck\":true", "\"precheck\":false"),
               Contains("/levels/0/precheck_contents: only a pre-check level has contents to assess"));
}
