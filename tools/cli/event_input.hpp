#pragma once
// Events read from a file or standard input (ocop campaign apply, ocop validate): one JSON event, a
// JSON array of events, or JSON lines (one event a line). JSON lines are read as they come, one
// line at a time, so that a batch of any length is never held whole (docs/cli.md).

#include <cstddef>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "line_reader.hpp"
#include "ocop/error.hpp"
#include "ocop/workflow.hpp"

namespace ocop::cli {

/// Events from a file's text: one JSON event, a JSON array of events, or JSON lines (one event a
/// line). Every problem with its path ("/<index>" in an array, "/<line>" in JSON lines).
std::vector<event> read_events(const std::string& text);
/// The events of `text` when it is one JSON document (an event or an array of events, every problem
/// thrown as read_events does); nullopt when it is JSON lines (event_lines).
std::optional<std::vector<event>> read_event_document(const std::string& text);

/// The events of JSON lines read one at a time (blank lines skipped): a canonical line directly,
/// any other by the full reader.
class event_lines {
public:
    /// The lines of `text` (a view of it).
    explicit event_lines(std::string_view text) : lines_(text) {}
    /// The lines of a stream, as they are read.
    explicit event_lines(line_reader lines) : lines_(std::move(lines)) {}
    /// Reads the next event into `e`; false at the end. A line that is not an event throws its
    /// problems (path "/<line>" from the event reader, or empty for a line that is not JSON or is
    /// longer than max_document_bytes()); the next call goes on with the line after it. A stream that
    /// cannot be read throws error(errc::io).
    bool next(event& e);
    /// The number of the line last read (1-based).
    std::size_t line() const noexcept { return line_no_; }
    /// The events read so far, and the lines that could not be read.
    std::size_t events() const noexcept { return events_; }
    std::size_t unreadable() const noexcept { return unreadable_; }
    /// The line last read when it is the event's canonical JSON (canonical_json(e): read by the
    /// canonical reader, detail::read_canonical_event), so that it need not be made again; empty
    /// otherwise. Valid until the next call.
    std::string_view canonical() const noexcept { return canonical_; }

private:
    /// The next line that is not blank; false at the end.
    bool next_line(std::string_view& line);
    void read_event(std::string_view line, event& e);

    line_reader lines_;
    std::string_view canonical_;
    std::size_t line_no_ = 0;
    std::size_t events_ = 0;
    std::size_t unreadable_ = 0;
};

/// Reads the rest of `lines`, calling `f` (when given) with each event read and adding each bad
/// line's problems to `problems`; then throws error(errc::invalid_document) with `problems`, if any.
void check_event_lines(event_lines& lines, problem_list problems = {}, const std::function<void(event&)>& f = {});
/// lines.next(e), except that a line that cannot be read is thrown with the problems of every later
/// bad line (check_event_lines reads the rest).
bool next_checked(event_lines& lines, event& e);

/// The events of FILE, or of standard input for "-": JSON lines are read as they come (lines(), every
/// line within max_document_bytes()); one JSON document, an event or an array of events, is read
/// whole (document(), within max_document_bytes()). Throws for an input that holds no events.
class event_source {
public:
    explicit event_source(const std::string& file);
    event_source(const event_source&) = delete;
    event_source& operator=(const event_source&) = delete;

    /// The events of a JSON document; nullptr for JSON lines.
    const std::vector<event>* document() const noexcept { return document_ ? &*document_ : nullptr; }
    /// The JSON lines, when document() is nullptr.
    event_lines& lines() { return *lines_; }

private:
    std::ifstream file_;
    std::string text_;  ///< the input's first lines, or all of it when it is not plainly JSON lines
    std::optional<std::vector<event>> document_;
    std::optional<event_lines> lines_;
};

}  // namespace ocop::cli
