// The lines of a stream read in blocks (tools/cli/line_reader.hpp): lines that cross a block's
// edge, a line break on either side of it, a last line without its line break, lines too long to
// hold, and a failing stream.

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "line_reader.hpp"
#include "ocop/error.hpp"

using ocop::cli::line_reader;

namespace {

constexpr std::size_t block = line_reader::block_bytes;

struct read_result {
    std::vector<std::string> lines;  ///< "<too long>" for each line reported too long
};

read_result read_lines(line_reader& reader) {
    read_result out;
    std::string_view line;
    for (line_reader::status s; (s = reader.next(line)) != line_reader::status::end;)
        out.lines.push_back(s == line_reader::status::too_long ? "<too long>" : std::string(line));
    return out;
}

read_result read_stream(const std::string& text, std::size_t max_line, std::size_t already_read = 0) {
    std::istringstream in(text.substr(already_read));
    line_reader reader(in, "test", text.substr(0, already_read), max_line);
    return read_lines(reader);
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

/// Lines of every length from 1 to `longest` (each line's bytes tell its number), `total` bytes or more.
std::string varied_lines(std::size_t total, std::size_t longest) {
    std::string text;
    for (std::size_t n = 0; text.size() < total; ++n) text += std::string(1 + (n * 7919) % longest, char('a' + n % 26)) + '\n';
    return text;
}

}  // namespace

TEST_CASE("a stream of several blocks gives the same lines as the text held whole", "[cli][line_reader]") {
    const std::string text = varied_lines(3 * block + 12345, 5000);
    const read_result streamed = read_stream(text, 5000);
    CHECK(streamed.lines == split(text));
    line_reader whole(text);
    CHECK(read_lines(whole).lines == streamed.lines);
    SECTION("starting with text already read from the stream") {
        CHECK(read_stream(text, 5000, 70001).lines == streamed.lines);
        CHECK(read_stream(text, 5000, text.size()).lines == streamed.lines);
    }
}

TEST_CASE("a line break at either side of a block's edge", "[cli][line_reader]") {
    for (std::size_t first : {block - 1, block, block + 1}) {
        // the first line ends (its line break included) one byte before, at, or one byte after the edge
        const std::string text = std::string(first - 1, 'x') + '\n' + "second\n" + std::string(block, 'y') + "\nlast";
        CHECK(read_stream(text, 2 * block).lines == split(text));
    }
}

TEST_CASE("the last line needs no line break, and empty lines are lines", "[cli][line_reader]") {
    CHECK(read_stream("a\n\nb", 10).lines == std::vector<std::string>{"a", "", "b"});
    CHECK(read_stream("a\n", 10).lines == std::vector<std::string>{"a"});
    CHECK(read_stream("", 10).lines.empty());
    CHECK(read_stream("\n", 10).lines == std::vector<std::string>{""});
}

TEST_CASE("a line longer than the limit is skipped and reported, the next ones read", "[cli][line_reader]") {
    const std::size_t limit = 1000;
    SECTION("within a block") {
        CHECK(read_stream("ok\n" + std::string(1001, 'z') + "\nnext\n", limit).lines ==
              std::vector<std::string>{"ok", "<too long>", "next"});
        CHECK(read_stream(std::string(1000, 'z') + "\n", limit).lines == std::vector<std::string>{std::string(1000, 'z')});
    }
    SECTION("over several blocks, the rest of it never held") {
        const std::string text = "ok\n" + std::string(3 * block + 5, 'z') + "\nnext\n" + std::string(block, 'w');
        CHECK(read_stream(text, limit).lines == std::vector<std::string>{"ok", "<too long>", "next", "<too long>"});
    }
    SECTION("its line break exactly after a block") {
        const std::string text = std::string(block - 1, 'z') + "\nnext";
        CHECK(read_stream(text, limit).lines == std::vector<std::string>{"<too long>", "next"});
    }
}

TEST_CASE("a stream that fails to read is an I/O error naming it", "[cli][line_reader]") {
    std::istringstream in("never read");
    in.setstate(std::ios::badbit);
    line_reader reader(in, "standard input", "", 100);
    std::string_view line;
    try {
        reader.next(line);
        FAIL("no error");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::io);
        CHECK(std::string(e.what()).find("cannot read standard input") != std::string::npos);
    }
}
