#include "synthetic.hpp"

#include <algorithm>
#include <cstdlib>

namespace ocop::synthetic {

std::uint64_t rng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint32_t rng::below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }

namespace {

/// The level whose points, as a share of the maximum, are nearest to `target` per mille (ties: lower).
const level& nearest(const std::vector<level>& levels, int max_points, int target) {
    const level* best = &levels.front();
    long best_gap = -1;
    for (const auto& l : levels) {
        long share = max_points > 0 ? 1000L * l.points / max_points : 0;
        long gap = std::labs(share - target);
        if (best_gap < 0 || gap < best_gap || (gap == best_gap && l.points < best->points)) {
            best = &l;
            best_gap = gap;
        }
    }
    return *best;
}

}  // namespace

scorecard synthetic_scorecard(const product_set& set, const std::string& edition, const std::string& evaluator, int quality,
                              subject_kind kind, rng& random, const std::vector<std::string>& declared_knockouts) {
    scorecard card{edition, set.id, evaluator, {}, {}};
    for (const auto& k : declared_knockouts) card.declared_knockouts.push_back(k);
    // Case 1 of the either/or criteria is for enterprises and cooperatives, case 2 for households.
    const bool first_case = kind == subject_kind::enterprise || kind == subject_kind::cooperative;
    for (const auto& c : set.criteria) {
        if (c.applies_if) {
            auto it = card.answers.find(c.applies_if->criterion);
            if (it == card.answers.end() ||
                std::find(c.applies_if->levels.begin(), c.applies_if->levels.end(), it->second.level) == c.applies_if->levels.end())
                continue;
        }
        int target = std::clamp(quality + static_cast<int>(random.below(201)) - 100, 0, 1000);
        if (c.has_cases()) {
            const criterion_case& k = first_case ? c.cases.front() : c.cases.back();
            int max_points = 0;
            for (const auto& l : k.levels) max_points = std::max(max_points, l.points);
            card.answers[c.id] = answer{k.id, nearest(k.levels, max_points, target).id};
        } else {
            card.answers[c.id] = answer{std::nullopt, nearest(c.levels, c.max_points(), target).id};
        }
    }
    return card;
}

std::vector<std::string> declared_rules(const product_set& set, knockout_outcome outcome) {
    std::vector<std::string> out;
    for (const auto& c : set.criteria)
        for (const auto& k : c.knockouts)
            if (k.trigger == trigger_kind::declared && k.outcome == outcome) out.push_back(k.id);
    return out;
}

}  // namespace ocop::synthetic
