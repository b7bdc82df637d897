// Minimum requirements per star (781/QĐ-TTg links and 26/2026/QĐ-TTg marked levels) as one list,
// and the caps they put on a result's stars.

#include "ocop/star_minimums.hpp"

#include <algorithm>

namespace ocop {

std::vector<star_minimum> star_minimums(const edition& ed, const product_set& set) {
    std::vector<star_minimum> out;
    // 781/QĐ-TTg: edition-wide requirements linked to this sheet's criteria, for their industries.
    for (const auto& link : set.minimum_requirements) {
        const minimum_requirement* req = ed.find_requirement(link.requirement);
        const criterion* c = set.find(link.criterion);
        if (!req || !c) continue;
        if (!req->industries.empty() && std::find(req->industries.begin(), req->industries.end(), set.industry) == req->industries.end())
            continue;
        out.push_back({static_cast<std::size_t>(c - set.criteria.data()), req->stars, link.at_least_points, req->id, false, {},
                       req->text, req->source, req->confidence});
    }
    // 26/2026/QĐ-TTg: levels printed with *** / **** / ***** are the minimum for 3 / 4 / 5 stars.
    for (std::size_t i = 0; i < set.criteria.size(); ++i)
        for (const auto& mark : set.criteria[i].min_star_levels) {
            const level* l = set.criteria[i].find_level(mark.level);
            if (!l) continue;
            out.push_back({i, mark.stars, l->points, "min-star-" + std::to_string(mark.stars) + "/" + set.criteria[i].id, true, l->label,
                           {}, set.origin.sheet + ": dấu sao, yêu cầu tối thiểu phải đạt theo các cấp độ sao", "one_source"});
        }
    return out;
}

std::vector<star_cap> apply_star_minimums(const edition& ed, const product_set& set, int& stars, const minimum_check& check) {
    std::vector<star_cap> caps;
    const int before = stars;
    for (const auto& m : star_minimums(ed, set)) {
        if (before < m.stars || check.reached(m)) continue;
        const criterion& c = set.criteria[m.criterion_index];
        std::string shown = check.shown(m);
        std::string text = m.marked_level ? std::to_string(m.stars) + "★ requires " + c.id + " '" + m.level_label + "' (" +
                                                std::to_string(m.at_least_points) + (m.at_least_points == 1 ? " point); " : " points); ") + check.whose + " " + shown
                                          : m.text;
        caps.push_back({m.requirement, c.id, m.at_least_points, std::move(shown), m.stars - 1, std::move(text), m.source, m.confidence});
        stars = std::min(stars, m.stars - 1);
    }
    return caps;
}

}  // namespace ocop
