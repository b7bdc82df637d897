// Fuzz target: the C ABI entry points that take strings. The first byte picks the entry point, the
// rest is the (NUL-terminated) string argument; entry points taking two strings split it at the
// first '\n'. Properties: every call returns OCOP_OK or a documented negative code, ocop_last_error()
// is never NULL and is non-empty after a failure, out-parameters are NULL after a failure, a failed
// add leaves the catalog unchanged, and nothing leaks (LeakSanitizer).

#include <cstring>
#include <string>

#include "fuzz_support.hpp"
#include "ocop/ocop.h"
#include "ocop_test/capi_text.hpp"

namespace {

bool known(int rc) { return rc <= OCOP_OK && rc >= OCOP_E_IO; }

void check_failure(int rc) {
    OCOP_FUZZ_CHECK(known(rc));
    OCOP_FUZZ_CHECK(ocop_last_error() != nullptr);
    OCOP_FUZZ_CHECK(ocop_last_error_problems() != nullptr);
    OCOP_FUZZ_CHECK(ocop_last_error_code() == rc);
    if (rc != OCOP_OK) OCOP_FUZZ_CHECK(ocop_last_error()[0] != '\0');
}

/// Calls f(&out), checks the status, the out-parameter contract, and frees the result.
template <class F>
int with_out(F&& f) {
    char* out = reinterpret_cast<char*>(1);  // must be overwritten either way
    int rc = f(&out);
    check_failure(rc);
    if (rc == OCOP_OK) OCOP_FUZZ_CHECK(out != nullptr);
    else OCOP_FUZZ_CHECK(out == nullptr);
    ocop_free(out == reinterpret_cast<char*>(1) ? nullptr : out);
    return rc;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1 || size > ocop::fuzz::max_input) return -1;
    const std::uint8_t op = data[0];
    std::string arg(reinterpret_cast<const char*>(data + 1), size - 1);
    arg = arg.c_str();  // the C API sees up to the first NUL
    std::string first = arg, second;
    if (auto nl = arg.find('\n'); nl != std::string::npos) {
        first = arg.substr(0, nl);
        second = arg.substr(nl + 1);
    }

    ocop_catalog* embedded = nullptr;
    OCOP_FUZZ_CHECK(ocop_catalog_new_embedded(&embedded) == OCOP_OK);
    switch (op % 15) {
        case 0: check_failure(ocop_catalog_validate_edition(arg.c_str())); break;
        case 1: {
            ocop_catalog* cat = nullptr;
            OCOP_FUZZ_CHECK(ocop_catalog_new(&cat) == OCOP_OK);
            const std::string before = ocop::test::editions_json(cat);
            int rc = ocop_catalog_add_edition(cat, arg.c_str());
            check_failure(rc);
            if (rc != OCOP_OK) OCOP_FUZZ_CHECK(ocop::test::editions_json(cat) == before);
            ocop_catalog_free(cat);
            break;
        }
        case 2: {
            const std::string before = ocop::test::editions_json(embedded);
            int rc = ocop_catalog_add_set(embedded, "1048-781", arg.c_str());
            check_failure(rc);
            if (rc != OCOP_OK) OCOP_FUZZ_CHECK(ocop::test::editions_json(embedded) == before);
            break;
        }
        case 3: with_out([&](char** out) { return ocop_scorecard_score(embedded, arg.c_str(), out); }); break;
        case 4: with_out([&](char** out) { return ocop_council_evaluate(embedded, arg.c_str(), out); }); break;
        case 5: with_out([&](char** out) { return ocop_catalog_in_force(embedded, arg.c_str(), out); }); break;
        case 6: with_out([&](char** out) { return ocop_catalog_edition(embedded, arg.c_str(), out); }); break;
        case 7: with_out([&](char** out) { return ocop_catalog_sets(embedded, arg.c_str(), out); }); break;
        case 8: with_out([&](char** out) { return ocop_catalog_set(embedded, first.c_str(), second.c_str(), out); }); break;
        case 9: {
            ocop_sheet* sheet = nullptr;
            int rc = ocop_sheet_new(&sheet, embedded, "1048-781", first.c_str());
            check_failure(rc);
            OCOP_FUZZ_CHECK((rc == OCOP_OK) == (sheet != nullptr));
            if (sheet) {
                std::string crit = second, level;
                if (auto sp = second.find(' '); sp != std::string::npos) {
                    crit = second.substr(0, sp);
                    level = second.substr(sp + 1);
                }
                std::size_t slot = 7;
                std::uint8_t index = 7;
                rc = ocop_sheet_option_index(sheet, crit.c_str(), nullptr, level.c_str(), &slot, &index);
                check_failure(rc);
                if (rc != OCOP_OK) OCOP_FUZZ_CHECK(slot == 0 && index == OCOP_NO_ANSWER);
                ocop_sheet_free(sheet);
            }
            break;
        }
        case 10: {  // one event applied to an empty registry: refused events leave the log unchanged
            ocop_registry* reg = nullptr;
            OCOP_FUZZ_CHECK(ocop_registry_new(&reg, embedded, nullptr) == OCOP_OK);
            char* head = nullptr;
            OCOP_FUZZ_CHECK(ocop_registry_log_head(reg, &head) == OCOP_OK);
            const std::string before(head);
            ocop_free(head);
            int rc = with_out([&](char** out) { return ocop_registry_apply(reg, arg.c_str(), out); });
            OCOP_FUZZ_CHECK(ocop_registry_log_head(reg, &head) == OCOP_OK);
            OCOP_FUZZ_CHECK((std::string(head) == before) == (rc != OCOP_OK));
            ocop_free(head);
            ocop_registry_free(reg);
            break;
        }
        case 11: {  // a log imported into a registry (head check when a second line is given)
            ocop_registry* reg = nullptr;
            int rc = ocop_registry_import_log(&reg, embedded, nullptr, arg.c_str(), nullptr);
            check_failure(rc);
            OCOP_FUZZ_CHECK((rc == OCOP_OK) == (reg != nullptr));
            if (reg) {
                char* out = nullptr;
                OCOP_FUZZ_CHECK(ocop_registry_export_log(reg, &out) == OCOP_OK);
                OCOP_FUZZ_CHECK(arg == out);
                ocop_free(out);
                ocop_registry_free(reg);
            }
            break;
        }
        case 12: with_out([&](char** out) { return ocop_log_verify(arg.c_str(), nullptr, out); }); break;
        case 13: with_out([&](char** out) { return ocop_workflow_apply(embedded, nullptr, arg.c_str(), out); }); break;
        case 14: with_out([&](char** out) { return ocop_workflow_apply(embedded, first.c_str(), second.c_str(), out); }); break;
    }
    ocop_catalog_free(embedded);
    return 0;
}
