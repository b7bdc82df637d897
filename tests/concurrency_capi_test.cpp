// Concurrency through the C ABI: one catalog handle shared read-only by many threads, each thread
// with its own last error (a failing thread never disturbs another's message), one compiled sheet
// shared, and a thread that modifies its own catalog handle. Run under TSan (tools/sanitize.sh).

#include <algorithm>
#include <atomic>
#include <cstring>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "ocop/ocop.h"
#include "reliability_fixtures.hpp"

TEST_CASE("C API concurrency: shared catalog, per-thread last error", "[concurrency][capi]") {
    ocop_catalog* cat = nullptr;
    REQUIRE(ocop_catalog_new_embedded(&cat) == OCOP_OK);
    const std::string card = ocop::test::rau_best_card();
    constexpr int threads_n = 6;
    std::latch start(threads_n + 1);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < threads_n; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (int i = 0; i < 30; ++i) {
                char* out = nullptr;
                if (t % 2 == 0) {
                    // Good calls: the result is right and this thread's last error stays empty.
                    if (ocop_scorecard_score(cat, card.c_str(), &out) != OCOP_OK) ++failures;
                    else if (!std::strstr(out, "\"total\":100")) ++failures;
                    if (ocop_last_error()[0] != '\0' || ocop_last_error_code() != OCOP_OK) ++failures;
                } else {
                    // Bad calls: each thread sees its own message.
                    const std::string id = "missing-" + std::to_string(t);
                    if (ocop_catalog_edition(cat, id.c_str(), &out) != OCOP_E_NOT_FOUND) ++failures;
                    if (!std::strstr(ocop_last_error(), id.c_str())) ++failures;
                }
                ocop_free(out);
            }
        });
    }
    // A writer on its own handle: modifying one catalog never disturbs readers of another.
    threads.emplace_back([&] {
        start.arrive_and_wait();
        ocop_catalog* own = nullptr;
        if (ocop_catalog_new(&own) != OCOP_OK) ++failures;
        for (int i = 0; i < 5; ++i)
            if (ocop_catalog_add_edition(own, ocop::test::one_set_edition().c_str()) != OCOP_OK) ++failures;
        ocop_catalog_free(own);
    });
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    ocop_catalog_free(cat);
}

namespace {

/// `text` with every "HN-001" replaced by `id`.
std::string with_dossier(std::string text, const std::string& id) {
    for (auto at = text.find("HN-001"); at != std::string::npos; at = text.find("HN-001", at + id.size()))
        text.replace(at, 6, id);
    return text;
}

}  // namespace

TEST_CASE("C API concurrency: one registry shared by writers and readers", "[concurrency][capi]") {
    ocop_registry* reg = nullptr;
    REQUIRE(ocop_registry_new(&reg, nullptr, nullptr) == OCOP_OK);
    const auto& events = ocop::test::path_events();
    constexpr int writers = 6, readers = 4, dossiers_each = 12;
    std::latch start(writers + readers);
    std::atomic<int> failures{0};
    std::atomic<int> writers_done{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            start.arrive_and_wait();
            for (int d = 0; d < dossiers_each; ++d) {
                const std::string id = "HN-" + std::to_string(w) + "-" + std::to_string(d);
                for (std::size_t e = 0; e < 2; ++e)  // registered, submitted
                    if (ocop_registry_apply(reg, with_dossier(events[e], id).c_str(), nullptr) != OCOP_OK) ++failures;
            }
            ++writers_done;
        });
    }
    for (int r = 0; r < readers; ++r) {
        threads.emplace_back([&, r] {
            start.arrive_and_wait();
            while (writers_done < writers) {
                char* out = nullptr;
                int status = r % 2 ? ocop_registry_export_log(reg, &out) : ocop_registry_dossiers(reg, &out);
                if (status != OCOP_OK) ++failures;
                ocop_free(out);
                out = nullptr;
                if (ocop_registry_log_head(reg, &out) != OCOP_OK) ++failures;
                ocop_free(out);
                out = nullptr;
                if (ocop_registry_report(reg, "registrations", nullptr, &out) != OCOP_OK) ++failures;
                ocop_free(out);
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    // Every apply is in the log, the chain verifies against the head, every dossier is there.
    char* log = nullptr;
    char* head = nullptr;
    char* verdict = nullptr;
    char* all = nullptr;
    REQUIRE(ocop_registry_export_log(reg, &log) == OCOP_OK);
    REQUIRE(ocop_registry_log_head(reg, &head) == OCOP_OK);
    REQUIRE(ocop_log_verify(log, head, &verdict) == OCOP_OK);
    CHECK(std::string(verdict).find("\"ok\":true") != std::string::npos);
    CHECK(std::count(log, log + std::strlen(log), '\n') == writers * dossiers_each * 2);
    REQUIRE(ocop_registry_dossiers(reg, &all) == OCOP_OK);
    std::string listing(all);
    for (int w = 0; w < writers; ++w)
        for (int d = 0; d < dossiers_each; ++d)
            CHECK(listing.find("\"id\":\"HN-" + std::to_string(w) + "-" + std::to_string(d) + "\"") != std::string::npos);
    for (char* p : {log, head, verdict, all}) ocop_free(p);
    ocop_registry_free(reg);
}
