// Writing sheets and editions back in the catalog format (what the loaders accept), through the
// described writer: absent optionals are left out, members in declaration order.

#include "ocop/catalog_json.hpp"
#include "ocop/detail/described_json.hpp"

namespace ocop {

namespace json = boost::json;
using detail::write_json;

namespace {

template <class T>
void put_optional(json::object& o, std::string_view key, const std::optional<T>& v) {
    if (v) o[key] = write_json(*v);
}

json::value knockout_json(const knockout_rule& k) {
    json::object trigger{{"kind", write_json(k.trigger)}};
    if (k.trigger == trigger_kind::levels) trigger["levels"] = write_json(k.trigger_levels);
    return json::object{{"id", k.id}, {"outcome", write_json(k.outcome)}, {"trigger", std::move(trigger)}, {"text", k.text}, {"source", k.source}};
}

json::value knockouts_json(const std::vector<knockout_rule>& rules) {
    json::array out;
    for (const auto& k : rules) out.push_back(knockout_json(k));
    return out;
}

json::value criterion_json(const criterion& c) {
    json::object o;
    o["id"] = c.id;
    o["title"] = c.title;
    put_optional(o, "heading", c.group_heading);
    put_optional(o, "printed_number", c.printed_number);
    put_optional(o, "note", c.note);
    if (!c.evidence_guidance.empty()) o["evidence_guidance"] = write_json(c.evidence_guidance);
    if (c.has_cases()) o["cases"] = write_json(c.cases);
    else o["levels"] = write_json(c.levels);
    if (!c.knockouts.empty()) o["knockouts"] = knockouts_json(c.knockouts);
    put_optional(o, "applies_if", c.applies_if);
    if (!c.min_star_levels.empty()) o["min_star_levels"] = write_json(c.min_star_levels);
    put_optional(o, "verification", c.verified);
    return o;
}

json::value section_json(const product_set& s, const section& sec) {
    json::object so{{"id", sec.id}, {"part", sec.part}, {"title", sec.title}};
    put_optional(so, "note", sec.note);
    json::array crits;
    for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) crits.push_back(criterion_json(s.criteria[i]));
    so["criteria"] = std::move(crits);
    return so;
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
    o["status"] = write_json(s.status);
    o["gaps"] = write_json(s.gaps);
    // The 26/2026 additions, written only when present (1048-781 sheets come back byte for byte).
    if (!s.readings.empty()) o["readings"] = write_json(s.readings);
    if (!s.notes.empty()) o["notes"] = write_json(s.notes);
    if (!s.knockouts.empty()) o["knockouts"] = knockouts_json(s.knockouts);
    o["provenance"] = write_json(s.origin);
    put_optional(o, "verification", s.verified);
    json::array sections;
    for (const auto& sec : s.sections) sections.push_back(section_json(s, sec));
    o["sections"] = std::move(sections);
    o["minimum_requirements"] = write_json(s.minimum_requirements);
    return o;
}

json::value to_json_summary(const edition& ed) {
    json::object o;
    o["id"] = ed.id;
    o["name"] = ed.name;
    json::array refs;
    for (const auto& r : ed.legal_references) refs.push_back(json::object{{"id", r.id}, {"title", r.title}, {"signed", write_json(r.signed_on)}});
    o["legal_references"] = std::move(refs);
    o["valid_from"] = write_json(ed.valid_from);
    put_optional(o, "valid_until", ed.valid_until);
    o["parts"] = write_json(ed.parts);
    o["star_bands"] = write_json(ed.star_bands);
    o["bands_source"] = ed.bands_source;
    o["minimum_requirements"] = write_json(ed.minimum_requirements);
    o["classification"] = write_json(ed.classification);
    o["dossier_documents"] = write_json(ed.dossier_documents);
    json::array sets;
    for (const auto& s : ed.sets) {
        json::object so{{"id", s.id}, {"code", s.code}, {"name", s.name}, {"industry", s.industry}, {"status", write_json(s.status)}};
        if (s.verified) so["verification"] = write_json(s.verified->status);
        sets.push_back(std::move(so));
    }
    o["sets"] = std::move(sets);
    put_optional(o, "other_sets_unavailable", ed.other_sets_unavailable);
    return o;
}

}  // namespace ocop
