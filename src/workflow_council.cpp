// Council rounds in the workflow: members' scorecards recorded one by one (scorecard_recorded),
// and the round's result computed from them by aggregate() when council_result closes it; or a
// summary entered from paper, marked so in the state (docs/workflow.md, "Councils").

#include <algorithm>

#include "ocop/detail/enum_text.hpp"
#include "ocop/detail/member_cards.hpp"
#include "ocop/detail/workflow_step.hpp"
#include "ocop/error.hpp"

namespace ocop::detail {

namespace {

std::string round_text(const workflow_step& st, int round) { return "round " + std::to_string(round) + " at level " + st.level.id; }

std::string mean_text(const exact_mean& m) {
    return m.display(2) + " (" + std::to_string(m.numerator) + "/" + std::to_string(m.denominator) + ")";
}

/// The level holds councils and the dossier waits for one (or for its next round).
void expect_council_phase(const dossier_state& s, const workflow_step& st, std::string_view what) {
    if (st.level.precheck) refuse("/type", "level " + st.level.id + " pre-checks dossiers and has no council (" + st.level.source + ")");
    if (st.level.appraisal) expect_phase(s, st, {phase::awaiting_council, phase::evaluated}, what);
    else expect_phase(s, st, {phase::submitted, phase::evaluated}, what);
}

/// `round` is the open round: rounds + 1, within the level's max_rounds.
void expect_open_round(const dossier_state& s, const workflow_step& st, int round) {
    if (round != s.rounds + 1)
        refuse("/payload/round", "council rounds at level " + st.level.id + " follow one another (" + st.rule.source + "): expected round " +
                                     std::to_string(s.rounds + 1) + ", found round " + std::to_string(round));
    if (round > st.level.max_rounds)
        refuse("/payload/round", "level " + st.level.id + " holds at most " + std::to_string(st.level.max_rounds) + " council round(s) (" +
                                     st.rule.source + "); found round " + std::to_string(round));
}

/// The composition rule every round meets, computed or from paper.
void expect_minimum_members(const workflow_step& st, int round, int members, const std::string& path) {
    if (members >= st.council.minimum_members) return;
    refuse(path, round_text(st, round) + " has " + std::to_string(members) + " member(s); the council policy (minimum_members, "
                 "docs/scoring.md) requires at least " + std::to_string(st.council.minimum_members));
}

/// The sheet a member's scorecard of this dossier is scored on: the dossier's edition and set.
struct scoring_target {
    const edition& ed;
    const product_set& set;
};

scoring_target target_of(const dossier_state& s, const workflow_step& st) {
    const edition* ed = st.cat.find(s.edition);
    if (!ed)
        refuse("/payload/scorecard/edition", "edition " + s.edition + " has no score sheets in this library: a scorecard cannot be "
                                             "checked; enter the council's result from paper (\"from_paper\": true)");
    if (!s.dossier.set)
        refuse("/payload/scorecard/set", "dossier " + s.dossier.id + " names no product set: every scorecard is of the dossier's set "
                                         "and edition, so register the dossier with its set");
    return {*ed, st.cat.require_set(*ed, *s.dossier.set, "/dossier/set")};
}

/// The card names its member once per round, who records it (the member, or the secretary), and
/// the dossier's edition and set.
void check_card(const dossier_state& s, const workflow_step& st, const scorecard& card, const scoring_target& t) {
    if (card.evaluator.empty())
        throw error(errc::invalid_document, "/payload/scorecard/evaluator", "expected the member who scored (a non-empty evaluator), found none");
    if (st.e.actor_role == role::council_member && st.e.actor != card.evaluator)
        throw error(errc::forbidden, "/actor", "a council member records their own scorecard: actor \"" + st.e.actor + "\" is not its evaluator \"" +
                                                   card.evaluator + "\"; the council's secretary (role council_secretary) records a member's card");
    if (s.scorecards && std::any_of(s.scorecards->begin(), s.scorecards->end(), [&](const member_card& m) { return m.evaluator == card.evaluator; }))
        refuse("/payload/scorecard/evaluator", "member \"" + card.evaluator + "\" already has a scorecard for " + round_text(st, s.rounds + 1) +
                                                   ": each member scores once per round (" + st.rule.source + ")");
    if (card.edition != t.ed.id)
        refuse("/payload/scorecard/edition", "every scorecard of dossier " + s.dossier.id + " is of its edition " + t.ed.id + ", found \"" +
                                                 card.edition + "\"");
    if (card.set != t.set.id)
        refuse("/payload/scorecard/set", "every scorecard of dossier " + s.dossier.id + " is of its set " + t.set.id + ", found \"" + card.set + "\"");
}

/// score(), with the problems' paths placed under the event's scorecard.
member_card score_in_event(const scoring_target& t, const scorecard& card) {
    return with_path_prefix("/payload/scorecard", [&] { return scored_card(t.ed, t.set, card); });
}

/// The given members of a council payload are in range (errc::invalid_document).
void check_payload_ranges(const council_payload& pl) {
    problem_list p;
    // A mean is a sum of totals over the members: its denominator is at most a council's size (bounded
    // well above any real council so that 100 * denominator cannot overflow).
    constexpr std::int64_t max_denominator = 1'000'000;
    if (pl.mean && (pl.mean->denominator < 1 || pl.mean->denominator > max_denominator))
        p.add("/payload/mean/denominator", "expected 1 to " + std::to_string(max_denominator) + ", found " + std::to_string(pl.mean->denominator));
    else if (pl.mean && (pl.mean->numerator < 0 || pl.mean->numerator > 100 * pl.mean->denominator))
        p.add("/payload/mean/numerator", "expected a mean from 0 to 100, found " + std::to_string(pl.mean->numerator) + "/" +
                                             std::to_string(pl.mean->denominator));
    if (pl.stars && (*pl.stars < 0 || *pl.stars > 5)) p.add("/payload/stars", "expected 0 to 5 stars, found " + std::to_string(*pl.stars));
    if (pl.members && *pl.members < 1) p.add("/payload/members", "expected 1 or more members, found " + std::to_string(*pl.members));
    if (pl.round < 1) p.add("/payload/round", "expected a round of 1 or more, found " + std::to_string(pl.round));
    p.throw_if_any(errc::invalid_document);
}

/// What the event says must be what the scorecards give: a host cannot supply another mean.
void expect_given_equal(const workflow_step& st, const council_payload& pl, const council_result& c, int members) {
    const std::string from = "the " + std::to_string(members) + " scorecards of " + round_text(st, pl.round) + " give ";
    if (pl.mean && pl.mean->numerator * c.mean.denominator != c.mean.numerator * pl.mean->denominator)
        refuse("/payload/mean", from + "a mean of " + mean_text(c.mean) + "; the event says " + mean_text(*pl.mean) +
                                    ": a council's mean is computed from its members' scorecards (" + st.rule.source + ")");
    if (pl.stars && *pl.stars != c.stars)
        refuse("/payload/stars", from + stars_text(c.stars) + " (mean " + c.mean_display + ", band " + stars_text(c.band_stars) +
                                     "); the event says " + stars_text(*pl.stars));
    if (pl.members && *pl.members != members)
        refuse("/payload/members", from + "their result; the event says " + std::to_string(*pl.members) + " members");
}

/// The round's result computed from its recorded scorecards (ocop::aggregate).
council_record computed_record(const dossier_state& s, const workflow_step& st, const council_payload& pl) {
    const auto& cards = *s.scorecards;
    const int members = static_cast<int>(cards.size());
    if (pl.from_paper.value_or(false))
        refuse("/payload/from_paper", round_text(st, pl.round) + " has " + std::to_string(members) +
                                          " recorded scorecard(s): its result is computed from them, not entered from paper");
    expect_minimum_members(st, pl.round, members, "/payload");
    const scoring_target t = target_of(s, st);
    std::vector<scorecard_result> restored;
    restored.reserve(cards.size());
    for (std::size_t i = 0; i < cards.size(); ++i) restored.push_back(restore_card(t.ed, t.set, cards[i], json_path("/scorecards", i)));
    council_policy policy = st.council;
    policy.level = st.level.id;
    const council_result c = aggregate(t.ed, st.proc, t.set, restored, policy);
    expect_given_equal(st, pl, c, members);
    return {st.level.id, pl.round, c.mean, c.mean.display(2), c.stars, members, st.e.at, std::nullopt};
}

/// A summary entered from paper: mean, stars and members as given, checked for what can be.
council_record paper_record(dossier_state& s, const workflow_step& st, const council_payload& pl) {
    const bool legacy = !pl.from_paper.has_value() && pl.mean.has_value();
    if (!pl.from_paper.value_or(false) && !legacy)
        refuse("/payload", round_text(st, pl.round) + " has no recorded scorecards: record each member's scorecard (scorecard_recorded) "
                           "before its council_result, or enter the summary from paper with \"from_paper\": true, its mean, stars and members");
    problem_list p;
    if (!pl.mean) p.add("/payload/mean", "a summary entered from paper needs the council's exact mean, found none");
    if (!pl.stars) p.add("/payload/stars", "a summary entered from paper needs the stars, found none");
    if (!pl.members) p.add("/payload/members", "a summary entered from paper needs the number of members, found none");
    p.throw_if_any(errc::invalid_document);
    expect_minimum_members(st, pl.round, *pl.members, "/payload/members");
    if (st.ed) {
        const star_band& band = st.ed->band_for(pl.mean->numerator, pl.mean->denominator);
        if (*pl.stars > band.stars)
            refuse("/payload/stars", std::to_string(*pl.stars) + " stars exceed the band of mean " + pl.mean->display(2) + ", which is " +
                                         stars_text(band.stars) + " (" + st.ed->bands_source + "); caps and knock-outs can only lower it");
    }
    if (legacy)
        s.warnings.push_back("the council result of " + round_text(st, pl.round) + " (" + st.e.at + ") names no scorecards: read as a summary "
                             "entered from paper (an event of the format before scorecards; new ones say \"from_paper\": true)");
    return {st.level.id, pl.round, *pl.mean, pl.mean->display(2), *pl.stars, *pl.members, st.e.at, true};
}

}  // namespace

void expect_no_open_round(const dossier_state& s, const workflow_step& st, std::string_view what) {
    if (!s.scorecards || s.scorecards->empty()) return;
    refuse("/type", std::string(what) + " waits for the result of " + round_text(st, s.rounds + 1) + ": " + std::to_string(s.scorecards->size()) +
                        " scorecard(s) are recorded for it; close it with its council_result first (" + st.rule.source + ")");
}

void record_scorecard(dossier_state& s, const workflow_step& st, const scorecard_payload& pl) {
    expect_council_phase(s, st, "a scorecard");
    if (pl.level != st.level.id)
        refuse("/payload/level", "dossier " + s.dossier.id + " is at level " + st.level.id + ": a scorecard for level \"" + pl.level + "\" is refused");
    if (pl.round < 1) throw error(errc::invalid_document, "/payload/round", "expected a round of 1 or more, found " + std::to_string(pl.round));
    if (pl.round <= s.rounds)
        refuse("/payload/round", round_text(st, pl.round) + " is closed: its council result is recorded, so it takes no more scorecards (" +
                                     st.rule.source + ")");
    expect_open_round(s, st, pl.round);
    const scoring_target t = target_of(s, st);
    check_card(s, st, pl.scorecard, t);
    member_card scored = score_in_event(t, pl.scorecard);
    if (!s.scorecards) s.scorecards.emplace();
    s.scorecards->push_back(std::move(scored));
}

void close_council_round(dossier_state& s, const workflow_step& st, const council_payload& pl) {
    expect_council_phase(s, st, "a council result");
    check_payload_ranges(pl);
    expect_open_round(s, st, pl.round);
    council_record r = s.scorecards && !s.scorecards->empty() ? computed_record(s, st, pl) : paper_record(s, st, pl);
    s.results.push_back(std::move(r));
    s.rounds = pl.round;
    s.scorecards.reset();
    s.proposed_stars.reset();
    s.phase = phase::evaluated;
}

}  // namespace ocop::detail
