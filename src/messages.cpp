// The message catalogues (src/data/messages/<language>.json), embedded at build time like the catalog.

#include "ocop/messages.hpp"

#include <array>
#include <cctype>
#include <map>

#include <boost/json/object.hpp>

#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/json_reader.hpp"
#include "ocop/enum_text.hpp"

namespace ocop {

namespace {

using catalogue = std::map<std::string, std::string, std::less<>>;

catalogue load(language lang) {
    const std::string path = "messages/" + std::string(to_string(lang)) + ".json";
    std::size_t count = 0;
    const detail::embedded_file* files = detail::embedded_files(count);
    catalogue out;
    for (std::size_t i = 0; i < count; ++i) {
        if (path != files[i].path) continue;
        const boost::json::value doc = detail::parse_json(std::string_view(files[i].text, files[i].size));
        for (const auto& [key, text] : doc.as_object()) out.emplace(std::string(key), std::string(text.as_string()));
    }
    return out;
}

const catalogue& catalogue_of(language lang) {
    static const std::array<catalogue, 2> all{load(language::vi), load(language::en)};
    return all[lang == language::vi ? 0 : 1];
}

}  // namespace

std::string_view message(language lang, std::string_view key) {
    const catalogue& c = catalogue_of(lang);
    auto it = c.find(key);
    return it == c.end() ? key : std::string_view(it->second);
}

bool has_message(language lang, std::string_view key) { return catalogue_of(lang).contains(key); }

std::vector<std::string> message_keys(language lang) {
    std::vector<std::string> out;
    for (const auto& [key, text] : catalogue_of(lang)) out.push_back(key);
    return out;
}

std::string format_message(language lang, std::string_view key, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = message(lang, key);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
        if (close != std::string_view::npos && close > i + 1 && close - i <= 3 &&
            pattern.substr(i + 1, close - i - 1).find_first_not_of("0123456789") == std::string_view::npos) {
            const std::size_t n = static_cast<std::size_t>(std::stoi(std::string(pattern.substr(i + 1, close - i - 1))));
            if (n < args.size()) {
                out += *(args.begin() + n);
                i = close;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string format_date(language lang, date d) {
    if (lang == language::en) return d.to_string();
    auto two = [](unsigned n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
}

std::string format_decimal(language lang, std::string_view decimal) {
    std::string out(decimal);
    if (lang == language::vi)
        if (auto dot = out.find('.'); dot != std::string::npos && dot > 0 && std::isdigit(static_cast<unsigned char>(out[dot - 1])))
            out[dot] = ',';
    return out;
}

}  // namespace ocop
