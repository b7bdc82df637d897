#pragma once
/// @file catalog_diff_json.hpp
/// A product set's diff between two editions as JSON (docs/catalog.md). Kept apart from
/// catalog_diff.hpp so that a host that only compares includes no Boost.JSON header.

#include <boost/json/value.hpp>

#include "ocop/catalog_diff.hpp"

namespace ocop {

boost::json::value to_json(const set_diff& d);

}  // namespace ocop
