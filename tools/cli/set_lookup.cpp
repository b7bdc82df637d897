#include "set_lookup.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "language.hpp"
#include "ocop/error.hpp"

namespace ocop::cli {

namespace {

/// Each Vietnamese letter with a diacritic, after the base letter it folds to (lower and upper case).
constexpr std::pair<char, const char*> vietnamese_letters[] = {
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"}, {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"}, {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},   {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},   {'y', "ỳýỷỹỵỲÝỶỸỴ"},
    {'d', "đĐ"},
};

/// The next code point of `s` at `i` (advancing `i`); U+FFFD for a byte that starts no valid sequence.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return ++i, U'\uFFFD';
    char32_t code = n == 1 ? char32_t{b} : static_cast<char32_t>(b & (0x7Fu >> n));
    for (std::size_t k = 1; k < n; ++k) code = (code << 6) | static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += n;
    return code;
}

const std::map<char32_t, char>& folding_table() {
    static const std::map<char32_t, char> table = [] {
        std::map<char32_t, char> t;
        for (const auto& [base, letters] : vietnamese_letters) {
            std::string_view s(letters);
            for (std::size_t i = 0; i < s.size();) t[next_code_point(s, i)] = base;
        }
        return t;
    }();
    return table;
}

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
        const std::string name = " " + fold_vietnamese(s.name) + " ";
        if (std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return name.find(" " + w) != std::string::npos; }))
            out.push_back(&s);
    }
    if (out.size() > 5) out.resize(5);
    return out;
}

}  // namespace

std::string fold_vietnamese(std::string_view utf8) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = next_code_point(utf8, i);
        if (c >= 0x0300 && c <= 0x036F) continue;  // a combining mark (NFD): the base letter was kept
        char folded = 0;
        if (c < 0x80 && std::isalnum(static_cast<int>(c))) folded = static_cast<char>(std::tolower(static_cast<int>(c)));
        else if (auto it = folding_table().find(c); it != folding_table().end()) folded = it->second;
        if (!folded) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += folded;
    }
    return out;
}

const product_set& find_set_named(const edition& ed, std::string_view name) {
    if (const product_set* s = ed.find_set(name)) return *s;
    const std::string code = lower_ascii(name);
    for (const auto& s : ed.sets)
        if (lower_ascii(s.code) == code) return s;
    const std::string query = fold_vietnamese(name);
    std::vector<const product_set*> matches;
    for (const auto& s : ed.sets) {
        const std::string folded_name = fold_vietnamese(s.name);
        if (!query.empty() && (folded_name == query)) return s;  // the whole name, even if it starts another
        if (!query.empty() && (folded_name.rfind(query, 0) == 0 || fold_vietnamese(s.id).rfind(query, 0) == 0)) matches.push_back(&s);
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
