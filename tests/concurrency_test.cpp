// Concurrency: the threading contract of docs/architecture.md ("Threading"). Many threads score
// against the one shared embedded catalog (also racing on its first use) and one shared compiled
// sheet, while others run independent workflows (each thread its own registry). Results must equal
// the single-threaded ones. Run under TSan by tools/sanitize.sh (the thread leg).

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/batch.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/council.hpp"
#include "ocop/council_json.hpp"
#include "ocop/detail/embedded_edition.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"
#include "ocop/workflow_json.hpp"
#include "ocop_test/dossier_path.hpp"
#include "rau_cards.hpp"

namespace {

constexpr int scorers = 6;
constexpr int workflows = 2;
constexpr int rounds = 20;

/// Takes dossier `id` from registration to a province certificate (the shared path, tests/support).
void certify(ocop::registry& r, const std::string& id) {
    for (const auto& e : ocop::test::certified_path(id)) r.apply(e);
}

}  // namespace

TEST_CASE("concurrency: scoring on one shared catalog while independent workflows run", "[concurrency]") {
    std::latch start(scorers + workflows);
    std::atomic<int> failures{0};
    std::vector<std::string> first_totals(scorers);
    std::vector<std::thread> threads;
    for (int t = 0; t < scorers; ++t) {
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            try {
                // Every scorer races on the first use of the embedded catalog.
                const ocop::catalog& cat = ocop::embedded_catalog();
                const ocop::edition& ed = cat.get("1048-781");
                std::string totals;
                for (int round = 0; round < rounds; ++round) {
                    for (const auto& set : ed.sets) {
                        if (set.status == ocop::set_status::unavailable) continue;
                        ocop::scorecard card = ocop::test::best_card(set);
                        ocop::scorecard_result r = ocop::score(cat, card);
                        if (round == 0) totals += set.id + "=" + std::to_string(r.total) + ";";
                        if (set.id == "rau-cu-qua-hat-tuoi") {
                            std::vector<ocop::scorecard_result> members(3, r);
                            ocop::council_result c = ocop::aggregate(ed, ocop::embedded_procedures().get(ed.id), set, members);
                            if (c.stars != 5 || c.mean_display != "100.00") ++failures;
                            (void)boost::json::serialize(ocop::to_json(c));
                        }
                    }
                }
                first_totals[static_cast<std::size_t>(t)] = totals;
            } catch (...) {
                ++failures;
            }
        });
    }
    std::vector<std::string> states(workflows);
    for (int w = 0; w < workflows; ++w) {
        threads.emplace_back([&, w] {
            start.arrive_and_wait();
            try {
                ocop::registry reg;  // one registry per thread: registries are not synchronised
                for (int i = 0; i < 5; ++i) certify(reg, "W" + std::to_string(w) + "-" + std::to_string(i));
                ocop::registry again = ocop::registry::replay(reg.log());
                if (boost::json::serialize(ocop::to_json(again)) != boost::json::serialize(ocop::to_json(reg))) ++failures;
                // Strip the thread's own prefix so that all workflow threads must agree.
                std::string s = boost::json::serialize(ocop::to_json(reg));
                const std::string prefix = "W" + std::to_string(w) + "-";
                for (auto p = s.find(prefix); p != std::string::npos; p = s.find(prefix, p)) s.replace(p, prefix.size(), "W-");
                states[static_cast<std::size_t>(w)] = s;
            } catch (...) {
                ++failures;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(failures == 0);
    for (const auto& t : first_totals) CHECK(t == first_totals[0]);
    CHECK_FALSE(first_totals[0].empty());
    for (const auto& s : states) CHECK(s == states[0]);
}

TEST_CASE("concurrency: one compiled sheet scores batches from many threads", "[concurrency]") {
    const ocop::edition& ed = ocop::embedded_catalog().get("1048-781");
    const ocop::compiled_sheet sheet(ed, *ed.find_set("rau-cu-qua-hat-tuoi"));
    const ocop::scorecard best = ocop::test::rau_top();
    std::vector<std::uint8_t> row(sheet.slots());
    for (std::size_t s = 0; s < sheet.slots(); ++s) {
        const auto& a = best.answers.at(sheet.criterion_id(s));
        row[s] = *sheet.option_index(s, a.case_id.value_or(""), a.level);
    }
    constexpr std::size_t count = 500;
    std::vector<std::uint8_t> levels;
    for (std::size_t i = 0; i < count; ++i) levels.insert(levels.end(), row.begin(), row.end());
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            std::vector<std::int32_t> totals(count), stars(count);
            for (int k = 0; k < 20; ++k) {
                sheet.score(levels, count, totals, stars);
                for (std::size_t i = 0; i < count; ++i)
                    if (totals[i] != 100 || stars[i] != 5) ++wrong;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
}

TEST_CASE("concurrency: threads racing on the first use of an embedded edition's sheets get one copy each", "[concurrency]") {
    // A fresh lazy edition (the process-wide ones may already be in use): six threads ask for every
    // set at once, each in another order, so that several race on the first read of each sheet.
    const ocop::edition& whole = ocop::embedded_catalog().get("26-2026");
    const ocop::detail::lazy_edition alone("26-2026");
    constexpr std::size_t threads_count = 6;
    const std::size_t sets = whole.sets.size();
    std::latch start(threads_count);
    std::vector<std::vector<const ocop::product_set*>> seen(threads_count, std::vector<const ocop::product_set*>(sets));
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < threads_count; ++t)
        threads.emplace_back([&, t] {
            start.arrive_and_wait();
            for (std::size_t k = 0; k < sets; ++k) {
                const std::size_t i = (k + t * 5) % sets;
                seen[t][i] = t % 2 ? &alone.require_set(whole.sets[i].id) : alone.find_set(whole.sets[i].id);
            }
        });
    for (auto& th : threads) th.join();
    for (std::size_t i = 0; i < sets; ++i) {
        REQUIRE(seen[0][i] != nullptr);
        for (std::size_t t = 1; t < threads_count; ++t) CHECK(seen[t][i] == seen[0][i]);
        CHECK(boost::json::serialize(ocop::to_json(*seen[0][i])) == boost::json::serialize(ocop::to_json(whole.sets[i])));
    }
}
