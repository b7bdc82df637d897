// How the tool words a council's consistency analysis and a campaign's analytics (docs/scoring.md).

#include "analytics_text.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "language.hpp"
#include "table.hpp"

namespace ocop::cli {

namespace {

std::string n(int v) { return std::to_string(v); }

std::string flag_text(const analysis_flag& f) {
    return tr("analysis.flag." + std::string(to_string(f.kind)), {f.subject, decimal(f.value)});
}

void print_members(const council_analysis& a, std::ostream& out) {
    table t({tr("header.member"), ">" + tr("header.total"), ">" + tr("header.from_mean"), ">" + tr("header.others_mean"),
             ">" + tr("header.from_others"), ">" + tr("header.stars_without")});
    for (const auto& m : a.member_totals)
        t.add({m.evaluator, n(m.total), decimal(m.deviation_from_mean), decimal(m.mean_of_others), decimal(m.deviation_from_others),
               n(m.stars_without) + "★"});
    t.print(out);
}

void print_disagreement(const council_analysis& a, const product_set& set, std::ostream& out) {
    if (a.most_disagreed.empty()) return;
    out << tr("analysis.most_disagreed") << '\n';
    table t({tr("header.criterion"), tr("header.title"), ">" + tr("header.lowest"), ">" + tr("header.highest"), ">" + tr("header.max"),
             ">" + tr("header.sd")});
    t.max_width(1, 40);
    for (const auto& id : a.most_disagreed)
        for (std::size_t i = 0; i < a.criteria.size(); ++i)
            if (a.criteria[i].criterion == id)
                t.add({id, set.criteria[i].title, n(a.criteria[i].lowest), n(a.criteria[i].highest), n(a.criteria[i].max_points),
                       decimal(a.criteria[i].standard_deviation)});
    t.print(out);
}

void print_losses(const set_losses& s, std::size_t rows, std::ostream& out) {
    const product_set& set = *embedded_catalog().get(s.edition).find_set(s.set);
    out << tr("analytics.set", {set.code, set.name, s.edition, n(s.councils)}) << '\n';
    table t({tr("header.criterion"), tr("header.title"), ">" + tr("header.mean"), ">" + tr("header.max"), ">" + tr("header.share"),
             ">" + tr("header.lost")});
    t.max_width(1, 40);
    for (std::size_t i = 0; i < s.criteria.size() && i < rows; ++i) {
        const auto& c = s.criteria[i];
        const criterion* crit = set.find(c.criterion);
        t.add({c.criterion, crit ? crit->title : "", decimal(c.mean_points), n(c.max_points), decimal(c.share_reached) + "%",
               decimal(c.points_lost)});
    }
    t.print(out);
}

void print_industries(const campaign_analytics& r, std::ostream& out) {
    out << tr("analytics.industries") << '\n';
    std::vector<std::string> headers{tr("header.industry"), ">" + tr("header.dossiers")};
    for (int s = 0; s <= 5; ++s) headers.push_back(">" + n(s) + "★");
    for (const char* h : {"header.lowest", "header.median", "header.mean", "header.highest"}) headers.push_back(">" + tr(h));
    table t(headers);
    for (const auto& d : r.industries) {
        std::vector<std::string> row{label_or_id("industry", d.industry), n(d.councils)};
        for (int count : d.stars) row.push_back(n(count));
        for (const auto* v : {&d.lowest, &d.median, &d.mean, &d.highest}) row.push_back(decimal(*v));
        t.add(row);
    }
    t.print(out);
}

}  // namespace

void print_council_analysis(const council_analysis& a, std::ostream& out) {
    const product_set& set = *embedded_catalog().get(a.edition).find_set(a.set);
    out << tr("analysis.header", {n(a.members), set.code, set.name, decimal(a.mean_display), n(a.stars)}) << '\n';
    print_members(a, out);
    print_disagreement(a, set, out);
    out << (a.agreement.alpha ? tr("analysis.alpha", {decimal(*a.agreement.alpha), n(a.agreement.units)})
                              : tr("analysis.alpha_undefined", {n(a.agreement.units)}))
        << '\n';
    if (a.band_edge)
        out << tr("analysis.band_edge", {n(a.band_edge->edge), n(a.band_edge->stars_below), n(a.band_edge->stars_above),
                                         decimal(a.band_edge->distance)})
            << '\n';
    out << (a.flags.empty() ? tr("analysis.no_flags") : tr("analysis.flags")) << '\n';
    for (const auto& f : a.flags) out << "  - " << flag_text(f) << '\n';
}

void print_campaign_analytics(const campaign_analytics& r, std::size_t rows, std::ostream& out) {
    out << tr("analytics.header", {n(r.councils)}) << '\n';
    for (const auto& s : r.sets) print_losses(s, rows, out);
    print_industries(r, out);
    out << (r.flagged.empty() ? tr("analysis.no_flags") : tr("analytics.flagged", {n(static_cast<int>(r.flagged.size()))})) << '\n';
    for (const auto& c : r.flagged)
        for (const auto& f : c.flags) out << "  " << c.id << ": " << flag_text(f) << '\n';
    if (!r.not_analysed.empty()) {
        std::string ids;
        for (const auto& id : r.not_analysed) ids += (ids.empty() ? "" : ", ") + id;
        out << tr("analytics.not_analysed", {ids}) << '\n';
    }
}

void print_analytics_summary(const campaign_analytics& r, std::size_t rows, std::ostream& out) {
    std::map<analysis_flag_kind, int> by_kind;
    for (const auto& c : r.flagged)
        for (const auto& f : c.flags) ++by_kind[f.kind];
    std::string kinds;
    for (const auto& [kind, count] : by_kind)
        kinds += (kinds.empty() ? "" : "; ") + tr("analytics.kind." + std::string(to_string(kind))) + " " + n(count);
    out << tr("analytics.summary", {n(r.councils), n(static_cast<int>(r.flagged.size())), kinds.empty() ? "-" : kinds}) << '\n';

    struct loss {
        const set_losses* set;
        const criterion_loss* criterion;
    };
    std::vector<loss> losses;
    for (const auto& s : r.sets)
        for (const auto& c : s.criteria) losses.push_back({&s, &c});
    // The share is fixed-point text ("72.50"): read it without the C locale (std::stod would take
    // its decimal separator) and without throwing.
    const auto share = [](const loss& l) {
        double v = 0;
        const std::string& text = l.criterion->share_reached;
        std::from_chars(text.data(), text.data() + text.size(), v);
        return v;
    };
    std::stable_sort(losses.begin(), losses.end(), [&](const loss& a, const loss& b) { return share(a) < share(b); });
    out << tr("analytics.most_lost") << '\n';
    table t({tr("header.set"), tr("header.criterion"), tr("header.title"), ">" + tr("header.share"), ">" + tr("header.lost"),
             ">" + tr("header.councils")});
    t.max_width(2, 40);
    for (std::size_t i = 0; i < losses.size() && i < rows; ++i) {
        const product_set& set = *embedded_catalog().get(losses[i].set->edition).find_set(losses[i].set->set);
        const criterion* crit = set.find(losses[i].criterion->criterion);
        t.add({set.code + " " + set.name, losses[i].criterion->criterion, crit ? crit->title : "",
               decimal(losses[i].criterion->share_reached) + "%", decimal(losses[i].criterion->points_lost), n(losses[i].set->councils)});
    }
    t.print(out);
}

}  // namespace ocop::cli
