#include "language.hpp"

#include <cstdlib>

#include "cli.hpp"
#include "ocop/catalog.hpp"
#include "ocop/date.hpp"
#include "ocop/enum_text.hpp"

namespace ocop::cli {

namespace {
language current = language::vi;
bool wide = false;

language parse_language(const std::string& text) {
    auto l = from_string<language>(text);
    if (!l) throw usage_error("--lang expects vi or en, found \"" + text + "\"");
    return *l;
}
}  // namespace

void take_global_options(std::vector<std::string>& words) {
    if (const char* env = std::getenv("OCOP_LANG"); env && *env) {
        auto l = from_string<language>(env);
        if (!l) throw usage_error(std::string("OCOP_LANG expects vi or en, found \"") + env + "\"");
        current = *l;
    }
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "--wide") wide = true;
        else if (w.rfind("--lang=", 0) == 0) current = parse_language(w.substr(7));
        else if (w == "--lang") {
            if (i + 1 >= words.size()) throw usage_error("option --lang needs a value (vi or en)");
            current = parse_language(words[++i]);
        } else kept.push_back(w);
    }
    words = std::move(kept);
}

language output_language() noexcept { return current; }
bool wide_tables() noexcept { return wide; }

std::string tr(std::string_view key, std::initializer_list<std::string_view> args) { return format_message(current, key, args); }
std::string day(date d) { return format_date(current, d); }
std::string decimal(std::string_view text) { return format_decimal(current, text); }

std::string moment(std::string_view timestamp) {
    auto t = parse_timestamp(timestamp);
    if (!t || current == language::en) return std::string(timestamp);
    return day(t->day) + " " + std::string(timestamp.substr(11, 5));
}

std::string label_or_id(const std::string& prefix, std::string_view id) {
    const std::string key = prefix + "." + std::string(id);
    return has_message(current, key) ? std::string(message(current, key)) : std::string(id);
}

std::string industry_name(const campaign* plan, const std::string& id) {
    if (plan && current == language::vi)
        for (const auto& i : plan->industries)
            if (i.id == id && !i.name.empty()) return i.name;
    return label_or_id("industry", id);
}

std::string batch_name(const campaign* plan, const std::string& id) {
    if (plan && current == language::vi)
        for (const auto& b : plan->batches)
            if (b.id == id && !b.name.empty()) return b.name;
    return id;
}

std::string level_name(const std::string& id) { return label_or_id("level", id); }

std::string set_name(const campaign* plan, const std::string& id) {
    if (!plan) return id;
    for (const auto& ed : embedded_catalog().editions())
        if (ed.id == plan->edition)
            if (const product_set* s = ed.find_set(id)) return s->name;
    return id;
}

}  // namespace ocop::cli
