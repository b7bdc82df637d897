// Fuzz target: one product set document added with with_set() to the embedded 1048-781 edition.
// Properties: the edition given is never modified; an accepted set round-trips through to_json().

#include <boost/json/serialize.hpp>

#include "fuzz_support.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > ocop::fuzz::max_input) return -1;
    const ocop::edition& ed = ocop::embedded_catalog().get("1048-781");
    const std::size_t sets_before = ed.sets.size();
    try {
        ocop::edition updated = ocop::with_set(ed, ocop::fuzz::text(data, size));
        OCOP_FUZZ_CHECK(updated.sets.size() >= sets_before);
        OCOP_FUZZ_CHECK(updated.sets.size() <= sets_before + 1);
        for (const auto& set : updated.sets) {
            if (set.criteria.empty()) continue;
            (void)ocop::with_set(updated, boost::json::serialize(ocop::to_json(set)));
        }
    } catch (const ocop::error& e) {
        OCOP_FUZZ_CHECK(!e.problems().empty());
    }
    OCOP_FUZZ_CHECK(ed.sets.size() == sets_before);
    return 0;
}
