#pragma once
// Printable documents as self-contained HTML: escaping, a writer that keeps elements balanced, and
// the page skeleton with its print style (A4). No script, no link to anything outside the file.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ocop::cli {

/// `text` with & < > " ' replaced by character references: safe as element content and as a
/// double- or single-quoted attribute value.
std::string escape_html(std::string_view text);

/// An attribute: name and (unescaped) value.
using html_attribute = std::pair<std::string_view, std::string_view>;

/// Builds markup (HTML, and SVG inside it) element by element. Text and attribute values are
/// always escaped; only raw() inserts markup as is (markup made by another markup writer).
class markup {
public:
    /// Opens an element with its attributes, each written name="value"; an attribute whose value
    /// is empty is left out (an optional class).
    markup& open(std::string_view tag, std::initializer_list<html_attribute> attributes = {});
    /// Closes the element opened last. Precondition: one is open.
    markup& close();
    /// An element holding `text` (escaped).
    markup& element(std::string_view tag, std::string_view text, std::initializer_list<html_attribute> attributes = {});
    /// An element without content or end tag (meta, input, rect, line...): `<tag .../>` for SVG
    /// (`self_closing`), `<tag ...>` for HTML's void elements.
    markup& empty(std::string_view tag, std::initializer_list<html_attribute> attributes = {}, bool self_closing = false);
    markup& text(std::string_view text);
    /// Markup produced elsewhere (another markup's str()), inserted unchanged.
    markup& raw(std::string_view already_markup);
    /// The markup, every element closed.
    std::string str() const;

private:
    void start_tag(std::string_view tag, std::initializer_list<html_attribute> attributes);
    std::string out_;
    std::vector<std::string> open_;
};

/// A whole HTML document in the output language (`<html lang>`): UTF-8, `title`, the shared style
/// (screen and print: A4, margins, tables that repeat their header on each page, rows and criteria
/// that do not break across pages), and `body` (markup).
std::string html_document(std::string_view title, std::string_view body);

}  // namespace ocop::cli
