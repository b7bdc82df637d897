#pragma once
/// @file reports.hpp
/// Reports ("báo cáo") over a registry, as data (as JSON: reports_json.hpp): registrations by district × industry
/// (the form of Hanoi's appendix 01), results by stars, 5★ candidates, recognised products with
/// their certificates, dossiers waiting past their step's window, and progress per batch.
/// Pure functions of the registry (and a date given by the caller); each is O(dossiers) (times the
/// campaign's steps for overdue_dossiers) and throws only std::bad_alloc.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include "ocop/campaign.hpp"
#include "ocop/date.hpp"
#include "ocop/procedure.hpp"

namespace ocop {

class registry;  // registry.hpp

/// A table of counts with row and column totals.
struct count_row {
    std::string key;
    std::vector<int> counts;  ///< one per column
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(count_row, (), (key, counts, total))

struct count_matrix {
    std::string rows;  ///< what the rows are: "district", "industry"
    std::vector<std::string> columns;
    std::vector<count_row> table;
    std::vector<int> column_totals;
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(count_matrix, (), (rows, columns, table, column_totals, total))

/// Registered dossiers by district × industry. Rows and columns follow the campaign (its districts
/// and industries, in the plan's order, every one listed even with 0) when the registry has one;
/// other districts or industries follow in sorted order. Complexity: O(dossiers).
count_matrix registrations_by_district(const registry& r);
/// The same table for what the campaign planned (Hanoi: appendix 01).
count_matrix planned_registrations(const campaign& c);

/// Results by final stars: columns "0★" (knocked out) to "5★", and "no rank" for dossiers that
/// ended without one (withdrawn before any recognition, failed pre-check); dossiers still in the
/// procedure without a rank are left out and counted in `pending`.
struct results_report {
    count_matrix by_district;
    count_matrix by_industry;
    int pending = 0;
};
BOOST_DESCRIBE_STRUCT(results_report, (), (by_district, by_industry, pending))
results_report results_by_stars(const registry& r);

/// A dossier forwarded to the level that recognises 5★ (central), with the mean that qualified it
/// (the last council mean before that level) and the outcome there.
struct candidate_row {
    std::string dossier;
    std::string product_name;
    std::string district;
    std::string industry;
    std::string province_mean;  ///< the last council mean at the level that forwarded it
    std::string status;         ///< "pending", "recognised" (5★), "not_recognised" (keeps its stars), "withdrawn"
    std::optional<int> stars;   ///< stars held now (certificate), if any
    std::optional<bool> mean_from_paper;  ///< true: that mean was entered from paper, not computed from scorecards
};
BOOST_DESCRIBE_STRUCT(candidate_row, (), (dossier, product_name, district, industry, province_mean, status, stars, mean_from_paper))
std::vector<candidate_row> five_star_candidates(const registry& r);

/// A recognised product: its latest certificate, whether it is still valid on `as_of`; with what
/// the decision's appendix lists (product, subject, address, set, mean score, stars, certificate).
struct recognised_row {
    std::string dossier;
    std::string product_name;
    std::string subject;
    std::string district;
    std::optional<std::string> commune;
    std::string industry;
    std::optional<std::string> set;  ///< the product set's id, when the dossier names one
    std::string mean;                ///< the mean of the last council at the recognising level ("" if none)
    int stars = 0;
    std::string level;
    std::string decision;
    std::string certificate;
    date issued_on;
    date expires_on;
    bool valid = true;  ///< as_of <= expires_on (its last valid day) and not marked expired
    std::optional<bool> mean_from_paper;  ///< true: the mean was entered from paper, not computed from scorecards
};
BOOST_DESCRIBE_STRUCT(recognised_row, (), (dossier, product_name, subject, district, commune, industry, set, mean, stars, level, decision,
                                           certificate, issued_on, expires_on, valid, mean_from_paper))
std::vector<recognised_row> recognised_products(const registry& r, date as_of);

/// A dossier still waiting for a step whose window (for its batch) ended before `as_of`.
struct overdue_row {
    std::string dossier;
    std::string batch;
    std::string level;
    phase in_phase = phase::submitted;
    int step = 0;
    std::string what;
    date last_day;
    int days_late = 0;
};
BOOST_DESCRIBE_STRUCT(overdue_row, (), (dossier, batch, level, in_phase, step, what, last_day, days_late))
/// A dossier waits for the first step whose `waiting` matches its level, phase and rounds. Needs a
/// campaign (the registry's); empty without one.
std::vector<overdue_row> overdue_dossiers(const registry& r, date as_of);

/// Dossiers of one batch by phase, and how many are certified by stars.
struct phase_count {
    phase of = phase::draft;
    int count = 0;
};
BOOST_DESCRIBE_STRUCT(phase_count, (), (of, count))
struct batch_progress {
    std::string batch;  ///< "" for dossiers in no batch
    int dossiers = 0;
    std::vector<phase_count> by_phase;  ///< phases with at least one dossier, in phase order
    std::vector<int> certified_by_stars;  ///< index 0..5
};
BOOST_DESCRIBE_STRUCT(batch_progress, (), (batch, dossiers, by_phase, certified_by_stars))
std::vector<batch_progress> progress_by_batch(const registry& r);

/// The reports by name, as report_json() (reports_json.hpp) and the C ABI's ocop_registry_report
/// know them, in this order: "registrations", "planned", "results", "candidates", "recognised",
/// "overdue", "progress".
std::span<const std::string_view> report_names() noexcept;
/// Whether the report `name` needs a date ("recognised", "overdue"); false for any other name.
bool report_needs_date(std::string_view name) noexcept;

}  // namespace ocop
