// Allocation-failure injection, C ABI: every allocation of each call fails in turn. Each call must
// return OCOP_E_NOMEM (never crash, never another code), leave its out-parameters NULL and the
// catalog unchanged (strong guarantee), and leak nothing (LeakSanitizer in the ASan leg).

#include <string>

#include <catch2/catch.hpp>

#include "alloc_fault.hpp"
#include "ocop/ocop.h"
#include "ocop_test/capi_text.hpp"
#include "reliability_fixtures.hpp"

namespace fault = ocop::test::fault;

namespace {


/// Calls `call` (returning a status) at every failure point; checks the status and the last error.
/// `after` runs (disarmed) after each injected failure to check state. Returns the failure points.
template <class Call, class After>
long nomem_everywhere(Call&& call, After&& after, long dense = 1L << 30, long stride = 1) {
    long points = 0, nomem = 0;
    int rc = OCOP_OK;
    fault::each_failure_point([&] { rc = call(); },
                              [&](bool threw_bad_alloc, bool threw_other, bool injected) {
                                  REQUIRE_FALSE(threw_bad_alloc);  // no exception crosses into C
                                  REQUIRE_FALSE(threw_other);
                                  if (!injected) {
                                      INFO(ocop_last_error());
                                      REQUIRE(rc == OCOP_OK);
                                      return;
                                  }
                                  ++points;
                                  if (rc == OCOP_OK) return;  // a nothrow allocation with a fallback
                                  INFO("status " << rc << ": " << ocop_last_error());
                                  REQUIRE(rc == OCOP_E_NOMEM);
                                  REQUIRE(ocop_last_error_code() == OCOP_E_NOMEM);
                                  REQUIRE(std::string(ocop_last_error()).find("out of memory") != std::string::npos);
                                  ++nomem;
                                  after();
                              },
                              dense, stride);
    if (points > 0) CHECK(nomem > 0);  // some calls allocate only with malloc (ocop_free'd strings)
    return points;
}

}  // namespace

TEST_CASE("C API: out of memory in catalog creation and edition loading returns OCOP_E_NOMEM", "[alloc][capi]") {
    ocop_catalog* cat = nullptr;
    nomem_everywhere([&] { return ocop_catalog_new(&cat); }, [&] { REQUIRE(cat == nullptr); });
    REQUIRE(cat != nullptr);

    const std::string before = ocop::test::editions_json(cat);
    const std::string& doc = ocop::test::one_set_edition();
    nomem_everywhere([&] { return ocop_catalog_validate_edition(doc.c_str()); }, [] {}, 1000, 7);
    nomem_everywhere(
        [&] {
            int rc = ocop_catalog_add_edition(cat, doc.c_str());
            fault::disarm();  // the cleanup below allocates
            if (rc == OCOP_OK) {  // undo for the next run: a fresh catalog
                ocop_catalog_free(cat);
                REQUIRE(ocop_catalog_new(&cat) == OCOP_OK);
            }
            return rc;
        },
        [&] { REQUIRE(ocop::test::editions_json(cat) == before); }, 1000, 7);
    ocop_catalog_free(cat);
}

TEST_CASE("C API: out of memory in add_set leaves the catalog unchanged", "[alloc][capi]") {
    ocop_catalog* cat = nullptr;
    REQUIRE(ocop_catalog_new(&cat) == OCOP_OK);
    REQUIRE(ocop_catalog_add_edition(cat, ocop::test::one_set_edition().c_str()) == OCOP_OK);
    const std::string before = ocop::test::editions_json(cat);
    char* set_before = nullptr;
    REQUIRE(ocop_catalog_set(cat, "fuzz-2099", "rau-cu-qua-hat-tuoi", &set_before) == OCOP_OK);
    const std::string& set = ocop::test::rau_set();
    nomem_everywhere([&] { return ocop_catalog_add_set(cat, "fuzz-2099", set.c_str()); },
                     [&] {
                         REQUIRE(ocop::test::editions_json(cat) == before);
                         char* now = nullptr;
                         REQUIRE(ocop_catalog_set(cat, "fuzz-2099", "rau-cu-qua-hat-tuoi", &now) == OCOP_OK);
                         REQUIRE(std::string(now) == set_before);
                         ocop_free(now);
                     },
                     1000, 7);
    ocop_free(set_before);
    ocop_catalog_free(cat);
}

