#include "ocop/date.hpp"

#include <catch2/catch.hpp>

using ocop::date;

TEST_CASE("dates parse only real ISO calendar days") {
    REQUIRE(date::parse("2021-10-06") == date{2021, 10, 6});
    REQUIRE(date::parse("2020-02-29").has_value());
    REQUIRE_FALSE(date::parse("2021-02-29").has_value());
    REQUIRE_FALSE(date::parse("2021-13-01").has_value());
    REQUIRE_FALSE(date::parse("2021-1-01").has_value());
    REQUIRE_FALSE(date::parse("").has_value());
    REQUIRE_FALSE(date::parse("2021-10-06T00").has_value());
    REQUIRE(date::parse("2021-10-06")->to_string() == "2021-10-06");
}

TEST_CASE("certificate expiry adds months and clamps to the month's end") {
    REQUIRE(date{2021, 12, 15}.plus_months(36) == date{2024, 12, 15});
    REQUIRE(date{2021, 1, 31}.plus_months(1) == date{2021, 2, 28});
    REQUIRE(date{2020, 2, 29}.plus_months(36) == date{2023, 2, 28});
    REQUIRE(date{2021, 11, 30}.plus_months(2) == date{2022, 1, 30});
}

TEST_CASE("dates order and count days") {
    REQUIRE(date{2019, 8, 21} < date{2019, 8, 22});
    REQUIRE(date{1970, 1, 2}.days_since_epoch() == 1);
    REQUIRE(date{2021, 10, 6}.days_since_epoch() - date{2021, 9, 6}.days_since_epoch() == 30);
}

TEST_CASE("date plus_days crosses months, years and leap days both ways") {
    REQUIRE(ocop::date{2021, 12, 31}.plus_days(1) == ocop::date{2022, 1, 1});
    REQUIRE(ocop::date{2024, 2, 28}.plus_days(1) == ocop::date{2024, 2, 29});
    REQUIRE(ocop::date{2023, 3, 1}.plus_days(-1) == ocop::date{2023, 2, 28});
    REQUIRE(ocop::date{2026, 5, 22}.plus_days(60) == ocop::date{2026, 7, 21});
    REQUIRE(ocop::date::from_days_since_epoch(ocop::date{2021, 10, 20}.days_since_epoch()) == ocop::date{2021, 10, 20});
}
