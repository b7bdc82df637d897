// ocop campaign verify | head | export | import: the store's integrity and its interchange format.

#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "jsonl_campaign.hpp"
#include "language.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/workflow_json.hpp"
#include "output_dir.hpp"
#include "sqlite_store.hpp"

namespace ocop::cli {

namespace {

int verify(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {"head"}, 1);
    if (auto kept = a.option("head")) check_head_form(*kept);
    sqlite_store store = sqlite_store::open_read_only(a.at(0, "DIR"));
    const std::uint64_t n = store.verify(a.option("head"));
    io.out << tr("verify.done", {std::to_string(n), a.option("head") ? tr("verify.kept_head") : ""}) << '\n';
    return exit_ok;
}

int head(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {}, 1);
    io.out << sqlite_store::open_read_only(a.at(0, "DIR")).head() << '\n';
    return exit_ok;
}

int export_log(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {"out"}, 1);
    sqlite_store store = sqlite_store::open_read_only(a.at(0, "DIR"));
    auto out = a.option("out");
    if (!out) {
        store.export_jsonl(io.out);
        return exit_ok;
    }
    std::ostringstream jsonl;
    const std::uint64_t n = store.export_jsonl(jsonl);
    const std::string head = store.head();
    prepare_empty_directory(*out);
    write_jsonl_campaign(*out, store.summary().plan, jsonl.str(), head);
    io.out << tr("export.done", {std::to_string(n), head, *out}) << '\n';
    return exit_ok;
}

int import_log(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {}, 2);
    const std::string& dir = a.at(0, "DIR (the new store)");
    const std::string& from = a.at(1, "FROM (a directory holding campaign.json, events.jsonl and head)");
    std::vector<std::string> notes;
    jsonl_campaign source = read_jsonl_campaign(from, notes);
    for (const auto& n : notes) io.err << "note: " << from << ": " << n << '\n';
    std::vector<event> events;
    events.reserve(source.log.size());
    for (std::size_t i = 0; i < source.log.size(); ++i)
        events.push_back(event_from_json(parse_json(source.log.entries()[i].event), "/" + std::to_string(i) + "/event"));
    prepare_empty_directory(dir);
    const std::string head = sqlite_store::create_in(dir, source.plan, events);
    if (head != source.log.head())
        throw error(errc::invalid_document, "", "the imported log's head " + head + " differs from " + from + "'s " + source.log.head() +
                                                    ": an event is not in canonical form");
    io.out << tr("import.done", {std::to_string(events.size()), source.plan.id, dir, head}) << '\n';
    return exit_ok;
}

}  // namespace

std::vector<command> campaign_store_commands() {
    return {
        {"campaign verify", "replay the whole log and check the store",
         "usage: ocop campaign verify DIR [--head HASH]\n"
         "Replays every entry from the first: checks each entry's hash and link, that every event is\n"
         "accepted again, that the head row ends the chain and that the snapshot of every dossier equals\n"
         "the replay. --head: the head you kept elsewhere (`ocop campaign head`); a log that does not\n"
         "reach it (truncated or rewritten) or goes on past it is reported. Exit 5 on any fault.\n",
         verify},
        {"campaign head", "print the hash of the last entry",
         "usage: ocop campaign head DIR\n"
         "Prints the head (the hash of the last entry; 64 zeros for an empty log). Keep it elsewhere and\n"
         "give it to `ocop campaign verify DIR --head HASH` to detect a truncated or rewritten log.\n",
         head},
        {"campaign export", "the log as JSON lines (the interchange format)",
         "usage: ocop campaign export DIR [--out OUT_DIR]\n"
         "Writes the log as JSON lines, one canonical entry per line, to standard output; with --out,\n"
         "writes OUT_DIR/campaign.json, events.jsonl and head (OUT_DIR must be new or empty).\n",
         export_log},
        {"campaign import", "make a store from a JSONL campaign directory",
         "usage: ocop campaign import DIR FROM\n"
         "FROM holds campaign.json, events.jsonl and head (as `campaign export --out` writes them, or a\n"
         "campaign kept by earlier versions of ocop). Verifies the chain and the head, replays every\n"
         "event and creates DIR (new or empty) holding the same entries, byte for byte. FROM is only read.\n",
         import_log},
    };
}

}  // namespace ocop::cli
