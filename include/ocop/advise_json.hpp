#pragma once
/// @file advise_json.hpp
/// Advice requests and advice as JSON (docs/scoring.md, "What lifts a product a star").

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/advise.hpp"

namespace ocop {

/// Parses {"scorecard": {...}} or {"council": {"policy", "scorecards"}}, with the optional
/// "target" (stars), "alternatives" (1 to 20, default 3) and "weights" ({criterion id: cost}).
/// Throws error(errc::invalid_json or errc::invalid_document) with every problem and its path.
advice_request parse_advice_request(std::string_view json_text);
boost::json::value to_json(const advice& a);

}  // namespace ocop
