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

long date::days_since_epoch() const {
    using namespace std::chrono;
    return sys_days(year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)))
        .time_since_epoch()
        .count();
}

}  // namespace ocop
