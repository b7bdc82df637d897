#pragma once
// Private: a timestamp's fields as written, and the one place that checks them and computes the
// instant (parse_timestamp reads them from the text; replay's coded reader from the log's packed
// digits, detail/canonical_read.hpp, without writing and reading the text again), and what is said
// of a text that parse_timestamp refuses.

#include <optional>
#include <string>
#include <string_view>

#include "ocop/date.hpp"

namespace ocop::detail {

/// "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)" as numbers (any digits; the fraction, which
/// does not change the instant's second, is not kept; "Z" is +00:00).
struct timestamp_fields {
    int year = 0;
    unsigned month = 0, day = 0;
    int hour = 0, minute = 0, second = 0;
    bool zone_minus = false;
    int zone_hours = 0, zone_minutes = 0;
};

/// The instant, or std::nullopt unless the day is a real calendar day of years 1900-9999 (date::parse),
/// the time of day valid and the zone from -12:00 to +14:00: parse_timestamp's checks and arithmetic.
std::optional<timestamp_parts> timestamp_from_fields(const timestamp_fields& f);

/// The problem with a text `found` that parse_timestamp refuses: what was expected, and what was found.
std::string not_a_timestamp(std::string_view found);

}  // namespace ocop::detail
