#pragma once
// The checks of replay's coded reader (detail::read_coded_event), shared by its tests: on a text
// coded as the log codes it, it reads what the direct reader (detail::read_canonical_event) reads
// on the text itself, and on any other bytes it accepts nothing the direct reader would not read
// from their decoding.

#include <string>

#include <catch2/catch.hpp>

#include "ocop/detail/canonical_read.hpp"
#include "ocop/detail/log_text_codec.hpp"
#include "ocop/workflow.hpp"
#include "ocop/workflow_json.hpp"

namespace coded_read {

/// `text` as the log keeps it in memory.
inline std::string coded(const std::string& text) {
    std::string out;
    ocop::detail::encode_event_text(out, text);
    return out;
}

/// Reads `text` (any bytes but those below 0x20, which canonical text never holds) coded, and
/// checks the answer and the event against the direct reader's on `text`. A text holding an escape
/// is refused by the coded reader (replay then decodes it). Returns whether the coded reader read it.
inline bool check_text(const std::string& text) {
    ocop::event direct, read;
    ocop::timestamp_parts direct_at{}, read_at{};
    const bool direct_ok = ocop::detail::read_canonical_event(text, direct, &direct_at);
    const bool read_ok = ocop::detail::read_coded_event(coded(text), read, &read_at);
    INFO(text);
    if (text.find('\\') != std::string::npos) CHECK_FALSE(read_ok);
    else CHECK(read_ok == direct_ok);
    if (read_ok) {
        CHECK(ocop::canonical_json(read) == text);
        CHECK(ocop::canonical_json(direct) == text);
        CHECK(read_at.day == direct_at.day);
        CHECK(read_at.utc_seconds == direct_at.utc_seconds);
    }
    return read_ok;
}

/// Gives the coded reader `bytes` as they are (cut codes, unknown codes, codes out of place): when
/// it reads an event, the direct reader reads the same one from their decoding. Returns whether it read one.
inline bool check_bytes(const std::string& bytes) {
    ocop::event read;
    if (!ocop::detail::read_coded_event(bytes, read)) return false;
    std::string text;
    ocop::detail::decode_event_text(text, bytes);
    ocop::event direct;
    INFO(text);
    CHECK(ocop::detail::read_canonical_event(text, direct));
    CHECK(ocop::canonical_json(read) == text);
    return true;
}

}  // namespace coded_read
