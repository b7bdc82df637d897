// Council rounds in the workflow (docs/workflow.md, "Councils"): members' scorecards recorded in the
// log, the round's result computed from them, the composition rules, and results entered from paper.

#include <boost/json/serialize.hpp>

#include "ocop/campaign.hpp"
#include "ocop/council.hpp"
#include "ocop/registry_json.hpp"
#include "ocop/workflow_json.hpp"
#include "council_events.hpp"
#include "rau_cards.hpp"
#include "workflow_support.hpp"

using Catch::Matchers::Contains;
using ocop::role;
using ocop::test::rau_top;
using ocop::test::with;

namespace {

using namespace ocop::test::council_events;

/// The registry's JSON and log size, to check that a refusal changed nothing.
std::string snapshot(const ocop::registry& r) { return boost::json::serialize(ocop::to_json(r)) + std::to_string(r.log().size()); }

}  // namespace

TEST_CASE("Council: the round's result is computed from the recorded scorecards") {
    ocop::registry r = submitted();
    const auto cards = three_members();
    for (const auto& c : cards) r.apply(recorded("C", c));
    REQUIRE(r.find("C")->scorecards);
    CHECK(r.find("C")->scorecards->size() == 3);
    CHECK(r.find("C")->phase == ocop::phase::submitted);  // the round is open until its result

    const ocop::dossier_state& s = r.apply(result("C", round_only()));
    const ocop::council_result want = expected(cards);
    REQUIRE(s.results.size() == 1);
    const ocop::council_record& rec = s.results[0];
    CHECK(rec.mean.numerator == want.mean.numerator);
    CHECK(rec.mean.denominator == 3);
    CHECK(rec.mean.numerator < 300);  // two members lowered criteria
    CHECK(rec.stars == want.stars);
    CHECK(rec.members == 3);
    CHECK_FALSE(rec.from_paper.has_value());
    CHECK_FALSE(s.scorecards.has_value());  // the cards stay in the log only
    CHECK(s.phase == ocop::phase::evaluated);
    CHECK(s.warnings.empty());
}

