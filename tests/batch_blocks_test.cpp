// The batch kernels agree: scoring many rows at once (the vector kernel, 32 rows at a time, where
// the CPU has it; then the portable one for the rows after the last whole block) gives exactly what
// scoring each row alone gives (always the portable kernel), which batch_test.cpp compares with
// ocop::score(). For valid and invalid rows, and for any row count.

#include <optional>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "batch_rows.hpp"
#include "ocop/error.hpp"

namespace {

struct row_result {
    std::int32_t total = -1, stars = -1;
    std::uint8_t outcome = 99;
    std::optional<std::string> error_path;  // set when the row is rejected
};

row_result score_alone(const ocop::compiled_sheet& sheet, const std::uint8_t* row) {
    row_result r;
    try {
        sheet.score({row, sheet.slots()}, 1, {&r.total, 1}, {&r.stars, 1}, {&r.outcome, 1});
    } catch (const ocop::error& e) {
        r.error_path = e.problems().at(0).path;
    }
    return r;
}

/// Scores `count` rows at once and compares with each row alone: the same results, or the error of
/// the first invalid row (its path names row 0 when scored alone: "/scorecards/<i>/" is replaced).
void check_batch(const ocop::compiled_sheet& sheet, const std::vector<std::uint8_t>& rows, std::size_t count) {
    const std::size_t n = sheet.slots();
    std::vector<std::int32_t> totals(count, -1), stars(count, -1);
    std::vector<std::uint8_t> outcomes(count, 99);
    std::optional<std::string> batch_error;
    try {
        sheet.score(std::span(rows).first(count * n), count, totals, stars, outcomes);
    } catch (const ocop::error& e) {
        batch_error = e.problems().at(0).path;
    }
    for (std::size_t i = 0; i < count; ++i) {
        const row_result alone = score_alone(sheet, rows.data() + i * n);
        INFO("set " << sheet.set_id() << ", " << count << " rows, row " << i);
        if (alone.error_path) {
            const std::string expected = "/scorecards/" + std::to_string(i) + alone.error_path->substr(std::string("/scorecards/0").size());
            REQUIRE(batch_error == expected);
            return;
        }
        CHECK(totals[i] == alone.total);
        CHECK(stars[i] == alone.stars);
        CHECK(outcomes[i] == alone.outcome);
    }
    CHECK(!batch_error);
}

}  // namespace

TEST_CASE("batch scoring of many valid rows at once equals scoring each alone, for any row count", "[batch]") {
    const auto& edition = ocop::embedded_catalog().get(GENERATE(as<std::string>{}, "1048-781", "26-2026"));
    std::mt19937 rng(2026);
    for (const auto& set : edition.sets) {
        if (set.status == ocop::set_status::unavailable) continue;
        ocop::compiled_sheet sheet(edition, set);
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
        // Every sheet of the catalog fits the vector kernel: on a CPU with AVX2 this test runs it.
        CHECK(sheet.kernel() == (__builtin_cpu_supports("avx2") ? "avx2" : "portable"));
#endif
        const std::size_t most = 200;
        std::vector<std::uint8_t> rows(most * sheet.slots());
        ocop::scorecard card;
        for (std::size_t i = 0; i < most; ++i) ocop::test::random_card(set, sheet, rng, rows.data() + i * sheet.slots(), card, edition);
        for (std::size_t count : {1u, 31u, 32u, 33u, 63u, 64u, 65u, 97u, 200u}) check_batch(sheet, rows, count);
    }
}

TEST_CASE("batch scoring of many rows, some invalid, stops at the first invalid row as scoring each alone does", "[batch]") {
    std::mt19937 rng(1048);
    int failed = 0, passed = 0;
    for (const char* set_id : {"rau-cu-qua-hat-tuoi", "che-bien-tu-rau-cu-qua-hat", "dich-vu-du-lich-cong-dong-va-diem-du-lich"}) {
        const auto& set = *ocop::test::batch_edition().find_set(set_id);
        ocop::compiled_sheet sheet(ocop::test::batch_edition(), set);
        const std::size_t count = 70, n = sheet.slots();
        std::vector<std::uint8_t> rows(count * n);
        ocop::scorecard card;
        for (int round = 0; round < 300; ++round) {
            for (std::size_t i = 0; i < count; ++i) {
                ocop::test::random_card(set, sheet, rng, rows.data() + i * n, card);
                if (rng() % 100 == 0) ocop::test::edit_row(sheet, rng, rows.data() + i * n, 1 + static_cast<int>(rng() % 2));
            }
            check_batch(sheet, rows, count);
            bool any_error = false;
            for (std::size_t i = 0; i < count && !any_error; ++i) any_error = score_alone(sheet, rows.data() + i * n).error_path.has_value();
            (any_error ? failed : passed) += 1;
        }
    }
    CHECK(failed > 100);  // both kinds of batch were exercised
    CHECK(passed > 100);
}
