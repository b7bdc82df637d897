// Council analyses and campaign analytics as JSON (docs/scoring.md, "Consistency of a council",
// "Campaign analytics").

#include <boost/json/value_from.hpp>

#include "ocop/campaign_analytics_json.hpp"
#include "ocop/council_analysis_json.hpp"
#include "ocop/council_json.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace json = boost::json;

namespace detail {
/// Thresholds left out keep their documented defaults.
template <>
struct members_have_defaults<analysis_policy> : std::true_type {};
}  // namespace detail

namespace {

/// The value of `key` taken out of a copy of the object `doc` (the rest left to another reader).
json::value take(json::value& doc, std::string_view key) {
    json::value out;
    if (auto* o = doc.if_object(); o && o->contains(key)) {
        out = std::move(o->at(key));
        o->erase(key);
    }
    return out;
}

analysis_policy read_thresholds(const json::value& v, problem_list& p) {
    analysis_policy out;
    if (v.is_null()) return out;
    detail::read_json(v, "/analysis", p, out);
    check_analysis_policy(out, p);
    return out;
}

/// A council document under "/councils/<i>", with its "id" and "industry".
campaign_council_document council_entry(json::value entry, const std::string& at, problem_list& p) {
    campaign_council_document out;
    if (!entry.is_object()) {
        p.add(at, "expected an object, found " + std::string(detail::type_name(entry)));
        return out;
    }
    json::value label = json::object();  // a value: object_reader keeps a pointer into it
    for (const char* key : {"id", "industry"})
        if (entry.as_object().contains(key)) label.as_object()[key] = take(entry, key);
    {
        detail::object_reader r(label, at, p);
        detail::read_member(r, "id", p, out.id);
        detail::read_member(r, "industry", p, out.industry);
    }
    try {
        out.council = council_from_json(entry);
    } catch (const error& e) {
        p.add_all(e, at);
    }
    return out;
}

}  // namespace

council_analysis_input parse_council_analysis(std::string_view json_text) {
    json::value doc = detail::parse_json(json_text);
    problem_list p;
    council_analysis_input in;
    in.analysis = read_thresholds(take(doc, "analysis"), p);
    try {
        in.council = council_from_json(doc);
    } catch (const error& e) {
        p.add_all(e);
        p.throw_if_any(e.code());
    }
    p.throw_if_any(errc::invalid_document);
    return in;
}

council_analysis analyse_council(const catalog& cat, const council_analysis_input& input, const procedure_library& procedures) {
    scored_council s = score_council(cat, input.council.scorecards);
    return analyse_council(*s.ed, procedures.get(s.ed->id), *s.set, s.cards, input.council.policy, input.analysis);
}

json::value to_json(const council_analysis& analysis) { return detail::write_json(analysis); }

campaign_analytics_input parse_campaign_analytics(std::string_view json_text) {
    json::value doc = detail::parse_json(json_text);
    problem_list p;
    campaign_analytics_input in;
    in.analysis = read_thresholds(take(doc, "analysis"), p);
    std::vector<json::value> entries;
    {
        detail::object_reader r(doc, "", p);
        if (const auto* arr = r.array("councils"))
            for (const auto& v : *arr) entries.push_back(v);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) in.councils.push_back(council_entry(std::move(entries[i]), json_path("/councils", i), p));
    p.throw_if_any(errc::invalid_document);
    return in;
}

campaign_analytics analyse_campaign(const catalog& cat, const campaign_analytics_input& input, const procedure_library& procedures) {
    std::vector<campaign_council> councils;
    problem_list p;
    for (std::size_t i = 0; i < input.councils.size(); ++i) {
        const auto& c = input.councils[i];
        try {
            councils.push_back({c.id, c.industry, c.council.policy, score_council(cat, c.council.scorecards).cards});
        } catch (const error& e) {
            p.add_all(e, json_path("/councils", i));
            if (e.code() != errc::invalid_scorecard) p.throw_if_any(e.code());
        }
    }
    p.throw_if_any(errc::invalid_scorecard);
    return analyse_campaign(cat, councils, input.analysis, procedures);
}

json::value to_json(const campaign_analytics& analytics) { return detail::write_json(analytics); }

log_analytics_options parse_log_analytics_options(std::string_view json_text) {
    log_analytics_options out;
    if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) return out;
    json::value doc = detail::parse_json(json_text);
    problem_list p;
    out.analysis = read_thresholds(take(doc, "analysis"), p);
    {
        detail::object_reader r(doc, "", p);
        detail::read_member(r, "level", p, out.level);
    }
    p.throw_if_any(errc::invalid_document);
    return out;
}

}  // namespace ocop
