// Council documents and results as JSON (format in docs/scoring.md).

#include <boost/json/value_from.hpp>

#include "ocop/council.hpp"
#include "ocop/detail/enum_text.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace json = boost::json;
using detail::object_reader;

council_input parse_council(std::string_view json_text) {
    json::value doc = detail::parse_json(json_text);
    problem_list p;
    council_input in;
    std::vector<const json::value*> cards;
    {
        object_reader r(doc, "", p);
        if (const auto* pol = r.value("policy", false)) {
            object_reader pr(*pol, "/policy", p);
            const council_policy d;
            in.policy.divergence_limit = static_cast<int>(pr.optional_integer("divergence_limit", 0, 100).value_or(d.divergence_limit));
            in.policy.minimum_members = static_cast<int>(pr.optional_integer("minimum_members", 1, 1000).value_or(d.minimum_members));
            in.policy.display_decimals = static_cast<int>(pr.optional_integer("display_decimals", 0, 6).value_or(d.display_decimals));
            if (pr.is_object() && pr.value("knockouts", false)) in.policy.knockouts = detail::read_enum(pr, "knockouts", d.knockouts);
            in.policy.level = pr.optional_string("level").value_or(d.level);
        }
        if (const auto* arr = r.array("scorecards"))
            for (const auto& v : *arr) cards.push_back(&v);
    }
    p.throw_if_any(errc::invalid_document);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        try {
            in.scorecards.push_back(scorecard_from_json(*cards[i], json_path("/scorecards", i)));
        } catch (const error& e) {
            for (const auto& pr : e.problems()) p.add(pr.path, pr.message);
        }
    }
    p.throw_if_any(errc::invalid_document);
    return in;
}

council_result evaluate_council(const catalog& cat, const council_input& input) {
    if (input.scorecards.empty()) throw error(errc::invalid_council, "/scorecards", "a council needs at least one scorecard, found none");
    const edition& ed = cat.get(input.scorecards.front().edition);
    const product_set* set = ed.find_set(input.scorecards.front().set);
    if (!set) throw error(errc::not_found, "/scorecards/0/set", "no set \"" + input.scorecards.front().set + "\" in edition " + ed.id);
    problem_list p;
    std::vector<scorecard_result> results;
    for (std::size_t i = 0; i < input.scorecards.size(); ++i) {
        try {
            results.push_back(score(ed, *set, input.scorecards[i]));
        } catch (const error& e) {
            for (const auto& pr : e.problems()) p.add(json_path("/scorecards", i) + pr.path, pr.message);
        }
    }
    p.throw_if_any(errc::invalid_scorecard);
    return aggregate(ed, *set, results, input.policy);
}

json::value to_json(const council_result& result) { return json::value_from(result); }

}  // namespace ocop
