#pragma once
/// @file scoring_json.hpp
/// Scorecards and their results as JSON (docs/scoring.md). Kept apart from scoring.hpp so that a
/// host that only scores includes no Boost.JSON header.

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/scoring.hpp"

namespace ocop {

/// Parses a scorecard document (docs/scoring.md). Throws error(errc::invalid_json or invalid_document).
scorecard parse_scorecard(std::string_view json_text);
/// The same, from an already parsed value; `path` prefixes every problem path.
scorecard scorecard_from_json(const boost::json::value& doc, std::string_view path = "");
boost::json::value to_json(const scorecard& card);
boost::json::value to_json(const scorecard_result& result);

}  // namespace ocop
