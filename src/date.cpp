#include "ocop/date.hpp"

#include <chrono>
#include <cstdio>

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

std::optional<timestamp_parts> parse_timestamp(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SS[.f+](Z|+HH:MM|-HH:MM)
    if (t.size() < 20 || t[10] != 'T' || t[13] != ':' || t[16] != ':') return std::nullopt;
    auto day = date::parse(t.substr(0, 10));
    int hh = 0, mm = 0, ss = 0;
    if (!day || !digits(t, 11, 2, hh) || !digits(t, 14, 2, mm) || !digits(t, 17, 2, ss)) return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    std::size_t i = 19;
    if (i < t.size() && t[i] == '.') {
        std::size_t start = ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == start) return std::nullopt;
    }
    int offset = 0;
    if (i + 1 == t.size() && t[i] == 'Z') {
        offset = 0;
    } else if (i + 6 == t.size() && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':') {
        int oh = 0, om = 0;
        if (!digits(t, i + 1, 2, oh) || !digits(t, i + 4, 2, om) || om > 59) return std::nullopt;
        offset = (oh * 60 + om) * 60 * (t[i] == '-' ? -1 : 1);
        if (offset < -12 * 3600 || offset > 14 * 3600) return std::nullopt;
    } else {
        return std::nullopt;
    }
    timestamp_parts out;
    out.utc_seconds = day->days_since_epoch() * 86400 + hh * 3600 + mm * 60 + ss - offset;
    const std::int64_t local = out.utc_seconds + province_utc_offset_seconds;
    out.day = date::from_days_since_epoch(static_cast<long>(local / 86400 - (local % 86400 < 0 ? 1 : 0)));
    return out;
}

bool periods_overlap(date a_from, const std::optional<date>& a_until, date b_from, const std::optional<date>& b_until) noexcept {
    return (!a_until || b_from <= *a_until) && (!b_until || a_from <= *b_until);
}

}  // namespace ocop
