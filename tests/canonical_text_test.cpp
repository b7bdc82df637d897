// The log's fast paths give what the slow ones gave: the canonical text written directly
// (detail/canonical_text.hpp, canonical_json) is byte for byte Boost.JSON's serialize() of the JSON
// value, on every byte inside a string, every event type and dossier states; replay, which adopts
// verified entries instead of re-appending them, still refuses an event whose text is not its
// canonical form; an edition loaded alone equals the catalog's; parsing into an arena reads and
// refuses as parsing does.

#include <cstdio>
#include <optional>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/detail/canonical_read.hpp"
#include "ocop/detail/canonical_text.hpp"
#include "ocop/detail/catalog_loader.hpp"
#include "ocop/detail/utf8.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow_json.hpp"
#include "test_support.hpp"
#include "workflow_support.hpp"

using Catch::Matchers::Contains;

namespace {

std::string written(std::string_view s) {
    std::string out;
    ocop::detail::append_json_string(out, s);
    return out;
}

/// One event per payload type, with the payload's members defaulted (empty vectors, absent optionals).
std::vector<ocop::event> one_event_per_type() {
    std::vector<ocop::event> out;
    for (std::size_t i = 0; i < std::variant_size_v<ocop::event_payload>; ++i)
        boost::mp11::mp_with_index<std::variant_size_v<ocop::event_payload>>(i, [&](auto I) {
            ocop::event e{"HN-\"1\"", "actor\\x", ocop::role::province_council, "2021-10-18T09:00:00+07:00",
                          std::variant_alternative_t<I, ocop::event_payload>{}, "lý do\n\t\x01"};
            out.push_back(std::move(e));
        });
    return out;
}

/// The direct reader of replay accepts `text` exactly when the full reader reads an event whose
/// canonical text it is, and then reads that event.
void check_direct_read(const std::string& text) {
    ocop::event direct;
    const bool accepted = ocop::detail::read_canonical_event(text, direct);
    std::optional<ocop::event> full;
    try {
        full = ocop::parse_event(text);
    } catch (const ocop::error&) {
    }
    const bool canonical = full && ocop::canonical_json(*full) == text;
    INFO(text);
    CHECK(accepted == canonical);
    if (accepted) CHECK(ocop::canonical_json(direct) == text);
}

}  // namespace

TEST_CASE("Canonical text: the direct reader (replay, campaign apply) accepts canonical events only, as the full reader reads them") {
    std::vector<ocop::event> events = ocop::test::certified_path("HN-09-040", "1");
    for (const auto& e : events) {  // a real dossier's events are all read directly
        ocop::event direct;
        CHECK(ocop::detail::read_canonical_event(ocop::canonical_json(e), direct));
    }
    for (auto& e : one_event_per_type()) events.push_back(std::move(e));
    for (const auto& e : events) {
        const std::string text = ocop::canonical_json(e);
        check_direct_read(text);
        // Every byte removed, and every place given a space, a digit, a quote, a backslash, a letter or a byte of UTF-8.
        for (std::size_t at = 0; at < text.size(); ++at) {
            check_direct_read(text.substr(0, at) + text.substr(at + 1));
            for (char c : {' ', '0', '"', '\\', 'x', '\x80', '\xc3', '-', ','}) {
                check_direct_read(text.substr(0, at) + c + text.substr(at));
                std::string replaced = text;
                replaced[at] = c;
                check_direct_read(replaced);
            }
        }
    }
}

TEST_CASE("Canonical text: replay's direct reader reads every byte in a string as the full reader does") {
    ocop::event e = ocop::test::certified_path("HN-1", "1").at(1);
    for (int c = 0; c < 256; ++c) {
        for (const std::string& inside : {std::string(1, static_cast<char>(c)), "Hà" + std::string(1, static_cast<char>(c)) + "\xbb"}) {
            e.reason = inside;
            const std::string text = ocop::canonical_json(e);
            check_direct_read(text);
            // The same byte written as an escape the canonical form does not use is refused by both.
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\u%04X", c);
            check_direct_read(text.substr(0, text.rfind('}') - 1) + hex + "\"}");
        }
    }
    for (const char* number : {"01", "-0", "1.0", "1e2", "+1", "2147483648", "-1", "99999999999999999999"}) {
        std::string text = ocop::canonical_json(ocop::test::certified_path("HN-1", "1").at(2));
        const auto at = text.find("\"round\":") + 8;
        check_direct_read(text.substr(0, at) + number + text.substr(text.find(',', at)));
    }
}

