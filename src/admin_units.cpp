// Administrative units: finding the unit a registration names, and the closest one when none does.

#include "ocop/admin_units.hpp"

#include <algorithm>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/detail/name_key_cache.hpp"
#include "ocop/error.hpp"
#include "ocop/messages.hpp"
#include "ocop/unicode.hpp"

namespace ocop {

namespace {

bool under(const admin_unit& u, const admin_unit* parent) { return parent ? u.parent && *u.parent == parent->id : !u.parent; }

std::string_view kind_label(unit_kind k) { return message(language::vi, "unit_kind." + std::string(to_string(k))); }

/// Calls f(kind, label) for every kind of unit.
template <class F>
void for_each_kind(F f) {
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<unit_kind>>([&](auto D) { f(D.value, kind_label(D.value)); });
}

}  // namespace

bool is_commune_level(unit_kind k) noexcept {
    return k == unit_kind::commune || k == unit_kind::ward || k == unit_kind::township || k == unit_kind::special_zone;
}

std::string unit_title(const admin_unit& u) { return std::string(kind_label(u.kind)) + " " + u.name; }

const admin_unit* find_unit(const std::vector<admin_unit>& units, const admin_unit* parent, std::string_view written,
                            const std::string& path) {
    const std::string key = name_key(written);
    std::vector<const admin_unit*> named;
    for (const auto& u : units)
        if (under(u, parent) && detail::cached_name_key(u.name) == key) named.push_back(&u);
    if (named.size() > 1) {
        std::string which;
        for (const auto* u : named) which += (which.empty() ? "" : ", ") + unit_title(*u);
        throw error(errc::invalid_document, path,
                    "\"" + std::string(written) + "\" names " + std::to_string(named.size()) + " units (" + which +
                        "): write its kind before the name");
    }
    if (!named.empty()) return named.front();
    const admin_unit* found = nullptr;
    for_each_kind([&](unit_kind kind, std::string_view label) {
        const std::string prefix = name_key(label) + " ";
        if (found || !key.starts_with(prefix)) return;
        for (const auto& u : units)
            if (under(u, parent) && u.kind == kind && detail::cached_name_key(u.name) == std::string_view(key).substr(prefix.size())) found = &u;
    });
    return found;
}

const admin_unit* closest_unit(const std::vector<admin_unit>& units, const admin_unit* parent, std::string_view written) {
    // The written name as it is, and without a kind before it ("Huyen Ba Vi" → "ba vi").
    std::vector<std::string> forms{fold_accents(written)};
    for_each_kind([&](unit_kind, std::string_view label) {
        const std::string prefix = fold_accents(label) + " ";
        if (forms.front().starts_with(prefix)) forms.push_back(forms.front().substr(prefix.size()));
    });
    const admin_unit* best = nullptr;
    std::size_t best_distance = 0;
    for (const auto& u : units) {
        if (!under(u, parent)) continue;
        const std::string name = fold_accents(u.name);
        const std::size_t allowed = std::max<std::size_t>(2, name.size() / 3);
        for (const auto& form : forms) {
            const std::size_t d = edit_distance(form, name);
            if (d <= allowed && (!best || d < best_distance)) {
                best = &u;
                best_distance = d;
            }
        }
    }
    return best;
}

}  // namespace ocop
