// Concurrency through the C ABI: one catalog handle shared read-only by many threads, each thread
// with its own last error (a failing thread never disturbs another's message), one compiled sheet
// shared, and a thread that modifies its own catalog handle. Run under TSan (tools/sanitize.sh).

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
