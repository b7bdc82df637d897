// What a council round keeps of a recorded scorecard (detail::scored_card, which builds no
// explanation) is what score() gives: on random cards for every set of every edition (valid,
// missing, misplaced and unknown answers, cases right and wrong, declared knock-outs known and
// unknown, level-triggered ones), the same points per criterion, knock-outs and refusals. And a
// council closed on the cards kept (detail::restore_card) has the result of one on score()'s cards.

#include <random>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/catalog.hpp"
#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/procedure.hpp"
#include "ocop/detail/member_cards.hpp"
#include "ocop/error.hpp"
#include "ocop/scoring.hpp"

using namespace ocop;

namespace {

/// An answer to `c`: mostly one of its levels (in a random case), sometimes a wrong level or case.
answer random_answer(std::mt19937& rng, const criterion& c) {
    answer a;
    const auto pick = [&](const std::vector<level>& levels) { return levels.empty() ? std::string("x") : levels[rng() % levels.size()].id; };
    if (c.has_cases()) {
        const auto& k = c.cases[rng() % c.cases.size()];
        if (rng() % 10 != 0) a.case_id = rng() % 12 == 0 ? std::string("no-such-case") : k.id;
        a.level = pick(c.cases[rng() % c.cases.size()].levels);  // sometimes another case's level
    } else {
        a.level = pick(c.levels);
        if (rng() % 30 == 0) a.case_id = "1";
    }
    if (rng() % 25 == 0) a.level = "no-such-level";
    return a;
}

std::vector<std::string> declared_rules(const product_set& set) {
    std::vector<std::string> ids;
    for (const auto& k : set.knockouts)
        if (k.trigger == trigger_kind::declared) ids.push_back(k.id);
    for (const auto& c : set.criteria)
        for (const auto& k : c.knockouts)
            if (k.trigger == trigger_kind::declared) ids.push_back(k.id);
    return ids;
}

scorecard random_card(std::mt19937& rng, const edition& ed, const product_set& set) {
    scorecard card;
    card.edition = ed.id;
    card.set = set.id;
    card.evaluator = "member";
    const bool sloppy = rng() % 3 == 0;  // a third of the cards have problems
    for (const auto& c : set.criteria)
        if (!sloppy || rng() % 8 != 0) card.answers[c.id] = sloppy ? random_answer(rng, c) : answer{};
    if (!sloppy)  // a clean card: a level of every criterion, in its first case
        for (const auto& c : set.criteria) {
            answer& a = card.answers[c.id];
            const auto& levels = c.has_cases() ? c.cases.front().levels : c.levels;
            if (c.has_cases()) a.case_id = c.cases.front().id;
            if (!levels.empty()) a.level = levels[rng() % levels.size()].id;
        }
    if (sloppy && rng() % 4 == 0) card.answers["no-such-criterion"] = answer{std::nullopt, "a"};
    for (const auto& id : declared_rules(set))
        if (rng() % 6 == 0) card.declared_knockouts.push_back(id);
    if (sloppy && rng() % 5 == 0) card.declared_knockouts.push_back("no-such-rule");
    return card;
}

void check_same(const edition& ed, const product_set& set, const scorecard& card) {
    std::optional<scorecard_result> full;
    std::optional<error> full_refusal, kept_refusal;
    member_card kept;
    try {
        full = score(ed, set, card);
    } catch (const error& e) {
        full_refusal = e;
    }
    try {
        kept = detail::scored_card(ed, set, card);
    } catch (const error& e) {
        kept_refusal = e;
    }
    REQUIRE(full_refusal.has_value() == kept_refusal.has_value());
    if (full_refusal) {
        CHECK(full_refusal->code() == kept_refusal->code());
        REQUIRE(full_refusal->problems().size() == kept_refusal->problems().size());
        for (std::size_t i = 0; i < full_refusal->problems().size(); ++i) {
            CHECK(full_refusal->problems()[i].path == kept_refusal->problems()[i].path);
            CHECK(full_refusal->problems()[i].message == kept_refusal->problems()[i].message);
        }
        return;
    }
    CHECK(kept.evaluator == card.evaluator);
    REQUIRE(kept.points.size() == full->criteria.size());
    for (std::size_t i = 0; i < kept.points.size(); ++i) CHECK(int{kept.points[i]} == full->criteria[i].points);
    REQUIRE(kept.knockouts.size() == full->knockouts.size());
    for (std::size_t i = 0; i < kept.knockouts.size(); ++i) CHECK(kept.knockouts[i] == full->knockouts[i].rule);
}

}  // namespace

