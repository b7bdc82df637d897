#include "table.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <sstream>

#include <sys/ioctl.h>
#include <unistd.h>

#include "language.hpp"
#include "text_width.hpp"

namespace ocop::cli {

std::size_t terminal_columns() {
    if (const char* env = std::getenv("COLUMNS"); env && *env) {
        char* end = nullptr;
        const long n = std::strtol(env, &end, 10);
        if (*end == '\0' && n > 0) return static_cast<std::size_t>(n);
    }
    winsize ws{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

table::table(std::vector<std::string> headers) {
    for (auto& h : headers) {
        right_.push_back(!h.empty() && h.front() == '>');
        headers_.push_back(right_.back() ? h.substr(1) : h);
    }
    max_.assign(headers_.size(), 60);
}

table& table::max_width(std::size_t column, std::size_t columns) {
    max_.at(column) = columns;
    return *this;
}

void table::add(std::vector<std::string> row) {
    row.resize(headers_.size());
    rows_.push_back(std::move(row));
}

/// Each column's width: its widest cell, capped by max_width (unless --wide); then, while the line
/// is wider than `limit`, the widest column loses one column (a text column down to 12, a number
/// column down to its widest number; neither below the longest word of its header).
std::vector<std::size_t> table::widths(std::size_t limit) const {
    const std::size_t n = headers_.size();
    std::vector<std::size_t> width(n), floor(n);
    for (std::size_t i = 0; i < n; ++i) {
        width[i] = display_width(headers_[i]);
        for (const auto& r : rows_) width[i] = std::max(width[i], display_width(r[i]));
        if (!wide_tables()) width[i] = std::min(width[i], std::max(max_[i], display_width(headers_[i])));
        // a header wraps at its spaces; a number never does, a text column keeps 12 columns
        std::size_t cells = 0, word = 0;
        for (const auto& r : rows_) cells = std::max(cells, display_width(r[i]));
        std::istringstream words(headers_[i]);
        for (std::string w; words >> w;) word = std::max(word, display_width(w));
        floor[i] = std::min(width[i], right_[i] ? std::max(cells, word) : std::max<std::size_t>(12, word));
    }
    if (limit == 0) return width;
    auto total = [&] { return std::accumulate(width.begin(), width.end(), std::size_t{0}) + 2 * (n ? n - 1 : 0); };
    while (total() > limit) {
        std::size_t widest = n;
        for (std::size_t i = 0; i < n; ++i)
            if (width[i] > floor[i] && (widest == n || width[i] > width[widest])) widest = i;
        if (widest == n) break;  // nothing left to narrow: the line stays wider than the terminal
        --width[widest];
    }
    return width;
}

void table::print(std::ostream& out) const { print(out, wide_tables() ? 0 : terminal_columns()); }

void table::print(std::ostream& out, std::size_t limit) const {
    const auto width = widths(limit);
    auto line = [&](const std::vector<std::string>& cells) {
        std::vector<std::vector<std::string>> wrapped;
        std::size_t lines = 1;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            wrapped.push_back(wrap(cells[i], width[i]));
            lines = std::max(lines, wrapped.back().size());
        }
        for (std::size_t k = 0; k < lines; ++k) {
            std::string text;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i) text += "  ";
                const std::string part = k < wrapped[i].size() ? wrapped[i][k] : "";
                text += pad(part, i + 1 == cells.size() && !right_[i] ? 0 : width[i], right_[i]);
            }
            while (!text.empty() && text.back() == ' ') text.pop_back();
            out << text << '\n';
        }
    };
    line(headers_);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& r : rows_) line(r);
}

}  // namespace ocop::cli
