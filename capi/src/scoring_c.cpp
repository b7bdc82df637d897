// Scoring one scorecard, evaluating and analysing a council, campaign analytics: JSON in and out.

#include <boost/json/serialize.hpp>

#include "capi.hpp"
#include "ocop/campaign_analytics_json.hpp"
#include "ocop/council_analysis_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"

using ocop::capi::clear_out;
using ocop::capi::dup;
using ocop::capi::guarded;
using ocop::capi::require;

extern "C" {

int ocop_scorecard_score(const ocop_catalog* cat, const char* scorecard_json, char** out_result_json) {
    clear_out(out_result_json, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(scorecard_json, "scorecard_json");
        require(out_result_json, "out_result_json");
        auto result = ocop::score(*cat->cat, ocop::parse_scorecard(std::string_view(scorecard_json)));
        *out_result_json = dup(boost::json::serialize(ocop::to_json(result)));
    });
}

int ocop_council_evaluate(const ocop_catalog* cat, const char* council_json, char** out_result_json) {
    clear_out(out_result_json, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(council_json, "council_json");
        require(out_result_json, "out_result_json");
        auto result = ocop::evaluate_council(*cat->cat, ocop::parse_council(council_json));
        *out_result_json = dup(boost::json::serialize(ocop::to_json(result)));
    });
}

int ocop_council_analyse(const ocop_catalog* cat, const char* council_json, char** out_analysis_json) {
    clear_out(out_analysis_json, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(council_json, "council_json");
        require(out_analysis_json, "out_analysis_json");
        auto analysis = ocop::analyse_council(*cat->cat, ocop::parse_council_analysis(council_json));
        *out_analysis_json = dup(boost::json::serialize(ocop::to_json(analysis)));
    });
}

int ocop_campaign_analytics(const ocop_catalog* cat, const char* councils_json, char** out_analytics_json) {
    clear_out(out_analytics_json, nullptr);
    return guarded([&] {
        require(cat, "cat");
        require(councils_json, "councils_json");
        require(out_analytics_json, "out_analytics_json");
        auto analytics = ocop::analyse_campaign(*cat->cat, ocop::parse_campaign_analytics(councils_json));
        *out_analytics_json = dup(boost::json::serialize(ocop::to_json(analytics)));
    });
}

}  // extern "C"
