// The councils of a campaign together: losses per set and criterion, totals per industry, flagged
// councils (docs/scoring.md, "Campaign analytics").

#include "ocop/campaign_analytics.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "ocop/error.hpp"

namespace ocop {

namespace {

std::string fixed2(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void check_councils(const std::vector<campaign_council>& councils) {
    problem_list p;
    if (councils.empty()) p.add("/councils", "expected at least one council, found none");
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < councils.size(); ++i) {
        const std::string at = json_path("/councils", i);
        if (councils[i].id.empty()) p.add(json_path(at, "id"), "expected the dossier's id, found an empty string");
        else if (!ids.insert(councils[i].id).second) p.add(json_path(at, "id"), "the council \"" + councils[i].id + "\" is given twice");
        if (councils[i].industry.empty()) p.add(json_path(at, "industry"), "expected the dossier's industry, found an empty string");
        if (councils[i].cards.empty()) p.add(json_path(at, "scorecards"), "a council needs at least one scorecard, found none");
    }
    p.throw_if_any(errc::invalid_council);
}

struct set_sums {
    int councils = 0;
    std::vector<double> criterion_means;  // sum over councils of the council's mean on each criterion
};

struct industry_sums {
    std::vector<exact_mean> means;
    std::vector<int> stars = std::vector<int>(6, 0);
};

void add_losses(set_sums& s, const council_result& r) {
    if (r.knockout.outcome != evaluation_outcome::evaluated) return;
    s.criterion_means.resize(r.criterion_means.size(), 0.0);
    const auto n = static_cast<double>(r.members.size());
    for (std::size_t i = 0; i < r.criterion_means.size(); ++i) s.criterion_means[i] += static_cast<double>(r.criterion_means[i].sum) / n;
    s.councils += 1;
}

set_losses losses_of(const edition& ed, const product_set& set, const set_sums& s) {
    set_losses out{ed.id, set.id, s.councils, {}};
    std::vector<std::pair<double, criterion_loss>> rows;
    for (std::size_t i = 0; i < s.criterion_means.size() && s.councils > 0; ++i) {
        const double mean = s.criterion_means[i] / s.councils;
        const int max_points = set.criteria[i].max_points();
        const double share = max_points > 0 ? 100.0 * mean / max_points : 100.0;
        rows.push_back({max_points - mean, {set.criteria[i].id, max_points, fixed2(mean), fixed2(share), fixed2(max_points - mean)}});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& r : rows) out.criteria.push_back(std::move(r.second));
    return out;
}

industry_distribution distribution_of(const std::string& industry, industry_sums s) {
    auto less = [](const exact_mean& a, const exact_mean& b) { return a.numerator * b.denominator < b.numerator * a.denominator; };
    std::sort(s.means.begin(), s.means.end(), less);
    auto value = [](const exact_mean& m) { return static_cast<double>(m.numerator) / static_cast<double>(m.denominator); };
    const std::size_t n = s.means.size();
    double total = 0;
    for (const auto& m : s.means) total += value(m);
    const double median = n % 2 ? value(s.means[n / 2]) : (value(s.means[n / 2 - 1]) + value(s.means[n / 2])) / 2;
    return {industry, static_cast<int>(n), s.stars, s.means.front().display(2), fixed2(median), fixed2(total / static_cast<double>(n)),
            s.means.back().display(2)};
}

}  // namespace

campaign_analytics analyse_campaign(const catalog& cat, const std::vector<campaign_council>& councils,
                                    const analysis_policy& thresholds, const procedure_library& procedures) {
    problem_list bad_policy;
    check_analysis_policy(thresholds, bad_policy);
    bad_policy.throw_if_any(errc::invalid_council);
    check_councils(councils);
    campaign_analytics out;
    out.councils = static_cast<int>(councils.size());
    out.policy = thresholds;
    std::map<std::pair<std::string, std::string>, set_sums> sets;
    std::map<std::string, industry_sums> industries;
    for (std::size_t i = 0; i < councils.size(); ++i) {
        const campaign_council& c = councils[i];
        const std::string at = json_path("/councils", i);
        const edition& ed = with_path_prefix(at + "/scorecards/0", [&]() -> const edition& { return cat.get(c.cards.front().edition); });
        const product_set& set = with_path_prefix(at + "/scorecards/0", [&]() -> const product_set& { return ed.require_set(c.cards.front().set, "/set"); });
        const procedure& proc = procedures.get(ed.id);
        const council_result r = with_path_prefix(at, [&] { return aggregate(ed, proc, set, c.cards, c.policy); });
        add_losses(sets[{ed.id, set.id}], r);
        industries[c.industry].means.push_back(r.mean);
        industries[c.industry].stars[static_cast<std::size_t>(std::clamp(r.stars, 0, 5))] += 1;
        if (c.cards.size() < 2) {
            out.not_analysed.push_back(c.id);
            continue;
        }
        council_analysis a = with_path_prefix(at, [&] { return analyse_council(ed, proc, set, c.cards, c.policy, thresholds); });
        if (!a.flags.empty()) out.flagged.push_back({c.id, set.id, std::move(a.flags)});
    }
    for (const auto& [key, sums] : sets) {
        const edition& ed = cat.get(key.first);
        out.sets.push_back(losses_of(ed, *ed.find_set(key.second), sums));
    }
    for (auto& [industry, sums] : industries) out.industries.push_back(distribution_of(industry, std::move(sums)));
    return out;
}

}  // namespace ocop
