// ocop demo hanoi-2021 [--seed N] [--out DIR] [--json]

#include <chrono>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <boost/json/serialize.hpp>

#include "analytics_text.hpp"
#include "cli.hpp"
#include "demo_hanoi.hpp"
#include "html_documents.hpp"
#include "ocop/campaign_analytics_json.hpp"
#include "ocop/recorded_councils.hpp"
#include "ocop/reports.hpp"
#include "ocop/workflow_json.hpp"
#include "output_dir.hpp"
#include "report_grid.hpp"
#include "language.hpp"
#include "sqlite_store.hpp"
#include "xlsx_writer.hpp"

namespace ocop::cli {

namespace {

/// The campaign store of the run (campaign.sqlite), its log and head in the interchange format
/// (events.jsonl, head), each report as JSON, CSV (with a BOM) and Markdown, all of them as one
/// workbook (reports.xlsx), the printable report with its charts (report.html) and the councils'
/// analytics (analytics.json). `dir` is new or empty.
void write_outputs(const std::string& dir, const registry& r, const campaign_analytics& analytics, date as_of, std::uint64_t seed) {
    namespace fs = std::filesystem;
    std::vector<event> events;
    for (const auto& entry : r.log().entries()) events.push_back(parse_event(entry.event));
    sqlite_store::create_in(dir, *r.campaign(), events);
    write_file((fs::path(dir) / "events.jsonl").string(), r.log().export_jsonl());
    write_file((fs::path(dir) / "head").string(), r.log().head() + "\n");
    write_file((fs::path(dir) / "reports.json").string(), boost::json::serialize(reports_json(r, as_of, "all")) + "\n");
    std::string markdown = "# " + tr("demo.markdown_title", {std::to_string(seed)}) + "\n\n" + tr("demo.markdown_note", {day(as_of)}) + "\n\n";
    const auto grids = report_grids(r, as_of, "all");
    for (const auto& [name, g] : grids) {
        write_file((fs::path(dir) / (name + ".csv")).string(), to_csv(g));
        markdown += to_markdown(g);
    }
    write_file((fs::path(dir) / "reports.md").string(), markdown);
    write_xlsx((fs::path(dir) / "reports.xlsx").string(), grids, as_of);
    write_file((fs::path(dir) / "report.html").string(), campaign_report_html(r, as_of, tr("demo.markdown_note", {day(as_of)})));
    write_file((fs::path(dir) / "analytics.json").string(), boost::json::serialize(to_json(analytics)) + "\n");
}

int demo(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"seed", "out", "xlsx"}, 1);
    if (auto out = a.option("out")) prepare_empty_directory(*out);  // before the run: refuse early, overwrite nothing
    const std::string& which = a.at(0, "the demo's name (hanoi-2021)");
    if (which != "hanoi-2021") throw usage_error("unknown demo \"" + which + "\" (available: hanoi-2021)");
    std::uint64_t seed = 2021;
    if (auto s = a.option("seed")) {
        bool digits = !s->empty() && s->size() <= 19 && s->find_first_not_of("0123456789") == std::string::npos;
        if (!digits) throw usage_error("--seed expects a non-negative integer, found \"" + *s + "\"");
        seed = std::stoull(*s);
    }
    const bool bar = ::isatty(STDERR_FILENO) != 0;
    auto started = std::chrono::steady_clock::now();
    demo_figures figures;
    registry r = run_hanoi_2021(seed, figures, [&](std::size_t done, std::size_t total) {
        if (!bar || (done % 10 != 0 && done != total)) return;
        std::size_t filled = done * 40 / total;
        io.err << "\r[" << std::string(filled, '#') << std::string(40 - filled, ' ') << "] " << done << "/" << total << " dossiers"
               << (done == total ? "\n" : "") << std::flush;
    });
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    const date as_of = last_event_day(r);
    const campaign_analytics analytics = recorded_councils(r).analyse();  // every council rebuilt from its logged cards
    if (auto out = a.option("out")) write_outputs(*out, r, analytics, as_of, seed);
    if (auto xlsx = a.option("xlsx")) write_xlsx(*xlsx, report_grids(r, as_of, "all"), as_of);

    if (a.flag("json")) {
        io.out << boost::json::serialize(reports_json(r, as_of, "all")) << '\n';
        return exit_ok;
    }
    const campaign& plan = *r.campaign();
    io.out << tr("demo.title", {plan.plan, plan.edition, std::to_string(seed)}) << "\n\n";
    count_matrix registered = registrations_by_district(r);
    count_matrix planned = planned_registrations(plan);
    print_text(io.out, grid_of(registered, tr("report.registrations_appendix"), tr("header.district"), &plan));
    const bool matches = registered.table.size() == planned.table.size() && registered.column_totals == planned.column_totals &&
                         registered.total == planned.total;
    io.out << tr(matches ? "demo.matches" : "demo.differs", {std::to_string(registered.total)});
    for (int n : registered.column_totals) io.out << ' ' << n;
    io.out << "\n\n";
    auto results = results_by_stars(r);
    print_text(io.out, grid_of(results.by_district, tr("report.results_by_district_demo"), tr("header.district"), &plan));
    io.out << '\n';
    print_text(io.out, grid_of(results.by_industry, tr("report.results_by_industry"), tr("header.industry"), &plan));
    io.out << '\n';
    print_text(io.out, grid_of(five_star_candidates(r), &plan));
    auto n = [](auto v) { return std::to_string(v); };
    io.out << '\n'
           << tr("demo.figures", {n(figures.dossiers), n(figures.councils), n(figures.scorecards), n(figures.events), n(figures.returned),
                                  n(figures.completions), n(figures.knocked_out), n(figures.with_warnings), r.log().head()})
           << "\n\n";
    print_analytics_summary(analytics, 5, io.out);
    io.out << '\n';
    if (auto out = a.option("out")) io.out << tr("demo.wrote", {*out}) << '\n';
    io.out << tr("demo.took", {std::to_string(elapsed)}) << '\n';
    return exit_ok;
}

}  // namespace

std::vector<command> demo_commands() {
    return {
        {"demo", "run the Hanoi 2021 evaluation end to end (synthetic scorecards)",
         "usage: ocop demo hanoi-2021 [--seed N] [--out DIR] [--xlsx FILE] [--json]\n"
         "Registers the 541 products of Plan 220/KH-UBND appendix 01, scores them with deterministic\n"
         "SYNTHETIC councils of 7 to 11 members, runs both batches through the district, appraisal,\n"
         "round 1, completion, round 2, decision, certificates and 5-star candidacy inside appendix 02's\n"
         "windows, and prints the registrations matrix, results by stars per district and industry and the\n"
         "5-star candidates. --out DIR (new or empty: nothing is overwritten) writes the campaign store\n"
         "campaign.sqlite, the log as events.jsonl and head, reports.json, reports.md, one CSV per report\n"
         "(UTF-8 with a byte order mark), reports.xlsx (one sheet per report), report.html (the report\n"
         "with its charts, printable, self-contained) and analytics.json (the councils' consistency and the\n"
         "criteria where products lose points, rebuilt from the scorecards in the log); --xlsx FILE writes the workbook alone. The same\n"
         "seed (default 2021) gives byte-identical files (the store: the same entries).\n",
         demo},
    };
}

}  // namespace ocop::cli
