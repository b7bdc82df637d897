#include "table.hpp"

#include <algorithm>

#include "text_width.hpp"

namespace ocop::cli {

table::table(std::vector<std::string> headers) {
    for (auto& h : headers) {
        right_.push_back(!h.empty() && h.front() == '>');
        headers_.push_back(right_.back() ? h.substr(1) : h);
    }
    max_.assign(headers_.size(), 60);
}

table& table::max_width(std::size_t column, std::size_t columns) {
    max_.at(column) = columns;
    return *this;
}

void table::add(std::vector<std::string> row) {
    row.resize(headers_.size());
    for (std::size_t i = 0; i < row.size(); ++i) row[i] = fit(row[i], max_[i]);
    rows_.push_back(std::move(row));
}

void table::print(std::ostream& out) const {
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t i = 0; i < headers_.size(); ++i) {
        width[i] = display_width(headers_[i]);
        for (const auto& r : rows_) width[i] = std::max(width[i], display_width(r[i]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) text += "  ";
            text += pad(cells[i], i + 1 == cells.size() && !right_[i] ? 0 : width[i], right_[i]);
        }
        out << text << '\n';
    };
    line(headers_);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& r : rows_) line(r);
}

}  // namespace ocop::cli
