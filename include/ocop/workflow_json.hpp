#pragma once
/// @file workflow_json.hpp
/// Events and dossier states as JSON (docs/workflow.md).

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/workflow.hpp"

namespace ocop {

boost::json::value to_json(const event& e);
boost::json::value to_json(const dossier_state& s);
/// The canonical JSON text of an event (the bytes a log entry holds and hashes) and of a state:
/// `boost::json::serialize(to_json(x))`, written directly without building the JSON value.
std::string canonical_json(const event& e);
std::string canonical_json(const dossier_state& s);
/// Parses an event from JSON; every problem with its path ("/payload/mean/denominator").
/// Throws error(errc::invalid_json or errc::invalid_document).
event parse_event(std::string_view json_text);
event event_from_json(const boost::json::value& v, const std::string& path = "");
dossier_state parse_state(std::string_view json_text);

}  // namespace ocop
