// ocop catalog list | show SET

#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "ocop/catalog_json.hpp"
#include "table.hpp"

namespace ocop::cli {

namespace {

const char* status_name(set_status s) {
    switch (s) {
        case set_status::complete: return "complete";
        case set_status::incomplete: return "incomplete";
        case set_status::unavailable: return "unavailable";
    }
    return "?";
}

int list(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"edition", "date"});
    const edition& ed = choose_edition(embedded_catalog(), a);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json_summary(ed)) << '\n';
        return exit_ok;
    }
    io.out << "Edition " << ed.id << " (" << ed.valid_from.to_string() << " to "
           << (ed.valid_until ? ed.valid_until->to_string() : std::string("today")) << "): " << ed.name << "\n\n";
    table t({"Code", "Set", "Name", "Status", ">A", ">B", ">C"});
    t.max_width(2, 48);
    for (const auto& s : ed.sets) {
        bool scored = s.status != set_status::unavailable;
        t.add({s.code, s.id, s.name, status_name(s.status), scored ? std::to_string(s.part_max("A")) : "-",
               scored ? std::to_string(s.part_max("B")) : "-", scored ? std::to_string(s.part_max("C")) : "-"});
    }
    t.print(io.out);
    return exit_ok;
}

void print_levels(table& t, const criterion& c) {
    bool first = true;
    auto row = [&](const std::string& case_label, const level& l) {
        t.add({first ? c.id : "", first ? c.title : "", case_label, l.id, std::to_string(l.points), l.label});
        first = false;
    };
    for (const auto& l : c.levels) row("", l);
    for (const auto& k : c.cases)
        for (const auto& l : k.levels) row(k.id, l);
}

int show(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"edition", "date"});
    const edition& ed = choose_edition(embedded_catalog(), a);
    const std::string& id = a.at(0, "SET (a set id, see `ocop catalog list`)");
    const product_set* s = ed.find_set(id);
    if (!s) throw ocop::error(errc::not_found, "", "no set \"" + id + "\" in edition " + ed.id + " (see `ocop catalog list`)");
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(*s)) << '\n';
        return exit_ok;
    }
    io.out << s->code << "  " << s->name << "  [" << status_name(s->status) << "]  edition " << ed.id << '\n';
    io.out << "source: " << s->origin.sheet << '\n';
    for (const auto& g : s->gaps) io.out << "gap: " << g.text << '\n';
    for (const auto& sec : s->sections) {
        io.out << '\n' << "Part " << sec.part << " · " << sec.id << ". " << sec.title << '\n';
        table t({"Criterion", "Title", "Case", "Level", ">Points", "Label"});
        t.max_width(1, 34).max_width(5, 70);
        for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) print_levels(t, s->criteria[i]);
        t.print(io.out);
        for (std::size_t i = sec.first; i < sec.first + sec.count; ++i) {
            const auto& c = s->criteria[i];
            for (const auto& k : c.knockouts)
                io.out << "  knock-out " << c.id << " (" << k.id << ", "
                       << (k.outcome == knockout_outcome::eliminated ? "eliminated" : "evaluation stopped") << "): " << k.text << '\n';
            if (c.applies_if) io.out << "  " << c.id << " applies only if " << c.applies_if->criterion << " is answered with a story\n";
        }
    }
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
         "usage: ocop catalog show SET [--edition ID | --date YYYY-MM-DD] [--json]\n"
         "Prints the sheet of product set SET: sections, criteria, cases, levels, knock-outs.\n"
         "--json prints it in the catalog format that `ocop validate` and the library load.\n",
         show},
    };
}

}  // namespace ocop::cli
