// Council members' scorecards kept compact in a dossier's state, and rebuilt for aggregate().

#include "ocop/detail/member_cards.hpp"

#include <algorithm>

#include "ocop/error.hpp"

namespace ocop::detail {

namespace {

/// The rule `id` of the set (a criterion's, with its criterion id, or the whole set's), or nullptr.
const knockout_rule* find_rule(const product_set& set, const std::string& id, std::string& criterion_id) {
    for (const auto& c : set.criteria)
        for (const auto& k : c.knockouts)
            if (k.id == id) {
                criterion_id = c.id;
                return &k;
            }
    criterion_id.clear();
    for (const auto& k : set.knockouts)
        if (k.id == id) return &k;
    return nullptr;
}

void add_part(std::vector<subtotal>& parts, const criterion& c, int points, int max_points) {
    auto it = std::find_if(parts.begin(), parts.end(), [&](const subtotal& s) { return s.id == c.part; });
    if (it == parts.end()) parts.push_back({c.part, points, max_points});
    else {
        it->points += points;
        it->max_points += max_points;
    }
}

}  // namespace

scorecard_result restore_card(const edition& ed, const product_set& set, const member_card& card, const std::string& path) {
    if (card.points.size() != set.criteria.size())
        throw error(errc::invalid_document, path + "/points", "expected " + std::to_string(set.criteria.size()) + " points (the criteria of set " +
                                                                  set.id + "), found " + std::to_string(card.points.size()));
    scorecard_result r;  // no explanation, no sheet warnings: aggregate() reads neither
    r.edition = ed.id;
    r.set = set.id;
    r.evaluator = card.evaluator;
    r.criteria.resize(set.criteria.size());
    for (std::size_t i = 0; i < set.criteria.size(); ++i) {
        const criterion& c = set.criteria[i];
        criterion_score& cs = r.criteria[i];
        cs.points = card.points[i];
        cs.max_points = c.max_points();
        r.total += cs.points;
        r.max_total += cs.max_points;
        add_part(r.parts, c, cs.points, cs.max_points);
    }
    for (std::size_t i = 0; i < card.knockouts.size(); ++i) {
        std::string criterion_id;
        const knockout_rule* rule = find_rule(set, card.knockouts[i], criterion_id);
        if (!rule) throw error(errc::invalid_document, json_path(path + "/knockouts", i), "no knock-out rule \"" + card.knockouts[i] + "\" in set " + set.id);
        r.knockouts.push_back({rule->id, criterion_id, rule->outcome, rule->text, rule->source});
        if (rule->outcome == knockout_outcome::eliminated) r.outcome = evaluation_outcome::eliminated;
        else if (r.outcome == evaluation_outcome::evaluated) r.outcome = evaluation_outcome::evaluation_stopped;
    }
    return r;
}

}  // namespace ocop::detail
