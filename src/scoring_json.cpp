// Scorecards and their results as JSON (format in docs/scoring.md).

#include <string_view>
#include <unordered_map>

#include <boost/json/value_from.hpp>

#include "ocop/detail/described_json.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"

namespace ocop {

namespace json = boost::json;
using detail::object_reader;

namespace {

/// A knock-out declared twice is refused at its second place (a scorecard says each fact once).
void refuse_repeated_knockouts(const std::vector<std::string>& ids, const std::string& path, problem_list& p) {
    std::unordered_map<std::string_view, std::size_t> first_place;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto [first, inserted] = first_place.try_emplace(ids[i], i);
        if (!inserted)
            p.add(path + "/" + std::to_string(i), "knock-out \"" + ids[i] + "\" is declared twice (first at " + path + "/" +
                                                      std::to_string(first->second) + ")");
    }
}

}  // namespace

scorecard scorecard_from_json(const json::value& doc, std::string_view path) {
    problem_list p;
    scorecard card;
    {
        object_reader r(doc, std::string(path), p);
        detail::read_member(r, "edition", p, card.edition);
        detail::read_member(r, "set", p, card.set);
        std::optional<std::string> evaluator;
        detail::read_member(r, "evaluator", p, evaluator);
        card.evaluator = evaluator.value_or("");
        if (const auto* answers = r.value("answers")) {
            if (const auto* obj = answers->if_object()) {
                for (const auto& kv : *obj) {
                    std::string apath = json_path(r.path_of("answers"), kv.key());
                    answer a;
                    if (kv.value().is_string()) {
                        a.level = detail::read_string(kv.value(), apath, p);
                    } else if (!kv.value().is_object()) {
                        p.add(apath, "expected a level id (a string) or {\"case\": ..., \"level\": ...}, found " +
                                         std::string(detail::type_name(kv.value())));
                    } else {
                        object_reader ar(kv.value(), apath, p);
                        std::string case_id;
                        detail::read_member(ar, "case", p, case_id);
                        a.case_id = std::move(case_id);
                        detail::read_member(ar, "level", p, a.level);
                    }
                    card.answers.emplace(std::string(kv.key()), std::move(a));
                }
            } else {
                r.report("answers", "expected an object mapping criterion ids to level ids, found " +
                                        std::string(detail::type_name(*answers)));
            }
        }
        detail::read_member(r, "knockouts", p, card.declared_knockouts, false);
        refuse_repeated_knockouts(card.declared_knockouts, r.path_of("knockouts"), p);
    }
    p.throw_if_any(errc::invalid_document);
    return card;
}

scorecard parse_scorecard(std::string_view json_text) { return scorecard_from_json(detail::parse_json(json_text)); }

json::value to_json(const scorecard& card) {
    json::object answers;
    for (const auto& [id, a] : card.answers) {
        if (a.case_id) answers[id] = json::object{{"case", *a.case_id}, {"level", a.level}};
        else answers[id] = a.level;
    }
    json::object o{{"edition", card.edition}, {"set", card.set}};
    if (!card.evaluator.empty()) o["evaluator"] = card.evaluator;
    o["answers"] = std::move(answers);
    if (!card.declared_knockouts.empty()) o["knockouts"] = json::value_from(card.declared_knockouts);
    return o;
}

json::value to_json(const scorecard_result& result) { return detail::write_json(result); }

}  // namespace ocop
