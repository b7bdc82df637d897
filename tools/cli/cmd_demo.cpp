// ocop demo hanoi-2021 [--seed N] [--out DIR] [--json]

#include <chrono>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "demo_hanoi.hpp"
#include "ocop/reports.hpp"
#include "ocop/workflow_json.hpp"
#include "output_dir.hpp"
#include "report_grid.hpp"
#include "sqlite_store.hpp"

namespace ocop::cli {

namespace {

/// The campaign store of the run (campaign.sqlite), its log and head in the interchange format
/// (events.jsonl, head), and each report as JSON, CSV and Markdown. `dir` is new or empty.
void write_outputs(const std::string& dir, const registry& r, date as_of, std::uint64_t seed) {
    namespace fs = std::filesystem;
    std::vector<event> events;
    for (const auto& entry : r.log().entries()) events.push_back(event_from_json(entry.event));
    sqlite_store::create_in(dir, *r.campaign(), events);
    write_file((fs::path(dir) / "events.jsonl").string(), r.log().export_jsonl());
    write_file((fs::path(dir) / "head").string(), r.log().head() + "\n");
    write_file((fs::path(dir) / "reports.json").string(), boost::json::serialize(reports_json(r, as_of, "all")) + "\n");
    std::string markdown = "# Hanoi 2021 OCOP evaluation (Plan 220/KH-UBND): synthetic run, seed " + std::to_string(seed) +
                           "\n\nThe scorecards are SYNTHETIC (generated, not real evaluations); the registrations follow appendix 01 "
                           "of the plan and the dates appendix 02. Reports as of " + as_of.to_string() + ".\n\n";
    for (const auto& [name, g] : report_grids(r, as_of, "all")) {
        write_file((fs::path(dir) / (name + ".csv")).string(), to_csv(g));
        markdown += to_markdown(g);
    }
    write_file((fs::path(dir) / "reports.md").string(), markdown);
}

int demo(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"seed", "out"}, 1);
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
    if (auto out = a.option("out")) write_outputs(*out, r, as_of, seed);

    if (a.flag("json")) {
        io.out << boost::json::serialize(reports_json(r, as_of, "all")) << '\n';
        return exit_ok;
    }
    const campaign& plan = *r.campaign();
    io.out << "Hanoi 2021 OCOP evaluation · Plan " << plan.plan << " · edition " << plan.edition << " · SYNTHETIC scorecards, seed " << seed
           << "\n\n";
    count_matrix registered = registrations_by_district(r);
    count_matrix planned = planned_registrations(plan);
    print_text(io.out, grid_of(registered, "Registrations by district and industry (appendix 01 reproduced)", "District"));
    io.out << (registered.table.size() == planned.table.size() && registered.column_totals == planned.column_totals &&
                       registered.total == planned.total
                   ? "matches appendix 01: "
                   : "DIFFERS from appendix 01: ")
           << registered.total << " products; by industry";
    for (int n : registered.column_totals) io.out << ' ' << n;
    io.out << "\n\n";
    auto results = results_by_stars(r);
    print_text(io.out, grid_of(results.by_district, "Results by stars per district (0★: knocked out)", "District"));
    io.out << '\n';
    print_text(io.out, grid_of(results.by_industry, "Results by stars per industry", "Industry"));
    io.out << '\n';
    print_text(io.out, grid_of(five_star_candidates(r)));
    io.out << '\n' << figures.dossiers << " dossiers, " << figures.councils << " councils, " << figures.scorecards << " scorecards, "
           << figures.events << " events (" << figures.returned << " dossiers returned at appraisal, " << figures.completions
           << " completed between the rounds, " << figures.knocked_out << " knocked out); " << figures.with_warnings
           << " dossiers with a warning (events outside appendix 02's windows); log head " << r.log().head() << '\n';
    if (auto out = a.option("out"))
        io.out << "wrote the campaign store, the event log and the reports (JSON, CSV, Markdown) to " << *out << '\n';
    io.out << "took " << elapsed << " ms\n";
    return exit_ok;
}

}  // namespace

std::vector<command> demo_commands() {
    return {
        {"demo", "run the Hanoi 2021 evaluation end to end (synthetic scorecards)",
         "usage: ocop demo hanoi-2021 [--seed N] [--out DIR] [--json]\n"
         "Registers the 541 products of Plan 220/KH-UBND appendix 01, scores them with deterministic\n"
         "SYNTHETIC councils of 7 to 11 members, runs both batches through the district, appraisal,\n"
         "round 1, completion, round 2, decision, certificates and 5-star candidacy inside appendix 02's\n"
         "windows, and prints the registrations matrix, results by stars per district and industry and the\n"
         "5-star candidates. --out DIR (new or empty: nothing is overwritten) writes the campaign store\n"
         "campaign.sqlite, the log as events.jsonl and head, reports.json, reports.md and one CSV per\n"
         "report; the same seed (default 2021) gives byte-identical files (the store: the same entries).\n",
         demo},
    };
}

}  // namespace ocop::cli
