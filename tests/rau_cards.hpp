#pragma once
// Scorecards for "Rau, củ, quả, hạt tươi" (I.1.a) built from the sheet's level ids.

#include <map>
#include <string>

#include "ocop/catalog_json.hpp"
#include "ocop/procedure.hpp"
#include "ocop/scoring.hpp"

namespace ocop::test {

inline const edition& ed1048() { return embedded_catalog().get("1048-781"); }
inline const product_set& rau() { return *ed1048().find_set("rau-cu-qua-hat-tuoi"); }
inline const procedure& proc1048() { return embedded_procedures().get("1048-781"); }

/// The best level of every criterion: 35 + 25 + 40 = 100 points. 3.2 uses case 1 (cooperative).
inline scorecard rau_top(const std::string& evaluator = "m") {
    scorecard card{"1048-781", "rau-cu-qua-hat-tuoi", evaluator, {}, {}};
    const std::map<std::string, std::string> best{
        {"1.1", "c"}, {"1.2", "d"}, {"1.3", "d"}, {"1.4", "c"}, {"1.5", "e"}, {"1.6", "b"}, {"2.1", "d"}, {"2.2", "d"},
        {"2.3", "c"}, {"3.1", "c"}, {"3.3", "b"}, {"3.4", "b"}, {"3.5", "c"}, {"4.1", "d"}, {"4.2", "d"}, {"4.3", "e"},
        {"5.1", "f"}, {"5.2", "d"}, {"5.3", "b"}, {"6.1", "c"}, {"6.2", "e"}, {"6.3", "d"}, {"6.4", "d"}, {"6.5", "c"},
        {"7", "c"},   {"8", "d"},   {"9.1", "c"}, {"9.2", "d"}, {"10", "f"},  {"11", "c"}};
    for (const auto& [id, level] : best) card.answers[id] = answer{std::nullopt, level};
    card.answers["3.2"] = answer{"1", "b"};
    return card;
}

/// A real scorecard whose total is exactly `total` (0 to 100): starting from the best answers, each
/// plain criterion (in sheet order, story criteria left alone) is lowered by as much as still fits.
inline scorecard card_with_total(int total, const std::string& evaluator = "m") {
    auto card = rau_top(evaluator);
    int to_remove = 100 - total;
    for (const auto& c : rau().criteria) {
        if (c.has_cases() || c.id.starts_with("5.")) continue;
        const level* pick = nullptr;
        for (const auto& l : c.levels)
            if (c.max_points() - l.points <= to_remove && (!pick || l.points < pick->points)) pick = &l;
        card.answers[c.id] = answer{std::nullopt, pick->id};
        to_remove -= c.max_points() - pick->points;
    }
    return card;
}

/// A full scorecard for any sheet whose levels rise (1048-781, 148): every criterion at its last
/// (best) level, case 1 for either/or criteria, and a product story (5.1 at its best level, so 5.2
/// and 5.3 are answered too).
inline scorecard best_card(const product_set& set, const std::string& edition_id = "1048-781") {
    scorecard card{edition_id, set.id, "m", {}, {}};
    for (const auto& c : set.criteria) {
        if (c.has_cases()) card.answers[c.id] = answer{c.cases[0].id, c.cases[0].levels.back().id};
        else card.answers[c.id] = answer{std::nullopt, c.levels.back().id};
    }
    return card;
}

/// A set without a sheet, as "Gạo, ngũ cốc" shipped before its sheet was found: no embedded edition
/// lists one any more (148's missing sets are not listed at all), so the tests make one.
inline product_set sheetless_set() {
    product_set s = *ed1048().find_set("gao-ngu-coc");
    s.status = set_status::unavailable;
    s.criteria.clear();
    s.sections.clear();
    s.gaps = {data_gap{"sheet_missing", std::nullopt, std::nullopt, "no score sheet"}};
    return s;
}

/// `base` with some answers replaced (plain criteria).
inline scorecard with(scorecard base, std::initializer_list<std::pair<const char*, const char*>> changes) {
    for (const auto& [id, level] : changes) base.answers[id] = answer{std::nullopt, level};
    return base;
}

}  // namespace ocop::test
