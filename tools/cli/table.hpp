#pragma once
// Aligned text tables for people (display width, not bytes) that fit the terminal: long cells are
// wrapped onto more lines, never cut.

#include <ostream>
#include <string>
#include <vector>

namespace ocop::cli {

/// The width tables must fit: COLUMNS when it holds a number, else the terminal's width when
/// standard output is one, else 0 (no limit: a file or a pipe gets whole lines).
std::size_t terminal_columns();

class table {
public:
    /// Column headers; a header starting with '>' is right-aligned (the '>' is not printed).
    explicit table(std::vector<std::string> headers);
    /// Wraps a column's cells at `columns` (unless --wide).
    table& max_width(std::size_t column, std::size_t columns);
    void add(std::vector<std::string> row);
    /// Prints the table within `limit` columns (0: no limit; default: terminal_columns(), none with
    /// --wide): the widest left-aligned columns are narrowed and their cells wrapped at spaces.
    void print(std::ostream& out) const;
    void print(std::ostream& out, std::size_t limit) const;

private:
    std::vector<std::size_t> widths(std::size_t limit) const;
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::size_t> max_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace ocop::cli
