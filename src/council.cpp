// A council's result: exact mean of totals, band, caps, knock-outs, recognition and forwarding.

#include "ocop/council.hpp"

#include <algorithm>
#include <map>

#include "ocop/detail/sheet_result.hpp"
#include "ocop/error.hpp"
#include "ocop/star_minimums.hpp"

namespace ocop {

std::string exact_mean::display(int decimals) const {
    // Round half up on the exact rational: floor((num * 10^d * 2 + den) / (2 * den)). Means are >= 0.
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    std::int64_t scaled = (numerator * scale * 2 + denominator) / (2 * denominator);
    std::string out = std::to_string(scaled / scale);
    if (decimals > 0) {
        std::string frac = std::to_string(scaled % scale);
        out += '.' + std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
    }
    return out;
}

namespace {

void check_council(const edition& ed, const procedure& proc, const product_set& set, const std::vector<scorecard_result>& cards,
                   const council_policy& policy) {
    problem_list p;
    if (cards.empty()) p.add("/scorecards", "a council needs at least one scorecard, found none");
    else if (static_cast<int>(cards.size()) < policy.minimum_members)
        p.add("/scorecards", "policy minimum_members requires " + std::to_string(policy.minimum_members) + " members, found " +
                                 std::to_string(cards.size()));
    for (std::size_t i = 0; i < cards.size(); ++i)
        if (cards[i].set != set.id || cards[i].edition != ed.id || cards[i].criteria.size() != set.criteria.size())
            p.add(json_path("/scorecards", i), "expected a scorecard of set " + set.id + " (edition " + ed.id + "), found set " +
                                                   cards[i].set + " (edition " + cards[i].edition + ")");
    if (proc.edition != ed.id)
        p.add("", "expected the procedure of edition " + ed.id + ", found the procedure of edition " + proc.edition);
    const procedure_level* level = proc.find_level(policy.level);
    if (!level || level->precheck)
        p.add("/policy/level", "expected a council level of procedure " + proc.edition + ", found \"" + policy.level + "\"");
    if (policy.display_decimals < 0 || policy.display_decimals > 6)
        p.add("/policy/display_decimals", "expected 0 to 6, found " + std::to_string(policy.display_decimals));
    if (policy.divergence_limit < 0)
        p.add("/policy/divergence_limit", "expected a non-negative number of points, found " + std::to_string(policy.divergence_limit));
    p.throw_if_any(errc::invalid_council);
}

/// Knock-outs under the policy: the most severe outcome reported by enough members wins.
council_knockout combine_knockouts(const std::vector<scorecard_result>& cards, knockout_rule_policy rule) {
    std::map<std::string, std::pair<int, const knockout_hit*>> reports;  // rule id -> members reporting it
    for (const auto& card : cards) {
        std::vector<std::string> seen;
        for (const auto& hit : card.knockouts) {
            if (std::find(seen.begin(), seen.end(), hit.rule) != seen.end()) continue;
            seen.push_back(hit.rule);
            auto& entry = reports[hit.rule];
            entry.first += 1;
            entry.second = &hit;
        }
    }
    council_knockout out;
    const int members = static_cast<int>(cards.size());
    for (const auto& [rule_id, entry] : reports) {
        bool holds = rule == knockout_rule_policy::any_member ? entry.first >= 1 : 2 * entry.first > members;
        if (!holds) continue;
        auto outcome = entry.second->outcome == knockout_outcome::eliminated ? evaluation_outcome::eliminated
                                                                              : evaluation_outcome::evaluation_stopped;
        bool more_severe = out.outcome == evaluation_outcome::evaluated ||
                           (outcome == evaluation_outcome::eliminated && out.outcome != evaluation_outcome::eliminated);
        if (more_severe) out = {outcome, rule_id, entry.first, entry.second->text, entry.second->source};
    }
    return out;
}

/// Whether a minimum is reached under the policy: the exact council mean on the criterion
/// (sum >= points x members, integers only), or every member's own points.
minimum_check minimum_check_for(const std::vector<scorecard_result>& cards, const std::vector<mean_of>& means, minimum_rule_policy rule) {
    const auto n = static_cast<std::int64_t>(cards.size());
    if (rule == minimum_rule_policy::every_member)
        return {[&cards](const star_minimum& m) {
                    return std::all_of(cards.begin(), cards.end(),
                                       [&](const scorecard_result& c) { return c.criteria[m.criterion_index].points >= m.at_least_points; });
                },
                [&cards, &means](const star_minimum& m) {
                    auto low = std::min_element(cards.begin(), cards.end(), [&](const scorecard_result& a, const scorecard_result& b) {
                        return a.criteria[m.criterion_index].points < b.criteria[m.criterion_index].points;
                    });
                    return means[m.criterion_index].mean + " (policy every_member: " + (low->evaluator.empty() ? "a member" : low->evaluator) +
                           " gave " + std::to_string(low->criteria[m.criterion_index].points) + ")";
                },
                "the council's mean is"};
    return {[&means, n](const star_minimum& m) { return exact_mean{means[m.criterion_index].sum, n}.at_least(m.at_least_points); },
            [&means](const star_minimum& m) { return means[m.criterion_index].mean; }, "the council's mean is"};
}

}  // namespace

namespace {

/// Members' totals, the exact mean (1048/QĐ-TTg, Phụ lục II: the product's score is the mean of the
/// members' totals) and the spread between the highest and the lowest total.
void aggregate_totals(council_result& r, const std::vector<scorecard_result>& cards, const council_policy& policy) {
    std::int64_t sum = 0;
    int lowest = cards.front().total, highest = cards.front().total;
    for (const auto& c : cards) {
        r.members.push_back({c.evaluator, c.total, c.outcome});
        sum += c.total;
        lowest = std::min(lowest, c.total);
        highest = std::max(highest, c.total);
    }
    r.mean = {sum, static_cast<std::int64_t>(cards.size())};
    r.mean_display = r.mean.display(policy.display_decimals);
    r.divergence = {highest - lowest, policy.divergence_limit, highest - lowest > policy.divergence_limit};
    if (r.divergence.exceeded)
        r.warnings.push_back("members' totals differ by " + std::to_string(r.divergence.spread) + " points, more than the limit of " +
                             std::to_string(policy.divergence_limit) + ": the council should discuss and re-score");
}

/// The mean of every criterion and of every part of the edition.
void aggregate_means(council_result& r, const edition& ed, const product_set& set, const std::vector<scorecard_result>& cards,
                     const council_policy& policy) {
    const auto n = static_cast<std::int64_t>(cards.size());
    for (std::size_t i = 0; i < set.criteria.size(); ++i) {
        std::int64_t s = 0;
        for (const auto& c : cards) s += c.criteria[i].points;
        r.criterion_means.push_back({set.criteria[i].id, s, exact_mean{s, n}.display(policy.display_decimals), set.criteria[i].max_points()});
    }
    for (const auto& part : ed.parts) {
        std::int64_t s = 0;
        int max_points = 0;
        for (const auto& c : cards)
            for (const auto& t : c.parts)
                if (t.id == part.id) {
                    s += t.points;
                    max_points = t.max_points;
                }
        r.part_means.push_back({part.id, s, exact_mean{s, n}.display(policy.display_decimals), max_points});
    }
}

/// Minimum requirements per star (781/QĐ-TTg links, 26/2026/QĐ-TTg marked levels): one not
/// reached caps the product below its stars. Council mean: exact, on the criterion's sum.
void apply_caps(council_result& r, const edition& ed, const product_set& set, const std::vector<scorecard_result>& cards,
                const council_policy& policy) {
    r.caps = apply_star_minimums(ed, set, r.stars, minimum_check_for(cards, r.criterion_means, policy.minimums));
}

/// Who may recognise the final stars and where the council's level forwards: the procedure's facts.
void apply_procedure(council_result& r, const edition& ed, const procedure& proc, const council_policy& policy) {
    const star_band* final_band = nullptr;
    for (const auto& b : ed.star_bands)
        if (b.stars == r.stars) final_band = &b;
    const procedure_level* recogniser = proc.recognising_level(r.stars);
    r.recognisable = final_band && final_band->recognised && recogniser;
    if (r.recognisable) r.recognised_by = recogniser->id;
    if (r.knockout.outcome == evaluation_outcome::evaluated)
        r.forward_to = proc.find_level(policy.level)->forward_target(r.mean.numerator, r.mean.denominator);
}

}  // namespace

council_result aggregate(const edition& ed, const procedure& proc, const product_set& set,
                         const std::vector<scorecard_result>& cards, const council_policy& policy) {
    check_council(ed, proc, set, cards, policy);
    auto r = detail::sheet_result<council_result>(ed, set);
    r.bands_source = ed.bands_source;
    aggregate_totals(r, cards, policy);
    aggregate_means(r, ed, set, cards, policy);
    const star_band& band = ed.band_for(r.mean.numerator, r.mean.denominator);
    r.band_stars = band.stars;
    r.band_meaning = band.meaning;
    r.knockout = combine_knockouts(cards, policy.knockouts);
    r.stars = r.knockout.outcome == evaluation_outcome::evaluated ? band.stars : 0;
    apply_caps(r, ed, set, cards, policy);
    apply_procedure(r, ed, proc, policy);
    return r;
}

}  // namespace ocop
