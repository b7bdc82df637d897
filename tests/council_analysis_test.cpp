#include "ocop/council_analysis.hpp"

#include <cmath>
#include <optional>

#include <catch2/catch.hpp>

#include "ocop/council_analysis_json.hpp"
#include "rau_cards.hpp"
#include "test_support.hpp"

using namespace ocop;
using test::rau_top;
using test::with;

namespace {

scorecard_result scored(const scorecard& card) { return score(test::ed1048(), test::rau(), card); }

std::vector<scorecard_result> cards_with_totals(std::initializer_list<int> totals) {
    std::vector<scorecard_result> cards;
    int i = 0;
    for (int t : totals) cards.push_back(scored(test::card_with_total(t, "m" + std::to_string(++i))));
    return cards;
}

/// Analysed under the default thresholds unless given, with councils of any size the rules allow.
council_analysis analyse(const std::vector<scorecard_result>& cards, analysis_policy thresholds = {}) {
    council_policy any_size;
    any_size.minimum_members = 1;
    return analyse_council(test::ed1048(), test::proc1048(), test::rau(), cards, any_size, thresholds);
}

/// Alpha by its definition (Krippendorff 2011, section D): every ordered pair of values within a
/// unit, and every ordered pair of all pairable values, squared differences.
double alpha_by_definition(const std::vector<std::vector<double>>& units) {
    double within = 0, n = 0;
    std::vector<double> all;
    for (const auto& u : units) {
        if (u.size() < 2) continue;
        double d = 0;
        for (std::size_t i = 0; i < u.size(); ++i)
            for (std::size_t j = 0; j < u.size(); ++j)
                if (i != j) d += (u[i] - u[j]) * (u[i] - u[j]);
        within += d / static_cast<double>(u.size() - 1);
        n += static_cast<double>(u.size());
        all.insert(all.end(), u.begin(), u.end());
    }
    double between = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = 0; j < all.size(); ++j)
            if (i != j) between += (all[i] - all[j]) * (all[i] - all[j]);
    return 1 - (within / n) / (between / (n * (n - 1)));
}

}  // namespace

TEST_CASE("Krippendorff's alpha (interval) reproduces the published worked example") {
    // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    // Communication, University of Pennsylvania, Departmental Papers (ASC) 43, sections C and D:
    // 4 observers (A-D), 12 units, missing values; the paper prints alpha_interval = 0.849.
    // Columns are units, rows observers A, B, C, D; a missing value is left out of its unit.
    const std::optional<double> x;
    const std::vector<std::vector<std::optional<double>>> observers{
        {1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3},
        {x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x},
    };
    std::vector<std::vector<double>> units(12);
    for (const auto& row : observers)
        for (std::size_t u = 0; u < 12; ++u)
            if (row[u]) units[u].push_back(*row[u]);
    alpha_result r = krippendorff_alpha_interval(units);
    REQUIRE(r.alpha.has_value());
    CHECK(std::round(*r.alpha * 1000) / 1000 == Approx(0.849).margin(1e-9));
    CHECK(r.units == 11);   // unit 12 has one value: not pairable
    CHECK(r.values == 40);  // n, as in the paper's coincidence matrix
    CHECK(*r.alpha == Approx(alpha_by_definition(units)).epsilon(1e-12));
}

TEST_CASE("alpha is undefined without variation, 1 when members agree on every criterion") {
    CHECK_FALSE(krippendorff_alpha_interval({{1, 1}, {1, 1, 1}}).alpha.has_value());
    CHECK_FALSE(krippendorff_alpha_interval({{3}, {}}).alpha.has_value());  // nothing pairable
    CHECK(*krippendorff_alpha_interval({{1, 1}, {0, 0}}).alpha == Approx(1.0));

    auto same = analyse(cards_with_totals({80, 80, 80}));
    REQUIRE(same.agreement.alpha);
    CHECK(*same.agreement.alpha == "1.000");
    CHECK(same.agreement.observed_disagreement == "0.0000");
    auto top = analyse({scored(rau_top("a")), scored(rau_top("b"))});  // every criterion at its maximum
    CHECK_FALSE(top.agreement.alpha.has_value());
    CHECK_FALSE(top.agreement.low);
    CHECK(top.agreement.units == static_cast<int>(test::rau().criteria.size()));  // every criterion pairable
}

