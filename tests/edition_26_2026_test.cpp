// Edition 26-2026 (26/2026/QĐ-TTg): the imported sheets, their declared readings and gaps, the
// minimum levels per star as caps on scorecards and councils, and the set-wide disqualification.

#include <algorithm>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "ocop/catalog_diff_json.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/scoring.hpp"
#include "test_support.hpp"

using namespace ocop;

namespace {

const edition& ed26() { return embedded_catalog().get("26-2026"); }
const product_set& set26(const char* id) {
    const product_set* s = ed26().find_set(id);
    REQUIRE(s);
    return *s;
}
const char* const rau = "rau-cu-qua-hat-tuoi";  // set 1, the same id as 1048-781's

/// Every criterion at its highest level (the best case of an either/or criterion).
scorecard best_card(const product_set& set, const std::string& evaluator = "m") {
    scorecard card{ed26().id, set.id, evaluator, {}, {}};
    for (const auto& c : set.criteria) {
        auto top = [](const std::vector<level>& ls) {
            return *std::max_element(ls.begin(), ls.end(), [](const level& a, const level& b) { return a.points < b.points; });
        };
        if (!c.has_cases()) {
            card.answers[c.id] = answer{std::nullopt, top(c.levels).id};
            continue;
        }
        const criterion_case* best = &c.cases.front();
        for (const auto& k : c.cases)
            if (top(k.levels).points > top(best->levels).points) best = &k;
        card.answers[c.id] = answer{best->id, top(best->levels).id};
    }
    return card;
}

scorecard with(scorecard card, std::initializer_list<std::pair<const char*, const char*>> changes) {
    for (const auto& [id, level] : changes) card.answers[id] = answer{std::nullopt, level};
    return card;
}

/// Rau (set 1) 1.5 "Liên kết sản xuất": a 0, b 1, c 2 (*** * 4★), d 3 (5★).
scorecard rau_with_link(const char* level, const std::string& evaluator = "m") {
    return with(best_card(set26(rau), evaluator), {{"1.5", level}});
}

council_result council(const std::vector<const char*>& link_levels, council_policy policy = {}) {
    std::vector<scorecard_result> cards;
    int i = 0;
    for (const char* l : link_levels) cards.push_back(score(ed26(), set26(rau), rau_with_link(l, "m" + std::to_string(++i))));
    policy.minimum_members = 1;
    return aggregate(ed26(), ocop::embedded_procedures().get("26-2026"), set26(rau), cards, policy);
}

/// The cap that lowered to `stars`, or nullptr.
const star_cap* cap_to(const std::vector<star_cap>& caps, int stars) {
    for (const auto& c : caps)
        if (c.capped_to == stars) return &c;
    return nullptr;
}

std::map<std::string, int> statuses() {
    std::map<std::string, int> out;
    for (const auto& s : ed26().sets) ++out[std::string(s.status == set_status::complete ? "complete"
                                                       : s.status == set_status::incomplete ? "incomplete"
                                                       : s.status == set_status::complete_with_reading ? "complete_with_reading"
                                                                                                      : "unavailable")];
    return out;
}

const data_reading* reading_of(const product_set& s, const std::string& kind, const std::string& criterion) {
    for (const auto& r : s.readings)
        if (r.kind == kind && r.criterion.value_or("") == criterion) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("26-2026 is the edition in force from 2026-05-22 and holds 26 sets of 40/25/35", "[26-2026]") {
    const catalog& cat = embedded_catalog();
    CHECK(cat.in_force(date{2026, 11, 29}).id == "26-2026");
    CHECK(cat.in_force(date{2026, 5, 22}).id == "26-2026");
    CHECK_FALSE(ed26().valid_until);
    REQUIRE(ed26().sets.size() == 26);
    std::size_t criteria = 0, levels = 0;
    for (const auto& s : ed26().sets) {
        INFO(s.id);
        CHECK(s.part_max("A") == 40);
        CHECK(s.part_max("B") == 25);
        CHECK(s.part_max("C") == 35);
        criteria += s.criteria.size();
        for (const auto& c : s.criteria) {
            levels += c.levels.size();
            for (const auto& k : c.cases) levels += k.levels.size();
        }
    }
    CHECK(criteria == 787);
    CHECK(levels == 2535 + 22 * 2);  // the printed levels, plus our two for the bilingual label in 22 sets
    CHECK(statuses() == std::map<std::string, int>{{"complete", 2}, {"complete_with_reading", 22}, {"incomplete", 2}});
    // Sub-criteria keep their heading; criteria printed without a number take their section's.
    const auto& tea = set26("che-tuoi-che-che-bien");
    REQUIRE(tea.find("6.1.2"));
    CHECK(tea.find("6.1.2")->group_heading->id == "6.1");
    CHECK(tea.find("8")->title == "CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM");
}

TEST_CASE("every 26-2026 set totals 100 at its best answers, and reaches 5 stars there", "[26-2026]") {
    for (const auto& s : ed26().sets) {
        INFO(s.id);
        auto r = score(ed26(), s, best_card(s));
        CHECK(r.total == 100);
        CHECK(r.max_total == 100);
        CHECK(r.outcome == evaluation_outcome::evaluated);
        CHECK(r.stars == 5);
        CHECK(r.caps.empty());
        CHECK(r.sheet_warnings.size() == s.gaps.size() + s.readings.size());
    }
}

TEST_CASE("26-2026 anomalies are declared, read as documented, and carried by every result", "[26-2026]") {
    SECTION("probable typos: Mật ong 7 '13', Chè 6.1.1 '11', Hoa section 9 '4 1'") {
        const auto& honey = set26("mat-ong-mat-khac-va-nong-san-thuc-pham-khac");
        CHECK(honey.find("7")->levels.back().points == 3);
        REQUIRE(reading_of(honey, "probable_typo", "7"));
        CHECK(reading_of(honey, "probable_typo", "7")->text.find("\"13\"") != std::string::npos);
        const auto& tea = set26("che-tuoi-che-che-bien");
        CHECK(tea.find("6.1.1")->find_level("b")->points == 1);
        CHECK(reading_of(tea, "probable_typo", "6.1.1"));
        const auto& flowers = set26("hoa");
        CHECK(flowers.find("9")->max_points() == 4);
        REQUIRE(reading_of(flowers, "probable_typo", "9"));
        CHECK(reading_of(flowers, "probable_typo", "9")->text.find("\"4 1\"") != std::string::npos);
    }
    SECTION("levels printed without points (1.2 of sets 4, 7, 10, 11) are read as 0") {
        std::set<std::string> with_reading;
        for (const auto& s : ed26().sets)
            if (reading_of(s, "points_not_printed", "1.2")) {
                with_reading.insert(s.code);
                CHECK(s.find("1.2")->levels.front().points == 0);
            }
        CHECK(with_reading == std::set<std::string>{"4", "7", "10", "11"});
    }
    SECTION("the bilingual-label criterion without levels (22 sets) is read as Không 0 / Có 1") {
        int sets = 0;
        for (const auto& s : ed26().sets)
            for (const auto& r : s.readings)
                if (r.kind == "levels_not_printed") {
                    ++sets;
                    const criterion* c = s.find(*r.criterion);
                    REQUIRE(c);
                    CHECK(c->title.find("song ngữ") != std::string::npos);
                    REQUIRE(c->levels.size() == 2);
                    CHECK(c->levels[0].points == 0);
                    CHECK(c->levels[1].points == 1);
                }
        CHECK(sets == 22);
    }
    SECTION("repeated points (set 7 3.1, set 23 6.2) leave the set incomplete; set 26's header is a reading") {
        const auto& veg = set26("che-bien-tu-rau-cu-qua-hat");
        CHECK(veg.status == set_status::incomplete);
        REQUIRE(veg.gaps.size() == 1);
        CHECK(veg.gaps[0].kind == "duplicate_level_points");
        CHECK(veg.gaps[0].criterion == "3.1");
        CHECK(set26("hoa").status == set_status::incomplete);
        CHECK(set26("hoa").gaps.at(0).criterion == "6.2");
        const auto& tourism = set26("dich-vu-du-lich-cong-dong-du-lich-sinh-thai-va-diem-du-lich");
        CHECK(tourism.status == set_status::complete_with_reading);
        REQUIRE(tourism.readings.size() == 1);
        CHECK(tourism.readings[0].kind == "printed_header");
        CHECK(tourism.readings[0].part == "A");
        CHECK(set26("cay-canh").status == set_status::complete);
    }
    SECTION("results say so") {
        auto r = score(ed26(), set26("hoa"), best_card(set26("hoa")));
        CHECK(r.sheet_status == set_status::incomplete);
        auto has = [&](const std::string& prefix) {
            return std::any_of(r.sheet_warnings.begin(), r.sheet_warnings.end(), [&](const std::string& w) { return w.starts_with(prefix); });
        };
        CHECK(has("sheet incomplete: criterion 6.2"));
        CHECK(has("our reading: section 9"));
        auto c = council({"d", "d", "d"});
        CHECK(c.sheet_status == set_status::complete_with_reading);
        CHECK(c.warnings.size() == set26(rau).readings.size());
    }
}

TEST_CASE("the tourism sheet's either/or criteria are cases with their printed labels", "[26-2026]") {
    const auto& tourism = set26("dich-vu-du-lich-cong-dong-du-lich-sinh-thai-va-diem-du-lich");
    std::vector<std::string> either_or;
    for (const auto& c : tourism.criteria)
        if (c.has_cases()) either_or.push_back(c.id);
    CHECK(either_or == std::vector<std::string>{"8", "9", "15"});
    CHECK(tourism.find("8")->cases[1].label.find("Trường hợp 2") != std::string::npos);
}

TEST_CASE("a 26-2026 minimum per star caps a scorecard exactly at the marked points", "[26-2026][min-star]") {
    // 1.5: c (2 points) is marked for 4★, d (3 points) for 5★. Everything else at its best.
    auto at5 = score(ed26(), set26(rau), rau_with_link("d"));
    CHECK(at5.total == 100);
    CHECK(at5.stars == 5);
    auto below5 = score(ed26(), set26(rau), rau_with_link("c"));
    CHECK(below5.total == 99);
    CHECK(below5.band_stars == 5);
    CHECK(below5.stars == 4);
    REQUIRE(below5.caps.size() == 1);
    CHECK(below5.caps[0].criterion == "1.5");
    CHECK(below5.caps[0].required_points == 3);
    CHECK(below5.caps[0].capped_to == 4);
    auto below4 = score(ed26(), set26(rau), rau_with_link("b"));
    CHECK(below4.stars == 3);  // the 4★ minimum is missed, so is the 5★ one (a minimum holds for every higher rank)
    REQUIRE(below4.caps.size() == 2);
    REQUIRE(cap_to(below4.caps, 3));
    CHECK(cap_to(below4.caps, 3)->text == "4★ requires 1.5 'Có hợp đồng liên kết trên 75% sản lượng tiêu thụ' (2 points); the scorecard gives 1");
}

TEST_CASE("a product whose 92 points are lowered to 4★ by an unmet 5★ minimum", "[26-2026][min-star]") {
    // 1.3 "Gia tăng giá trị" c (3 points) is marked for 5★; b (2) misses it by 1. The other 7 points
    // are lost on criteria without marks: 1.4 a (-2), 1.7 a (-1), 3.2 a (-1), 3.3 a (-2), 4.2 c (-1).
    auto card = with(best_card(set26(rau)), {{"1.3", "b"}, {"1.4", "a"}, {"1.7", "a"}, {"3.2", "a"}, {"3.3", "a"}, {"4.2", "c"}});
    auto r = score(ed26(), set26(rau), card);
    INFO(r.total);
    REQUIRE(r.total == 92);
    CHECK(r.band_stars == 5);
    CHECK(r.stars == 4);
    REQUIRE(r.caps.size() == 1);
    CHECK(r.caps[0].text.starts_with("5★ requires 1.3 'Ứng dụng công nghệ tiên tiến trong sơ chế, bảo quản"));
    CHECK(r.caps[0].text.ends_with("(3 points); the scorecard gives 2"));
}

TEST_CASE("a council compares each criterion's exact mean with the marked points", "[26-2026][min-star]") {
    SECTION("a mean exactly at the mark passes, one just below fails") {
        auto at = council({"d", "b", "c"});  // 3 + 1 + 2 = 6 over 3 = 2: the 4★ mark (2) is reached
        CHECK(at.band_stars == 5);
        CHECK(at.stars == 4);  // the 5★ mark (3) is not
        REQUIRE(at.caps.size() == 1);
        CHECK(at.caps[0].capped_to == 4);
        auto below = council({"d", "b", "b"});  // 5 / 3 = 1.67 < 2
        CHECK(below.stars == 3);
    }
    SECTION("the explanation names the minimum, its points and the exact mean, displayed once") {
        auto r = council({"c", "c", "c", "b", "b", "b", "b"});  // 10 / 7 = 1.4285...
        REQUIRE(cap_to(r.caps, 3));
        CHECK(cap_to(r.caps, 3)->text == "4★ requires 1.5 'Có hợp đồng liên kết trên 75% sản lượng tiêu thụ' (2 points); the council's mean is 1.43");
        CHECK(cap_to(r.caps, 3)->criterion_mean == "1.43");
        CHECK(r.stars == 3);
    }
    SECTION("policy every_member: one member below the mark is enough") {
        council_policy every;
        every.minimums = minimum_rule_policy::every_member;
        CHECK(council({"d", "d", "b"}).stars == 4);  // mean 7/3 >= 2 reaches 4★, not 5★
        auto r = council({"d", "d", "b"}, every);
        CHECK(r.stars == 3);
        REQUIRE(cap_to(r.caps, 3));
        CHECK(cap_to(r.caps, 3)->text.find("(policy every_member: m3 gave 1)") != std::string::npos);
        CHECK(council({"d", "d", "d"}, every).stars == 5);
    }
    SECTION("the policy is read from the council document") {
        auto in = parse_council(R"({"policy": {"minimums": "every_member"}, "scorecards": []})");
        CHECK(in.policy.minimums == minimum_rule_policy::every_member);
        test::expect_error([] { parse_council(R"({"policy": {"minimums": "mean"}, "scorecards": []})"); }, errc::invalid_document);
    }
}

TEST_CASE("26-2026's 'Hồ sơ bị loại khi' is a declared knock-out of the whole set: eliminated", "[26-2026]") {
    int with_rule = 0;
    for (const auto& s : ed26().sets)
        if (!s.knockouts.empty()) {
            ++with_rule;
            CHECK(s.knockouts[0].outcome == knockout_outcome::eliminated);
            CHECK(s.knockouts[0].text.starts_with("Hồ sơ bị loại khi"));
        }
    CHECK(with_rule == 24);  // sheets 19 and 26 print no such line
    auto card = best_card(set26(rau));
    card.declared_knockouts.push_back("dossier-disqualified");
    auto r = score(ed26(), set26(rau), card);
    CHECK(r.outcome == evaluation_outcome::eliminated);
    CHECK(r.stars == 0);
    REQUIRE(r.knockouts.size() == 1);
    CHECK(r.knockouts[0].criterion.empty());
    CHECK(r.knockouts[0].rule == "dossier-disqualified");
}

TEST_CASE("the loader checks readings, marked levels and set-wide knock-outs by path", "[26-2026][validation]") {
    std::string base = R"({"id": "rau-cu-qua-hat-tuoi", "code": "1", "name": "X", "industry": "food", "group": "I.1", "status": "STATUS",
        "gaps": [], READINGS "provenance": {"source": "test"},
        "sections": [{"id": "1", "part": "A", "title": "T", "criteria": [
            {"id": "1.1", "title": "a", "levels": [{"id": "a", "points": 0, "label": "no"}, {"id": "b", "points": 40, "label": "yes"}],
             "min_star_levels": [{"stars": STARS, "level": "LEVEL"}]}]},
          {"id": "4", "part": "B", "title": "T", "criteria": [{"id": "4.1", "title": "b", "levels": [{"id": "a", "points": 25, "label": "x"}]}]},
          {"id": "6", "part": "C", "title": "T", "criteria": [{"id": "6.1", "title": "c", "levels": [{"id": "a", "points": 35, "label": "x"}]}]}],
        "knockouts": [{"id": "k", "outcome": "eliminated", "trigger": TRIGGER, "text": "t", "source": "s"}]})";
    auto doc = [&](std::map<std::string, std::string> v) {
        std::string out = base;
        for (const auto& [key, value] : v) out.replace(out.find(key), key.size(), value);
        return out;
    };
    const std::map<std::string, std::string> good{{"STATUS", "complete_with_reading"},
                                                  {"READINGS", R"("readings": [{"kind": "probable_typo", "criterion": "1.1", "text": "t"}],)"},
                                                  {"STARS", "4"}, {"LEVEL", "b"}, {"TRIGGER", R"({"kind": "declared"})"}};
    auto bad = [&](std::map<std::string, std::string> changes) {
        auto v = good;
        for (auto& [k, x] : changes) v[k] = x;
        return test::expect_error([&] { with_set(ed26(), doc(v)); }, errc::invalid_document);
    };
    auto added = with_set(ed26(), doc(good));
    CHECK(added.find_set("rau-cu-qua-hat-tuoi")->criteria[0].min_star_levels.at(0).stars == 4);
    CHECK(test::has_problem(bad({{"LEVEL", "z"}}), "/sections/0/criteria/0/min_star_levels/0/level", "expected a level of criterion 1.1"));
    CHECK(test::has_problem(bad({{"STARS", "6"}}), "/sections/0/criteria/0/min_star_levels/0/stars", "expected a star count with a band"));
    CHECK(test::has_problem(bad({{"STATUS", "complete"}}), "/status", "expected \"complete_with_reading\""));
    CHECK(test::has_problem(bad({{"READINGS", ""}}), "/status", "expected readings to be declared"));
    CHECK(test::has_problem(bad({{"READINGS", R"("readings": [{"kind": "typo", "criterion": "9.9", "text": "t"}],)"}}), "/readings/0/criterion",
                            "expected a criterion of this sheet"));
    CHECK(test::has_problem(bad({{"READINGS", R"("readings": [{"kind": "typo", "text": "t"}],)"}}), "/readings/0/kind", "expected \"probable_typo\""));
    CHECK(test::has_problem(bad({{"TRIGGER", R"({"kind": "levels", "levels": [{"criterion": "1.1", "level": "a"}]})"}}),
                            "/knockouts/0/trigger/kind", "expected \"declared\""));
}

