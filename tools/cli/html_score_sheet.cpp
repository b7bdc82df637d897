// The blank score sheet and the filled scorecard as printable documents (html_documents.hpp).

#include <algorithm>

#include "html_documents.hpp"
#include "html_parts.hpp"
#include "language.hpp"
#include "scoring_text.hpp"

namespace ocop::cli {

namespace {

using std::to_string;

/// A row of a criterion on the sheet: a level, or the heading of a case (either/or) above its levels.
struct sheet_row {
    const criterion_case* heading = nullptr;
    const level* choice = nullptr;
};

std::vector<sheet_row> rows_of(const criterion& c) {
    std::vector<sheet_row> rows;
    for (const auto& l : c.levels) rows.push_back({nullptr, &l});
    for (const auto& k : c.cases) {
        rows.push_back({&k, nullptr});
        for (const auto& l : k.levels) rows.push_back({nullptr, &l});
    }
    return rows;
}

struct sheet_columns {
    bool marks;  ///< the minimum-per-star column (26/2026 sheets)
    std::size_t count() const { return marks ? 7 : 6; }
};

void sheet_head(markup& m, sheet_columns columns) {
    m.open("thead").open("tr");
    m.element("th", tr("header.criterion")).element("th", tr("header.title")).element("th", tr("html.tick"));
    m.element("th", tr("header.label")).element("th", tr("header.points"), {{"class", "num"}});
    if (columns.marks) m.element("th", tr("header.min"));
    m.element("th", tr("html.points_given"), {{"class", "num"}});
    m.close().close();
}

/// One row's cells after the criterion's: a level (box, label, points, minimum) or a case's heading.
void row_cells(markup& m, const criterion& c, const sheet_row* row, sheet_columns columns) {
    const std::string span = to_string(columns.count() - 3);
    if (!row) m.element("td", "", {{"colspan", span}});
    else if (row->heading) m.element("td", tr("html.case", {row->heading->id, row->heading->label}), {{"colspan", span}, {"class", "case"}});
    else {
        m.open("td", {{"class", "level"}}).element("span", "", {{"class", "box"}}).text(" " + row->choice->id).close();
        m.element("td", row->choice->label).element("td", to_string(row->choice->points), {{"class", "num"}});
        if (columns.marks) m.element("td", star_mark(c, *row->choice));
    }
}

/// A criterion as a group of rows kept on one page: its number and title (with its note) and the
/// cell to write its points in span the rows of its levels.
void criterion_rows(markup& m, const criterion& c, sheet_columns columns) {
    const auto rows = rows_of(c);
    const std::size_t count = std::max<std::size_t>(1, rows.size());
    const std::string span = to_string(count);
    m.open("tbody", {{"class", "keep"}});
    for (std::size_t i = 0; i < count; ++i) {
        m.open("tr");
        if (i == 0) {
            m.element("td", c.id, {{"rowspan", span}}).open("td", {{"rowspan", span}}).text(c.title);
            if (c.note) m.empty("br").element("small", *c.note);
            m.close();
        }
        row_cells(m, c, i < rows.size() ? &rows[i] : nullptr, columns);
        if (i == 0) m.element("td", "", {{"rowspan", span}, {"class", "given"}});
        m.close();
    }
    m.close();
}

/// What is said under a section's table: knock-outs of its criteria, which apply only if, notes.
std::vector<std::string> criterion_notes(const product_set& set, const section& sec) {
    std::vector<std::string> out;
    for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) {
        const criterion& c = set.criteria[i];
        for (const auto& k : c.knockouts)
            out.push_back(tr("catalog.criterion_knockout", {c.id, k.id, label_or_id("outcome", to_string(k.outcome)), k.text}));
        if (c.applies_if) out.push_back(tr("catalog.applies_if", {c.id, c.applies_if->criterion}));
    }
    return out;
}

void section_table(markup& m, const product_set& set, const section& sec, sheet_columns columns) {
    m.element("h3", tr("catalog.part", {sec.part, sec.id, sec.title}));
    if (sec.note) m.element("p", *sec.note, {{"class", "meta"}});
    m.open("table", {{"class", "sheet"}});
    sheet_head(m, columns);
    for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) criterion_rows(m, set.criteria[i], columns);
    m.close();
    paragraphs(m, criterion_notes(set, sec), "meta");
}

/// The totals to write: each part with its maximum, then the total.
void totals_to_fill(markup& m, const product_set& set) {
    std::vector<std::string> labels;
    int total = 0;
    for (const char* part : {"A", "B", "C"}) {
        const int max = set.part_max(part);
        total += max;
        labels.push_back(tr("html.part_total", {part, to_string(max)}));
    }
    labels.push_back(tr("html.grand_total", {to_string(total)}));
    fields_to_fill(m, labels);
}

void set_knockouts(markup& m, const product_set& set) {
    if (set.knockouts.empty()) return;
    m.element("h3", tr("html.set_knockouts"));
    for (const auto& k : set.knockouts)
        m.open("p").element("span", "", {{"class", "box"}}).text(" " + label_or_id("outcome", to_string(k.outcome)) + ": " + k.text).close();
}

}  // namespace

std::string score_sheet_html(const edition& ed, const product_set& set) {
    markup m;
    m.element("h1", tr("html.sheet_title"));
    sheet_identity(m, ed, set);
    fields_to_fill(m, {tr("html.field_product"), tr("html.field_subject"), tr("html.field_address"), tr("html.field_member"),
                       tr("html.field_date")});
    m.element("p", tr("html.sheet_instructions"));
    const sheet_columns columns{has_star_marks(set)};
    for (const auto& sec : set.sections) section_table(m, set, sec, columns);
    set_knockouts(m, set);
    for (const auto& n : set.notes) m.element("p", tr("catalog.note", {n}), {{"class", "meta"}});
    m.element("h3", tr("html.totals"));
    totals_to_fill(m, set);
    signatures(m, {tr("html.member_signature")});
    return html_document(tr("html.sheet_title") + " · " + set.code + " " + set.name, m.str());
}

std::string scorecard_html(const scorecard_result& r, const edition& ed, const product_set& set) {
    markup m;
    m.element("h1", tr("html.scorecard_title"));
    m.element("p", scorecard_heading(r, set), {{"class", "meta"}});
    sheet_identity(m, ed, set);
    m.raw(to_html_table(scorecard_grid(r)));
    paragraphs(m, scorecard_lines(r));
    return html_document(tr("html.scorecard_title") + " · " + set.code + " " + set.name, m.str());
}

}  // namespace ocop::cli
