// A campaign's administrative units: the rows of its reports, the check of a registration's
// district and commune, and the checks of the list when the campaign is loaded.

#include "ocop/campaign.hpp"
#include "ocop/detail/campaign_units.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ocop/messages.hpp"
#include "ocop/unicode.hpp"

namespace ocop {

namespace {

/// The units of `units` under `parent` (nullptr: directly under the province), by name.
std::vector<std::string> names_under(const std::vector<admin_unit>& units, const admin_unit* parent) {
    std::vector<std::string> out;
    for (const auto& u : units)
        if (parent ? u.parent && *u.parent == parent->id : !u.parent) out.push_back(u.name);
    return out;
}

/// "expected a unit directly under Hà Nội listed by campaign hanoi-2021 (220/KH-UBND), found "Ba Vi";
/// did you mean "Ba Vì" (huyện Ba Vì)?", or the names it could be when none is close.
std::string unknown_unit(const campaign& c, const admin_unit* parent, std::string_view written) {
    std::string msg = "expected a unit " + (parent ? "under " + unit_title(*parent) : "directly under " + c.province) +
                      " listed by campaign " + c.id + " (" + c.plan + "), after Unicode NFC normalisation, found \"" +
                      std::string(written) + "\"";
    if (const admin_unit* close = closest_unit(*c.units, parent, written))
        return msg + "; did you mean \"" + close->name + "\" (" + unit_title(*close) + ")?";
    const std::vector<std::string> names = names_under(*c.units, parent);
    constexpr std::size_t listed = 30;
    if (names.empty() || names.size() > listed) return msg + "; the campaign lists " + std::to_string(names.size()) + " such units";
    std::string all;
    for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
    return msg + "; the campaign lists " + all;
}

const admin_unit& require_unit(const campaign& c, const admin_unit* parent, std::string_view written, const std::string& path) {
    if (const admin_unit* u = find_unit(*c.units, parent, written, path)) return *u;
    throw error(errc::invalid_document, path, unknown_unit(c, parent, written));
}

}  // namespace

std::vector<std::string> campaign::district_rows() const {
    if (!districts.empty() || !units) return districts;
    return names_under(*units, nullptr);
}

void check_units(const campaign& c, dossier& d) {
    if (!c.units || c.units->empty()) return;
    const admin_unit& district = require_unit(c, nullptr, d.district, "/payload/dossier/district");
    d.district = district.name;
    if (!d.commune) return;
    const bool has_communes = !names_under(*c.units, &district).empty();
    if (has_communes) {
        d.commune = require_unit(c, &district, *d.commune, "/payload/dossier/commune").name;
    } else if (is_commune_level(district.kind)) {
        // 2025 shape: the commune is the unit directly under the province that `district` names.
        const admin_unit& commune = require_unit(c, nullptr, *d.commune, "/payload/dossier/commune");
        if (&commune != &district)
            throw error(errc::invalid_document, "/payload/dossier/commune",
                        "expected the unit the dossier's district names (" + unit_title(district) + "), as campaign " + c.id +
                            " lists communes directly under " + c.province + ", found \"" + *d.commune + "\" (" +
                            unit_title(commune) + ")");
        d.commune = commune.name;
    }
}

namespace detail {

namespace {

void check_parent(const campaign& c, const admin_unit& u, const std::map<std::string, const admin_unit*>& by_id, const std::string& at,
                  problem_list& p) {
    if (!u.parent) return;
    auto it = by_id.find(*u.parent);
    if (it == by_id.end()) return p.add(json_path(at, "parent"), "expected the id of a unit of this campaign, found \"" + *u.parent + "\"");
    const admin_unit& parent = *it->second;
    if (parent.parent || is_commune_level(parent.kind))
        p.add(json_path(at, "parent"), "expected a district-level unit directly under " + c.province + ", found " + unit_title(parent));
    if (!is_commune_level(u.kind))
        p.add(json_path(at, "kind"), "expected a commune-level kind (commune, ward, township, special_zone) for a unit with a parent, found " +
                                         std::string(to_string(u.kind)));
}

}  // namespace

void check_campaign_units(const campaign& c, problem_list& p) {
    if (!c.units) return;
    const auto& units = *c.units;
    std::map<std::string, const admin_unit*> by_id;
    for (std::size_t i = 0; i < units.size(); ++i)
        if (!by_id.emplace(units[i].id, &units[i]).second)
            p.add(json_path(json_path("/units", i), "id"), "duplicate unit id \"" + units[i].id + "\"");
    std::set<std::string> siblings;  // parent, kind and name key
    for (std::size_t i = 0; i < units.size(); ++i) {
        const admin_unit& u = units[i];
        const std::string at = json_path("/units", i);
        check_parent(c, u, by_id, at, p);
        const std::string key = name_key(u.name);
        if (!siblings.insert(u.parent.value_or("") + "\n" + std::string(to_string(u.kind)) + "\n" + key).second)
            p.add(json_path(at, "name"), "duplicate unit: " + unit_title(u) + " is listed twice under the same parent");
        if (key.starts_with(name_key(message(language::vi, "unit_kind." + std::string(to_string(u.kind)))) + " "))
            p.add(json_path(at, "name"), "expected the name without its kind, which \"kind\" gives (" + std::string(to_string(u.kind)) +
                                             "), found \"" + u.name + "\"");
    }
    if (units.empty()) return;
    const std::vector<std::string> top = names_under(units, nullptr);
    for (std::size_t i = 0; i < c.districts.size(); ++i)
        if (std::find(top.begin(), top.end(), c.districts[i]) == top.end())
            p.add(json_path("/districts", i), "expected the name of a unit directly under " + c.province + " as /units writes it, found \"" +
                                                  c.districts[i] + "\"");
}

}  // namespace detail

}  // namespace ocop
