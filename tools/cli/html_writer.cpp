#include "html_writer.hpp"

#include <cassert>

#include "language.hpp"
#include "ocop/enum_text.hpp"

namespace ocop::cli {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

void markup::start_tag(std::string_view tag, std::initializer_list<html_attribute> attributes) {
    out_ += '<';
    out_ += tag;
    for (const auto& [name, value] : attributes) {
        if (value.empty()) continue;
        out_ += ' ';
        out_ += name;
        out_ += "=\"" + escape_html(value) + '"';
    }
}

markup& markup::open(std::string_view tag, std::initializer_list<html_attribute> attributes) {
    start_tag(tag, attributes);
    out_ += '>';
    open_.emplace_back(tag);
    return *this;
}

namespace {
/// Elements after which a line ends, so that the file reads line by line (white space there is
/// not rendered).
bool ends_line(std::string_view tag) {
    for (std::string_view block : {"html", "head", "body", "style", "title", "table", "thead", "tbody", "tr", "p", "h1", "h2", "h3",
                                   "figure", "div", "svg", "g"})
        if (tag == block) return true;
    return false;
}
}  // namespace

markup& markup::close() {
    assert(!open_.empty());
    out_ += "</" + open_.back() + ">";
    if (ends_line(open_.back())) out_ += '\n';
    open_.pop_back();
    return *this;
}

markup& markup::element(std::string_view tag, std::string_view content, std::initializer_list<html_attribute> attributes) {
    return open(tag, attributes).text(content).close();
}

markup& markup::empty(std::string_view tag, std::initializer_list<html_attribute> attributes, bool self_closing) {
    start_tag(tag, attributes);
    out_ += self_closing ? "/>" : ">";
    return *this;
}

markup& markup::text(std::string_view content) {
    out_ += escape_html(content);
    return *this;
}

markup& markup::raw(std::string_view already_markup) {
    out_ += already_markup;
    return *this;
}

std::string markup::str() const {
    std::string out = out_;
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) out += "</" + *it + ">" + (ends_line(*it) ? "\n" : "");
    return out;
}

namespace {
// The style of every document: readable on screen, A4 on paper. Colours are printed as they are
// (the charts' bars), tables repeat their header row on each page, and a row, a criterion or a
// chart is never cut by a page break.
constexpr const char* style = R"(
@page { size: A4; margin: 14mm 12mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.35;
       color: #111; margin: 0 auto; max-width: 200mm; padding: 8mm; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 0.5pt solid #666; padding: 0.8mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr, figure, .keep { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td:first-child:not([colspan]) { white-space: nowrap; }
.total td { font-weight: bold; }
.meta { color: #333; font-size: 9pt; }
.warning { border-left: 1mm solid #b00000; padding-left: 2mm; color: #600000; }
.box { display: inline-block; width: 3.6mm; height: 3.6mm; border: 0.8pt solid #000; vertical-align: -0.6mm; }
.blank { display: inline-block; min-width: 16mm; border-bottom: 0.6pt dotted #000; }
.fields td { height: 9mm; }
.fields th { width: 45mm; }
.signatures { display: flex; justify-content: space-around; margin-top: 8mm; text-align: center; }
.signatures div { width: 60mm; height: 28mm; }
figure { margin: 3mm 0; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
svg { max-width: 100%; height: auto; }
)";
}  // namespace

std::string html_document(std::string_view title, std::string_view body) {
    markup page;
    page.raw("<!DOCTYPE html>\n").open("html", {{"lang", to_string(output_language())}}).open("head");
    page.empty("meta", {{"charset", "utf-8"}}).empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    page.element("title", title).open("style").raw(style).close().close();  // CSS is raw text: never escaped
    page.open("body").raw(body);
    return page.str();
}

}  // namespace ocop::cli