TEST_CASE("each member's total against the mean and against the mean of the others, exactly") {
    auto a = analyse(cards_with_totals({80, 82, 84, 60}));  // sum 306, mean 76.5
    REQUIRE(a.member_totals.size() == 4);
    const auto& low = a.member_totals[3];
    CHECK(low.deviation_from_mean == "-16.50");
    CHECK(low.mean_of_others == "82.00");
    CHECK(low.deviation_from_others == "-22.00");
    CHECK(low.far_from_others);
    CHECK(a.member_totals[0].deviation_from_others == "+4.67");  // 80 - 226/3
    CHECK_FALSE(a.member_totals[0].far_from_others);
    int far = 0;
    for (const auto& f : a.flags) far += f.kind == analysis_flag_kind::member_far_from_others;
    CHECK(far == 1);
    // The limit is exact: 82 - (80 + 84)/2 = 0 ... a member exactly at the limit is not flagged.
    auto at_limit = analyse(cards_with_totals({70, 80, 90}), analysis_policy{.member_deviation_limit = 15});
    CHECK(at_limit.member_totals[0].deviation_from_others == "-15.00");
    CHECK_FALSE(at_limit.member_totals[0].far_from_others);
}

TEST_CASE("a member who decides the stars alone, computed with the library's aggregation") {
    auto a = analyse(cards_with_totals({88, 90, 92}));  // 90 exactly: 5 stars
    REQUIRE(a.stars == 5);
    CHECK(a.member_totals[0].stars_without == 5);  // (90 + 92) / 2
    CHECK(a.member_totals[1].stars_without == 5);  // (88 + 92) / 2 = 90
    CHECK(a.member_totals[2].stars_without == 4);  // (88 + 90) / 2 = 89
    CHECK_FALSE(a.member_totals[0].decides_stars);
    CHECK(a.member_totals[2].decides_stars);
    bool flagged = false;
    for (const auto& f : a.flags) flagged |= f.kind == analysis_flag_kind::member_decides_stars && f.subject == "m3" && f.value == "4";
    CHECK(flagged);
    auto steady = analyse(cards_with_totals({80, 81, 79}));
    for (const auto& m : steady.member_totals) CHECK_FALSE(m.decides_stars);
}

TEST_CASE("the band edge nearest to the exact mean") {
    auto on_edge = analyse(cards_with_totals({88, 90, 92}));
    REQUIRE(on_edge.band_edge);
    CHECK(on_edge.band_edge->edge == 90);
    CHECK(on_edge.band_edge->distance == "0.00");
    CHECK((on_edge.band_edge->stars_below == 4 && on_edge.band_edge->stars_above == 5));
    CHECK(on_edge.band_edge->near);
    auto below = analyse(cards_with_totals({70, 69}));  // 69.5: half a point under the 4-star edge
    CHECK(below.band_edge->edge == 70);
    CHECK(below.band_edge->distance == "0.50");
    CHECK(below.band_edge->near);
    auto one_over = analyse(cards_with_totals({51, 51, 51}));  // exactly one point: near (within one point)
    CHECK(one_over.band_edge->distance == "1.00");
    CHECK(one_over.band_edge->near);
    auto middle = analyse(cards_with_totals({75, 80, 85}));  // 80: 10 from 70 and from 90, the lower one named
    CHECK(middle.band_edge->edge == 70);
    CHECK(middle.band_edge->distance == "10.00");
    CHECK_FALSE(middle.band_edge->near);
    auto barely = analyse(cards_with_totals({52, 51, 51}));  // 154/3 = 51.33: more than one point
    CHECK_FALSE(barely.band_edge->near);
}

