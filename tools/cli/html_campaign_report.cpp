// A campaign's report with charts as a printable document (html_documents.hpp).

#include <algorithm>

#include "html_documents.hpp"
#include "html_parts.hpp"
#include "language.hpp"
#include "ocop/reports.hpp"
#include "report_grid.hpp"
#include "svg_chart.hpp"

namespace ocop::cli {

namespace {

using std::to_string;

/// A star rank's colour in the charts, from red (0★, knocked out) through yellow to dark green
/// (5★); grey for dossiers that ended without a rank.
std::string star_colour(const std::string& column) {
    static const std::pair<const char*, const char*> colours[] = {{"0★", "#b0413e"}, {"1★", "#e8a33d"}, {"2★", "#f2d16b"},
                                                                  {"3★", "#8cc084"}, {"4★", "#3f8f5a"}, {"5★", "#1b4d3e"}};
    for (const auto& [key, colour] : colours)
        if (column == key) return colour;
    return "#b8b8b8";
}

/// One bar per row of the matrix (every district or industry of the plan, even with no result),
/// one coloured part per star rank.
stacked_bar_chart stars_chart(const count_matrix& m, const std::string& id, const std::string& title, const campaign* plan) {
    stacked_bar_chart chart{id, title, {}, {}};
    for (const auto& column : m.columns) chart.series.push_back({matrix_key(plan, column, false), star_colour(column)});
    for (const auto& row : m.table) chart.bars.push_back({matrix_key(plan, row.key, m.rows == "industry"), row.counts});
    return chart;
}

/// The mean of each dossier's last council in bins of 5 points, with the edition's star bands.
histogram_chart totals_histogram(const registry& r, const edition* ed, int& dossiers) {
    histogram_chart h{"chart-totals", tr("html.distribution"), 0, 100, 5, std::vector<int>(20, 0), {}, "#4a78a8"};
    dossiers = 0;
    for (const auto& [id, s] : r.dossiers()) {
        if (s.results.empty()) continue;
        const exact_mean& mean = s.results.back().mean;
        const auto bin = std::clamp<std::int64_t>(mean.numerator / (mean.denominator * h.bin_width), 0, 19);
        h.counts[static_cast<std::size_t>(bin)] += 1;
        ++dossiers;
    }
    if (ed)
        for (const auto& band : ed->star_bands) h.zones.push_back({band.from, band.to, to_string(band.stars) + "★"});
    return h;
}

void figure(markup& m, const std::string& caption, const std::string& svg) {
    m.open("figure").element("figcaption", caption).raw(svg).close();
}

void registrations(markup& m, const registry& r, const campaign& plan) {
    const count_matrix registered = registrations_by_district(r);
    const grid g = grid_of(registered, tr("report.registrations"), tr("header.district"), &plan);
    m.element("h2", g.title).raw(to_html_table(g, true));
    if (!plan.planned.empty())
        m.element("p", tr("html.planned", {plan.plan, to_string(planned_registrations(plan).total), to_string(registered.total)}));
}

void results(markup& m, const registry& r, const campaign& plan) {
    const results_report results = results_by_stars(r);
    const std::pair<const count_matrix*, const char*> parts[] = {{&results.by_district, "district"}, {&results.by_industry, "industry"}};
    for (const auto& [matrix, rows] : parts) {
        const std::string row_header = tr(std::string("header.") + rows);
        const grid g = grid_of(*matrix, tr(std::string("report.results_by_") + rows), row_header, &plan);
        m.element("h2", g.title);
        figure(m, tr(std::string("html.chart_") + rows), svg_stacked_bars(stars_chart(*matrix, std::string("chart-") + rows, g.title, &plan)));
        m.raw(to_html_table(g, true));
    }
    if (results.pending > 0) m.element("p", tr("html.pending", {to_string(results.pending)}), {{"class", "meta"}});
}

void distribution(markup& m, const registry& r, const campaign& plan) {
    const edition* ed = nullptr;
    for (const auto& e : embedded_catalog().editions())
        if (e.id == plan.edition) ed = &e;
    int dossiers = 0;
    const histogram_chart h = totals_histogram(r, ed, dossiers);
    m.element("h2", h.title);
    figure(m, tr("html.distribution_caption"), svg_histogram(h));
    m.element("p", tr("html.distribution_note", {to_string(dossiers), ed ? ed->bands_source : plan.edition}), {{"class", "meta"}});
}

}  // namespace

std::string campaign_report_html(const registry& r, date as_of, const std::string& note) {
    const campaign& plan = *r.campaign();
    const std::string title = tr("html.report_title", {plan.province, to_string(plan.year)});
    markup m;
    m.element("h1", title);
    m.element("p", tr("html.report_meta", {plan.id, plan.plan, plan.edition, day(as_of)}), {{"class", "meta"}});
    if (!note.empty()) m.element("p", note, {{"class", "warning"}});
    registrations(m, r, plan);
    results(m, r, plan);
    distribution(m, r, plan);
    const grid candidates = grid_of(five_star_candidates(r), &plan);
    m.element("h2", candidates.title).raw(to_html_table(candidates));
    return html_document(title, m.str());
}

}  // namespace ocop::cli
