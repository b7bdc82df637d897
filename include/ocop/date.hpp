#pragma once
/// @file date.hpp
/// Calendar dates (proleptic Gregorian), parsed and printed as ISO 8601 "YYYY-MM-DD".

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ocop {

/// A calendar day. The library never reads the clock: callers pass dates in.
struct date {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;

    /// Parses "YYYY-MM-DD"; std::nullopt unless it is a real calendar day of years 1900-9999.
    static std::optional<date> parse(std::string_view text);
    /// "YYYY-MM-DD".
    std::string to_string() const;
    /// The same day `months` later; clamped to the month's last day (2021-01-31 + 1 = 2021-02-28).
    date plus_months(int months) const;
    /// The day `days` later (earlier when negative). Precondition: the result is in years 1900-9999.
    date plus_days(long days) const;
    /// Days since 1970-01-01 (negative before).
    long days_since_epoch() const;
    /// The day `days` after 1970-01-01 (the inverse of days_since_epoch).
    static date from_days_since_epoch(long days);

    friend auto operator<=>(const date&, const date&) = default;
};

/// Whether two periods of validity share a day. Each runs from its first day to its last day
/// inclusive; a period without a last day is still running.
bool periods_overlap(date a_from, const std::optional<date>& a_until, date b_from, const std::optional<date>& b_until) noexcept;

/// The offset of the province's clock from UTC, in seconds: Vietnam keeps UTC+07:00 all year,
/// without daylight saving (docs/workflow.md, "Dates are the province's days").
inline constexpr std::int64_t province_utc_offset_seconds = 7 * 3600;

/// An instant of a timestamp: the day it falls on in the province (UTC+07:00), whatever offset it
/// was written with, and the instant as seconds since 1970-01-01T00:00:00Z.
struct timestamp_parts {
    date day;
    std::int64_t utc_seconds = 0;
};
/// Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)" with an offset from -12:00 to +14:00
/// (the offsets in use on Earth); std::nullopt otherwise.
std::optional<timestamp_parts> parse_timestamp(std::string_view text);

}  // namespace ocop
