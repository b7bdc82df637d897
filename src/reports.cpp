// Reports over a registry: registrations, results, candidates, certificates, overdue, progress.

#include "ocop/reports.hpp"
#include "ocop/reports_json.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "ocop/detail/described_json.hpp"

namespace ocop {

namespace json = boost::json;

namespace {

/// Builds a table from (row, column) pairs: preferred keys first in their order, others sorted after.
count_matrix tabulate(std::string rows_are, std::vector<std::string> rows, std::vector<std::string> columns,
                      const std::vector<std::pair<std::string, std::string>>& cells) {
    std::set<std::string> extra_rows, extra_cols;
    for (const auto& [r, c] : cells) {
        if (std::find(rows.begin(), rows.end(), r) == rows.end()) extra_rows.insert(r);
        if (std::find(columns.begin(), columns.end(), c) == columns.end()) extra_cols.insert(c);
    }
    rows.insert(rows.end(), extra_rows.begin(), extra_rows.end());
    columns.insert(columns.end(), extra_cols.begin(), extra_cols.end());
    count_matrix m;
    m.rows = std::move(rows_are);
    m.columns = columns;
    m.column_totals.assign(columns.size(), 0);
    for (const auto& r : rows) m.table.push_back({r, std::vector<int>(columns.size(), 0), 0});
    for (const auto& [r, c] : cells) {
        auto ri = static_cast<std::size_t>(std::find(rows.begin(), rows.end(), r) - rows.begin());
        auto ci = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), c) - columns.begin());
        m.table[ri].counts[ci] += 1;
        m.table[ri].total += 1;
        m.column_totals[ci] += 1;
        m.total += 1;
    }
    return m;
}

std::vector<std::string> campaign_industries(const registry& r) {
    std::vector<std::string> out;
    if (r.campaign())
        for (const auto& i : r.campaign()->industries) out.push_back(i.id);
    return out;
}

std::vector<std::string> district_rows(const registry& r) {
    return r.campaign() ? r.campaign()->district_rows() : std::vector<std::string>{};
}

std::vector<std::string> star_columns() { return {"0★", "1★", "2★", "3★", "4★", "5★", "no rank"}; }

}  // namespace

count_matrix registrations_by_district(const registry& r) {
    std::vector<std::pair<std::string, std::string>> cells;
    for (const auto& [id, s] : r.dossiers()) cells.emplace_back(s.dossier.district, s.dossier.industry);
    return tabulate("district", district_rows(r), campaign_industries(r), cells);
}

count_matrix planned_registrations(const campaign& c) {
    count_matrix m;
    m.rows = "district";
    for (const auto& i : c.industries) m.columns.push_back(i.id);
    m.column_totals.assign(m.columns.size(), 0);
    for (const auto& d : c.district_rows()) {
        count_row row{d, std::vector<int>(m.columns.size(), 0), 0};
        for (const auto& p : c.planned)
            if (p.district == d) {
                row.counts = p.by_industry;
                row.total = p.total;
            }
        for (std::size_t k = 0; k < row.counts.size() && k < m.column_totals.size(); ++k) m.column_totals[k] += row.counts[k];
        m.total += row.total;
        m.table.push_back(std::move(row));
    }
    return m;
}

results_report results_by_stars(const registry& r) {
    std::vector<std::pair<std::string, std::string>> by_district, by_industry;
    results_report out;
    for (const auto& [id, s] : r.dossiers()) {
        const bool ended = s.phase == phase::closed || s.phase == phase::not_recognised || s.phase == phase::withdrawn ||
                           s.phase == phase::expired || s.phase == phase::certified;
        if (!s.final_stars && !ended) {
            out.pending += 1;
            continue;
        }
        std::string col = s.final_stars ? std::to_string(*s.final_stars) + "★" : "no rank";
        by_district.emplace_back(s.dossier.district, col);
        by_industry.emplace_back(s.dossier.industry, col);
    }
    out.by_district = tabulate("district", district_rows(r), star_columns(), by_district);
    out.by_industry = tabulate("industry", campaign_industries(r), star_columns(), by_industry);
    return out;
}