TEST_CASE("Canonical text: every byte in a string is escaped as Boost.JSON's serializer escapes it") {
    for (int c = 0; c < 256; ++c) {
        const std::string one(1, static_cast<char>(c));
        INFO("byte " << c);
        CHECK(written(one) == boost::json::serialize(boost::json::string(one)));
        const std::string inside = "a" + one + "b" + one + one;
        CHECK(written(inside) == boost::json::serialize(boost::json::string(inside)));
        for (std::size_t at = 0; at < 19; ++at) {  // every place in and across the 8-byte words the scan reads
            std::string text = "Hà Nội, OCOP 2021 x";
            text.insert(at, one);
            CHECK(written(text) == boost::json::serialize(boost::json::string(text)));
        }
    }
    CHECK(written("") == "\"\"");
    CHECK(written("Hà Nội \"x\" \\ /") == R"("Hà Nội \"x\" \\ /")");
}

TEST_CASE("Canonical text: canonical_json(event) is serialize(to_json(event)) for every event type") {
    for (const auto& e : one_event_per_type()) {
        INFO(ocop::to_string(e.type()));
        CHECK(ocop::canonical_json(e) == boost::json::serialize(ocop::to_json(e)));
    }
    for (const auto& e : ocop::test::certified_path("HN-09-040", "1")) {
        INFO(ocop::to_string(e.type()));
        CHECK(ocop::canonical_json(e) == boost::json::serialize(ocop::to_json(e)));
    }
}

TEST_CASE("Canonical text: a scorecard event's text is serialize(to_json(event)), written without a JSON value") {
    // Every shape the scorecard's JSON takes: evaluator and knock-outs present or left out, answers
    // with and without a case, escapes, control bytes and non-ASCII in every string.
    const std::string odd = "Hà Nội \"x\" \\ /\n\t\x01\x1f\x7f\xc3\xa9";
    ocop::scorecard_payload bare;
    ocop::scorecard_payload full;
    full.level = "province" + odd;
    full.round = 12;
    full.scorecard.edition = "e" + odd;
    full.scorecard.set = "s" + odd;
    full.scorecard.evaluator = "ông " + odd;
    full.scorecard.answers["A1"] = ocop::answer{std::nullopt, "A" + odd};
    full.scorecard.answers["B" + odd] = ocop::answer{"case" + odd, "b"};
    full.scorecard.answers["Z"] = ocop::answer{"c", "z"};
    full.scorecard.declared_knockouts = {"k1" + odd, "k2"};
    ocop::scorecard_payload only_answers;
    only_answers.scorecard.answers["1"] = ocop::answer{std::nullopt, "2"};
    ocop::scorecard_payload only_knockouts;
    only_knockouts.round = -3;
    only_knockouts.scorecard.declared_knockouts = {""};
    for (const auto& payload : {bare, full, only_answers, only_knockouts}) {
        const ocop::event e{"HN-\"1\"" + odd, "actor" + odd, ocop::role::province_council, "2021-10-18T09:00:00+07:00", payload, odd};
        const std::string text = ocop::canonical_json(e);
        INFO(text);
        CHECK(text == boost::json::serialize(ocop::to_json(e)));
        check_direct_read(text);
    }
    // Variants of one text (mostly not canonical, or refused by the full reader): the direct reader
    // accepts exactly those that are the canonical text of an event the full reader reads.
    ocop::event e{"HN-1", "a", ocop::role::province_council, "2021-10-18T09:00:00+07:00", full, ""};
    const std::string text = ocop::canonical_json(e);
    auto with = [&](std::string_view from, std::string_view to) {
        std::string changed = text;
        const auto at = changed.find(from);
        REQUIRE(at != std::string::npos);
        return changed.replace(at, from.size(), to);
    };
    const std::string odd_text = written(odd).substr(1, written(odd).size() - 2);
    for (const std::string& variant :
         {with("\"A1\":", "\"C1\":"),                                   // answers out of key order
          with("\"B" + odd_text + "\":", "\"A1\":"),                    // one criterion answered twice
          with("\"k2\"", "\"k1" + odd_text + "\""),                     // one knock-out declared twice
          with(",\"knockouts\":[\"k1" + odd_text + "\",\"k2\"]", ",\"knockouts\":[]"),  // an empty list written out
          with("\"evaluator\":\"ông " + odd_text + "\"", "\"evaluator\":\"\""),       // an empty evaluator written out
          with("\"Z\":{\"case\":\"c\",\"level\":\"z\"}", "\"Z\":\"z\""),      // a plain answer (canonical)
          with("\"Z\":{\"case\":\"c\",\"level\":\"z\"}", "\"Z\":\"\""),       // an empty level
          with("\"Z\":{\"case\":\"c\",\"level\":\"z\"}", "\"Z\":{\"level\":\"z\",\"case\":\"c\"}"),
          with(",\"round\":12", ",\"round\":012"),
          with("{\"edition\":", "{\"set\":\"x\",\"edition\":")})
        check_direct_read(variant);
    for (int c = 0; c < 256; ++c) {  // every byte value inside a criterion id and a level id
        ocop::scorecard_payload p;
        p.scorecard.answers[std::string(1, static_cast<char>(c))] = ocop::answer{std::nullopt, std::string(1, static_cast<char>(c))};
        const ocop::event one{"HN-1", "a", ocop::role::province_council, "2021-10-18T09:00:00+07:00", p, ""};
        INFO("byte " << c);
        CHECK(ocop::canonical_json(one) == boost::json::serialize(ocop::to_json(one)));
        check_direct_read(ocop::canonical_json(one));
    }
}

