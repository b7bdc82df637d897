#pragma once
/// @file campaign_analytics.hpp
/// The councils of a campaign together: where products lose points per product set and criterion,
/// the distribution of totals per industry, and the councils the consistency checks flag
/// (docs/scoring.md, "Campaign analytics"). Shares, means of means and medians are computed in
/// double and shown rounded; each council's own mean and stars come from ocop::aggregate.

#include <string>
#include <vector>

#include <boost/describe/class.hpp>

#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/council_analysis.hpp"
#include "ocop/procedure.hpp"
#include "ocop/scoring.hpp"

namespace ocop {

/// One council of a campaign, as a host (or, once scorecards are recorded as events, the event
/// log) knows it: the dossier, its industry, the council's rules and its members' scored cards.
struct campaign_council {
    std::string id;        ///< the dossier (or any label the host uses)
    std::string industry;  ///< the dossier's industry (dossier::industry)
    council_policy policy;
    std::vector<scorecard_result> cards;
};

/// One criterion of a product set over the campaign's councils.
struct criterion_loss {
    std::string criterion;
    int max_points = 0;
    std::string mean_points;    ///< the mean over councils of the council's mean on the criterion
    std::string share_reached;  ///< mean_points / max_points, in percent ("72.50")
    std::string points_lost;    ///< max_points - mean_points
};
BOOST_DESCRIBE_STRUCT(criterion_loss, (), (criterion, max_points, mean_points, share_reached, points_lost))

/// Where the councils of one product set lost points, the criteria most lost first.
struct set_losses {
    std::string edition;
    std::string set;
    int councils = 0;  ///< councils counted (knocked-out products are left out: their sheets stop early)
    std::vector<criterion_loss> criteria;
};
BOOST_DESCRIBE_STRUCT(set_losses, (), (edition, set, councils, criteria))

/// The councils' means and stars for one industry.
struct industry_distribution {
    std::string industry;
    int councils = 0;
    std::vector<int> stars;  ///< councils by final stars: index 0 (not ranked, knocked out) to 5
    std::string lowest;      ///< of the councils' exact means, shown
    std::string median;
    std::string mean;
    std::string highest;
};
BOOST_DESCRIBE_STRUCT(industry_distribution, (), (industry, councils, stars, lowest, median, mean, highest))

struct flagged_council {
    std::string id;
    std::string set;
    std::vector<analysis_flag> flags;
};
BOOST_DESCRIBE_STRUCT(flagged_council, (), (id, set, flags))

struct campaign_analytics {
    int councils = 0;
    std::vector<set_losses> sets;                   ///< by edition, then set id
    std::vector<industry_distribution> industries;  ///< by industry id
    std::vector<flagged_council> flagged;           ///< in input order
    std::vector<std::string> not_analysed;          ///< councils of one member: no consistency analysis
    /// Council results entered from paper (no scorecards): counted, not analysed. Always 0 for
    /// councils passed by the host; council_recorder::analyse() sets it from the log.
    int from_paper = 0;
    analysis_policy policy;
};
BOOST_DESCRIBE_STRUCT(campaign_analytics, (), (councils, sets, industries, flagged, not_analysed, from_paper, policy))

/// Aggregates and analyses every council. Throws error(errc::invalid_council) for no council, a
/// council without an id or industry, two councils with the same id, or what aggregate /
/// analyse_council refuse (paths "/councils/<i>/..."); error(errc::not_found) for an edition without
/// a procedure in `procedures`.
campaign_analytics analyse_campaign(const catalog& cat, const std::vector<campaign_council>& councils,
                                    const analysis_policy& thresholds = {},
                                    const procedure_library& procedures = embedded_procedures());

/// A campaign analytics document (parse_campaign_analytics in campaign_analytics_json.hpp):
/// {"analysis": {...}, "councils": [{"id", "industry", "policy"?, "scorecards": [...]}]}.
struct campaign_council_document {
    std::string id;
    std::string industry;
    council_input council;
};
struct campaign_analytics_input {
    std::vector<campaign_council_document> councils;
    analysis_policy analysis;
};
/// Scores every council's cards (problems at "/councils/<i>/scorecards/<j>/...") and analyses them.
campaign_analytics analyse_campaign(const catalog& cat, const campaign_analytics_input& input,
                                    const procedure_library& procedures = embedded_procedures());

}  // namespace ocop
