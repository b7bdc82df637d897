#pragma once
/// @file transition.hpp
/// The change of rules between editions, as data on the replaced procedure (procedure::lapses_on,
/// procedure::transition). 26/2026/QĐ-TTg took effect on 22/5/2026 (Điều 11.1): from that day new
/// dossiers follow 26-2026 (procedure::valid_until of 148-1489 is 21/5/2026); 148 and 1489 lapse 60
/// days later (Điều 11.2); a dossier filed before 22/5/2026 finishes under the rules it was registered
/// with within 60 days, or 30 for a re-rating (Điều 12.2), while certificates already issued keep
/// their term (Điều 12.1). See docs/workflow.md, "Change of rules".

#include <optional>

#include "ocop/date.hpp"
#include "ocop/error.hpp"
#include "ocop/procedure.hpp"

namespace ocop {

struct dossier_state;

/// The last day on which a dossier of `p` may still take an event, once its successor took effect:
/// transition.from + (re-rating ? rerating_within_days : finish_within_days) - 1, and no later than
/// the day before lapses_on. std::nullopt when `p` has no transition.
std::optional<date> transition_last_day(const procedure& p, bool rerating);

/// Whether the workflow treats a dossier as a re-rating ("đánh giá, phân hạng lại"): a new cycle
/// that renews an expired certificate (registered with previous_cycle, so cycle 2 or later).
bool is_rerating(const dossier_state& s) noexcept;

/// Refuses (error(errc::rule_violation), path "/at") an event of type `t` on `day` for a dossier
/// pinned to `p` when `p`'s successor had taken effect and the event is a filing (only dossiers
/// filed before transition.from continue) or comes after transition_last_day; allowed_after events
/// pass. The message names the transition's source (Điều 11, 12) and the deadline.
void check_transition(const procedure& p, const dossier_state& s, event_type t, date day);

/// Problems of a procedure's lapses_on and transition, with their paths.
void validate_transition(const procedure& p, problem_list& problems);

}  // namespace ocop
