// How sure each sheet is (docs/catalog.md, "Verification"): the status of every 1048-781 set and of
// the criteria where the two transcriptions differ, carried by scorecard and council results; the
// "Gạo, ngũ cốc" sheet (single source); the three sheets corrected from the second transcription;
// edition 148's one sheet with its minimum-star caps, and the refusal of every other 148 set.

#include <algorithm>
#include <map>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/procedure.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"
#include "rau_cards.hpp"
#include "test_support.hpp"

using namespace ocop;
using test::best_card;
using test::ed1048;
using test::with;

namespace {

const edition& ed148() { return embedded_catalog().get("148"); }
const product_set& set_of(const edition& ed, const char* id) {
    const product_set* s = ed.find_set(id);
    REQUIRE(s);
    return *s;
}
constexpr const char* first_source = "ommani_ocop (2022)";
constexpr const char* second_source = "congnn1107/ocop_project (2020-11)";

/// `card` lowered to exactly `target` points: from the last criterion back, each to its lowest level
/// that keeps the total at or above the target. 5.1 is left alone (it decides whether 5.2 and 5.3
/// apply), and so are levels that trigger a knock-out.
scorecard card_at_total(const product_set& set, scorecard card, int target) {
    int total = score(embedded_catalog().get(card.edition), set, card).total;
    for (auto c = set.criteria.rbegin(); c != set.criteria.rend() && total > target; ++c) {
        if (c->id == "5.1" || c->has_cases() || !c->knockouts.empty()) continue;
        const level* now = c->find_level(card.answers.at(c->id).level);
        for (const auto& l : c->levels)
            if (l.points < now->points && now->points - l.points <= total - target) {
                total -= now->points - l.points;
                card.answers[c->id] = answer{std::nullopt, l.id};
                break;
            }
    }
    REQUIRE(total == target);
    return card;
}

std::map<verification_status, int> sheet_counts(const edition& ed) {
    std::map<verification_status, int> out;
    for (const auto& s : ed.sets) {
        INFO(s.id);
        REQUIRE(s.verified);
        ++out[s.verified->status];
    }
    return out;
}

}  // namespace

TEST_CASE("every 1048-781 sheet says how sure it is: 18 agree, 2 single sources, 3 differ, 3 corrected") {
    auto counts = sheet_counts(ed1048());
    CHECK(counts[verification_status::two_sources_agree] == 18);
    CHECK(counts[verification_status::single_source] == 2);
    CHECK(counts[verification_status::sources_differ] == 3);
    CHECK(counts[verification_status::corrected] == 3);
    const auto& tourism = set_of(ed1048(), "dich-vu-du-lich-cong-dong-va-diem-du-lich");
    CHECK(tourism.verified->sources == std::vector<std::string>{first_source});
    CHECK_THAT(tourism.verified->text, Catch::Contains("original 1048 tourism sheet"));
    const auto& rice = set_of(ed1048(), "gao-ngu-coc");
    CHECK(rice.verified->sources == std::vector<std::string>{second_source});
    for (const auto& s : ed1048().sets)
        if (s.verified->status == verification_status::two_sources_agree)
            CHECK(s.verified->sources == std::vector<std::string>{first_source, second_source});
}

