#pragma once
/// @file detail/utf8.hpp
/// The one check of UTF-8 well-formedness, shared by the JSON parser's messages, the log line scanner
/// and the canonical event reader.
#include <cstddef>

namespace ocop::detail {

/// The length of the well-formed UTF-8 sequence starting at `p` (1 for ASCII), or 0 if the bytes
/// from `p` to `end` do not start one. Well-formed as RFC 3629 section 4 and Boost.JSON's parser
/// define it: no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
/// Requires p < end.
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    const std::size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || static_cast<std::size_t>(end - p) < len) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((p[k] & 0xC0) != 0x80) return 0;
    const unsigned char c1 = p[1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
        return 0;  // overlong, surrogate or beyond U+10FFFF
    return len;
}

}  // namespace ocop::detail
