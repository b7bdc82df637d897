#pragma once
// Helpers for the workflow tests: short builders for events, dossiers and council results.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ocop/detail/enum_text.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow.hpp"
#include "ocop_test/dossier_path.hpp"

namespace wf {

using ocop::role;

inline ocop::event ev(const std::string& dossier, role r, const std::string& day, ocop::event_payload p,
                      const std::string& reason = "as decided") {
    return ocop::event{dossier, "actor-" + std::string(ocop::detail::enum_name(r)), r, day + "T09:00:00+07:00", std::move(p), reason};
}

// The dossier and payload builders shared with the fuzz targets and the benchmark.
using ocop::test::council;
using ocop::test::product;
using ocop::test::registration;
using ocop::test::required_documents;

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
