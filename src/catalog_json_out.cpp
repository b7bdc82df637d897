// Writing sheets and editions back in the catalog format (what the loaders accept).

#include <boost/json/value_from.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/enum_text.hpp"

namespace ocop {

namespace json = boost::json;

namespace {

void put_optional(json::object& o, std::string_view key, const std::optional<std::string>& v) {
    if (v) o[key] = *v;
}

json::value criterion_json(const criterion& c) {
    json::object o;
    o["id"] = c.id;
    o["title"] = c.title;
    if (c.group_heading) o["heading"] = json::value_from(*c.group_heading);
    put_optional(o, "printed_number", c.printed_number);
    put_optional(o, "note", c.note);
    if (!c.evidence_guidance.empty()) o["evidence_guidance"] = json::value_from(c.evidence_guidance);
    if (c.has_cases()) o["cases"] = json::value_from(c.cases);
    else o["levels"] = json::value_from(c.levels);
    if (!c.knockouts.empty()) {
        json::array rules;
        for (const auto& k : c.knockouts) {
            json::object trigger{{"kind", detail::enum_name(k.trigger)}};
            if (k.trigger == trigger_kind::levels) trigger["levels"] = json::value_from(k.trigger_levels);
            rules.push_back(json::object{{"id", k.id}, {"outcome", detail::enum_name(k.outcome)}, {"trigger", std::move(trigger)},
                                         {"text", k.text}, {"source", k.source}});
        }
        o["knockouts"] = std::move(rules);
    }
    if (c.applies_if)
        o["applies_if"] = json::object{{"criterion", c.applies_if->criterion}, {"levels", json::value_from(c.applies_if->levels)},
                                       {"text", c.applies_if->text}, {"source", c.applies_if->source}};
    return o;
}

json::value gap_json(const data_gap& g) {
    json::object o{{"kind", g.kind}};
    put_optional(o, "part", g.part);
    put_optional(o, "criterion", g.criterion);
    o["text"] = g.text;
    return o;
}

}  // namespace

json::value to_json(const product_set& s) {
    json::object o;
    o["id"] = s.id;
    o["code"] = s.code;
    o["name"] = s.name;
    o["industry"] = s.industry;
    o["group"] = s.group;
    put_optional(o, "lead_ministry", s.lead_ministry);
    o["status"] = detail::enum_name(s.status);
    json::array gaps;
    for (const auto& g : s.gaps) gaps.push_back(gap_json(g));
    o["gaps"] = std::move(gaps);
    o["provenance"] = json::value_from(s.origin);
    json::array sections;
    for (const auto& sec : s.sections) {
        json::object so{{"id", sec.id}, {"part", sec.part}, {"title", sec.title}};
        put_optional(so, "note", sec.note);
        json::array crits;
        for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) crits.push_back(criterion_json(s.criteria[i]));
        so["criteria"] = std::move(crits);
        sections.push_back(std::move(so));
    }
    o["sections"] = std::move(sections);
    o["minimum_requirements"] = json::value_from(s.minimum_requirements);
    return o;
}

json::value to_json_summary(const edition& ed) {
    json::object o;
    o["id"] = ed.id;
    o["name"] = ed.name;
    json::array refs;
    for (const auto& r : ed.legal_references)
        refs.push_back(json::object{{"id", r.id}, {"title", r.title}, {"signed", r.signed_on.to_string()}});
    o["legal_references"] = std::move(refs);
    o["valid_from"] = ed.valid_from.to_string();
    o["valid_until"] = ed.valid_until ? json::value(ed.valid_until->to_string()) : json::value(nullptr);
    o["parts"] = json::value_from(ed.parts);
    o["star_bands"] = json::value_from(ed.star_bands);
    o["bands_source"] = ed.bands_source;
    o["certificate_validity_months"] = ed.certificate_validity_months;
    o["certificate_source"] = ed.certificate_source;
    json::array levels;
    for (const auto& l : ed.evaluation_levels) {
        json::object lo{{"id", l.id}, {"name", l.name}, {"recognises", json::value_from(l.recognises)}};
        if (l.forwards_to) {
            lo["forwards_to"] = *l.forwards_to;
            lo["forwards_at_least"] = *l.forwards_at_least;
        }
        lo["source"] = l.source;
        levels.push_back(std::move(lo));
    }
    o["evaluation_levels"] = std::move(levels);
    o["minimum_requirements"] = json::value_from(ed.minimum_requirements);
    o["classification"] = json::value_from(ed.classification);
    o["dossier_documents"] = json::value_from(ed.dossier_documents);
    json::array sets;
    for (const auto& s : ed.sets)
        sets.push_back(json::object{{"id", s.id}, {"code", s.code}, {"name", s.name}, {"industry", s.industry},
                                    {"status", detail::enum_name(s.status)}});
    o["sets"] = std::move(sets);
    return o;
}

}  // namespace ocop
