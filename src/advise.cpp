// "What lifts this product a star": the criteria as they stand, the minimums the target requires,
// and the exact search for the smallest sets of improvements (docs/scoring.md).

#include "ocop/advise.hpp"

#include <algorithm>

#include "ocop/detail/advise_search.hpp"
#include "ocop/error.hpp"
#include "ocop/star_minimums.hpp"

namespace ocop {

namespace {

constexpr std::size_t max_alternatives = 20;
constexpr std::int64_t max_weight = 1'000'000;

/// What a result is made from: the members' scored cards (one for a scorecard) and how the
/// minimums per star are read.
struct basis {
    const edition& ed;
    const product_set& set;
    const std::vector<scorecard_result>& cards;
    minimum_rule_policy rule;
    int decimals;
    std::int64_t members() const { return static_cast<std::int64_t>(cards.size()); }
    std::string shown(std::int64_t member_points) const { return exact_mean{member_points, members()}.display(decimals); }
};

/// One criterion as it stands, and what it may become.
struct criterion_now {
    bool changeable = false;
    std::string why_fixed;
    std::int64_t sum = 0;  ///< the members' points, summed
    int lowest = 0;        ///< the lowest member's points
    std::optional<std::string> case_id;
    std::optional<std::string> from_level;  ///< one card only
    std::vector<const level*> options;      ///< improvements, ascending points, one per points value
    int required = 0;                       ///< points the target's minimums require on it
};

void check_options(const edition& ed, const product_set& set, const advice_options& options) {
    problem_list p;
    if (options.target_stars &&
        std::none_of(ed.star_bands.begin(), ed.star_bands.end(), [&](const star_band& b) { return b.stars == *options.target_stars; }))
        p.add("/target", "expected the stars of a band of edition " + ed.id + ", found " + std::to_string(*options.target_stars));
    if (options.alternatives < 1 || options.alternatives > max_alternatives)
        p.add("/alternatives", "expected 1 to " + std::to_string(max_alternatives) + " alternatives, found " + std::to_string(options.alternatives));
    for (const auto& [id, w] : options.weights) {
        if (!set.find(id)) p.add(json_path("/weights", id), "unknown criterion \"" + id + "\" in set " + set.id);
        else if (w < 0 || w > max_weight)
            p.add(json_path("/weights", id), "expected a cost from 0 to " + std::to_string(max_weight) + ", found " + std::to_string(w));
    }
    p.throw_if_any(errc::invalid_document);
}

bool triggers_knockout(const product_set& set, const std::string& criterion_id, const std::string& level_id) {
    return std::any_of(set.criteria.begin(), set.criteria.end(), [&](const criterion& c) {
        return std::any_of(c.knockouts.begin(), c.knockouts.end(), [&](const knockout_rule& k) {
            return std::any_of(k.trigger_levels.begin(), k.trigger_levels.end(),
                               [&](const level_ref& r) { return r.criterion == criterion_id && r.level == level_id; });
        });
    });
}

/// Answering `to` on criterion `c` leaves every criterion that depends on it applicable or not as
/// it is now, for every member.
bool keeps_applicability(const basis& b, const criterion& c, std::size_t index, const level& to) {
    for (const auto& d : b.set.criteria) {
        if (!d.applies_if || d.applies_if->criterion != c.id) continue;
        const auto& levels = d.applies_if->levels;
        const bool then = std::find(levels.begin(), levels.end(), to.id) != levels.end();
        for (const auto& card : b.cards)
            if ((std::find(levels.begin(), levels.end(), card.criteria[index].level.value_or("")) != levels.end()) != then) return false;
    }
    return true;
}

/// The case every member answered; error(errc::invalid_council) when they differ.
std::optional<std::string> common_case(const basis& b, std::size_t index) {
    const auto& first = b.cards.front().criteria[index].case_id;
    for (std::size_t m = 1; m < b.cards.size(); ++m)
        if (b.cards[m].criteria[index].case_id != first)
            throw error(errc::invalid_council, json_path(json_path(json_path("/scorecards", m), "answers"), b.set.criteria[index].id),
                        "members answered criterion " + b.set.criteria[index].id + " under different cases (\"" + first.value_or("") +
                            "\" and \"" + b.cards[m].criteria[index].case_id.value_or("") + "\"): advice needs one case");
    return first;
}

/// The levels that improve criterion `index` for the whole council: of the case answered, above
/// the current mean, triggering no knock-out, keeping applicability; one per points value.
std::vector<const level*> improvements(const basis& b, std::size_t index, const criterion_now& now) {
    const criterion& c = b.set.criteria[index];
    const std::vector<level>* levels = &c.levels;
    for (const auto& k : c.cases)
        if (now.case_id && k.id == *now.case_id) levels = &k.levels;
    std::vector<const level*> out;
    for (const auto& l : *levels)
        if (l.points * b.members() > now.sum && !triggers_knockout(b.set, c.id, l.id) && keeps_applicability(b, c, index, l)) out.push_back(&l);
    std::stable_sort(out.begin(), out.end(), [](const level* x, const level* y) { return x->points < y->points; });
    out.erase(std::unique(out.begin(), out.end(), [](const level* x, const level* y) { return x->points == y->points; }), out.end());
    return out;
}

criterion_now describe(const basis& b, std::size_t index) {
    criterion_now now;
    now.lowest = b.cards.front().criteria[index].points;
    for (const auto& card : b.cards) {
        const criterion_score& cs = card.criteria[index];
        now.sum += cs.points;
        now.lowest = std::min(now.lowest, cs.points);
        if (cs.state == criterion_state::not_applicable && now.why_fixed.empty()) now.why_fixed = "it does not apply (" + cs.reason + ")";
        if (cs.state == criterion_state::not_evaluated && now.why_fixed.empty()) now.why_fixed = "it was not evaluated (" + cs.reason + ")";
    }
    if (!now.why_fixed.empty()) return now;
    now.case_id = common_case(b, index);
    if (b.cards.size() == 1) now.from_level = b.cards.front().criteria[index].level;
    now.options = improvements(b, index, now);
    now.changeable = !now.options.empty();
    if (!now.changeable)
        now.why_fixed = "no level with more points is reachable (of the case answered, triggering no knock-out, changing no criterion's applicability)";
    return now;
}

/// Whether criterion `now` reaches `points`: at the level `to` when it changes (every member gives
/// it), else as it stands under the policy (the exact mean, or every member).
bool reaches(const basis& b, const criterion_now& now, const level* to, int points) {
    if (to) return to->points >= points;
    return b.rule == minimum_rule_policy::every_member ? now.lowest >= points : now.sum >= points * b.members();
}

/// The minimums the target requires (those for its stars or fewer), each with whether it is
/// reached now; each criterion's `required` becomes the highest of them.
std::vector<advice_requirement> requirements(const basis& b, int target, std::vector<criterion_now>& now) {
    std::vector<advice_requirement> out;
    for (const auto& m : star_minimums(b.ed, b.set)) {
        if (m.stars > target) continue;
        criterion_now& c = now[m.criterion_index];
        c.required = std::max(c.required, m.at_least_points);
        const std::string& id = b.set.criteria[m.criterion_index].id;
        std::string text = m.marked_level ? std::to_string(m.stars) + "★ requires " + id + " '" + m.level_label + "'" : m.text;
        out.push_back({m.requirement, id, m.stars, m.at_least_points, reaches(b, c, nullptr, m.at_least_points), std::move(text)});
    }
    return out;
}

/// The lowest total (in points) whose band gives at least `target` stars.
int band_threshold(const edition& ed, int target) {
    int from = 100;
    for (const auto& band : ed.star_bands)
        if (band.stars >= target) from = std::min(from, band.from);
    return from;
}

/// Why no set of reachable levels reaches the target: the best reachable total is below the band,
/// or a minimum the target requires sits on a criterion that cannot reach it. Empty: reachable.
std::vector<std::string> unreachable_reasons(const basis& b, const std::vector<criterion_now>& now, int target, std::int64_t total_now) {
    std::vector<std::string> out;
    const int from = band_threshold(b.ed, target);
    std::int64_t best = total_now;
    for (const auto& c : now)
        if (c.changeable) best += c.options.back()->points * b.members() - c.sum;
    if (best < from * b.members())
        out.push_back("the highest " + std::string(b.cards.size() == 1 ? "total" : "mean") + " reachable is " + b.shown(best) +
                      " (every criterion that can change at its best reachable level), below the " + std::to_string(from) + " points of the " +
                      std::to_string(target) + "★ band");
    for (std::size_t i = 0; i < now.size(); ++i) {
        const criterion_now& c = now[i];
        if (reaches(b, c, nullptr, c.required) || (c.changeable && c.options.back()->points >= c.required)) continue;
        out.push_back("the minimums for " + std::to_string(target) + "★ require " + b.set.criteria[i].id + " to reach " +
                      std::to_string(c.required) + " points, and it cannot: " + (c.changeable ? "no reachable level gives them" : c.why_fixed));
    }
    return out;
}

std::optional<std::string> data_warning(const product_set& set, const std::string& criterion_id) {
    for (const auto& g : set.gaps)
        if (g.criterion == criterion_id) return "sheet incomplete: " + g.text;
    for (const auto& r : set.readings)
        if (r.criterion == criterion_id) return "our reading: " + r.text;
    return std::nullopt;
}

advice_step step_for(const basis& b, const criterion_now& now, std::size_t index, const level& to, std::int64_t cost) {
    const criterion& c = b.set.criteria[index];
    const std::int64_t gain = to.points * b.members() - now.sum;
    return {c.id,      c.title,  now.case_id,     now.from_level,      b.shown(now.sum), to.id, to.label, to.points, exact_mean{gain, b.members()},
            b.shown(gain), cost, data_warning(b.set, c.id)};
}

/// The stars after `picked` (a level per criterion, nullptr where unchanged): the band of `total`,
/// lowered by every minimum per star not reached, as aggregate() lowers them.
int stars_after(const basis& b, const std::vector<criterion_now>& now, const std::vector<const level*>& picked, std::int64_t total) {
    int stars = b.ed.band_for(total, b.members()).stars;
    minimum_check check{[&](const star_minimum& m) { return reaches(b, now[m.criterion_index], picked[m.criterion_index], m.at_least_points); },
                        [](const star_minimum&) { return std::string(); }, ""};
    apply_star_minimums(b.ed, b.set, stars, check);
    return stars;
}

std::int64_t cost_of(const advice_options& options, const std::string& criterion_id) {
    auto it = options.weights.find(criterion_id);
    return it == options.weights.end() ? 1 : it->second;
}

/// The k best minimal plans, searched exactly over the criteria that can change.
std::vector<advice_plan> search(const basis& b, const std::vector<criterion_now>& now, int target, std::int64_t total_now,
                                const advice_options& options) {
    std::vector<std::size_t> changeable;
    std::vector<detail::search_item> items;
    for (std::size_t i = 0; i < now.size(); ++i) {
        if (!now[i].changeable) continue;
        detail::search_item item{{}, {}, reaches(b, now[i], nullptr, now[i].required), cost_of(options, b.set.criteria[i].id)};
        for (const level* l : now[i].options) {
            item.gains.push_back(l->points * b.members() - now[i].sum);
            item.allowed.push_back(l->points >= now[i].required);
        }
        changeable.push_back(i);
        items.push_back(std::move(item));
    }
    const std::int64_t needed = band_threshold(b.ed, target) * b.members() - total_now;
    std::vector<advice_plan> plans;
    for (const auto& found : detail::best_minimal_plans(items, needed, options.alternatives)) {
        advice_plan plan;
        plan.rank = static_cast<int>(plans.size()) + 1;
        std::vector<const level*> picked(now.size(), nullptr);
        for (std::size_t k = 0; k < changeable.size(); ++k) {
            if (found.choice[k] == detail::search_plan::unchanged) continue;
            const std::size_t i = changeable[k];
            picked[i] = now[i].options[found.choice[k]];
            plan.steps.push_back(step_for(b, now[i], i, *picked[i], items[k].cost));
        }
        plan.criteria_changed = found.changed;
        plan.cost = found.cost;
        plan.points_gained = {found.gain, b.members()};
        plan.points_gained_display = b.shown(found.gain);
        plan.total = {total_now + found.gain, b.members()};
        plan.total_display = b.shown(total_now + found.gain);
        plan.band_stars = b.ed.band_for(total_now + found.gain, b.members()).stars;
        plan.stars = stars_after(b, now, picked, total_now + found.gain);
        plans.push_back(std::move(plan));
    }
    return plans;
}

/// The advice on `b`, whose product holds `stars_now` stars, or is knocked out when `knockouts`
/// (one sentence each) is not empty.
advice advise_on(const basis& b, int stars_now, std::vector<std::string> knockouts, const advice_options& options, std::string basis_name,
                 std::string model) {
    check_options(b.ed, b.set, options);
    advice a;
    a.edition = b.ed.id;
    a.set = b.set.id;
    a.sheet_status = b.set.status;
    a.sheet_warnings = b.set.warnings();
    a.basis = std::move(basis_name);
    a.members = static_cast<int>(b.cards.size());
    a.model = std::move(model);
    std::int64_t total_now = 0;
    for (const auto& card : b.cards) total_now += card.total;
    a.total = {total_now, b.members()};
    a.total_display = b.shown(total_now);
    a.stars = stars_now;
    int highest = 0;
    for (const auto& band : b.ed.star_bands) highest = std::max(highest, band.stars);
    a.target_stars = options.target_stars.value_or(std::min(stars_now + 1, highest));
    std::vector<criterion_now> now;
    for (std::size_t i = 0; i < b.set.criteria.size(); ++i) now.push_back(describe(b, i));
    a.requirements = requirements(b, a.target_stars, now);
    if (!knockouts.empty()) {
        a.status = advice_status::knocked_out;
        a.reasons = std::move(knockouts);
    } else if (stars_now >= a.target_stars) {
        a.status = advice_status::already_met;
    } else if (a.reasons = unreachable_reasons(b, now, a.target_stars, total_now); !a.reasons.empty()) {
        a.status = advice_status::unreachable;
    } else {
        a.status = advice_status::reachable;
        a.plans = search(b, now, a.target_stars, total_now, options);
    }
    return a;
}

}  // namespace

advice advise(const edition& ed, const product_set& set, const scorecard_result& card, const advice_options& options) {
    if (card.edition != ed.id || card.set != set.id || card.criteria.size() != set.criteria.size())
        throw error(errc::invalid_scorecard, "/set", "expected a result of set " + set.id + " (edition " + ed.id + "), found set " + card.set +
                                                         " (edition " + card.edition + ")");
    std::vector<std::string> knockouts;
    if (card.outcome != evaluation_outcome::evaluated)
        for (const auto& k : card.knockouts)
            knockouts.push_back("knock-out " + k.rule + (k.criterion.empty() ? "" : " at criterion " + k.criterion) + " (" + std::string(to_string(k.outcome)) +
                                "): " + k.text + "; no level improvement lifts it");
    const std::vector<scorecard_result> cards{card};
    basis b{ed, set, cards, minimum_rule_policy::council_mean, 0};
    return advise_on(b, card.stars, std::move(knockouts), options, "scorecard",
                     "a step raises the scorecard's answer on a criterion to a level with more points; the points gained add to the total");
}

advice advise(const edition& ed, const procedure& proc, const product_set& set, const std::vector<scorecard_result>& cards,
              const council_policy& policy, const advice_options& options) {
    council_result r = aggregate(ed, proc, set, cards, policy);
    std::vector<std::string> knockouts;
    if (r.knockout.outcome != evaluation_outcome::evaluated)
        knockouts.push_back("knock-out " + r.knockout.rule + " (" + std::string(to_string(r.knockout.outcome)) + ", reported by " +
                            std::to_string(r.knockout.members_reporting) + " members): " + r.knockout.text + "; no level improvement lifts it");
    basis b{ed, set, cards, policy.minimums, policy.display_decimals};
    return advise_on(b, r.stars, std::move(knockouts), options, "council",
                     "a step sets the council's mean on a criterion to a level's points, as if every member gave that level; the points "
                     "gained add to the council's exact mean; minimums per star are checked under policy " + std::string(to_string(policy.minimums)));
}

advice advise(const catalog& cat, const scorecard& card, const advice_options& options) {
    const scorecard_result r = score(cat, card);
    const edition& ed = cat.get(r.edition);
    return advise(ed, *ed.find_set(r.set), r, options);
}

advice advise(const catalog& cat, const council_input& council, const advice_options& options, const procedure_library& procedures) {
    evaluate_council(cat, council, procedures);  // every problem of the council document, with its path
    const edition& ed = cat.get(council.scorecards.front().edition);
    const product_set& set = *ed.find_set(council.scorecards.front().set);
    std::vector<scorecard_result> cards;
    for (const auto& card : council.scorecards) cards.push_back(score(ed, set, card));
    return advise(ed, procedures.get(ed.id), set, cards, council.policy, options);
}

advice advise(const catalog& cat, const advice_request& request, const procedure_library& procedures) {
    if (request.card.has_value() == request.council.has_value())
        throw error(errc::invalid_document, "", "expected exactly one of \"scorecard\" and \"council\"");
    if (request.card) {
        const scorecard_result r = with_path_prefix("/scorecard", [&] { return score(cat, *request.card); });
        const edition& ed = cat.get(r.edition);
        return advise(ed, *ed.find_set(r.set), r, request.options);
    }
    const council_input& in = *request.council;
    with_path_prefix("/council", [&] { return evaluate_council(cat, in, procedures); });
    const edition& ed = cat.get(in.scorecards.front().edition);
    check_options(ed, *ed.find_set(in.scorecards.front().set), request.options);  // its paths are the request's own
    return with_path_prefix("/council", [&] { return advise(cat, in, request.options, procedures); });
}

}  // namespace ocop