TEST_CASE("criteria where the transcriptions differ carry both values and which one is shipped") {
    std::map<std::string, verification_status> marked;
    for (const auto& s : ed1048().sets)
        for (const auto& c : s.criteria)
            if (c.verified) {
                marked[s.id + " " + c.id] = c.verified->status;
                CHECK(c.verified->values.size() == 2);
                CHECK(c.verified->values[0].source == first_source);
                CHECK(c.verified->values[1].source == second_source);
            }
    const std::map<std::string, verification_status> expected{
        {"che-bien-tu-gao-ngu-coc 6.2", verification_status::corrected},
        {"tuong-nuoc-mam-gia-vi-dang-long-khac 7", verification_status::corrected},
        {"do-uong-co-con-khac 6.2", verification_status::corrected},
        {"do-uong-co-con-khac 6.3", verification_status::corrected},
        {"do-uong-co-con-khac 6.5", verification_status::corrected},
        {"do-uong-co-con-khac 7", verification_status::corrected},
        {"mat-ong-cac-san-pham-tu-mat-ong-mat-khac 9.1", verification_status::sources_differ},
        {"mat-ong-cac-san-pham-tu-mat-ong-mat-khac 9.2", verification_status::sources_differ},
        {"mat-ong-cac-san-pham-tu-mat-ong-mat-khac 10", verification_status::sources_differ},
        {"mat-ong-cac-san-pham-tu-mat-ong-mat-khac 11", verification_status::sources_differ},
        {"che-bien-tu-rau-cu-qua-hat 3.1", verification_status::sources_differ},
        {"nuoc-khoang-thien-nhien-nuoc-uong-tinh-khiet 7", verification_status::sources_differ}};
    CHECK(marked == expected);
    // Ours kept where the second transcription is wrong: 10 points for Nước khoáng 7, not its 0.
    const criterion& water = *set_of(ed1048(), "nuoc-khoang-thien-nhien-nuoc-uong-tinh-khiet").find("7");
    CHECK(water.max_points() == 10);
    CHECK(water.verified->sources == std::vector<std::string>{first_source});
    CHECK(water.verified->values[1].value == "0, 2, 5, 0");
    // Corrected: the first transcription's levels stay in the verification, wording and points.
    const criterion& sauce = *set_of(ed1048(), "tuong-nuoc-mam-gia-vi-dang-long-khac").find("7");
    CHECK(sauce.verified->values[0].value == "0 «Trung bình» · 1 «Tương đối độc đáo» · 2 «Độc đáo» · 3 «Rất độc đáo»");
}

TEST_CASE("the corrected sheets are complete and reach every part maximum, Thực phẩm chức năng stays at 38") {
    for (const char* id : {"che-bien-tu-gao-ngu-coc", "tuong-nuoc-mam-gia-vi-dang-long-khac", "do-uong-co-con-khac"}) {
        INFO(id);
        const product_set& s = set_of(ed1048(), id);
        CHECK(s.status == set_status::complete);
        CHECK(s.gaps.empty());
        scorecard_result r = score(ed1048(), s, best_card(s));
        CHECK(r.total == 100);
        REQUIRE(r.parts.size() == 3);
        CHECK(r.parts[2].points == 40);
        CHECK(r.parts[2].max_points == 40);
        CHECK(r.band_stars == 5);
        CHECK(r.stars == 5);
        CHECK(r.sheet_warnings.empty());
        REQUIRE(r.sheet_verification);
        CHECK(r.sheet_verification->status == verification_status::corrected);
    }
    CHECK(set_of(ed1048(), "tuong-nuoc-mam-gia-vi-dang-long-khac").find("7")->max_points() == 5);
    CHECK(set_of(ed1048(), "do-uong-co-con-khac").find("6.5")->max_points() == 8);
    // The 781 uniqueness minimum follows the corrected level "Độc đáo" (3 points, was 2).
    const auto& links = set_of(ed1048(), "tuong-nuoc-mam-gia-vi-dang-long-khac").minimum_requirements;
    CHECK(std::any_of(links.begin(), links.end(), [](const requirement_link& l) {
        return l.requirement == "781-4-uniqueness" && l.criterion == "7" && l.at_least_points == 3;
    }));
    const product_set& functional = set_of(ed1048(), "thuc-pham-chuc-nang-thuoc-tu-duoc-lieu-thuoc-y-hoc-co-truyen");
    CHECK(functional.status == set_status::incomplete);
    CHECK(functional.part_max("C") == 38);
    CHECK(functional.verified->status == verification_status::two_sources_agree);
    CHECK_THAT(functional.verified->text, Catch::Contains("stays incomplete"));
}

