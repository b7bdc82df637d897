// Loading and validating catalog JSON: every problem with its JSON path, all reported at once.
// Structure is read with the described reader (detail/described_json.hpp): types, unknown keys,
// missing keys. Ranges and cross-references are checked afterwards, by the check_* functions.

#include <algorithm>
#include <map>
#include <set>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace json = boost::json;
using detail::object_reader;
using detail::check_range;
using detail::read_member;

namespace {

constexpr int max_points_per_level = 100;
constexpr std::string_view gap_kinds[] = {"part_total", "duplicate_level_points", "sheet_missing"};

/// Reports a duplicate when `id` was already seen in this scope.
void check_unique(std::set<std::string>& seen, const std::string& id, const std::string& path, problem_list& p,
                  std::string_view what) {
    if (!id.empty() && !seen.insert(id).second) p.add(path, "duplicate " + std::string(what) + " id \"" + id + "\"");
}

/// One key of an object being read by hand, through the described reader.
template <class T>
T read_key(object_reader& r, std::string_view key, problem_list& p, bool required = true) {
    T out{};
    read_member(r, key, p, out, required);
    return out;
}

/// A key read straight into a member of T by the described reader (required unless `required` is false).
template <class T, class M>
struct key_of {
    std::string_view name;
    M T::*member;
    bool required = true;
};
// Spelled out for compilers without class template argument deduction for aggregates (Clang 14,
// which builds the fuzzers and the Clang sanitizer legs).
template <class T, class M>
key_of(std::string_view, M T::*) -> key_of<T, M>;
template <class T, class M>
key_of(std::string_view, M T::*, bool) -> key_of<T, M>;

/// Reads an object's keys in table order: a key_of into its member; any other entry, a step that
/// reads keys of its own, is called with (reader, problems, out).
template <class T, class... Fields>
void read_fields(object_reader& r, problem_list& p, T& out, const Fields&... fields) {
    auto one = [&](const auto& f) {
        if constexpr (requires { f.member; }) read_member(r, f.name, p, out.*f.member, f.required);
        else f(r, p, out);
    };
    (one(fields), ...);
}

/// Reads an array of objects, each with `read_one(value, path)`.
template <class T, class F>
std::vector<T> read_objects(object_reader& r, std::string_view key, bool required, F&& read_one) {
    std::vector<T> out;
    if (const auto* arr = r.array(key, required)) {
        for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(read_one((*arr)[i], json_path(r.path_of(key), i)));
    }
    return out;
}

std::vector<level> read_levels(object_reader& r, std::string_view key, problem_list& p) {
    auto levels = read_key<std::vector<level>>(r, key, p);
    if (r.is_object() && r.value(key, false) && levels.empty()) r.report(key, "expected at least one level, found none");
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < levels.size(); ++i) {  // paths built only for a message: most levels are fine
        const auto path = [&](std::string_view member) { return json_path(json_path(r.path_of(key), i), member); };
        if (!levels[i].id.empty() && !ids.insert(levels[i].id).second)
            p.add(path("id"), "duplicate level id \"" + levels[i].id + "\"");
        if (levels[i].points < 0 || levels[i].points > max_points_per_level)
            check_range(p, path("points"), levels[i].points, 0, max_points_per_level);
    }
    return levels;
}

/// A set's or a criterion's verification: status and sources required, values and text optional
/// (the loading checks say where they are needed: catalog_verification.cpp).
std::optional<source_check> read_verification(object_reader& r, problem_list& p) {
    const auto* v = r.value("verification", false);
    if (!v) return std::nullopt;
    object_reader vr(*v, r.path_of("verification"), p);
    source_check out;
    read_member(vr, "status", p, out.status);
    read_member(vr, "sources", p, out.sources);
    read_member(vr, "values", p, out.values, false);
    read_member(vr, "text", p, out.text, false);
    return out;
}

