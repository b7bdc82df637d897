#include "ocop/catalog.hpp"

#include <algorithm>

#include "ocop/error.hpp"

namespace ocop {

int criterion::max_points() const noexcept {
    int best = 0;
    for (const auto& l : levels) best = std::max(best, l.points);
    for (const auto& c : cases)
        for (const auto& l : c.levels) best = std::max(best, l.points);
    return best;
}

const level* criterion::find_level(std::string_view level_id) const noexcept {
    for (const auto& l : levels)
        if (l.id == level_id) return &l;
    for (const auto& c : cases)
        for (const auto& l : c.levels)
            if (l.id == level_id) return &l;
    return nullptr;
}

const criterion* product_set::find(std::string_view criterion_id) const noexcept {
    for (const auto& c : criteria)
        if (c.id == criterion_id) return &c;
    return nullptr;
}

int product_set::part_max(std::string_view part) const noexcept {
    int sum = 0;
    for (const auto& c : criteria)
        if (c.part == part) sum += c.max_points();
    return sum;
}

std::vector<std::string> product_set::warnings() const {
    std::vector<std::string> out;
    for (const auto& g : gaps) out.push_back("sheet incomplete: " + g.text);
    for (const auto& r : readings) out.push_back("our reading: " + r.text);
    return out;
}

bool edition::in_force_on(date d) const noexcept {
    return valid_from <= d && (!valid_until || d <= *valid_until);
}

const product_set* edition::find_set(std::string_view set_id) const noexcept {
    for (const auto& s : sets)
        if (s.id == set_id) return &s;
    return nullptr;
}

const product_set& edition::require_set(std::string_view set_id, const std::string& path) const {
    if (const product_set* s = find_set(set_id)) return *s;
    std::string what = "no set \"" + std::string(set_id) + "\" in edition " + id;
    if (other_sets_unavailable) throw error(errc::unavailable, path, what + ": " + *other_sets_unavailable);
    throw error(errc::not_found, path, what);
}

const minimum_requirement* edition::find_requirement(std::string_view requirement_id) const noexcept {
    for (const auto& r : minimum_requirements)
        if (r.id == requirement_id) return &r;
    return nullptr;
}

const star_band& edition::band_for(std::int64_t sum, std::int64_t members) const {
    // Exact comparison on the rational sum/members: from <= mean < to, i.e. from*n <= sum < to*n.
    // The last band (to == 100) includes 100. 1048/QĐ-TTg, Phụ lục II.
    for (const auto& b : star_bands) {
        bool below_to = sum < b.to * members || (b.to == 100 && sum == 100 * members);
        if (sum >= b.from * members && below_to) return b;
    }
    throw error(errc::invalid_council, "", "mean " + std::to_string(sum) + "/" + std::to_string(members) +
                                               " is outside every star band of edition " + id);
}

catalog::catalog(std::vector<edition> editions) {
    for (auto& e : editions) add(std::move(e));
}

const edition& catalog::get(std::string_view edition_id) const {
    for (const auto& e : editions_)
        if (e.id == edition_id) return e;
    throw error(errc::not_found, "", "no edition with id \"" + std::string(edition_id) + "\"");
}

const edition& catalog::in_force(date d) const {
    for (const auto& e : editions_)
        if (e.in_force_on(d)) return e;
    throw error(errc::no_edition_in_force, "", "no edition of the rules is in force on " + d.to_string());
}

void catalog::add(edition e) {
    for (const auto& other : editions_) {
        if (other.id == e.id) continue;
        if (periods_overlap(e.valid_from, e.valid_until, other.valid_from, other.valid_until))
            throw error(errc::invalid_document, "/valid_from",
                        "edition \"" + e.id + "\" overlaps edition \"" + other.id + "\" in time: exactly one edition may be in force on a date");
    }
    auto it = std::find_if(editions_.begin(), editions_.end(), [&](const edition& x) { return x.id == e.id; });
    if (it != editions_.end()) *it = std::move(e);
    else editions_.push_back(std::move(e));
}

}  // namespace ocop
