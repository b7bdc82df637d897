#pragma once
// Private: the fast reader of an exported log line (event_log::import_jsonl). One pass over the
// bytes checks that the line is a canonical entry in the common form: the keys index, prev, event,
// hash in this order, no whitespace, strings without escapes, integers only, no key twice in an
// object, UTF-8 valid. Anything else (an error, or a canonical line it does not know, such as a
// string with an escape or a number with a fraction) is left to the full reader, which parses the
// line with detail::parse_json and names what is wrong: the scanner never refuses, it only accepts.

#include <cstdint>
#include <string_view>

#include "ocop/detail/sha256.hpp"

namespace ocop::detail {

/// The parts of a log line the scanner accepted (prev and hash read from their hex digits).
struct scanned_log_line {
    std::uint64_t index = 0;
    sha256_digest prev{};
    std::string_view event;  ///< the event object's text
    sha256_digest hash{};
};

/// True, with `out` set, when `line` (without its newline) is a canonical log line the scanner
/// knows; false when the full reader must read it (the line may still be valid).
bool scan_log_line(std::string_view line, scanned_log_line& out) noexcept;

}  // namespace ocop::detail