TEST_CASE("Council: a mean, stars or members the scorecards do not give are refused, and equal ones are accepted") {
    ocop::registry r = submitted();
    const auto cards = three_members();
    for (const auto& c : cards) r.apply(recorded("C", c));
    const ocop::council_result want = expected(cards);
    const std::string before = snapshot(r);

    ocop::council_payload wrong_mean = round_only();
    wrong_mean.mean = ocop::exact_mean{want.mean.numerator + 3, 3};
    std::string what;
    CHECK(wf::refusal(r, result("C", wrong_mean), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/mean: the 3 scorecards of round 1 at level district give a mean of " + want.mean.display(2)) &&
                         Contains("the event says"));
    ocop::council_payload wrong_stars = round_only();
    wrong_stars.stars = want.stars - 1;
    CHECK(wf::refusal(r, result("C", wrong_stars), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/stars"));
    ocop::council_payload wrong_members = round_only();
    wrong_members.members = 5;
    CHECK(wf::refusal(r, result("C", wrong_members), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/members") && Contains("the event says 5 members"));
    CHECK(snapshot(r) == before);

    // The same mean written with another denominator is the same number.
    ocop::council_payload same = ocop::council_payload_from(want, 1);
    same.mean = ocop::exact_mean{want.mean.numerator * 2, 6};
    CHECK(r.apply(result("C", same)).results.back().mean.numerator == want.mean.numerator);
}

TEST_CASE("Council: an empty council, a duplicate member and too few members are refused") {
    ocop::registry r = submitted();
    std::string what;
    CHECK(wf::refusal(r, result("C", round_only()), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload: round 1 at level district has no recorded scorecards") && Contains("from_paper"));

    r.apply(recorded("C", card("Member A")));
    CHECK(wf::refusal(r, recorded("C", card("Member A", {{"1.1", "a"}})), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/scorecard/evaluator: member \"Member A\" already has a scorecard for round 1 at level district"));
    r.apply(recorded("C", card("Member B")));
    const std::string before = snapshot(r);
    CHECK(wf::refusal(r, result("C", round_only()), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("round 1 at level district has 2 member(s)") && Contains("minimum_members") && Contains("at least 3"));
    CHECK(snapshot(r) == before);

    ocop::scorecard anonymous = card("");
    CHECK(wf::refusal(r, recorded("C", anonymous), what) == ocop::errc::invalid_document);
    CHECK_THAT(what, Contains("/payload/scorecard/evaluator"));
}

TEST_CASE("Council: a campaign's council policy sets the minimum number of members") {
    ocop::campaign plan = ocop::embedded_campaign("hanoi-2021");
    REQUIRE(plan.council);
    CHECK(plan.council->divergence_limit == 10);
    plan.council->minimum_members = 2;
    ocop::registry r({}, plan);
    r.apply(wf::ev("C", role::subject, "2021-09-01", wf::registration(wf::product("C"))));
    r.apply(wf::ev("C", role::subject, "2021-09-02", ocop::submitted_payload{}));
    r.apply(recorded("C", card("Member A")));
    r.apply(recorded("C", card("Member B", {{"1.1", "a"}})));
    CHECK(r.apply(result("C", round_only())).results.back().members == 2);
}

TEST_CASE("Council: no scorecard after its round is closed, for another level, or before the council sits") {
    ocop::registry r = submitted();
    for (const auto& c : three_members()) r.apply(recorded("C", c));
    r.apply(result("C", round_only()));
    std::string what;
    CHECK(wf::refusal(r, recorded("C", card("Member D")), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/round: round 1 at level district is closed"));
    CHECK(wf::refusal(r, recorded("C", card("Member D"), 2), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("holds at most 1 council round(s)"));

    ocop::registry other = submitted("D");
    CHECK(wf::refusal(other, recorded("D", card("Member A"), 1, "province"), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/level: dossier D is at level district"));
    CHECK(wf::refusal(other, recorded("D", card("Member A"), 2), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("expected round 1, found round 2"));

    ocop::registry draft;
    draft.apply(wf::ev("E", role::subject, "2021-09-01", wf::registration(wf::product("E"))));
    CHECK(wf::refusal(draft, recorded("E", card("Member A")), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("a scorecard needs the dossier submitted or evaluated"));
}

TEST_CASE("Council: every scorecard is of the dossier's set and edition, and complete") {
    ocop::registry r = submitted();
    const std::string before = snapshot(r);
    std::string what;
    ocop::scorecard other_set = card("Member A");
    other_set.set = "thit-trung-sua-tuoi";
    CHECK(wf::refusal(r, recorded("C", other_set), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/scorecard/set: every scorecard of dossier C is of its set rau-cu-qua-hat-tuoi"));
    ocop::scorecard other_edition = card("Member A");
    other_edition.edition = "26-2026";
    CHECK(wf::refusal(r, recorded("C", other_edition), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/scorecard/edition: every scorecard of dossier C is of its edition 1048-781"));
    ocop::scorecard incomplete = card("Member A");
    incomplete.answers.erase("1.2");
    CHECK(wf::refusal(r, recorded("C", incomplete), what) == ocop::errc::invalid_scorecard);
    CHECK_THAT(what, Contains("/payload/scorecard/answers/1.2: missing answer for criterion 1.2"));
    CHECK(snapshot(r) == before);

    ocop::registry no_set;
    ocop::dossier d = wf::product("N");
    d.set.reset();
    no_set.apply(wf::ev("N", role::subject, "2021-09-01", wf::registration(d)));
    no_set.apply(wf::ev("N", role::subject, "2021-09-02", ocop::submitted_payload{}));
    CHECK(wf::refusal(no_set, recorded("N", card("Member A")), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/scorecard/set: dossier N names no product set"));
}

TEST_CASE("Council: a member records their own scorecard, the secretary anyone's") {
    ocop::registry r = submitted();
    r.apply(recorded("C", card("Member A"), 1, "district", role::council_member));
    ocop::event someone_else = recorded("C", card("Member B"), 1, "district", role::council_member);
    someone_else.actor = "Member A";
    std::string what;
    CHECK(wf::refusal(r, someone_else, what) == ocop::errc::forbidden);
    CHECK_THAT(what, Contains("/actor: a council member records their own scorecard"));
    r.apply(recorded("C", card("Member B"), 1, "district", role::council_secretary));
    CHECK(wf::refusal(r, recorded("C", card("Member C"), 1, "district", role::district_council), what) == ocop::errc::forbidden);
    CHECK_THAT(what, Contains("allowed: council_member, council_secretary"));
}

TEST_CASE("Council: a summary entered from paper is explicit, checked where it can be, and kept in the state") {
    ocop::registry r = submitted();
    const ocop::dossier_state& s = r.apply(result("C", wf::council(1, 362, 5, 4)));  // from_paper: true
    REQUIRE(s.results.back().from_paper);
    CHECK(*s.results.back().from_paper);
    CHECK(s.warnings.empty());
    CHECK_THAT(boost::json::serialize(ocop::to_json(s)), Contains("\"from_paper\":true"));

    std::string what;
    ocop::registry bad = submitted("P");
    CHECK(wf::refusal(bad, result("P", wf::council(1, 180, 2, 4, 2)), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/members: round 1 at level district has 2 member(s)"));
    ocop::council_payload no_mean = round_only();
    no_mean.from_paper = true;
    CHECK(wf::refusal(bad, result("P", no_mean), what) == ocop::errc::invalid_document);
    CHECK_THAT(what, Contains("/payload/mean: a summary entered from paper needs the council's exact mean"));

    // With scorecards recorded, the round is computed: a paper summary is refused.
    ocop::registry cards = submitted("Q");
    for (const auto& c : three_members()) cards.apply(recorded("Q", c));
    CHECK(wf::refusal(cards, result("Q", wf::council(1, 290, 3, 4, 3)), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("/payload/from_paper: round 1 at level district has 3 recorded scorecard(s)"));
}

TEST_CASE("Council: a result of the format before scorecards (a mean, no from_paper) reads as from paper, with a warning") {
    ocop::registry r = submitted();
    ocop::council_payload legacy = wf::council(1, 362, 5, 4);
    legacy.from_paper.reset();
    const ocop::dossier_state& s = r.apply(result("C", legacy));
    CHECK(s.results.back().from_paper.value_or(false));
    REQUIRE(r.last_warnings().size() == 1);
    CHECK_THAT(r.last_warnings()[0], Contains("names no scorecards: read as a summary entered from paper"));
    const std::string text = r.log().entries().back().event;
    CHECK(text.find("from_paper") == std::string::npos);  // the event is logged as it came
    ocop::registry again = ocop::registry::replay(r.log());
    CHECK(boost::json::serialize(ocop::to_json(again)) == boost::json::serialize(ocop::to_json(r)));
}

TEST_CASE("Council: an open round blocks what follows its result, and the log replays with every scorecard") {
    ocop::registry r;
    auto path = ocop::test::certified_path("H");
    for (std::size_t i = 0; i < 8; ++i) r.apply(path[i]);  // round 1 at the province, from paper
    REQUIRE(r.find("H")->phase == ocop::phase::evaluated);
    r.apply(wf::ev("H", role::council_secretary, "2021-10-27", ocop::scorecard_payload{"province", 2, card("Member A")}));
    std::string what;
    CHECK(wf::refusal(r, wf::ev("H", role::coordination_office, "2021-11-01", ocop::recognition_payload{3}), what) ==
          ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("a proposal for recognition waits for the result of round 2 at level province: 1 scorecard(s)"));
    r.apply(wf::ev("H", role::council_secretary, "2021-10-27", ocop::scorecard_payload{"province", 2, card("Member B", {{"1.1", "a"}})}));
    r.apply(wf::ev("H", role::council_secretary, "2021-10-27", ocop::scorecard_payload{"province", 2, card("Member C", {{"8", "b"}})}));
    const ocop::dossier_state& s = r.apply(wf::ev("H", role::province_council, "2021-10-27", round_only(2)));
    CHECK(s.results.back().members == 3);
    CHECK(s.results.back().stars == 5);

    // The scorecard events round-trip as JSON and the log replays to the same states.
    const ocop::event back = ocop::parse_event(r.log().entries()[9].event);
    REQUIRE(back.type() == ocop::event_type::scorecard_recorded);
    CHECK(std::get<ocop::scorecard_payload>(back.payload).scorecard.answers.size() == rau_top().answers.size());
    CHECK(boost::json::serialize(ocop::to_json(back)) == r.log().entries()[9].event);
    ocop::registry again = ocop::registry::replay(ocop::event_log::import_jsonl(r.log().export_jsonl()), {}, std::nullopt, r.log().head());
    CHECK(boost::json::serialize(ocop::to_json(again)) == boost::json::serialize(ocop::to_json(r)));
}

TEST_CASE("Council: the state keeps an open round compact, not the scorecards' answers") {
    ocop::registry r = submitted();
    for (const auto& c : three_members()) r.apply(recorded("C", c));
    const std::string state = boost::json::serialize(ocop::to_json(*r.find("C")));
    CHECK(state.find("answers") == std::string::npos);
    CHECK_THAT(state, Contains("\"scorecards\":[{\"evaluator\":\"Member A\",\"points\":["));
    CHECK(state.size() < 1500);
    CHECK(ocop::parse_state(state).scorecards->size() == 3);
}
