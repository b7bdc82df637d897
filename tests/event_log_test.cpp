// The hash-chained log: SHA-256, canonical entries, export/import byte for byte, every kind of
// tampering detected with its place, and replay reproducing the dossiers exactly.

#include "ocop/event_log.hpp"

#include <algorithm>
#include <utility>
#include <variant>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "ocop/detail/log_text_codec.hpp"
#include "ocop/event_log_json.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"
#include "test_support.hpp"
#include "ocop/workflow_json.hpp"
#include "log_sample.hpp"
#include "workflow_support.hpp"

using namespace wf;
using Catch::Matchers::Contains;

namespace {

/// A registry with three dossiers and 13 events.
ocop::registry sample() {
    ocop::registry r = forwarded_and_closed();
    r.apply(ev("HN-1", role::advisory_group, "2021-10-12", ocop::appraisal_payload{ocop::appraisal_outcome::accepted, true, {}}));
    r.apply(ev("HN-1", role::province_council, "2021-10-18", council(1, 371, 5, 4)));
    to_district_result(r, product("HN-3", "Sơn Tây", "food"), 300, 5, 3);
    return r;
}

ocop::log_verification verify_text(const std::string& text, std::optional<std::string> head = std::nullopt) {
    return ocop::event_log::import_jsonl(text).verify(head);
}

}  // namespace

