// Listings for callers that build their own input (the C ABI, Python): the sets of an edition and
// the layout of a compiled sheet.

#include <boost/json/value.hpp>

#include "ocop/batch.hpp"
#include "ocop/batch_json.hpp"
#include "ocop/catalog.hpp"
#include "ocop/catalog_json.hpp"

namespace ocop {

namespace json = boost::json;

std::vector<set_summary> set_summaries(const edition& ed) {
    std::vector<set_summary> out;
    out.reserve(ed.sets.size());
    for (const auto& s : ed.sets)
        out.push_back({s.id, s.code, s.name, s.industry, s.group, s.status, s.criteria.size(),
                       s.verified ? std::optional<verification_status>(s.verified->status) : std::nullopt});
    return out;
}

json::value to_json(const std::vector<set_summary>& sets) {
    json::array arr;
    for (const auto& s : sets) {
        json::object o{{"id", s.id},     {"code", s.code}, {"name", s.name}, {"industry", s.industry}, {"group", s.group},
                       {"status", to_string(s.status)}, {"criteria", s.criteria}};
        if (s.verification) o["verification"] = to_string(*s.verification);
        arr.push_back(std::move(o));
    }
    return arr;
}

json::value to_json(const compiled_sheet& sheet) {
    json::array slots;
    for (std::size_t i = 0; i < sheet.slots(); ++i) {
        json::array options;
        for (const auto& o : sheet.options(i)) {
            json::object opt;
            if (o.case_id) opt["case"] = *o.case_id;
            opt["level"] = o.level;
            opt["points"] = o.points;
            options.push_back(std::move(opt));
        }
        slots.push_back(json::object{{"criterion", sheet.criterion_id(i)}, {"options", std::move(options)}});
    }
    return json::object{{"edition", sheet.edition_id()},
                        {"set", sheet.set_id()},
                        {"status", to_string(sheet.sheet_status())},
                        {"no_answer", static_cast<int>(no_answer)},
                        {"max_total", sheet.max_total()},
                        {"slots", std::move(slots)}};
}

}  // namespace ocop
