// The workflow's transitions: apply(state, event) with the procedure's roles and guards.
// Every refusal names the rule and the legal source it comes from (procedure data).

#include "ocop/workflow.hpp"

#include <algorithm>
#include <initializer_list>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/dossier_check.hpp"
#include "ocop/detail/embedded_edition.hpp"
#include "ocop/detail/enum_text.hpp"
#include "ocop/detail/timestamp_fields.hpp"
#include "ocop/detail/workflow_step.hpp"
#include "ocop/error.hpp"
#include "ocop/transition.hpp"

namespace ocop {

namespace {

using detail::editions_source;
using detail::lazy_edition;
using detail::enum_name;
using step = detail::workflow_step;
using detail::expect_phase;
using detail::refuse;
using detail::stars_text;

std::string list_text(const std::vector<int>& stars) {
    std::string out;
    for (std::size_t i = 0; i < stars.size(); ++i)
        out += (i == 0 ? "" : i + 1 == stars.size() ? " and " : ", ") + stars_text(stars[i]);
    return out.empty() ? "no stars" : out;
}

/// The edition's catalog when the library holds all of it; an edition of which only some sheets are
/// known (148: one) checks neither dossiers nor council results, as one without a catalog.
const edition* find_edition(const editions_source& cat, std::string_view id) {
    const edition* ed = cat.find(id);
    return ed && !ed->other_sets_unavailable ? ed : nullptr;
}

void check_role(const procedure& proc, const procedure_level& level, const event_rule& rule, const event& e) {
    if (std::find(rule.roles.begin(), rule.roles.end(), e.actor_role) != rule.roles.end()) return;
    std::string allowed;
    for (role r : rule.roles) allowed += (allowed.empty() ? "" : ", ") + std::string(enum_name(r));
    throw error(errc::forbidden, "/role",
                "role " + std::string(enum_name(e.actor_role)) + " may not apply " + std::string(enum_name(e.type())) +
                    " at level " + level.id + " of procedure " + proc.edition + "; allowed: " + allowed + " (" + rule.source + ")");
}

const event_rule& find_rule(const procedure& proc, const procedure_level& level, event_type t) {
    if (const event_rule* r = level.find_rule(t)) return *r;
    std::string allowed;
    for (const auto& r : level.events) allowed += (allowed.empty() ? "" : ", ") + std::string(enum_name(r.type));
    refuse("/type", "event " + std::string(enum_name(t)) + " is not part of level " + level.id + " of procedure " +
                        proc.edition + " (" + level.source + "); events there: " + allowed);
}

void expect_rounds(const dossier_state& s, const step& st, std::string_view what) {
    if (s.rounds >= st.level.min_rounds) return;
    refuse("/type", std::string(what) + " needs " + std::to_string(st.level.min_rounds) + " council round(s) at level " +
                        st.level.id + " (" + st.level.source + "); this dossier has had " + std::to_string(s.rounds));
}

/// Documents must be on the checklist of the procedure's documents edition (when there is one).
void check_document_ids(const std::vector<std::string>& ids, const edition* docs_ed, const std::string& path) {
    if (!docs_ed) return;
    problem_list p;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        bool known = std::any_of(docs_ed->dossier_documents.begin(), docs_ed->dossier_documents.end(),
                                 [&](const dossier_document& d) { return d.id == ids[i]; });
        if (!known) p.add(json_path(path, i), "no document \"" + ids[i] + "\" on the checklist of edition " + docs_ed->id);
    }
    p.throw_if_any(errc::invalid_document);
}

const edition* documents_edition(const procedure& proc, const editions_source& cat) {
    return proc.documents_edition ? &cat.get(*proc.documents_edition) : nullptr;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& items) {
    for (const auto& x : items)
        if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
}

// ---- registration -----------------------------------------------------------------------------

dossier_state register_dossier(const event& e, const timestamp_parts& ts, const registered_payload& pl,
                               const procedure_library& procs, const editions_source& cat, const workflow_rules& rules,
                               const dossier_state* previous) {
    if (pl.dossier.id != e.dossier)
        throw error(errc::invalid_document, "/payload/dossier/id",
                    "expected the event's dossier id \"" + e.dossier + "\", found \"" + pl.dossier.id + "\"");
    const procedure& in_force = procs.in_force(ts.day);
    if (pl.edition && *pl.edition != in_force.edition) {
        const procedure& asked = procs.get(*pl.edition);
        refuse("/payload/edition", "edition " + asked.edition + " is not in force on " + ts.day.to_string() + " (valid " +
                                       asked.valid_from.to_string() + " to " +
                                       (asked.valid_until ? asked.valid_until->to_string() : std::string("now")) +
                                       "); a dossier follows the edition in force when it is registered: " + in_force.edition);
    }
    const procedure& proc = in_force;
    const procedure_level& level = proc.first_level();
    const event_rule& rule = find_rule(proc, level, event_type::registered);
    check_role(proc, level, rule, e);

    dossier_state s;
    s.dossier = pl.dossier;
    s.edition = proc.edition;
    s.batch = pl.batch;
    s.level = level.id;
    s.phase = phase::draft;
    s.registered_at = e.at;

    problem_list p;
    if (const edition* ed = find_edition(cat, proc.edition)) {
        const product_set* set = pl.dossier.set ? cat.find_set(*ed, *pl.dossier.set) : nullptr;
        detail::check_dossier(pl.dossier, *ed, set, "/payload/dossier", p);
    } else {
        s.warnings.push_back("edition " + proc.edition + " has no criteria catalog in this library: industry \"" +
                             pl.dossier.industry + "\" and product set not checked");
        if (const edition* docs = documents_edition(proc, cat))
            check_document_ids(pl.dossier.documents, docs, "/payload/dossier/documents");
    }
    if (rules.check_product_codes && pl.dossier.product_code) {
        std::string why = check_product_code(*pl.dossier.product_code);
        if (!why.empty()) p.add("/payload/dossier/product_code", why);
    }
    p.throw_if_any(errc::invalid_document);

    if (pl.previous_cycle) {
        if (!previous || previous->dossier.id != *pl.previous_cycle)
            throw error(errc::not_found, "/payload/previous_cycle", "the previous cycle's dossier \"" + *pl.previous_cycle + "\" is not known");
        if (*pl.previous_cycle == e.dossier)
            refuse("/payload/previous_cycle", "a new cycle needs a new dossier id, found the previous one \"" + e.dossier + "\"");
        if (previous->phase != phase::expired)
            refuse("/payload/previous_cycle", "re-evaluation starts a new cycle once the certificate has expired (" +
                                                  proc.certificate_source + "); dossier " + previous->dossier.id + " is " +
                                                  std::string(enum_name(previous->phase)));
        s.cycle = previous->cycle + 1;
        s.previous_cycle = pl.previous_cycle;
    }
    return s;
}

// ---- one transition per event type ------------------------------------------------------------
// An overload set on the payload type: apply() dispatches with std::visit.

/// A registration is handled by register_dossier() before dispatch: one for a registered dossier is refused.
[[noreturn]] void transition(dossier_state& s, const step&, const registered_payload&) {
    refuse("/dossier", "dossier " + s.dossier.id + " is already registered");
}


void transition(dossier_state& s, const step& st, const submitted_payload& pl) {
    expect_phase(s, st, {phase::draft}, "submission");
    const edition* docs = documents_edition(st.proc, st.cat);
    check_document_ids(pl.documents, docs, "/payload/documents");
    add_unique(s.dossier.documents, pl.documents);
    if (!docs) {
        s.warnings.push_back(st.proc.documents_note.value_or("no document checklist for edition " + st.proc.edition) +
                             " (" + st.proc.documents_source + ")");
    } else {
        problem_list missing;
        for (const dossier_document* d : missing_required(docs->dossier_documents, s.dossier.documents)) {
            bool exempt = false;
            for (const auto& x : st.proc.document_exemptions)
                exempt = exempt || (x.document == d->id && std::find(x.industries.begin(), x.industries.end(),
                                                                      s.dossier.industry) != x.industries.end());
            if (!exempt)
                missing.add("/payload/documents", "a dossier cannot be submitted without required document " + d->id + " \"" +
                                                      d->title + "\" (" + st.proc.documents_source + ")");
        }
        missing.throw_if_any(errc::rule_violation);
    }
    s.phase = phase::submitted;
}

void transition(dossier_state& s, const step& st, const precheck_payload& pl) {
    expect_phase(s, st, {phase::submitted}, "a pre-check");
    if (!st.level.precheck) refuse("/type", "level " + st.level.id + " does not pre-check dossiers (" + st.level.source + ")");
    check_precheck_assessments(st.level.precheck_contents, pl.contents, st.level.id, st.proc.edition);
    s.open_items = pl.findings;
    s.phase = pl.passed ? phase::prechecked : phase::closed;
}

void transition(dossier_state& s, const step& st, const appraisal_payload& pl) {
    expect_phase(s, st, {phase::submitted}, "an appraisal");
    if (!st.level.appraisal) refuse("/type", "level " + st.level.id + " does not appraise dossiers (" + st.level.source + ")");
    s.field_inspected = s.field_inspected || pl.field_inspection;
    if (pl.outcome == appraisal_outcome::returned) {
        if (pl.missing.empty())
            throw error(errc::invalid_document, "/payload/missing", "a dossier returned for completion needs the list of what is missing, found none");
        s.open_items = pl.missing;
        s.phase = phase::returned;
    } else {
        s.open_items.clear();
        s.phase = phase::awaiting_council;
    }
}

void transition(dossier_state& s, const step& st, const completion_request_payload& pl) {
    expect_phase(s, st, {phase::evaluated}, "a completion request");
    detail::expect_no_open_round(s, st, "a completion request");
    if (s.rounds >= st.level.max_rounds)
        refuse("/type", "a completion request needs a later council round, but level " + st.level.id + " holds at most " +
                            std::to_string(st.level.max_rounds) + " round(s) (" + st.rule.source + ")");
    if (pl.items.empty())
        throw error(errc::invalid_document, "/payload/items", "a completion request needs the list of what to complete, found none");
    s.open_items = pl.items;
    s.phase = phase::completion_requested;
}

void transition(dossier_state& s, const step& st, const completion_payload& pl) {
    expect_phase(s, st, {phase::returned, phase::completion_requested}, "a completion");
    check_document_ids(pl.documents, documents_edition(st.proc, st.cat), "/payload/documents");
    problem_list p;
    for (std::size_t i = 0; i < pl.items.size(); ++i)
        if (std::find(s.open_items.begin(), s.open_items.end(), pl.items[i]) == s.open_items.end())
            p.add(json_path("/payload/items", i), "\"" + pl.items[i] + "\" was not requested");
    if (pl.items.empty() && pl.documents.empty())
        p.add("/payload", "a completion needs documents or completed items, found neither");
    p.throw_if_any(errc::invalid_document);
    add_unique(s.dossier.documents, pl.documents);
    std::erase_if(s.open_items, [&](const std::string& x) { return std::find(pl.items.begin(), pl.items.end(), x) != pl.items.end(); });
    s.phase = s.phase == phase::returned ? phase::submitted : phase::awaiting_council;
}

void transition(dossier_state& s, const step& st, const council_payload& pl) { detail::close_council_round(s, st, pl); }

void transition(dossier_state& s, const step& st, const scorecard_payload& pl) { detail::record_scorecard(s, st, pl); }

/// A mean below `threshold`, written so that it reads below it: "47.20", but "49.99999 (4999999/100000)"
/// where two decimals would round it up to "50.00".
std::string below_threshold_text(const exact_mean& mean, std::int64_t threshold) {
    auto reads_as_threshold = [&](int decimals) {
        return mean.display(decimals) == std::to_string(threshold) + "." + std::string(static_cast<std::size_t>(decimals), '0');
    };
    if (!reads_as_threshold(2)) return mean.display(2);
    int decimals = 3;
    while (decimals < 8 && reads_as_threshold(decimals)) ++decimals;  // denominators are at most 1,000,000
    return mean.display(decimals) + " (" + std::to_string(mean.numerator) + "/" + std::to_string(mean.denominator) + ")";
}

void transition(dossier_state& s, const step& st, const forwarded_payload& pl) {
    detail::expect_no_open_round(s, st, "forwarding");
    if (!st.level.forwards_to) refuse("/type", "level " + st.level.id + " forwards to no other level (" + st.level.source + ")");
    if (pl.to != *st.level.forwards_to)
        refuse("/payload/to", "level " + st.level.id + " forwards to " + *st.level.forwards_to + ", not " + pl.to + " (" + st.level.source + ")");
    if (std::find(st.level.forward_from.begin(), st.level.forward_from.end(), s.phase) == st.level.forward_from.end()) {
        std::string list;
        for (phase p : st.level.forward_from) list += (list.empty() ? "" : " or ") + std::string(enum_name(p));
        refuse("/type", "forwarding from level " + st.level.id + " to " + pl.to + " needs the dossier " + list + " (" + st.rule.source +
                            "); this dossier is " + std::string(enum_name(s.phase)));
    }
    if (s.phase == phase::evaluated) expect_rounds(s, st, "forwarding");
    if (st.level.forwards_at_least) {
        const council_record* last = s.last_result(st.level.id);
        const int at_least = *st.level.forwards_at_least;
        if (!last)
            refuse("/type", "forwarding to " + pl.to + " requires a mean of " + std::to_string(at_least) + " or more (" + st.level.source +
                                "); this product has no council result at level " + st.level.id);
        if (!last->mean.at_least(at_least))
            refuse("/type", "forwarding to " + pl.to + " requires a mean of " + std::to_string(at_least) + " or more (" + st.level.source +
                                "); this product has " + below_threshold_text(last->mean, at_least));
    }
    s.level = pl.to;
    s.rounds = 0;
    s.open_items.clear();
    s.proposed_stars.reset();
    s.decision.reset();
    s.phase = phase::submitted;
}

/// The latest council result at the step's level. A phase that needs one (evaluated) without one is
/// a state that no sequence of events produces: a host-given state (parse_state) that is inconsistent.
const council_record& result_at(const dossier_state& s, const step& st) {
    if (const council_record* r = s.last_result(st.level.id)) return *r;
    throw error(errc::invalid_document, "/results",
                "the dossier is " + std::string(enum_name(s.phase)) + " at level " + st.level.id +
                    " but its state records no council result there: the state was not produced by apply()");
}

void transition(dossier_state& s, const step& st, const closed_payload&) {
    expect_phase(s, st, {phase::evaluated}, "closing at this level");
    detail::expect_no_open_round(s, st, "closing at this level");
    expect_rounds(s, st, "closing");
    s.final_stars = result_at(s, st).stars;
    s.phase = phase::closed;
}

void transition(dossier_state& s, const step& st, const recognition_payload& pl) {
    expect_phase(s, st, {phase::evaluated}, "a proposal for recognition");
    detail::expect_no_open_round(s, st, "a proposal for recognition");
    expect_rounds(s, st, "a proposal for recognition");
    const auto& rec = st.level.recognises;
    if (std::find(rec.begin(), rec.end(), pl.stars) == rec.end())
        refuse("/payload/stars", "level " + st.level.id + " recognises " + list_text(rec) + " only (" + st.level.source + "); proposed " +
                                     stars_text(pl.stars));
    const council_record* last = &result_at(s, st);
    if (pl.stars > last->stars)
        refuse("/payload/stars", "a proposal of " + stars_text(pl.stars) + " needs a council result of " + stars_text(pl.stars) +
                                     " or more (" + st.rule.source + "); the council gave " + stars_text(last->stars) + " (mean " +
                                     last->mean_display + ")");
    s.proposed_stars = pl.stars;
    s.phase = phase::proposed;
}

void transition(dossier_state& s, const step& st, const not_recognised_payload&) {
    expect_phase(s, st, {phase::evaluated, phase::proposed}, "a refusal of recognition");
    detail::expect_no_open_round(s, st, "a refusal of recognition");
    if (const certificate_record* c = s.certificate()) s.final_stars = c->stars;  // e.g. a 5★ candidate stays 4★
    else if (const council_record* last = s.last_result(st.level.id)) s.final_stars = last->stars;
    s.proposed_stars.reset();
    s.phase = phase::not_recognised;
}

/// The day in Vietnam of a timestamp already accepted in a state ("" or malformed: none).
std::optional<date> province_day(const std::string& at) {
    auto ts = parse_timestamp(at);
    return ts ? std::optional<date>(ts->day) : std::nullopt;
}

/// A decision follows the dossier's registration and the council result it recognises: signed
/// earlier, it would contradict the dossier's own record.
void check_signed_after_the_dossier(const dossier_state& s, const step& st, date signed_on) {
    auto refuse_before = [&](const std::string& what, date on) {
        refuse("/payload/signed_on", "a decision is signed on or after " + what + " of " + on.to_string() + " (" + st.rule.source +
                                         "); found " + signed_on.to_string());
    };
    if (auto registered = province_day(s.registered_at); registered && signed_on < *registered)
        refuse_before("the dossier's registration", *registered);
    const council_record* result = s.last_result(st.level.id);
    if (!result && !s.results.empty()) result = &s.results.back();
    if (auto scored = result ? province_day(result->at) : std::nullopt; scored && signed_on < *scored)
        refuse_before("the council result it follows (" + result->level + ", round " + std::to_string(result->round) + ")", *scored);
}

void transition(dossier_state& s, const step& st, const decision_payload& pl) {
    expect_phase(s, st, {phase::proposed}, "a recognition decision");
    if (st.ts.day < pl.signed_on)
        refuse("/payload/signed_on", "a decision is recorded on or after it is signed: signed " + pl.signed_on.to_string() +
                                         ", recorded " + st.ts.day.to_string());
    check_signed_after_the_dossier(s, st, pl.signed_on);
    s.decision = decision_record{st.level.id, *s.proposed_stars, pl.number, pl.signed_on, pl.signer};
    s.phase = phase::decided;
}

void transition(dossier_state& s, const step& st, const certificate_payload& pl) {
    expect_phase(s, st, {phase::decided}, "a certificate");
    if (pl.issued_on < s.decision->signed_on)
        refuse("/payload/issued_on", "a certificate is issued on or after its decision " + s.decision->number + " of " +
                                         s.decision->signed_on.to_string() + " (" + st.rule.source + "); found " + pl.issued_on.to_string());
    if (st.ts.day < pl.issued_on)
        refuse("/payload/issued_on", "a certificate is recorded on or after it is issued: issued " + pl.issued_on.to_string() +
                                         ", recorded " + st.ts.day.to_string());
    const date expires = pl.issued_on.plus_months(st.proc.certificate_validity_months);
    if (expires.year > 9999)
        throw error(errc::invalid_document, "/payload/issued_on", "expected an issue date whose expiry is before year 10000, found " + pl.issued_on.to_string());
    certificate_record c{st.level.id, s.decision->stars, s.decision->number, pl.number, pl.issued_on, expires};
    s.certificates.push_back(std::move(c));
    s.final_stars = s.decision->stars;
    s.phase = phase::certified;
}

void transition(dossier_state& s, const step& st, const withdrawn_payload&) {
    expect_phase(s, st,
                 {phase::draft, phase::submitted, phase::returned, phase::awaiting_council, phase::prechecked, phase::evaluated,
                  phase::completion_requested, phase::proposed},
                 "a withdrawal (before the decision)");
    s.final_stars = s.certificate() ? std::optional<int>(s.certificate()->stars) : std::nullopt;
    s.scorecards.reset();  // an open round ends with the dossier; its cards stay in the log
    s.phase = phase::withdrawn;
}

void transition(dossier_state& s, const step& st, const expired_payload&) {
    const certificate_record* c = s.certificate();
    if (!c || s.phase == phase::expired)
        refuse("/type", "only a product holding a certificate can have it expire (" + st.proc.certificate_source + "); this dossier is " +
                            std::string(enum_name(s.phase)));
    if (st.ts.day <= c->expires_on)
        refuse("/type", "certificate " + c->number + " is valid until " + c->expires_on.to_string() + " inclusive (" +
                            std::to_string(st.proc.certificate_validity_months) + " months from " + c->issued_on.to_string() + ", " +
                            st.proc.certificate_source + "; a period in months ends with the corresponding day, Bộ luật Dân sự 2015, Điều 148 "
                            "khoản 3); it expires from " + c->expires_on.plus_days(1).to_string() + ", not on " +
                            st.ts.day.to_string());
    s.phase = phase::expired;
}

/// The envelope every event needs: dossier, actor, reason and a timestamp with its zone
/// (`parsed_at`: e.at parsed already).
timestamp_parts check_envelope(const event& e, const timestamp_parts* parsed_at) {
    problem_list p;
    if (e.dossier.empty()) p.add("/dossier", "expected a non-empty dossier id");
    if (e.actor.empty()) p.add("/actor", "expected a non-empty actor");
    if (e.reason.empty()) p.add("/reason", "expected a non-empty reason: every event says why");
    auto ts = parsed_at ? std::optional<timestamp_parts>(*parsed_at) : parse_timestamp(e.at);
    if (!ts) p.add("/at", detail::not_a_timestamp(e.at));
    p.throw_if_any(errc::invalid_document);
    return *ts;
}

/// The procedure level an event on a registered dossier applies at. A certificate expires at the
/// level that issued it, wherever the dossier went since.
const procedure_level& event_level(const procedure& proc, const dossier_state& current, const event& e) {
    std::string level_id = current.level;
    if (e.type() == event_type::certificate_expired && current.certificate()) level_id = current.certificate()->level;
    const procedure_level* level = proc.find_level(level_id);
    if (!level) throw error(errc::not_found, "/level", "no level \"" + level_id + "\" in procedure " + proc.edition);
    return *level;
}

/// Whether the event at `at` (parsed: `ts`) comes before the dossier's last event at `last_at` (not
/// compared when that does not parse). The common case is settled without parsing `last_at`: two
/// timestamps of the strict form with the same zone, the last not later as text, so not later in
/// time if it is one (the fields are fixed-width digits, most significant first), and if it is not
/// one there is nothing to compare.
bool before_last_event(const std::string& at, const timestamp_parts& ts, const std::string& last_at) {
    constexpr std::size_t strict = 25, zone = 19;  // "YYYY-MM-DDTHH:MM:SS" then "+HH:MM"
    if (at.size() == strict && last_at.size() == strict && at.compare(zone, strict - zone, last_at, zone, strict - zone) == 0 &&
        last_at.compare(0, zone, at, 0, zone) <= 0)
        return false;
    auto last = parse_timestamp(last_at);
    return last && ts.utc_seconds < last->utc_seconds;
}

/// Moves a registered dossier to its next state, in place: the event's rule, role and time order,
/// then its transition (which may have changed `s` when it refuses).
void advance(dossier_state& s, const event& e, const timestamp_parts& ts, const procedure_library& procs,
             const editions_source& cat, const council_policy& council) {
    if (s.dossier.id != e.dossier)
        throw error(errc::invalid_document, "/dossier", "the event is for dossier " + e.dossier + ", the state is of " + s.dossier.id);
    const procedure& proc = procs.get(s.edition);
    const procedure_level& level = event_level(proc, s, e);
    const event_rule& rule = find_rule(proc, level, e.type());
    check_role(proc, level, rule, e);
    if (before_last_event(e.at, ts, s.updated_at))
        refuse("/at", "the events of a dossier are recorded in time order: " + e.at + " is before the last event at " + s.updated_at);
    check_transition(proc, s, e.type(), ts.day);

    const step st{proc, level, rule, cat, find_edition(cat, proc.edition), e, ts, council};
    std::visit([&](const auto& pl) { transition(s, st, pl); }, e.payload);
}

}  // namespace