TEST_CASE("Canonical text: the direct reader reads into the event it read before as into a new one (campaign apply reuses it)") {
    // Scorecards of one set and of others (answers kept, added, dropped, renamed, with a case and
    // without), other events between them, and texts refused part way through their answers.
    auto card = [](std::map<std::string, ocop::answer, std::less<>> answers, std::vector<std::string> knockouts = {}) {
        ocop::scorecard_payload p;
        p.level = "district";
        p.round = 1;
        p.scorecard = {"1048-781", "rau-cu-qua-hat-tuoi", "m", std::move(answers), std::move(knockouts)};
        return ocop::event{"HN-1", "a", ocop::role::council_member, "2021-10-18T09:00:00+07:00", p, "r"};
    };
    const ocop::answer a{std::nullopt, "a"}, b{std::nullopt, "b"}, case_c{"2", "c"};
    const std::vector<ocop::event> events = {
        card({{"1.1", a}, {"1.2", b}, {"3.2", case_c}}),
        card({{"1.1", b}, {"1.2", a}, {"3.2", b}}),                // same ids, other answers, the case dropped
        card({{"1.1", b}, {"1.2", a}, {"3.2", case_c}, {"9", a}}),  // one id more
        card({{"1.1", b}, {"3.2", a}}),                            // one id fewer, in the middle
        card({{"0", a}, {"1.1", b}}, {"k"}),                       // a new first id, knock-outs
        card({}),
        ocop::test::certified_path("HN-2", "1").at(0),
        card({{"1.1", a}, {"2", case_c}, {"3.2", b}}),
    };
    std::vector<std::string> texts;
    for (const auto& e : events) texts.push_back(ocop::canonical_json(e));
    // Refused part way: answers out of order, then an id repeated, after answers already read.
    texts.insert(texts.begin() + 2, texts[1].substr(0, texts[1].find("\"1.2\"")) + "\"1.0\":\"a\"," + texts[1].substr(texts[1].find("\"1.2\"")));
    texts.insert(texts.begin() + 4, texts[3].substr(0, texts[3].find("\"3.2\"")) + "\"1.2\":\"a\"," + texts[3].substr(texts[3].find("\"3.2\"")));
    for (int pass = 0; pass < 2; ++pass) {  // forwards, then backwards
        ocop::event reused;
        for (std::size_t k = 0; k < texts.size(); ++k) {
            const std::string& text = texts[pass == 0 ? k : texts.size() - 1 - k];
            ocop::event fresh;
            const bool accepted = ocop::detail::read_canonical_event(text, fresh);
            INFO(text);
            CHECK(ocop::detail::read_canonical_event(text, reused) == accepted);
            if (accepted) CHECK(ocop::canonical_json(reused) == text);
        }
    }
}

