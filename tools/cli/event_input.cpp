#include "event_input.hpp"

#include <algorithm>
#include <iostream>

#include <boost/json/monotonic_resource.hpp>

#include "cli.hpp"
#include "ocop/detail/canonical_read.hpp"
#include "ocop/json.hpp"
#include "ocop/workflow_json.hpp"

namespace ocop::cli {

namespace {

/// JSON lines for sure: the first line is a whole JSON object and more text follows it. (Anything
/// else is first read as one document; a document that is not JSON is then read as lines.)
bool plainly_json_lines(const std::string& text) {
    const std::size_t end = text.find('\n');
    if (end == std::string::npos || text.find_first_not_of(" \t\r\n", end) == std::string::npos) return false;
    try {
        unsigned char buffer[4096];
        boost::json::monotonic_resource arena(buffer, sizeof buffer);
        return parse_json(std::string_view(text).substr(0, end), &arena).is_object();
    } catch (const ocop::error&) {
        return false;
    }
}

/// Reads `in` until the text read holds a line break followed by more text (enough for
/// plainly_json_lines), or to its end; as append_block, at most one byte past `limit` (a first line
/// longer than that is refused as a document too large).
std::string read_first_lines(std::istream& in, const std::string& name, std::size_t limit) {
    std::string text;
    std::size_t scanned = 0;  // the text before holds no line break followed by more text
    std::size_t line_break = std::string::npos;
    while (append_block(in, name, text, limit)) {
        if (line_break == std::string::npos) line_break = text.find('\n', scanned);
        if (line_break != std::string::npos &&
            text.find_first_not_of(" \t\r\n", std::max(scanned, line_break)) != std::string::npos)
            break;
        scanned = text.size();
    }
    return text;
}

/// Adds the problems of `err`, thrown by event_lines::next for line `line`, with their paths
/// ("/<line>"). An error that is not the line's (errc::io: the stream could not be read) is rethrown.
void add_line_problems(problem_list& problems, const ocop::error& err, std::size_t line) {
    if (err.code() == errc::io) throw err;
    for (const auto& p : err.problems()) problems.add(p.path.empty() ? "/" + std::to_string(line) : p.path, p.message);
}

}  // namespace

std::optional<std::vector<event>> read_event_document(const std::string& text) {
    if (plainly_json_lines(text)) return std::nullopt;
    std::vector<event> out;
    try {
        boost::json::value doc = parse_json(text);
        if (const auto* arr = doc.if_array()) {
            problem_list problems;
            for (std::size_t i = 0; i < arr->size(); ++i) {
                try {
                    out.push_back(event_from_json((*arr)[i], json_path("", i)));
                } catch (const ocop::error& e) {
                    problems.add_all(e);
                }
            }
            problems.throw_if_any(errc::invalid_document);
            return out;
        }
        out.push_back(event_from_json(doc));
        return out;
    } catch (const ocop::error& e) {
        if (e.code() != errc::invalid_json) throw;
    }
    return std::nullopt;
}

bool event_lines::next(event& e) {
    std::string_view line;
    if (!next_line(line)) return false;
    canonical_ = {};
    try {
        read_event(line, e);
    } catch (const ocop::error&) {
        ++unreadable_;
        throw;
    }
    ++events_;
    return true;
}

bool event_lines::next_line(std::string_view& line) {
    for (;;) {
        const line_reader::status read = lines_.next(line);
        if (read == line_reader::status::end) return false;
        ++line_no_;
        if (read == line_reader::status::too_long) {
            ++unreadable_;
            throw ocop::error(errc::invalid_document, "",
                              "line " + std::to_string(line_no_) + " is longer than the maximum document size, " +
                                  std::to_string(max_document_bytes()) + " bytes (set OCOP_MAX_DOCUMENT_BYTES to change it)");
        }
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) return true;
    }
}

void event_lines::read_event(std::string_view line, event& e) {
    if (detail::read_canonical_event(line, e)) {
        canonical_ = line;
        return;
    }
    unsigned char buffer[4096];  // the parsed line, read and dropped: no allocation per JSON node
    boost::json::monotonic_resource arena(buffer, sizeof buffer);
    e = event_from_json(parse_json(line, &arena), "/" + std::to_string(line_no_));
}

void check_event_lines(event_lines& lines, problem_list problems, const std::function<void(event&)>& f) {
    event e;
    for (;;) {
        try {
            if (!lines.next(e)) break;
        } catch (const ocop::error& err) {
            add_line_problems(problems, err, lines.line());
            continue;
        }
        if (f) f(e);
    }
    problems.throw_if_any(errc::invalid_document);
}

bool next_checked(event_lines& lines, event& e) {
    try {
        return lines.next(e);
    } catch (const ocop::error& err) {
        problem_list problems;
        add_line_problems(problems, err, lines.line());
        check_event_lines(lines, std::move(problems));  // throws: `problems` holds one
        throw;
    }
}

std::vector<event> read_events(const std::string& text) {
    if (auto doc = read_event_document(text)) return std::move(*doc);
    std::vector<event> out;
    out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);  // no reallocation: events are large
    event_lines lines(text);
    check_event_lines(lines, {}, [&](event& e) { out.push_back(std::move(e)); });
    return out;
}

event_source::event_source(const std::string& file) {
    const std::string name = file == "-" ? std::string("standard input") : file;
    if (file != "-") file_ = open_file(file);
    std::istream& in = file == "-" ? std::cin : file_;
    const std::size_t limit = max_document_bytes();
    text_ = read_first_lines(in, name, limit);
    if (plainly_json_lines(text_)) {
        lines_.emplace(line_reader(in, name, std::move(text_), limit));
        return;
    }
    if (file != "-") reserve_for_file(file, text_, limit);
    while (append_block(in, name, text_, limit)) {
    }
    document_ = read_event_document(text_);
    const bool empty = document_ ? document_->empty() : text_.find_first_not_of(" \t\r\n") == std::string::npos;
    if (empty) throw ocop::error(errc::invalid_document, "", name + " holds no events");
    if (!document_) lines_.emplace(std::string_view(text_));
}

}  // namespace ocop::cli
