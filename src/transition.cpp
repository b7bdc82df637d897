// The change of rules between editions: deadlines of dossiers pinned to a replaced procedure.

#include "ocop/transition.hpp"

#include <algorithm>

#include "ocop/detail/enum_text.hpp"
#include "ocop/workflow.hpp"

namespace ocop {

using detail::enum_name;

std::optional<date> transition_last_day(const procedure& p, bool rerating) {
    if (!p.transition) return std::nullopt;
    const transition_rule& t = *p.transition;
    date last = t.from.plus_days((rerating ? t.rerating_within_days : t.finish_within_days) - 1);
    if (p.lapses_on && p.lapses_on->plus_days(-1) < last) last = p.lapses_on->plus_days(-1);
    return last;
}

bool is_rerating(const dossier_state& s) noexcept { return s.cycle > 1; }

void check_transition(const procedure& p, const dossier_state& s, event_type t, date day) {
    if (!p.transition || day < p.transition->from) return;
    const transition_rule& tr = *p.transition;
    const std::string replaced = "procedure " + p.edition + " was replaced by " + tr.successor + " on " + tr.from.to_string();
    if (t == tr.filed_with)
        throw error(errc::rule_violation, "/at",
                    replaced + ": only dossiers filed before that day finish under it (" + tr.source + "); dossier " + s.dossier.id +
                        " was not filed (" + std::string(enum_name(t)) + ") before " + tr.from.to_string() +
                        " and must be registered again under " + tr.successor);
    if (std::find(tr.allowed_after.begin(), tr.allowed_after.end(), t) != tr.allowed_after.end()) return;
    const bool rerating = is_rerating(s);
    const date last = *transition_last_day(p, rerating);
    if (day <= last) return;
    throw error(errc::rule_violation, "/at",
                replaced + "; a dossier filed before then finishes under it within " +
                    std::to_string(rerating ? tr.rerating_within_days : tr.finish_within_days) + " days" +
                    (rerating ? " as a re-rating" : "") + (p.lapses_on ? ", and " + p.edition + " lapses on " + p.lapses_on->to_string() : "") +
                    " (" + tr.source + "): dossier " + s.dossier.id + " had until " + last.to_string() + "; " +
                    std::string(enum_name(t)) + " on " + day.to_string() + " is refused");
}

void validate_transition(const procedure& p, problem_list& problems) {
    if (p.lapses_on && (!p.valid_until || *p.lapses_on <= *p.valid_until))
        problems.add("/lapses_on", "expected a day after valid_until" + (p.valid_until ? " " + p.valid_until->to_string() : std::string(" (none given)")) +
                                       ", found " + p.lapses_on->to_string());
    if (!p.transition) return;
    const transition_rule& t = *p.transition;
    if (!p.valid_until || t.from <= *p.valid_until)
        problems.add("/transition/from", "expected a day after valid_until: the successor takes effect once this procedure stops taking dossiers, found " +
                                             t.from.to_string());
    for (auto [days, name] : {std::pair{t.finish_within_days, "finish_within_days"}, std::pair{t.rerating_within_days, "rerating_within_days"}})
        if (days < 1 || days > 3660)
            problems.add(json_path("/transition", name), "expected 1 to 3660 days, found " + std::to_string(days));
    if (std::find(t.allowed_after.begin(), t.allowed_after.end(), t.filed_with) != t.allowed_after.end())
        problems.add("/transition/allowed_after", "the filing event " + std::string(enum_name(t.filed_with)) + " cannot be allowed after the deadline");
    if (t.successor == p.edition) problems.add("/transition/successor", "expected another edition than " + p.edition);
}

}  // namespace ocop
