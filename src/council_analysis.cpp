// The consistency of one council: members against the others, spread per criterion, Krippendorff's
// alpha, members who decide the stars alone, the nearest band edge (docs/scoring.md).

#include "ocop/council_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "ocop/detail/json_reader.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace {

constexpr const char* alpha_reference =
    "Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania, ASC papers 43; "
    "interval metric; units: the criteria, values: each member's share of the criterion's maximum";

/// numerator/denominator (denominator > 0), rounded half up on its magnitude, with a sign: "+6.20", "-3.00", "0.00".
std::string signed_display(std::int64_t numerator, std::int64_t denominator, int decimals) {
    std::string magnitude = exact_mean{numerator < 0 ? -numerator : numerator, denominator}.display(decimals);
    bool zero = magnitude.find_first_not_of("0.") == std::string::npos;
    return zero ? magnitude : (numerator < 0 ? "-" : "+") + magnitude;
}

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string out = buf;
    return out.starts_with("-") && out.find_first_not_of("-0.") == std::string::npos ? out.substr(1) : out;
}

void check_thresholds(const analysis_policy& t, std::size_t members) {
    problem_list p;
    if (members < 2)
        p.add("/scorecards", "a consistency analysis compares members: it needs at least 2 scorecards, found " + std::to_string(members));
    check_analysis_policy(t, p);
    p.throw_if_any(errc::invalid_council);
}

}  // namespace

void check_analysis_policy(const analysis_policy& t, problem_list& p) {
    detail::check_range(p, "/analysis/member_deviation_limit", t.member_deviation_limit, 0, 100);
    detail::check_range(p, "/analysis/criterion_range_percent", t.criterion_range_percent, 0, 100);
    detail::check_range(p, "/analysis/minimum_alpha_permille", t.minimum_alpha_permille, 0, 1000);
    detail::check_range(p, "/analysis/band_edge_points", t.band_edge_points, 0, 100);
    detail::check_range(p, "/analysis/criteria_listed", t.criteria_listed, 0, 1000);
}

namespace {

/// Each member against the mean and against the others; the council aggregated without them.
void analyse_members(council_analysis& a, const edition& ed, const procedure& proc, const product_set& set,
                     const std::vector<scorecard_result>& cards, council_policy policy, int decimals) {
    const auto n = static_cast<std::int64_t>(cards.size());
    const std::int64_t sum = a.mean.numerator;
    policy.minimum_members = 1;  // the council without one member is smaller than the rule, on purpose
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const std::int64_t total = cards[i].total;
        member_consistency m;
        m.evaluator = cards[i].evaluator;
        m.total = cards[i].total;
        m.deviation_from_mean = signed_display(total * n - sum, n, decimals);
        m.mean_of_others = exact_mean{sum - total, n - 1}.display(decimals);
        m.deviation_from_others = signed_display(total * n - sum, n - 1, decimals);
        m.far_from_others = std::llabs(total * n - sum) > std::int64_t{a.policy.member_deviation_limit} * (n - 1);
        std::vector<scorecard_result> others = cards;
        others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
        m.stars_without = aggregate(ed, proc, set, others, policy).stars;
        m.decides_stars = m.stars_without != a.stars;
        a.member_totals.push_back(std::move(m));
    }
}

