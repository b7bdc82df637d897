#pragma once
/// @file batch_json.hpp
/// A compiled sheet's layout as JSON: what a batch caller needs to build its rows (docs/c-api.md).

#include <boost/json/value.hpp>

#include "ocop/batch.hpp"

namespace ocop {

/// {"edition","set","status","no_answer":255,"max_total","slots":[{"criterion","options":[{"case"?,
/// "level","points"}]}]}: the slots in row order, each with its options in index order ("case" only
/// for either/or criteria). Complexity: O(options).
boost::json::value to_json(const compiled_sheet& sheet);

}  // namespace ocop
