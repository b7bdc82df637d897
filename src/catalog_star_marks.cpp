// Loading checks of what the 26/2026 sheets added to a set: our readings of printed anomalies,
// the levels marked as minimums per star, and the set-wide "Hồ sơ bị loại khi" knock-out.

#include <algorithm>
#include <set>

#include "ocop/detail/catalog_loader.hpp"

namespace ocop {

namespace {

void check_readings(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    static const std::set<std::string, std::less<>> kinds{"probable_typo",   "points_not_printed", "levels_not_printed",
                                                          "printed_header",  "note_as_level",      "repeated_star_mark"};
    for (std::size_t i = 0; i < s.readings.size(); ++i) {
        const auto& r = s.readings[i];
        std::string rpath = json_path(json_path(path, "readings"), i);
        if (!kinds.contains(r.kind))
            p.add(json_path(rpath, "kind"), "expected \"probable_typo\", \"points_not_printed\", \"levels_not_printed\", "
                                            "\"printed_header\", \"note_as_level\" or \"repeated_star_mark\", found \"" + r.kind + "\"");
        if (r.criterion && !s.find(*r.criterion))
            p.add(json_path(rpath, "criterion"), "expected a criterion of this sheet, found \"" + *r.criterion + "\"");
        if (r.part && std::none_of(ed.parts.begin(), ed.parts.end(), [&](const part_definition& d) { return d.id == *r.part; }))
            p.add(json_path(rpath, "part"), "expected a part of edition " + ed.id + ", found \"" + *r.part + "\"");
    }
    // Gaps make a set incomplete (checked with the gaps); readings alone make it complete_with_reading.
    if (s.gaps.empty() && s.readings.empty() != (s.status != set_status::complete_with_reading))
        p.add(json_path(path, "status"), s.readings.empty() ? "expected readings to be declared for a \"complete_with_reading\" set"
                                                            : "expected \"complete_with_reading\" for a set that declares readings");
}

void check_star_marks(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    std::size_t index = 0;
    for (std::size_t si = 0; si < s.sections.size(); ++si)
        for (std::size_t ci = 0; ci < s.sections[si].count; ++ci, ++index) {
            const criterion& c = s.criteria[index];
            std::string mpath = json_path(json_path(json_path(json_path(json_path(path, "sections"), si), "criteria"), ci), "min_star_levels");
            std::set<int> stars;
            for (std::size_t k = 0; k < c.min_star_levels.size(); ++k) {
                const auto& mark = c.min_star_levels[k];
                std::string kpath = json_path(mpath, k);
                bool banded = std::any_of(ed.star_bands.begin(), ed.star_bands.end(), [&](const star_band& b) { return b.stars == mark.stars; });
                if (!banded) p.add(json_path(kpath, "stars"), "expected a star count with a band, found " + std::to_string(mark.stars));
                else if (!stars.insert(mark.stars).second)
                    p.add(json_path(kpath, "stars"), "duplicate minimum for " + std::to_string(mark.stars) + " stars in criterion " + c.id);
                if (!c.find_level(mark.level))
                    p.add(json_path(kpath, "level"), "expected a level of criterion " + c.id + ", found \"" + mark.level + "\"");
            }
        }
}

void check_set_knockouts(const product_set& s, const std::string& path, problem_list& p) {
    std::set<std::string> ids;
    for (const auto& c : s.criteria)
        for (const auto& k : c.knockouts) ids.insert(k.id);
    for (std::size_t i = 0; i < s.knockouts.size(); ++i) {
        const auto& k = s.knockouts[i];
        std::string kpath = json_path(json_path(path, "knockouts"), i);
        if (k.trigger != trigger_kind::declared)
            p.add(json_path(json_path(kpath, "trigger"), "kind"), "expected \"declared\" for a rule of the whole set");
        if (!ids.insert(k.id).second) p.add(json_path(kpath, "id"), "duplicate knock-out rule id \"" + k.id + "\"");
    }
}

}  // namespace

void detail::check_readings_and_star_marks(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    check_readings(s, ed, path, p);
    check_star_marks(s, ed, path, p);
    check_set_knockouts(s, path, p);
}

}  // namespace ocop
