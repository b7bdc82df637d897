// ocop campaign init | apply | status | report (the store: sqlite_store.hpp)

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

#include <boost/json/serialize.hpp>

#include "apply_report.hpp"
#include "html_documents.hpp"
#include "cli.hpp"
#include "event_input.hpp"
#include "ocop/campaign_json.hpp"
#include "ocop/json.hpp"
#include "ocop/reports.hpp"
#include "ocop/workflow_json.hpp"
#include "report_grid.hpp"
#include "sqlite_store.hpp"
#include "language.hpp"
#include "table.hpp"
#include "xlsx_writer.hpp"

namespace ocop::cli {

namespace {

int init(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {"campaign", "file", "policy"}, 1);
    a.exclusive({"campaign", "file"});
    const std::string& dir = a.at(0, "DIR");
    campaign c;
    if (auto file = a.option("file")) c = load_campaign(read_file(*file));
    else if (auto id = a.option("campaign")) c = embedded_campaign(*id);
    else throw usage_error("name the plan: --campaign hanoi-2021 (built in) or --file CAMPAIGN.json");
    if (auto policy = a.option("policy")) {
        auto chosen = from_string<window_policy>(*policy);
        if (!chosen) throw usage_error("--policy expects warn or enforce, found \"" + *policy + "\"");
        c.policy = *chosen;
    }
    sqlite_store::create(dir, c);
    io.out << tr("init.created", {c.id, c.plan, c.province, std::to_string(c.year), c.edition, to_string(c.policy), dir}) << '\n';
    return exit_ok;
}

/// Applies JSON lines as they are read, never holding the whole batch. What the user sees is what
/// checking every line before opening the store would give: a line that cannot be read is reported,
/// with every later bad line, in place of a refused event or a store error, and nothing is committed.
int apply_lines(const std::string& dir, event_lines& lines, const batch_options& options, streams& io) {
    std::optional<sqlite_store> store;
    try {
        store.emplace(sqlite_store::open_for_writing(dir));
    } catch (const ocop::error&) {
        check_event_lines(lines);
        throw;
    }
    const event_stream next = [&](event& e, std::string_view& canonical) {
        if (!next_checked(lines, e)) return false;  // a bad line throws: the batch is rolled back
        canonical = lines.canonical();
        return true;
    };
    batch_result result;
    try {
        result = store->append(next, options);
    } catch (const ocop::error&) {
        if (lines.unreadable()) throw;
        check_event_lines(lines);
        io.err << "nothing was committed: 0 of " << lines.events() << " events applied\n";
        throw;
    }
    return print_batch(lines.events(), result, options.up_to_first_refusal, io);
}

int apply_document(const std::string& dir, const std::vector<event>& events, const batch_options& options, streams& io) {
    sqlite_store store = sqlite_store::open_for_writing(dir);
    batch_result result;
    try {
        result = store.append(events, options);
    } catch (const ocop::error&) {
        io.err << "nothing was committed: 0 of " << events.size() << " events applied\n";
        throw;
    }
    return print_batch(events.size(), result, options.up_to_first_refusal, io);
}

int apply_events(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"partial"}, {}, 2);
    batch_options options;
    options.up_to_first_refusal = a.flag("partial");
    options.interrupted = catch_interruptions();  // from here on a signal abandons the batch, cleanly
    const std::string& dir = a.at(0, "DIR");
    event_source source(a.at(1, "FILE (events as JSON, a JSON array or JSON lines; - for standard input)"));
    if (const std::vector<event>* events = source.document()) return apply_document(dir, *events, options, io);
    return apply_lines(dir, source.lines(), options, io);
}

void print_dossier(const dossier_state* s, bool json, streams& io) {
    if (json) {
        io.out << boost::json::serialize(to_json(*s)) << '\n';
        return;
    }
    auto n = [](auto v) { return std::to_string(v); };
    io.out << tr("status.dossier", {s->dossier.id, s->dossier.product_name, s->dossier.district, s->edition, s->batch.value_or("-")}) << '\n';
    io.out << tr("status.phase", {label_or_id("phase", to_string(s->phase)), level_name(s->level), n(s->events), moment(s->updated_at)}) << '\n';
    for (const auto& c : s->results)
        io.out << tr("status.council", {level_name(c.level), n(c.round), decimal(c.mean_display), n(c.stars), moment(c.at)})
               << (c.from_paper.value_or(false) ? " " + tr("common.from_paper") : "") << '\n';
    if (const auto* cert = s->certificate())
        io.out << tr("status.certificate", {cert->number, n(cert->stars), day(cert->issued_on), day(cert->expires_on)}) << '\n';
    for (const auto& w : s->warnings) io.out << "  " << tr("common.warning", {w}) << '\n';
}

int status(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {}, 2);  // DIR [DOSSIER]
    sqlite_store store = sqlite_store::open_read_only(a.at(0, "DIR"));
    if (a.positional().size() > 1) {
        std::optional<dossier_state> s = store.dossier(a.positional()[1]);
        if (!s) throw ocop::error(errc::not_found, "", "no dossier \"" + a.positional()[1] + "\" in this campaign");
        print_dossier(&*s, a.flag("json"), io);
        return exit_ok;
    }
    const store_summary summary = store.summary();
    const campaign& c = summary.plan;
    std::int64_t dossiers = 0;
    for (const auto& [p, n] : summary.dossiers_by_phase) dossiers += n;
    if (a.flag("json")) {
        boost::json::object o{{"campaign", c.id}, {"edition", c.edition}, {"events", summary.events}, {"head", summary.head},
                              {"dossiers", dossiers}};
        boost::json::object by_phase;
        for (const auto& [p, n] : summary.dossiers_by_phase) by_phase[p] = n;
        o["by_phase"] = std::move(by_phase);
        io.out << boost::json::serialize(o) << '\n';
        return exit_ok;
    }
    io.out << tr("status.campaign", {c.id, c.plan, c.province, std::to_string(c.year), c.edition}) << '\n'
           << tr("status.counts", {std::to_string(dossiers), std::to_string(summary.events), summary.head}) << "\n\n";
    table t({tr("header.phase"), ">" + tr("header.dossiers")});
    for (const auto& [p, n] : summary.dossiers_by_phase) t.add({label_or_id("phase", p), std::to_string(n)});
    t.print(io.out);
    return exit_ok;
}

