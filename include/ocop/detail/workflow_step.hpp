#pragma once
// Private: the context of one workflow event and the guards shared by the transitions of
// workflow.cpp and the council rounds of workflow_council.cpp.

#include <initializer_list>
#include <string>
#include <string_view>

#include "ocop/workflow.hpp"

namespace ocop::detail {

/// The editions apply() consults: the host's catalog (workflow_rules::editions), or else the
/// embedded editions, each loaded on its first use and each of its sets' sheets on theirs
/// (detail::embedded_edition: a process applying one event reads one edition's fields and at most
/// one sheet, not the whole catalog). An edition it gives may hold no `sets`: ask it for them.
struct editions_source {
    const catalog* host = nullptr;

    /// The edition `id`, or nullptr.
    const edition* find(std::string_view id) const;
    /// The edition `id`; throws error(errc::not_found) when there is none.
    const edition& get(std::string_view id) const;
    /// The set `set_id` of `ed` (an edition this source gave), or nullptr.
    const product_set* find_set(const edition& ed, std::string_view set_id) const;
    /// The set `set_id` of `ed`, or edition::require_set's error at `path`.
    const product_set& require_set(const edition& ed, std::string_view set_id, const std::string& path) const;
};

/// The context of one event: its procedure, level, rule, catalogs, catalog edition (if any), date
/// and the council policy in force.
struct workflow_step {
    const procedure& proc;
    const procedure_level& level;
    const event_rule& rule;
    const editions_source& cat;
    const edition* ed;  // the edition's whole catalog, when the library has it; nullptr otherwise
    const event& e;
    timestamp_parts ts;
    const council_policy& council;
};

/// Throws error(errc::rule_violation) at `path`.
[[noreturn]] void refuse(std::string path, std::string message);
std::string stars_text(int stars);
/// Refuses unless the dossier is in one of `allowed`, naming them and the rule's source.
void expect_phase(const dossier_state& s, const workflow_step& st, std::initializer_list<phase> allowed, std::string_view what);

/// Refuses `what` while scorecards of an open round wait for its council_result.
void expect_no_open_round(const dossier_state& s, const workflow_step& st, std::string_view what);
/// `scorecard_recorded`: checks the card (level, round, evaluator, set, edition, completeness) and keeps it compact.
void record_scorecard(dossier_state& s, const workflow_step& st, const scorecard_payload& pl);
/// `council_result`: closes the open round, computed from its scorecards or entered from paper.
void close_council_round(dossier_state& s, const workflow_step& st, const council_payload& pl);

/// ocop::apply without its copy: moves `s` to its next state in place and returns the event's
/// parsed timestamp. `registered`: `s` is the dossier's state (false: the dossier is not registered
/// and `s` is a default state, which a registration fills). When it throws, `s` may be partly
/// changed: for a caller that discards it then (registry::replay discards the whole registry).
/// `parsed_at`: e.at already parsed (read_canonical_event), not parsed again.
timestamp_parts apply_in_place(dossier_state& s, bool registered, const event& e, const workflow_rules& rules,
                               const dossier_state* previous, const timestamp_parts* parsed_at = nullptr);

}  // namespace ocop::detail
