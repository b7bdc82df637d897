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
    if (!items_.empty()) throw error(code, items_);
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
