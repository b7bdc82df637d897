// ocop catalog list | show SET

#include <algorithm>
#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "ocop/catalog_diff_json.hpp"
#include "ocop/catalog_json.hpp"
#include "html_documents.hpp"
#include "language.hpp"
#include "scoring_text.hpp"
#include "set_lookup.hpp"
#include "table.hpp"

namespace ocop::cli {

namespace {

std::string status_name(set_status s) { return label_or_id("set_status", to_string(s)); }

std::string outcome_name(knockout_outcome o) { return label_or_id("outcome", to_string(o)); }

int list(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"edition", "date"}, 0);
    const edition& ed = choose_edition(embedded_catalog(), a);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json_summary(ed)) << '\n';
        return exit_ok;
    }
    io.out << tr("catalog.edition", {ed.id, day(ed.valid_from), ed.valid_until ? day(*ed.valid_until) : tr("common.today"), ed.name})
           << "\n\n";
    table t({tr("header.code"), tr("header.slug"), tr("header.name"), tr("header.status"), tr("header.verification"), ">A", ">B", ">C"});
    t.max_width(2, 48);
    for (const auto& s : ed.sets) {
        bool scored = s.status != set_status::unavailable;
        t.add({s.code, s.id, s.name, status_name(s.status), s.verified ? verification_name(s.verified->status) : "-",
               scored ? std::to_string(s.part_max("A")) : "-",
               scored ? std::to_string(s.part_max("B")) : "-", scored ? std::to_string(s.part_max("C")) : "-"});
    }
    t.print(io.out);
    if (ed.other_sets_unavailable) io.out << "\n" << tr("catalog.other_sets", {*ed.other_sets_unavailable}) << '\n';
    return exit_ok;
}

void print_levels(table& t, const criterion& c, bool marks) {
    bool first = true;
    auto row = [&](const std::string& case_label, const level& l) {
        std::vector<std::string> cells{first ? c.id : "", first ? c.title : "", case_label, l.id, std::to_string(l.points), l.label};
        if (marks) cells.push_back(star_mark(c, l));
        t.add(cells);
        first = false;
    };
    for (const auto& l : c.levels) row("", l);
    for (const auto& k : c.cases)
        for (const auto& l : k.levels) row(k.id, l);
}

int show(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json", "html"}, {"edition", "date"}, 1);
    a.exclusive({"json", "html"});
    const edition& ed = choose_edition(embedded_catalog(), a);
    const product_set* s = &find_set_named(ed, a.at(0, "SET (a set's code, id or name, see `ocop catalog list`)"));
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(*s)) << '\n';
        return exit_ok;
    }
    if (a.flag("html")) {
        io.out << score_sheet_html(ed, *s);
        return exit_ok;
    }
    io.out << tr("catalog.set_line", {s->code, s->name, status_name(s->status), ed.id}) << '\n';
    io.out << tr("catalog.source", {s->origin.sheet}) << '\n';
    if (s->verified) io.out << tr("catalog.verification", {verification_text(*s->verified)}) << '\n';
    for (const auto& g : s->gaps) io.out << tr("catalog.gap", {g.text}) << '\n';
    for (const auto& r : s->readings) io.out << tr("catalog.reading", {r.text}) << '\n';
    for (const auto& k : s->knockouts)
        io.out << tr("catalog.set_knockout", {k.id, outcome_name(knockout_outcome::eliminated), k.text}) << '\n';
    for (const auto& n : s->notes) io.out << tr("catalog.note", {n}) << '\n';
    const bool marks = has_star_marks(*s);
    for (const auto& sec : s->sections) {
        io.out << '\n' << tr("catalog.part", {sec.part, sec.id, sec.title}) << '\n';
        std::vector<std::string> head{tr("header.criterion"), tr("header.title"), tr("header.case"), tr("header.level_id"),
                                      ">" + tr("header.points"), tr("header.label")};
        if (marks) head.push_back(tr("header.min"));  // the level is the minimum for that many stars
        table t(head);
        t.max_width(1, 34).max_width(5, 70);
        for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) print_levels(t, s->criteria[i], marks);
        t.print(io.out);
        for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) {
            const auto& c = s->criteria[i];
            for (const auto& k : c.knockouts)
                io.out << tr("catalog.criterion_knockout", {c.id, k.id, outcome_name(k.outcome), k.text}) << '\n';
            if (c.applies_if) io.out << tr("catalog.applies_if", {c.id, c.applies_if->criterion}) << '\n';
            if (c.verified) io.out << tr("catalog.criterion_verification", {c.id, verification_text(*c.verified)}) << '\n';
        }
    }
    return exit_ok;
}

