// Fuzz target: a workflow event through parse_event() and apply(). The event is applied to the
// states a dossier passes through on its way to a certificate (its dossier id rewritten to match).
// Properties: an accepted event round-trips through to_json(); apply() never modifies the state it
// is given; a refused event gives a well-formed error.

#include <string>
#include <vector>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/error.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow.hpp"

namespace {

/// The states of dossier HN-001 after each event of tests/fuzz_corpus/event/seed-* (replayed once).
const std::vector<ocop::dossier_state>& states() {
    static const std::vector<ocop::dossier_state> all = [] {
        std::vector<ocop::dossier_state> v;
        ocop::dossier d;
        d.id = "HN-001";
        d.product_name = "P";
        d.subject = {"HTX", ocop::subject_kind::cooperative};
        d.province = "Hà Nội";
        d.district = "Ba Vì";
        d.industry = "food";
        d.set = "rau-cu-qua-hat-tuoi";
        d.documents = {"doc-01", "doc-02", "doc-03", "doc-04", "doc-05"};
        auto ev = [](ocop::role r, const char* day, ocop::event_payload p) {
            return ocop::event{"HN-001", "a", r, std::string(day) + "T09:00:00+07:00", std::move(p), "r"};
        };
        using ocop::role;
        ocop::registry reg;
        for (const auto& e : {ev(role::subject, "2021-09-01", ocop::registered_payload{d, {}, {}, {}}),
                              ev(role::subject, "2021-09-02", ocop::submitted_payload{}),
                              ev(role::district_council, "2021-09-20", ocop::council_payload{1, {362, 5}, 4, 5}),
                              ev(role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}),
                              ev(role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}),
                              ev(role::province_council, "2021-10-18", ocop::council_payload{1, {371, 5}, 4, 5}),
                              ev(role::coordination_office, "2021-11-01", ocop::recognition_payload{4})}) {
            v.push_back(reg.apply(e));
        }
        return v;
    }();
    return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    ocop::event e;
    try {
        e = ocop::parse_event(ocop::fuzz::text(data, size));
    } catch (const ocop::error& err) {
        OCOP_FUZZ_CHECK(!err.problems().empty());
        return 0;
    }
    const std::string written = boost::json::serialize(ocop::to_json(e));
    OCOP_FUZZ_CHECK(boost::json::serialize(ocop::to_json(ocop::parse_event(written))) == written);
    try {
        if (e.type() == ocop::event_type::registered) {
            (void)ocop::apply(nullptr, e);
            return 0;
        }
    } catch (const ocop::error& err) {
        OCOP_FUZZ_CHECK(!err.problems().empty());
        return 0;
    }
    e.dossier = "HN-001";
    for (const auto& s : states()) {
        const std::string before = boost::json::serialize(ocop::to_json(s));
        try {
            ocop::dossier_state next = ocop::apply(&s, e);
            OCOP_FUZZ_CHECK(next.events == s.events + 1);
            (void)boost::json::serialize(ocop::to_json(next));
        } catch (const ocop::error& err) {
            OCOP_FUZZ_CHECK(!err.problems().empty());
        }
        OCOP_FUZZ_CHECK(boost::json::serialize(ocop::to_json(s)) == before);
    }
    return 0;
}
