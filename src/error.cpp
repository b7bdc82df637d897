#include "ocop/error.hpp"

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

void problem_list::throw_if_any(errc code) const {
    if (count_ == 0) return;
    if (count_ == items_.size()) throw error(code, items_);
    std::vector<problem> listed = items_;
    listed.push_back({"", "and " + std::to_string(count_ - items_.size()) + " more problems (" + std::to_string(count_) +
                              " in all; only the first " + std::to_string(max_listed) + " are listed)"});
    throw error(code, std::move(listed));
}

std::string json_path(std::string_view parent, std::string_view token) {
    std::string out(parent);
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string json_path(std::string_view parent, std::size_t index) {
    return std::string(parent) + '/' + std::to_string(index);
}

}  // namespace ocop
