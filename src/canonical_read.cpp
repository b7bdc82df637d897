// Strings and integers of canonical JSON text, read back exactly (detail/canonical_read.hpp).

#include "ocop/detail/canonical_read.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#include "ocop/detail/log_text_codec.hpp"
#include "ocop/detail/utf8.hpp"

namespace ocop::detail {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;  // append_json_string writes lower-case hex only
}

/// The byte of the escape after '\' at `p` (consumed), if it is the one append_json_string writes.
bool unescape(const char*& p, const char* end, char& out) {
    if (p == end) return false;
    switch (*p++) {
        case '"': out = '"'; return true;
        case '\\': out = '\\'; return true;
        case 'b': out = '\b'; return true;
        case 't': out = '\t'; return true;
        case 'n': out = '\n'; return true;
        case 'f': out = '\f'; return true;
        case 'r': out = '\r'; return true;
        case 'u': break;
        default: return false;
    }
    if (end - p < 4 || p[0] != '0' || p[1] != '0') return false;
    const int hi = hex_digit(p[2]), lo = hex_digit(p[3]);
    if (hi < 0 || hi > 1 || lo < 0) return false;
    out = static_cast<char>(hi * 16 + lo);  // below 0x20, and not one with a short escape
    p += 4;
    return out != '\b' && out != '\t' && out != '\n' && out != '\f' && out != '\r';
}

/// The bytes among the eight at `p` that the reader must look at (a quote, a backslash, a byte below
/// 0x20, a byte of a multi-byte UTF-8 sequence), each flagged by its high bit: the lowest flag is
/// exactly the first such byte (a borrow only runs upwards from a flagged byte); 0 when none.
std::uint64_t special_bytes(const char* p) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    auto below = [&](std::uint64_t x, std::uint64_t n) { return (x - ones * n) & ~x & highs; };
    return below(w, 0x20) | below(w ^ (ones * '"'), 1) | below(w ^ (ones * '\\'), 1) | (w & highs);
}

/// A string as append_json_string writes it (canonical escapes only, valid UTF-8), from its opening
/// quote at `from` to `end`; `from` is moved past its closing quote. `out` views the bytes between
/// the quotes when the string holds no escape; otherwise the string is unescaped into `*unescaped`,
/// which `out` then views, or refused when `unescaped` is null. Inlined into each caller, where
/// `unescaped` is known (an event read in some 7% fewer instructions than out of line, callgrind).
[[gnu::always_inline]] inline bool read_string(const char*& from, const char* end, std::string_view& out, std::string* unescaped) {
    if (from == end || *from != '"') return false;
    const char* const begin = from + 1;
    const char* p = begin;
    const char* run = p;  // start of the bytes not yet copied into *unescaped
    bool escaped = false;
    while (p != end) {
        if (std::endian::native == std::endian::little && end - p >= 8) {  // plain ASCII skipped eight bytes at a time
            const std::uint64_t special = special_bytes(p);
            if (special == 0) {
                p += 8;
                continue;
            }
            p += std::countr_zero(special) / 8;
        }
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"') {
            if (escaped) unescaped->append(run, p);
            out = escaped ? std::string_view(*unescaped) : std::string_view(begin, static_cast<std::size_t>(p - begin));
            from = p + 1;
            return true;
        }
        if (c < 0x20) return false;
        if (c == '\\') {
            if (!unescaped) return false;
            if (!escaped) unescaped->clear();
            escaped = true;
            unescaped->append(run, p);
            char byte = 0;
            ++p;
            if (!unescape(p, end, byte)) return false;
            *unescaped += byte;
            run = p;
        } else if (c < 0x80) {
            ++p;
        } else {
            const std::size_t n = utf8_sequence_length(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end));
            if (n == 0) return false;
            p += n;
        }
    }
    return false;
}

/// read_string into `out`, a copy when the string holds no escape.
bool read_string(const char*& from, const char* end, std::string& out) {
    std::string_view text;
    if (!read_string(from, end, text, &out)) return false;
    if (text.data() != out.data()) out.assign(text);
    return true;
}

}  // namespace

schema_key::schema_key(std::string_view key_name) : name_(key_name) {
    const std::size_t index = word_index("\"" + std::string(key_name) + "\":");
    if (index < max_words) code_size_ = code_of(index, code_);
}

bool canonical_cursor::string(std::string& out) { return read_string(p_, end_, out); }

bool canonical_cursor::name(std::string_view& out) noexcept { return read_string(p_, end_, out, nullptr); }

namespace {

/// The instant of `text` into `parts`, if it is a timestamp.
bool parsed(std::string_view text, timestamp_parts& parts) {
    const std::optional<timestamp_parts> ts = parse_timestamp(text);
    if (ts) parts = *ts;
    return ts.has_value();
}

}  // namespace

bool canonical_cursor::timestamp(std::string& out, timestamp_parts& parts) { return string(out) && parsed(out, parts); }

bool coded_cursor::timestamp(std::string& out, timestamp_parts& parts) {
    if (p_ == end_ || static_cast<unsigned char>(*p_) != timestamp_code) return string(out) && parsed(out, parts);
    // Packed: the text is of the strict form, whose fields parse_timestamp reads as they are packed.
    const char* p = p_;
    timestamp_fields fields;
    if (!unpack_timestamp(p, end_, unpacked_, fields)) return false;
    const std::optional<timestamp_parts> ts = timestamp_from_fields(fields);
    if (!ts) return false;
    out.assign(unpacked_ + 1, max_unpacked - 2);
    parts = *ts;
    p_ = p;
    return true;
}

bool coded_cursor::word(std::string_view& out) noexcept {
    const char* p = p_;
    std::string_view text;
    if (!decode_code(p, end_, text, unpacked_)) return false;
    // A value's word is quoted; a key's (`"name":`) is not a value.
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
    out = text.substr(1, text.size() - 2);
    p_ = p;
    return true;
}

bool coded_cursor::string(std::string& out) {
    std::string_view text;
    const bool read = p_ == end_ || !is_code_byte(*p_) ? read_string(p_, end_, text, nullptr) : word(text);
    if (!read) return false;
    out.assign(text);
    return true;
}

bool coded_cursor::name(std::string_view& out) noexcept {
    if (p_ == end_ || !is_code_byte(*p_)) return read_string(p_, end_, out, nullptr);
    return word(out);
}

bool cursor_base::integer(std::int64_t& out, std::int64_t min, std::int64_t max) noexcept {
    // std::to_chars writes no '+', no leading zero and no "-0".
    const char* digits = p_ != end_ && *p_ == '-' ? p_ + 1 : p_;
    if (digits == end_ || *digits < '0' || *digits > '9') return false;
    if (*digits == '0' && (digits != p_ || (digits + 1 != end_ && digits[1] >= '0' && digits[1] <= '9'))) return false;
    std::int64_t n = 0;
    auto r = std::from_chars(p_, end_, n);
    if (r.ec != std::errc{} || n < min || n > max) return false;
    if (r.ptr != end_ && (*r.ptr == '.' || *r.ptr == 'e' || *r.ptr == 'E')) return false;  // a number Boost.JSON reads as a double
    p_ = r.ptr;
    out = n;
    return true;
}

}  // namespace ocop::detail