knockout_rule read_knockout(const json::value& v, const std::string& path, problem_list& p) {
    object_reader r(v, path, p);
    knockout_rule k;
    read_member(r, "id", p, k.id);
    read_member(r, "outcome", p, k.outcome);
    if (const auto* t = r.value("trigger")) {
        object_reader tr(*t, r.path_of("trigger"), p);
        read_member(tr, "kind", p, k.trigger);
        if (k.trigger == trigger_kind::levels) {
            read_member(tr, "levels", p, k.trigger_levels);
            if (k.trigger_levels.empty() && tr.is_object()) tr.report("levels", "expected at least one level");
        }
    }
    read_member(r, "text", p, k.text);
    read_member(r, "source", p, k.source);
    return k;
}

/// Either/or cases: at least two, ids unique, level ids unique across the cases (a level names its case).
std::vector<criterion_case> read_cases(object_reader& r, problem_list& p) {
    auto cases = read_objects<criterion_case>(r, "cases", true, [&](const json::value& cv, const std::string& cp) {
        object_reader cr(cv, cp, p);
        return criterion_case{read_key<std::string>(cr, "id", p), read_key<std::string>(cr, "label", p), read_levels(cr, "levels", p)};
    });
    if (cases.size() < 2) r.report("cases", "expected at least two cases, found " + std::to_string(cases.size()));
    std::set<std::string> ids, level_ids;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        std::string cpath = json_path(r.path_of("cases"), i);
        check_unique(ids, cases[i].id, json_path(cpath, "id"), p, "case");
        for (std::size_t k = 0; k < cases[i].levels.size(); ++k)
            check_unique(level_ids, cases[i].levels[k].id, json_path(json_path(json_path(cpath, "levels"), k), "id"), p,
                         "level (across cases)");
    }
    return cases;
}

criterion read_criterion(const json::value& v, const std::string& path, const section& sec, problem_list& p) {
    object_reader r(v, path, p);
    criterion c;
    c.part = sec.part;
    c.section = sec.id;
    read_fields(r, p, c, key_of{"id", &criterion::id}, key_of{"title", &criterion::title}, key_of{"heading", &criterion::group_heading},
                key_of{"printed_number", &criterion::printed_number}, key_of{"note", &criterion::note},
                key_of{"evidence_guidance", &criterion::evidence_guidance, false});
    bool has_levels = r.is_object() && r.value("levels", false);
    bool has_cases = r.is_object() && r.value("cases", false);
    if (has_levels == has_cases && r.is_object())
        p.add(path, has_levels ? "expected either \"levels\" or \"cases\", found both"
                               : "expected \"levels\" or \"cases\", found neither");
    if (has_levels) c.levels = read_levels(r, "levels", p);
    if (has_cases) c.cases = read_cases(r, p);
    c.knockouts = read_objects<knockout_rule>(r, "knockouts", false,
                                            [&](const json::value& kv, const std::string& kp) { return read_knockout(kv, kp, p); });
    read_member(r, "applies_if", p, c.applies_if);
    read_member(r, "min_star_levels", p, c.min_star_levels, false);
    c.verified = read_verification(r, p);
    return c;
}

void read_set_verification(object_reader& r, problem_list& p, product_set& s) { s.verified = read_verification(r, p); }

void read_gaps(object_reader& r, problem_list& p, product_set& s) {
    read_member(r, "gaps", p, s.gaps, false);
    const auto& gaps = s.gaps;
    for (std::size_t i = 0; i < gaps.size(); ++i)
        if (!gaps[i].kind.empty() && std::find(std::begin(gap_kinds), std::end(gap_kinds), gaps[i].kind) == std::end(gap_kinds))
            p.add(json_path(json_path(r.path_of("gaps"), i), "kind"),
                  "expected \"part_total\", \"duplicate_level_points\" or \"sheet_missing\", found \"" + gaps[i].kind + "\"");
}

