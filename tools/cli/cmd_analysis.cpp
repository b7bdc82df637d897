// ocop council FILE --analysis | ocop analytics FILE | ocop campaign analytics DIR: the consistency
// of a council and the analytics of a campaign's councils (docs/scoring.md).

#include <iostream>

#include <boost/json/serialize.hpp>

#include "analytics_text.hpp"
#include "cli.hpp"
#include "language.hpp"
#include "ocop/campaign_analytics_json.hpp"
#include "ocop/council_analysis_json.hpp"
#include "ocop/recorded_councils.hpp"
#include "sqlite_store.hpp"

namespace ocop::cli {

namespace {

std::size_t top_rows(const args& a) {
    auto top = a.option("top");
    if (!top) return 5;
    if (top->empty() || top->find_first_not_of("0123456789") != std::string::npos || top->size() > 4)
        throw usage_error("--top takes a number of criteria, found \"" + *top + "\"");
    return std::stoul(*top);
}

int print_result(const campaign_analytics& r, const args& a, streams& io) {
    if (a.flag("json")) io.out << boost::json::serialize(to_json(r)) << '\n';
    else print_campaign_analytics(r, top_rows(a), io.out);
    return exit_ok;
}

int analytics(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"top"}, 1);
    return print_result(analyse_campaign(embedded_catalog(), parse_campaign_analytics(read_file(a.at(0, "FILE (councils JSON)")))), a, io);
}

int campaign_analytics_of_store(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {"json"}, {"top", "level"}, 1);
    sqlite_store store = sqlite_store::open_read_only(a.at(0, "DIR"));
    council_recorder recorder(embedded_catalog(), store.plan().council.value_or(council_policy{}), a.option("level"));
    store.for_each_event([&](const event& e) { recorder.add(e); });
    const campaign_analytics r = recorder.analyse();
    const int status = print_result(r, a, io);
    if (!a.flag("json") && r.from_paper > 0) io.out << tr("analytics.from_paper", {std::to_string(r.from_paper)}) << '\n';
    return status;
}

}  // namespace

int council_analysis_command(const std::string& text, const std::optional<std::string>& level, bool json, streams& io) {
    council_analysis_input in = parse_council_analysis(text);
    if (level) in.council.policy.level = *level;
    council_analysis a = analyse_council(embedded_catalog(), in);
    if (json) io.out << boost::json::serialize(to_json(a)) << '\n';
    else print_council_analysis(a, io.out);
    return exit_ok;
}

command analytics_command() {
    return {"analytics", "where a campaign's products lose points; totals per industry; councils to look at",
            "usage: ocop analytics FILE [--json] [--top N]\n"
            "FILE: {\"analysis\": {...}, \"councils\": [{\"id\", \"industry\", \"policy\"?, \"scorecards\": [...]}]}\n"
            "Prints, per product set, the criteria where products lose most points (share of the maximum\n"
            "reached; --top N of them, default 5), the councils' means and stars per industry, and the councils\n"
            "the consistency checks flag (docs/scoring.md, \"Campaign analytics\"). --json the whole result.\n"
            "The councils a campaign store recorded: ocop campaign analytics DIR.\n",
            analytics};
}

command campaign_analytics_command() {
    return {"campaign analytics", "the analytics of the councils a campaign's log records",
            "usage: ocop campaign analytics DIR [--level district|province|central] [--json] [--top N]\n"
            "Rebuilds every council round from the members' scorecards in the log (scorecard_recorded, then\n"
            "the council_result that closes the round), with the campaign's council policy, and prints what\n"
            "ocop analytics prints for them; each council is named \"DOSSIER LEVEL ROUND\". --level keeps the\n"
            "rounds at one level. Results entered from paper have no scorecards: they are counted, not analysed.\n"
            "Opens the store read-only and checks the whole hash chain as it reads.\n",
            campaign_analytics_of_store};
}

}  // namespace ocop::cli