std::string points_text(const std::vector<int>& points) {
    std::string out;
    for (int p : points) out += (out.empty() ? "" : ",") + std::to_string(p);
    return out;
}

int diff(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json", "all"}, {"set", "to-set"}, 2);
    const catalog& cat = embedded_catalog();
    const edition& from = cat.get(a.at(0, "FROM (an edition id, see `ocop catalog list`)"));
    const edition& to = cat.get(a.at(1, "TO (an edition id)"));
    auto set_name = a.option("set");
    if (!set_name) throw usage_error("missing --set SET (a set of edition " + from.id + ")");
    const std::string set_id = find_set_named(from, *set_name).id;
    std::optional<std::string> to_set;
    if (auto named = a.option("to-set")) to_set = find_set_named(to, *named).id;
    set_diff d = diff_sets(from, set_id, to, to_set ? std::optional<std::string_view>(*to_set) : std::nullopt);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(d)) << '\n';
        return exit_ok;
    }
    io.out << d.from_edition << " " << d.from_set << " → " << d.to_edition << " " << d.to_set << '\n';
    io.out << tr("catalog.matched_by", {d.sets_matched_by}) << '\n';
    for (const auto& p : d.parts)
        io.out << tr("catalog.part_change", {p.part, std::to_string(p.from_max), std::to_string(p.to_max)}) << '\n';
    table t({tr("header.change"), tr("header.from"), tr("header.to"), tr("header.title"), ">" + tr("header.max"), tr("header.points"),
             tr("header.matched_by")});
    t.max_width(3, 48).max_width(5, 24);
    int unchanged = 0;
    for (const auto& c : d.criteria) {
        if (c.change == "unchanged" && !a.flag("all")) {
            ++unchanged;
            continue;
        }
        std::string title = c.to_title.value_or(c.from_title.value_or(""));
        if (c.from_title && c.to_title && *c.from_title != *c.to_title) title = *c.from_title + " → " + *c.to_title;
        auto max_of = [](const std::optional<int>& m) { return m ? std::to_string(*m) : std::string("-"); };
        std::string points = c.from_points == c.to_points ? points_text(c.to_points)
                                                          : points_text(c.from_points) + " → " + points_text(c.to_points);
        t.add({label_or_id("change", c.change), c.from_id.value_or("-"), c.to_id.value_or("-"), title,
               c.from_max == c.to_max ? max_of(c.to_max) : max_of(c.from_max) + " → " + max_of(c.to_max), points, c.matched_by.value_or("")});
    }
    t.print(io.out);
    if (unchanged) io.out << tr("catalog.unchanged", {std::to_string(unchanged)}) << '\n';
    return exit_ok;
}

}  // namespace

std::vector<command> catalog_commands() {
    return {
        {"catalog list", "the product sets of an edition",
         "usage: ocop catalog list [--edition ID | --date YYYY-MM-DD] [--json]\n"
         "Lists every product set with its code, id, status and part maxima.\n",
         list},
        {"catalog show", "one score sheet as a readable table",
         "usage: ocop catalog show SET [--edition ID | --date YYYY-MM-DD] [--json | --html]\n"
         "Prints the sheet of product set SET: sections, criteria, cases, levels, knock-outs. SET is the\n"
         "set's code (I.2.b), its id, or the start of its name with or without accents (\"mat ong\"),\n"
         "when one set only has it; otherwise the sets that match are listed.\n"
         "--json prints it in the catalog format that `ocop validate` and the library load; --html a blank\n"
         "score sheet to print (A4, self-contained HTML) for a council member to fill in by hand.\n",
         show},
        {"catalog diff", "what changed for a product set between two editions",
         "usage: ocop catalog diff FROM TO --set SET [--to-set SET] [--all] [--json]\n"
         "SET: a code, id or name, as for `ocop catalog show`.\n"
         "Compares set SET of edition FROM with its set in edition TO: part maxima, then every criterion\n"
         "added, removed or changed (number, title, maximum, the points of its levels). Sets are matched\n"
         "by the correspondence table shipped as data (src/data/correspondence/), or by --to-set;\n"
         "criteria by title, then by number. --all also lists the unchanged criteria.\n",
         diff},
    };
}

}  // namespace ocop::cli