void read_set_knockouts(object_reader& r, problem_list& p, product_set& s) {
    s.knockouts = read_objects<knockout_rule>(r, "knockouts", false,
                                              [&](const json::value& kv, const std::string& kp) { return read_knockout(kv, kp, p); });
}

void read_provenance(object_reader& r, problem_list& p, product_set& s) {
    provenance& out = s.origin;
    if (const auto* pv = r.value("provenance")) {
        object_reader pr(*pv, r.path_of("provenance"), p);
        read_fields(pr, p, out, key_of{"source", &provenance::source}, key_of{"sheet", &provenance::sheet, false},
                    key_of{"transcribed_name", &provenance::transcribed_name, false},
                    key_of{"cross_checked", &provenance::cross_checked, false}, key_of{"anomalies", &provenance::anomalies, false},
                    key_of{"minimum_requirements_not_linked", &provenance::minimum_requirements_not_linked, false});
    }
}

/// The sections in order, their criteria appended to the set's flat list.
void read_sections(object_reader& r, problem_list& p, product_set& s) {
    const auto* secs = r.array("sections");
    if (!secs) return;
    for (std::size_t si = 0; si < secs->size(); ++si) {
        object_reader sr((*secs)[si], json_path(r.path_of("sections"), si), p);
        section sec;
        read_fields(sr, p, sec, key_of{"id", &section::id}, key_of{"part", &section::part}, key_of{"title", &section::title},
                    key_of{"note", &section::note});
        sec.first = s.criteria.size();
        if (const auto* crits = sr.array("criteria")) {
            for (std::size_t ci = 0; ci < crits->size(); ++ci)
                s.criteria.push_back(read_criterion((*crits)[ci], json_path(sr.path_of("criteria"), ci), sec, p));
        }
        sec.count = s.criteria.size() - sec.first;
        s.sections.push_back(std::move(sec));
    }
}

product_set read_set(const json::value& v, const std::string& path, problem_list& p) {
    object_reader r(v, path, p);
    product_set s;
    s.status = set_status::unavailable;
    read_fields(r, p, s, key_of{"id", &product_set::id}, key_of{"code", &product_set::code}, key_of{"name", &product_set::name},
                key_of{"industry", &product_set::industry}, key_of{"group", &product_set::group},
                key_of{"lead_ministry", &product_set::lead_ministry}, key_of{"status", &product_set::status}, read_gaps,
                key_of{"readings", &product_set::readings, false}, key_of{"notes", &product_set::notes, false}, read_set_knockouts,
                read_provenance, read_set_verification, read_sections, key_of{"minimum_requirements", &product_set::minimum_requirements, false});
    for (std::size_t i = 0; i < s.minimum_requirements.size(); ++i)
        check_range(p, json_path(json_path(r.path_of("minimum_requirements"), i), "at_least_points"),
                    s.minimum_requirements[i].at_least_points, 0, max_points_per_level);
    return s;
}

bool gap_declared(const product_set& s, std::string_view kind, std::string_view part, std::string_view crit) {
    return std::any_of(s.gaps.begin(), s.gaps.end(), [&](const data_gap& g) {
        return g.kind == kind && (part.empty() || g.part == part) && (crit.empty() || g.criterion == crit);
    });
}

/// A set without a sheet has no criteria; one with a sheet has some; gaps and "incomplete" go together.
bool check_status(const product_set& s, const std::string& path, problem_list& p) {
    if (s.status == set_status::unavailable) {
        if (!s.criteria.empty()) p.add(json_path(path, "sections"), "expected no sections for an unavailable set");
        return false;
    }
    if (s.criteria.empty()) p.add(json_path(path, "sections"), "expected at least one criterion (or status \"unavailable\")");
    bool has_gaps = !s.gaps.empty();
    if (has_gaps != (s.status == set_status::incomplete))
        p.add(json_path(path, "status"), has_gaps ? "expected \"incomplete\" for a set that declares gaps"
                                                  : "expected gaps to be declared for an \"incomplete\" set");
    return true;
}

