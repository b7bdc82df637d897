// ocop validate FILE | score FILE | council FILE

#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "event_input.hpp"
#include "ocop/campaign_json.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_analysis_json.hpp"
#include "ocop/council_json.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"
#include "html_documents.hpp"
#include "language.hpp"
#include "scoring_text.hpp"
#include "table.hpp"

namespace ocop::cli {

namespace {

/// The fields a campaign template (ocop campaign new) leaves to fill in: empty strings, windows
/// without dates and the empty list of administrative units, each by its JSON Pointer path.
void find_unfilled(const boost::json::value& v, const std::string& at, problem_list& problems) {
    if (const auto* s = v.if_string(); s && s->empty()) problems.add(at, tr("validate.unfilled"));
    if (const auto* a = v.if_array(); a && a->empty() && at == "/units") problems.add(at, tr("validate.unfilled_units"));
    if (const auto* o = v.if_object()) {
        if (at.ends_with("/window") && o->empty()) problems.add(at, tr("validate.unfilled_window"));
        for (const auto& kv : *o) find_unfilled(kv.value(), json_path(at, kv.key()), problems);
    }
    if (const auto* a = v.if_array())
        for (std::size_t i = 0; i < a->size(); ++i) find_unfilled((*a)[i], json_path(at, i), problems);
}

/// A campaign: every field still to fill in first, all of them, then the campaign's own checks.
void load_campaign_template(const std::string& text) {
    problem_list unfilled;
    find_unfilled(parse_json(text), "", unfilled);
    unfilled.throw_if_any(errc::invalid_document);
    load_campaign(text);
}

/// A council document: evaluated, and analysed too when it has 2 members or more (its "analysis"
/// thresholds are checked either way).
void analyse_or_evaluate(const std::string& text) {
    council_analysis_input in = parse_council_analysis(text);
    if (in.council.scorecards.size() >= 2) analyse_council(embedded_catalog(), in);
    else evaluate_council(embedded_catalog(), in.council);
}

/// Which kind of document a file holds, from its keys (or --kind).
std::string detect_kind(const boost::json::value& doc) {
    const auto* o = doc.if_object();
    if (!o) return "unknown";
    if (o->contains("star_bands")) return "edition";
    if (o->contains("sections")) return "set";
    if (o->contains("scorecards")) return "council";
    if (o->contains("answers")) return "scorecard";
    if (o->contains("payload")) return "events";
    if (o->contains("steps") && o->contains("batches")) return "campaign";
    return "unknown";
}

/// The kind of a file that is not one JSON document: an exported log ("index" and "hash" on each
/// line) or events as JSON lines.
std::string detect_lines_kind(const std::string& text) {
    std::string first = text.substr(0, text.find('\n'));
    return first.find("\"hash\"") != std::string::npos && first.find("\"index\"") != std::string::npos ? "log" : "events";
}

int validate(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {"kind", "edition", "date"}, 1);
    const std::string& file = a.at(0, "FILE");
    std::string text = read_file(file);
    std::string kind = a.option("kind").value_or("");
    try {
        if (kind.empty()) {
            try {
                boost::json::value doc = parse_json(text);
                kind = doc.is_array() ? "events" : detect_kind(doc);
            } catch (const ocop::error& e) {
                if (text.find('\n') == std::string::npos || text.find('\n') + 1 >= text.size()) throw;
                kind = detect_lines_kind(text);  // several JSON documents, one a line
            }
        }
        if (kind == "edition") load_edition(text);
        else if (kind == "set") with_set(choose_edition(embedded_catalog(), a), text);
        else if (kind == "scorecard") score(embedded_catalog(), parse_scorecard(text));
        else if (kind == "council") analyse_or_evaluate(text);
        else if (kind == "events") read_events(text);
        else if (kind == "campaign") load_campaign_template(text);
        else if (kind == "log") event_log::import_jsonl(text).verify_or_throw();
        else
            throw usage_error("cannot tell what " + file + " holds; name it with --kind edition|set|scorecard|council|events|log|campaign");
    } catch (const ocop::error& e) {
        print_error(io.err, e, file);
        io.err << tr("validate.problems", {file, std::to_string(e.problems().size()), kind.empty() ? "document" : kind}) << '\n';
        return exit_code_for(e);
    }
    io.out << tr("validate.valid", {file, kind}) << '\n';
    return exit_ok;
}

/// A grid as an aligned table, its columns wrapped at the given widths (column, width).
void print_grid(std::ostream& out, const grid& g, std::initializer_list<std::pair<std::size_t, std::size_t>> widths) {
    table t(g.headers);
    for (const auto& [column, width] : widths) t.max_width(column, width);
    for (const auto& row : g.rows) t.add(row);
    t.print(out);
}

void print_lines(std::ostream& out, const std::vector<std::string>& lines) {
    for (const auto& line : lines) out << line << '\n';
}

int score_command(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"explain", "json", "html"}, {}, 1);
    a.exclusive({"json", "html"});
    scorecard card = parse_scorecard(read_file(a.at(0, "FILE (a scorecard JSON)")));
    scorecard_result r = score(embedded_catalog(), card);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(r)) << '\n';
        return exit_ok;
    }
    const edition& ed = embedded_catalog().get(r.edition);
    const product_set& set = *ed.find_set(r.set);
    if (a.flag("html")) {
        io.out << scorecard_html(r, ed, set);
        return exit_ok;
    }
    io.out << scorecard_heading(r, set) << '\n';
    if (a.flag("explain")) {
        print_grid(io.out, scorecard_grid(r), {{1, 32}, {3, 44}, {6, 40}});
        io.out << tr("catalog.source", {set.origin.sheet}) << '\n';
    }
    print_lines(io.out, scorecard_lines(r));
    return exit_ok;
}