int report(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json", "csv", "markdown", "html"}, {"kind", "as-of", "xlsx"}, 1);
    a.exclusive({"json", "csv", "markdown", "html"});
    a.exclusive({"html", "xlsx"});
    a.exclusive({"html", "kind"});  // the HTML report is one document with its charts
    sqlite_store store = sqlite_store::open_read_only(a.at(0, "DIR"));
    const registry r = store.snapshot();
    date as_of = last_event_day(r);
    if (auto d = a.option("as-of")) {
        auto parsed = date::parse(*d);
        if (!parsed) throw usage_error("--as-of expects YYYY-MM-DD, found \"" + *d + "\"");
        as_of = *parsed;
    }
    const std::string kind = a.option("kind").value_or("all");
    if (a.flag("html")) {
        io.out << campaign_report_html(r, as_of, "");
        return exit_ok;
    }
    if (a.flag("json")) {
        try {
            io.out << boost::json::serialize(reports_json(r, as_of, kind)) << '\n';
        } catch (const std::invalid_argument& e) {
            throw usage_error(e.what());
        }
        return exit_ok;
    }
    std::vector<std::pair<std::string, grid>> grids;
    try {
        grids = report_grids(r, as_of, kind);
    } catch (const std::invalid_argument& e) {
        throw usage_error(e.what());
    }
    if (auto xlsx = a.option("xlsx")) {
        write_xlsx(*xlsx, grids, as_of);
        return exit_ok;
    }
    if (a.flag("csv")) io.out << utf8_bom;
    for (std::size_t i = 0; i < grids.size(); ++i) {
        const grid& g = grids[i].second;
        if (a.flag("csv")) io.out << (i ? "\n" : "") << to_csv(g, false);
        else if (a.flag("markdown")) io.out << to_markdown(g);
        else {
            print_text(io.out, g);
            io.out << '\n';
        }
    }
    return exit_ok;
}

}  // namespace

std::vector<command> campaign_commands() {
    return {
        campaign_new_command(),
        {"campaign init", "create a campaign kept on disk",
         "usage: ocop campaign init DIR (--campaign ID | --file CAMPAIGN.json) [--policy warn|enforce]\n"
         "Creates DIR (new or empty: nothing is overwritten) holding the campaign store campaign.sqlite:\n"
         "the plan, an empty hash-chained log, its head and the dossiers' snapshot (docs/cli.md).\n"
         "Built-in plans: hanoi-2021 (220/KH-UBND). --policy: events outside their step's window are\n"
         "recorded with a warning (warn, the plan's default) or refused (enforce).\n",
         init},
        {"campaign apply", "apply events to a campaign in one transaction, durably",
         "usage: ocop campaign apply DIR FILE [--partial]\n"
         "FILE (or - for standard input): one event as JSON, a JSON array of events, or JSON lines.\n"
         "JSON lines are applied as they are read, never held whole: OCOP_MAX_DOCUMENT_BYTES limits each\n"
         "line (256 MiB by default), a document the whole of it.\n"
         "All the events are committed in one transaction (one writer at a time), on disk when the commit\n"
         "returns; then each is acknowledged with \"ok INDEX TYPE DOSSIER\", or \"already INDEX TYPE DOSSIER\"\n"
         "when the same event is already in the log (a file can be re-run). A refused event is reported\n"
         "with the rule and its legal source and nothing is committed; with --partial the events before\n"
         "it are. Exit 1 then; exit 4 when nothing could be written (disk full, busy, interrupted).\n",
         apply_events},
        {"campaign status", "where the campaign or one dossier stands",
         "usage: ocop campaign status DIR [DOSSIER] [--json]\n"
         "Prints the dossiers by phase, or one dossier's state, from the snapshot. Opens the store read-only\n"
         "and checks the end of the hash chain (the whole chain: ocop campaign verify). Exit 5 when tampered.\n",
         status},
        {"campaign report", "the campaign's reports",
         "usage: ocop campaign report DIR [--kind all|registrations|results|candidates|recognised|overdue|progress]\n"
         "                            [--as-of YYYY-MM-DD] [--json | --csv | --markdown | --xlsx FILE | --html]\n"
         "--as-of defaults to the day of the last event in the log (the tool never reads the clock).\n"
         "--csv: UTF-8 with a byte order mark (Excel reads it), a header row per report, reports separated\n"
         "by an empty line; --xlsx FILE: a workbook with one sheet per report (FILE is replaced);\n"
         "--html: one printable page (A4, self-contained HTML, no --kind) with the registrations, results by\n"
         "stars per district and per industry as bar charts, the distribution of the mean scores with the\n"
         "star bands' edges, and the 5-star candidates.\n",
         report},
        campaign_analytics_command(),
    };
}

}  // namespace ocop::cli
