#include "scoring_text.hpp"

#include <algorithm>

#include "cli.hpp"
#include "language.hpp"

namespace ocop::cli {

namespace {
std::string n(std::int64_t v) { return std::to_string(v); }
}  // namespace

std::string star_mark(const criterion& c, const level& l) {
    std::string out;
    for (const auto& m : c.min_star_levels)
        if (m.level == l.id) out += (out.empty() ? "" : " ") + std::to_string(m.stars) + "★";
    return out;
}

bool has_star_marks(const product_set& s) {
    return std::any_of(s.criteria.begin(), s.criteria.end(), [](const criterion& c) { return !c.min_star_levels.empty(); });
}

std::string state_name(criterion_state s) { return label_or_id("criterion_state", to_string(s)); }

std::string outcome_name(evaluation_outcome o) { return label_or_id("outcome", to_string(o)); }

std::string scorecard_heading(const scorecard_result& r, const product_set& set) {
    return tr("score.header", {r.evaluator.empty() ? tr("score.no_evaluator") : r.evaluator, set.code, set.name, r.edition});
}

grid scorecard_grid(const scorecard_result& r) {
    grid g{"",
           {tr("header.criterion"), tr("header.title"), tr("header.level_id"), tr("header.label"), ">" + tr("header.points"),
            ">" + tr("header.max"), tr("header.note")},
           {}};
    for (const auto& c : r.criteria)
        g.rows.push_back({c.criterion, c.title, c.case_id ? *c.case_id + "/" + c.level.value_or("") : c.level.value_or("-"),
                          c.level_label.value_or(""), n(c.points), n(c.max_points), state_name(c.state)});
    return g;
}

std::vector<std::string> scorecard_lines(const scorecard_result& r) {
    std::vector<std::string> lines;
    for (const auto& p : r.parts) lines.push_back(tr("score.part", {p.id, n(p.points), n(p.max_points)}));
    lines.push_back(tr("score.total", {n(r.total), n(r.max_total), outcome_name(r.outcome)}));
    for (const auto& k : r.knockouts)
        lines.push_back(k.criterion.empty() ? tr("score.knockout_set", {k.rule, k.text}) : tr("score.knockout_at", {k.criterion, k.rule, k.text}));
    if (r.band_stars != r.stars || !r.caps.empty()) lines.push_back(tr("score.band", {n(r.band_stars)}));
    for (const auto& c : r.caps) lines.push_back(tr("score.cap", {n(c.capped_to), c.text}));
    lines.push_back(tr("score.stars", {n(r.stars)}));
    for (const auto& w : r.sheet_warnings) lines.push_back(tr("common.warning", {w}));
    if (r.sheet_verification) lines.push_back(tr("score.sheet_verification", {verification_text(*r.sheet_verification)}));
    for (const auto& c : r.criteria)
        if (c.verification) lines.push_back(tr("score.criterion_verification", {c.criterion, verification_text(*c.verification)}));
    return lines;
}

std::string council_heading(const council_result& r, const product_set& set) {
    return tr("council.header", {n(static_cast<std::int64_t>(r.members.size())), set.code, set.name, r.edition});
}

grid members_grid(const council_result& r) {
    grid g{"", {tr("header.member"), ">" + tr("header.total"), tr("header.outcome")}, {}};
    for (const auto& m : r.members) g.rows.push_back({m.evaluator, n(m.total), outcome_name(m.outcome)});
    return g;
}

grid criterion_means_grid(const council_result& r, const product_set& set) {
    grid g{"", {tr("header.criterion"), tr("header.title"), ">" + tr("header.mean"), ">" + tr("header.max")}, {}};
    for (std::size_t i = 0; i < r.criterion_means.size(); ++i)
        g.rows.push_back({r.criterion_means[i].id, set.criteria[i].title, decimal(r.criterion_means[i].mean), n(r.criterion_means[i].max_points)});
    return g;
}

std::vector<std::string> council_lines(const council_result& r) {
    std::vector<std::string> lines;
    for (const auto& p : r.part_means) lines.push_back(tr("score.part", {p.id, decimal(p.mean), n(p.max_points)}));
    lines.push_back(tr("council.mean", {decimal(r.mean_display), n(r.mean.numerator), n(r.mean.denominator), n(r.band_stars), r.band_meaning}));
    for (const auto& c : r.caps)
        lines.push_back(tr("council.cap", {n(c.capped_to), c.criterion, decimal(c.criterion_mean), n(c.required_points), c.text, c.source}));
    if (r.knockout.outcome != evaluation_outcome::evaluated)
        lines.push_back(
            tr("council.knockout", {outcome_name(r.knockout.outcome), r.knockout.rule, n(r.knockout.members_reporting), r.knockout.text}));
    lines.push_back(tr("council.stars", {n(r.stars)}) +
                    (r.recognisable ? tr("council.recognised_by", {level_name(*r.recognised_by)}) : tr("council.not_recognisable")) +
                    (r.forward_to ? tr("council.forward_to", {level_name(*r.forward_to)}) : ""));
    for (const auto& w : r.warnings) lines.push_back(tr("common.warning", {w}));
    if (r.sheet_verification) lines.push_back(tr("score.sheet_verification", {verification_text(*r.sheet_verification)}));
    return lines;
}

}  // namespace ocop::cli
