#pragma once
/// @file date.hpp
/// Calendar dates (proleptic Gregorian), parsed and printed as ISO 8601 "YYYY-MM-DD".

#include <compare>
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
    /// Days since 1970-01-01 (negative before).
    long days_since_epoch() const;

    friend auto operator<=>(const date&, const date&) = default;
};

}  // namespace ocop
