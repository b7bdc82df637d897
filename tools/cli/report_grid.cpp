#include "report_grid.hpp"

#include <algorithm>
#include <stdexcept>

#include "ocop/reports_json.hpp"
#include "ocop/workflow.hpp"
#include "html_writer.hpp"
#include "language.hpp"
#include "table.hpp"

namespace ocop::cli {

namespace {
/// The reports `ocop campaign report` offers, in output order: the library's (report_names())
/// except "planned", which is the plan rather than the campaign's state.
constexpr const char* cli_reports[] = {"registrations", "results", "candidates", "recognised", "overdue", "progress"};

std::string plain(const std::string& header) { return !header.empty() && header.front() == '>' ? header.substr(1) : header; }

std::string csv_cell(const std::string& cell) {
    if (cell.find_first_of(",\"\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string md_cell(const std::string& cell) {
    std::string out;
    for (char c : cell) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}
}  // namespace

void print_text(std::ostream& out, const grid& g) {
    out << g.title << '\n';
    table t(g.headers);
    for (std::size_t i = 0; i < g.headers.size(); ++i) t.max_width(i, 40);
    for (const auto& r : g.rows) t.add(r);
    t.print(out);
}

std::string to_csv(const grid& g, bool bom) {
    std::string out = bom ? utf8_bom : "";
    auto line = [&](const std::vector<std::string>& cells, bool headers) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(headers ? plain(cells[i]) : cells[i]);
        out += '\n';
    };
    line(g.headers, true);
    for (const auto& r : g.rows) line(r, false);
    return out;
}

std::string to_markdown(const grid& g) {
    std::string out = "## " + g.title + "\n\n|";
    for (const auto& h : g.headers) out += " " + md_cell(plain(h)) + " |";
    out += "\n|";
    for (const auto& h : g.headers) out += !h.empty() && h.front() == '>' ? " ---: |" : " --- |";
    out += '\n';
    for (const auto& r : g.rows) {
        out += '|';
        for (const auto& c : r) out += " " + md_cell(c) + " |";
        out += '\n';
    }
    return out + '\n';
}

std::string to_html_table(const grid& g, bool total_row) {
    auto numeric = [&](std::size_t column) { return column < g.headers.size() && g.headers[column].starts_with('>'); };
    markup m;
    m.open("table").open("thead").open("tr");
    for (std::size_t i = 0; i < g.headers.size(); ++i) m.element("th", plain(g.headers[i]), {{"class", numeric(i) ? "num" : ""}});
    m.close().close().open("tbody");
    for (std::size_t r = 0; r < g.rows.size(); ++r) {
        m.open("tr", {{"class", total_row && r + 1 == g.rows.size() ? "total" : ""}});
        for (std::size_t i = 0; i < g.rows[r].size(); ++i) m.element("td", g.rows[r][i], {{"class", numeric(i) ? "num" : ""}});
        m.close();
    }
    return m.close().close().str();
}

std::string matrix_key(const campaign* plan, const std::string& key, bool industry) {
    if (key == "no rank") return tr("report.no_rank");
    return industry ? industry_name(plan, key) : key;
}

namespace {
bool is_industry_key(const campaign* plan, const std::string& key) {
    if (has_message(output_language(), "industry." + key)) return true;
    return plan && std::any_of(plan->industries.begin(), plan->industries.end(), [&](const campaign_industry& i) { return i.id == key; });
}
}  // namespace

grid grid_of(const count_matrix& m, const std::string& title, const std::string& row_header, const campaign* plan) {
    grid g{title, {row_header}, {}};
    for (const auto& c : m.columns) g.headers.push_back(">" + matrix_key(plan, c, is_industry_key(plan, c)));
    g.headers.push_back(">" + tr("common.total"));
    for (const auto& row : m.table) {
        std::vector<std::string> cells{matrix_key(plan, row.key, m.rows == "industry")};
        for (int n : row.counts) cells.push_back(std::to_string(n));
        cells.push_back(std::to_string(row.total));
        g.rows.push_back(std::move(cells));
    }
    std::vector<std::string> totals{tr("common.total")};
    for (int n : m.column_totals) totals.push_back(std::to_string(n));
    totals.push_back(std::to_string(m.total));
    g.rows.push_back(std::move(totals));
    return g;
}

/// A council's mean, marked when it was entered from paper rather than computed from scorecards.
std::string mean_cell(const std::string& mean, const std::optional<bool>& from_paper) {
    return decimal(mean) + (from_paper.value_or(false) ? " " + tr("common.from_paper") : "");
}

grid grid_of(const std::vector<candidate_row>& rows, const campaign* plan) {
    grid g{tr("report.candidates"),
           {tr("header.dossier"), tr("header.product"), tr("header.district"), tr("header.industry"), ">" + tr("header.province_mean"),
            tr("header.status"), ">" + tr("header.stars")},
           {}};
    for (const auto& r : rows)
        g.rows.push_back({r.dossier, r.product_name, r.district, industry_name(plan, r.industry), mean_cell(r.province_mean, r.mean_from_paper),
                          label_or_id("candidate", r.status), r.stars ? std::to_string(*r.stars) : "-"});
    return g;
}

grid grid_of(const std::vector<recognised_row>& rows, const campaign* plan) {
    grid g{tr("report.recognised"),
           {tr("header.dossier"), tr("header.product"), tr("header.subject"), tr("header.district"), tr("header.commune"),
            tr("header.industry"), tr("header.set"), ">" + tr("header.mean"), ">" + tr("header.stars"), tr("header.level"),
            tr("header.decision"), tr("header.certificate"), tr("header.issued"), tr("header.expires"), tr("header.valid")},
           {}};
    for (const auto& r : rows)
        g.rows.push_back({r.dossier, r.product_name, r.subject, r.district, r.commune.value_or(""), industry_name(plan, r.industry),
                          r.set ? set_name(plan, *r.set) : "", mean_cell(r.mean, r.mean_from_paper), std::to_string(r.stars), level_name(r.level), r.decision, r.certificate,
                          day(r.issued_on), day(r.expires_on), tr(r.valid ? "common.yes" : "common.no")});
    return g;
}

grid grid_of(const std::vector<batch_progress>& rows, const campaign* plan) {
    grid g{tr("report.progress"),
           {tr("header.batch"), ">" + tr("header.dossiers"), tr("header.phases"), ">3★", ">4★", ">5★"},
           {}};
    for (const auto& b : rows) {
        std::string phases;
        for (const auto& p : b.by_phase)
            phases += (phases.empty() ? "" : ", ") + label_or_id("phase", to_string(p.of)) + " " + std::to_string(p.count);
        g.rows.push_back({b.batch.empty() ? "-" : batch_name(plan, b.batch), std::to_string(b.dossiers), phases,
                          std::to_string(b.certified_by_stars.at(3)), std::to_string(b.certified_by_stars.at(4)),
                          std::to_string(b.certified_by_stars.at(5))});
    }
    return g;
}

grid grid_of(const std::vector<overdue_row>& rows, const campaign* plan) {
    grid g{tr("report.overdue"),
           {tr("header.dossier"), tr("header.batch"), tr("header.level"), tr("header.phase"), ">" + tr("header.step"),
            tr("header.waiting_for"), tr("header.last_day"), ">" + tr("header.days_late")},
           {}};
    for (const auto& r : rows)
        g.rows.push_back({r.dossier, batch_name(plan, r.batch), level_name(r.level), label_or_id("phase", to_string(r.in_phase)),
                          std::to_string(r.step), r.what, day(r.last_day), std::to_string(r.days_late)});
    return g;
}

/// The reports of a registry as grids, by kind, in a fixed order.
std::vector<std::pair<std::string, grid>> report_grids(const registry& r, date as_of, const std::string& kind) {
    std::vector<std::pair<std::string, grid>> out;
    auto want = [&](const char* k) { return kind == "all" || kind == k; };
    const campaign* plan = r.campaign() ? &*r.campaign() : nullptr;
    if (want("registrations"))
        out.emplace_back("registrations", grid_of(registrations_by_district(r), tr("report.registrations"), tr("header.district"), plan));
    if (want("results")) {
        auto results = results_by_stars(r);
        out.emplace_back("results-by-district", grid_of(results.by_district, tr("report.results_by_district"), tr("header.district"), plan));
        out.emplace_back("results-by-industry", grid_of(results.by_industry, tr("report.results_by_industry"), tr("header.industry"), plan));
    }
    if (want("candidates")) out.emplace_back("candidates", grid_of(five_star_candidates(r), plan));
    if (want("recognised")) out.emplace_back("recognised", grid_of(recognised_products(r, as_of), plan));
    if (want("overdue")) out.emplace_back("overdue", grid_of(overdue_dossiers(r, as_of), plan));
    if (want("progress")) out.emplace_back("progress", grid_of(progress_by_batch(r), plan));
    if (out.empty()) throw std::invalid_argument("unknown report \"" + kind + "\"");
    return out;
}

/// The reports as one JSON object keyed by kind.
boost::json::value reports_json(const registry& r, date as_of, const std::string& kind) {
    boost::json::object o;
    for (const char* k : cli_reports)
        if (kind == "all" || kind == k) o[k] = report_json(r, k, as_of);
    if (o.empty()) throw std::invalid_argument("unknown report \"" + kind + "\"");
    o["as_of"] = as_of.to_string();
    return o;
}

/// The day of the last event in the log: the default "as of" date of reports (never the clock).
date last_event_day(const registry& r) {
    date last{1970, 1, 1};
    for (const auto& [id, s] : r.dossiers())
        if (auto t = parse_timestamp(s.updated_at); t && last < t->day) last = t->day;
    return last;
}

}  // namespace ocop::cli
