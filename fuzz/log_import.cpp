// Fuzz target: an exported event log through event_log::import_jsonl(), verify() and
// registry::replay(). Properties: an imported log exports back byte for byte; replay succeeds only
// on a log that verifies, and the replayed registry's log is byte-identical to the input.

#include <string>

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/error.hpp"
#include "ocop/event_log.hpp"
#include "ocop/event_log_json.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    const std::string_view text = ocop::fuzz::text(data, size);
    ocop::event_log log;
    try {
        log = ocop::event_log::import_jsonl(text);
    } catch (const ocop::error& err) {
        OCOP_FUZZ_CHECK(!err.problems().empty());
        return 0;
    }
    OCOP_FUZZ_CHECK(log.export_jsonl() == text);
    const ocop::log_verification v = log.verify();
    (void)boost::json::serialize(ocop::to_json(v));
    try {
        ocop::registry reg = ocop::registry::replay(log);
        OCOP_FUZZ_CHECK(v.ok);
        OCOP_FUZZ_CHECK(reg.log().export_jsonl() == text);
        (void)boost::json::serialize(ocop::to_json(reg));
    } catch (const ocop::error& err) {
        OCOP_FUZZ_CHECK(!err.problems().empty());
        if (!v.ok) OCOP_FUZZ_CHECK(err.code() == ocop::errc::tampered);
    }
    return 0;
}