std::vector<candidate_row> five_star_candidates(const registry& r) {
    std::vector<candidate_row> out;
    const procedure_library& procs = r.rules().procedures ? *r.rules().procedures : embedded_procedures();
    for (const auto& [id, s] : r.dossiers()) {
        // A candidate has been forwarded to a level that recognises 5★ (the central level).
        const procedure& proc = procs.get(s.edition);
        const procedure_level* level = proc.find_level(s.level);
        if (!level || level == &proc.levels.front() ||
            std::find(level->recognises.begin(), level->recognises.end(), 5) == level->recognises.end())
            continue;
        candidate_row row{s.dossier.id, s.dossier.product_name, s.dossier.district, s.dossier.industry, "", "pending", std::nullopt, std::nullopt};
        // The mean that qualified it: the last council result before the central level.
        for (const auto& res : s.results)
            if (res.level != s.level) {
                row.province_mean = res.mean_display;
                row.mean_from_paper = res.from_paper;
            }
        if (s.phase == phase::certified && s.certificate() && s.certificate()->level == s.level) row.status = "recognised";
        else if (s.phase == phase::not_recognised) row.status = "not_recognised";
        else if (s.phase == phase::withdrawn) row.status = "withdrawn";
        if (const certificate_record* c = s.certificate()) row.stars = c->stars;
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<recognised_row> recognised_products(const registry& r, date as_of) {
    std::vector<recognised_row> out;
    for (const auto& [id, s] : r.dossiers()) {
        const certificate_record* c = s.certificate();
        if (!c) continue;
        const council_record* council = s.last_result(c->level);
        out.push_back({s.dossier.id, s.dossier.product_name, s.dossier.subject.name, s.dossier.district, s.dossier.commune,
                       s.dossier.industry, s.dossier.set, council ? council->mean_display : std::string(), c->stars, c->level,
                       c->decision, c->number, c->issued_on, c->expires_on,
                       s.phase != phase::expired && as_of <= c->expires_on,  // expires_on is the last valid day
                       council ? council->from_paper : std::nullopt});
    }
    return out;
}

std::vector<overdue_row> overdue_dossiers(const registry& r, date as_of) {
    std::vector<overdue_row> out;
    if (!r.campaign()) return out;
    for (const auto& entry : r.dossiers()) {
        const auto& s = entry.second;  // not a structured binding: Clang 14 cannot capture one in a lambda
        if (!s.batch) continue;
        for (const auto& step : r.campaign()->steps) {
            bool waits = std::any_of(step.waiting.begin(), step.waiting.end(), [&](const step_wait& w) {
                return w.level == s.level && w.in_phase == s.phase && (!w.rounds || *w.rounds == s.rounds);
            });
            if (!waits) continue;
            const date_window* win = step.window_for(*s.batch);
            auto last = win ? win->last_day() : std::nullopt;
            if (last && *last < as_of)
                out.push_back({s.dossier.id, *s.batch, s.level, s.phase, step.step, step.what, *last,
                               static_cast<int>(as_of.days_since_epoch() - last->days_since_epoch())});
            break;
        }
    }
    return out;
}

std::vector<batch_progress> progress_by_batch(const registry& r) {
    std::map<std::string, std::map<phase, int>> phases;
    std::map<std::string, batch_progress> rows;
    if (r.campaign())
        for (const auto& b : r.campaign()->batches) rows[b.id].batch = b.id;
    for (const auto& [id, s] : r.dossiers()) {
        std::string b = s.batch.value_or("");
        auto& row = rows[b];
        row.batch = b;
        row.dossiers += 1;
        phases[b][s.phase] += 1;
        if (row.certified_by_stars.empty()) row.certified_by_stars.assign(6, 0);
        if (s.phase == phase::certified && s.certificate()) row.certified_by_stars[static_cast<std::size_t>(s.certificate()->stars)] += 1;
    }
    std::vector<batch_progress> out;
    for (auto& [b, row] : rows) {
        if (row.certified_by_stars.empty()) row.certified_by_stars.assign(6, 0);
        for (const auto& [p, n] : phases[b]) row.by_phase.push_back({p, n});
        out.push_back(std::move(row));
    }
    return out;
}

json::value to_json(const count_matrix& m) { return detail::write_json(m); }
json::value to_json(const results_report& r) { return detail::write_json(r); }
json::value to_json(const std::vector<candidate_row>& rows) { return detail::write_json(rows); }
json::value to_json(const std::vector<recognised_row>& rows) { return detail::write_json(rows); }
json::value to_json(const std::vector<overdue_row>& rows) { return detail::write_json(rows); }
json::value to_json(const std::vector<batch_progress>& rows) { return detail::write_json(rows); }

count_matrix parse_count_matrix(std::string_view text) { return detail::parse_described<count_matrix>(text); }
results_report parse_results_report(std::string_view text) { return detail::parse_described<results_report>(text); }
std::vector<candidate_row> parse_candidates(std::string_view text) { return detail::parse_described<std::vector<candidate_row>>(text); }
std::vector<recognised_row> parse_recognised(std::string_view text) { return detail::parse_described<std::vector<recognised_row>>(text); }
std::vector<overdue_row> parse_overdue(std::string_view text) { return detail::parse_described<std::vector<overdue_row>>(text); }
std::vector<batch_progress> parse_progress(std::string_view text) { return detail::parse_described<std::vector<batch_progress>>(text); }

}  // namespace ocop
