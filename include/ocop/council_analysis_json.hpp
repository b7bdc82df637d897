#pragma once
/// @file council_analysis_json.hpp
/// A council's consistency analysis as JSON (docs/scoring.md, "Consistency of a council").

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/council_analysis.hpp"

namespace ocop {

/// Parses a council document with optional thresholds: {"policy": {...}, "scorecards": [...],
/// "analysis": {...}}. Throws error(errc::invalid_json or errc::invalid_document) with every
/// problem and its path.
council_analysis_input parse_council_analysis(std::string_view json_text);
boost::json::value to_json(const council_analysis& analysis);

}  // namespace ocop