TEST_CASE("scored_card keeps what score() gives: points, knock-outs and refusals, on every set") {
    std::mt19937 rng(20211018);
    int scored = 0, refused = 0, knocked_out = 0;
    for (const auto& ed : embedded_catalog().editions())
        for (const auto& set : ed.sets)
            for (int i = 0; i < 24; ++i) {
                const scorecard card = random_card(rng, ed, set);
                INFO(ed.id << " " << set.id << " card " << i);
                check_same(ed, set, card);
                try {
                    knocked_out += !score(ed, set, card).knockouts.empty();
                    ++scored;
                } catch (const error&) {
                    ++refused;
                }
            }
    // The random cards reach every path: scored, refused, knocked out.
    CHECK(scored > 100);
    CHECK(refused > 100);
    CHECK(knocked_out > 20);
}

TEST_CASE("scored_card refuses a card for another edition or set as score() does") {
    const auto& ed = embedded_catalog().editions().front();
    const auto& set = ed.sets.front();
    scorecard card;
    card.edition = "other";
    card.set = set.id;
    check_same(ed, set, card);
    card.edition = ed.id;
    card.set = "other";
    check_same(ed, set, card);
}

namespace {

/// aggregate()'s result as JSON, or its refusal's code and problems.
std::string council_outcome(const edition& ed, const product_set& set, const std::vector<scorecard_result>& cards, const council_policy& policy) {
    try {
        return boost::json::serialize(to_json(aggregate(ed, embedded_procedures().get(ed.id), set, cards, policy)));
    } catch (const error& e) {
        std::string out = "refused " + std::to_string(static_cast<int>(e.code()));
        for (const auto& p : e.problems()) out += "\n" + p.path + ": " + p.message;
        return out;
    }
}

}  // namespace

TEST_CASE("a council of the cards kept (restore_card) has the result of a council of score()'s cards, on every set and policy") {
    std::mt19937 rng(20240611);
    int councils = 0, capped = 0, knocked_out = 0;
    for (const auto& ed : embedded_catalog().editions())
        for (const auto& set : ed.sets) {
            std::vector<scorecard_result> full, restored;
            for (int i = 0; i < 60 && full.size() < 9; ++i) {
                scorecard card = random_card(rng, ed, set);
                card.evaluator = "member " + std::to_string(i);
                try {
                    full.push_back(score(ed, set, card));
                } catch (const error&) {
                    continue;
                }
                restored.push_back(detail::restore_card(ed, set, detail::scored_card(ed, set, card), "/scorecards/0"));
            }
            for (std::size_t members : {std::size_t{1}, std::size_t{3}, std::size_t{5}, full.size()}) {
                if (members > full.size() || members == 0) continue;
                const std::vector<scorecard_result> f(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(members));
                const std::vector<scorecard_result> r(restored.begin(), restored.begin() + static_cast<std::ptrdiff_t>(members));
                for (const auto knockouts : {knockout_rule_policy::any_member, knockout_rule_policy::majority})
                    for (const auto minimums : {minimum_rule_policy::council_mean, minimum_rule_policy::every_member}) {
                        council_policy policy;
                        policy.minimum_members = 1;
                        policy.knockouts = knockouts;
                        policy.minimums = minimums;
                        INFO(ed.id << " " << set.id << " " << members << " members");
                        const std::string expected = council_outcome(ed, set, f, policy);
                        CHECK(council_outcome(ed, set, r, policy) == expected);
                        if (expected.starts_with("refused")) continue;
                        ++councils;
                        capped += expected.find("\"caps\":[{") != std::string::npos;
                        knocked_out += expected.find("\"knockout\":{\"outcome\":\"evaluated\"") == std::string::npos;
                    }
            }
        }
    // The councils reach the paths that read the cards: caps from minimums and knock-outs.
    CHECK(councils > 100);
    CHECK(capped > 10);
    CHECK(knocked_out > 10);
}
