// JSON strings written as Boost.JSON's serializer writes them (detail/canonical_text.hpp).

#include "ocop/detail/canonical_text.hpp"

#include <cstring>

namespace ocop::detail {

namespace {

constexpr bool to_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

/// Whether one of the 8 bytes of `w` may need an escape (a byte below 0x20, '"' or '\'): the
/// word-at-a-time tests "has a byte less than n" and "has a zero byte" (after xor). Never misses
/// one; may answer yes for a clean word, which the byte loop then finds clean.
constexpr bool may_escape(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    constexpr auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    return ((w - ones * 0x20) & ~w & highs) | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'));
}

/// The position of the first byte of s[from..] to escape, or s.size(): eight bytes at a time.
std::size_t next_escape(std::string_view s, std::size_t from) {
    std::size_t i = from;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if (may_escape(w)) break;
    }
    for (; i < s.size(); ++i)
        if (to_escape(static_cast<unsigned char>(s[i]))) return i;
    return s.size();
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = next_escape(s, 0); i < s.size(); i = next_escape(s, run)) {
        const auto c = static_cast<unsigned char>(s[i]);
        out.append(s.data() + run, i - run);
        run = i + 1;
        out += '\\';
        switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '\b': out += 'b'; break;
            case '\t': out += 't'; break;
            case '\n': out += 'n'; break;
            case '\f': out += 'f'; break;
            case '\r': out += 'r'; break;
            default:
                out += "u00";
                out += hex[c >> 4];
                out += hex[c & 0x0f];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

}  // namespace ocop::detail