TEST_CASE("Log: SHA-256 comes from libcrypto and matches the FIPS 180-2 test vector") {
    CHECK(ocop::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(ocop::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("Log: each entry hashes the canonical {index, prev, event} and chains to the one before") {
    ocop::registry r = sample();
    const auto& entries = r.log().entries();
    REQUIRE(entries.size() == 13);
    CHECK(entries[0].prev == std::string(64, '0'));
    // The stored text is Boost.JSON's canonical serialization of the event.
    CHECK(entries[0].event == boost::json::serialize(ocop::to_json(ocop::parse_event(entries[0].event))));
    const std::string canonical = "{\"index\":0,\"prev\":\"" + std::string(64, '0') + "\",\"event\":" + entries[0].event + "}";
    CHECK(entries[0].hash == ocop::sha256_hex(canonical));
    // The line is the bytes Boost.JSON's serialize() gives for the object built key by key.
    boost::json::object o;
    o["index"] = entries[0].index;
    o["prev"] = entries[0].prev;
    o["event"] = boost::json::parse(entries[0].event);
    o["hash"] = entries[0].hash;
    CHECK(ocop::event_log::line(entries[0]) == boost::json::serialize(o));
    for (std::size_t i = 1; i < entries.size(); ++i) CHECK(entries[i].prev == entries[i - 1].hash);
    CHECK(r.log().head() == entries.back().hash);
    CHECK_THAT(entries[0].event, Contains(R"({"type":"registered","dossier":"HN-1","actor":)"));
    CHECK(r.log().verify().ok);
    CHECK(r.log().verify(r.log().head()).fault == ocop::log_fault::intact);
}

TEST_CASE("Log: export and import round-trip byte for byte") {
    ocop::registry r = sample();
    const std::string text = r.log().export_jsonl();
    CHECK(lines_of(text).size() == 13);
    ocop::event_log back = ocop::event_log::import_jsonl(text);
    CHECK(back.export_jsonl() == text);
    CHECK(back.head() == r.log().head());
    CHECK(ocop::event_log::import_jsonl("").size() == 0);
}

TEST_CASE("Log: an edited entry is detected at its index") {
    std::vector<std::string> lines = lines_of(sample().log().export_jsonl());
    const std::string from = "\"mean\":{\"numerator\":236", to = "\"mean\":{\"numerator\":286";
    REQUIRE(lines[5].find(from) != std::string::npos);
    lines[5].replace(lines[5].find(from), from.size(), to);  // 47.20 becomes 57.20
    ocop::log_verification v = verify_text(join(lines));
    CHECK_FALSE(v.ok);
    CHECK(v.fault == ocop::log_fault::edited);
    CHECK(v.first_bad == 5u);
    CHECK_THAT(v.message, Contains("entry 5 was edited"));
}

TEST_CASE("Log: a deleted entry is detected where the indices jump") {
    std::vector<std::string> lines = lines_of(sample().log().export_jsonl());
    lines.erase(lines.begin() + 4);
    ocop::log_verification v = verify_text(join(lines));
    CHECK(v.fault == ocop::log_fault::deleted);
    CHECK(v.first_bad == 4u);
    CHECK_THAT(v.message, Contains("carries index 5") && Contains("1 entry before it were deleted"));
}

TEST_CASE("Log: reordered entries are detected") {
    std::vector<std::string> lines = lines_of(sample().log().export_jsonl());
    std::swap(lines[6], lines[7]);
    ocop::log_verification v = verify_text(join(lines));
    CHECK(v.fault == ocop::log_fault::reordered);
    CHECK(v.first_bad == 6u);
}

TEST_CASE("Log: verify_or_throw passes an intact log and reports a tampered one as errc::tampered at its line") {
    const ocop::event_log log = sample().log();
    CHECK_NOTHROW(log.verify_or_throw());
    CHECK_NOTHROW(log.verify_or_throw(log.head()));
    CHECK_NOTHROW(ocop::event_log{}.verify_or_throw());

    std::vector<std::string> lines = lines_of(log.export_jsonl());
    std::swap(lines[6], lines[7]);
    const ocop::event_log reordered = ocop::event_log::import_jsonl(join(lines));
    auto e = ocop::test::expect_error([&] { reordered.verify_or_throw(); }, ocop::errc::tampered);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].path == "/6");
    CHECK(e.problems()[0].message == reordered.verify().message);

    const std::string older = log.entries()[10].hash;
    auto extended = ocop::test::expect_error([&] { log.verify_or_throw(older); }, ocop::errc::tampered);
    CHECK(ocop::test::has_problem(extended, "/11", "goes on past the host's head"));
}

TEST_CASE("Log: an entry replaced and re-hashed breaks the chain at the next entry") {
    ocop::event_log log = sample().log();
    std::vector<std::string> lines = lines_of(log.export_jsonl());
    ocop::log_entry forged = log.entries()[5];
    boost::json::value event = boost::json::parse(forged.event);
    event.as_object()["reason"] = "forged";
    forged.event = boost::json::serialize(event);
    forged.hash = ocop::event_log::entry_hash(forged.index, forged.prev, forged.event);
    lines[5] = ocop::event_log::line(forged);
    ocop::log_verification v = verify_text(join(lines));
    CHECK(v.fault == ocop::log_fault::chain_broken);
    CHECK(v.first_bad == 6u);
}

TEST_CASE("Log: a truncated log is detected against the head the host kept, and a stale head shows added entries") {
    ocop::registry r = sample();
    const std::string head = r.log().head();
    std::vector<std::string> lines = lines_of(r.log().export_jsonl());
    lines.pop_back();
    lines.pop_back();
    CHECK(verify_text(join(lines)).ok);  // without the head, a prefix of a log is a valid log
    ocop::log_verification v = verify_text(join(lines), head);
    CHECK(v.fault == ocop::log_fault::truncated);
    CHECK(v.first_bad == 11u);
    CHECK_THAT(v.message, Contains("removed from the end"));

    const std::string older = r.log().entries()[10].hash;
    ocop::log_verification w = r.log().verify(older);
    CHECK(w.fault == ocop::log_fault::extended);
    CHECK(w.first_bad == 11u);
    const std::string json = boost::json::serialize(ocop::to_json(w));
    CHECK_THAT(json, Contains(R"({"ok":false,"fault":"extended","first_bad":11,"message":)"));
    CHECK(boost::json::serialize(ocop::to_json(ocop::parse_log_verification(json))) == json);
}

TEST_CASE("Log: import refuses lines that are not canonical or not entries, naming the line") {
    std::vector<std::string> lines = lines_of(sample().log().export_jsonl());
    std::vector<std::string> spaced = lines;
    spaced[2].insert(1, " ");
    try {
        ocop::event_log::import_jsonl(join(spaced));
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::tampered);  // an entry that reads, in bytes the log did not write
        CHECK(e.problems().at(0).path == "/2");
        CHECK_THAT(e.problems().at(0).message, Contains("not canonical"));
    }
    CHECK_THROWS_AS(ocop::event_log::import_jsonl(lines[0]), ocop::error);  // no final newline
    try {
        ocop::event_log::import_jsonl("{\"index\":0,\"prev\":\"x\",\"event\":[],\"hash\":\"y\",\"extra\":1}\n");
        FAIL("accepted");
    } catch (const ocop::error& e) {
        std::vector<std::string> paths;
        for (const auto& p : e.problems()) paths.push_back(p.path);
        std::sort(paths.begin(), paths.end());
        CHECK(paths == std::vector<std::string>{"/0/event", "/0/extra", "/0/hash", "/0/prev"});
    }
}

