// ocop::advise against brute force: on small random sheets (cases, marked minimums, level-triggered
// knock-outs, a criterion that applies only after another, weights), every combination of
// improvements is scored with score() or aggregate(), the minimal ones are kept and ranked, and
// the ranking must equal advise()'s (its first 20, the most advise gives).

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <random>
#include <tuple>

#include <catch2/catch.hpp>

#include "ocop/advise.hpp"
#include "ocop/council.hpp"
#include "ocop/error.hpp"

using namespace ocop;

namespace {

level make_level(const std::string& id, int points) { return {id, points, "level " + id}; }

/// 2 to 4 levels with strictly ascending points from 0, ids prefix + a, b, c...
std::vector<level> random_levels(std::mt19937& rng, const std::string& prefix) {
    std::vector<level> out;
    int points = 0;
    const int count = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < count; ++i) {
        out.push_back(make_level(prefix + static_cast<char>('a' + i), points));
        points += 1 + static_cast<int>(rng() % 5);
    }
    return out;
}

/// A random criterion: plain levels or two cases; sometimes a marked minimum, sometimes a
/// knock-out triggered by one of its levels.
criterion random_criterion(std::mt19937& rng, std::size_t i) {
    criterion c;
    c.id = std::to_string(i + 1);
    c.title = "criterion " + c.id;
    c.part = "A";
    c.section = "1";
    if (i > 0 && rng() % 4 == 0) {
        c.cases = {{"1", "case 1", random_levels(rng, "")}, {"2", "case 2", random_levels(rng, "k")}};
    } else {
        c.levels = random_levels(rng, "");
        if (rng() % 5 == 0) {
            knockout_rule rule{"ko-" + c.id, rng() % 2 ? knockout_outcome::eliminated : knockout_outcome::evaluation_stopped,
                               trigger_kind::levels, {{c.id, c.levels[rng() % c.levels.size()].id}}, "knock-out", "test"};
            c.knockouts.push_back(rule);
        }
    }
    if (rng() % 3 == 0) {
        const auto& levels = c.has_cases() ? c.cases[rng() % 2].levels : c.levels;
        c.min_star_levels.push_back({3 + static_cast<int>(rng() % 3), levels[1 + rng() % (levels.size() - 1)].id});
    }
    return c;
}

/// A sheet of 4 to 6 criteria; criterion 2 may apply only after some levels of criterion 1. The
/// bands are spread over the sheet's maximum so that every rank can be aimed at.
edition random_edition(std::mt19937& rng) {
    edition ed;
    ed.id = "26-2026";  // the embedded procedure of that id serves the councils
    ed.parts = {{"A", "A", 100}};
    product_set s;
    s.id = "s";
    s.name = "synthetic";
    const std::size_t count = 4 + rng() % 3;
    for (std::size_t i = 0; i < count; ++i) s.criteria.push_back(random_criterion(rng, i));
    if (rng() % 2 == 0) {
        const auto& first = s.criteria[0].levels;
        s.criteria[1].applies_if = applicability{"1", {first[rng() % first.size()].id, first.back().id}, "applies after 1", "test"};
    }
    s.sections = {{"1", "A", "section", {}, 0, count}};
    int max = 0;
    for (const auto& c : s.criteria) max += c.max_points();
    std::vector<int> edges{0};
    for (int k = 1; k <= 4; ++k) edges.push_back(std::max(edges.back() + 1, max * k / 5 + static_cast<int>(rng() % 3)));
    for (int k = 0; k < 5; ++k) ed.star_bands.push_back({k + 1, edges[static_cast<std::size_t>(k)], k == 4 ? 100 : edges[static_cast<std::size_t>(k) + 1], true, "band"});
    ed.sets.push_back(std::move(s));
    return ed;
}

/// A random scorecard: a random case and level per criterion, criterion 2 answered only when it applies.
scorecard random_card(const product_set& set, std::mt19937& rng, const std::string& evaluator, const scorecard* like = nullptr) {
    scorecard card{"26-2026", set.id, evaluator, {}, {}};
    for (const auto& c : set.criteria) {
        if (c.applies_if) {
            const auto& levels = c.applies_if->levels;
            if (std::find(levels.begin(), levels.end(), card.answers.at(c.applies_if->criterion).level) == levels.end()) continue;
        }
        if (!c.has_cases()) {
            card.answers[c.id] = {std::nullopt, c.levels[rng() % c.levels.size()].id};
            continue;
        }
        const auto& k = like && like->answers.contains(c.id) ? *like->answers.at(c.id).case_id : c.cases[rng() % 2].id;
        const auto& levels = k == "1" ? c.cases[0].levels : c.cases[1].levels;
        card.answers[c.id] = {k, levels[rng() % levels.size()].id};
    }
    return card;
}

/// One brute-force plan: per criterion, the level reached (points), or none.
struct tried {
    std::vector<std::optional<const level*>> pick;
    std::int64_t cost = 0, gain = 0;
    std::size_t changed = 0;
    std::vector<int> order() const {
        std::vector<int> out;
        for (const auto& p : pick) out.push_back(p ? (*p)->points : INT_MAX);
        return out;
    }
};

