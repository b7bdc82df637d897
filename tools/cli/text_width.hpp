#pragma once
// Display width of UTF-8 text in a terminal, so Vietnamese names line up in tables.

#include <string>
#include <string_view>

namespace ocop::cli {

/// Columns the text takes: combining marks take 0, East Asian wide characters 2, others 1.
/// Invalid UTF-8 bytes count as one column each.
std::size_t display_width(std::string_view utf8);

/// The longest prefix that fits in `columns`, with "…" appended when something was cut.
std::string fit(std::string_view utf8, std::size_t columns);

/// `utf8` padded with spaces to `columns` (left-aligned) or right-aligned.
std::string pad(std::string_view utf8, std::size_t columns, bool right = false);

}  // namespace ocop::cli
