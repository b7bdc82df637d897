#pragma once
/// @file recorded_councils.hpp
/// The councils of a campaign as its event log recorded them, for ocop::analyse_campaign
/// (docs/scoring.md, "Campaign analytics from a campaign's log"): every round whose result was
/// computed from recorded scorecards (`scorecard_recorded` events, then the `council_result` that
/// closes the round), with the dossier's industry from its registration.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ocop/campaign_analytics.hpp"
#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/event_log.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow.hpp"

namespace ocop {

/// Reads events in log order and keeps the councils they record. Events are taken as the log holds
/// them (already accepted by the workflow); one not about councils is ignored.
class council_recorder {
public:
    /// `policy`: the council rules of the campaign (campaign::council, or the default), used to
    /// aggregate each round at its own level. `only_level`: keep only the rounds at that level
    /// ("district", "province", "central"); absent: every level.
    explicit council_recorder(const catalog& cat, council_policy policy = {}, std::optional<std::string> only_level = std::nullopt);

    /// Takes one event. A scorecard is scored against the catalog when recorded: a card of an
    /// edition or set the catalog lacks throws error(errc::not_found), naming the dossier.
    void add(const event& e);

    /// The councils closed so far, in the order their results were recorded; each id is
    /// "<dossier> <level> <round>" ("HN-01-001 province 2").
    const std::vector<campaign_council>& councils() const noexcept { return councils_; }
    /// Council results entered from paper (no scorecards in the log), at any level (the event does
    /// not name its level): they cannot be analysed.
    std::size_t from_paper() const noexcept { return from_paper_; }

    /// analyse_campaign() of the councils(), with from_paper set. Throws error(errc::not_found)
    /// when no council was recorded (at the level kept), saying how many results came from paper.
    campaign_analytics analyse(const analysis_policy& thresholds = {},
                               const procedure_library& procedures = embedded_procedures()) const;

private:
    struct open_round {
        std::string level;
        int round = 0;
        std::vector<scorecard_result> cards;
    };
    const catalog* catalog_;
    council_policy policy_;
    std::optional<std::string> only_level_;
    std::map<std::string, std::string, std::less<>> industry_;  // dossier -> industry
    std::map<std::string, open_round, std::less<>> open_;       // dossier -> its open round's cards
    std::vector<campaign_council> councils_;
    std::size_t from_paper_ = 0;
};

/// What to analyse of a log's councils: the level to keep (absent: every level) and the thresholds.
struct log_analytics_options {
    std::optional<std::string> level;
    analysis_policy analysis;
};

/// Every council of a log (see council_recorder). Throws error(errc::invalid_document) for an entry
/// whose event does not parse, with its path ("/12/event/...").
council_recorder recorded_councils(const catalog& cat, const event_log& log, const council_policy& policy = {},
                                   const std::optional<std::string>& only_level = std::nullopt);
/// Every council of a registry's log, scored against the registry's catalog, with the council
/// policy it applies (its campaign's, else its rules').
council_recorder recorded_councils(const registry& r, const std::optional<std::string>& only_level = std::nullopt);

}  // namespace ocop
