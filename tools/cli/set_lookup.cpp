#include "set_lookup.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "language.hpp"
#include "ocop/error.hpp"
#include "ocop/unicode.hpp"

namespace ocop::cli {

namespace {

std::string describe(const product_set& s) { return s.code + " " + s.id + " (" + s.name + ")"; }

std::string listed(const std::vector<const product_set*>& sets) {
    std::string out;
    for (const auto* s : sets) out += (out.empty() ? "" : "; ") + describe(*s);
    return out;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// Sets sharing a folded word of three letters or more with the query: suggestions for an unknown name.
std::vector<const product_set*> look_alikes(const edition& ed, const std::string& query) {
    std::vector<const product_set*> out;
    std::istringstream words(query);
    std::vector<std::string> wanted;
    for (std::string w; words >> w;)
        if (w.size() >= 3) wanted.push_back(w);
    for (const auto& s : ed.sets) {
        const std::string name = " " + fold_accents(s.name) + " ";
        if (std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return name.find(" " + w) != std::string::npos; }))
            out.push_back(&s);
    }
    if (out.size() > 5) out.resize(5);
    return out;
}

}  // namespace

const product_set& find_set_named(const edition& ed, std::string_view name) {
    if (const product_set* s = ed.find_set(name)) return *s;
    const std::string code = lower_ascii(name);
    for (const auto& s : ed.sets)
        if (lower_ascii(s.code) == code) return s;
    const std::string query = fold_accents(name);
    std::vector<const product_set*> matches;
    for (const auto& s : ed.sets) {
        const std::string folded_name = fold_accents(s.name);
        if (!query.empty() && (folded_name == query)) return s;  // the whole name, even if it starts another
        if (!query.empty() && (folded_name.rfind(query, 0) == 0 || fold_accents(s.id).rfind(query, 0) == 0)) matches.push_back(&s);
    }
    if (matches.size() == 1) return *matches.front();
    if (matches.empty() && ed.other_sets_unavailable) return ed.require_set(name);  // throws: the edition's other sheets are missing
    const std::string id(name);
    if (matches.size() > 1) throw error(errc::not_found, "", tr("set.ambiguous", {id, ed.id, listed(matches)}));
    auto alike = look_alikes(ed, query);
    if (!alike.empty()) throw error(errc::not_found, "", tr("set.did_you_mean", {id, ed.id, listed(alike)}));
    throw error(errc::not_found, "", tr("set.not_found", {id, ed.id}));
}

}  // namespace ocop::cli
