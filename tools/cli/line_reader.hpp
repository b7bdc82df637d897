#pragma once
// The lines of a text, or of a stream read in blocks (ocop campaign apply reads JSON lines as they
// come, docs/cli.md): each line is handed out as a view valid until the next call, so that a stream
// is never held whole. Its memory is one block plus the longest line.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ocop::cli {

class line_reader {
public:
    enum class status { line, too_long, end };
    /// The bytes read from a stream at a time.
    static constexpr std::size_t block_bytes = std::size_t{1} << 20;

    /// The lines of `text`, a view of it (kept alive by the caller); no line is too long.
    explicit line_reader(std::string_view text);
    /// The lines of `in` (named `name` in messages), starting with `start`, the text already read
    /// from it. A line longer than `max_line` bytes is skipped and reported as too_long.
    line_reader(std::istream& in, std::string name, std::string start, std::size_t max_line);

    /// Sets `line` to the next line (without its line break) and returns status::line; too_long for a
    /// line past max_line (skipped: the next call reads the line after it); end after the last line.
    /// Throws ocop::error(errc::io) when reading the stream fails.
    status next(std::string_view& line);

private:
    const char* data() const noexcept { return in_ ? buffer_.data() : text_.data(); }
    /// The offset of the first line break at or after `from`, or end_.
    std::size_t find_line_break(std::size_t from) const;
    /// Keeps the unread bytes, moved to the front, and reads a block after them; false at the end.
    bool read_block();
    /// Reads past the end of a line too long to hold (its first max_line_ bytes are read).
    void skip_line();

    std::string_view text_;
    std::istream* in_ = nullptr;
    std::string name_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;  ///< the first unread byte
    std::size_t end_ = 0;  ///< the end of the bytes held
    std::size_t max_line_ = 0;
    bool at_end_ = true;   ///< nothing more to read from the stream
};

}  // namespace ocop::cli