struct world {
    const edition& ed;
    const product_set& set;
    std::vector<scorecard> cards;
    std::vector<scorecard_result> scored;
    std::optional<council_policy> policy;  ///< a council when set
    int target = 0;
    std::map<std::string, std::int64_t, std::less<>> weights;

    /// The stars after `pick` (every member gives the picked level), or -1 when it cannot be scored.
    int stars_with(const std::vector<std::optional<const level*>>& pick) const {
        std::vector<scorecard_result> results;
        try {
            for (auto card : cards) {
                for (std::size_t i = 0; i < pick.size(); ++i)
                    if (pick[i]) card.answers[set.criteria[i].id].level = (*pick[i])->id;
                results.push_back(score(ed, set, card));
            }
        } catch (const error&) {
            return -1;
        }
        if (!policy) return results.front().stars;
        return aggregate(ed, embedded_procedures().get(ed.id), set, results, *policy).stars;
    }
    bool feasible(const std::vector<std::optional<const level*>>& pick) const { return stars_with(pick) >= target; }

    /// The levels of criterion i (of the case the first member answered) with more points than its mean now.
    std::vector<const level*> higher(std::size_t i) const {
        const criterion& c = set.criteria[i];
        std::int64_t sum = 0;
        for (const auto& r : scored) {
            if (r.criteria[i].state != criterion_state::scored) return {};  // the model: what does not apply stays so
            sum += r.criteria[i].points;
        }
        const std::vector<level>* levels = &c.levels;
        if (c.has_cases()) levels = *scored.front().criteria[i].case_id == "1" ? &c.cases[0].levels : &c.cases[1].levels;
        std::vector<const level*> out;
        for (const auto& l : *levels)
            if (l.points * static_cast<std::int64_t>(scored.size()) > sum) out.push_back(&l);
        return out;
    }

    bool minimal(const tried& t) const {
        for (std::size_t i = 0; i < t.pick.size(); ++i) {
            if (!t.pick[i]) continue;
            auto lower = t.pick;
            lower[i].reset();
            if (feasible(lower)) return false;
            for (const level* l : higher(i))
                if (l->points < (*t.pick[i])->points && (lower[i] = l, feasible(lower))) return false;
        }
        return true;
    }

    /// Every minimal feasible combination, ranked by cost, gain, criteria changed, then choices.
    std::vector<tried> brute_force() const {
        std::vector<tried> out;
        std::vector<std::vector<const level*>> options;
        for (std::size_t i = 0; i < set.criteria.size(); ++i) options.push_back(higher(i));
        tried t;
        t.pick.resize(set.criteria.size());
        enumerate(options, 0, t, out);
        std::sort(out.begin(), out.end(), [](const tried& a, const tried& b) {
            return std::make_tuple(a.cost, a.gain, a.changed, a.order()) < std::make_tuple(b.cost, b.gain, b.changed, b.order());
        });
        return out;
    }

    void enumerate(const std::vector<std::vector<const level*>>& options, std::size_t i, tried& t, std::vector<tried>& out) const {
        if (i == options.size()) {
            if (feasible(t.pick) && minimal(t)) out.push_back(t);
            return;
        }
        enumerate(options, i + 1, t, out);
        const auto n = static_cast<std::int64_t>(scored.size());
        std::int64_t sum = 0;
        for (const auto& r : scored) sum += r.criteria[i].points;
        auto w = weights.find(set.criteria[i].id);
        const std::int64_t cost = w == weights.end() ? 1 : w->second;
        for (const level* l : options[i]) {
            tried next = t;
            next.pick[i] = l;
            next.cost += cost;
            next.gain += l->points * n - sum;
            next.changed += 1;
            enumerate(options, i + 1, next, out);
        }
    }
};

void compare(const world& w, const advice& a) {
    const auto expected = w.brute_force();
    INFO("target " << w.target << ", stars now " << a.stars << ", status " << to_string(a.status) << ", reasons: " << (a.reasons.empty() ? "" : a.reasons.front()));
    REQUIRE(a.status == (expected.empty() ? advice_status::unreachable : advice_status::reachable));
    REQUIRE(a.plans.size() == std::min<std::size_t>(expected.size(), 20));  // the first 20 of the whole ranking
    for (std::size_t p = 0; p < a.plans.size(); ++p) {
        INFO("plan " << p + 1);
        CHECK(a.plans[p].cost == expected[p].cost);
        CHECK(a.plans[p].points_gained.numerator == expected[p].gain);
        CHECK(a.plans[p].criteria_changed == expected[p].changed);
        CHECK(a.plans[p].stars == w.stars_with(expected[p].pick));
        std::vector<std::pair<std::string, std::string>> steps, want;
        for (const auto& s : a.plans[p].steps) steps.emplace_back(s.criterion, s.level);
        for (std::size_t i = 0; i < expected[p].pick.size(); ++i)
            if (expected[p].pick[i]) want.emplace_back(w.set.criteria[i].id, (*expected[p].pick[i])->id);
        CHECK(steps == want);
    }
}

