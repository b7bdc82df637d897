#pragma once
/// @file reports_json.hpp
/// Reports as JSON, and read back from it (docs/workflow.md).

#include <optional>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "ocop/date.hpp"
#include "ocop/registry.hpp"
#include "ocop/reports.hpp"

namespace ocop {

/// The report called `name` (one of report_names()) as JSON: the same as to_json() of the
/// function that computes it. `as_of` is the date of "recognised" and "overdue" (ignored by the others).
/// Throws error(errc::not_found) for an unknown name (the message lists the names) and for
/// "planned" on a registry without a campaign; error(errc::invalid_document) at path "/as_of" when
/// the report needs a date and `as_of` is empty. Complexity: that of the report.
boost::json::value report_json(const registry& r, std::string_view name, std::optional<date> as_of = std::nullopt);

boost::json::value to_json(const count_matrix& m);
boost::json::value to_json(const results_report& r);
boost::json::value to_json(const std::vector<candidate_row>& rows);
boost::json::value to_json(const std::vector<recognised_row>& rows);
boost::json::value to_json(const std::vector<overdue_row>& rows);
boost::json::value to_json(const std::vector<batch_progress>& rows);

/// Reports read back from their JSON (for hosts that store or pass them on); every problem with its
/// path. Throw error(errc::invalid_json or errc::invalid_document).
count_matrix parse_count_matrix(std::string_view json_text);
results_report parse_results_report(std::string_view json_text);
std::vector<candidate_row> parse_candidates(std::string_view json_text);
std::vector<recognised_row> parse_recognised(std::string_view json_text);
std::vector<overdue_row> parse_overdue(std::string_view json_text);
std::vector<batch_progress> parse_progress(std::string_view json_text);

}  // namespace ocop
