// The registry: apply with the strong guarantee, log every accepted event, replay a log.

#include "ocop/registry.hpp"

#include <cassert>
#include <unordered_map>

#include <boost/json/monotonic_resource.hpp>

#include "ocop/detail/campaign_window.hpp"
#include "ocop/detail/canonical_read.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/detail/workflow_step.hpp"
#include "ocop/error.hpp"
#include "ocop/registry_json.hpp"
#include "ocop/workflow_json.hpp"

namespace ocop {

namespace json = boost::json;

registry::registry(workflow_rules rules, std::optional<ocop::campaign> c) : rules_(rules), campaign_(std::move(c)) {}

const dossier_state* registry::find(std::string_view id) const {
    auto it = dossiers_.find(id);
    return it == dossiers_.end() ? nullptr : &it->second;
}

const dossier_state& registry::apply(const event& e) { return apply(e, {}); }

const dossier_state& registry::apply(const event& e, const std::function<void(const dossier_state&)>& before_commit) {
    return apply_logged(e, before_commit, nullptr);
}

const dossier_state& registry::apply_canonical(const event& e, std::string_view canonical_text) {
    assert(canonical_text == canonical_json(e));
    return apply_logged(e, {}, &canonical_text);
}

const dossier_state& registry::apply_logged(const event& e, const std::function<void(const dossier_state&)>& before_commit,
                                            const std::string_view* canonical_text) {
    const dossier_state* before = find(e.dossier);
    const dossier_state* previous = nullptr;
    if (const auto* reg = std::get_if<registered_payload>(&e.payload); reg && reg->previous_cycle) previous = find(*reg->previous_cycle);

    // Everything that can fail happens on copies first.
    const campaign_step* step = campaign_ && before && before->batch ? campaign_->step_of(e, before) : nullptr;
    dossier_state after = before && e.type() != event_type::registered ? *before : dossier_state{};
    const timestamp_parts ts = detail::apply_in_place(after, before != nullptr, e, effective_rules(), previous);
    std::vector<std::string> warnings;
    for (std::size_t i = before ? before->warnings.size() : 0; i < after.warnings.size(); ++i) warnings.push_back(after.warnings[i]);
    check_in_campaign(e, step, ts.day, after, warnings);
    if (before_commit) before_commit(after);
    // Commit: the log first (strong guarantee), then the state; undo the log if the state fails.
    if (canonical_text) log_.record_canonical(*canonical_text);
    else log_.record(e);
    try {
        auto [it, inserted] = dossiers_.try_emplace(e.dossier);
        (void)inserted;
        it->second = std::move(after);
        last_warnings_ = std::move(warnings);
        return it->second;
    } catch (...) {
        log_.drop_last();
        throw;
    }
}

void registry::check_in_campaign(const event& e, const campaign_step* step, date day, dossier_state& after,
                                 std::vector<std::string>& warnings) const {
    if (!campaign_) return;
    const bool registration = e.type() == event_type::registered;
    auto w = registration ? check_campaign(*campaign_, e, nullptr, after)
             : step && after.batch ? detail::check_campaign_window(*campaign_, e, step, *after.batch, day)
                                   : std::optional<std::string>{};
    if (w) {
        after.warnings.push_back(*w);
        warnings.push_back(std::move(*w));
    }
    if (registration) check_units(*campaign_, after.dossier);
}

workflow_rules registry::effective_rules() const {
    workflow_rules rules = rules_;
    if (campaign_ && campaign_->council) rules.council = *campaign_->council;
    return rules;
}

/// The dossiers a replay has added to its map, by id: one hash per event instead of the map's
/// O(log n) string comparisons (std::hash<std::string_view>). The map's nodes never move, so their
/// keys and iterators stay valid.
struct registry::replay_index {
    std::unordered_map<std::string_view, std::map<std::string, dossier_state, std::less<>>::iterator> by_id;
};

void registry::replay_entry(const event& e, const workflow_rules& rules, const event_log::entry_ref& verified,
                            const timestamp_parts* read_canonically, replay_index& index) {
    const dossier_state* previous = nullptr;
    if (const auto* reg = std::get_if<registered_payload>(&e.payload); reg && reg->previous_cycle) previous = find(*reg->previous_cycle);
    const auto known = index.by_id.find(e.dossier);
    const bool registered = known != index.by_id.end();
    auto it = registered ? known->second : dossiers_.emplace(e.dossier, dossier_state{}).first;
    if (!registered) index.by_id.emplace(it->first, it);
    // In place, without the copy of apply(): a refused event ends the replay, whose registry is discarded.
    dossier_state& s = it->second;
    const std::size_t warned = registered ? s.warnings.size() : 0;
    const campaign_step* step = campaign_ && registered && s.batch ? campaign_->step_of(e, &s) : nullptr;
    const timestamp_parts ts = detail::apply_in_place(s, registered, e, rules, previous, read_canonically);
    last_warnings_.assign(s.warnings.begin() + static_cast<std::ptrdiff_t>(warned), s.warnings.end());
    check_in_campaign(e, step, ts.day, s, last_warnings_);
    // The verified entry is adopted as it is, provided appending the event would write the same bytes.
    if (!read_canonically && canonical_json(e) != verified.log->event_text(verified.at))
        throw error(errc::invalid_document, "", "the event is not in canonical form, so replay cannot reproduce its entry");
    log_.adopt(verified);
}

namespace {

/// The event of a log entry, by the full reader: parsed in a buffer on the stack (no allocation per
/// JSON node), its problems' paths relative to the event (replay places them under "/<line>/event").
event entry_event(std::string_view text) {
    unsigned char buffer[4096];
    json::monotonic_resource arena(buffer, sizeof buffer);
    return event_from_json(detail::parse_json(text, &arena));
}

}  // namespace

registry registry::replay(const event_log& log, workflow_rules rules, std::optional<ocop::campaign> c,
                          std::optional<std::string_view> expected_head) {
    log.check_chain_or_throw(expected_head);  // every entry not hashed by this process hashed, once
    registry out(rules, std::move(c));
    const std::size_t entries = log.size();
    if (log.first_index() != 0 && entries != 0)
        throw error(errc::invalid_document, "/0/event",
                    "the log starts at entry " + std::to_string(log.first_index()) + ": replay needs it from its first entry");
    const workflow_rules effective = out.effective_rules();
    replay_index index;
    event e;  // reused: its strings keep their capacity from one event to the next
    for (std::size_t i = 0; i < entries; ++i) {
        try {
            const event_log::entry_ref verified{&log, i};
            // Canonical text is read directly, as the log keeps it (coded) or else decoded; anything
            // else by the full reader, which says what is wrong.
            timestamp_parts at;
            bool canonical = detail::read_coded_event(log.stored_text(i), e, &at);
            if (!canonical) {
                const std::string_view text = log.event_text(i);
                canonical = detail::read_canonical_event(text, e, &at);
                if (!canonical) e = entry_event(text);
            }
            out.replay_entry(e, effective, verified, canonical ? &at : nullptr, index);
        } catch (const error& err) {
            // Every path of a refused event is relative to the event (the readers and apply read it
            // alone): placed under its entry once, here.
            throw err.under(json_path("", i) + "/event");
        }
    }
    return out;
}

registry registry::resume(workflow_rules rules, std::optional<ocop::campaign> c,
                          std::map<std::string, dossier_state, std::less<>> dossiers, event_log log) {
    registry out(rules, std::move(c));
    out.dossiers_ = std::move(dossiers);
    out.log_ = std::move(log);
    return out;
}

void registry::resume_dossier(dossier_state s) {
    std::string id = s.dossier.id;
    dossiers_.try_emplace(std::move(id), std::move(s));
}

void registry::release_log() {
    if (!log_.chain_only_) log_ = event_log::resume(log_.next_index(), log_.head());
}

json::value to_json(const registry& r) {
    json::array a;
    for (const auto& [id, s] : r.dossiers()) a.push_back(to_json(s));
    json::object o;
    o["dossiers"] = std::move(a);
    return o;
}

}  // namespace ocop