TEST_CASE("Log: replay reproduces every dossier exactly, and the rebuilt log byte for byte") {
    ocop::registry r = sample();
    ocop::event_log imported = ocop::event_log::import_jsonl(r.log().export_jsonl());
    ocop::registry again = ocop::registry::replay(imported, {}, std::nullopt, r.log().head());
    CHECK(boost::json::serialize(ocop::to_json(again)) == boost::json::serialize(ocop::to_json(r)));
    CHECK(again.log().export_jsonl() == r.log().export_jsonl());
    CHECK(again.dossiers().size() == 3);
    CHECK(again.find("HN-2")->phase == ocop::phase::closed);
}

TEST_CASE("Log: replay refuses a tampered log, and a well-chained log whose events break the rules") {
    ocop::registry r = sample();
    std::vector<std::string> lines = lines_of(r.log().export_jsonl());
    lines.erase(lines.begin() + 3);
    try {
        ocop::registry::replay(ocop::event_log::import_jsonl(join(lines)));
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::tampered);
        CHECK(e.problems().at(0).path == "/3");
    }
    // A log written by someone else, correctly chained, with a forwarding below 50.
    ocop::event_log forged;
    for (const auto& entry : r.log().entries()) {
        ocop::event e = ocop::parse_event(entry.event);
        if (e.dossier == "HN-2" && e.type() == ocop::event_type::closed) e.payload = ocop::forwarded_payload{"province"};
        forged.append(e);
    }
    CHECK(forged.verify().ok);
    try {
        ocop::registry::replay(forged);
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::rule_violation);
        CHECK(e.problems().at(0).path == "/7/event/type");
        CHECK_THAT(e.problems().at(0).message, Contains("this product has 47.20"));
    }
}

TEST_CASE("Log: replay, which applies events in place, refuses an event refused half way with apply's own error") {
    // A submission adds its documents before it finds a required one missing: the live registry
    // refuses it and keeps the state; replay applies in place and must refuse it the same way.
    ocop::registry live;
    const ocop::event registered = ev("D", role::subject, "2021-09-01", registration(product("D", "Ba Vì", "food", {"doc-01", "doc-03"})));
    const ocop::event submitted = ev("D", role::subject, "2021-09-02", ocop::submitted_payload{{"doc-04"}});
    live.apply(registered);
    std::vector<ocop::problem> refused;
    try {
        live.apply(submitted);
        FAIL("accepted");
    } catch (const ocop::error& e) {
        refused = e.problems();
    }
    CHECK(live.find("D")->dossier.documents == std::vector<std::string>{"doc-01", "doc-03"});
    CHECK(live.find("D")->phase == ocop::phase::draft);
    CHECK(live.log().size() == 1);

    ocop::event_log forged;  // correctly chained, holding the refused event
    forged.append(registered);
    forged.append(submitted);
    REQUIRE(forged.verify().ok);
    try {
        (void)ocop::registry::replay(forged);
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::rule_violation);
        REQUIRE(refused.size() == 2);  // doc-02 and doc-05
        REQUIRE(e.problems().size() == refused.size());
        for (std::size_t i = 0; i < refused.size(); ++i) {
            CHECK(e.problems()[i].path == "/1/event" + refused[i].path);
            CHECK(e.problems()[i].message == refused[i].message);
        }
        CHECK(refused[0].path == "/payload/documents");
    }
}

TEST_CASE("Log: a resumed log continues the chain a host keeps, and a resumed registry appends the same entries") {
    ocop::registry full = sample();
    const auto& entries = full.log().entries();
    const std::size_t k = 9;  // the host holds entries 0..8 and the states after them
    ocop::registry prefix;
    for (std::size_t i = 0; i < k; ++i) prefix.apply(ocop::parse_event(entries[i].event));
    REQUIRE(prefix.log().head() == entries[k - 1].hash);

    auto log = ocop::event_log::resume(k, entries[k - 1].hash);
    CHECK(log.size() == 0);
    CHECK(log.first_index() == k);
    CHECK(log.head() == entries[k - 1].hash);
    ocop::registry resumed = ocop::registry::resume({}, std::nullopt, prefix.dossiers(), std::move(log));
    for (std::size_t i = k; i < entries.size(); ++i) {
        resumed.apply(ocop::parse_event(entries[i].event));
        const ocop::log_entry& e = resumed.log().entries().back();
        CHECK(e.index == i);
        CHECK(resumed.log().next_index() == i + 1);  // entries held: first_index() + size()
        CHECK(e.hash == entries[i].hash);
        if (i % 2 == 0) resumed.release_log();  // forgetting stored entries keeps the position
    }
    CHECK(resumed.log().head() == full.log().head());
    CHECK(resumed.log().first_index() + resumed.log().size() == entries.size());
    CHECK(boost::json::serialize(ocop::to_json(resumed)) == boost::json::serialize(ocop::to_json(full)));

    auto tail = ocop::event_log::resume(k, entries[k - 1].hash);
    tail.append(ocop::parse_event(entries[k].event));
    CHECK(tail.verify().ok);
    CHECK(tail.verify(entries[k].hash).ok);
    auto wrong = ocop::event_log::resume(k, ocop::event_log::genesis());  // not the hash the chain holds
    wrong.append(ocop::parse_event(entries[k].event));
    CHECK(wrong.entries().back().hash != entries[k].hash);
    auto broken = ocop::event_log::import_jsonl(ocop::event_log::line(entries[k]) + "\n");  // index k at line 0
    CHECK(broken.verify().fault == ocop::log_fault::deleted);
}

