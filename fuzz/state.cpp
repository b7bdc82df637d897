// Fuzz target: a dossier state document through parse_state() (what ocop_workflow_apply() takes
// from a host), then every event of a dossier's path applied to it. Properties: apply() never
// modifies the state given; a new state round-trips through to_json()/parse_state(); refusals are
// well-formed errors.

#include <string>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/error.hpp"
#include "ocop/workflow.hpp"
#include "ocop/workflow_json.hpp"
#include "ocop_test/dossier_path.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    static const auto events = ocop::test::certified_path("HN-001");
    ocop::dossier_state s;
    try {
        s = ocop::parse_state(ocop::fuzz::text(data, size));
    } catch (const ocop::error& err) {
        OCOP_FUZZ_CHECK(!err.problems().empty());
        return 0;
    }
    const std::string before = boost::json::serialize(ocop::to_json(s));
    for (auto e : events) {
        if (e.type() == ocop::event_type::registered) continue;
        e.dossier = s.dossier.id;
        try {
            ocop::dossier_state next = ocop::apply(&s, e);
            const std::string written = boost::json::serialize(ocop::to_json(next));
            OCOP_FUZZ_CHECK(boost::json::serialize(ocop::to_json(ocop::parse_state(written))) == written);
        } catch (const ocop::error& err) {
            OCOP_FUZZ_CHECK(!err.problems().empty());
        }
        OCOP_FUZZ_CHECK(boost::json::serialize(ocop::to_json(s)) == before);
    }
    return 0;
}
