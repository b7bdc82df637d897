#pragma once
// Private: how the log keeps its event texts in memory (event_log.cpp). The words of the event
// schema - a key with its colon ("type":, "dossier":, ...) and an enumerator with its quotes
// ("registered", "district_council", ...), taken from the described types of workflow.hpp - are
// replaced by codes of one or two bytes below 0x20, which canonical JSON never holds (it escapes
// them). A quoted date "YYYY-MM-DD" or timestamp "YYYY-MM-DDTHH:MM:SS+HH:MM" (or -HH:MM) becomes a
// code and its digits packed in 4 or 8 bytes (12 and 27 bytes of text: every event has a
// timestamp). Decoding gives the exact bytes back; the codes never leave the process.

#include <string>
#include <string_view>

namespace ocop::detail {

/// Appends `text` (an event's canonical JSON: no byte below 0x20) to `out`, the schema's words coded.
void encode_event_text(std::string& out, std::string_view text);
/// Appends the text that encode_event_text coded as `encoded`.
void decode_event_text(std::string& out, std::string_view encoded);

}  // namespace ocop::detail