TEST_CASE("Canonical text: canonical_json(state) is serialize(to_json(state)), optionals present and absent") {
    ocop::registry r;
    ocop::dossier_state first;
    for (const auto& e : ocop::test::certified_path("HN-1", "1")) {
        const ocop::dossier_state& s = r.apply(e);
        if (s.events == 1) first = s;
        CHECK(ocop::canonical_json(s) == boost::json::serialize(ocop::to_json(s)));
    }
    CHECK(ocop::canonical_json(first) == boost::json::serialize(ocop::to_json(first)));
    CHECK(r.find("HN-1")->certificate() != nullptr);
    CHECK(ocop::canonical_json(ocop::dossier_state{}) == boost::json::serialize(ocop::to_json(ocop::dossier_state{})));
}

TEST_CASE("Canonical text: replay refuses a correctly chained event whose text is JSON but not its canonical form") {
    ocop::registry r;
    for (const auto& e : ocop::test::certified_path("HN-1", "1")) r.apply(e);
    // Entry 2 rewritten with "reason" first, then re-chained: every hash verifies, import accepts it.
    std::string jsonl;
    std::string prev = ocop::event_log::genesis();
    for (const auto& entry : r.log().entries()) {
        std::string event = entry.event;
        if (entry.index == 2) {
            const auto at = event.find(",\"reason\":");
            event = "{" + event.substr(at + 1, event.size() - at - 2) + "," + event.substr(1, at - 1) + "}";
        }
        ocop::log_entry rewritten{entry.index, prev, event, ocop::event_log::entry_hash(entry.index, prev, event)};
        prev = rewritten.hash;
        jsonl += ocop::event_log::line(rewritten) + "\n";
    }
    ocop::event_log forged = ocop::event_log::import_jsonl(jsonl);
    REQUIRE(forged.verify().ok);
    REQUIRE(ocop::parse_event(forged.entries()[2].event).type() == ocop::parse_event(r.log().entries()[2].event).type());
    try {
        ocop::registry::replay(forged);
        FAIL("accepted");
    } catch (const ocop::error& e) {
        CHECK(e.code() == ocop::errc::invalid_document);
        CHECK(e.problems().at(0).path == "/2/event");
        CHECK_THAT(e.problems().at(0).message, Contains("not in canonical form"));
    }
    // The untouched log replays to the same log, byte for byte.
    CHECK(ocop::registry::replay(r.log()).log().export_jsonl() == r.log().export_jsonl());
}

TEST_CASE("Canonical text: replay refuses a log that does not start at its first entry") {
    ocop::registry r;
    for (const auto& e : ocop::test::certified_path("HN-1", "1")) r.apply(e);
    auto tail = ocop::event_log::resume(3, r.log().entries()[2].hash);
    tail.append(ocop::parse_event(r.log().entries()[3].event));
    REQUIRE(tail.verify().ok);
    CHECK_THROWS_AS(ocop::registry::replay(tail), ocop::error);
    CHECK(ocop::registry::replay(ocop::event_log::resume(3, r.log().entries()[2].hash)).dossiers().empty());
}

