#pragma once
/// @file campaign.hpp
/// A province's evaluation plan ("kế hoạch"): its edition, batches ("đợt") and the date window of
/// each step per batch, and the registrations it expects. The Hanoi 2021 plan (220/KH-UBND) ships
/// built in. Whether an event outside its window is a warning or refused is a named policy.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/admin_units.hpp"
#include "ocop/date.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/procedure.hpp"
#include "ocop/workflow.hpp"

namespace ocop {

/// What happens to an event dated outside its step's window.
enum class window_policy {
    warn,     ///< default: recorded, with a warning in the dossier's state
    enforce,  ///< refused with error(errc::rule_violation)
};
BOOST_DESCRIBE_ENUM(window_policy, warn, enforce)

/// A date window; every bound is optional: from <= d, d <= until, d < before.
struct date_window {
    std::optional<date> from;
    std::optional<date> until;
    std::optional<date> before;

    bool contains(date d) const noexcept;
    /// The last day inside the window, when it has an end.
    std::optional<date> last_day() const;
    /// "2021-10-16 to 2021-10-20", "before 2021-10-10", ...
    std::string to_string() const;
};
BOOST_DESCRIBE_STRUCT(date_window, (), (from, until, before))

/// Which events belong to a step: type, the level the dossier is at, and optionally the council
/// round or the phase the dossier was in before the event.
struct step_event {
    event_type type = event_type::registered;
    std::string level;
    std::optional<int> round;
    std::optional<phase> from_phase;
};
BOOST_DESCRIBE_STRUCT(step_event, (), (type, level, round, from_phase))

/// A state that waits for a step (for the report of dossiers waiting past their window).
struct step_wait {
    std::string level;
    phase in_phase = phase::submitted;
    std::optional<int> rounds;
};
BOOST_DESCRIBE_STRUCT(step_wait, (), (level, in_phase, rounds))

struct batch_window {
    std::string batch;
    date_window window;
};
BOOST_DESCRIBE_STRUCT(batch_window, (), (batch, window))

/// One step of the plan's schedule (Hanoi: appendix 02).
struct campaign_step {
    int step = 0;
    std::string what;
    std::string lead;
    std::vector<step_event> events;
    std::vector<step_wait> waiting;
    std::vector<batch_window> windows;

    const date_window* window_for(std::string_view batch) const noexcept;
};
BOOST_DESCRIBE_STRUCT(campaign_step, (), (step, what, lead, events, waiting, windows))

struct campaign_batch {
    std::string id;
    std::string name;
};
BOOST_DESCRIBE_STRUCT(campaign_batch, (), (id, name))

struct campaign_industry {
    std::string id;  ///< an industry id of the edition's classification
    std::string name;
};
BOOST_DESCRIBE_STRUCT(campaign_industry, (), (id, name))

/// Registrations the plan lists for one district (Hanoi: appendix 01), one count per industry in
/// the order of campaign::industries.
struct planned_row {
    std::string district;
    std::vector<int> by_industry;
    int total = 0;
};
BOOST_DESCRIBE_STRUCT(planned_row, (), (district, by_industry, total))

struct campaign {
    std::string id;    ///< "hanoi-2021"
    std::string plan;  ///< "220/KH-UBND"
    std::string issuer;
    date issued_on;
    std::string province;
    int year = 0;
    std::string edition;  ///< pinned: every dossier of the campaign follows this edition
    std::vector<std::string> legal_basis;
    window_policy policy = window_policy::warn;
    std::vector<campaign_industry> industries;
    /// Names only, in the plan's order: the first form of the list, still read, never checked. With
    /// `units` it may be left empty (the rows follow the units) or give the rows' order by their names.
    std::vector<std::string> districts;
    /// The administrative units a registration's district and commune are checked against (absent or
    /// empty: not checked); in the plan's order.
    std::optional<std::vector<admin_unit>> units;
    std::optional<std::string> units_source;  ///< where the list of units comes from
    std::vector<campaign_batch> batches;
    std::vector<campaign_step> steps;
    std::vector<planned_row> planned;  ///< the plan's expected registrations (may be empty)
    std::vector<std::string> after_approval;
    std::string source;  ///< where the schedule comes from, cited in window messages ("220/KH-UBND, Phụ lục 02")
    /// The province's council rules for this campaign's rounds (minimum members, divergence limit,
    /// knock-outs, minimums; `level` is ignored): absent, council_policy's defaults (docs/scoring.md).
    std::optional<council_policy> council;
    std::optional<std::string> council_source;  ///< where those rules come from

    const campaign_batch* find_batch(std::string_view id) const noexcept;
    /// The rows of reports by district, in order: `districts` when it names any, else the names of
    /// the units directly under the province (districts before the 2025 reorganisation, communes after).
    std::vector<std::string> district_rows() const;
    /// The step an event belongs to, given the dossier's state before it (nullptr for a registration).
    const campaign_step* step_of(const event& e, const dossier_state* before) const noexcept;
};
BOOST_DESCRIBE_STRUCT(campaign, (), (id, plan, issuer, issued_on, province, year, edition, legal_basis, policy, industries,
                                     districts, units, units_source, batches, steps, planned, after_approval, source, council,
                                     council_source))

/// Checks one event of a campaign's dossier: a registration must use the campaign's edition, be
/// from its province and name one of its batches (or none); an event dated outside its step's window gives a warning (returned) under
/// window_policy::warn, or error(errc::rule_violation) under enforce. `after` is the state apply() returned.
std::optional<std::string> check_campaign(const campaign& c, const event& e, const dossier_state* before,
                                          const dossier_state& after);

/// The registration's district and commune checked against the campaign's units and rewritten as
/// the list names them ("Huyện Ba Vì", or "Ba Vì" in NFD, become "Ba Vì"): `d.district` names a unit
/// directly under the province; `d.commune`, when given, a unit under that district when the list
/// has any, or (2025 shape, communes directly under the province) the same unit as `d.district`;
/// otherwise it is kept as written. Throws error(errc::invalid_document) at
/// /payload/dossier/district or /payload/dossier/commune with the closest name. Without units: nothing.
void check_units(const campaign& c, dossier& d);

/// The campaigns shipped with the library (src/data/campaigns): "hanoi-2021".
/// Throws error(errc::not_found) for another id.
const campaign& embedded_campaign(std::string_view id);

}  // namespace ocop
