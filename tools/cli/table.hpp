#pragma once
// Aligned text tables for people (display width, not bytes).

#include <ostream>
#include <string>
#include <vector>

namespace ocop::cli {

class table {
public:
    /// Column headers; a header starting with '>' is right-aligned (the '>' is not printed).
    explicit table(std::vector<std::string> headers);
    /// Caps a column's width; longer cells are cut with "…".
    table& max_width(std::size_t column, std::size_t columns);
    void add(std::vector<std::string> row);
    void print(std::ostream& out) const;

private:
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::size_t> max_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace ocop::cli