namespace detail {

const edition* editions_source::find(std::string_view id) const {
    if (!host) {
        const lazy_edition* ed = detail::embedded_edition(id);
        return ed ? &ed->fields() : nullptr;
    }
    for (const auto& ed : host->editions())
        if (ed.id == id) return &ed;
    return nullptr;
}

const edition& editions_source::get(std::string_view id) const {
    if (host) return host->get(id);
    if (const lazy_edition* ed = detail::embedded_edition(id)) return ed->fields();
    return embedded_catalog().get(id);  // throws its not_found error
}

namespace {

/// The embedded edition whose fields `ed` is, or nullptr (a host's edition).
const lazy_edition* embedded_of(const catalog* host, const edition& ed) {
    if (host) return nullptr;
    const lazy_edition* lazy = embedded_edition(ed.id);
    return lazy && &lazy->fields() == &ed ? lazy : nullptr;
}

}  // namespace

const product_set* editions_source::find_set(const edition& ed, std::string_view set_id) const {
    if (const lazy_edition* lazy = embedded_of(host, ed)) return lazy->find_set(set_id);
    return ed.find_set(set_id);
}

const product_set& editions_source::require_set(const edition& ed, std::string_view set_id, const std::string& path) const {
    if (const lazy_edition* lazy = embedded_of(host, ed)) return lazy->require_set(set_id, path);
    return ed.require_set(set_id, path);
}

void refuse(std::string path, std::string message) { throw error(errc::rule_violation, std::move(path), std::move(message)); }

std::string stars_text(int stars) { return std::to_string(stars) + "★"; }

void expect_phase(const dossier_state& s, const workflow_step& st, std::initializer_list<phase> allowed, std::string_view what) {
    if (std::find(allowed.begin(), allowed.end(), s.phase) != allowed.end()) return;
    std::string list;
    for (phase p : allowed) list += (list.empty() ? "" : " or ") + std::string(enum_name(p));
    refuse("/type", std::string(what) + " needs the dossier " + list + " at level " + st.level.id + " (" + st.rule.source +
                        "); this dossier is " + std::string(enum_name(s.phase)));
}

}  // namespace detail

