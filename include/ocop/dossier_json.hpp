#pragma once
/// @file dossier_json.hpp
/// Dossiers as JSON (docs/workflow.md).

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/dossier.hpp"

namespace ocop {

boost::json::value to_json(const dossier& d);
/// Throws error(errc::invalid_json or errc::invalid_document) with every problem and its path.
dossier parse_dossier(std::string_view json_text);

}  // namespace ocop
