// A council's summary minutes as a printable document (html_documents.hpp).

#include "html_documents.hpp"
#include "html_parts.hpp"
#include "language.hpp"
#include "scoring_text.hpp"

namespace ocop::cli {

namespace {

using std::to_string;

/// "TV1", "TV2"...: the members' columns in the matrix (their names are in the members' table).
std::string member_code(std::size_t index) { return tr("html.member_code", {to_string(index + 1)}); }

void members_table(markup& m, const council_result& r) {
    grid g = members_grid(r);
    g.headers.insert(g.headers.begin(), tr("html.member_column"));
    for (std::size_t i = 0; i < g.rows.size(); ++i) g.rows[i].insert(g.rows[i].begin(), member_code(i));
    m.raw(to_html_table(g));
}

/// A member's points for one criterion; a criterion not scored shows its state.
std::string points_of(const criterion_score& c) { return c.state == criterion_state::scored ? to_string(c.points) : state_name(c.state); }

/// Criteria down, members across, with the council's mean and the maximum of each criterion; the
/// last row holds each member's total and the council's mean.
grid member_matrix(const council_result& r, const std::vector<scorecard_result>& cards, const product_set& set) {
    grid g{"", {tr("header.criterion"), tr("header.title")}, {}};
    for (std::size_t i = 0; i < cards.size(); ++i) g.headers.push_back(">" + member_code(i));
    g.headers.push_back(">" + tr("html.criterion_mean"));
    g.headers.push_back(">" + tr("header.max"));
    for (std::size_t c = 0; c < set.criteria.size() && c < r.criterion_means.size(); ++c) {
        std::vector<std::string> row{set.criteria[c].id, set.criteria[c].title};
        for (const auto& card : cards) row.push_back(c < card.criteria.size() ? points_of(card.criteria[c]) : "");
        row.push_back(decimal(r.criterion_means[c].mean));
        row.push_back(to_string(r.criterion_means[c].max_points));
        g.rows.push_back(std::move(row));
    }
    std::vector<std::string> totals{tr("header.total"), ""};
    for (const auto& card : cards) totals.push_back(to_string(card.total));
    totals.push_back(decimal(r.mean_display));
    totals.push_back(to_string(set.part_max("A") + set.part_max("B") + set.part_max("C")));
    g.rows.push_back(std::move(totals));
    return g;
}

}  // namespace

std::string council_html(const council_input& in, const council_result& r, const edition& ed, const product_set& set) {
    std::vector<scorecard_result> cards;
    for (const auto& card : in.scorecards) cards.push_back(score(ed, set, card));
    markup m;
    m.element("h1", tr("html.council_title"));
    m.element("p", council_heading(r, set), {{"class", "meta"}});
    if (!in.policy.level.empty()) m.element("p", tr("html.council_level", {level_name(in.policy.level)}), {{"class", "meta"}});
    sheet_identity(m, ed, set);
    fields_to_fill(m, {tr("html.field_product"), tr("html.field_subject"), tr("html.field_meeting")});
    m.element("h2", tr("html.members"));
    members_table(m, r);
    m.element("h2", tr("html.member_points"));
    m.raw(to_html_table(member_matrix(r, cards, set), true));
    m.element("h2", tr("html.council_result"));
    paragraphs(m, council_lines(r));
    m.element("p", tr("html.divergence", {to_string(r.divergence.spread), to_string(r.divergence.limit)}));
    signatures(m, {tr("html.secretary"), tr("html.chair")});
    return html_document(tr("html.council_title") + " · " + set.code + " " + set.name, m.str());
}

}  // namespace ocop::cli