TEST_CASE("the spread of every criterion and the criteria the council disagreed on most") {
    // m1 all best; m2 rates 6.2 at "b" (1 of 8); m3 rates 8 at "c" (3 of 5).
    const std::vector<scorecard_result> cards{scored(rau_top("m1")), scored(with(rau_top("m2"), {{"6.2", "b"}})),
                                              scored(with(rau_top("m3"), {{"8", "c"}}))};
    auto a = analyse(cards);
    REQUIRE(a.criteria.size() == test::rau().criteria.size());
    auto find = [&](const std::string& id) {
        return *std::find_if(a.criteria.begin(), a.criteria.end(), [&](const criterion_spread& c) { return c.criterion == id; });
    };
    const auto c62 = find("6.2");
    CHECK((c62.lowest == 1 && c62.highest == 8 && c62.range == 7 && c62.max_points == 8));
    CHECK(c62.mean == "5.67");
    CHECK(c62.standard_deviation == "3.30");  // sqrt(3 x 129 - 17^2) / 3
    CHECK(c62.wide);                          // 7 of 8 > 50%
    const auto c8 = find("8");
    CHECK(c8.standard_deviation == "0.94");
    CHECK_FALSE(c8.wide);  // 2 of 5 is 40%
    CHECK(find("1.1").range == 0);
    CHECK(a.most_disagreed == std::vector<std::string>{"6.2", "8"});
    auto strict = analyse(cards, analysis_policy{.criterion_range_percent = 30, .criteria_listed = 1});
    CHECK(strict.most_disagreed == std::vector<std::string>{"6.2"});
    int wide = 0;
    for (const auto& c : strict.criteria) wide += c.wide;
    CHECK(wide == 2);  // 8: 2 of 5 is 40%, over 30%
}

TEST_CASE("too small or empty councils and thresholds out of range are refused clearly") {
    test::require_error(errc::invalid_council, "/scorecards", "needs at least 2 scorecards, found 0", [] { analyse({}); });
    council_policy one;
    one.minimum_members = 1;
    std::vector<scorecard_result> single{scored(rau_top("m1"))};
    CHECK(aggregate(test::ed1048(), test::proc1048(), test::rau(), single, one).stars == 5);  // a council of one is allowed
    test::require_error(errc::invalid_council, "/scorecards", "needs at least 2 scorecards, found 1", [&] {
        analyse_council(test::ed1048(), test::proc1048(), test::rau(), single, one);
    });
    // Two members: each is compared with the other alone.
    auto pair = analyse_council(test::ed1048(), test::proc1048(), test::rau(), cards_with_totals({70, 90}), one);
    CHECK(pair.member_totals[0].mean_of_others == "90.00");
    CHECK(pair.member_totals[0].stars_without == 5);
    CHECK(pair.member_totals[1].stars_without == 4);
    test::require_error(errc::invalid_council, "/analysis/criterion_range_percent", "expected an integer from 0 to 100", [] {
        analyse(cards_with_totals({80, 80, 80}), analysis_policy{.criterion_range_percent = 101});
    });
}

TEST_CASE("a council document with thresholds, read and analysed") {
    auto card = [](const char* who) {
        return std::string(R"({"edition":"1048-781","set":"rau-cu-qua-hat-tuoi","evaluator":")") + who + R"(","answers":{}})";
    };
    test::require_error(errc::invalid_document, "/analysis/member_deviation_limt", "unknown key", [&] {
        parse_council_analysis(R"({"analysis":{"member_deviation_limt":5},"scorecards":[)" + card("a") + "]}");
    });
    test::require_error(errc::invalid_document, "/analysis/band_edge_points", "expected an integer from 0 to 100", [&] {
        parse_council_analysis(R"({"analysis":{"band_edge_points":-1},"scorecards":[]})");
    });
    auto in = parse_council_analysis(R"({"analysis":{"member_deviation_limit":5},"policy":{"minimum_members":2},"scorecards":[)" +
                                     card("a") + "," + card("b") + "]}");
    CHECK(in.analysis.member_deviation_limit == 5);
    CHECK(in.analysis.criterion_range_percent == 50);  // default kept
    CHECK(in.council.policy.minimum_members == 2);
    CHECK(in.council.scorecards.size() == 2);
}
