// Loading and validating catalog JSON: every problem with its JSON path, all reported at once.

#include <algorithm>
#include <map>
#include <set>

#include <boost/json/serialize.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/enum_text.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace json = boost::json;
using detail::object_reader;

namespace {

constexpr std::int64_t max_points_per_level = 100;

/// Reports a duplicate when `id` was already seen in this scope.
void check_unique(std::set<std::string>& seen, const std::string& id, const std::string& path, problem_list& p,
                  std::string_view what) {
    if (!id.empty() && !seen.insert(id).second) p.add(path, "duplicate " + std::string(what) + " id \"" + id + "\"");
}

date read_date(object_reader& r, std::string_view key) {
    std::string text = r.string(key);
    if (text.empty()) return {};
    if (auto d = date::parse(text)) return *d;
    r.report(key, "expected a date \"YYYY-MM-DD\", found \"" + text + "\"");
    return {};
}

template <class T, class F>
std::vector<T> read_array(object_reader& r, std::string_view key, bool required, F&& read_one) {
    std::vector<T> out;
    if (const auto* arr = r.array(key, required)) {
        for (std::size_t i = 0; i < arr->size(); ++i) out.push_back(read_one((*arr)[i], json_path(r.path_of(key), i)));
    }
    return out;
}

std::vector<level> read_levels(object_reader& r, std::string_view key, problem_list& p) {
    auto levels = read_array<level>(r, key, true, [&](const json::value& v, const std::string& path) {
        object_reader lr(v, path, p);
        return level{lr.string("id"), static_cast<int>(lr.integer("points", 0, max_points_per_level)), lr.string("label")};
    });
    if (r.is_object() && r.value(key, false) && levels.empty()) r.report(key, "expected at least one level, found none");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < levels.size(); ++i)
        check_unique(ids, levels[i].id, json_path(json_path(r.path_of(key), i), "id"), p, "level");
    return levels;
}

knockout_rule read_knockout(const json::value& v, const std::string& path, problem_list& p) {
    object_reader r(v, path, p);
    knockout_rule k;
    k.id = r.string("id");
    k.outcome = detail::read_enum(r, "outcome", knockout_outcome::eliminated);
    if (const auto* t = r.value("trigger")) {
        object_reader tr(*t, r.path_of("trigger"), p);
        k.trigger = detail::read_enum(tr, "kind", trigger_kind::declared);
        if (k.trigger == trigger_kind::levels) {
            k.trigger_levels = read_array<level_ref>(tr, "levels", true, [&](const json::value& lv, const std::string& lp) {
                object_reader lr(lv, lp, p);
                return level_ref{lr.string("criterion"), lr.string("level")};
            });
            if (k.trigger_levels.empty() && tr.is_object()) tr.report("levels", "expected at least one level");
        }
    }
    k.text = r.string("text");
    k.source = r.string("source");
    return k;
}

criterion read_criterion(const json::value& v, const std::string& path, const section& sec, problem_list& p) {
    object_reader r(v, path, p);
    criterion c;
    c.id = r.string("id");
    c.title = r.string("title");
    c.part = sec.part;
    c.section = sec.id;
    if (const auto* h = r.value("heading", false)) {
        object_reader hr(*h, r.path_of("heading"), p);
        c.group_heading = heading{hr.string("id"), hr.string("title")};
    }
    c.printed_number = r.optional_string("printed_number");
    c.note = r.optional_string("note");
    c.evidence_guidance = r.string_array("evidence_guidance", false);
    bool has_levels = r.is_object() && r.value("levels", false);
    bool has_cases = r.is_object() && r.value("cases", false);
    if (has_levels == has_cases && r.is_object())
        p.add(path, has_levels ? "expected either \"levels\" or \"cases\", found both"
                               : "expected \"levels\" or \"cases\", found neither");
    if (has_levels) c.levels = read_levels(r, "levels", p);
    if (has_cases) {
        c.cases = read_array<criterion_case>(r, "cases", true, [&](const json::value& cv, const std::string& cp) {
            object_reader cr(cv, cp, p);
            return criterion_case{cr.string("id"), cr.string("label"), read_levels(cr, "levels", p)};
        });
        if (c.cases.size() < 2) r.report("cases", "expected at least two cases, found " + std::to_string(c.cases.size()));
        std::set<std::string> ids, level_ids;
        for (std::size_t i = 0; i < c.cases.size(); ++i) {
            std::string cpath = json_path(r.path_of("cases"), i);
            check_unique(ids, c.cases[i].id, json_path(cpath, "id"), p, "case");
            // level ids are unique across the cases, so that a level names its case
            for (std::size_t k = 0; k < c.cases[i].levels.size(); ++k)
                check_unique(level_ids, c.cases[i].levels[k].id, json_path(json_path(json_path(cpath, "levels"), k), "id"), p,
                             "level (across cases)");
        }
    }
    c.knockouts = read_array<knockout_rule>(r, "knockouts", false,
                                            [&](const json::value& kv, const std::string& kp) { return read_knockout(kv, kp, p); });
    if (const auto* a = r.value("applies_if", false)) {
        object_reader ar(*a, r.path_of("applies_if"), p);
        c.applies_if = applicability{ar.string("criterion"), ar.string_array("levels"), ar.string("text"), ar.string("source")};
    }
    return c;
}