namespace detail {

timestamp_parts apply_in_place(dossier_state& s, bool registered, const event& e, const workflow_rules& rules,
                               const dossier_state* previous, const timestamp_parts* parsed_at) {
    const procedure_library& procs = rules.procedures ? *rules.procedures : embedded_procedures();
    const editions_source cat{rules.editions};
    const timestamp_parts ts = check_envelope(e, parsed_at);
    if (e.type() == event_type::registered) {
        if (registered) refuse("/dossier", "dossier " + e.dossier + " is already registered");
        s = register_dossier(e, ts, std::get<registered_payload>(e.payload), procs, cat, rules, previous);
    } else {
        if (!registered) throw error(errc::not_found, "/dossier", "dossier " + e.dossier + " is not registered");
        advance(s, e, ts, procs, cat, rules.council);
    }
    s.updated_at = e.at;
    s.events += 1;
    return ts;
}

}  // namespace detail

dossier_state apply(const dossier_state* current, const event& e, const workflow_rules& rules, const dossier_state* previous) {
    // The copy is changed, never `current`: a refused event leaves the caller's state as it was.
    dossier_state s = current && e.type() != event_type::registered ? *current : dossier_state{};
    detail::apply_in_place(s, current != nullptr, e, rules, previous);
    return s;
}

}  // namespace ocop
