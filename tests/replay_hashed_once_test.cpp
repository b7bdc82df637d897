// Replay hashes each entry once: the entries this process hashed (event_log::hashed_here) are
// checked by their stored hashes, every other entry is hashed, so a log read from outside is
// refused for tampering exactly as event_log::verify() refuses it; and the paths of a refused
// event are placed under its entry once.

#include <string>
#include <utility>
#include <vector>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "ocop/event_log.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"
#include "ocop/workflow_json.hpp"
#include "test_support.hpp"
#include "log_sample.hpp"
#include "workflow_support.hpp"

using namespace wf;
using Catch::Matchers::Contains;

namespace {

/// The exported log with entry `at`'s reason changed, its hash left as it was: still canonical,
/// so import_jsonl reads it, and only hashing the entry finds the edit.
std::string edited_export(const ocop::event_log& log, std::size_t at) {
    std::vector<std::string> lines = lines_of(log.export_jsonl());
    ocop::log_entry e = log.entries()[at];
    boost::json::value event = boost::json::parse(e.event);
    event.as_object()["reason"] = "edited after the fact";
    e.event = boost::json::serialize(event);
    lines[at] = ocop::event_log::line(e);
    return join(lines);
}

}  // namespace

TEST_CASE("Replay: the entries counted as hashed here are those this process hashed or checked, and no others") {
    const ocop::registry r = forwarded_and_closed();
    REQUIRE(r.log().size() == 8);
    CHECK(r.log().hashed_here() == 8);  // registry::apply hashed each entry it wrote

    const ocop::event_log imported = ocop::event_log::import_jsonl(r.log().export_jsonl());
    CHECK(imported.hashed_here() == 0);  // read from outside: nothing known
    CHECK(imported.verify().ok);
    CHECK(imported.hashed_here() == 0);  // verify() checks and keeps nothing: it hashes in full each time

    const ocop::registry again = ocop::registry::replay(imported, {}, std::nullopt, r.log().head());
    CHECK(again.log().hashed_here() == 8);  // replay hashed every imported entry, then kept them
    CHECK(again.log().export_jsonl() == r.log().export_jsonl());

    ocop::event_log appended_to_imported = imported;
    appended_to_imported.append(ev("HN-1", role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
    CHECK(appended_to_imported.hashed_here() == 0);  // only a leading run counts: the imported entries before it are not known

    ocop::event_log copy = r.log();
    CHECK(copy.hashed_here() == 8);
    const ocop::event_log moved = std::move(copy);
    CHECK(moved.hashed_here() == 8);
    CHECK(copy.hashed_here() == 0);  // NOLINT(bugprone-use-after-move): a moved-from log holds nothing
    CHECK(copy.size() == 0);         // NOLINT(bugprone-use-after-move)

    ocop::event_log resumed = ocop::event_log::resume(4, r.log().entries()[3].hash);
    resumed.append(ocop::parse_event(r.log().entries()[4].event));
    CHECK(resumed.hashed_here() == 1);
    CHECK(resumed.entries().back().hash == r.log().entries()[4].hash);
}

TEST_CASE("Replay: a log read from outside is hashed in full, so an edited entry is refused as by verify()") {
    const ocop::registry r = forwarded_and_closed();
    for (std::size_t at : {std::size_t{0}, std::size_t{4}, std::size_t{7}}) {
        const ocop::event_log edited = ocop::event_log::import_jsonl(edited_export(r.log(), at));
        REQUIRE(edited.hashed_here() == 0);
        const ocop::log_verification v = edited.verify();
        REQUIRE(v.fault == ocop::log_fault::edited);
        auto e = ocop::test::expect_error([&] { (void)ocop::registry::replay(edited); }, ocop::errc::tampered);
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].path == "/" + std::to_string(at));
        CHECK(e.problems()[0].message == v.message);
        CHECK_THAT(e.problems()[0].message, Contains("entry " + std::to_string(at) + " was edited"));
    }
}

TEST_CASE("Replay: a log hashed here still has its chain and head checked against the host's head") {
    const ocop::registry r = forwarded_and_closed();
    REQUIRE(r.log().hashed_here() == r.log().size());
    CHECK_NOTHROW(ocop::registry::replay(r.log(), {}, std::nullopt, r.log().head()));
    auto extended = ocop::test::expect_error([&] { (void)ocop::registry::replay(r.log(), {}, std::nullopt, r.log().entries()[5].hash); },
                                             ocop::errc::tampered);
    CHECK(ocop::test::has_problem(extended, "/6", "goes on past the host's head"));
    auto truncated = ocop::test::expect_error([&] { (void)ocop::registry::replay(r.log(), {}, std::nullopt, std::string(64, 'a')); },
                                              ocop::errc::tampered);
    CHECK(ocop::test::has_problem(truncated, "/8", "entries were removed from the end"));

    ocop::event_log shorter = r.log();
    shorter.drop_last();
    CHECK(shorter.hashed_here() == 7);
    CHECK_NOTHROW(ocop::registry::replay(shorter, {}, std::nullopt, r.log().entries()[6].hash));
}

TEST_CASE("Replay: an imported log whose entries after a hashed-here one were re-chained is refused") {
    // Entry 4 replaced and re-hashed: its own hash matches, the next entry's prev no longer does.
    const ocop::registry r = forwarded_and_closed();
    std::vector<std::string> lines = lines_of(r.log().export_jsonl());
    ocop::log_entry forged = r.log().entries()[4];
    boost::json::value event = boost::json::parse(forged.event);
    event.as_object()["reason"] = "forged";
    forged.event = boost::json::serialize(event);
    forged.hash = ocop::event_log::entry_hash(forged.index, forged.prev, forged.event);
    lines[4] = ocop::event_log::line(forged);
    const ocop::event_log log = ocop::event_log::import_jsonl(join(lines));
    auto e = ocop::test::expect_error([&] { (void)ocop::registry::replay(log); }, ocop::errc::tampered);
    CHECK(ocop::test::has_problem(e, "/5", "does not follow entry 4"));
}

TEST_CASE("Replay: a refused event's problems are placed under its entry once, relative to the event") {
    // A well-chained log (hashes computed for the text) whose entry 1 is not an event the reader
    // accepts: replay reports parse_event's own problems, each under "/1/event" once.
    const ocop::registry r = forwarded_and_closed();
    const ocop::log_entry first = r.log().entries()[0];
    boost::json::value event = boost::json::parse(r.log().entries()[1].event);
    event.as_object()["actor"] = 42;
    event.as_object()["role"] = "nobody";
    const std::string text = boost::json::serialize(event);
    std::vector<ocop::problem> expected;
    try {
        (void)ocop::parse_event(text);
        FAIL("accepted");
    } catch (const ocop::error& e) {
        expected = e.problems();
    }
    REQUIRE(expected.size() == 2);
    const ocop::log_entry second{1, first.hash, text, ocop::event_log::entry_hash(1, first.hash, text)};
    const ocop::event_log log = ocop::event_log::import_jsonl(ocop::event_log::line(first) + "\n" + ocop::event_log::line(second) + "\n");
    REQUIRE(log.verify().ok);
    auto e = ocop::test::expect_error([&] { (void)ocop::registry::replay(log); }, ocop::errc::invalid_document);
    REQUIRE(e.problems().size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(e.problems()[i].path == "/1/event" + expected[i].path);
        CHECK(e.problems()[i].message == expected[i].message);
    }
    CHECK(expected[0].path.starts_with("/actor"));
}
