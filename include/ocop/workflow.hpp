#pragma once
/// @file workflow.hpp
/// A dossier's life as events ("sự kiện") applied to a state: registration → levels (pre-check,
/// appraisal, council rounds, completion) → forwarding or closing → recognition → decision →
/// certificate → 5★ candidacy → expiry and a new cycle. `apply` is pure: the procedure (data, see
/// procedure.hpp) decides who may do what; the library never reads the clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/date.hpp"
#include "ocop/dossier.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/procedure.hpp"

namespace ocop {

// ---- payloads: one struct per event_type, in the order of event_type ----------------------

/// `registered`: the dossier as handed in. `edition` (optional) must be the one in force on the
/// event's date; `batch` places it in a campaign batch; `previous_cycle` links a re-evaluation to
/// the expired dossier it renews.
struct registered_payload {
    ocop::dossier dossier;
    std::optional<std::string> edition;
    std::optional<std::string> batch;
    std::optional<std::string> previous_cycle;
};
BOOST_DESCRIBE_STRUCT(registered_payload, (), (dossier, edition, batch, previous_cycle))

/// `submitted`: documents handed in with the submission (added to the dossier's list).
struct submitted_payload {
    std::vector<std::string> documents;
};
BOOST_DESCRIBE_STRUCT(submitted_payload, (), (documents))

/// `precheck_result`: the commune's pre-check (1489; 26/2026 Điều 7.2); `findings` says what was
/// checked or wrong; `contents` assesses each content of the level's checklist, when it has one
/// (procedure_level::precheck_contents: every content exactly once), and is left out otherwise.
struct precheck_payload {
    bool passed = false;
    std::vector<std::string> findings;
    std::optional<std::vector<precheck_assessment>> contents;
};
BOOST_DESCRIBE_STRUCT(precheck_payload, (), (passed, findings, contents))

enum class appraisal_outcome { accepted, returned };
BOOST_DESCRIBE_ENUM(appraisal_outcome, accepted, returned)

/// `appraisal_result`: accepted for the council, or returned with the list of what is missing.
struct appraisal_payload {
    appraisal_outcome outcome = appraisal_outcome::accepted;
    bool field_inspection = false;  ///< whether the production site was inspected
    std::vector<std::string> missing;
};
BOOST_DESCRIBE_STRUCT(appraisal_payload, (), (outcome, field_inspection, missing))

/// `completion_requested`: what the subject must complete before the next council round.
struct completion_request_payload {
    std::vector<std::string> items;
};
BOOST_DESCRIBE_STRUCT(completion_request_payload, (), (items))

/// `completion_submitted`: documents added and the requested items now done.
struct completion_payload {
    std::vector<std::string> documents;
    std::vector<std::string> items;
};
BOOST_DESCRIBE_STRUCT(completion_payload, (), (documents, items))

/// `council_result`: closes one council round at the dossier's current level. The library computes
/// the result from the round's recorded scorecards (`scorecard_recorded`); `mean`, `stars` and
/// `members`, when given, must equal the computed ones. A result without scorecards is a summary
/// entered from paper: `from_paper: true` with mean, stars and members (an event of the format
/// before scorecards, with a mean and no `from_paper`, is read as one, with a warning).
struct council_payload {
    int round = 1;
    std::optional<exact_mean> mean;
    std::optional<int> stars;    ///< after knock-outs and caps (0: not ranked)
    std::optional<int> members;
    std::optional<bool> from_paper;  ///< true: a summary entered from paper, no scorecards in the log
};
BOOST_DESCRIBE_STRUCT(council_payload, (), (round, mean, stars, members, from_paper))

/// `forwarded`: the level it goes to (must be the current level's forwards_to).
struct forwarded_payload {
    std::string to;
};
BOOST_DESCRIBE_STRUCT(forwarded_payload, (), (to))

struct closed_payload {};
BOOST_DESCRIBE_STRUCT(closed_payload, (), ())

/// `recognition_proposed`: the stars proposed for recognition at the current level.
struct recognition_payload {
    int stars = 0;
};
BOOST_DESCRIBE_STRUCT(recognition_payload, (), (stars))

struct not_recognised_payload {};
BOOST_DESCRIBE_STRUCT(not_recognised_payload, (), ())

/// `decision_recorded`: the recognition decision ("quyết định công nhận").
struct decision_payload {
    std::string number;
    date signed_on;
    std::string signer;
};
BOOST_DESCRIBE_STRUCT(decision_payload, (), (number, signed_on, signer))

/// `certificate_issued`: the certificate ("giấy chứng nhận"); its expiry follows from the procedure.
struct certificate_payload {
    std::string number;
    date issued_on;
};
BOOST_DESCRIBE_STRUCT(certificate_payload, (), (number, issued_on))

struct withdrawn_payload {};
BOOST_DESCRIBE_STRUCT(withdrawn_payload, (), ())

struct expired_payload {};
BOOST_DESCRIBE_STRUCT(expired_payload, (), ())

/// `scorecard_recorded`: one member's scorecard for the round `round` at level `level`, which must
/// be the dossier's current level and its open round (rounds + 1). Its JSON is {"level", "round",
/// "scorecard": <a scorecard, docs/scoring.md>}; the card's evaluator is required.
struct scorecard_payload {
    std::string level;
    int round = 1;
    ocop::scorecard scorecard;
};

/// The payload of an event; its alternative index is the event_type.
using event_payload = std::variant<registered_payload, submitted_payload, precheck_payload, appraisal_payload,
                                   completion_request_payload, completion_payload, council_payload, forwarded_payload,
                                   closed_payload, recognition_payload, not_recognised_payload, decision_payload,
                                   certificate_payload, withdrawn_payload, expired_payload, scorecard_payload>;

/// One step of a dossier's life: who (actor, role), when (an ISO 8601 timestamp with zone given by
/// the caller, "2021-10-18T09:00:00+07:00"), what (payload) and why (reason, non-empty).
struct event {
    std::string dossier;  ///< the dossier's id
    std::string actor;
    role actor_role = role::subject;
    std::string at;
    event_payload payload;
    std::string reason;

