#include "text_width.hpp"

#include <algorithm>

namespace ocop::cli {

namespace {

struct decoded {
    char32_t code;
    std::size_t length;
};

decoded decode(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char b = byte(i);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return {0xFFFD, 1};
    if (n == 1) return {b, 1};
    char32_t code = b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    return {code, n};
}

bool is_combining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x200B || c == 0x200D;
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F900 && c <= 0x1F9FF) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

std::size_t width_of(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || is_combining(c)) return 0;
    return is_wide(c) ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto d = decode(s, i);
        width += width_of(d.code);
        i += d.length;
    }
    return width;
}

namespace {

/// The length in bytes of the longest prefix of `s` that takes at most `columns`, with the combining
/// marks of its last character.
std::size_t prefix_fitting(std::string_view s, std::size_t columns) {
    std::size_t width = 0, i = 0;
    while (i < s.size()) {
        auto d = decode(s, i);
        std::size_t w = width_of(d.code);
        if (width + w > columns) break;
        width += w;
        i += d.length;
    }
    // keep combining marks that belong to the last character kept
    while (i < s.size()) {
        auto d = decode(s, i);
        if (!is_combining(d.code)) break;
        i += d.length;
    }
    return i;
}

}  // namespace

std::vector<std::string> wrap(std::string_view s, std::size_t columns) {
    std::vector<std::string> lines;
    if (columns == 0 || display_width(s) <= columns) return {std::string(s)};
    std::string current;
    auto flush = [&] {
        lines.push_back(current);
        current.clear();
    };
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(' ', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view word = s.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        if (!current.empty() && display_width(current) + 1 + display_width(word) <= columns) {
            current += ' ';
            current += word;
            continue;
        }
        if (!current.empty()) flush();
        while (display_width(word) > columns) {  // a word longer than a line: split it
            std::size_t cut = std::max<std::size_t>(prefix_fitting(word, columns), 1);
            if (auto hyphen = word.substr(0, cut).rfind('-'); hyphen != std::string_view::npos && hyphen > 0) cut = hyphen + 1;
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
        }
        current = std::string(word);
    }
    if (!current.empty() || lines.empty()) flush();
    return lines;
}

std::string pad(std::string_view s, std::size_t columns, bool right) {
    std::size_t width = display_width(s);
    std::string spaces(width < columns ? columns - width : 0, ' ');
    return right ? spaces + std::string(s) : std::string(s) + spaces;
}

}  // namespace ocop::cli
