#pragma once
// One dossier's path under 1048-781, from registration to a province certificate, and the dossier
// builder behind it: the fixture shared by the workflow tests, the fuzz targets (their seeds in
// tests/fuzz_corpus are written from it by fuzz/workflow_seeds.cpp) and the benchmark.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ocop/workflow.hpp"

namespace ocop::test {

/// The required documents of 1048-781's checklist.
inline std::vector<std::string> required_documents() { return {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"}; }

/// A product of a cooperative in Hà Nội, with the required documents; a food product is of the set
/// rau-cu-qua-hat-tuoi.
inline ocop::dossier product(const std::string& id, const std::string& district = "Ba Vì", const std::string& industry = "food",
                             std::vector<std::string> documents = required_documents()) {
    ocop::dossier d;
    d.id = id;
    d.product_name = "Product " + id;
    d.subject = {"HTX " + id, ocop::subject_kind::cooperative};
    d.province = "Hà Nội";
    d.district = district;
    d.industry = industry;
    if (industry == "food") d.set = "rau-cu-qua-hat-tuoi";
    d.documents = std::move(documents);
    return d;
}

inline ocop::registered_payload registration(ocop::dossier d, std::optional<std::string> batch = std::nullopt) {
    return ocop::registered_payload{std::move(d), std::nullopt, std::move(batch), std::nullopt};
}

/// A council result with mean numerator/denominator, entered from paper (no scorecards in the log).
inline ocop::council_payload council(int round, std::int64_t numerator, std::int64_t denominator, int stars, int members = 5) {
    return ocop::council_payload{round, ocop::exact_mean{numerator, denominator}, stars, members, true};
}

/// Dossier `id` ("Bưởi Diễn" of HTX Phú Diễn, Bắc Từ Liêm) registered (in `batch`, if any) on
/// 2021-09-01, returned once at appraisal and completed, 3 stars in round 1, asked to complete, 4
/// stars in round 2, recognised and certified (GCN-0001) on 2021-12-15: 14 events, every one inside
/// the windows of the Hanoi 2021 plan's batch 1.
inline std::vector<ocop::event> certified_path(const std::string& id, const std::optional<std::string>& batch = std::nullopt) {
    using ocop::role;
    auto ev = [&](role r, const std::string& day, ocop::event_payload p) {
        return ocop::event{id, "actor", r, day + "T09:00:00+07:00", std::move(p), "as decided"};
    };
    ocop::dossier d = product(id, "Bắc Từ Liêm");
    d.product_name = "Bưởi Diễn";
    d.subject.name = "HTX Phú Diễn";
    return {
        ev(role::subject, "2021-09-01", registration(std::move(d), batch)),
        ev(role::subject, "2021-09-02", ocop::submitted_payload{{"doc-12"}}),
        ev(role::district_council, "2021-09-20", council(1, 362, 5, 4)),
        ev(role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}),
        ev(role::advisory_group, "2021-10-11", ocop::appraisal_payload{ocop::appraisal_outcome::returned, true, {"Tem"}}),
        ev(role::subject, "2021-10-12", ocop::completion_payload{{"doc-09"}, {"Tem"}}),
        ev(role::coordination_office, "2021-10-13", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}),
        ev(role::province_council, "2021-10-18", council(1, 338, 5, 3)),
        ev(role::advisory_group, "2021-10-21", ocop::completion_request_payload{{"Câu chuyện sản phẩm"}}),
        ev(role::subject, "2021-10-24", ocop::completion_payload{{"doc-16"}, {"Câu chuyện sản phẩm"}}),
        ev(role::province_council, "2021-10-27", council(2, 371, 5, 4)),
        ev(role::coordination_office, "2021-11-01", ocop::recognition_payload{4}),
        ev(role::province_people_committee, "2021-12-10",
           ocop::decision_payload{"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch UBND TP"}),
        ev(role::province_people_committee, "2021-12-15", ocop::certificate_payload{"GCN-0001", *ocop::date::parse("2021-12-15")}),
    };
}

}  // namespace ocop::test
