#pragma once
// Helpers for the 26-2026 and transition tests: dossiers for 26-2026, the commune's five contents,
// a dossier taken to the province council.

#include <optional>
#include <string>
#include <vector>

#include <boost/json/serialize.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/procedure_json.hpp"
#include "ocop/procedure.hpp"
#include "workflow_support.hpp"

namespace wf {

inline ocop::date day(const char* text) { return *ocop::date::parse(text); }

/// A dossier for 26-2026 without documents (the edition has no checklist). When the catalog holds
/// edition 26-2026, it names the edition's first set and its industry, so that registration checks them.
inline ocop::dossier product_2026(const std::string& id) {
    ocop::dossier d = product(id, "Ba Vì", "food", {});
    d.set.reset();
    for (const auto& ed : ocop::embedded_catalog().editions())
        if (ed.id == "26-2026" && !ed.sets.empty()) {
            d.industry = ed.sets.front().industry;
            d.set = ed.sets.front().id;
        }
    return d;
}

/// The commune's assessment of the five contents of Điều 7.2.a, all met.
inline std::vector<ocop::precheck_assessment> five_contents() {
    return {{"product_origin", true, "100% sản phẩm trồng trên địa bàn xã"},
            {"local_raw_material", true, "nguyên liệu của các hộ trong xã"},
            {"local_labour", true, "12 lao động địa phương"},
            {"idea_origin", true, "ý tưởng của hợp tác xã"},
            {"local_identity", true, "giống bưởi bản địa, kinh nghiệm canh tác của cộng đồng"}};
}

inline ocop::precheck_payload precheck(bool passed, std::optional<std::vector<ocop::precheck_assessment>> contents,
                                       std::vector<std::string> findings = {}) {
    return ocop::precheck_payload{passed, std::move(findings), std::move(contents)};
}

/// Registers a 26-2026 dossier on 2026-06-01 and takes it to the province council's round 1 on 2026-07-10.
inline void to_province_council(ocop::registry& r, const std::string& id, const ocop::council_payload& result) {
    r.apply(ev(id, role::subject, "2026-06-01", registration(product_2026(id))));
    r.apply(ev(id, role::subject, "2026-06-02", ocop::submitted_payload{}));
    r.apply(ev(id, role::commune_people_committee, "2026-06-15", precheck(true, five_contents())));
    r.apply(ev(id, role::commune_people_committee, "2026-06-16", ocop::forwarded_payload{"province"}));
    r.apply(ev(id, role::advisory_group, "2026-07-01", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}));
    r.apply(ev(id, role::province_council, "2026-07-10", result));
}

/// An embedded procedure as compact JSON text.
inline std::string procedure_text(const std::string& edition) {
    return boost::json::serialize(ocop::to_json(ocop::embedded_procedures().get(edition)));
}

/// `text` with its first `from` replaced by `to` (`from` must occur).
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// The message of load_procedure(text)'s refusal; fails the test when it loads.
inline std::string load_error(const std::string& text) {
    try {
        ocop::load_procedure(text);
    } catch (const ocop::error& e) {
        return e.what();
    }
    FAIL("the procedure loaded");
    return {};
}

/// An embedded procedure's text, to refuse one edit at a time; the text as embedded loads.
struct procedure_edits {
    explicit procedure_edits(const std::string& edition) : text(procedure_text(edition)) { CHECK_NOTHROW(ocop::load_procedure(text)); }
    /// The message of load_procedure's refusal of the text with its first `from` replaced by `to`.
    std::string error(const std::string& from, const std::string& to) const { return load_error(replaced(text, from, to)); }
    std::string text;
};

}  // namespace wf