std::map<std::string, std::int64_t, std::less<>> random_weights(const product_set& set, std::mt19937& rng) {
    std::map<std::string, std::int64_t, std::less<>> weights;
    if (rng() % 2)
        for (const auto& c : set.criteria)
            if (rng() % 2) weights[c.id] = static_cast<std::int64_t>(rng() % 4);
    return weights;
}

}  // namespace

TEST_CASE("advise on a scorecard equals brute force on random small sheets", "[advise]") {
    std::mt19937 rng(7);
    int compared = 0, unreachable = 0, plans = 0, knocked = 0, met = 0;
    for (int round = 0; round < 1000; ++round) {
        const edition ed = random_edition(rng);
        const product_set& set = ed.sets.front();
        world w{ed, set, {random_card(set, rng, "m1")}, {}, std::nullopt, 1 + static_cast<int>(rng() % 5), random_weights(set, rng)};
        w.scored.push_back(score(ed, set, w.cards.front()));
        advice a = advise(ed, set, w.scored.front(), {w.target, 20, w.weights});
        if (w.scored.front().outcome != evaluation_outcome::evaluated) {
            CHECK(a.status == advice_status::knocked_out);
            CHECK(a.plans.empty());
            ++knocked;
        } else if (w.scored.front().stars >= w.target) {
            CHECK(a.status == advice_status::already_met);
            CHECK(a.plans.empty());
            ++met;
        } else {
            compare(w, a);
            ++compared;
            unreachable += a.status == advice_status::unreachable ? 1 : 0;
            plans += static_cast<int>(a.plans.size());
        }
    }
    INFO("scorecards: " << compared << " compared (" << unreachable << " unreachable), " << plans << " plans, " << knocked
                        << " knocked out, " << met << " already met");
    CHECK(compared > 300);  // the random sheets exercise every branch
    CHECK(unreachable > 50);
    CHECK(plans > 700);
    CHECK(knocked > 100);
    CHECK(met > 200);
}

TEST_CASE("advise on a council equals brute force, under both minimum policies", "[advise]") {
    std::mt19937 rng(2026);
    int compared = 0, unreachable = 0, plans = 0;
    for (int round = 0; round < 500; ++round) {
        const edition ed = random_edition(rng);
        const product_set& set = ed.sets.front();
        world w{ed, set, {}, {}, council_policy{}, 1 + static_cast<int>(rng() % 5), random_weights(set, rng)};
        w.policy->minimums = rng() % 2 ? minimum_rule_policy::every_member : minimum_rule_policy::council_mean;
        w.cards.push_back(random_card(set, rng, "m1"));
        for (const char* m : {"m2", "m3"}) w.cards.push_back(random_card(set, rng, m, &w.cards.front()));
        for (const auto& c : w.cards) w.scored.push_back(score(ed, set, c));
        const procedure& proc = embedded_procedures().get(ed.id);
        const council_result now = aggregate(ed, proc, set, w.scored, *w.policy);
        if (now.knockout.outcome != evaluation_outcome::evaluated || now.stars >= w.target) continue;
        advice a = advise(ed, proc, set, w.scored, *w.policy, {w.target, 20, w.weights});
        CHECK(a.members == 3);
        compare(w, a);
        ++compared;
        unreachable += a.status == advice_status::unreachable ? 1 : 0;
        plans += static_cast<int>(a.plans.size());
    }
    INFO("councils: " << compared << " compared (" << unreachable << " unreachable), " << plans << " plans");
    CHECK(compared > 100);
    CHECK(unreachable > 30);
    CHECK(plans > 250);
}

TEST_CASE("advise keeps the k best of the full ranking", "[advise]") {
    std::mt19937 rng(11);
    int checked = 0;
    for (int round = 0; round < 300; ++round) {
        const edition ed = random_edition(rng);
        const product_set& set = ed.sets.front();
        const scorecard_result r = score(ed, set, random_card(set, rng, "m1"));
        advice_options all{std::nullopt, 20, {}}, three{std::nullopt, 3, {}};  // one star more than now
        const advice full = advise(ed, set, r, all), top = advise(ed, set, r, three);
        REQUIRE(top.plans.size() == std::min<std::size_t>(3, full.plans.size()));
        for (std::size_t p = 0; p < top.plans.size(); ++p) {
            CHECK(top.plans[p].rank == static_cast<int>(p) + 1);
            CHECK(top.plans[p].steps.size() == full.plans[p].steps.size());
            CHECK(top.plans[p].points_gained.numerator == full.plans[p].points_gained.numerator);
            for (std::size_t s = 0; s < top.plans[p].steps.size(); ++s) CHECK(top.plans[p].steps[s].level == full.plans[p].steps[s].level);
        }
        checked += full.plans.size() > 3 ? 1 : 0;
    }
    INFO("rankings longer than 3: " << checked);
    CHECK(checked > 25);
}
