#pragma once
// Private: how the log keeps its event texts in memory (event_log.cpp). The words of the event
// schema - a key with its colon ("type":, "dossier":, ...) and an enumerator with its quotes
// ("registered", "district_council", ...), taken from the described types of workflow.hpp - are
// replaced by codes of one or two bytes below 0x20, which canonical JSON never holds (it escapes
// them). A quoted date "YYYY-MM-DD" or timestamp "YYYY-MM-DDTHH:MM:SS+HH:MM" (or -HH:MM) becomes a
// code and its digits packed in 4 or 8 bytes (12 and 27 bytes of text: every event has a
// timestamp). Decoding gives the exact bytes back; the codes never leave the process.
//
// Replay reads the coded text without decoding it (detail::coded_cursor, canonical_read.hpp), with
// the layout below: word i of the dictionary is byte i + 1 for the first 28, else 0x1f then i - 28.

#include <cstddef>
#include <string>
#include <string_view>

#include "ocop/detail/timestamp_fields.hpp"

namespace ocop::detail {

/// Appends `text` (an event's canonical JSON: no byte below 0x20) to `out`, the schema's words coded.
void encode_event_text(std::string& out, std::string_view text);
/// Appends the text that encode_event_text coded as `encoded`.
void decode_event_text(std::string& out, std::string_view encoded);

inline constexpr std::size_t one_byte_codes = 28;  // bytes 0x01..0x1c; 0x1f then a byte: 256 more
inline constexpr unsigned char date_code = 0x1d;       // then 4 bytes: a quoted "YYYY-MM-DD"
inline constexpr unsigned char timestamp_code = 0x1e;  // then 8 bytes: a quoted "YYYY-MM-DDTHH:MM:SS+HH:MM" (or -HH:MM)
inline constexpr unsigned char two_byte_code = 0x1f;
/// The most words the dictionary holds (it holds fewer: word_index).
inline constexpr std::size_t max_words = one_byte_codes + 256;
/// The longest text one code stands for when unpacked: a quoted timestamp.
inline constexpr std::size_t max_unpacked = 27;

/// Whether `c` starts a code (every byte below 0x20 but 0).
constexpr bool is_code_byte(char c) noexcept { return c > 0 && static_cast<unsigned char>(c) < 0x20; }

/// The dictionary's index of the word coded at `p` (is_code_byte(*p)), `p` moved past its code; false,
/// `p` unchanged, for a packed date or timestamp or a two-byte code cut short. The index may be one the
/// dictionary does not hold (not written by encode_event_text).
inline bool word_index_at(const char*& p, const char* end, std::size_t& index) noexcept {
    const auto c = static_cast<unsigned char>(*p);
    if (c == date_code || c == timestamp_code) return false;
    if (c != two_byte_code) {
        index = c - 1u;
        ++p;
        return true;
    }
    if (end - p < 2) return false;
    index = one_byte_codes + static_cast<unsigned char>(p[1]);
    p += 2;
    return true;
}

/// The dictionary's index of `word` (a key with its quotes and colon, an enumerator with its quotes),
/// or max_words when it does not hold it.
std::size_t word_index(std::string_view word) noexcept;
/// The code of the dictionary's word `index` (< max_words) in `out`: its length, 1 or 2.
inline std::size_t code_of(std::size_t index, char (&out)[2]) noexcept {
    if (index < one_byte_codes) {
        out[0] = static_cast<char>(index + 1);
        return 1;
    }
    out[0] = static_cast<char>(two_byte_code);
    out[1] = static_cast<char>(index - one_byte_codes);
    return 2;
}

/// The packed timestamp at `p` (*p == timestamp_code): its quoted text in `text` and its digits in
/// `fields`; `p` is moved past it. False, `p` unchanged, when it is cut short.
bool unpack_timestamp(const char*& p, const char* end, char (&text)[max_unpacked], timestamp_fields& fields) noexcept;

/// The text of the code at `p` (is_code_byte(*p)): a schema word as stored, or a date or timestamp
/// unpacked into `buffer`; `p` is moved past the code. False, with `p` unchanged, when the bytes at
/// `p` are not a code encode_event_text writes (cut short, or a word the dictionary does not have).
bool decode_code(const char*& p, const char* end, std::string_view& text, char (&buffer)[max_unpacked]);

}  // namespace ocop::detail
