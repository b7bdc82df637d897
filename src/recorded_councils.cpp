// The councils of a campaign rebuilt from the scorecards its log records (docs/scoring.md,
// "Campaign analytics from a campaign's log").

#include "ocop/recorded_councils.hpp"

#include <utility>
#include <variant>

#include "ocop/error.hpp"
#include "ocop/scoring.hpp"
#include "ocop/workflow_json.hpp"

namespace ocop {

council_recorder::council_recorder(const catalog& cat, council_policy policy, std::optional<std::string> only_level)
    : catalog_(&cat), policy_(std::move(policy)), only_level_(std::move(only_level)) {}

void council_recorder::add(const event& e) {
    if (const auto* r = std::get_if<registered_payload>(&e.payload)) {
        industry_[e.dossier] = r->dossier.industry;
    } else if (const auto* s = std::get_if<scorecard_payload>(&e.payload)) {
        open_round& open = open_[e.dossier];
        if (open.level != s->level || open.round != s->round) open = {s->level, s->round, {}};
        if (only_level_ && *only_level_ != s->level) return;  // the round stays open, without cards, to be closed
        try {
            open.cards.push_back(score(*catalog_, s->scorecard));
        } catch (const error& failure) {
            throw error(failure.code(), "", "the scorecard of " + s->scorecard.evaluator + " for dossier " + e.dossier +
                                                " cannot be scored: " + failure.what());
        }
    } else if (const auto* c = std::get_if<council_payload>(&e.payload)) {
        auto open = open_.find(e.dossier);
        if (open == open_.end()) {
            if (c->from_paper.value_or(c->mean.has_value())) ++from_paper_;
            return;
        }
        if (open->second.cards.empty()) {  // a round at a level left out
            open_.erase(open);
            return;
        }
        campaign_council council;
        council.id = e.dossier + " " + open->second.level + " " + std::to_string(c->round);
        auto industry = industry_.find(e.dossier);
        if (industry != industry_.end()) council.industry = industry->second;
        council.policy = policy_;
        council.policy.level = open->second.level;
        council.cards = std::move(open->second.cards);
        open_.erase(open);
        councils_.push_back(std::move(council));
    }
}

campaign_analytics council_recorder::analyse(const analysis_policy& thresholds, const procedure_library& procedures) const {
    if (councils_.empty())
        throw error(errc::not_found, "", "the log records no council scorecards" + (only_level_ ? " at level \"" + *only_level_ + "\"" : std::string()) +
                                             " (" + std::to_string(from_paper_) + " results entered from paper)");
    campaign_analytics out = analyse_campaign(*catalog_, councils_, thresholds, procedures);
    out.from_paper = static_cast<int>(from_paper_);
    return out;
}

council_recorder recorded_councils(const catalog& cat, const event_log& log, const council_policy& policy,
                                   const std::optional<std::string>& only_level) {
    council_recorder recorder(cat, policy, only_level);
    std::size_t i = 0;
    for (const auto& entry : log.entries()) {
        with_path_prefix(json_path("", i++) + "/event", [&] { recorder.add(parse_event(entry.event)); });
    }
    return recorder;
}

council_recorder recorded_councils(const registry& r, const std::optional<std::string>& only_level) {
    const catalog& cat = r.rules().editions ? *r.rules().editions : embedded_catalog();
    const council_policy& policy = r.campaign() && r.campaign()->council ? *r.campaign()->council : r.rules().council;
    return recorded_councils(cat, r.log(), policy, only_level);
}

}  // namespace ocop
