#include "ocop/date.hpp"

#include <chrono>
#include <cstdio>

#include "ocop/detail/timestamp_fields.hpp"

namespace ocop {

namespace {
bool is_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) {
    if (from + n > s.size()) return false;
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}
unsigned last_day(int y, unsigned m) {
    return static_cast<unsigned>(std::chrono::year_month_day_last(std::chrono::year(y), std::chrono::month_day_last(std::chrono::month(m))).day());
}
}  // namespace

std::optional<date> date::parse(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
    if (!is_digits(y) || !is_digits(m) || !is_digits(d)) return std::nullopt;
    date out{to_int(y), static_cast<unsigned>(to_int(m)), static_cast<unsigned>(to_int(d))};
    if (out.year < 1900 || out.month < 1 || out.month > 12 || out.day < 1 || out.day > last_day(out.year, out.month))
        return std::nullopt;
    return out;
}

std::string date::to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    return buf;
}

date date::plus_months(int months) const {
    int index = year * 12 + static_cast<int>(month) - 1 + months;
    date out{index / 12, static_cast<unsigned>(index % 12) + 1, day};
    out.day = std::min(out.day, last_day(out.year, out.month));
    return out;
}

date date::plus_days(long days) const { return from_days_since_epoch(days_since_epoch() + days); }

date date::from_days_since_epoch(long days) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    return date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

long date::days_since_epoch() const {
    using namespace std::chrono;
    return sys_days(year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)))
        .time_since_epoch()
        .count();
}

namespace detail {

std::optional<timestamp_parts> timestamp_from_fields(const timestamp_fields& f) {
    if (f.year < 1900 || f.month < 1 || f.month > 12 || f.day < 1 || f.day > last_day(f.year, f.month)) return std::nullopt;
    if (f.hour > 23 || f.minute > 59 || f.second > 59 || f.zone_minutes > 59) return std::nullopt;
    const int offset = (f.zone_hours * 60 + f.zone_minutes) * 60 * (f.zone_minus ? -1 : 1);
    if (offset < -12 * 3600 || offset > 14 * 3600) return std::nullopt;
    const date day{f.year, f.month, f.day};
    const int seconds = f.hour * 3600 + f.minute * 60 + f.second - offset;  // from the day's UTC midnight
    timestamp_parts out;
    out.utc_seconds = day.days_since_epoch() * 86400 + seconds;
    // The province's day: the written day, or the one before or after (|offsets| < 15 h).
    const std::int64_t local = seconds + province_utc_offset_seconds;
    out.day = local < 0 ? day.plus_days(-1) : local >= 86400 ? day.plus_days(1) : day;
    return out;
}

std::string not_a_timestamp(std::string_view found) {
    return "expected an ISO 8601 timestamp with a zone from -12:00 to +14:00 (\"YYYY-MM-DDTHH:MM:SS+07:00\"), found \"" +
           std::string(found) + "\"";
}

}  // namespace detail

std::optional<timestamp_parts> parse_timestamp(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SS[.f+](Z|+HH:MM|-HH:MM)
    if (t.size() < 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':') return std::nullopt;
    detail::timestamp_fields f;
    int month = 0, day = 0;
    if (!digits(t, 0, 4, f.year) || !digits(t, 5, 2, month) || !digits(t, 8, 2, day) || !digits(t, 11, 2, f.hour) ||
        !digits(t, 14, 2, f.minute) || !digits(t, 17, 2, f.second))
        return std::nullopt;
    f.month = static_cast<unsigned>(month);
    f.day = static_cast<unsigned>(day);
    std::size_t i = 19;
    if (i < t.size() && t[i] == '.') {
        std::size_t start = ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return std::nullopt;
    }
    if (i + 1 == t.size() && t[i] == 'Z') {
        // +00:00
    } else if (i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':') {
        if (!digits(t, i + 1, 2, f.zone_hours) || !digits(t, i + 4, 2, f.zone_minutes)) return std::nullopt;
        f.zone_minus = t[i] == '-';
    } else {
        return std::nullopt;
    }
    return detail::timestamp_from_fields(f);
}

bool periods_overlap(date a_from, const std::optional<date>& a_until, date b_from, const std::optional<date>& b_until) noexcept {
    return (!a_until || b_from <= *a_until) && (!b_until || a_from <= *b_until);
}

}  // namespace ocop