TEST_CASE("Gạo, ngũ cốc scores from its single source, and every result says so") {
    const product_set& rice = set_of(ed1048(), "gao-ngu-coc");
    CHECK(rice.status == set_status::complete_with_reading);
    CHECK(rice.part_max("A") == 35);
    CHECK(rice.part_max("B") == 25);
    CHECK(rice.part_max("C") == 40);
    scorecard_result best = score(embedded_catalog(), best_card(rice));
    CHECK(best.total == 100);
    CHECK(best.stars == 5);
    REQUIRE(best.sheet_verification);
    CHECK(best.sheet_verification->status == verification_status::single_source);
    CHECK(boost::json::serialize(to_json(best)).find(R"("sheet_verification":{"status":"single_source","sources":["congnn1107)") !=
          std::string::npos);
    // Band edges on the total: 29|30, 49|50, 69|70, 89|90.
    const std::vector<std::pair<int, int>> edges{{29, 1}, {30, 2}, {49, 2}, {50, 3}, {69, 3}, {70, 4}, {89, 4}, {90, 5}};
    for (const auto& [total, stars] : edges) {
        INFO(total);
        scorecard_result r = score(embedded_catalog(), card_at_total(rice, best_card(rice), total));
        CHECK(r.total == total);
        CHECK(r.band_stars == stars);
        CHECK(r.sheet_verification->status == verification_status::single_source);
    }
    // A council on it carries the verification too.
    std::vector<scorecard_result> cards{best, best, score(embedded_catalog(), card_at_total(rice, best_card(rice), 80))};
    council_result c = aggregate(ed1048(), test::proc1048(), rice, cards);
    REQUIRE(c.sheet_verification);
    CHECK(c.sheet_verification->status == verification_status::single_source);
}

TEST_CASE("edition 148: its one sheet, fresh produce, A 40 / B 25 / C 35, in force with 148's procedure") {
    const edition& ed = ed148();
    CHECK(embedded_catalog().in_force(date{2024, 6, 1}).id == "148");
    CHECK(embedded_catalog().in_force(date{2023, 2, 24}).id == "148");
    CHECK(embedded_catalog().in_force(date{2025, 7, 5}).id == "148");
    test::expect_error([] { (void)embedded_catalog().in_force(date{2025, 7, 6}); }, errc::no_edition_in_force);
    REQUIRE(ed.sets.size() == 1);
    const product_set& fresh = ed.sets.front();
    CHECK(fresh.id == "rau-cu-qua-hat-tuoi");
    CHECK(fresh.part_max("A") == 40);
    CHECK(fresh.part_max("B") == 25);
    CHECK(fresh.part_max("C") == 35);
    REQUIRE(fresh.verified);
    CHECK(fresh.verified->status == verification_status::single_source);
    CHECK(fresh.verified->text == "single source: a scoring application's print-out; the set is not named on the sheet");
    CHECK(fresh.find("1.5")->printed_number == std::optional<std::string>("đ)"));
    scorecard_result r = score(embedded_catalog(), best_card(fresh, "148"));
    CHECK(r.total == 100);
    CHECK(r.stars == 5);
    CHECK(r.sheet_verification->status == verification_status::single_source);
}

TEST_CASE("148 and its catalog edition have one set of dates: every edition's match its procedure's") {
    for (const auto& ed : embedded_catalog().editions()) {
        INFO(ed.id);
        const procedure& proc = embedded_procedures().get(ed.id);
        CHECK(proc.valid_from == ed.valid_from);
        CHECK(proc.valid_until == ed.valid_until);
    }
}

