#pragma once
/// @file scoring.hpp
/// One evaluator's scorecard ("phiếu chấm điểm") for one product on one sheet, and its result
/// with an explanation of every number. Pure functions: no clock, no I/O, no globals.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/catalog.hpp"
#include "ocop/enum_text.hpp"

namespace ocop {

/// The level chosen for one criterion; `case_id` only for either/or criteria.
struct answer {
    std::optional<std::string> case_id;
    std::string level;
};

/// One evaluator's answers. Keys of `answers` are criterion ids.
struct scorecard {
    std::string edition;
    std::string set;
    std::string evaluator;
    std::map<std::string, answer, std::less<>> answers;
    /// Ids of declared knock-out rules that hold, in the document's order, each once (the JSON
    /// reader refuses a repeated id; problems name the index: "/knockouts/2").
    std::vector<std::string> declared_knockouts;

    /// Whether `rule_id` is declared.
    bool declares(std::string_view rule_id) const noexcept {
        return std::find(declared_knockouts.begin(), declared_knockouts.end(), rule_id) != declared_knockouts.end();
    }
};

/// How a criterion was treated.
enum class criterion_state {
    scored,          ///< an answer was given and counted
    not_applicable,  ///< its condition (e.g. a product story) does not hold: 0 points, no answer allowed
    not_evaluated,   ///< the evaluation stopped before it: 0 points
};
BOOST_DESCRIBE_ENUM(criterion_state, scored, not_applicable, not_evaluated)

/// The explanation of one criterion's points.
struct criterion_score {
    std::string criterion;
    std::string title;
    std::string part;
    std::string section;
    criterion_state state = criterion_state::scored;
    std::optional<std::string> case_id;
    std::optional<std::string> level;
    std::optional<std::string> level_label;
    int points = 0;
    int max_points = 0;
    std::string reason;  ///< why not scored, or that an answer was ignored
    std::string source;
    std::optional<source_check> verification;  ///< the criterion's own, where it differs from the sheet's
};
BOOST_DESCRIBE_STRUCT(criterion_score, (), (criterion, title, part, section, state, case_id, level, level_label,
                                            points, max_points, reason, source, verification))

struct subtotal {
    std::string id;
    int points = 0;
    int max_points = 0;
};
BOOST_DESCRIBE_STRUCT(subtotal, (), (id, points, max_points))

/// A knock-out rule that triggered.
struct knockout_hit {
    std::string rule;
    std::string criterion;
    knockout_outcome outcome = knockout_outcome::eliminated;
    std::string text;
    std::string source;
};
BOOST_DESCRIBE_STRUCT(knockout_hit, (), (rule, criterion, outcome, text, source))

/// A star cap from a minimum requirement the product does not meet.
struct star_cap {
    std::string requirement;
    std::string criterion;
    int required_points = 0;
    std::string criterion_mean;
    int capped_to = 0;
    std::string text;
    std::string source;
    std::string confidence;
};
BOOST_DESCRIBE_STRUCT(star_cap, (), (requirement, criterion, required_points, criterion_mean, capped_to, text, source,
                                     confidence))

/// The overall knock-out outcome of a scorecard.
enum class evaluation_outcome { evaluated, eliminated, evaluation_stopped };
BOOST_DESCRIBE_ENUM(evaluation_outcome, evaluated, eliminated, evaluation_stopped)

struct scorecard_result {
    std::string edition;
    std::string set;
    set_status sheet_status = set_status::complete;
    std::vector<std::string> sheet_warnings;  ///< one line per declared data gap
    std::optional<source_check> sheet_verification;  ///< how sure the sheet is (product_set::verified)
    std::string evaluator;
    std::vector<criterion_score> criteria;  ///< in sheet order: the explanation
    std::vector<subtotal> sections;
    std::vector<subtotal> parts;
    int total = 0;
    int max_total = 0;
    evaluation_outcome outcome = evaluation_outcome::evaluated;
    std::vector<knockout_hit> knockouts;  ///< `criterion` empty for a rule of the whole set
    int band_stars = 0;  ///< the band of the total
    /// What a council of this one scorecard would give: the band, 0 after a knock-out, lowered by
    /// every minimum per star not reached (`caps`, docs/scoring.md).
    int stars = 0;
    std::vector<star_cap> caps;
};
BOOST_DESCRIBE_STRUCT(scorecard_result, (), (edition, set, sheet_status, sheet_warnings, sheet_verification, evaluator, criteria, sections,
                                             parts, total, max_total, outcome, knockouts, band_stars, stars, caps))

/// Scores one scorecard. Throws error(errc::invalid_scorecard) listing every problem by criterion
/// (path "/answers/<id>"): unknown criterion, level not of that criterion, missing answer, answer to
/// a criterion that does not apply, level from another case, case missing or unknown, unknown
/// knock-out; error(errc::invalid_scorecard) for a scorecard of another edition or set;
/// error(errc::unavailable) for a set without a sheet. Complexity: O(criteria + answers).
scorecard_result score(const edition& ed, const product_set& set, const scorecard& card);

/// Looks up the edition and set named by the scorecard, then scores it.
scorecard_result score(const catalog& cat, const scorecard& card);

}  // namespace ocop
