// Replay's coded reader on the demo campaign (`ocop demo hanoi-2021`, tools/cli/demo_hanoi.cpp):
// every entry of its log, scorecards included, is read coded as the full reader reads it, and the
// log replays to the same registry.

#include <string>

#include <catch2/catch.hpp>

#include "coded_read_check.hpp"
#include "demo_hanoi.hpp"
#include "ocop/event_log.hpp"
#include "ocop/registry_json.hpp"

TEST_CASE("Coded reader: every event of the demo campaign is read coded as the full reader reads it") {
    ocop::cli::demo_figures figures;
    const ocop::registry demo = ocop::cli::run_hanoi_2021(2021, figures, {});  // the demo's default seed
    REQUIRE(demo.log().size() == 20278);  // as tests/cli/test_campaign.py imports it
    std::size_t scorecards = 0;
    for (const ocop::log_entry& entry : demo.log().entries()) {
        CHECK(coded_read::check_text(entry.event));
        ocop::event read;
        REQUIRE(ocop::detail::read_coded_event(coded_read::coded(entry.event), read));
        const ocop::event full = ocop::parse_event(entry.event);
        CHECK(ocop::to_json(read) == ocop::to_json(full));
        scorecards += read.type() == ocop::event_type::scorecard_recorded;
    }
    CHECK(scorecards == figures.scorecards);
    CHECK(scorecards > 10000);
    const ocop::registry again = ocop::registry::replay(demo.log(), {}, demo.campaign(), demo.log().head());
    CHECK(ocop::to_json(again) == ocop::to_json(demo));
    CHECK(again.log().export_jsonl() == demo.log().export_jsonl());
}