/// Levels of one criterion (or case) give distinct points, unless the gap is declared.
void check_distinct_points(const product_set& s, const criterion& c, const std::vector<level>& levels, const std::string& lpath,
                           problem_list& p) {
    std::set<int> seen;
    for (std::size_t li = 0; li < levels.size(); ++li)
        if (!seen.insert(levels[li].points).second && !gap_declared(s, "duplicate_level_points", "", c.id))
            p.add(json_path(json_path(lpath, li), "points"),
                  "expected distinct points within criterion " + c.id + ", found " + std::to_string(levels[li].points) + " twice");
}

/// Knock-out ids unique in the set; a level trigger names a level of this sheet.
void check_knockouts(const product_set& s, const criterion& c, const std::string& cpath, std::set<std::string>& rule_ids,
                     problem_list& p) {
    for (std::size_t k = 0; k < c.knockouts.size(); ++k) {
        const auto& rule = c.knockouts[k];
        std::string kpath = json_path(json_path(cpath, "knockouts"), k);
        check_unique(rule_ids, rule.id, json_path(kpath, "id"), p, "knock-out rule");
        for (std::size_t t = 0; t < rule.trigger_levels.size(); ++t) {
            const auto& ref = rule.trigger_levels[t];
            const criterion* target = s.find(ref.criterion);
            bool ok = target && std::any_of(target->levels.begin(), target->levels.end(), [&](const level& l) { return l.id == ref.level; });
            if (!ok)
                p.add(json_path(json_path(json_path(kpath, "trigger"), "levels"), t),
                      "expected a level of this sheet, found criterion \"" + ref.criterion + "\" level \"" + ref.level + "\"");
        }
    }
}

/// A condition names an earlier criterion with plain levels, and levels of it.
void check_applicability(const product_set& s, const criterion& c, std::size_t index, const std::string& cpath, problem_list& p) {
    if (!c.applies_if) return;
    const criterion* cond = s.find(c.applies_if->criterion);
    std::size_t cond_index = cond ? static_cast<std::size_t>(cond - s.criteria.data()) : index;
    const std::string apath = json_path(cpath, "applies_if");
    if (!cond || cond_index >= index || cond->has_cases()) {
        p.add(json_path(apath, "criterion"), "expected an earlier criterion with plain levels, found \"" + c.applies_if->criterion + "\"");
        return;
    }
    for (std::size_t li = 0; li < c.applies_if->levels.size(); ++li)
        if (std::none_of(cond->levels.begin(), cond->levels.end(), [&](const level& l) { return l.id == c.applies_if->levels[li]; }))
            p.add(json_path(json_path(apath, "levels"), li),
                  "expected a level of criterion " + cond->id + ", found \"" + c.applies_if->levels[li] + "\"");
}

/// Criteria: parts of the edition, ids unique, levels with distinct points, references that resolve.
void check_criteria(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    std::set<std::string> crit_ids, rule_ids;
    std::size_t index = 0;
    for (std::size_t si = 0; si < s.sections.size(); ++si) {
        const auto& sec = s.sections[si];
        std::string spath = json_path(json_path(path, "sections"), si);
        if (!ed.parts.empty() && std::none_of(ed.parts.begin(), ed.parts.end(), [&](const part_definition& d) { return d.id == sec.part; }))
            p.add(json_path(spath, "part"), "expected a part of edition " + ed.id + ", found \"" + sec.part + "\"");
        for (std::size_t ci = 0; ci < sec.count; ++ci, ++index) {
            const auto& c = s.criteria[index];
            std::string cpath = json_path(json_path(spath, "criteria"), ci);
            check_unique(crit_ids, c.id, json_path(cpath, "id"), p, "criterion");
            check_distinct_points(s, c, c.levels, json_path(cpath, "levels"), p);
            for (std::size_t k = 0; k < c.cases.size(); ++k)
                check_distinct_points(s, c, c.cases[k].levels, json_path(json_path(json_path(cpath, "cases"), k), "levels"), p);
            check_knockouts(s, c, cpath, rule_ids, p);
            check_applicability(s, c, index, cpath, p);
        }
    }
}

