#pragma once
/// @file json.hpp
/// JSON text as the library reads it, for hosts and tools that look at a document before handing
/// it to a loader (to tell what it holds, or to split a list of events).

#include <string_view>

#include <boost/json/value.hpp>

namespace ocop {

/// Parses JSON text with the limits every loader of ocop applies (UTF-8 checked, nesting depth 64).
/// Throws error(errc::invalid_json) naming the byte offset of the first problem.
boost::json::value parse_json(std::string_view text);
/// The same, the value's memory taken from `sp`: a boost::json::monotonic_resource over a buffer
/// makes parsing a value that is read and dropped at once allocation-free.
boost::json::value parse_json(std::string_view text, boost::json::storage_ptr sp);

}  // namespace ocop
