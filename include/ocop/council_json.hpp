#pragma once
/// @file council_json.hpp
/// Council documents and results as JSON (docs/scoring.md).

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/council.hpp"

namespace ocop {

/// Parses a council document {"policy": {...}, "scorecards": [...]}.
/// Throws error(errc::invalid_json or errc::invalid_document) with every problem and its path.
council_input parse_council(std::string_view json_text);
/// The same, from a parsed document.
council_input council_from_json(const boost::json::value& doc);
boost::json::value to_json(const council_result& result);

}  // namespace ocop