TEST_CASE("Canonical text: every embedded edition passes every loading check, so loading one alone may skip the cross-checks") {
    std::size_t count = 0, folders = 0;
    const ocop::detail::embedded_file* files = ocop::detail::embedded_files(count);
    for (std::size_t i = 0; i < count; ++i) folders += std::string_view(files[i].path).ends_with("/edition.json");
    REQUIRE(folders >= 2);
    REQUIRE(ocop::embedded_catalog().editions().size() == folders);  // each loaded with edition_checks::all
    // structure_only skips the cross-checks (here: a classified set with no sheet), never the structural read
    auto text = [&](std::string_view path) {
        for (std::size_t i = 0; i < count; ++i)
            if (files[i].path == path) return std::string_view(files[i].text, files[i].size);
        FAIL("no embedded file " << path);
        return std::string_view();
    };
    boost::json::value doc = ocop::parse_json(text("148/edition.json"));
    doc.as_object()["classification"] = ocop::parse_json(text("148/classification.json"));
    doc.as_object()["dossier_documents"] = ocop::parse_json(text("148/dossier-documents.json"));
    doc.as_object()["sets"] = boost::json::array();
    CHECK_THROWS_AS(ocop::detail::load_edition(doc, ocop::detail::edition_checks::all), ocop::error);
    CHECK(ocop::detail::load_edition(doc, ocop::detail::edition_checks::structure_only).sets.empty());
    doc.as_object()["valid_from"] = 7;
    CHECK_THROWS_AS(ocop::detail::load_edition(doc, ocop::detail::edition_checks::structure_only), ocop::error);
}

TEST_CASE("Canonical text: parse_json into an arena reads the same values and refuses the same texts") {
    const std::string text = R"({"a":[1,"x\u00e9",{"b":null}],"c":true})";
    unsigned char buffer[512];
    boost::json::monotonic_resource arena(buffer, sizeof buffer);
    CHECK(ocop::parse_json(text, &arena) == ocop::parse_json(text));
    for (const char* bad : {R"({"a":1,"a":2})", "{\"a\":", "\xEF\xBB\xBF{}", "[NaN]"}) {
        std::string plain, in_arena;
        try { ocop::parse_json(bad); } catch (const ocop::error& e) { plain = e.what(); }
        try { ocop::parse_json(bad, &arena); } catch (const ocop::error& e) { in_arena = e.what(); }
        CHECK(!plain.empty());
        CHECK(in_arena == plain);
    }
}

namespace {
/// Whether utf8_sequence_length walks `bytes` to their end.
bool walks_as_utf8(const std::string& bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const std::size_t n = ocop::detail::utf8_sequence_length(p, end);
        if (n == 0) return false;
        p += n;
    }
    return true;
}

/// Whether Boost.JSON's parser accepts `bytes` inside a JSON string.
bool boost_accepts(const std::string& bytes) {
    boost::json::error_code ec;
    (void)boost::json::parse("\"" + bytes + "\"", ec);
    return !ec;
}
}  // namespace

TEST_CASE("Canonical text: the one UTF-8 check agrees with Boost.JSON's parser on every lead byte and its continuations") {
    // Every lead byte, followed by every second byte, then by a continuation, an ASCII letter or nothing:
    // overlong forms, surrogates, code points above U+10FFFF and truncated sequences included.
    const unsigned char tails[] = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 'a'};
    int checked = 0, accepted = 0;
    for (int lead = 0x20; lead < 0x100; ++lead) {
        if (lead == '"' || lead == '\\') continue;  // not UTF-8 questions: JSON string syntax
        for (int second = 0x20; second < 0x100; ++second) {
            if (second == '"' || second == '\\') continue;
            for (int n = 0; n <= 2; ++n)
                for (unsigned char tail : tails) {
                    std::string bytes{static_cast<char>(lead), static_cast<char>(second)};
                    bytes.append(static_cast<std::size_t>(n), static_cast<char>(tail));
                    INFO("bytes " << std::hex << lead << ' ' << second << ' ' << n << " x " << int(tail));
                    const bool ours = walks_as_utf8(bytes);
                    REQUIRE(ours == boost_accepts(bytes));
                    ++checked;
                    accepted += ours;
                }
        }
    }
    CHECK(checked > 100000);
    CHECK(accepted > 1000);
    CHECK(accepted < checked);
}
