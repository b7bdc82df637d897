#pragma once
// The printable documents (self-contained HTML, A4, in the output language): a blank score sheet,
// a filled scorecard with its explanation, a council's summary minutes and a campaign's report.

#include <string>

#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/date.hpp"
#include "ocop/registry.hpp"
#include "ocop/scoring.hpp"

namespace ocop::cli {

/// A blank score sheet of `set` for a council member: the product and the member to fill in, every
/// criterion with each level's full label and points and a box to tick, the points to write, the
/// knock-out notes, the part totals; the edition, the sheet's source, status and verification.
std::string score_sheet_html(const edition& ed, const product_set& set);

/// One evaluator's scorecard scored: each criterion's level, label and points, then the parts,
/// total, knock-outs, caps and stars, with the sheet's warnings and verification.
std::string scorecard_html(const scorecard_result& r, const edition& ed, const product_set& set);

/// A council's summary minutes: the product to fill in, the members, every member's points per
/// criterion with the council's mean, then the mean, band, caps, knock-out and stars, and places
/// for the secretary's and the chair's signatures. `in` is what `r` was evaluated from.
std::string council_html(const council_input& in, const council_result& r, const edition& ed, const product_set& set);

/// The campaign's report as of `as_of`: registrations by district and industry (the plan's
/// appendix 01 form), results by stars per district and per industry as bar charts with their
/// tables, the distribution of the councils' means with the star bands' edges, the 5★ candidates.
/// `note` (may be empty) is printed under the title (the demo says its scorecards are synthetic).
/// Precondition: the registry has a campaign.
std::string campaign_report_html(const registry& r, date as_of, const std::string& note);

}  // namespace ocop::cli