TEST_CASE("Log: a chain-only log hashes the entries a host stores, holding none, and a registry applies given canonical text") {
    ocop::registry full = sample();
    const auto& entries = full.log().entries();
    const std::size_t k = 4;  // the host holds entries 0..3; the states come one at a time
    ocop::registry prefix;
    for (std::size_t i = 0; i < k; ++i) prefix.apply(ocop::parse_event(entries[i].event));

    ocop::registry resumed = ocop::registry::resume({}, std::nullopt, {}, ocop::event_log::chain_only(k, entries[k - 1].hash));
    for (const auto& [id, state] : prefix.dossiers()) resumed.resume_dossier(state);
    ocop::dossier_state stale = prefix.dossiers().begin()->second;
    stale.warnings.push_back("not the registry's");
    resumed.resume_dossier(stale);  // a state already held is kept
    CHECK(resumed.find(stale.dossier.id)->warnings == prefix.dossiers().begin()->second.warnings);
    for (std::size_t i = k; i < entries.size(); ++i) {
        resumed.apply_canonical(ocop::parse_event(entries[i].event), entries[i].event);
        CHECK(resumed.log().size() == 0);
        CHECK(resumed.log().entries().empty());
        CHECK(resumed.log().first_index() == i + 1);
        CHECK(resumed.log().next_index() == i + 1);  // none held: the chain's end
        CHECK(resumed.log().head() == entries[i].hash);
        resumed.release_log();  // nothing held: the chain's end stays
        CHECK(resumed.log().head() == entries[i].hash);
    }
    CHECK(boost::json::serialize(ocop::to_json(resumed)) == boost::json::serialize(ocop::to_json(full)));

    auto log = ocop::event_log::chain_only(k, entries[k - 1].hash);
    const ocop::log_entry e = log.append(ocop::parse_event(entries[k].event));
    CHECK(e.index == k);
    CHECK(e.prev == entries[k - 1].hash);
    CHECK(e.event == entries[k].event);
    CHECK(e.hash == entries[k].hash);
    CHECK(log.next_index() == k + 1);
    log.drop_last();  // undoes the last append
    CHECK(log.first_index() == k);
    CHECK(log.next_index() == k);
    CHECK(log.head() == entries[k - 1].hash);
    CHECK(log.append(ocop::parse_event(entries[k].event)).hash == entries[k].hash);
}

TEST_CASE("Log: a prev that needs JSON escapes is written and hashed as Boost.JSON serializes it") {
    const std::string head = "host \"head\" with \\ and \n and \xc3\xa9";
    auto log = ocop::event_log::resume(7, head);
    const ocop::log_entry& e = log.append(ocop::parse_event(sample().log().entries()[0].event));
    boost::json::object o;
    o["index"] = 7;
    o["prev"] = head;
    o["event"] = boost::json::parse(e.event);
    CHECK(e.hash == ocop::sha256_hex(boost::json::serialize(o)));
    o["hash"] = e.hash;
    CHECK(ocop::event_log::line(e) == boost::json::serialize(o));
    CHECK(boost::json::parse(ocop::event_log::line(e)).at("prev").as_string() == head);
}

