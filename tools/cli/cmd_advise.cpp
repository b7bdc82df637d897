// ocop advise FILE: what lifts a product a star (docs/scoring.md, "What lifts a product a star").

#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "language.hpp"
#include "ocop/advise.hpp"
#include "ocop/advise_json.hpp"
#include "ocop/council_json.hpp"
#include "ocop/json.hpp"
#include "ocop/scoring_json.hpp"
#include "table.hpp"

namespace ocop::cli {

namespace {

/// "1.3=5,2.1=0": a cost per criterion. The costs' range and the ids are checked by the library.
std::map<std::string, std::int64_t, std::less<>> parse_weights(const std::string& text) {
    std::map<std::string, std::int64_t, std::less<>> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        const std::size_t eq = item.find('=');
        std::size_t used = 0;
        try {
            if (eq == 0 || eq == std::string::npos) throw std::invalid_argument(item);
            out[item.substr(0, eq)] = std::stoll(item.substr(eq + 1), &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() - eq - 1)
            throw usage_error("--weights expects CRITERION=COST[,CRITERION=COST...], found \"" + item + "\"");
        start = end + 1;
    }
    return out;
}

int parse_count(const std::string& option, const std::string& text) {
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size()) throw usage_error("--" + option + " expects a whole number, found \"" + text + "\"");
    return value;
}

/// The advice for FILE: a scorecard, a council document or a whole advice request, detected from
/// its keys; the command's options override the request's.
advice advise_file(const std::string& text, const args& a) {
    const boost::json::value doc = parse_json(text);
    const auto* o = doc.if_object();
    const bool request = o && (o->contains("scorecard") || o->contains("council"));
    advice_request r = request ? parse_advice_request(text) : advice_request{};
    if (auto stars = a.option("stars")) r.options.target_stars = parse_count("stars", *stars);
    if (auto k = a.option("alternatives")) {
        const int n = parse_count("alternatives", *k);
        if (n < 1) throw usage_error("--alternatives expects 1 or more, found " + *k);
        r.options.alternatives = static_cast<std::size_t>(n);
    }
    if (auto w = a.option("weights")) r.options.weights = parse_weights(*w);
    if (request) return advise(embedded_catalog(), r);
    if (o && o->contains("scorecards")) return advise(embedded_catalog(), parse_council(text), r.options);
    return advise(embedded_catalog(), parse_scorecard(text), r.options);
}

void print_plan(std::ostream& out, const advice& a, const advice_plan& plan, bool weighted) {
    auto n = [](auto v) { return std::to_string(v); };
    out << tr("advise.plan", {n(plan.rank), n(plan.criteria_changed), decimal(plan.points_gained_display), decimal(plan.total_display),
                              n(plan.stars)})
        << (weighted ? tr("advise.plan_cost", {n(plan.cost)}) : "") << '\n';
    table t({tr("header.criterion"), tr("header.title"), ">" + tr("header.from"), tr("header.to"), tr("header.label"), ">" + tr("header.points"),
             ">" + tr("header.gain")});
    t.max_width(1, 30).max_width(4, 40);
    for (const auto& s : plan.steps)
        t.add({s.criterion, s.title, a.basis == "council" ? decimal(s.from_points) : s.from_level.value_or("-"),
               (s.case_id ? *s.case_id + "/" : "") + s.level, s.level_label, n(s.level_points), "+" + decimal(s.gain_display)});
    t.print(out);
    for (const auto& s : plan.steps)
        if (s.warning) out << tr("common.warning", {s.criterion + ": " + *s.warning}) << '\n';
}

void print_advice(std::ostream& out, const advice& a, bool weighted) {
    const product_set& set = *embedded_catalog().get(a.edition).find_set(a.set);
    out << tr(a.basis == "council" ? "advise.header_council" : "advise.header_scorecard", {std::to_string(a.members), set.code, set.name, a.edition})
        << '\n';
    out << tr("advise.now", {decimal(a.total_display), std::to_string(a.stars), std::to_string(a.target_stars)}) << '\n';
    if (a.basis == "council") out << tr("advise.council_model") << '\n';
    for (const auto& r : a.requirements)
        if (!r.reached) out << tr("advise.requirement_missed", {r.text, std::to_string(r.at_least_points)}) << '\n';
    if (a.status == advice_status::already_met) out << tr("advise.already_met", {std::to_string(a.target_stars)}) << '\n';
    if (a.status == advice_status::unreachable) out << tr("advise.unreachable", {std::to_string(a.target_stars)}) << '\n';
    if (a.status == advice_status::knocked_out) out << tr("advise.knocked_out") << '\n';
    for (const auto& r : a.reasons) out << "  - " << r << '\n';
    for (const auto& plan : a.plans) print_plan(out, a, plan, weighted);
    for (const auto& w : a.sheet_warnings) out << tr("common.warning", {w}) << '\n';
}

int advise_command(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"stars", "alternatives", "weights"}, 1);
    const advice result = advise_file(read_file(a.at(0, "FILE (a scorecard, a council or an advice request)")), a);
    if (a.flag("json")) io.out << boost::json::serialize(to_json(result)) << '\n';
    else print_advice(io.out, result, a.option("weights").has_value());
    return result.status == advice_status::reachable || result.status == advice_status::already_met ? exit_ok : exit_invalid;
}

}  // namespace

std::vector<command> advise_commands() {
    return {
        {"advise", "what lifts a product a star: the smallest sets of improvements, ranked",
         "usage: ocop advise FILE [--stars N] [--alternatives K] [--weights ID=COST,...] [--json]\n"
         "FILE: a scorecard, a council ({\"policy\", \"scorecards\"}) or an advice request\n"
         "({\"scorecard\" | \"council\", \"target\", \"alternatives\", \"weights\"}).\n"
         "Prints the smallest sets of level improvements that reach N stars (default: one more than now),\n"
         "the band and every minimum per star it requires, without a knock-out: fewest criteria, then\n"
         "fewest points (with --weights, the least total cost of the criteria changed), K alternatives\n"
         "(default 3). For a council, a step sets the criterion's mean to the level's points.\n"
         "Exit code 0 when the target is reached or held, 1 when it cannot be reached or a knock-out holds.\n",
         advise_command},
    };
}

}  // namespace ocop::cli
