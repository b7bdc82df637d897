// Unicode names: NFC and case folding by Boost.Locale (ICU backend), folding without diacritics,
// edit distance.

#include "ocop/unicode.hpp"

#include <algorithm>
#include <locale>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/locale/conversion.hpp>
#include <boost/locale/encoding_utf.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>

#include "ocop/detail/name_key_cache.hpp"

namespace ocop {

namespace {

/// A locale of Boost.Locale's ICU backend, the one that implements normalisation; built once
/// (thread-safe), without touching the process's global backend or locale.
const std::locale& icu_locale() {
    static const std::locale loc = [] {
        boost::locale::localization_backend_manager manager = boost::locale::localization_backend_manager::global();
        const std::vector<std::string> backends = manager.get_all_backends();
        if (std::find(backends.begin(), backends.end(), "icu") == backends.end())
            throw std::runtime_error("Boost.Locale was built without its ICU backend: names cannot be normalised (NFC)");
        manager.select("icu");
        boost::locale::generator gen(manager);
        // Only what normalize and fold_case use, for char: generating every facet (the ICU date and
        // number formats) cost 4.8 M instructions in each process that folds a name.
        gen.categories(boost::locale::category_t::convert | boost::locale::category_t::information);
        gen.characters(boost::locale::char_facet_t::char_f);
        return gen("vi_VN.UTF-8");
    }();
    return loc;
}

std::string normalize(std::string_view utf8, boost::locale::norm_type form) {
    return boost::locale::normalize(utf8.data(), utf8.data() + utf8.size(), form, icu_locale());
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u00A0'; }

/// Appends `c` to `out`, starting a new word with one space when a separator came before it.
void append_letter(std::u32string& out, char32_t c, bool& pending_space) {
    if (pending_space && !out.empty()) out += U' ';
    pending_space = false;
    out += c;
}

}  // namespace

std::string to_nfc(std::string_view utf8) { return normalize(utf8, boost::locale::norm_nfc); }

namespace {

std::string compute_name_key(std::string_view utf8) {
    const std::string folded = boost::locale::fold_case(to_nfc(utf8), icu_locale());
    std::u32string out;
    bool pending_space = false;
    for (char32_t c : boost::locale::conv::utf_to_utf<char32_t>(folded)) {
        if (is_space(c)) pending_space = true;
        else append_letter(out, c, pending_space);
    }
    return boost::locale::conv::utf_to_utf<char>(out);
}

}  // namespace

namespace {

/// Hashes a std::string and a std::string_view alike, so that the cache is searched without a copy.
struct key_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace

const std::string& detail::cached_name_key(std::string_view utf8) {
    // ICU's normalisation and case folding take some 50 us; a registration compares its district and
    // commune with every unit of its campaign, whose names repeat: the keys are kept per thread.
    thread_local std::unordered_map<std::string, std::string, key_hash, std::equal_to<>> keys;
    if (auto it = keys.find(utf8); it != keys.end()) return it->second;
    if (keys.size() >= 4096) keys.clear();  // bounded: names a host writes freely must not grow it forever
    return keys.emplace(std::string(utf8), compute_name_key(utf8)).first->second;
}

std::string name_key(std::string_view utf8) { return detail::cached_name_key(utf8); }

std::string fold_accents(std::string_view utf8) {
    // NFD splits a Vietnamese letter into its base letter and its marks (U+0300 to U+036F); đ has
    // no decomposition and is folded by hand. Other characters outside ASCII separate words.
    const std::string decomposed = boost::locale::fold_case(normalize(utf8, boost::locale::norm_nfd), icu_locale());
    std::u32string out;
    bool pending_space = false;
    for (char32_t c : boost::locale::conv::utf_to_utf<char32_t>(decomposed)) {
        if (c >= 0x0300 && c <= 0x036F) continue;
        if (c == U'\u0111') c = U'd';  // đ
        const bool ascii_letter = (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
        if (ascii_letter) append_letter(out, c, pending_space);
        else pending_space = true;
    }
    return boost::locale::conv::utf_to_utf<char>(out);
}

std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
    const std::u32string a = boost::locale::conv::utf_to_utf<char32_t>(a_utf8.data(), a_utf8.data() + a_utf8.size());
    const std::u32string b = boost::locale::conv::utf_to_utf<char32_t>(b_utf8.data(), b_utf8.data() + b_utf8.size());
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace ocop
