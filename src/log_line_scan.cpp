// The fast reader of an exported log line (detail/log_line_scan.hpp): a validating scanner over
// the bytes that accepts only what Boost.JSON's parser reads and serialize() writes back unchanged.

#include "ocop/detail/log_line_scan.hpp"
#include "ocop/detail/utf8.hpp"

#include <cstring>

namespace ocop::detail {

namespace {

constexpr int max_depth = 60;       // below parse_json's 64: deeper lines go to the full reader
constexpr int max_keys_checked = 32;  // keys of one object compared for duplicates; more: full reader
constexpr std::size_t max_digits = 18;  // always an int64, written back as is

/// Reads JSON at `p` (up to `end`) in canonical form; every function advances `p` past what it
/// read and returns false at the first byte it does not accept.
class scanner {
public:
    scanner(const char* p, const char* end) : p_(p), end_(end) {}
    const char* position() const noexcept { return p_; }

    bool literal(std::string_view s) noexcept {
        if (static_cast<std::size_t>(end_ - p_) < s.size() || std::memcmp(p_, s.data(), s.size()) != 0) return false;
        p_ += s.size();
        return true;
    }

    /// A non-negative integer without leading zeros.
    bool unsigned_integer(std::uint64_t& v) noexcept {
        const char* start = p_;
        v = 0;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') v = v * 10 + static_cast<unsigned>(*p_++ - '0');
        const auto digits = static_cast<std::size_t>(p_ - start);
        return digits > 0 && digits <= max_digits && (digits == 1 || *start != '0') && !number_goes_on();
    }

    /// A string of 64 lower-case hex digits, quoted, read into `d`.
    bool hex64(sha256_digest& d) noexcept {
        if (end_ - p_ < 66 || *p_ != '"' || p_[65] != '"' || !from_hex(std::string_view(p_ + 1, 64), d)) return false;
        p_ += 66;
        return true;
    }

    bool object(int depth) noexcept {
        if (++depth > max_depth || !literal("{")) return false;
        if (literal("}")) return true;
        std::string_view keys[max_keys_checked];
        int n = 0;
        do {
            std::string_view key;
            if (n == max_keys_checked || !string(key)) return false;
            for (int i = 0; i < n; ++i)
                if (keys[i] == key) return false;  // a key twice: the full reader names it
            keys[n++] = key;
            if (!literal(":") || !value(depth)) return false;
        } while (literal(","));
        return literal("}");
    }

private:
    bool value(int depth) noexcept {
        if (p_ == end_) return false;
        std::string_view ignored;
        std::uint64_t number = 0;
        switch (*p_) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string(ignored);
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            case '-': return ++p_ < end_ && *p_ != '0' && unsigned_integer(number);
            default: return unsigned_integer(number);
        }
    }

    bool array(int depth) noexcept {
        if (++depth > max_depth || !literal("[")) return false;
        if (literal("]")) return true;
        do
            if (!value(depth)) return false;
        while (literal(","));
        return literal("]");
    }

    bool number_goes_on() const noexcept { return p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E'); }

    /// A quoted string without escapes or control bytes, valid UTF-8; `content` between the quotes.
    bool string(std::string_view& content) noexcept {
        if (!literal("\"")) return false;
        const char* start = p_;
        for (;;) {
            skip_plain_ascii();
            if (p_ == end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') break;
            if (c < 0x80 || !utf8_sequence()) return false;  // an escape or a control byte: the full reader
        }
        content = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
    }

    /// Skips bytes 0x20..0x7f other than '"' and '\', eight at a time.
    void skip_plain_ascii() noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        while (end_ - p_ >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p_, 8);
            if (((w - ones * 0x20) & ~w & highs) | (w & highs) | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) break;
            p_ += 8;
        }
        while (p_ < end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return;
            ++p_;
        }
    }

    /// One UTF-8 sequence of 2 to 4 bytes (not overlong, not a surrogate, not beyond U+10FFFF).
    bool utf8_sequence() noexcept {
        const std::size_t len = utf8_sequence_length(reinterpret_cast<const unsigned char*>(p_), reinterpret_cast<const unsigned char*>(end_));
        p_ += len;
        return len != 0;
    }

    const char* p_;
    const char* end_;
};

}  // namespace

bool scan_log_line(std::string_view line, scanned_log_line& out) noexcept {
    scanner s(line.data(), line.data() + line.size());
    if (!s.literal("{\"index\":") || !s.unsigned_integer(out.index) || !s.literal(",\"prev\":") || !s.hex64(out.prev) ||
        !s.literal(",\"event\":"))
        return false;
    const char* event = s.position();
    if (!s.object(0)) return false;
    out.event = std::string_view(event, static_cast<std::size_t>(s.position() - event));
    return s.literal(",\"hash\":") && s.hex64(out.hash) && s.literal("}") && s.position() == line.data() + line.size();
}

}  // namespace ocop::detail
