#include "report_grid.hpp"

#include <stdexcept>

#include "ocop/reports_json.hpp"
#include "ocop/workflow.hpp"
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
    for (std::size_t i = 0; i < g.headers.size(); ++i) t.max_width(i, 48);
    for (const auto& r : g.rows) t.add(r);
    t.print(out);
}

std::string to_csv(const grid& g) {
    std::string out;
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

grid grid_of(const count_matrix& m, const std::string& title, const std::string& row_header) {
    grid g{title, {row_header}, {}};
    for (const auto& c : m.columns) g.headers.push_back(">" + c);
    g.headers.push_back(">Total");
    for (const auto& row : m.table) {
        std::vector<std::string> cells{row.key};
        for (int n : row.counts) cells.push_back(std::to_string(n));
        cells.push_back(std::to_string(row.total));
        g.rows.push_back(std::move(cells));
    }
    std::vector<std::string> totals{"Total"};
    for (int n : m.column_totals) totals.push_back(std::to_string(n));
    totals.push_back(std::to_string(m.total));
    g.rows.push_back(std::move(totals));
    return g;
}

grid grid_of(const std::vector<candidate_row>& rows) {
    grid g{"5-star candidates proposed to the central level", {"Dossier", "Product", "District", "Industry", ">Province mean", "Status", ">Stars"}, {}};
    for (const auto& r : rows)
        g.rows.push_back({r.dossier, r.product_name, r.district, r.industry, r.province_mean, r.status, r.stars ? std::to_string(*r.stars) : "-"});
    return g;
}

grid grid_of(const std::vector<recognised_row>& rows) {
    grid g{"Recognised products and their certificates",
           {"Dossier", "Product", "District", ">Stars", "Level", "Decision", "Certificate", "Issued", "Expires", "Valid"}, {}};
    for (const auto& r : rows)
        g.rows.push_back({r.dossier, r.product_name, r.district, std::to_string(r.stars), r.level, r.decision, r.certificate,
                          r.issued_on.to_string(), r.expires_on.to_string(), r.valid ? "yes" : "no"});
    return g;
}

grid grid_of(const std::vector<batch_progress>& rows) {
    grid g{"Progress per batch", {"Batch", ">Dossiers", "Phases", ">3★", ">4★", ">5★"}, {}};
    for (const auto& b : rows) {
        std::string phases;
        for (const auto& p : b.by_phase) phases += (phases.empty() ? "" : ", ") + std::string(to_string(p.of)) + " " + std::to_string(p.count);
        g.rows.push_back({b.batch.empty() ? "-" : b.batch, std::to_string(b.dossiers), phases, std::to_string(b.certified_by_stars.at(3)),
                          std::to_string(b.certified_by_stars.at(4)), std::to_string(b.certified_by_stars.at(5))});
    }
    return g;
}

grid grid_of(const std::vector<overdue_row>& rows) {
    grid g{"Dossiers waiting past their step's window", {"Dossier", "Batch", "Level", "Phase", ">Step", "Waiting for", "Last day", ">Days late"}, {}};
    for (const auto& r : rows)
        g.rows.push_back({r.dossier, r.batch, r.level, std::string(to_string(r.in_phase)), std::to_string(r.step), r.what,
                          r.last_day.to_string(), std::to_string(r.days_late)});
    return g;
}

/// The reports of a registry as grids, by kind, in a fixed order.
std::vector<std::pair<std::string, grid>> report_grids(const registry& r, date as_of, const std::string& kind) {
    std::vector<std::pair<std::string, grid>> out;
    auto want = [&](const char* k) { return kind == "all" || kind == k; };
    if (want("registrations")) out.emplace_back("registrations", grid_of(registrations_by_district(r), "Registrations by district and industry", "District"));
    if (want("results")) {
        auto results = results_by_stars(r);
        out.emplace_back("results-by-district", grid_of(results.by_district, "Results by stars per district", "District"));
        out.emplace_back("results-by-industry", grid_of(results.by_industry, "Results by stars per industry", "Industry"));
    }
    if (want("candidates")) out.emplace_back("candidates", grid_of(five_star_candidates(r)));
    if (want("recognised")) out.emplace_back("recognised", grid_of(recognised_products(r, as_of)));
    if (want("overdue")) out.emplace_back("overdue", grid_of(overdue_dossiers(r, as_of)));
    if (want("progress")) out.emplace_back("progress", grid_of(progress_by_batch(r)));
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
