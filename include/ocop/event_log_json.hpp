#pragma once
/// @file event_log_json.hpp
/// A log verification as JSON. (The log itself, event_log.hpp, is JSON by definition.)

#include <string_view>

#include <boost/json/value.hpp>

#include "ocop/event_log.hpp"

namespace ocop {

boost::json::value to_json(const log_verification& v);
/// Throws error(errc::invalid_json or errc::invalid_document) with paths.
log_verification parse_log_verification(std::string_view json_text);

}  // namespace ocop
