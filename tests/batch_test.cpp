#include "ocop/batch.hpp"

#include <optional>
#include <random>

#include <catch2/catch.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/error.hpp"
#include "batch_rows.hpp"
#include "rau_cards.hpp"

namespace {

const ocop::edition& ed() { return ocop::embedded_catalog().get("1048-781"); }

using ocop::test::random_card;

}  // namespace

TEST_CASE("batch scoring gives the same totals, outcomes and stars as score() and a council of one", "[batch]") {
    const auto& edition = ocop::embedded_catalog().get(GENERATE(as<std::string>{}, "1048-781", "26-2026"));
    std::mt19937 rng(20211020);
    ocop::council_policy one;
    one.minimum_members = 1;
    int stopped = 0, ranked = 0, capped = 0;
    for (const auto& set : edition.sets) {
        if (set.status == ocop::set_status::unavailable) continue;
        ocop::compiled_sheet sheet(edition, set);
        REQUIRE(sheet.slots() == set.criteria.size());
        const std::size_t count = 100;  // three blocks of 32 rows for the vector kernel, and 4 rows after them
        std::vector<std::uint8_t> rows(count * sheet.slots());
        std::vector<ocop::scorecard> cards(count);
        for (std::size_t i = 0; i < count; ++i) random_card(set, sheet, rng, rows.data() + i * sheet.slots(), cards[i], edition);
        std::vector<std::int32_t> totals(count), stars(count);
        std::vector<std::uint8_t> outcomes(count);
        sheet.score(rows, count, totals, stars, outcomes);
        for (std::size_t i = 0; i < count; ++i) {
            INFO("edition " << edition.id << " set " << set.id << " scorecard " << i);
            auto expected = ocop::score(edition, set, cards[i]);
            CHECK(totals[i] == expected.total);
            CHECK(outcomes[i] == static_cast<std::uint8_t>(expected.outcome));
            auto council = ocop::aggregate(edition, ocop::embedded_procedures().get(edition.id), set, {expected}, one);
            CHECK(stars[i] == council.stars);
            CHECK(stars[i] == expected.stars);
            stopped += expected.outcome != ocop::evaluation_outcome::evaluated;
            ranked += council.stars > 0;
            capped += !council.caps.empty();
        }
    }
    CHECK(stopped > 0);  // the level-triggered knock-outs were exercised
    CHECK(ranked > 0);
    CHECK(capped > 0);  // minimums per star lowered some (781 links for 1048-781, marked levels for 26-2026)
}

TEST_CASE("batch scoring of arbitrary rows agrees with score(): the same result, or an error for both", "[batch]") {
    std::mt19937 rng(1048781);
    int errors = 0, scored = 0;
    for (const char* set_id : {"rau-cu-qua-hat-tuoi", "che-bien-tu-rau-cu-qua-hat"}) {
        const auto& set = *ed().find_set(set_id);
        ocop::compiled_sheet sheet(ed(), set);
        std::vector<std::uint8_t> row(sheet.slots());
        for (int round = 0; round < 3000; ++round) {
            ocop::scorecard card;
            random_card(set, sheet, rng, row.data(), card);
            bool out_of_range = false;
            ocop::test::edit_row(sheet, rng, row.data(), static_cast<int>(rng() % 3));  // 0 to 2 random edits of a valid row
            for (std::size_t s = 0; s < row.size(); ++s) out_of_range |= row[s] != ocop::no_answer && row[s] >= sheet.options(s).size();
            card.answers.clear();
            for (std::size_t s = 0; s < row.size(); ++s)
                if (row[s] != ocop::no_answer && row[s] < sheet.options(s).size())
                    card.answers[sheet.criterion_id(s)] = ocop::answer{sheet.options(s)[row[s]].case_id, sheet.options(s)[row[s]].level};
            std::int32_t total = -1, stars = -1;
            std::uint8_t outcome = 99;
            bool batch_error = false;
            try {
                sheet.score(row, 1, {&total, 1}, {&stars, 1}, {&outcome, 1});
            } catch (const ocop::error& e) {
                batch_error = true;
                CHECK(e.code() == ocop::errc::invalid_scorecard);
            }
            std::optional<ocop::scorecard_result> expected;
            try {
                expected = ocop::score(ed(), set, card);
            } catch (const ocop::error&) {
            }
            INFO("set " << set_id << " round " << round);
            // An out-of-range index is always a batch error; score() never sees it (the answer is left out).
            REQUIRE(batch_error == (out_of_range || !expected));
            if (batch_error) {
                ++errors;
                continue;
            }
            ++scored;
            CHECK(total == expected->total);
            CHECK(outcome == static_cast<std::uint8_t>(expected->outcome));
        }
    }
    CHECK(errors > 100);
    CHECK(scored > 100);
}

