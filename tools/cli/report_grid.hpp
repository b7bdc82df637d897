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
/// The byte order mark that tells Excel a CSV file is UTF-8.
inline constexpr const char* utf8_bom = "\xEF\xBB\xBF";
/// RFC 4180 CSV ("\n" line ends), header row first, no comment line; with `bom`, the UTF-8 byte
/// order mark first (every CSV file the tool writes has it).
std::string to_csv(const grid& g, bool bom = true);
/// A GitHub-flavoured Markdown table under a "## title" heading.
std::string to_markdown(const grid& g);
/// An HTML table (markup, every cell escaped; right-aligned columns with class "num"), without the
/// title; with `total_row`, the last row is marked as the totals (class "total").
std::string to_html_table(const grid& g, bool total_row = false);

/// Each report as a grid in the output language (language.hpp): headers, category names, dates and
/// decimals; `plan` (may be null) names the campaign's industries and batches.
grid grid_of(const count_matrix& m, const std::string& title, const std::string& row_header, const campaign* plan);
/// A row or column key of a count matrix as people read it: "no rank" in the output language, an
/// industry's name (`industry`), else the key (a district, "3★").
std::string matrix_key(const campaign* plan, const std::string& key, bool industry);
grid grid_of(const std::vector<candidate_row>& rows, const campaign* plan);
grid grid_of(const std::vector<recognised_row>& rows, const campaign* plan);
grid grid_of(const std::vector<batch_progress>& rows, const campaign* plan);
grid grid_of(const std::vector<overdue_row>& rows, const campaign* plan);

/// The reports of `kind` ("all", "registrations", "results", "candidates", "recognised", "overdue",
/// "progress") as (file stem, grid) pairs in a fixed order. Throws std::invalid_argument for another kind.
std::vector<std::pair<std::string, grid>> report_grids(const registry& r, date as_of, const std::string& kind);
/// The same reports as one JSON object keyed by kind, with "as_of".
boost::json::value reports_json(const registry& r, date as_of, const std::string& kind);
/// The day of the last event in the registry: the default "as of" of reports (never the clock).
date last_event_day(const registry& r);

}  // namespace ocop::cli
