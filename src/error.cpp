#include "ocop/error.hpp"

#include <charconv>

namespace ocop {

namespace {
std::string describe(const std::vector<problem>& problems) {
    std::string text;
    for (const auto& p : problems) {
        if (!text.empty()) text += "; ";
        text += p.path.empty() ? p.message : p.path + ": " + p.message;
    }
    return text.empty() ? "error" : text;
}
}  // namespace

error::error(errc code, std::vector<problem> problems)
    : std::runtime_error(describe(problems)), code_(code), problems_(std::move(problems)) {}

error::error(errc code, std::string path, std::string message)
    : error(code, std::vector<problem>{{std::move(path), std::move(message)}}) {}

error error::under(std::string_view prefix) const {
    std::vector<problem> moved = problems_;
    for (auto& p : moved) p.path.insert(0, prefix);
    return error(code_, std::move(moved));
}

void problem_list::throw_if_any(errc code) const {
    if (count_ == 0) return;
    if (count_ == items_.size()) throw error(code, items_);
    std::vector<problem> listed = items_;
    listed.push_back({"", "and " + std::to_string(count_ - items_.size()) + " more problems (" + std::to_string(count_) +
                              " in all; only the first " + std::to_string(max_listed) + " are listed)"});
    throw error(code, std::move(listed));
}

std::string json_path(std::string_view parent, std::string_view token) {
    // Sized once and copied in runs: paths are built for every member read (catalog, events).
    std::string out;
    out.reserve(parent.size() + 1 + token.size() + 2);
    out.append(parent);
    out += '/';
    std::size_t start = 0;
    for (std::size_t i = token.find_first_of("~/"); i != std::string_view::npos; i = token.find_first_of("~/", start)) {
        out.append(token.substr(start, i - start));
        out += token[i] == '~' ? "~0" : "~1";
        start = i + 1;
    }
    out.append(token.substr(start));
    return out;
}

std::string json_path(std::string_view parent, std::size_t index) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
    std::string out;
    out.reserve(parent.size() + 1 + static_cast<std::size_t>(end - digits));
    out.append(parent);
    out += '/';
    out.append(digits, end);
    return out;
}

}  // namespace ocop
