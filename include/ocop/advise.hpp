#pragma once
/// @file advise.hpp
/// "What lifts this product a star": from a scorecard or a council's scorecards and a target rank,
/// the smallest sets of level improvements that reach the target's star band and every minimum per
/// star it requires, without a knock-out; several alternatives, ranked. Solved exactly
/// (docs/scoring.md, "What lifts a product a star"). Pure functions: no clock, no I/O.

#include <cstddef>
#include <cstdint>
#include <map>
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

/// What the host asks: the target rank (none: one star more than now, at most the highest band),
/// how many alternatives (1 to 20), and optional costs of changing a criterion (criterion id -> cost, 0 to
/// 1,000,000; 1 for a criterion not listed). The objective is the sum of the costs of the criteria
/// changed (without weights: their number), then the points gained.
struct advice_options {
    std::optional<int> target_stars;
    std::size_t alternatives = 3;
    std::map<std::string, std::int64_t, std::less<>> weights;
};

/// One improvement: raise `criterion` to `level`. For a council, the criterion's mean becomes the
/// level's points (as if every member gave that level).
struct advice_step {
    std::string criterion;
    std::string title;                     ///< the criterion's label on the sheet
    std::optional<std::string> case_id;    ///< the case answered, for an either/or criterion
    std::optional<std::string> from_level; ///< the level answered now (a scorecard)
    std::string from_points;               ///< points now ("2"), or the council's mean ("1.43")
    std::string level;                     ///< the level to reach
    std::string level_label;               ///< its official wording
    int level_points = 0;
    exact_mean gain;                       ///< points gained on the total (a council: on the mean), exact
    std::string gain_display;
    std::int64_t cost = 1;                 ///< its weight
    std::optional<std::string> warning;    ///< the criterion has a declared data gap or reading of ours
};
BOOST_DESCRIBE_STRUCT(advice_step, (), (criterion, title, case_id, from_level, from_points, level, level_label, level_points, gain,
                                        gain_display, cost, warning))

/// One set of improvements that reaches the target; none of its steps can be left out or lowered.
struct advice_plan {
    int rank = 0;  ///< 1 for the best
    std::vector<advice_step> steps;  ///< in sheet order
    std::size_t criteria_changed = 0;
    std::int64_t cost = 0;
    exact_mean points_gained;
    std::string points_gained_display;
    exact_mean total;  ///< the total (a council: the mean) after the steps
    std::string total_display;
    int band_stars = 0;
    int stars = 0;  ///< after the minimums per star: at least the target
};
BOOST_DESCRIBE_STRUCT(advice_plan, (), (rank, steps, criteria_changed, cost, points_gained, points_gained_display, total, total_display,
                                        band_stars, stars))

/// A minimum per star the target requires (those for the target's stars or fewer), and whether
/// the product reaches it now.
struct advice_requirement {
    std::string requirement;
    std::string criterion;
    int stars = 0;
    int at_least_points = 0;
    bool reached = false;
    std::string text;
};
BOOST_DESCRIBE_STRUCT(advice_requirement, (), (requirement, criterion, stars, at_least_points, reached, text))

enum class advice_status {
    already_met,  ///< the product holds the target's stars already: no step
    reachable,    ///< `plans` reach it
    unreachable,  ///< no set of reachable levels reaches it: `reasons` say why
    knocked_out,  ///< a knock-out holds: no level improvement ranks the product (`reasons`)
};
BOOST_DESCRIBE_ENUM(advice_status, already_met, reachable, unreachable, knocked_out)

struct advice {
    std::string edition;
    std::string set;
    set_status sheet_status = set_status::complete;
    std::vector<std::string> sheet_warnings;
    std::string basis;  ///< "scorecard" or "council"
    int members = 1;
    std::string model;  ///< how a step is read (docs/scoring.md)
    exact_mean total;   ///< now: the scorecard's total or the council's exact mean
    std::string total_display;
    int stars = 0;      ///< now
    int target_stars = 0;
    advice_status status = advice_status::already_met;
    std::vector<std::string> reasons;
    std::vector<advice_requirement> requirements;
    std::vector<advice_plan> plans;  ///< best first; at most options.alternatives
};
BOOST_DESCRIBE_STRUCT(advice, (), (edition, set, sheet_status, sheet_warnings, basis, members, model, total, total_display, stars,
                                   target_stars, status, reasons, requirements, plans))

/// Advice for one scored scorecard of `set`. Reachable levels: those of the criterion (of the case
/// answered, for an either/or criterion) with more points than now, that trigger no knock-out and
/// leave every criterion's applicability as it is (a criterion that does not apply stays so).
/// Throws error(errc::invalid_document) for options out of range (a target that is no band of the
/// edition at "/target", "/alternatives", "/weights/<id>"), error(errc::invalid_scorecard) for a
/// result of another set. Complexity: O(criteria x levels x states x alternatives), states at most
/// (points needed + largest level step) x distinct level steps.
advice advise(const edition& ed, const product_set& set, const scorecard_result& card, const advice_options& options);

/// Advice for a council: `cards` are its members' scored scorecards, aggregated under `policy` with
/// the edition's procedure. A step sets the criterion's council mean to the level's points (every
/// member gives that level); a criterion every member scored can change, under one case.
/// Throws what aggregate() throws, and error(errc::invalid_council) when members answered an
/// either/or criterion under different cases.
advice advise(const edition& ed, const procedure& proc, const product_set& set, const std::vector<scorecard_result>& cards,
              const council_policy& policy, const advice_options& options);

/// Scores `card` (errors as score()) and advises on it.
advice advise(const catalog& cat, const scorecard& card, const advice_options& options);

/// Scores and aggregates a council document (errors as evaluate_council(), with its paths) and
/// advises on it.
advice advise(const catalog& cat, const council_input& council, const advice_options& options,
              const procedure_library& procedures = embedded_procedures());

/// A request: one scorecard or one council document, and the options (advise_json.hpp reads it).
struct advice_request {
    std::optional<scorecard> card;
    std::optional<council_input> council;
    advice_options options;
};

/// Advises on the request's scorecard or council. Throws what the two above throw, with the paths
/// under "/scorecard" or "/council"; the options' problems at their own paths ("/target").
advice advise(const catalog& cat, const advice_request& request, const procedure_library& procedures = embedded_procedures());

}  // namespace ocop
