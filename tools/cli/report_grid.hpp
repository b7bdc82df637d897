#pragma once
// Reports as grids of text, rendered for people (aligned), spreadsheets (CSV) and documents (Markdown).

#include <ostream>
#include <string>
#include <vector>

#include <utility>

#include <boost/json/value.hpp>

#include "ocop/registry.hpp"
#include "ocop/reports.hpp"

namespace ocop::cli {

/// A titled grid of cells; a header starting with '>' is a right-aligned (numeric) column.
struct grid {
    std::string title;
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

void print_text(std::ostream& out, const grid& g);
/// RFC 4180 CSV (CRLF-free: "\n" line ends), header row first.
std::string to_csv(const grid& g);
/// A GitHub-flavoured Markdown table under a "## title" heading.
std::string to_markdown(const grid& g);

grid grid_of(const count_matrix& m, const std::string& title, const std::string& row_header);
grid grid_of(const std::vector<candidate_row>& rows);
grid grid_of(const std::vector<recognised_row>& rows);
grid grid_of(const std::vector<batch_progress>& rows);
grid grid_of(const std::vector<overdue_row>& rows);

/// The reports of `kind` ("all", "registrations", "results", "candidates", "recognised", "overdue",
/// "progress") as (file stem, grid) pairs in a fixed order. Throws std::invalid_argument for another kind.
std::vector<std::pair<std::string, grid>> report_grids(const registry& r, date as_of, const std::string& kind);
/// The same reports as one JSON object keyed by kind, with "as_of".
boost::json::value reports_json(const registry& r, date as_of, const std::string& kind);
/// The day of the last event in the registry: the default "as of" of reports (never the clock).
date last_event_day(const registry& r);

}  // namespace ocop::cli
