#pragma once
// Private: a council member's scorecard kept compact in a dossier's state (workflow.hpp member_card)
// and the scorecard_result aggregate() needs, rebuilt from it when the round closes.

#include "ocop/catalog.hpp"
#include "ocop/scoring.hpp"
#include "ocop/workflow.hpp"

namespace ocop::detail {

/// What a council round keeps of a scored card: its evaluator, the points per criterion (sheet
/// order) and the knock-out rules it triggers, as score(ed, set, card) gives them, with the same
/// refusals, without building the explanation (scoring.cpp; record_scorecard).
member_card scored_card(const edition& ed, const product_set& set, const scorecard& card);

/// A scorecard_result with only what aggregate() reads (edition and set ids, evaluator, points and
/// maxima per criterion, parts, total, knock-outs and outcome) from a compact card of `set`: no
/// explanation (criterion ids, titles, levels) and no sheet warnings, which a council's result takes
/// from the sheet itself. Throws error(errc::invalid_document) at `path` when the card does not fit
/// the set (a host-given state).
scorecard_result restore_card(const edition& ed, const product_set& set, const member_card& card, const std::string& path);

}  // namespace ocop::detail
