#pragma once
/// @file registry.hpp
/// The dossiers of a province or campaign ("sổ theo dõi hồ sơ") with their event log: applies
/// events through the procedure and the campaign's windows, appends each accepted event to the
/// hash-chained log, and rebuilds everything from a log by replay.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ocop/campaign.hpp"
#include "ocop/event_log.hpp"
#include "ocop/workflow.hpp"

namespace ocop {

/// Dossiers by id plus their log. Copyable value type; not synchronised.
class registry {
public:
    /// `c`: the campaign whose edition, batches and windows apply (none: no windows).
    explicit registry(workflow_rules rules = {}, std::optional<ocop::campaign> c = std::nullopt);

    /// Applies one event (see ocop::apply and ocop::check_campaign) and appends it to the log.
    /// Strong guarantee: a refused event leaves the dossiers and the log unchanged. Returns the
    /// dossier's new state; last_warnings() holds the warnings this event raised.
    const dossier_state& apply(const event& e);
    /// The same, calling `before_commit` with the new state once everything that can fail has
    /// succeeded and before anything changes: if it throws, the event is not applied. It lets a
    /// caller prepare its output (the C ABI's JSON) without losing the strong guarantee.
    const dossier_state& apply(const event& e, const std::function<void(const dossier_state&)>& before_commit);
    /// apply(), for a host that has made the event's canonical JSON already (the campaign store, which
    /// also stores and hashes it): the log hashes `canonical_text` as given, so it must be
    /// canonical_json(e) (checked by an assertion in debug builds).
    const dossier_state& apply_canonical(const event& e, std::string_view canonical_text);

    /// The dossier with this id, or nullptr. O(log dossiers).
    const dossier_state* find(std::string_view id) const;
    const std::map<std::string, dossier_state, std::less<>>& dossiers() const noexcept { return dossiers_; }
    const event_log& log() const noexcept { return log_; }
    const std::optional<ocop::campaign>& campaign() const noexcept { return campaign_; }
    const std::vector<std::string>& last_warnings() const noexcept { return last_warnings_; }
    const workflow_rules& rules() const noexcept { return rules_; }

    /// Rebuilds the registry from a log: verifies the chain (and `expected_head` when given),
    /// then applies every event in order. The entries this process hashed itself
    /// (event_log::hashed_here(): a log a registry applied or replayed here) are checked by their
    /// stored hashes, which chain by construction, and not hashed again; every other entry (a log
    /// from event_log::import_jsonl) is hashed, so tampering is found as by event_log::verify(). Throws error(errc::tampered) with the verification's
    /// message and the bad entry's path ("/<line>"), or the first refused event's error with its
    /// path prefixed by "/<line>/event". The result's log is byte-identical to `log`.
    static registry replay(const event_log& log, workflow_rules rules = {}, std::optional<ocop::campaign> c = std::nullopt,
                           std::optional<std::string_view> expected_head = std::nullopt);

    /// A registry resumed from dossier states saved by a host (a store's snapshot) and a log that
    /// continues the chain they follow (event_log::resume): nothing is replayed or re-checked, so the
    /// host answers for the states being those of the chain (a full replay proves it). `dossiers`
    /// may hold only the dossiers the next events touch (each event's dossier and previous cycle).
    static registry resume(workflow_rules rules, std::optional<ocop::campaign> c,
                           std::map<std::string, dossier_state, std::less<>> dossiers, event_log log);
    /// Adds one more dossier state saved by the host to a resumed registry, as resume() takes them: for a
    /// host that loads each state when the first event touching it comes. Keeps the state the
    /// registry holds, if any.
    void resume_dossier(dossier_state s);
    /// Forgets the log entries held in memory, keeping the chain's position (next index and head):
    /// for a host that has stored them. (A chain_only() log holds none: nothing to do.)
    void release_log();

private:
    /// The rules ocop::apply gets: rules(), with the campaign's council policy when it has one.
    workflow_rules effective_rules() const;
    /// apply(e, before_commit), logging `canonical_text` when given, else canonical_json(e).
    const dossier_state& apply_logged(const event& e, const std::function<void(const dossier_state&)>& before_commit,
                                      const std::string_view* canonical_text);
    /// The campaign's checks (none without a campaign) of `e`, which moved its dossier to `after`:
    /// a registration must fit the campaign (check_campaign) and its units (check_units); another
    /// event of a dossier in a batch must fall in its step's window (detail::check_campaign_window;
    /// `step`: campaign::step_of the state before `e`, `day`: the event's date). A warning is added
    /// to `after.warnings` and to `warnings`.
    void check_in_campaign(const event& e, const campaign_step* step, date day, dossier_state& after,
                           std::vector<std::string>& warnings) const;
    /// Replays one event of a verified log: applies it in place (a refused event leaves the
    /// dossier partly changed: replay then discards the registry), checks the campaign, then adopts
    /// `verified` (the entry holding `e`) once its text is the event's canonical JSON
    /// (errc::invalid_document otherwise). `read_canonically`: when `e` was read by
    /// detail::read_canonical_event, which accepts canonical text only (so it is not compared again),
    /// the timestamp it parsed; nullptr when `e` was read by the full reader.
    /// `index`: the dossiers replayed so far by id (registry.cpp), found with one hash each.
    struct replay_index;
    void replay_entry(const event& e, const workflow_rules& rules, const event_log::entry_ref& verified, const timestamp_parts* read_canonically,
                      replay_index& index);

    workflow_rules rules_;
    std::optional<ocop::campaign> campaign_;
    std::map<std::string, dossier_state, std::less<>> dossiers_;
    event_log log_;
    std::vector<std::string> last_warnings_;
};

}  // namespace ocop