    event_type type() const noexcept { return static_cast<event_type>(payload.index()); }
};


/// A council payload from an aggregated council result (mean, stars, members).
council_payload council_payload_from(const council_result& result, int round);

// ---- state --------------------------------------------------------------------------------

/// One council round as recorded.
struct council_record {
    std::string level;
    int round = 1;
    exact_mean mean;
    std::string mean_display;  ///< the mean rounded to 2 decimals (display only)
    int stars = 0;
    int members = 0;
    std::string at;
    std::optional<bool> from_paper;  ///< true: entered from paper (no scorecards); absent: computed from the round's scorecards
};
BOOST_DESCRIBE_STRUCT(council_record, (), (level, round, mean, mean_display, stars, members, at, from_paper))

/// One member's scorecard of the open council round, kept compact: the log holds the card itself;
/// the state keeps what the round's result is computed from.
struct member_card {
    std::string evaluator;
    std::vector<std::uint8_t> points;     ///< per criterion of the set, in sheet order
    std::vector<std::string> knockouts;   ///< ids of the knock-out rules the card triggered
};
BOOST_DESCRIBE_STRUCT(member_card, (), (evaluator, points, knockouts))

struct decision_record {
    std::string level;
    int stars = 0;
    std::string number;
    date signed_on;
    std::string signer;
};
BOOST_DESCRIBE_STRUCT(decision_record, (), (level, stars, number, signed_on, signer))

/// A certificate held by the product: valid from issued_on through expires_on, both included.
/// "36 months from the date of issue" ends with the day of the 36th month that corresponds to the
/// issue day, or that month's last day when it has none (Bộ luật Dân sự 2015, Điều 147 khoản 1 and Điều 148 khoản 3):
/// issued 2021-12-15, valid through 2024-12-15; issued 2024-02-29, through 2027-02-28.
struct certificate_record {
    std::string level;
    int stars = 0;
    std::string decision;  ///< the decision's number
    std::string number;
    date issued_on;
    date expires_on;  ///< the last day of validity: issued_on + certificate_validity_months (date::plus_months)
};
BOOST_DESCRIBE_STRUCT(certificate_record, (), (level, stars, decision, number, issued_on, expires_on))

/// Where one dossier stands: a pure function of its events (replaying them gives the same state).
struct dossier_state {
    ocop::dossier dossier;
    std::string edition;  ///< pinned at registration: the dossier follows this edition's procedure
    std::optional<std::string> batch;
    int cycle = 1;
    std::optional<std::string> previous_cycle;
    ocop::phase phase = ocop::phase::draft;
    std::string level;  ///< the current level's id
    int rounds = 0;     ///< council rounds done at the current level
    std::vector<council_record> results;
    /// The scorecards recorded for the open round at `level` (round rounds + 1); absent when none.
    std::optional<std::vector<member_card>> scorecards;
    std::vector<std::string> open_items;  ///< asked by an appraisal or a council, not yet completed
    bool field_inspected = false;
    std::optional<int> proposed_stars;
    std::optional<decision_record> decision;        ///< the current level's decision, once recorded
    std::vector<certificate_record> certificates;   ///< every certificate of this cycle, in order
    std::optional<int> final_stars;                 ///< the rank it ended with (closed, recognised, not recognised)
    std::string registered_at;
    std::string updated_at;
    int events = 0;
    std::vector<std::string> warnings;  ///< e.g. an event outside its campaign window, documents not checkable

    /// The latest council result at `level`, or nullptr.
    const council_record* last_result(std::string_view level_id) const noexcept;
    /// The most recent certificate, or nullptr.
    const certificate_record* certificate() const noexcept { return certificates.empty() ? nullptr : &certificates.back(); }
};
BOOST_DESCRIBE_STRUCT(dossier_state, (), (dossier, edition, batch, cycle, previous_cycle, phase, level, rounds, results,
                                          scorecards, open_items, field_inspected, proposed_stars, decision, certificates,
                                          final_stars, registered_at, updated_at, events, warnings))

/// What apply() consults besides the state. Null pointers mean the embedded data.
struct workflow_rules {
    const procedure_library* procedures = nullptr;  ///< default: embedded_procedures()
    const catalog* editions = nullptr;              ///< default: embedded_catalog() (documents, sets, bands)
    bool check_product_codes = false;               ///< check dossier product codes against the official pattern
    /// How a round's result is computed from its scorecards and who may sit (minimum_members,
    /// knock-outs, minimums, divergence); `level` is ignored: the dossier's level is used. A
    /// registry uses its campaign's `council` policy when it has one.
    council_policy council;
};

/// Applies one event to a dossier and returns its new state; `current` is untouched.
/// `current` is nullptr exactly for a `registered` event; `previous` is the renewed dossier's state
/// when the registration names a previous_cycle. Throws:
/// - error(errc::forbidden) when the actor's role may not apply the event at the current level;
/// - error(errc::rule_violation) when a guard fails: the message names the rule and its legal source;
/// - error(errc::invalid_document) for an ill-formed event (bad timestamp, empty reason, ...);
/// - error(errc::no_edition_in_force) when no procedure is in force on a registration's date.
/// Complexity: O(size of the state).
dossier_state apply(const dossier_state* current, const event& e, const workflow_rules& rules = {},
                    const dossier_state* previous = nullptr);

}  // namespace ocop
