// The reports by name: one dispatch for the C ABI, the command-line tool and C++ hosts.

#include <array>

#include "ocop/error.hpp"
#include "ocop/registry.hpp"
#include "ocop/reports.hpp"
#include "ocop/reports_json.hpp"

namespace ocop {

namespace {

constexpr std::array<std::string_view, 7> names{"registrations", "planned", "results", "candidates",
                                                "recognised",    "overdue", "progress"};

std::string name_list() {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(names[i]);
    return out;
}

date required_date(std::string_view name, const std::optional<date>& as_of) {
    if (!as_of) throw error(errc::invalid_document, "/as_of", "report \"" + std::string(name) + "\" needs the date as_of");
    return *as_of;
}

}  // namespace

std::span<const std::string_view> report_names() noexcept { return names; }

bool report_needs_date(std::string_view name) noexcept { return name == "recognised" || name == "overdue"; }

boost::json::value report_json(const registry& r, std::string_view name, std::optional<date> as_of) {
    if (name == "registrations") return to_json(registrations_by_district(r));
    if (name == "planned") {
        if (!r.campaign()) throw error(errc::not_found, "", "report \"planned\" needs a registry with a campaign");
        return to_json(planned_registrations(*r.campaign()));
    }
    if (name == "results") return to_json(results_by_stars(r));
    if (name == "candidates") return to_json(five_star_candidates(r));
    if (name == "recognised") return to_json(recognised_products(r, required_date(name, as_of)));
    if (name == "overdue") return to_json(overdue_dossiers(r, required_date(name, as_of)));
    if (name == "progress") return to_json(progress_by_batch(r));
    throw error(errc::not_found, "", "no report \"" + std::string(name) + "\": expected " + name_list());
}

}  // namespace ocop