/// Part sums against the edition's maxima, unless the gap is declared (and then it must be real).
void check_part_sums(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    for (const auto& part : ed.parts) {
        int sum = s.part_max(part.id);
        bool declared = gap_declared(s, "part_total", part.id, "");
        if (sum != part.max_points && !declared)
            p.add(json_path(path, "sections"), "expected part " + part.id + " to sum to " + std::to_string(part.max_points) +
                                                   " (edition " + ed.id + "), found " + std::to_string(sum));
        if (sum == part.max_points && declared)
            p.add(json_path(path, "gaps"), "a part_total gap is declared for part " + part.id + " but it sums to " +
                                               std::to_string(sum) + " as expected");
    }
}

/// Links to the edition's minimum requirements name a requirement, a criterion, and reachable points.
void check_requirement_links(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    for (std::size_t i = 0; i < s.minimum_requirements.size(); ++i) {
        const auto& link = s.minimum_requirements[i];
        std::string lpath = json_path(json_path(path, "minimum_requirements"), i);
        if (!ed.find_requirement(link.requirement))
            p.add(json_path(lpath, "requirement"), "expected a minimum requirement of edition " + ed.id + ", found \"" + link.requirement + "\"");
        const criterion* c = s.find(link.criterion);
        if (!c) p.add(json_path(lpath, "criterion"), "expected a criterion of this sheet, found \"" + link.criterion + "\"");
        else if (link.at_least_points > c->max_points())
            p.add(json_path(lpath, "at_least_points"), "expected at most " + std::to_string(c->max_points()) +
                                                           " (criterion " + c->id + "), found " + std::to_string(link.at_least_points));
    }
}

/// Cross-checks of one set that need the whole set and its edition.
void check_set(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    detail::check_verifications(s, path, p);
    if (!check_status(s, path, p)) return;
    detail::check_readings_and_star_marks(s, ed, path, p);
    check_criteria(s, ed, path, p);
    check_part_sums(s, ed, path, p);
    check_requirement_links(s, ed, path, p);
}

/// Checks that a set sits where the classification says it does.
void check_classified(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    for (const auto& ind : ed.classification)
        for (const auto& grp : ind.groups)
            if (std::find(grp.sets.begin(), grp.sets.end(), s.id) != grp.sets.end()) {
                if (ind.id != s.industry) p.add(json_path(path, "industry"), "expected \"" + ind.id + "\" (classification), found \"" + s.industry + "\"");
                if (grp.id != s.group) p.add(json_path(path, "group"), "expected \"" + grp.id + "\" (classification), found \"" + s.group + "\"");
                return;
            }
    p.add(json_path(path, "id"), "set \"" + s.id + "\" is not listed in the classification of edition " + ed.id);
}

void read_legal_references(object_reader& r, problem_list& p, edition& ed) {
    ed.legal_references = read_objects<legal_reference>(r, "legal_references", true, [&](const json::value& v, const std::string& path) {
        object_reader lr(v, path, p);
        legal_reference ref;
        read_fields(lr, p, ref, key_of{"id", &legal_reference::id}, key_of{"title", &legal_reference::title},
                    key_of{"signed", &legal_reference::signed_on});
        return ref;
    });
}

void read_minimum_requirements(object_reader& r, problem_list& p, edition& ed) {
    ed.minimum_requirements = read_objects<minimum_requirement>(r, "minimum_requirements", false, [&](const json::value& v, const std::string& path) {
        object_reader mr(v, path, p);
        minimum_requirement m;
        read_fields(mr, p, m, key_of{"id", &minimum_requirement::id}, key_of{"stars", &minimum_requirement::stars},
                    key_of{"confidence", &minimum_requirement::confidence}, key_of{"industries", &minimum_requirement::industries, false},
                    key_of{"text", &minimum_requirement::text}, key_of{"source", &minimum_requirement::source});
        return m;
    });
}

