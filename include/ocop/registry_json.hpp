#pragma once
/// @file registry_json.hpp
/// A registry's dossiers as JSON (docs/workflow.md).

#include <boost/json/value.hpp>

#include "ocop/registry.hpp"

namespace ocop {

/// {"dossiers": [state, ...]} in id order: equal registries give equal bytes.
boost::json::value to_json(const registry& r);

}  // namespace ocop
