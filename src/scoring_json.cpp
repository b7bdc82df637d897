// Scorecards and their results as JSON (format in docs/scoring.md).

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <boost/json/value_from.hpp>

#include "ocop/detail/canonical_read.hpp"
#include "ocop/detail/canonical_text.hpp"
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

void detail::append_canonical_scorecard(std::string& out, const scorecard& card) {
    // The keys and order of to_json(scorecard) above.
    out += "{\"edition\":";
    append_json_string(out, card.edition);
    out += ",\"set\":";
    append_json_string(out, card.set);
    if (!card.evaluator.empty()) {
        out += ",\"evaluator\":";
        append_json_string(out, card.evaluator);
    }
    out += ",\"answers\":{";
    bool first = true;
    for (const auto& [id, a] : card.answers) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, id);
        out += ':';
        if (a.case_id) {
            out += "{\"case\":";
            append_json_string(out, *a.case_id);
            out += ",\"level\":";
            append_json_string(out, a.level);
            out += '}';
        } else {
            append_json_string(out, a.level);
        }
    }
    out += '}';
    if (!card.declared_knockouts.empty()) {
        out += ",\"knockouts\":";
        append_canonical(out, card.declared_knockouts);
    }
    out += '}';
}

namespace {

/// The keys of a scorecard, in the order append_canonical_scorecard writes them.
struct scorecard_keys {
    detail::schema_key edition{"edition"}, set{"set"}, evaluator{"evaluator"}, answers{"answers"}, knockouts{"knockouts"};
    detail::schema_key case_id{"case"}, level{"level"};
};

const scorecard_keys& keys() {
    static const scorecard_keys k;
    return k;
}

/// One answer as append_canonical_scorecard writes it: "level" or {"case":"c","level":"l"}.
template <class Cursor>
bool read_canonical_answer(Cursor& in, answer& out) {
    if (!in.peek('{')) return detail::read_canonical(in, out.level);
    std::string case_id;
    if (!in.literal('{') || !in.key(keys().case_id) || !detail::read_canonical(in, case_id)) return false;
    out.case_id = std::move(case_id);
    return in.literal(',') && in.key(keys().level) && detail::read_canonical(in, out.level) && in.literal('}');
}

/// Reads the answers into `out`, overwriting in place the answers it held while their ids are the
/// ones read (a scorecard of the same set read into again: no node made, freed or moved), and
/// dropping the rest from the first id that differs.
template <class Cursor>
bool read_canonical_answers(Cursor& in, std::map<std::string, answer, std::less<>>& out) {
    if (!in.literal('{')) return false;
    auto at = out.begin();  // the next answer held, while every id read so far matched
    const std::string* last = nullptr;
    std::string id;
    while (!in.literal('}')) {
        if (last && !in.literal(',')) return false;
        if (!detail::read_canonical(in, id) || !in.literal(':')) return false;
        if (last && !(*last < id)) return false;  // the map's order, each id once
        if (at == out.end() || at->first != id) {
            out.erase(at, out.end());
            at = out.emplace_hint(out.end(), std::move(id), answer{});
        }
        at->second.case_id.reset();
        if (!read_canonical_answer(in, at->second)) return false;
        last = &at->first;
        ++at;
    }
    out.erase(at, out.end());
    return true;
}

bool declared_once(const std::vector<std::string>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), ids[i]) != ids.begin() + static_cast<std::ptrdiff_t>(i))
            return false;
    return true;
}

/// `,"name":` consumed whole, or nothing.
template <class Cursor>
bool next_key(Cursor& in, const detail::schema_key& key) {
    const char* at = in.position();
    if (in.literal(',') && in.key(key)) return true;
    in.rewind(at);
    return false;
}

}  // namespace

template <class Cursor>
bool detail::read_canonical_scorecard(Cursor& in, scorecard& out) {
    // The keys and order of append_canonical_scorecard above.
    const scorecard_keys& k = keys();
    if (!in.literal('{') || !in.key(k.edition) || !read_canonical(in, out.edition)) return false;
    if (!next_key(in, k.set) || !read_canonical(in, out.set)) return false;
    out.evaluator.clear();
    if (next_key(in, k.evaluator) && !read_canonical(in, out.evaluator)) return false;
    if (!next_key(in, k.answers) || !read_canonical_answers(in, out.answers)) return false;
    out.declared_knockouts.clear();
    if (next_key(in, k.knockouts) &&
        (!read_canonical(in, out.declared_knockouts) || out.declared_knockouts.empty() || !declared_once(out.declared_knockouts)))
        return false;
    return in.literal('}');
}

template bool detail::read_canonical_scorecard(detail::canonical_cursor&, scorecard&);
template bool detail::read_canonical_scorecard(detail::coded_cursor&, scorecard&);

json::value to_json(const scorecard_result& result) { return detail::write_json(result); }

}  // namespace ocop