TEST_CASE("C API: out of memory in scoring, councils and queries returns OCOP_E_NOMEM with NULL outputs",
          "[alloc][capi]") {
    ocop_catalog* cat = nullptr;
    REQUIRE(ocop_catalog_new_embedded(&cat) == OCOP_OK);
    char* out = nullptr;
    auto out_null = [&] { REQUIRE(out == nullptr); };
    auto release = [&](int rc) {
        ocop_free(out);
        out = rc == OCOP_OK ? nullptr : out;
        return rc;
    };
    const std::string& card = ocop::test::rau_best_card();
    const std::string& council = ocop::test::rau_council();
    nomem_everywhere([&] { return release(ocop_scorecard_score(cat, card.c_str(), &out)); }, out_null);
    nomem_everywhere([&] { return release(ocop_council_evaluate(cat, council.c_str(), &out)); }, out_null, 1000, 7);
    const std::string advice = "{\"scorecard\":" + card + ",\"target\":5}";
    nomem_everywhere([&] { return release(ocop_advise(cat, advice.c_str(), &out)); }, out_null, 1000, 7);
    nomem_everywhere([&] { return release(ocop_council_analyse(cat, council.c_str(), &out)); }, out_null, 1000, 37);
    nomem_everywhere([&] { return release(ocop_catalog_in_force(cat, "2021-10-20", &out)); }, out_null);
    nomem_everywhere([&] { return release(ocop_catalog_sets(cat, "1048-781", &out)); }, out_null);
    nomem_everywhere([&] { return release(ocop_catalog_set(cat, "1048-781", "rau-cu-qua-hat-tuoi", &out)); }, out_null);
    nomem_everywhere([&] { return release(ocop_catalog_edition(cat, "1048-781", &out)); }, out_null);
    // A failing call whose error message itself cannot be stored still reports something.
    nomem_everywhere([&] { return release(ocop_scorecard_score(cat, "{\"edition\": 1}", &out)) == OCOP_E_INVALID_DOCUMENT
                                      ? OCOP_OK
                                      : ocop_last_error_code(); },
                     out_null);

    ocop_sheet* sheet = nullptr;
    nomem_everywhere([&] {
        int rc = ocop_sheet_new(&sheet, cat, "1048-781", "rau-cu-qua-hat-tuoi");
        fault::disarm();  // the cleanup below allocates
        if (rc == OCOP_OK) {
            ocop_sheet_free(sheet);
            sheet = nullptr;
        }
        return rc;
    }, [&] { REQUIRE(sheet == nullptr); });
    REQUIRE(ocop_sheet_new(&sheet, cat, "1048-781", "rau-cu-qua-hat-tuoi") == OCOP_OK);
    nomem_everywhere([&] { return release(ocop_sheet_layout(sheet, &out)); }, out_null);
    ocop_sheet_free(sheet);
    ocop_catalog_free(cat);
}

TEST_CASE("C API: out of memory in the workflow - apply is all or nothing, imports and verification fail cleanly",
          "[alloc][capi][workflow]") {
    {
        // Build the library's one-time embedded catalog and procedures first: injecting failures into
        // their first use would rebuild them at every failure point (quadratic: hours in a Debug build).
        ocop_registry* warm = nullptr;
        REQUIRE(ocop_registry_new(&warm, nullptr, nullptr) == OCOP_OK);
        char* state = nullptr;
        REQUIRE(ocop_registry_apply(warm, ocop::test::path_events().front().c_str(), &state) == OCOP_OK);
        ocop_free(state);
        ocop_registry_free(warm);
    }
    ocop_registry* reg = nullptr;
    nomem_everywhere([&] {
        int rc = ocop_registry_new(&reg, nullptr, nullptr);
        fault::disarm();  // the cleanup below allocates
        if (rc == OCOP_OK) {
            ocop_registry_free(reg);
            reg = nullptr;
        }
        return rc;
    }, [&] { REQUIRE(reg == nullptr); });
    REQUIRE(ocop_registry_new(&reg, nullptr, nullptr) == OCOP_OK);
    auto head = [&] {
        char* h = nullptr;
        REQUIRE(ocop_registry_log_head(reg, &h) == OCOP_OK);
        std::string s(h);
        ocop_free(h);
        return s;
    };
    for (const auto& text : ocop::test::path_events()) {
        const std::string before = head();
        bool applied = false;
        long nomem = 0;
        // Strong guarantee (ocop.h): after OCOP_E_NOMEM the registry and its log are unchanged, and the
        // event is retried until it is applied exactly once.
        fault::each_failure_point(
            [&] {
                if (applied) return;
                char* out = reinterpret_cast<char*>(1);
                const int rc = ocop_registry_apply(reg, text.c_str(), &out);
                fault::disarm();  // the checks below allocate; each_failure_point still sees the injection
                const int code = ocop_last_error_code();
                const std::string message = ocop_last_error();
                if (rc != OCOP_OK) {
                    REQUIRE(out == nullptr);
                    REQUIRE(rc == OCOP_E_NOMEM);
                    REQUIRE(code == OCOP_E_NOMEM);
                    REQUIRE(message.find("out of memory") != std::string::npos);
                    REQUIRE(head() == before);  // strong guarantee: the event was not applied
                    ++nomem;
                }
                ocop_free(out);
                if (rc == OCOP_OK) applied = true;
            },
            [&](bool threw_bad_alloc, bool threw_other, bool) {
                REQUIRE_FALSE(threw_bad_alloc);
                REQUIRE_FALSE(threw_other);
            },
            150, 13);
        REQUIRE(applied);
        CHECK(nomem > 0);
    }
    char* log = nullptr;
    REQUIRE(ocop_registry_export_log(reg, &log) == OCOP_OK);
    CHECK(std::string(log) == ocop::test::path_log());  // every event exactly once, in order
    ocop_free(log);
    ocop_registry_free(reg);

    const std::string& text = ocop::test::path_log();
    ocop_registry* imported = nullptr;
    nomem_everywhere([&] {
        int rc = ocop_registry_import_log(&imported, nullptr, nullptr, text.c_str(), nullptr);
        fault::disarm();  // the cleanup below allocates
        if (rc == OCOP_OK) {
            ocop_registry_free(imported);
            imported = nullptr;
        }
        return rc;
    }, [&] { REQUIRE(imported == nullptr); }, 500, 17);
    char* out = nullptr;
    nomem_everywhere([&] {
        int rc = ocop_log_verify(text.c_str(), nullptr, &out);
        fault::disarm();  // the cleanup below allocates
        ocop_free(out);
        out = nullptr;
        return rc;
    }, [&] { REQUIRE(out == nullptr); }, 500, 17);
}
