// Advice requests and advice as JSON (format in docs/scoring.md).

#include "ocop/advise.hpp"
#include "ocop/advise_json.hpp"
#include "ocop/council_json.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"
#include "ocop/scoring_json.hpp"

namespace ocop {

namespace json = boost::json;
using detail::object_reader;

namespace {

/// Runs a parser of a member's document (which gives paths within that document), keeping its
/// problems under `path`.
template <class F>
void read_part(std::string_view path, problem_list& p, F&& parse) {
    try {
        parse();
    } catch (const error& e) {
        p.add_all(e, path);
    }
}

/// {criterion id: cost}; the costs' range is checked with the request's other options (advise()).
void read_weights(const json::value& v, const std::string& path, problem_list& p, advice_options& options) {
    const auto* obj = v.if_object();
    if (!obj) {
        p.add(path, "expected an object mapping criterion ids to costs, found " + std::string(detail::type_name(v)));
        return;
    }
    for (const auto& kv : *obj)
        if (auto w = detail::read_integer(kv.value(), json_path(path, kv.key()), 0, 1'000'000, p))
            options.weights.emplace(std::string(kv.key()), *w);
}

}  // namespace

advice_request parse_advice_request(std::string_view json_text) {
    json::value doc = detail::parse_json(json_text);
    problem_list p;
    advice_request request;
    {
        object_reader r(doc, "", p);
        detail::read_member(r, "target", p, request.options.target_stars);
        std::optional<int> alternatives;
        detail::read_member(r, "alternatives", p, alternatives);
        if (alternatives) detail::check_range(p, "/alternatives", *alternatives, 1, 20);
        if (alternatives && *alternatives > 0) request.options.alternatives = static_cast<std::size_t>(*alternatives);
        if (const auto* w = r.value("weights", false)) read_weights(*w, "/weights", p, request.options);
        if (const auto* card = r.value("scorecard", false))
            read_part("/scorecard", p, [&] { request.card = scorecard_from_json(*card); });
        if (const auto* council = r.value("council", false))
            read_part("/council", p, [&] { request.council = council_from_json(*council); });
        if (request.card.has_value() == request.council.has_value() && p.empty())
            p.add("", "expected exactly one of \"scorecard\" (one evaluator's scorecard) and \"council\" ({\"policy\", \"scorecards\"})");
    }
    p.throw_if_any(errc::invalid_document);
    return request;
}

json::value to_json(const advice& a) { return detail::write_json(a); }

}  // namespace ocop
