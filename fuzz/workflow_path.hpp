#pragma once
// One dossier's path under 1048-781, from registration to a province certificate with a return, a
// completion request and two province rounds: the events shared by the workflow fuzz targets and
// their seed writer (fuzz/workflow_seeds.cpp).

#include <string>
#include <vector>

#include "ocop/workflow.hpp"

namespace ocop::fuzz {

inline std::vector<ocop::event> dossier_path() {
    using ocop::role;
    auto ev = [](role r, const std::string& day, ocop::event_payload p) {
        return ocop::event{"HN-001", "actor", r, day + "T09:00:00+07:00", std::move(p), "as decided"};
    };
    ocop::dossier d;
    d.id = "HN-001";
    d.product_name = "Bưởi Diễn";
    d.subject = {"HTX Phú Diễn", ocop::subject_kind::cooperative};
    d.province = "Hà Nội";
    d.district = "Bắc Từ Liêm";
    d.industry = "food";
    d.set = "rau-cu-qua-hat-tuoi";
    d.documents = {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"};
    return {
        ev(role::subject, "2021-09-01", ocop::registered_payload{d, std::nullopt, std::nullopt, std::nullopt}),
        ev(role::subject, "2021-09-02", ocop::submitted_payload{{"doc-12"}}),
        ev(role::district_council, "2021-09-20", ocop::council_payload{1, {362, 5}, 4, 5}),
        ev(role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}),
        ev(role::advisory_group, "2021-10-11", ocop::appraisal_payload{ocop::appraisal_outcome::returned, true, {"Tem"}}),
        ev(role::subject, "2021-10-12", ocop::completion_payload{{"doc-09"}, {"Tem"}}),
        ev(role::coordination_office, "2021-10-13", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}),
        ev(role::province_council, "2021-10-18", ocop::council_payload{1, {338, 5}, 3, 5}),
        ev(role::advisory_group, "2021-10-21", ocop::completion_request_payload{{"Câu chuyện sản phẩm"}}),
        ev(role::subject, "2021-10-24", ocop::completion_payload{{"doc-16"}, {"Câu chuyện sản phẩm"}}),
        ev(role::province_council, "2021-10-27", ocop::council_payload{2, {371, 5}, 4, 5}),
        ev(role::coordination_office, "2021-11-01", ocop::recognition_payload{4}),
        ev(role::province_people_committee, "2021-12-10",
           ocop::decision_payload{"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch UBND TP"}),
        ev(role::province_people_committee, "2021-12-15",
           ocop::certificate_payload{"GCN-0001", *ocop::date::parse("2021-12-15")}),
    };
}

}  // namespace ocop::fuzz
