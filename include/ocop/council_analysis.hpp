#pragma once
/// @file council_analysis.hpp
/// Was a council consistent? Each member's total against the others, the spread per criterion,
/// Krippendorff's alpha (interval) across members, whether one member alone decides the stars,
/// whether the mean lies near a band edge; and the same over the councils of a campaign: where
/// products lose points, the totals per industry, the councils to look at (docs/scoring.md,
/// "Consistency of a council"). Means and every flag on points are exact (integers); the
/// statistics (standard deviation, alpha, shares) are computed in double and shown rounded.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/procedure.hpp"
#include "ocop/scoring.hpp"

namespace ocop {

/// Thresholds that flag what a coordination office should look at. Not law: our defaults, each
/// documented in docs/scoring.md; a province sets its own.
struct analysis_policy {
    /// Flag a member whose total lies more than this many points from the mean of the others.
    int member_deviation_limit = 10;
    /// Flag a criterion whose range across members (highest - lowest) exceeds this percentage of
    /// its maximum points.
    int criterion_range_percent = 50;
    /// Flag agreement below this alpha, in thousandths: 667 is Krippendorff's lowest limit for
    /// tentative conclusions (Content Analysis, 2nd ed., 2004, p. 241).
    int minimum_alpha_permille = 667;
    /// Flag a council whose exact mean lies within this many points of a band edge.
    int band_edge_points = 1;
    /// How many criteria to list as those the council disagreed on most.
    int criteria_listed = 3;
};
BOOST_DESCRIBE_STRUCT(analysis_policy, (), (member_deviation_limit, criterion_range_percent, minimum_alpha_permille,
                                            band_edge_points, criteria_listed))

class problem_list;
/// Adds a problem for every threshold out of range, at "/analysis/<name>".
void check_analysis_policy(const analysis_policy& thresholds, problem_list& problems);

/// One member against the council.
struct member_consistency {
    std::string evaluator;
    int total = 0;
    std::string deviation_from_mean;    ///< total - the council's mean, exact, shown signed ("+6.20")
    std::string mean_of_others;         ///< the mean of the other members' totals, exact, shown
    std::string deviation_from_others;  ///< total - mean_of_others, exact, shown signed
    bool far_from_others = false;       ///< |deviation_from_others| > member_deviation_limit (exact)
    int stars_without = 0;              ///< the stars of the council without this member (ocop::aggregate)
    bool decides_stars = false;         ///< stars_without differs from the council's stars
};
BOOST_DESCRIBE_STRUCT(member_consistency, (), (evaluator, total, deviation_from_mean, mean_of_others, deviation_from_others,
                                               far_from_others, stars_without, decides_stars))

/// The members' points on one criterion (as counted in the total: 0 where it does not apply).
struct criterion_spread {
    std::string criterion;
    int max_points = 0;
    int lowest = 0;
    int highest = 0;
    int range = 0;                   ///< highest - lowest
    std::string mean;                ///< exact mean, shown
    std::string standard_deviation;  ///< population standard deviation of the members' points (double), shown
    bool wide = false;               ///< range x 100 > criterion_range_percent x max_points (exact)
};
BOOST_DESCRIBE_STRUCT(criterion_spread, (), (criterion, max_points, lowest, highest, range, mean, standard_deviation, wide))

/// Krippendorff's alpha, interval metric, across members, the criteria being the units and each
/// value the member's share of the criterion's maximum.
struct agreement_statistic {
    std::string method;                ///< "krippendorff_alpha_interval"
    std::optional<std::string> alpha;  ///< 3 decimals; absent when undefined (every value equal: no variation)
    std::string observed_disagreement;  ///< D_o, 4 decimals
    std::string expected_disagreement;  ///< D_e, 4 decimals
    int units = 0;                      ///< criteria rated by at least 2 members
    int values = 0;                     ///< pairable values (n)
    bool low = false;                   ///< alpha < minimum_alpha_permille / 1000
    std::string reference;
};
BOOST_DESCRIBE_STRUCT(agreement_statistic, (), (method, alpha, observed_disagreement, expected_disagreement, units, values, low,
                                                reference))

/// The band boundary nearest to the council's exact mean.
struct band_edge_check {
    int edge = 0;            ///< the boundary, in points (a band's `from`)
    std::string distance;    ///< |mean - edge|, exact, shown
    int stars_below = 0;     ///< the band under the edge
    int stars_above = 0;     ///< the band from the edge
    bool near = false;       ///< distance <= band_edge_points (exact)
};
BOOST_DESCRIBE_STRUCT(band_edge_check, (), (edge, distance, stars_below, stars_above, near))

enum class analysis_flag_kind {
    member_far_from_others,  ///< subject: the evaluator
    member_decides_stars,    ///< subject: the evaluator
    criterion_wide_spread,   ///< subject: the criterion
    low_agreement,           ///< subject: "alpha"
    near_band_edge,          ///< subject: the edge in points
};
BOOST_DESCRIBE_ENUM(analysis_flag_kind, member_far_from_others, member_decides_stars, criterion_wide_spread, low_agreement,
                    near_band_edge)

struct analysis_flag {
    analysis_flag_kind kind = analysis_flag_kind::member_far_from_others;
    std::string subject;
    std::string value;  ///< the figure that raised it ("+12.50", "0.412", "3 of 5")
    std::string text;   ///< in English; the CLI words it per language from kind, subject and value
};
BOOST_DESCRIBE_STRUCT(analysis_flag, (), (kind, subject, value, text))

struct council_analysis {
    std::string edition;
    std::string set;
    int members = 0;
    exact_mean mean;
    std::string mean_display;
    int band_stars = 0;
    int stars = 0;
    std::vector<member_consistency> member_totals;  ///< in the cards' order
    std::vector<criterion_spread> criteria;          ///< in sheet order
    std::vector<std::string> most_disagreed;        ///< criterion ids, largest standard deviation share first
    agreement_statistic agreement;
    std::optional<band_edge_check> band_edge;  ///< absent when the edition has a single band
    std::vector<analysis_flag> flags;
    analysis_policy policy;
};
BOOST_DESCRIBE_STRUCT(council_analysis, (), (edition, set, members, mean, mean_display, band_stars, stars, member_totals, criteria,
                                             most_disagreed, agreement, band_edge, flags, policy))

/// Analyses the scored cards of one council (what ocop::aggregate takes; it aggregates them itself
/// under `policy`). Throws error(errc::invalid_council) for what aggregate refuses, for fewer than 2
/// cards (a consistency analysis compares members), and for thresholds out of range (each at
/// "/analysis/<name>"). Complexity: O(members^2 x criteria) (the council is aggregated once without
/// each member).
council_analysis analyse_council(const edition& ed, const procedure& proc, const product_set& set,
                                 const std::vector<scorecard_result>& cards, const council_policy& policy = {},
                                 const analysis_policy& thresholds = {});

/// A council document with the analysis thresholds: {"policy", "scorecards", "analysis"}.
struct council_analysis_input {
    council_input council;
    analysis_policy analysis;
};
/// Scores the cards of the document and analyses them under the procedure of their edition.
council_analysis analyse_council(const catalog& cat, const council_analysis_input& input,
                                 const procedure_library& procedures = embedded_procedures());

/// Krippendorff's alpha, interval metric (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability", section D): `units[u]` holds the values given to unit u (missing values left
/// out). Units with fewer than 2 values are not pairable and ignored. Absent when no unit is
/// pairable or every pairable value is equal (D_e = 0).
struct alpha_result {
    std::optional<double> alpha;
    double observed = 0;  ///< D_o
    double expected = 0;  ///< D_e
    int units = 0;
    int values = 0;
};
alpha_result krippendorff_alpha_interval(const std::vector<std::vector<double>>& units);

}  // namespace ocop