data_gap read_gap(const json::value& v, const std::string& path, problem_list& p) {
    object_reader r(v, path, p);
    data_gap g;
    g.kind = r.string("kind");
    g.part = r.optional_string("part");
    g.criterion = r.optional_string("criterion");
    g.text = r.string("text");
    static const std::set<std::string, std::less<>> kinds{"part_total", "duplicate_level_points", "sheet_missing"};
    if (!g.kind.empty() && !kinds.contains(g.kind))
        r.report("kind", "expected \"part_total\", \"duplicate_level_points\" or \"sheet_missing\", found \"" + g.kind + "\"");
    return g;
}

bool gap_declared(const product_set& s, std::string_view kind, std::string_view part, std::string_view crit) {
    return std::any_of(s.gaps.begin(), s.gaps.end(), [&](const data_gap& g) {
        return g.kind == kind && (part.empty() || g.part == part) && (crit.empty() || g.criterion == crit);
    });
}

/// Cross-checks of one set that need the whole set and its edition.
void check_set(const product_set& s, const edition& ed, const std::string& path, problem_list& p) {
    if (s.status == set_status::unavailable) {
        if (!s.criteria.empty()) p.add(json_path(path, "sections"), "expected no sections for an unavailable set");
        return;
    }
    if (s.criteria.empty()) p.add(json_path(path, "sections"), "expected at least one criterion (or status \"unavailable\")");
    bool has_gaps = !s.gaps.empty();
    if (has_gaps != (s.status == set_status::incomplete))
        p.add(json_path(path, "status"), has_gaps ? "expected \"incomplete\" for a set that declares gaps"
                                                  : "expected gaps to be declared for an \"incomplete\" set");
    // Criteria: ids unique, levels with distinct points, references resolve.
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
            auto check_points = [&](const std::vector<level>& levels, const std::string& lpath) {
                std::set<int> seen;
                for (std::size_t li = 0; li < levels.size(); ++li)
                    if (!seen.insert(levels[li].points).second && !gap_declared(s, "duplicate_level_points", "", c.id))
                        p.add(json_path(json_path(lpath, li), "points"),
                              "expected distinct points within criterion " + c.id + ", found " +
                                  std::to_string(levels[li].points) + " twice");
            };
            check_points(c.levels, json_path(cpath, "levels"));
            for (std::size_t k = 0; k < c.cases.size(); ++k)
                check_points(c.cases[k].levels, json_path(json_path(json_path(cpath, "cases"), k), "levels"));
            for (std::size_t k = 0; k < c.knockouts.size(); ++k) {
                const auto& rule = c.knockouts[k];
                std::string kpath = json_path(json_path(cpath, "knockouts"), k);
                check_unique(rule_ids, rule.id, json_path(kpath, "id"), p, "knock-out rule");
                for (std::size_t t = 0; t < rule.trigger_levels.size(); ++t) {
                    const auto& ref = rule.trigger_levels[t];
                    const criterion* target = s.find(ref.criterion);
                    bool ok = target && std::any_of(target->levels.begin(), target->levels.end(),
                                                    [&](const level& l) { return l.id == ref.level; });
                    if (!ok)
                        p.add(json_path(json_path(json_path(kpath, "trigger"), "levels"), t),
                              "expected a level of this sheet, found criterion \"" + ref.criterion + "\" level \"" + ref.level + "\"");
                }
            }
            if (c.applies_if) {
                const criterion* cond = s.find(c.applies_if->criterion);
                std::size_t cond_index = cond ? static_cast<std::size_t>(cond - s.criteria.data()) : index;
                if (!cond || cond_index >= index || cond->has_cases())
                    p.add(json_path(json_path(cpath, "applies_if"), "criterion"),
                          "expected an earlier criterion with plain levels, found \"" + c.applies_if->criterion + "\"");
                else
                    for (std::size_t li = 0; li < c.applies_if->levels.size(); ++li)
                        if (std::none_of(cond->levels.begin(), cond->levels.end(),
                                         [&](const level& l) { return l.id == c.applies_if->levels[li]; }))
                            p.add(json_path(json_path(json_path(cpath, "applies_if"), "levels"), li),
                                  "expected a level of criterion " + cond->id + ", found \"" + c.applies_if->levels[li] + "\"");
            }
        }
    }
    // Part sums against the edition's maxima, unless the gap is declared (and then it must be real).
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

