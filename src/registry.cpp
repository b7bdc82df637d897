// The registry: apply with the strong guarantee, log every accepted event, replay a log.

#include "ocop/registry.hpp"

#include "ocop/detail/json_reader.hpp"
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
    const dossier_state* before = find(e.dossier);
    const dossier_state* previous = nullptr;
    if (const auto* reg = std::get_if<registered_payload>(&e.payload); reg && reg->previous_cycle) previous = find(*reg->previous_cycle);

    // Everything that can fail happens on copies first.
    dossier_state after = ocop::apply(before, e, rules_, previous);
    std::vector<std::string> warnings;
    for (std::size_t i = before ? before->warnings.size() : 0; i < after.warnings.size(); ++i) warnings.push_back(after.warnings[i]);
    if (campaign_) {
        if (auto w = check_campaign(*campaign_, e, before, after)) {
            after.warnings.push_back(*w);
            warnings.push_back(*w);
        }
        if (e.type() == event_type::registered) check_units(*campaign_, after.dossier);
    }
    if (before_commit) before_commit(after);
    // Commit: the log first (strong guarantee), then the state; undo the log if the state fails.
    log_.append(e);
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

registry registry::replay(const event_log& log, workflow_rules rules, std::optional<ocop::campaign> c,
                          std::optional<std::string_view> expected_head) {
    log.verify_or_throw(expected_head);
    registry out(rules, std::move(c));
    const auto& entries = log.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string path = "/" + std::to_string(i) + "/event";
        try {
            out.apply(event_from_json(detail::parse_json(entries[i].event), path));
        } catch (const error& e) {
            std::vector<problem> probs = e.problems();
            for (auto& p : probs)
                if (!p.path.starts_with(path)) p.path = path + p.path;
            throw error(e.code(), std::move(probs));
        }
        // The rebuilt entry must be the same bytes: a verified but non-canonical event is refused.
        if (out.log_.entries().back().hash != entries[i].hash)
            throw error(errc::invalid_document, path, "the event is not in canonical form, so replay cannot reproduce its entry");
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

void registry::release_log() { log_ = event_log::resume(log_.first_index() + log_.size(), log_.head()); }

json::value to_json(const registry& r) {
    json::array a;
    for (const auto& [id, s] : r.dossiers()) a.push_back(to_json(s));
    json::object o;
    o["dossiers"] = std::move(a);
    return o;
}

}  // namespace ocop
