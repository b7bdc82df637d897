// ocop campaign new: a campaign template from an edition's procedure (docs/cli.md, "A new campaign")

#include <boost/json/serialize.hpp>

#include "cli.hpp"
#include "language.hpp"
#include "ocop/json.hpp"
#include "ocop/procedure.hpp"

namespace ocop::cli {

namespace {

/// JSON with one member a line, indented, so that a person can fill the template in.
void write_indented(std::string& out, const boost::json::value& v, std::size_t depth) {
    const std::string pad(2 * (depth + 1), ' '), end(2 * depth, ' ');
    if (const auto* o = v.if_object(); o && !o->empty()) {
        out += "{\n";
        std::size_t i = 0;
        for (const auto& kv : *o) {
            out += pad + boost::json::serialize(boost::json::string(kv.key())) + ": ";
            write_indented(out, kv.value(), depth + 1);
            out += ++i < o->size() ? ",\n" : "\n";
        }
        out += end + "}";
    } else if (const auto* a = v.if_array(); a && !a->empty()) {
        out += "[\n";
        for (std::size_t i = 0; i < a->size(); ++i) {
            out += pad;
            write_indented(out, (*a)[i], depth + 1);
            out += i + 1 < a->size() ? ",\n" : "\n";
        }
        out += end + "]";
    } else {
        out += boost::json::serialize(v);
    }
}

const procedure& edition_procedure(const std::string& edition_id) {
    std::string known;
    for (const auto& p : embedded_procedures().items()) {
        if (p.edition == edition_id) return p;
        known += (known.empty() ? "" : ", ") + p.edition;
    }
    throw usage_error("unknown edition \"" + edition_id + "\"; expected one of " + known);
}

int parse_year(const std::string& text, const procedure& p) {
    int year = 0;
    try {
        std::size_t used = 0;
        year = std::stoi(text, &used);
        if (used != text.size()) year = 0;
    } catch (const std::exception&) {
        year = 0;
    }
    const int last = p.valid_until ? p.valid_until->year : 9999;
    if (year < p.valid_from.year || year > last)
        throw usage_error("--year " + text + " is outside edition " + p.edition + "'s validity (from " + p.valid_from.to_string() +
                          (p.valid_until ? " until " + p.valid_until->to_string() : std::string(", still in force")) + ")");
    return year;
}

/// The people who lead a step: the roles of its rule, by their names in the output language.
std::string lead_of(const event_rule& rule) {
    std::string out;
    for (role r : rule.roles) out += (out.empty() ? "" : "; ") + label_or_id("role", to_string(r));
    return out;
}

/// Whether a plan schedules the event: not a registration (any time before the batch), a withdrawal
/// (the subject's choice), an expiry (the certificate's date) or a member's scorecard (no window is
/// checked for it: its round's council_result has one, docs/workflow.md).
bool scheduled(event_type t) {
    return t != event_type::registered && t != event_type::withdrawn && t != event_type::certificate_expired &&
           t != event_type::scorecard_recorded;
}

/// One step per scheduled event a level takes, each with one empty window for batch 1.
boost::json::array template_steps(const procedure& p) {
    boost::json::array steps;
    for (const auto& level : p.levels)
        for (const auto& rule : level.events) {
            if (!scheduled(rule.type)) continue;
            boost::json::object window{{"batch", "1"}, {"window", boost::json::object{}}};
            steps.push_back(boost::json::object{
                {"step", static_cast<std::int64_t>(steps.size() + 1)},
                {"what", tr("new.step", {label_or_id("level", level.id), to_string(rule.type), rule.source})},
                {"lead", lead_of(rule)},
                {"events", boost::json::array{boost::json::object{{"type", to_string(rule.type)}, {"level", level.id}}}},
                {"waiting", boost::json::array{}},
                {"windows", boost::json::array{window}}});
        }
    return steps;
}

int campaign_new(const std::vector<std::string>& argv, streams& io) {
    args a(argv, {}, {"province", "year", "edition", "id", "out"}, 0);
    auto need = [&](const char* name) {
        auto v = a.option(name);
        if (!v || v->empty()) throw usage_error(std::string("missing --") + name + " (usage: ocop campaign new --help)");
        return *v;
    };
    const std::string province = need("province");
    const procedure& p = edition_procedure(need("edition"));
    const int year = parse_year(need("year"), p);
    boost::json::array legal_basis;
    for (const auto& b : p.legal_basis) legal_basis.push_back(boost::json::string(b));
    boost::json::object doc{
        {"id", a.option("id").value_or("campaign-" + std::to_string(year))},
        {"plan", ""},
        {"issuer", ""},
        {"issued_on", ""},
        {"province", province},
        {"year", year},
        {"edition", p.edition},
        {"legal_basis", legal_basis},
        {"policy", "warn"},
        {"industries", boost::json::array{}},
        {"districts", boost::json::array{}},
        {"units", boost::json::array{}},
        {"units_source", ""},
        {"batches", boost::json::array{boost::json::object{{"id", "1"}, {"name", tr("new.batch", {"1"})}}}},
        {"steps", template_steps(p)},
        {"planned", boost::json::array{}},
        {"after_approval", boost::json::array{}},
        {"source", ""}};
    std::string text;
    write_indented(text, doc, 0);
    text += '\n';
    if (auto out = a.option("out")) write_file(*out, text);
    else io.out << text;
    return exit_ok;
}

}  // namespace

command campaign_new_command() {
    return {"campaign new", "write a campaign template for an edition, to fill in",
            "usage: ocop campaign new --province NAME --year YYYY --edition ID [--id ID] [--out FILE]\n"
            "Writes a campaign (the format of ocop campaign init --file) with the edition's legal basis and one\n"
            "step per scheduled event of its procedure (not registration, withdrawal or expiry), each with an\n"
            "empty window for batch 1, to standard output or FILE. Fill in plan, issuer, issued_on, source and\n"
            "every window, then check it with ocop validate FILE: each field still to fill in is named by its\n"
            "JSON path (docs/cli.md). Exit 2 for an unknown edition or a year outside the edition's validity.\n",
            campaign_new};
}

}  // namespace ocop::cli