product_set read_set(const json::value& v, const std::string& path, problem_list& p) {
    object_reader r(v, path, p);
    product_set s;
    s.id = r.string("id");
    s.code = r.string("code");
    s.name = r.string("name");
    s.industry = r.string("industry");
    s.group = r.string("group");
    s.lead_ministry = r.optional_string("lead_ministry");
    s.status = detail::read_enum(r, "status", set_status::unavailable);
    s.gaps = read_array<data_gap>(r, "gaps", false, [&](const json::value& g, const std::string& gp) { return read_gap(g, gp, p); });
    if (const auto* pv = r.value("provenance")) {
        object_reader pr(*pv, r.path_of("provenance"), p);
        s.origin.source = pr.string("source");
        s.origin.sheet = pr.optional_string("sheet").value_or("");
        s.origin.transcribed_name = pr.optional_string("transcribed_name").value_or("");
        s.origin.cross_checked = pr.boolean("cross_checked", false);
        s.origin.anomalies = pr.string_array("anomalies", false);
        s.origin.minimum_requirements_not_linked = pr.string_array("minimum_requirements_not_linked", false);
    }
    if (const auto* secs = r.array("sections")) {
        for (std::size_t si = 0; si < secs->size(); ++si) {
            std::string spath = json_path(r.path_of("sections"), si);
            object_reader sr((*secs)[si], spath, p);
            section sec;
            sec.id = sr.string("id");
            sec.part = sr.string("part");
            sec.title = sr.string("title");
            sec.note = sr.optional_string("note");
            sec.first = s.criteria.size();
            if (const auto* crits = sr.array("criteria")) {
                for (std::size_t ci = 0; ci < crits->size(); ++ci)
                    s.criteria.push_back(read_criterion((*crits)[ci], json_path(sr.path_of("criteria"), ci), sec, p));
            }
            sec.count = s.criteria.size() - sec.first;
            s.sections.push_back(std::move(sec));
        }
    }
    s.minimum_requirements = read_array<requirement_link>(r, "minimum_requirements", false, [&](const json::value& lv, const std::string& lp) {
        object_reader lr(lv, lp, p);
        return requirement_link{lr.string("requirement"), lr.string("criterion"),
                                static_cast<int>(lr.integer("at_least_points", 0, max_points_per_level))};
    });
    return s;
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

void read_edition_fields(object_reader& r, edition& ed, problem_list& p) {
    ed.id = r.string("id");
    ed.name = r.string("name");
    ed.legal_references = read_array<legal_reference>(r, "legal_references", true, [&](const json::value& v, const std::string& path) {
        object_reader lr(v, path, p);
        return legal_reference{lr.string("id"), lr.string("title"), read_date(lr, "signed")};
    });
    ed.valid_from = read_date(r, "valid_from");
    if (const auto* vu = r.value("valid_until", false); vu && !vu->is_null()) ed.valid_until = read_date(r, "valid_until");
    if (ed.valid_until && *ed.valid_until < ed.valid_from) r.report("valid_until", "expected a date on or after valid_from");
    ed.parts = read_array<part_definition>(r, "parts", true, [&](const json::value& v, const std::string& path) {
        object_reader pr(v, path, p);
        return part_definition{pr.string("id"), pr.string("name"), static_cast<int>(pr.integer("max_points", 0, 100))};
    });
    ed.star_bands = read_array<star_band>(r, "star_bands", true, [&](const json::value& v, const std::string& path) {
        object_reader br(v, path, p);
        star_band b;
        b.stars = static_cast<int>(br.integer("stars", 1, 5));
        b.from = static_cast<int>(br.integer("from", 0, 100));
        b.to = static_cast<int>(br.integer("to", 0, 100));
        b.recognised = br.boolean("recognised");
        b.meaning = br.string("meaning");
        return b;
    });
    ed.bands_source = r.string("bands_source");
    ed.certificate_validity_months = static_cast<int>(r.integer("certificate_validity_months", 1, 1200));
    ed.certificate_source = r.string("certificate_source");
    ed.evaluation_levels = read_array<evaluation_level>(r, "evaluation_levels", true, [&](const json::value& v, const std::string& path) {
        object_reader lr(v, path, p);
        evaluation_level l;
        l.id = lr.string("id");
        l.name = lr.string("name");
        if (const auto* rec = lr.array("recognises"))
            for (std::size_t i = 0; i < rec->size(); ++i) {
                const auto& x = (*rec)[i];
                if (x.is_int64() && x.get_int64() >= 1 && x.get_int64() <= 5) l.recognises.push_back(static_cast<int>(x.get_int64()));
                else p.add(json_path(lr.path_of("recognises"), i), "expected a star count from 1 to 5, found " + json::serialize(x));
            }
        l.forwards_to = lr.optional_string("forwards_to");
        if (auto n = lr.optional_integer("forwards_at_least", 0, 100)) l.forwards_at_least = static_cast<int>(*n);
        if (l.forwards_to.has_value() != l.forwards_at_least.has_value())
            p.add(path, "expected \"forwards_to\" and \"forwards_at_least\" together");
        l.source = lr.string("source");
        return l;
    });
    ed.minimum_requirements = read_array<minimum_requirement>(r, "minimum_requirements", false, [&](const json::value& v, const std::string& path) {
        object_reader mr(v, path, p);
        minimum_requirement m;
        m.id = mr.string("id");
        m.stars = static_cast<int>(mr.integer("stars", 1, 5));
        m.confidence = mr.string("confidence");
        if (!m.confidence.empty() && m.confidence != "firm" && m.confidence != "one_source")
            mr.report("confidence", "expected \"firm\" or \"one_source\", found \"" + m.confidence + "\"");
        m.industries = mr.string_array("industries", false);
        m.text = mr.string("text");
        m.source = mr.string("source");
        return m;
    });
    ed.classification = read_array<industry>(r, "classification", true, [&](const json::value& v, const std::string& path) {
        object_reader ir(v, path, p);
        industry ind{ir.string("id"), ir.string("code"), ir.string("name"), {}};
        ind.groups = read_array<product_group>(ir, "groups", true, [&](const json::value& gv, const std::string& gp) {
            object_reader gr(gv, gp, p);
            return product_group{gr.string("id"), gr.string("name"), gr.string_array("sets")};
        });
        return ind;
    });
    ed.dossier_documents = read_array<dossier_document>(r, "dossier_documents", false, [&](const json::value& v, const std::string& path) {
        object_reader dr(v, path, p);
        return dossier_document{dr.string("id"), dr.string("title"), dr.string("description"), dr.boolean("required")};
    });
}

/// Edition-wide cross-checks: unique ids, contiguous bands, levels and requirements that resolve.
void check_edition(const edition& ed, problem_list& p) {
    auto unique = [&](auto const& items, std::string_view key, auto id_of, std::string_view what) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items.size(); ++i)
            check_unique(seen, id_of(items[i]), json_path(json_path(json_path("", key), i), "id"), p, what);
    };
    unique(ed.parts, "parts", [](const part_definition& x) { return x.id; }, "part");
    unique(ed.evaluation_levels, "evaluation_levels", [](const evaluation_level& x) { return x.id; }, "level");
    unique(ed.minimum_requirements, "minimum_requirements", [](const minimum_requirement& x) { return x.id; }, "requirement");
    unique(ed.classification, "classification", [](const industry& x) { return x.id; }, "industry");
    unique(ed.dossier_documents, "dossier_documents", [](const dossier_document& x) { return x.id; }, "document");
    int part_total = 0;
    for (const auto& part : ed.parts) part_total += part.max_points;
    if (!ed.parts.empty() && part_total != 100)
        p.add("/parts", "expected part maxima summing to 100, found " + std::to_string(part_total));

    // Star bands: contiguous, non-overlapping, covering 0 to 100, distinct star counts.
    std::vector<std::pair<star_band, std::size_t>> bands;
    for (std::size_t i = 0; i < ed.star_bands.size(); ++i) bands.emplace_back(ed.star_bands[i], i);
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

    for (std::size_t i = 0; i < ed.evaluation_levels.size(); ++i) {
        const auto& l = ed.evaluation_levels[i];
        std::string lpath = json_path("/evaluation_levels", i);
        if (l.forwards_to && !ed.find_level(*l.forwards_to))
            p.add(json_path(lpath, "forwards_to"), "expected an evaluation level of this edition, found \"" + *l.forwards_to + "\"");
        for (std::size_t k = 0; k < l.recognises.size(); ++k)
            if (!stars.contains(l.recognises[k]))
                p.add(json_path(json_path(lpath, "recognises"), k), "expected a star count with a band, found " + std::to_string(l.recognises[k]));
    }
    std::set<std::string> industries;
    for (const auto& ind : ed.classification) industries.insert(ind.id);
    for (std::size_t i = 0; i < ed.minimum_requirements.size(); ++i)
        for (std::size_t k = 0; k < ed.minimum_requirements[i].industries.size(); ++k)
            if (!industries.contains(ed.minimum_requirements[i].industries[k]))
                p.add(json_path(json_path(json_path("/minimum_requirements", i), "industries"), k),
                      "expected an industry of the classification, found \"" + ed.minimum_requirements[i].industries[k] + "\"");
}

}  // namespace

edition load_edition(std::string_view json_text) {
    return detail::load_edition(detail::parse_json(json_text));
}

edition detail::load_edition(const json::value& doc) {
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
