// Comparing one product set across two editions (catalog_diff.hpp).

#include "ocop/catalog_diff_json.hpp"

#include <algorithm>
#include <cctype>

#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/described_json.hpp"
#include "ocop/error.hpp"

namespace ocop {

namespace {

/// A correspondence table between two editions' sets (src/data/correspondence/<from>--<to>.json).
struct set_pair {
    std::string from;
    std::string to;
};
BOOST_DESCRIBE_STRUCT(set_pair, (), (from, to))
struct correspondence {
    std::string from;
    std::string to;
    std::string source;
    std::vector<set_pair> sets;
};
BOOST_DESCRIBE_STRUCT(correspondence, (), (from, to, source, sets))

std::optional<correspondence> find_table(const std::string& a, const std::string& b) {
    std::size_t count = 0;
    const detail::embedded_file* files = detail::embedded_files(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string path = files[i].path;
        if (path == "correspondence/" + a + "--" + b + ".json" || path == "correspondence/" + b + "--" + a + ".json")
            return detail::parse_described<correspondence>(std::string_view(files[i].text, files[i].size));
    }
    return std::nullopt;
}

/// The ids of `to` that `set_id` of `from` corresponds to, and how they were found.
std::vector<std::string> corresponding(const edition& from, const std::string& set_id, const edition& to, std::string& how) {
    if (from.id == to.id) {
        how = "same edition";
        return {set_id};
    }
    auto table = find_table(from.id, to.id);
    if (!table) {
        how = "same id (no correspondence table between " + from.id + " and " + to.id + ")";
        return to.find_set(set_id) ? std::vector<std::string>{set_id} : std::vector<std::string>{};
    }
    how = "correspondence table " + table->from + " → " + table->to + ": " + table->source;
    const bool forward = table->from == from.id;
    std::vector<std::string> out;
    for (const auto& p : table->sets)
        if ((forward ? p.from : p.to) == set_id) out.push_back(forward ? p.to : p.from);
    return out;
}

const product_set& sheet_of(const edition& ed, std::string_view set_id) {
    const product_set* s = &ed.require_set(set_id);
    if (s->status == set_status::unavailable)
        throw error(errc::unavailable, "", "set \"" + s->id + "\" of edition " + ed.id + " has no score sheet");
    return *s;
}

/// A title reduced for matching: ASCII letters lowered, runs of spaces and punctuation as one space.
std::string title_key(const std::string& title) {
    std::string out;
    for (char c : title) {
        const auto ch = static_cast<unsigned char>(c);
        bool separator = ch < 0x80 && !std::isalnum(ch);
        if (separator) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += ch < 0x80 ? static_cast<char>(std::tolower(ch)) : c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<int> points_of(const criterion& c) {
    std::vector<int> out;
    for (const auto& l : c.levels) out.push_back(l.points);
    for (const auto& k : c.cases)
        for (const auto& l : k.levels) out.push_back(l.points);
    return out;
}

criterion_change side(const criterion* a, const criterion* b) {
    criterion_change ch;
    if (a) ch.from_id = a->id, ch.from_title = a->title, ch.from_max = a->max_points(), ch.from_points = points_of(*a);
    if (b) ch.to_id = b->id, ch.to_title = b->title, ch.to_max = b->max_points(), ch.to_points = points_of(*b);
    ch.change = !a ? "added" : !b ? "removed"
              : (ch.from_id == ch.to_id && ch.from_title == ch.to_title && ch.from_points == ch.to_points) ? "unchanged"
                                                                                                       : "changed";
    return ch;
}

std::vector<criterion_change> compare_criteria(const product_set& a, const product_set& b) {
    std::vector<const criterion*> match(b.criteria.size(), nullptr);
    std::vector<std::string> how(b.criteria.size());
    std::vector<bool> used(a.criteria.size(), false);
    auto pair_by = [&](auto same, const char* name) {
        for (std::size_t j = 0; j < b.criteria.size(); ++j)
            for (std::size_t i = 0; i < a.criteria.size() && !match[j]; ++i)
                if (!used[i] && same(a.criteria[i], b.criteria[j])) match[j] = &a.criteria[i], used[i] = true, how[j] = name;
    };
    pair_by([](const criterion& x, const criterion& y) { return title_key(x.title) == title_key(y.title); }, "title");
    pair_by([](const criterion& x, const criterion& y) {  // one title continues the other: "Năng lực ... (Khả năng ...)"
        std::string kx = title_key(x.title), ky = title_key(y.title);
        return ky.starts_with(kx + " ") || kx.starts_with(ky + " ");
    }, "title prefix");
    pair_by([](const criterion& x, const criterion& y) { return x.id == y.id; }, "number");
    std::vector<criterion_change> out;
    for (std::size_t j = 0; j < b.criteria.size(); ++j) {
        out.push_back(side(match[j], &b.criteria[j]));
        if (match[j]) out.back().matched_by = how[j];
    }
    for (std::size_t i = 0; i < a.criteria.size(); ++i)
        if (!used[i]) out.push_back(side(&a.criteria[i], nullptr));
    return out;
}

}  // namespace

set_diff diff_sets(const edition& from, std::string_view from_set, const edition& to, std::optional<std::string_view> to_set) {
    const product_set& a = sheet_of(from, from_set);
    set_diff d{from.id, a.id, to.id, {}, {}, {}, {}};
    if (to_set) {
        d.sets_matched_by = "named by the caller";
        d.to_set = std::string(*to_set);
    } else {
        auto ids = corresponding(from, a.id, to, d.sets_matched_by);
        if (ids.size() != 1) {
            std::string names;
            for (const auto& id : ids) names += (names.empty() ? "" : ", ") + id;
            throw error(errc::not_found, "", "set \"" + a.id + "\" of edition " + from.id + (ids.empty() ? " has no corresponding set in edition " + to.id
                                                                                                    : " corresponds to several sets of edition " + to.id + " (" + names + "): name one") +
                                                 " (" + d.sets_matched_by + ")");
        }
        d.to_set = ids.front();
    }
    const product_set& b = sheet_of(to, d.to_set);
    for (const auto& part : to.parts) d.parts.push_back({part.id, a.part_max(part.id), b.part_max(part.id)});
    d.criteria = compare_criteria(a, b);
    return d;
}

boost::json::value to_json(const set_diff& d) { return detail::write_json(d); }

}  // namespace ocop
