#pragma once
/// @file campaign_analytics_json.hpp
/// Campaign analytics documents and results as JSON (docs/scoring.md, "Campaign analytics").

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/campaign_analytics.hpp"
#include "ocop/recorded_councils.hpp"

namespace ocop {

/// Parses {"analysis": {...}, "councils": [{"id", "industry", "policy"?, "scorecards": [...]}]}.
/// Throws error(errc::invalid_json or errc::invalid_document) with every problem and its path.
campaign_analytics_input parse_campaign_analytics(std::string_view json_text);
boost::json::value to_json(const campaign_analytics& analytics);
/// Parses the options of analytics over a log: {"level": "province"?, "analysis": {...}?} (an empty
/// text: the defaults). Throws error(errc::invalid_json or errc::invalid_document) with the path.
log_analytics_options parse_log_analytics_options(std::string_view json_text);

}  // namespace ocop
