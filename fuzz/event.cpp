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
#include "ocop/workflow_json.hpp"
#include "ocop_test/dossier_path.hpp"

namespace {

/// The states of dossier HN-001 after each event of its path (ocop_test/dossier_path.hpp, the same
/// events the seeds in tests/fuzz_corpus/event/ are written from), replayed once.
const std::vector<ocop::dossier_state>& states() {
    static const std::vector<ocop::dossier_state> all = [] {
        std::vector<ocop::dossier_state> v;
        ocop::registry reg;
        for (const auto& e : ocop::test::certified_path("HN-001")) v.push_back(reg.apply(e));
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
