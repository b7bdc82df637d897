#pragma once
// Events of a council round for tests (docs/workflow.md, "Councils"): a registered dossier of
// rau-cu-qua-hat-tuoi (1048-781) at the district, members' scorecards recorded, the round's result.

#include <string>
#include <vector>

#include "ocop/council.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow.hpp"
#include "rau_cards.hpp"
#include "workflow_support.hpp"

namespace ocop::test::council_events {

inline const std::string day = "2021-09-20";

/// Member `name`'s scorecard for rau-cu-qua-hat-tuoi: the best answers with some lowered.
inline ocop::scorecard card(const std::string& name, std::initializer_list<std::pair<const char*, const char*>> lowered = {}) {
    ocop::scorecard c = with(rau_top(name), lowered);
    return c;
}

inline ocop::event recorded(const std::string& dossier, const ocop::scorecard& c, int round = 1, const std::string& level = "district",
                     role r = role::council_secretary) {
    ocop::event e = wf::ev(dossier, r, day, ocop::scorecard_payload{level, round, c}, "phiếu chấm điểm");
    if (r == role::council_member) e.actor = c.evaluator;
    return e;
}

inline ocop::event result(const std::string& dossier, ocop::council_payload p) { return wf::ev(dossier, role::district_council, day, std::move(p)); }

inline ocop::council_payload round_only(int round = 1) { return ocop::council_payload{round, std::nullopt, std::nullopt, std::nullopt, std::nullopt}; }

/// A registered, submitted 1048-781 dossier at the district (no appraisal there).
inline ocop::registry submitted(const std::string& id = "C") {
    ocop::registry r;
    r.apply(wf::ev(id, role::subject, "2021-09-01", wf::registration(wf::product(id))));
    r.apply(wf::ev(id, role::subject, "2021-09-02", ocop::submitted_payload{}));
    return r;
}

/// Three members: 100 points, and two who lowered some criteria.
inline std::vector<ocop::scorecard> three_members() {
    return {card("Member A"), card("Member B", {{"1.1", "a"}, {"6.2", "c"}}), card("Member C", {{"8", "b"}, {"10", "b"}})};
}

/// What ocop::aggregate gives for `cards` at the district of 1048-781: the expected result.
inline ocop::council_result expected(const std::vector<ocop::scorecard>& cards) {
    std::vector<ocop::scorecard_result> scored;
    for (const auto& c : cards) scored.push_back(ocop::score(ocop::test::ed1048(), ocop::test::rau(), c));
    ocop::council_policy policy;
    policy.level = "district";
    return ocop::aggregate(ocop::test::ed1048(), ocop::test::proc1048(), ocop::test::rau(), scored, policy);
}

}  // namespace ocop::test::council_events