/// The spread of the members' points on every criterion, and those the council disagreed on most.
void analyse_criteria(council_analysis& a, const product_set& set, const std::vector<scorecard_result>& cards, int decimals) {
    const auto n = static_cast<std::int64_t>(cards.size());
    std::vector<std::pair<double, std::size_t>> by_share;  // standard deviation / maximum, criterion index
    for (std::size_t i = 0; i < set.criteria.size(); ++i) {
        criterion_spread s;
        s.criterion = set.criteria[i].id;
        s.max_points = set.criteria[i].max_points();
        s.lowest = s.highest = cards.front().criteria[i].points;
        std::int64_t s1 = 0, s2 = 0;
        for (const auto& c : cards) {
            const int p = c.criteria[i].points;
            s.lowest = std::min(s.lowest, p);
            s.highest = std::max(s.highest, p);
            s1 += p;
            s2 += std::int64_t{p} * p;
        }
        s.range = s.highest - s.lowest;
        s.mean = exact_mean{s1, n}.display(decimals);
        const double sd = std::sqrt(static_cast<double>(n * s2 - s1 * s1)) / static_cast<double>(n);
        s.standard_deviation = fixed(sd, 2);
        s.wide = std::int64_t{s.range} * 100 > std::int64_t{a.policy.criterion_range_percent} * s.max_points;
        if (s.range > 0 && s.max_points > 0) by_share.emplace_back(sd / s.max_points, i);
        a.criteria.push_back(std::move(s));
    }
    std::stable_sort(by_share.begin(), by_share.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (std::size_t k = 0; k < by_share.size() && k < static_cast<std::size_t>(a.policy.criteria_listed); ++k)
        a.most_disagreed.push_back(set.criteria[by_share[k].second].id);
}

/// Alpha over the criteria: each member's points as a share of the maximum; a criterion the member
/// did not evaluate (a knock-out stopped the evaluation) is a missing value.
void analyse_agreement(council_analysis& a, const product_set& set, const std::vector<scorecard_result>& cards) {
    std::vector<std::vector<double>> units(set.criteria.size());
    for (std::size_t i = 0; i < set.criteria.size(); ++i) {
        const int max_points = set.criteria[i].max_points();
        if (max_points <= 0) continue;
        for (const auto& c : cards)
            if (c.criteria[i].state != criterion_state::not_evaluated) units[i].push_back(double(c.criteria[i].points) / max_points);
    }
    alpha_result r = krippendorff_alpha_interval(units);
    a.agreement = {"krippendorff_alpha_interval", std::nullopt, fixed(r.observed, 4), fixed(r.expected, 4), r.units, r.values, false,
                   alpha_reference};
    if (r.alpha) {
        a.agreement.alpha = fixed(*r.alpha, 3);
        a.agreement.low = *r.alpha * 1000 < a.policy.minimum_alpha_permille;
    }
}

/// The boundary between two bands nearest to the exact mean (ties: the lower boundary).
void analyse_band_edge(council_analysis& a, const edition& ed, int decimals) {
    const std::int64_t num = a.mean.numerator, den = a.mean.denominator;
    std::int64_t best_gap = -1;
    for (const auto& above : ed.star_bands) {
        auto below = std::find_if(ed.star_bands.begin(), ed.star_bands.end(), [&](const star_band& b) { return b.to == above.from; });
        if (below == ed.star_bands.end()) continue;
        const std::int64_t gap = std::llabs(num - std::int64_t{above.from} * den);
        const bool better = best_gap < 0 || gap < best_gap || (gap == best_gap && above.from < a.band_edge->edge);
        if (!better) continue;
        best_gap = gap;
        a.band_edge = band_edge_check{above.from, exact_mean{gap, den}.display(decimals), below->stars, above.stars,
                                      gap <= std::int64_t{a.policy.band_edge_points} * den};
    }
}

void add_flags(council_analysis& a) {
    for (const auto& m : a.member_totals) {
        if (m.far_from_others)
            a.flags.push_back({analysis_flag_kind::member_far_from_others, m.evaluator, m.deviation_from_others,
                               m.evaluator + "'s total " + std::to_string(m.total) + " lies " + m.deviation_from_others +
                                   " points from the mean of the others (limit " + std::to_string(a.policy.member_deviation_limit) + ")"});
        if (m.decides_stars)
            a.flags.push_back({analysis_flag_kind::member_decides_stars, m.evaluator, std::to_string(m.stars_without),
                               "without " + m.evaluator + " the council would give " + std::to_string(m.stars_without) + " stars, not " +
                                   std::to_string(a.stars)});
    }
    for (const auto& c : a.criteria)
        if (c.wide)
            a.flags.push_back({analysis_flag_kind::criterion_wide_spread, c.criterion,
                               std::to_string(c.range) + "/" + std::to_string(c.max_points),
                               "members' points on " + c.criterion + " range from " + std::to_string(c.lowest) + " to " +
                                   std::to_string(c.highest) + " of " + std::to_string(c.max_points)});
    if (a.agreement.low)
        a.flags.push_back({analysis_flag_kind::low_agreement, "alpha", *a.agreement.alpha,
                           "Krippendorff's alpha " + *a.agreement.alpha + " is below " + fixed(a.policy.minimum_alpha_permille / 1000.0, 3)});
    if (a.band_edge && a.band_edge->near)
        a.flags.push_back({analysis_flag_kind::near_band_edge, std::to_string(a.band_edge->edge), a.band_edge->distance,
                           "the mean " + a.mean_display + " lies " + a.band_edge->distance + " points from the edge " +
                               std::to_string(a.band_edge->edge) + " between " + std::to_string(a.band_edge->stars_below) + " and " +
                               std::to_string(a.band_edge->stars_above) + " stars"});
}

}  // namespace

alpha_result krippendorff_alpha_interval(const std::vector<std::vector<double>>& units) {
    // Interval metric: sum over ordered pairs i != j of (a_i - a_j)^2 = 2 (m S2 - S1^2).
    alpha_result r;
    double within = 0, s1 = 0, s2 = 0;
    for (const auto& u : units) {
        if (u.size() < 2) continue;
        double u1 = 0, u2 = 0;
        for (double v : u) {
            u1 += v;
            u2 += v * v;
        }
        const auto m = static_cast<double>(u.size());
        within += 2 * (m * u2 - u1 * u1) / (m - 1);
        s1 += u1;
        s2 += u2;
        r.units += 1;
        r.values += static_cast<int>(u.size());
    }
    if (r.values < 2) return r;
    const auto n = static_cast<double>(r.values);
    r.observed = within / n;
    r.expected = 2 * (n * s2 - s1 * s1) / (n * (n - 1));
    if (r.expected > 1e-12) r.alpha = 1 - r.observed / r.expected;
    return r;
}

council_analysis analyse_council(const edition& ed, const procedure& proc, const product_set& set,
                                 const std::vector<scorecard_result>& cards, const council_policy& policy,
                                 const analysis_policy& thresholds) {
    check_thresholds(thresholds, cards.size());
    const council_result council = aggregate(ed, proc, set, cards, policy);
    council_analysis a;
    a.edition = council.edition;
    a.set = council.set;
    a.members = static_cast<int>(cards.size());
    a.mean = council.mean;
    a.mean_display = council.mean_display;
    a.band_stars = council.band_stars;
    a.stars = council.stars;
    a.policy = thresholds;
    analyse_members(a, ed, proc, set, cards, policy, policy.display_decimals);
    analyse_criteria(a, set, cards, policy.display_decimals);
    analyse_agreement(a, set, cards);
    analyse_band_edge(a, ed, policy.display_decimals);
    add_flags(a);
    return a;
}

}  // namespace ocop