TEST_CASE("batch options flatten the cases of an either/or criterion in order", "[batch]") {
    const auto& set = *ed().find_set("rau-cu-qua-hat-tuoi");
    ocop::compiled_sheet sheet(ed(), set);
    auto slot = sheet.slot_of("3.2");
    REQUIRE(slot);
    const auto& c = set.criteria[*slot];
    REQUIRE(c.has_cases());
    auto opts = sheet.options(*slot);
    REQUIRE(opts.size() == c.cases[0].levels.size() + c.cases[1].levels.size());
    CHECK(opts[0].case_id == c.cases[0].id);
    CHECK(opts[c.cases[0].levels.size()].case_id == c.cases[1].id);
    CHECK(sheet.option_index(*slot, c.cases[1].id, c.cases[1].levels[0].id) == c.cases[0].levels.size());
    CHECK_FALSE(sheet.option_index(*slot, "", c.cases[0].levels[0].id));  // a case is required
    CHECK(sheet.option_index(*sheet.slot_of("1.1"), "", "a") == 0);
    CHECK_FALSE(sheet.slot_of("99.9"));
    CHECK(sheet.max_total() == 100);
}

TEST_CASE("batch scoring rejects bad rows naming the scorecard and the criterion", "[batch]") {
    const auto& set = *ed().find_set("rau-cu-qua-hat-tuoi");
    ocop::compiled_sheet sheet(ed(), set);
    std::mt19937 rng(7);
    std::vector<std::uint8_t> rows(3 * sheet.slots());
    ocop::scorecard card;
    for (std::size_t i = 0; i < 3; ++i) random_card(set, sheet, rng, rows.data() + i * sheet.slots(), card);
    std::vector<std::int32_t> totals(3), stars(3);
    const std::size_t s11 = *sheet.slot_of("1.1");

    auto expect_error = [&](ocop::errc code, const std::string& path, const std::string& text) {
        try {
            sheet.score(rows, 3, totals, stars);
            FAIL("expected an error");
        } catch (const ocop::error& e) {
            CHECK(e.code() == code);
            REQUIRE(e.problems().size() == 1);
            CHECK(e.problems()[0].path == path);
            CHECK_THAT(e.what(), Catch::Contains(text));
        }
    };
    SECTION("an index out of range") {
        rows[2 * sheet.slots() + s11] = 200;
        expect_error(ocop::errc::invalid_scorecard, "/scorecards/2/answers/1.1", "scorecard 2, criterion 1.1: level index 200 is out of range");
    }
    SECTION("a missing answer") {
        rows[1 * sheet.slots() + s11] = ocop::no_answer;
        expect_error(ocop::errc::invalid_scorecard, "/scorecards/1/answers/1.1", "missing answer for criterion 1.1");
    }
    SECTION("an answer to a criterion that does not apply") {
        // 5.1 level "a" (no story): 5.2 and 5.3 do not apply.
        rows[*sheet.slot_of("5.1")] = *sheet.option_index(*sheet.slot_of("5.1"), "", "a");
        rows[*sheet.slot_of("5.2")] = 0;
        expect_error(ocop::errc::invalid_scorecard, "/scorecards/0/answers/5.2", "criterion 5.2 does not apply");
    }
    SECTION("too few indices or outputs") {
        CHECK_THROWS_AS(sheet.score(std::span(rows).first(10), 3, totals, stars), ocop::error);
        std::vector<std::int32_t> small(2);
        CHECK_THROWS_AS(sheet.score(rows, 3, small, stars), ocop::error);
    }
}

TEST_CASE("batch compiling a set without a sheet is an error", "[batch]") {
    try {
        ocop::compiled_sheet sheet(ed(), ocop::test::sheetless_set());
        FAIL("expected an error");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::unavailable);
    }
}

TEST_CASE("batch scoring of zero scorecards writes nothing", "[batch]") {
    ocop::compiled_sheet sheet(ed(), *ed().find_set("rau-cu-qua-hat-tuoi"));
    REQUIRE_NOTHROW(sheet.score({}, 0, {}, {}));
    // Output arrays larger than needed keep every element as it was.
    std::vector<std::int32_t> totals{-7, -7}, stars{-7, -7};
    std::vector<std::uint8_t> outcomes{9, 9};
    REQUIRE_NOTHROW(sheet.score({}, 0, totals, stars, outcomes));
    CHECK(totals == std::vector<std::int32_t>{-7, -7});
    CHECK(stars == std::vector<std::int32_t>{-7, -7});
    CHECK(outcomes == std::vector<std::uint8_t>{9, 9});
}
