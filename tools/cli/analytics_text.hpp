#pragma once
// How the tool words a council's consistency analysis and a campaign's analytics for people
// (docs/scoring.md): one place for `ocop council --analysis`, `ocop analytics`,
// `ocop campaign analytics` and the demo's summary.

#include <cstddef>
#include <iosfwd>

#include "ocop/campaign_analytics.hpp"
#include "ocop/council_analysis.hpp"

namespace ocop::cli {

/// One council: members against the others, the criteria most disagreed on, alpha, flags.
void print_council_analysis(const council_analysis& a, std::ostream& out);
/// A campaign: per set the `rows` criteria most lost, per industry the stars and means, the flags.
void print_campaign_analytics(const campaign_analytics& r, std::size_t rows, std::ostream& out);
/// A short summary (the demo's): councils flagged by kind, and the `rows` criteria where products
/// lose most over every set (lowest share of the maximum reached first).
void print_analytics_summary(const campaign_analytics& r, std::size_t rows, std::ostream& out);

}  // namespace ocop::cli