/// Everything of an edition but its sets, structure only (check_edition follows).
void read_edition_fields(object_reader& r, edition& ed, problem_list& p) {
    read_fields(r, p, ed, key_of{"id", &edition::id}, key_of{"name", &edition::name}, read_legal_references, key_of{"valid_from", &edition::valid_from},
                key_of{"valid_until", &edition::valid_until}, key_of{"parts", &edition::parts}, key_of{"star_bands", &edition::star_bands},
                key_of{"bands_source", &edition::bands_source}, read_minimum_requirements, key_of{"classification", &edition::classification},
                key_of{"dossier_documents", &edition::dossier_documents, false},
                key_of{"other_sets_unavailable", &edition::other_sets_unavailable});
}

/// Ids unique in each list of the edition.
void check_edition_ids(const edition& ed, problem_list& p) {
    auto unique = [&](auto const& items, std::string_view key, auto id_of, std::string_view what) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i)
            check_unique(seen, id_of(items[i]), json_path(json_path(json_path("", key), i), "id"), p, what);
    };
    unique(ed.parts, "parts", [](const part_definition& x) { return x.id; }, "part");
    unique(ed.minimum_requirements, "minimum_requirements", [](const minimum_requirement& x) { return x.id; }, "requirement");
    unique(ed.classification, "classification", [](const industry& x) { return x.id; }, "industry");
    unique(ed.dossier_documents, "dossier_documents", [](const dossier_document& x) { return x.id; }, "document");
}

/// Dates in order; part maxima within 0-100 and summing to 100.
void check_dates_and_parts(const edition& ed, problem_list& p) {
    if (ed.valid_until && *ed.valid_until < ed.valid_from) p.add("/valid_until", "expected a date on or after valid_from");
    int part_total = 0;
    for (std::size_t i = 0; i < ed.parts.size(); ++i) {
        check_range(p, json_path(json_path("/parts", i), "max_points"), ed.parts[i].max_points, 0, 100);
        part_total += ed.parts[i].max_points;
    }
    if (!ed.parts.empty() && part_total != 100)
        p.add("/parts", "expected part maxima summing to 100, found " + std::to_string(part_total));
}

/// Star bands: stars 1-5 and bounds 0-100; contiguous, non-overlapping, covering 0 to 100, distinct star counts.
void check_bands(const edition& ed, problem_list& p) {
    std::vector<std::pair<star_band, std::size_t>> bands;
    for (std::size_t i = 0; i < ed.star_bands.size(); ++i) {
        const std::string bpath = json_path("/star_bands", i);
        check_range(p, json_path(bpath, "stars"), ed.star_bands[i].stars, 1, 5);
        check_range(p, json_path(bpath, "from"), ed.star_bands[i].from, 0, 100);
        check_range(p, json_path(bpath, "to"), ed.star_bands[i].to, 0, 100);
        bands.emplace_back(ed.star_bands[i], i);
    }
    std::sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) { return a.first.from < b.first.from; });
    std::set<int> stars;
    int expected_from = 0;
    for (const auto& [b, i] : bands) {
        std::string bpath = json_path("/star_bands", i);
        if (!stars.insert(b.stars).second) p.add(json_path(bpath, "stars"), "duplicate band for " + std::to_string(b.stars) + " stars");
        if (b.from >= b.to) p.add(json_path(bpath, "to"), "expected \"to\" above \"from\" (" + std::to_string(b.from) + "), found " + std::to_string(b.to));
        if (b.from != expected_from)
            p.add(json_path(bpath, "from"), std::string(b.from < expected_from ? "bands overlap" : "gap between bands") +
                                                ": expected " + std::to_string(expected_from) + ", found " + std::to_string(b.from));
        expected_from = std::max(expected_from, b.to);
    }
    if (!bands.empty() && expected_from != 100)
        p.add("/star_bands", "expected bands covering 0 to 100, the highest ends at " + std::to_string(expected_from));
    if (ed.star_bands.empty()) p.add("/star_bands", "expected at least one star band");
}

