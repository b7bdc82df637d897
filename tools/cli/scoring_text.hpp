#pragma once
// Score sheets, a scorecard's and a council's results as text for people, in the output language:
// the same rows and lines for the terminal (cmd_catalog.cpp, cmd_scoring.cpp) and the printable
// documents (html_documents.hpp).

#include <string>
#include <vector>

#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/scoring.hpp"
#include "report_grid.hpp"

namespace ocop::cli {

/// "Phiếu đánh giá EVALUATOR · CODE NAME · phiên bản ED": the first line of a scorecard's result.
std::string scorecard_heading(const scorecard_result& r, const product_set& set);
/// The explanation: one row per criterion, in sheet order (level, its label, points, maximum, state).
grid scorecard_grid(const scorecard_result& r);
/// What follows it: parts, total and outcome, knock-outs, band, caps, stars, the sheet's warnings
/// and verification, each criterion's own verification.
std::vector<std::string> scorecard_lines(const scorecard_result& r);

/// "Hội đồng N thành viên · CODE NAME · phiên bản ED".
std::string council_heading(const council_result& r, const product_set& set);
/// The members: each one's total and outcome.
grid members_grid(const council_result& r);
/// The council's mean per criterion, with the criterion's title and maximum.
grid criterion_means_grid(const council_result& r, const product_set& set);
/// Part means, the mean with its band, caps, the knock-out, stars with recognition and forwarding,
/// warnings and the sheet's verification.
std::vector<std::string> council_lines(const council_result& r);

/// "4★" when level `l` of `c` is marked as the minimum for 4 stars (26/2026), "" when unmarked.
std::string star_mark(const criterion& c, const level& l);
/// Whether any criterion of the set has such marks (the sheet then shows a column for them).
bool has_star_marks(const product_set& s);

/// A criterion's state ("Không áp dụng"; "" when scored) and an outcome ("Bị loại") by name.
std::string state_name(criterion_state s);
std::string outcome_name(evaluation_outcome o);

}  // namespace ocop::cli