TEST_CASE("Log: texts holding the schema's own words, quotes, escapes and control bytes are kept byte for byte") {
    // The log codes the schema's keys and enumerators in memory (detail/log_text_codec.hpp) and its
    // import scanner leaves escapes to the full reader: neither may change a byte.
    const std::vector<std::string> reasons = {
        "registered",           "\"registered\"",       "\"type\":\"submitted\"", "a \\ b \"quoted\" \"dossier\":",
        "tab\there\nnew line",  std::string("nul\x01\x1f\x7f", 7), "Quyết định số 1048/QĐ-TTg", "\"",
    };
    ocop::registry r;
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const std::string id = "HN-" + std::to_string(i + 1);
        to_district_result(r, product(id, "Gia Lâm", "herbal"), 236, 5, 2);
        r.apply(ev(id, role::district_people_committee, "2021-10-05", ocop::closed_payload{}, reasons[i]));
    }
    const std::string jsonl = r.log().export_jsonl();
    const auto entries = r.log().entries();
    std::size_t closed = 0;
    for (const ocop::log_entry& e : entries) {
        const ocop::event back = ocop::parse_event(e.event);
        CHECK(e.event == ocop::canonical_json(back));
        if (back.type() == ocop::event_type::closed) CHECK(back.reason == reasons.at(closed++));
    }
    CHECK(closed == reasons.size());
    const ocop::event_log back = ocop::event_log::import_jsonl(jsonl);
    CHECK(back.export_jsonl() == jsonl);
    CHECK(back.verify(r.log().head()).ok);
    CHECK(ocop::registry::replay(back).log().export_jsonl() == jsonl);
}

namespace {

/// The coded form of `text` decoded again.
std::string coded_and_back(const std::string& text, std::size_t* coded_size = nullptr) {
    std::string coded, back;
    ocop::detail::encode_event_text(coded, text);
    ocop::detail::decode_event_text(back, coded);
    if (coded_size) *coded_size = coded.size();
    return back;
}

/// An event of each type (the payload's alternative `I`), strings with non-ASCII, quotes and escapes.
template <std::size_t... I>
std::vector<ocop::event> one_event_of_each_type(std::index_sequence<I...>) {
    std::vector<ocop::event> out;
    (out.push_back(ocop::event{"HN-\"" + std::to_string(I) + "\"", "Nguyễn Văn A", role::subject, "2021-09-01T09:00:00+07:00",
                               ocop::event_payload(std::in_place_index<I>), "lý do \\ \"2021-09-01\" \t"}),
     ...);
    return out;
}

}  // namespace

TEST_CASE("Log: the stored form gives back every event type's text byte for byte, dates and timestamps packed") {
    auto events = one_event_of_each_type(std::make_index_sequence<std::variant_size_v<ocop::event_payload>>{});
    REQUIRE(events.size() == 16);
    const std::vector<std::string> times = {"2021-09-01T09:00:00+07:00", "1999-12-31T23:59:59-12:00", "0000-00-00T00:00:00+00:00",
                                            "9999-99-99T99:99:99-99:99", "2021-09-01T09:00:00Z", "2021-09-01T09:00:00.5+07:00"};
    for (std::size_t i = 0; i < events.size(); ++i) {
        ocop::event& e = events[i];
        e.at = times[i % times.size()];
        if (auto* r = std::get_if<ocop::registered_payload>(&e.payload)) {
            r->dossier = product("HN-\u00e9", "Bắc Từ Liêm");
            r->dossier.product_name = "Bưởi \"Diễn\" \\ 2021-09-01";
        }
        if (auto* d = std::get_if<ocop::decision_payload>(&e.payload)) *d = {"5678/QĐ-UBND", *ocop::date::parse("2021-12-10"), "Chủ tịch"};
        if (auto* c = std::get_if<ocop::certificate_payload>(&e.payload)) *c = {"GCN-0001", *ocop::date::parse("2024-02-29")};
        const std::string text = ocop::canonical_json(e);
        std::size_t coded = 0;
        CHECK(coded_and_back(text, &coded) == text);
        CHECK(coded < text.size());
    }
    // Timestamps of the strict form are 9 bytes instead of 27; other forms stay as text.
    std::size_t strict = 0, other = 0;
    coded_and_back("\"2021-09-01T09:00:00+07:00\"", &strict);
    coded_and_back("\"2021-09-01T09:00:00Z\"", &other);
    CHECK(strict == 9);
    CHECK(other == 22);
    // Shapes close to a date or timestamp, and lone quotes, are kept as they are.
    for (const std::string text : {"\"2021-09-01\"", "\"2021-9-01\"", "\"2021-09-01T09:00:00+0700\"", "\"2021-09-01T09:00:00*07:00\"",
                                   "\"\\\"2021-09-01\\\"\"", "\"2021-09-01\":\"x\"", "\"", "\"2021-09-01", "{\"at\":\"2021-09-0a\"}"})
        CHECK(coded_and_back(text) == text);
}