/// Minimum requirements: stars 1-5, a known confidence, industries of the classification.
void check_requirements(const edition& ed, problem_list& p) {
    std::set<std::string> industries;
    for (const auto& ind : ed.classification) industries.insert(ind.id);
    for (std::size_t i = 0; i < ed.minimum_requirements.size(); ++i) {
        const auto& m = ed.minimum_requirements[i];
        const std::string mpath = json_path("/minimum_requirements", i);
        check_range(p, json_path(mpath, "stars"), m.stars, 1, 5);
        if (!m.confidence.empty() && m.confidence != "firm" && m.confidence != "one_source")
            p.add(json_path(mpath, "confidence"), "expected \"firm\" or \"one_source\", found \"" + m.confidence + "\"");
        for (std::size_t k = 0; k < m.industries.size(); ++k)
            if (!industries.contains(m.industries[k]))
                p.add(json_path(json_path(mpath, "industries"), k),
                      "expected an industry of the classification, found \"" + m.industries[k] + "\"");
    }
}

/// Edition-wide cross-checks: unique ids, dates, parts, contiguous bands, requirements that resolve.
void check_edition(const edition& ed, problem_list& p) {
    check_edition_ids(ed, p);
    check_dates_and_parts(ed, p);
    check_bands(ed, p);
    check_requirements(ed, p);
}

}  // namespace

edition load_edition(std::string_view json_text) {
    return detail::load_edition(detail::parse_json(json_text));
}

edition detail::load_edition(const json::value& doc, edition_checks checks) {
    problem_list p;
    edition ed;
    {
        object_reader r(doc, "", p);
        read_edition_fields(r, ed, p);
        if (const auto* sets = r.array("sets", false)) {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < sets->size(); ++i) {
                std::string path = json_path("/sets", i);
                ed.sets.push_back(read_set((*sets)[i], path, p));
                check_unique(ids, ed.sets.back().id, json_path(path, "id"), p, "set");
            }
        }
    }
    if (checks == edition_checks::structure_only) {  // the embedded data: cross-checked by embedded_catalog() and its tests
        p.throw_if_any(errc::invalid_document);
        return ed;
    }
    check_edition(ed, p);
    for (std::size_t i = 0; i < ed.sets.size(); ++i) {
        check_set(ed.sets[i], ed, json_path("/sets", i), p);
        check_classified(ed.sets[i], ed, json_path("/sets", i), p);
    }
    for (const auto& ind : ed.classification)
        for (const auto& grp : ind.groups)
            for (const auto& set_id : grp.sets)
                if (!ed.find_set(set_id))
                    p.add("/classification", "set \"" + set_id + "\" is classified but has no sheet entry (use status \"unavailable\")");
    p.throw_if_any(errc::invalid_document);
    return ed;
}

product_set detail::load_set(const json::value& doc, const std::string& path) {
    problem_list p;
    product_set s = read_set(doc, path, p);
    p.throw_if_any(errc::invalid_document);
    return s;
}

edition with_set(const edition& ed, std::string_view set_json) {
    json::value doc = detail::parse_json(set_json);
    problem_list p;
    product_set s = read_set(doc, "", p);
    p.throw_if_any(errc::invalid_document);
    check_set(s, ed, "", p);
    check_classified(s, ed, "", p);
    p.throw_if_any(errc::invalid_document);
    edition out = ed;
    auto it = std::find_if(out.sets.begin(), out.sets.end(), [&](const product_set& x) { return x.id == s.id; });
    if (it != out.sets.end()) *it = std::move(s);
    else out.sets.push_back(std::move(s));
    return out;
}

}  // namespace ocop