TEST_CASE("catalog diff pairs sets through the shipped correspondence table and criteria by title", "[26-2026][diff]") {
    const edition& old = embedded_catalog().get("1048-781");
    auto d = diff_sets(old, "gia-vi-khac", ed26());
    CHECK(d.to_set == "gia-vi-khac-muoi-hanh-toi-tieu");
    CHECK(d.sets_matched_by.starts_with("correspondence table 1048-781 → 26-2026"));
    REQUIRE(d.parts.size() == 3);
    CHECK((d.parts[0].from_max == 35 && d.parts[0].to_max == 40));
    auto added_value = std::find_if(d.criteria.begin(), d.criteria.end(), [](const criterion_change& c) {
        return c.to_title && *c.to_title == "Gia tăng giá trị";
    });
    REQUIRE(added_value != d.criteria.end());
    CHECK(added_value->matched_by == "title");
    CHECK(added_value->from_id != added_value->to_id);
    CHECK(std::count_if(d.criteria.begin(), d.criteria.end(), [](const criterion_change& c) { return c.change == "added"; }) > 0);
    // Every criterion of both sheets appears exactly once.
    std::size_t from = 0, to = 0;
    for (const auto& c : d.criteria) from += c.from_id.has_value(), to += c.to_id.has_value();
    CHECK(from == old.find_set("gia-vi-khac")->criteria.size());
    CHECK(to == ed26().find_set(d.to_set)->criteria.size());

    auto same = diff_sets(ed26(), rau, ed26());
    CHECK(std::all_of(same.criteria.begin(), same.criteria.end(), [](const criterion_change& c) { return c.change == "unchanged"; }));

    auto none = test::expect_error([&] { diff_sets(old, "trang-thiet-bi-dung-cu-y-te", ed26()); }, errc::not_found);
    CHECK(std::string(none.what()).find("has no corresponding set") != std::string::npos);
    auto several = test::expect_error([&] { diff_sets(ed26(), "thu-cong-my-nghe", old); }, errc::not_found);
    CHECK(std::string(several.what()).find("thu-cong-my-nghe-gia-dung, thu-cong-my-nghe-trang-tri") != std::string::npos);
    CHECK(diff_sets(ed26(), "thu-cong-my-nghe", old, "thu-cong-my-nghe-gia-dung").sets_matched_by == "named by the caller");
}