TEST_CASE("148's marked minimums cap the stars through the shared minimum-star rules") {
    const product_set& fresh = ed148().sets.front();
    const scorecard best = best_card(fresh, "148");
    // 1.3 "Năng lực sản xuất": b (2) is the 4★ minimum; a (1) keeps the product at 3★ whatever the total.
    scorecard_result small = score(ed148(), fresh, with(best, {{"1.3", "a"}}));
    CHECK(small.total == 98);
    CHECK(small.band_stars == 5);
    CHECK(small.stars == 3);
    auto four = std::find_if(small.caps.begin(), small.caps.end(), [](const star_cap& c) { return c.capped_to == 3; });
    REQUIRE(four != small.caps.end());
    CHECK(four->criterion == "1.3");
    CHECK_THAT(four->text, Catch::Contains("4★ requires 1.3"));
    // 1.2 c (3) is the 5★ minimum: b keeps it at 4★.
    CHECK(score(ed148(), fresh, with(best, {{"1.2", "b"}})).stars == 4);
    // 1.5 marks a and b for 4★: the lower one, a, is the minimum (a reading), so a keeps 5★.
    scorecard_result lowest_marked = score(ed148(), fresh, with(best, {{"1.5", "a"}}));
    CHECK(lowest_marked.total == 98);
    CHECK(lowest_marked.stars == 5);
    CHECK(lowest_marked.caps.empty());
    // Band edges on 148's bands.
    CHECK(score(ed148(), fresh, card_at_total(fresh, best, 90)).band_stars == 5);
    CHECK(score(ed148(), fresh, card_at_total(fresh, best, 89)).band_stars == 4);
}

TEST_CASE("every other 148 set is refused as unavailable, with why") {
    scorecard card{"148", "thit-trung-sua-tuoi", "m", {}, {}};
    auto e = test::expect_error([&] { (void)score(embedded_catalog(), card); }, errc::unavailable);
    CHECK_THAT(e.what(), Catch::Contains("no set \"thit-trung-sua-tuoi\" in edition 148") &&
                             Catch::Contains("only the fresh-produce sheet 'rau-cu-qua-hat-tuoi' is known"));
    test::expect_error([] { (void)ed148().require_set("gao-ngu-coc"); }, errc::unavailable);
    // An edition that declares all its sets still says "not found" for an unknown one.
    test::expect_error([] { (void)ed1048().require_set("no-such-set"); }, errc::not_found);
    CHECK(&ed148().require_set("rau-cu-qua-hat-tuoi") == &ed148().sets.front());
}

TEST_CASE("a verification is checked when loaded: its sources, and both values where sources differ") {
    boost::json::object doc = to_json(test::rau()).as_object();
    doc["verification"] = boost::json::object{{"status", "single_source"}, {"sources", boost::json::array{"a", "b"}}};
    auto e = test::expect_error([&] { (void)with_set(ed1048(), boost::json::serialize(doc)); }, errc::invalid_document);
    CHECK(test::has_problem(e, "/verification/sources", "expected exactly one source for \"single_source\", found 2"));
    doc["verification"] = boost::json::object{{"status", "corrected"}, {"sources", boost::json::array{"a"}}};
    e = test::expect_error([&] { (void)with_set(ed1048(), boost::json::serialize(doc)); }, errc::invalid_document);
    CHECK(test::has_problem(e, "/verification/values", "expected what each source gives (two or more values), found 0"));
    CHECK(test::has_problem(e, "/verification/text", "expected the evidence"));
    doc["verification"] = boost::json::object{{"status", "agreed"}};
    e = test::expect_error([&] { (void)with_set(ed1048(), boost::json::serialize(doc)); }, errc::invalid_document);
    CHECK(test::has_problem(e, "/verification/status", "agreed"));
    doc["verification"] = boost::json::object{{"status", "two_sources_agree"}, {"sources", boost::json::array{"a", "b"}}};
    CHECK(with_set(ed1048(), boost::json::serialize(doc)).find_set("rau-cu-qua-hat-tuoi")->verified->sources.size() == 2);
}

TEST_CASE("the verification survives the catalog format: written and read back the same") {
    for (const char* id : {"do-uong-co-con-khac", "gao-ngu-coc"}) {
        const product_set& s = set_of(ed1048(), id);
        edition back = with_set(ed1048(), boost::json::serialize(to_json(s)));
        const product_set& again = *back.find_set(id);
        CHECK(again.verified->text == s.verified->text);
        CHECK(again.verified->values.size() == s.verified->values.size());
        for (std::size_t i = 0; i < s.criteria.size(); ++i) CHECK(again.criteria[i].verified.has_value() == s.criteria[i].verified.has_value());
    }
}
