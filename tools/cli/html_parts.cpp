#include "html_parts.hpp"

#include "cli.hpp"
#include "language.hpp"

namespace ocop::cli {

void sheet_identity(markup& m, const edition& ed, const product_set& set) {
    m.element("p", tr("html.set", {set.code, set.name}), {{"class", "meta"}});
    m.element("p", tr("html.edition", {ed.id, ed.name}), {{"class", "meta"}});
    m.element("p", tr("catalog.source", {set.origin.sheet}), {{"class", "meta"}});
    m.element("p", tr("html.sheet_status", {label_or_id("set_status", to_string(set.status))}), {{"class", "meta"}});
    if (set.verified) m.element("p", tr("catalog.verification", {verification_text(*set.verified)}), {{"class", "meta"}});
    for (const auto& g : set.gaps) m.element("p", tr("catalog.gap", {g.text}), {{"class", "warning"}});
    for (const auto& r : set.readings) m.element("p", tr("catalog.reading", {r.text}), {{"class", "warning"}});
}

void paragraphs(markup& m, const std::vector<std::string>& lines, const char* css_class) {
    for (const auto& line : lines) m.element("p", line, {{"class", css_class}});
}

void fields_to_fill(markup& m, const std::vector<std::string>& labels) {
    m.open("table", {{"class", "fields"}});
    for (const auto& label : labels) m.open("tr").element("th", label).element("td", "").close();
    m.close();
}

void signatures(markup& m, const std::vector<std::string>& roles) {
    m.open("div", {{"class", "signatures"}});
    for (const auto& role : roles) m.open("div").element("strong", role).empty("br").element("em", tr("html.sign_hint")).close();
    m.close();
}

}  // namespace ocop::cli
