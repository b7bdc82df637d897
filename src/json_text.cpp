// JSON text as every loader reads it, offered to hosts and tools (ocop/json.hpp).

#include "ocop/json.hpp"

#include "ocop/detail/json_reader.hpp"

namespace ocop {

boost::json::value parse_json(std::string_view text) { return detail::parse_json(text); }

boost::json::value parse_json(std::string_view text, boost::json::storage_ptr sp) { return detail::parse_json(text, std::move(sp)); }

}  // namespace ocop
