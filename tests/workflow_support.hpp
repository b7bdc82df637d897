#pragma once
// Helpers for the workflow tests: short builders for events, dossiers and council results.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ocop/detail/enum_text.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow.hpp"

namespace wf {

using ocop::role;

inline ocop::event ev(const std::string& dossier, role r, const std::string& day, ocop::event_payload p,
                      const std::string& reason = "as decided") {
    return ocop::event{dossier, "actor-" + std::string(ocop::detail::enum_name(r)), r, day + "T09:00:00+07:00", std::move(p), reason};
}

inline std::vector<std::string> required_documents() { return {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"}; }

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

/// A council result with mean numerator/denominator.
inline ocop::council_payload council(int round, std::int64_t numerator, std::int64_t denominator, int stars, int members = 5) {
    return ocop::council_payload{round, ocop::exact_mean{numerator, denominator}, stars, members};
}

/// The error code of applying `e` to the registry, with the message in `what` (expects a refusal).
inline ocop::errc refusal(ocop::registry& r, const ocop::event& e, std::string& what) {
    try {
        r.apply(e);
    } catch (const ocop::error& err) {
        what = err.what();
        return err.code();
    }
    FAIL("the event was accepted: " << ocop::detail::enum_name(e.type()));
    return ocop::errc::io;
}

/// Registers `d` at 1048-781's district level and takes it to the district council result.
inline void to_district_result(ocop::registry& r, const ocop::dossier& d, std::int64_t num, std::int64_t den, int stars,
                               std::optional<std::string> batch = std::nullopt) {
    r.apply(ev(d.id, role::subject, "2021-09-01", registration(d, std::move(batch))));
    r.apply(ev(d.id, role::subject, "2021-09-02", ocop::submitted_payload{}));
    r.apply(ev(d.id, role::district_council, "2021-09-20", council(1, num, den, stars)));
}

}  // namespace wf

namespace wf {
/// The message of a refused event (any error code); fails the test when the event is accepted.
inline std::string refused_message(ocop::registry& r, const ocop::event& e) {
    std::string what;
    refusal(r, e, what);
    return what;
}
}  // namespace wf
