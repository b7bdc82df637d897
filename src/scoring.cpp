// Scoring one scorecard: points per criterion, section and part, knock-outs, and the explanation.

#include "ocop/scoring.hpp"

#include <algorithm>
#include <functional>
#include <vector>

#include "ocop/detail/member_cards.hpp"
#include "ocop/detail/sheet_result.hpp"
#include "ocop/error.hpp"
#include "ocop/star_minimums.hpp"

namespace ocop {

namespace {

std::string answer_path(const std::string& criterion_id) { return json_path("/answers", criterion_id); }

/// Finds the level an answer names, reporting precisely what is wrong with it.
const level* resolve(const criterion& c, const answer& a, problem_list& p) {
    const auto path = [&c] { return answer_path(c.id); };  // made only for a problem
    auto find_in = [&](const std::vector<level>& levels) -> const level* {
        for (const auto& l : levels)
            if (l.id == a.level) return &l;
        return nullptr;
    };
    if (!c.has_cases()) {
        if (a.case_id) p.add(path(), "criterion " + c.id + " has no cases, found case \"" + *a.case_id + "\"");
        if (const level* l = find_in(c.levels)) return l;
        p.add(path(), "level \"" + a.level + "\" is not a level of criterion " + c.id);
        return nullptr;
    }
    if (!a.case_id) {
        p.add(path(), "criterion " + c.id + " is either/or: expected {\"case\": ..., \"level\": ...}");
        return nullptr;
    }
    auto chosen = std::find_if(c.cases.begin(), c.cases.end(), [&](const criterion_case& k) { return k.id == *a.case_id; });
    if (chosen == c.cases.end()) {
        p.add(path(), "case \"" + *a.case_id + "\" is not a case of criterion " + c.id);
        return nullptr;
    }
    if (const level* l = find_in(chosen->levels)) return l;
    for (const auto& other : c.cases)
        if (other.id != chosen->id && find_in(other.levels))
            p.add(path(), "level \"" + a.level + "\" belongs to case \"" + other.id + "\" of criterion " + c.id + ", not to case \"" +
                            chosen->id + "\"");
    if (std::none_of(c.cases.begin(), c.cases.end(), [&](const criterion_case& k) { return k.id != chosen->id && find_in(k.levels); }))
        p.add(path(), "level \"" + a.level + "\" is not a level of criterion " + c.id + " case \"" + chosen->id + "\"");
    return nullptr;
}

bool condition_holds(const applicability& cond, const scorecard& card) {
    auto it = card.answers.find(cond.criterion);
    return it != card.answers.end() &&
           std::find(cond.levels.begin(), cond.levels.end(), it->second.level) != cond.levels.end();
}

bool rule_triggers(const knockout_rule& rule, const scorecard& card) {
    if (rule.trigger == trigger_kind::declared) return card.declares(rule.id);
    return std::any_of(rule.trigger_levels.begin(), rule.trigger_levels.end(), [&](const level_ref& ref) {
        auto it = card.answers.find(ref.criterion);
        return it != card.answers.end() && !it->second.case_id && it->second.level == ref.level;
    });
}

void add_to(std::vector<subtotal>& totals, const std::string& id, int points, int max_points) {
    auto it = std::find_if(totals.begin(), totals.end(), [&](const subtotal& s) { return s.id == id; });
    if (it == totals.end()) totals.push_back({id, points, max_points});
    else {
        it->points += points;
        it->max_points += max_points;
    }
}

/// The stars a council of this one scorecard would give (council.cpp with one member): the band
/// of the total, 0 after a knock-out, lowered by the minimums per star not reached.
void rank(const edition& ed, const product_set& set, scorecard_result& r) {
    r.band_stars = ed.band_for(r.total, 1).stars;
    r.stars = r.outcome == evaluation_outcome::evaluated ? r.band_stars : 0;
    minimum_check check{[&r](const star_minimum& m) { return r.criteria[m.criterion_index].points >= m.at_least_points; },
                        [&r](const star_minimum& m) { return std::to_string(r.criteria[m.criterion_index].points); },
                        "the scorecard gives"};
    r.caps = apply_star_minimums(ed, set, r.stars, check);
}

/// The card is for this edition and set, and the set has a sheet.
void check_target(const edition& ed, const product_set& set, const scorecard& card) {
    if (card.edition != ed.id)
        throw error(errc::invalid_scorecard, "/edition", "scorecard is for edition \"" + card.edition + "\", not \"" + ed.id + "\"");
    if (card.set != set.id)
        throw error(errc::invalid_scorecard, "/set", "scorecard is for set \"" + card.set + "\", not \"" + set.id + "\"");
    if (set.status == set_status::unavailable)
        throw error(errc::unavailable, "/set", "set \"" + set.id + "\" (" + set.name + ") has no score sheet: it cannot be scored");
}

/// Each criterion's answer in `card` (nullptr: none), in sheet order: looked up once per criterion, for
/// the name check and the criterion's judgement alike. The sheet's order mostly follows the answers'
/// (1.1, 1.2, ... 9.2 and then 10, 11), so the answer after the last one found is tried first.
std::vector<const answer*> answers_by_criterion(const product_set& set, const scorecard& card) {
    std::vector<const answer*> out;
    out.reserve(set.criteria.size());
    auto next = card.answers.begin();
    for (const auto& c : set.criteria) {
        auto it = next != card.answers.end() && next->first == c.id ? next : card.answers.find(c.id);
        if (it == card.answers.end()) {
            out.push_back(nullptr);
            continue;
        }
        out.push_back(&it->second);
        next = std::next(it);
    }
    return out;
}

/// Whether every answer names a criterion of the set: the answers found by criterion
/// (answers_by_criterion, O(criteria x log answers), where looking each answer up in the sheet is
/// O(answers x criteria)) are all of them, each counted once (a set built by hand may repeat an id).
bool every_answer_named(const scorecard& card, std::vector<const answer*> found) {
    std::erase(found, nullptr);
    std::sort(found.begin(), found.end(), std::less<>());  // a total order on pointers
    return static_cast<std::size_t>(std::unique(found.begin(), found.end()) - found.begin()) == card.answers.size();
}

/// Every answer names a criterion of the set, every declared knock-out a declared rule of it.
/// `given`: answers_by_criterion(set, card).
void check_names(const product_set& set, const scorecard& card, const std::vector<const answer*>& given, problem_list& p) {
    if (!every_answer_named(card, given))
        for (const auto& [id, a] : card.answers)
            if (!set.find(id)) p.add(answer_path(id), "unknown criterion \"" + id + "\" in set " + set.id);
    auto declared_rule = [](const std::string& rule_id) {
        return [&rule_id](const knockout_rule& k) { return k.id == rule_id && k.trigger == trigger_kind::declared; };
    };
    for (std::size_t i = 0; i < card.declared_knockouts.size(); ++i) {
        const auto& rule_id = card.declared_knockouts[i];
        bool known = std::any_of(set.criteria.begin(), set.criteria.end(), [&](const criterion& c) {
            return std::any_of(c.knockouts.begin(), c.knockouts.end(), declared_rule(rule_id));
        }) || std::any_of(set.knockouts.begin(), set.knockouts.end(), declared_rule(rule_id));
        if (!known) p.add("/knockouts/" + std::to_string(i), "unknown declared knock-out \"" + rule_id + "\" in set " + set.id);
    }
}

/// What one criterion of the sheet gives a card: not evaluated after a stop, not applicable, or
/// scored (with the level answered, when the answer resolves; problems otherwise).
struct criterion_outcome {
    criterion_state state = criterion_state::scored;
    const answer* given = nullptr;
    const level* chosen = nullptr;
};

/// `given`: the card's answer to `c`, or nullptr.
criterion_outcome judge_criterion(const criterion& c, const answer* given, const scorecard& card, bool stopped, problem_list& p) {
    criterion_outcome o;
    o.given = given;
    if (stopped) {
        o.state = criterion_state::not_evaluated;
    } else if (c.applies_if && !condition_holds(*c.applies_if, card)) {
        o.state = criterion_state::not_applicable;
        if (o.given) p.add(answer_path(c.id), "criterion " + c.id + " does not apply (" + c.applies_if->text + "): expected no answer");
    } else if (!o.given) {
        p.add(answer_path(c.id), "missing answer for criterion " + c.id + " (" + c.title + ")");
    } else {
        o.chosen = resolve(c, *o.given, p);
    }
    return o;
}

/// The explanation of one criterion's points.
criterion_score explain(const criterion& c, const product_set& set, const criterion_outcome& o, const std::string* stopped_at) {
    criterion_score cs{c.id, c.title, c.part, c.section, o.state, {}, {}, {}, 0, c.max_points(), {}, set.origin.sheet, c.verified};
    if (o.state == criterion_state::not_evaluated)
        cs.reason = "evaluation stopped at criterion " + *stopped_at + (o.given ? "; the answer given is ignored" : "");
    else if (o.state == criterion_state::not_applicable) cs.reason = c.applies_if->text;
    else if (o.chosen) {
        cs.case_id = o.given->case_id;
        cs.level = o.chosen->id;
        cs.level_label = o.chosen->label;
        cs.points = o.chosen->points;
    }
    return cs;
}

/// Scores a card against the sheet, for score() and scored_card() alike: checks its target and
/// names, calls on_criterion(criterion, outcome, stopped_at) for each criterion in sheet order and
/// on_knockout(rule, criterion or nullptr) for each knock-out it triggers (a criterion's as it is
/// scored; the whole set's, "Hồ sơ bị loại khi: ...", 26/2026/QĐ-TTg, after every criterion).
/// Throws error(errc::invalid_scorecard) with every problem of the answers.
template <class OnCriterion, class OnKnockout>
void walk_sheet(const edition& ed, const product_set& set, const scorecard& card, OnCriterion&& on_criterion, OnKnockout&& on_knockout) {
    check_target(ed, set, card);
    problem_list p;
    const std::vector<const answer*> given = answers_by_criterion(set, card);
    check_names(set, card, given, p);
    const std::string* stopped_at = nullptr;
    for (std::size_t i = 0; i < set.criteria.size(); ++i) {
        const criterion& c = set.criteria[i];
        const criterion_outcome o = judge_criterion(c, given[i], card, stopped_at != nullptr, p);
        on_criterion(c, o, stopped_at);
        if (o.state == criterion_state::scored)
            for (const auto& rule : c.knockouts)
                if (rule_triggers(rule, card)) {
                    on_knockout(rule, &c);
                    if (rule.outcome == knockout_outcome::evaluation_stopped) stopped_at = &c.id;
                }
    }
    p.throw_if_any(errc::invalid_scorecard);
    for (const auto& rule : set.knockouts)
        if (rule_triggers(rule, card)) on_knockout(rule, nullptr);
}

/// The outcome the knock-outs give.
void set_outcome(scorecard_result& r) {
    auto has = [&](knockout_outcome o) {
        return std::any_of(r.knockouts.begin(), r.knockouts.end(), [&](const knockout_hit& k) { return k.outcome == o; });
    };
    if (has(knockout_outcome::eliminated)) r.outcome = evaluation_outcome::eliminated;
    else if (has(knockout_outcome::evaluation_stopped)) r.outcome = evaluation_outcome::evaluation_stopped;
}

}  // namespace

scorecard_result score(const edition& ed, const product_set& set, const scorecard& card) {
    auto r = detail::sheet_result<scorecard_result>(ed, set);
    r.evaluator = card.evaluator;
    walk_sheet(
        ed, set, card,
        [&](const criterion& c, const criterion_outcome& o, const std::string* stopped_at) {
            criterion_score cs = explain(c, set, o, stopped_at);
            r.total += cs.points;
            r.max_total += cs.max_points;
            add_to(r.sections, c.section, cs.points, cs.max_points);
            add_to(r.parts, c.part, cs.points, cs.max_points);
            r.criteria.push_back(std::move(cs));
        },
        [&](const knockout_rule& rule, const criterion* c) {
            r.knockouts.push_back({rule.id, c ? c->id : std::string(), rule.outcome, rule.text, rule.source});
        });
    set_outcome(r);
    rank(ed, set, r);
    return r;
}

member_card detail::scored_card(const edition& ed, const product_set& set, const scorecard& card) {
    member_card out;
    out.evaluator = card.evaluator;
    out.points.reserve(set.criteria.size());
    walk_sheet(
        ed, set, card,
        [&](const criterion&, const criterion_outcome& o, const std::string*) {
            out.points.push_back(static_cast<std::uint8_t>(o.state == criterion_state::scored && o.chosen ? o.chosen->points : 0));
        },
        [&](const knockout_rule& rule, const criterion*) { out.knockouts.push_back(rule.id); });
    return out;
}

scorecard_result score(const catalog& cat, const scorecard& card) {
    const auto& editions = cat.editions();
    auto found = std::find_if(editions.begin(), editions.end(), [&](const edition& e) { return e.id == card.edition; });
    if (found == editions.end()) throw error(errc::not_found, "/edition", "no edition with id \"" + card.edition + "\" in the catalog");
    return score(*found, found->require_set(card.set, "/set"), card);
}

}  // namespace ocop
