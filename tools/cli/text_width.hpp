#pragma once
// Display width of UTF-8 text in a terminal, so Vietnamese names line up in tables.

#include <string>
#include <string_view>
#include <vector>

namespace ocop::cli {

/// Columns the text takes: combining marks take 0, East Asian wide characters 2, others 1.
/// Invalid UTF-8 bytes count as one column each.
std::size_t display_width(std::string_view utf8);

/// The text cut into lines of at most `columns` (at spaces; a word longer than a line is split after
/// its last hyphen that fits, as ids have, else where the line ends),
/// at least one line; `columns` 0 means no limit.
std::vector<std::string> wrap(std::string_view utf8, std::size_t columns);

/// `utf8` padded with spaces to `columns` (left-aligned) or right-aligned.
std::string pad(std::string_view utf8, std::size_t columns, bool right = false);

}  // namespace ocop::cli
