// Every role refusal of every procedure: for each level and each event there, every role the
// procedure does not list is refused (errc::forbidden, naming the allowed roles and the source),
// and every listed role gets past the role check.

#include "ocop/workflow.hpp"

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include "workflow_support.hpp"

using Catch::Matchers::Contains;

namespace {

ocop::event_payload payload_of(ocop::event_type t, const std::string& dossier_id) {
    ocop::event_payload p;
    boost::mp11::mp_with_index<std::variant_size_v<ocop::event_payload>>(static_cast<std::size_t>(t), [&](auto I) {
        p = std::variant_alternative_t<I, ocop::event_payload>{};
    });
    if (auto* reg = std::get_if<ocop::registered_payload>(&p)) reg->dossier = wf::product(dossier_id);
    return p;
}

std::vector<ocop::role> all_roles() {
    std::vector<ocop::role> out;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<ocop::role>>([&](auto D) { out.push_back(D.value); });
    return out;
}

}  // namespace

TEST_CASE("Roles: each procedure refuses every role it does not list for an event, at every level") {
    int refusals = 0, passes = 0;
    for (const auto& proc : ocop::embedded_procedures().items()) {
        const std::string day = proc.valid_from.to_string();
        for (const auto& level : proc.levels) {
            ocop::dossier_state s;
            s.dossier = wf::product("R");
            s.edition = proc.edition;
            s.level = level.id;
            s.phase = ocop::phase::submitted;
            s.updated_at = day + "T00:00:00+07:00";
            for (const auto& rule : level.events) {
                const bool is_registration = rule.type == ocop::event_type::registered;
                for (ocop::role r : all_roles()) {
                    ocop::event e = wf::ev("R", r, day, payload_of(rule.type, "R"));
                    const bool allowed = std::find(rule.roles.begin(), rule.roles.end(), r) != rule.roles.end();
                    ocop::errc code = ocop::errc::io;
                    std::string what;
                    try {
                        ocop::apply(is_registration ? nullptr : &s, e);
                        code = ocop::errc::io;  // accepted
                    } catch (const ocop::error& err) {
                        code = err.code();
                        what = err.what();
                    }
                    INFO(proc.edition << " " << level.id << " " << ocop::detail::enum_name(rule.type) << " by "
                                      << ocop::detail::enum_name(r) << ": " << what);
                    if (allowed) {
                        CHECK(code != ocop::errc::forbidden);
                        ++passes;
                    } else {
                        CHECK(code == ocop::errc::forbidden);
                        CHECK_THAT(what, Contains("may not apply " + std::string(ocop::detail::enum_name(rule.type))) &&
                                             Contains("(" + rule.source + ")"));
                        ++refusals;
                    }
                }
            }
        }
    }
    CHECK(refusals > 300);
    CHECK(passes > 40);
}

TEST_CASE("Roles: the message of a refusal names the role, the event, the level, the allowed roles and the source") {
    ocop::registry r;
    wf::to_district_result(r, wf::product("A"), 362, 5, 4);
    std::string what;
    CHECK(wf::refusal(r, wf::ev("A", ocop::role::district_council, "2021-10-01", ocop::forwarded_payload{"province"}), what) ==
          ocop::errc::forbidden);
    CHECK(what == "/role: role district_council may not apply forwarded at level district of procedure 1048-781; allowed: "
                  "district_people_committee (1048/QĐ-TTg, Phụ lục II (UBND cấp huyện gửi cấp tỉnh))");
    CHECK(r.log().size() == 3);
    CHECK(r.find("A")->phase == ocop::phase::evaluated);
}

TEST_CASE("Roles: an event that is not part of the dossier's level is refused as a rule of the procedure") {
    ocop::registry r;
    wf::to_district_result(r, wf::product("A"), 362, 5, 4);
    std::string what;
    CHECK(wf::refusal(r, wf::ev("A", ocop::role::advisory_group, "2021-10-01",
                                ocop::appraisal_payload{ocop::appraisal_outcome::accepted, false, {}}), what) == ocop::errc::rule_violation);
    CHECK_THAT(what, Contains("event appraisal_result is not part of level district of procedure 1048-781"));
}
