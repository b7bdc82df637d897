// Council documents and results as JSON (format in docs/scoring.md).

#include <boost/json/value_from.hpp>

#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/detail/council_policy_json.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"
#include "ocop/scoring_json.hpp"

namespace ocop {

namespace json = boost::json;
using detail::object_reader;

council_input parse_council(std::string_view json_text) { return council_from_json(detail::parse_json(json_text)); }

council_input council_from_json(const json::value& doc) {
    problem_list p;
    council_input in;
    std::vector<const json::value*> cards;
    {
        object_reader r(doc, "", p);
        std::optional<council_policy> policy;
        detail::read_member(r, "policy", p, policy);
        if (policy) {
            detail::check_council_policy(*policy, "/policy", p);
            in.policy = std::move(*policy);
        }
        if (const auto* arr = r.array("scorecards"))
            for (const auto& v : *arr) cards.push_back(&v);
    }
    p.throw_if_any(errc::invalid_document);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        try {
            in.scorecards.push_back(scorecard_from_json(*cards[i], json_path("/scorecards", i)));
        } catch (const error& e) {
            p.add_all(e);
        }
    }
    p.throw_if_any(errc::invalid_document);
    return in;
}

scored_council score_council(const catalog& cat, const std::vector<scorecard>& cards) {
    if (cards.empty()) throw error(errc::invalid_council, "/scorecards", "a council needs at least one scorecard, found none");
    const edition& ed = cat.get(cards.front().edition);
    scored_council out{&ed, &ed.require_set(cards.front().set, "/scorecards/0/set"), {}};
    problem_list p;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        try {
            out.cards.push_back(score(ed, *out.set, cards[i]));
        } catch (const error& e) {
            p.add_all(e, json_path("/scorecards", i));
        }
    }
    p.throw_if_any(errc::invalid_scorecard);
    return out;
}

council_result evaluate_council(const catalog& cat, const council_input& input, const procedure_library& procedures) {
    scored_council s = score_council(cat, input.scorecards);
    return aggregate(*s.ed, procedures.get(s.ed->id), *s.set, s.cards, input.policy);
}

json::value to_json(const council_result& result) { return detail::write_json(result); }

}  // namespace ocop
