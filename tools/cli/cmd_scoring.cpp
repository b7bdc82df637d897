// ocop validate FILE | score FILE | council FILE

#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "ocop/campaign_json.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_analysis_json.hpp"
#include "ocop/council_json.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"
#include "language.hpp"
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

std::string state_name(criterion_state s) { return label_or_id("criterion_state", to_string(s)); }

std::string outcome_name(evaluation_outcome o) { return label_or_id("outcome", to_string(o)); }

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

int score_command(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"explain", "json"}, {}, 1);
    scorecard card = parse_scorecard(read_file(a.at(0, "FILE (a scorecard JSON)")));
    scorecard_result r = score(embedded_catalog(), card);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(r)) << '\n';
        return exit_ok;
    }
    const product_set& set = *embedded_catalog().get(r.edition).find_set(r.set);
    io.out << tr("score.header", {r.evaluator.empty() ? tr("score.no_evaluator") : r.evaluator, set.code, set.name, r.edition}) << '\n';
    if (a.flag("explain")) {
        table t({tr("header.criterion"), tr("header.title"), tr("header.level_id"), tr("header.label"), ">" + tr("header.points"),
                 ">" + tr("header.max"), tr("header.note")});
        t.max_width(1, 32).max_width(3, 44).max_width(6, 40);
        for (const auto& c : r.criteria)
            t.add({c.criterion, c.title, c.case_id ? *c.case_id + "/" + c.level.value_or("") : c.level.value_or("-"),
                   c.level_label.value_or(""), std::to_string(c.points), std::to_string(c.max_points),
                   state_name(c.state)});
        t.print(io.out);
        io.out << tr("catalog.source", {set.origin.sheet}) << '\n';
    }
    auto n = [](int v) { return std::to_string(v); };
    for (const auto& p : r.parts) io.out << tr("score.part", {p.id, n(p.points), n(p.max_points)}) << '\n';
    io.out << tr("score.total", {n(r.total), n(r.max_total), outcome_name(r.outcome)}) << '\n';
    for (const auto& k : r.knockouts)
        io.out << (k.criterion.empty() ? tr("score.knockout_set", {k.rule, k.text}) : tr("score.knockout_at", {k.criterion, k.rule, k.text}))
               << '\n';
    if (r.band_stars != r.stars || !r.caps.empty()) io.out << tr("score.band", {n(r.band_stars)}) << '\n';
    for (const auto& c : r.caps) io.out << tr("score.cap", {n(c.capped_to), c.text}) << '\n';
    io.out << tr("score.stars", {n(r.stars)}) << '\n';
    for (const auto& w : r.sheet_warnings) io.out << tr("common.warning", {w}) << '\n';
    if (r.sheet_verification) io.out << tr("score.sheet_verification", {verification_text(*r.sheet_verification)}) << '\n';
    for (const auto& c : r.criteria)
        if (c.verification) io.out << tr("score.criterion_verification", {c.criterion, verification_text(*c.verification)}) << '\n';
    return exit_ok;
}

int council_command(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"explain", "json", "analysis"}, {"level"}, 1);
    const std::string text = read_file(a.at(0, "FILE (a council JSON)"));
    if (a.flag("analysis")) {
        a.exclusive({"analysis", "explain"});
        return council_analysis_command(text, a.option("level"), a.flag("json"), io);
    }
    council_input in = parse_council_analysis(text).council;  // its "analysis" thresholds serve --analysis only
    if (auto level = a.option("level")) in.policy.level = *level;
    council_result r = evaluate_council(embedded_catalog(), in);
    if (a.flag("json")) {
        io.out << boost::json::serialize(to_json(r)) << '\n';
        return exit_ok;
    }
    const product_set& set = *embedded_catalog().get(r.edition).find_set(r.set);
    auto n = [](auto v) { return std::to_string(v); };
    io.out << tr("council.header", {n(r.members.size()), set.code, set.name, r.edition}) << '\n';
    table members({tr("header.member"), ">" + tr("header.total"), tr("header.outcome")});
    for (const auto& m : r.members) members.add({m.evaluator, n(m.total), outcome_name(m.outcome)});
    members.print(io.out);
    if (a.flag("explain")) {
        table t({tr("header.criterion"), tr("header.title"), ">" + tr("header.mean"), ">" + tr("header.max")});
        t.max_width(1, 40);
        for (std::size_t i = 0; i < r.criterion_means.size(); ++i)
            t.add({r.criterion_means[i].id, set.criteria[i].title, decimal(r.criterion_means[i].mean), n(r.criterion_means[i].max_points)});
        t.print(io.out);
    }
    for (const auto& p : r.part_means) io.out << tr("score.part", {p.id, decimal(p.mean), n(p.max_points)}) << '\n';
    io.out << tr("council.mean", {decimal(r.mean_display), n(r.mean.numerator), n(r.mean.denominator), n(r.band_stars), r.band_meaning})
           << '\n';
    for (const auto& c : r.caps)
        io.out << tr("council.cap", {n(c.capped_to), c.criterion, decimal(c.criterion_mean), n(c.required_points), c.text, c.source}) << '\n';
    if (r.knockout.outcome != evaluation_outcome::evaluated)
        io.out << tr("council.knockout", {outcome_name(r.knockout.outcome), r.knockout.rule, n(r.knockout.members_reporting), r.knockout.text})
               << '\n';
    io.out << tr("council.stars", {n(r.stars)})
           << (r.recognisable ? tr("council.recognised_by", {level_name(*r.recognised_by)}) : tr("council.not_recognisable"))
           << (r.forward_to ? tr("council.forward_to", {level_name(*r.forward_to)}) : "") << '\n';
    for (const auto& w : r.warnings) io.out << tr("common.warning", {w}) << '\n';
    if (r.sheet_verification) io.out << tr("score.sheet_verification", {verification_text(*r.sheet_verification)}) << '\n';
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
         "usage: ocop score FILE [--explain] [--json]\n"
         "FILE: {\"edition\", \"set\", \"evaluator\", \"answers\": {criterion: level | {case, level}}, \"knockouts\": [...]}\n"
         "--explain prints every criterion: level, label, points, maximum; --json the whole result.\n",
         score_command},
        {"council", "aggregate a council's scorecards for one product",
         "usage: ocop council FILE [--explain | --analysis] [--json] [--level district|province|central]\n"
         "FILE: {\"policy\": {...}, \"scorecards\": [...], \"analysis\": {...}}; prints members' totals, the exact\n"
         "mean, the band, caps from minimum requirements, knock-outs, stars, who may recognise them and forwarding.\n"
         "--explain adds the per-criterion means. --analysis prints the council's consistency instead: each\n"
         "member against the others, the criteria it disagreed on most, Krippendorff's alpha, members who\n"
         "decide the stars alone, the nearest band edge, and what the thresholds of \"analysis\" flag.\n",
         council_command},
        analytics_command(),
    };
}

}  // namespace ocop::cli
