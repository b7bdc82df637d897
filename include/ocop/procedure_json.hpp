#pragma once
/// @file procedure_json.hpp
/// Procedure documents as JSON (docs/workflow.md).

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/procedure.hpp"

namespace ocop {

/// Parses and validates a procedure document (docs/workflow.md): level ids unique, forwards_to
/// naming a later level, rounds consistent, stars 1-5, thresholds 0-100, every event with a role.
/// Throws error(errc::invalid_json) or error(errc::invalid_document) with every problem and its path.
procedure load_procedure(std::string_view json_text);
boost::json::value to_json(const procedure& p);

}  // namespace ocop