int council_command(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"explain", "json", "html", "analysis"}, {"level"}, 1);
    a.exclusive({"json", "html"});
    const std::string text = read_file(a.at(0, "FILE (a council JSON)"));
    if (a.flag("analysis")) {
        a.exclusive({"analysis", "explain"});
        a.exclusive({"analysis", "html"});
        return council_analysis_command(text, a.option("level"), a.flag("json"), io);
    }
    council_input in = parse_council_analysis(text).council;  // its "analysis" thresholds serve --analysis only
    if (auto level = a.option("level")) in.policy.level = *level;
    council_result r = evaluate_council(embedded_catalog(), in);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(r)) << '\n';
        return exit_ok;
    }
    const edition& ed = embedded_catalog().get(r.edition);
    const product_set& set = *ed.find_set(r.set);
    if (a.flag("html")) {
        io.out << council_html(in, r, ed, set);
        return exit_ok;
    }
    io.out << council_heading(r, set) << '\n';
    print_grid(io.out, members_grid(r), {});
    if (a.flag("explain")) print_grid(io.out, criterion_means_grid(r, set), {{1, 40}});
    print_lines(io.out, council_lines(r));
    return exit_ok;
}

}  // namespace

std::vector<command> scoring_commands() {
    return {
        {"validate", "check a catalog, set, scorecard, council, events or log file",
         "usage: ocop validate FILE [--kind edition|set|scorecard|council|events|log|campaign] [--edition ID | --date YYYY-MM-DD]\n"
         "Checks FILE and prints every problem with its JSON path. The kind is detected from the keys.\n"
         "events: one event, a JSON array or JSON lines (their shape; whether the procedure accepts them\n"
         "is checked by `ocop campaign apply`). log: an exported event log, whose hash chain is verified.\n"
         "A set is checked against the edition named by --edition/--date (default: the only one).\n"
         "Exit code 0 when valid, 1 when invalid, 5 when a log's chain does not verify.\n",
         validate},
        {"score", "score one scorecard",
         "usage: ocop score FILE [--explain] [--json | --html]\n"
         "FILE: {\"edition\", \"set\", \"evaluator\", \"answers\": {criterion: level | {case, level}}, \"knockouts\": [...]}\n"
         "--explain prints every criterion: level, label, points, maximum; --json the whole result;\n"
         "--html the scorecard with its explanation as a printable page (A4, self-contained HTML).\n",
         score_command},
        {"council", "aggregate a council's scorecards for one product",
         "usage: ocop council FILE [--explain | --analysis] [--json | --html] [--level district|province|central]\n"
         "FILE: {\"policy\": {...}, \"scorecards\": [...], \"analysis\": {...}}; prints members' totals, the exact\n"
         "mean, the band, caps from minimum requirements, knock-outs, stars, who may recognise them and forwarding.\n"
         "--explain adds the per-criterion means; --html prints the council's summary minutes as a printable\n"
         "page (A4, self-contained HTML): every member's points per criterion, the means, the stars. --analysis\n"
         "prints the council's consistency instead: each member against the others, the criteria it disagreed\n"
         "on most, Krippendorff's alpha, members who decide the stars alone, the nearest band edge, and what\n"
         "the thresholds of \"analysis\" flag.\n",
         council_command},
        analytics_command(),
    };
}

}  // namespace ocop::cli
