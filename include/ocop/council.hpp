#pragma once
/// @file council.hpp
/// A council's ("hội đồng") result for one product: the mean of the members' totals, kept exact,
/// the star band, minimum-requirement caps, knock-outs, and who may recognise it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/catalog.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/procedure.hpp"
#include "ocop/scoring.hpp"

namespace ocop {

/// How members' knock-outs combine into the product's outcome.
enum class knockout_rule_policy {
    any_member,  ///< default: a knock-out is a fact about the product; one member's finding suffices
    majority,    ///< more than half of the members must report it
};
BOOST_DESCRIBE_ENUM(knockout_rule_policy, any_member, majority)

/// How a minimum per star is checked for a council (docs/scoring.md).
enum class minimum_rule_policy {
    council_mean,  ///< default: the council's exact mean on the criterion reaches the marked points
    every_member,  ///< every member's points on the criterion reach them
};
BOOST_DESCRIBE_ENUM(minimum_rule_policy, council_mean, every_member)

/// Provincial council rules: not national law, so named policies with documented defaults.
struct council_policy {
    /// Flag when max total - min total exceeds this (Hanoi council rule, [one source]).
    int divergence_limit = 10;
    /// Refuse a council with fewer members (our default; a council is never one person).
    int minimum_members = 3;
    /// Decimals of the one display rounding step (round half up on the exact mean).
    int display_decimals = 2;
    knockout_rule_policy knockouts = knockout_rule_policy::any_member;
    minimum_rule_policy minimums = minimum_rule_policy::council_mean;
    /// The level of the edition's procedure the council sits at ("district", "province",
    /// "central"): decides forwarding (procedure_level::forward_target).
    std::string level = "province";
};
BOOST_DESCRIBE_STRUCT(council_policy, (), (divergence_limit, minimum_members, display_decimals, knockouts, minimums, level))

/// An exact mean: numerator / denominator, never a float.
struct exact_mean {
    std::int64_t numerator = 0;
    std::int64_t denominator = 1;
    /// The one named rounding step: round half up to `decimals` places, as text ("72.43").
    std::string display(int decimals = 2) const;
    /// mean >= value, exactly.
    bool at_least(std::int64_t value) const noexcept { return numerator >= value * denominator; }
};
BOOST_DESCRIBE_STRUCT(exact_mean, (), (numerator, denominator))

struct member_total {
    std::string evaluator;
    int total = 0;
    evaluation_outcome outcome = evaluation_outcome::evaluated;
};
BOOST_DESCRIBE_STRUCT(member_total, (), (evaluator, total, outcome))

struct mean_of {
    std::string id;
    std::int64_t sum = 0;
    std::string mean;  ///< displayed (rounded) mean
    int max_points = 0;
};
BOOST_DESCRIBE_STRUCT(mean_of, (), (id, sum, mean, max_points))

struct divergence_check {
    int spread = 0;
    int limit = 0;
    bool exceeded = false;
};
BOOST_DESCRIBE_STRUCT(divergence_check, (), (spread, limit, exceeded))

struct council_knockout {
    evaluation_outcome outcome = evaluation_outcome::evaluated;
    std::string rule;
    int members_reporting = 0;
    std::string text;
    std::string source;
};
BOOST_DESCRIBE_STRUCT(council_knockout, (), (outcome, rule, members_reporting, text, source))

struct council_result {
    std::string edition;
    std::string set;
    set_status sheet_status = set_status::complete;
    std::optional<source_check> sheet_verification;  ///< how sure the sheet is (product_set::verified)
    std::vector<std::string> warnings;
    std::vector<member_total> members;
    exact_mean mean;
    std::string mean_display;
    std::vector<mean_of> criterion_means;
    std::vector<mean_of> part_means;
    int band_stars = 0;  ///< the band of the exact mean
    std::string band_meaning;
    std::vector<star_cap> caps;
    council_knockout knockout;
    int stars = 0;  ///< after knock-outs (0: not ranked) and caps
    bool recognisable = false;  ///< the band of `stars` is recognised and a level of the procedure recognises it
    std::optional<std::string> recognised_by;  ///< procedure level that may recognise `stars` (procedure::recognising_level)
    std::optional<std::string> forward_to;     ///< procedure level the product may be forwarded to from policy.level
    divergence_check divergence;
    std::string bands_source;
};
BOOST_DESCRIBE_STRUCT(council_result, (), (edition, set, sheet_status, sheet_verification, warnings, members, mean, mean_display,
                                           criterion_means, part_means, band_stars, band_meaning, caps, knockout, stars,
                                           recognisable, recognised_by, forward_to, divergence, bands_source))

/// Aggregates scored cards of one product. The edition gives the sheet, parts, star bands and
/// minimum requirements; its procedure (`proc`, of the same edition) gives who recognises the stars
/// and where the council's level forwards. Throws error(errc::invalid_council) for an empty council,
/// fewer members than policy.minimum_members, cards of different sets or editions, a procedure of
/// another edition, or a policy level that is not a council level of the procedure.
/// Complexity: O(members x criteria).
council_result aggregate(const edition& ed, const procedure& proc, const product_set& set,
                         const std::vector<scorecard_result>& cards, const council_policy& policy = {});

/// A council document {"policy": {...}, "scorecards": [...]} (docs/scoring.md; parse_council in
/// council_json.hpp).
struct council_input {
    std::vector<scorecard> scorecards;
    council_policy policy;
};
/// The cards of a council scored against the edition and set the first card names.
struct scored_council {
    const edition* ed = nullptr;
    const product_set* set = nullptr;
    std::vector<scorecard_result> cards;
};
/// Scores every card (problems at "/scorecards/<i>/..."). Throws error(errc::invalid_council) for no
/// card, error(errc::not_found) for an unknown edition or set, error(errc::invalid_scorecard).
scored_council score_council(const catalog& cat, const std::vector<scorecard>& cards);

/// Scores every card of a council document and aggregates them under the procedure of the cards'
/// edition from `procedures`. Throws error(errc::not_found) when the catalog has no such edition or
/// set, or `procedures` no procedure for it.
council_result evaluate_council(const catalog& cat, const council_input& input,
                                const procedure_library& procedures = embedded_procedures());

}  // namespace ocop
