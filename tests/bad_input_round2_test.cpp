// Bad input, round two (issue 15): what a hostile test found accepted, silently truncated or
// misreported. Duplicate keys, the usual mistakes of JSON text named as such, and documents with
// a great many problems reported in bounded size. docs/testing.md#bad-input lists each case.

#include <cctype>
#include <string>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/catalog.hpp"
#include "ocop/error.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/procedure.hpp"
#include "ocop/procedure_json.hpp"
#include "ocop/registry.hpp"
#include "ocop/scoring.hpp"
#include "ocop/scoring_json.hpp"
#include "ocop/workflow_json.hpp"
#include "reliability_fixtures.hpp"
#include "test_support.hpp"
#include "workflow_support.hpp"

using namespace ocop;
using ocop::test::expect_error;
using ocop::test::has_problem;

namespace {

/// `text` with `insert` written right after the first occurrence of `after`.
std::string inserted(std::string text, const std::string& after, const std::string& insert) {
    const auto at = text.find(after);
    REQUIRE(at != std::string::npos);
    return text.insert(at + after.size(), insert);
}

}  // namespace

TEST_CASE("Round two: a key given twice is refused with its path, whichever value comes first", "[bad_input]") {
    const std::string card = ocop::test::rau_best_card();
    for (const char* twice : {R"("1.1": "a", )", R"("1.1": "c", )"}) {
        // The best card has "1.1": "c"; with another "1.1" before it, Boost.JSON would keep the last.
        const std::string text = inserted(card, R"("answers": {)", twice);
        auto e = expect_error([&] { (void)parse_scorecard(text); }, errc::invalid_document);
        CHECK(has_problem(e, "/answers/1.1", "the key \"1.1\" appears twice"));
    }
    const std::string event = ocop::test::path_events()[1];
    auto e = expect_error([&] { (void)parse_event(inserted(event, "{", R"("role":"province_council",)")); },
                          errc::invalid_document);
    CHECK(has_problem(e, "/role", "appears twice"));
}

TEST_CASE("Round two: duplicate keys are found at any depth, escaped or not, and only there", "[bad_input]") {
    auto path_of = [](const std::string& text) {
        auto e = expect_error([&] { (void)parse_json(text); }, errc::invalid_document);
        REQUIRE(e.problems().size() == 1);
        return e.problems()[0].path;
    };
    CHECK(path_of(R"({"a":[{"x":1},{"y":1,"y":2}]})") == "/a/1/y");
    CHECK(path_of(R"({"a/b":1,"a/b":2})") == "/a~1b");
    CHECK(path_of(R"({"ab":1,"a\u0062":2})") == "/ab");  // the same key once unescaped
    // The first copy of "a" held objects that the parser dropped: the duplicate is still "a", and
    // the later object with "q" twice is not reported before it.
    CHECK(path_of(R"({"a":{"b":{"c":{}}},"a":{"d":1},"z":{"q":1,"q":2}})") == "/a");
    CHECK(path_of(R"([{}, {"k":{"m":[1,{"n":0,"n":0}]}}])") == "/1/k/m/1/n");
    // The same key in different objects, and keys differing by case, are fine.
    CHECK(parse_json(R"({"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}],"X":0,"x":0})").as_object().size() == 5);
}

TEST_CASE("Round two: a byte order mark, invalid UTF-8 and NaN are named", "[bad_input]") {
    auto message_of = [](const std::string& text) {
        auto e = expect_error([&] { (void)parse_json(text); }, errc::invalid_json);
        return std::string(e.what());
    };
    CHECK_THAT(message_of("\xEF\xBB\xBF{}"), Catch::Contains("byte order mark (BOM) at byte 0"));
    CHECK_THAT(message_of("{\"a\":\"caf\xE9\"}"), Catch::Contains("invalid UTF-8 at byte 9"));
    CHECK_THAT(message_of("{\"a\":\"\xED\xA0\x80\"}"), Catch::Contains("invalid UTF-8 at byte 6"));  // a surrogate
    CHECK_THAT(message_of(R"({"total": NaN})"), Catch::Contains("\"NaN\" at byte 10 is not a JSON number"));
    CHECK_THAT(message_of(R"([1, -Infinity])"), Catch::Contains("\"-Infinity\"") && Catch::Contains("not a JSON number"));
    CHECK_THAT(message_of(R"({"a": nul})"), Catch::Contains("invalid JSON at byte"));  // other faults as before
}

TEST_CASE("Round two: a document with very many problems lists the first 100 and counts the rest", "[bad_input]") {
    std::string answers;
    for (int i = 0; i < 250; ++i) answers += (i ? "," : "") + std::string("\"x") + std::to_string(i) + "\":\"a\"";
    const std::string text = inserted(ocop::test::rau_best_card(), R"("answers": {)", answers + ",");
    auto e = expect_error([&] { (void)score(embedded_catalog(), parse_scorecard(text)); }, errc::invalid_scorecard);
    REQUIRE(e.problems().size() == problem_list::max_listed + 1);
    CHECK(e.problems().front().path.rfind("/answers/x", 0) == 0);
    CHECK(e.problems().back().path.empty());
    CHECK(e.problems().back().message == "and 150 more problems (250 in all; only the first 100 are listed)");
    problem_list few;
    few.add("/a", "one");
    CHECK(few.size() == 1);
    auto one = expect_error([&] { few.throw_if_any(errc::invalid_document); }, errc::invalid_document);
    CHECK(one.problems().size() == 1);  // no count line below the limit
}

TEST_CASE("Round two: a refused forwarding shows the exact mean when two decimals would read as the threshold", "[bad_input]") {
    ocop::registry r;
    wf::to_district_result(r, wf::product("F"), 4999999, 100000, 2);  // 49.99999, displayed "50.00"
    const auto forward = wf::ev("F", ocop::role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"});
    std::string what;
    CHECK(wf::refusal(r, forward, what) == errc::rule_violation);
    CHECK_THAT(what, Catch::Contains("requires a mean of 50 or more") && Catch::Contains("this product has 49.99999 (4999999/100000)"));
    CHECK_THAT(what, !Catch::Contains("50.00"));
    ocop::registry low;
    wf::to_district_result(low, wf::product("G"), 236, 5, 2);  // 47.20 reads below 50 as it is
    CHECK(wf::refusal(low, wf::ev("G", ocop::role::district_people_committee, "2021-10-05", ocop::forwarded_payload{"province"}), what) ==
          errc::rule_violation);
    CHECK_THAT(what, Catch::EndsWith("this product has 47.20"));
}

TEST_CASE("Round two: an unknown edition in a scorecard is reported at /edition", "[bad_input]") {
    std::string card = ocop::test::rau_best_card();
    card.replace(card.find("1048-781"), 8, "1999-999");
    auto e = expect_error([&] { (void)score(embedded_catalog(), parse_scorecard(card)); }, errc::not_found);
    CHECK(has_problem(e, "/edition", "no edition with id \"1999-999\""));
}

TEST_CASE("Round two: no message of the shipped data cites a file users do not have", "[bad_input]") {
    for (const auto& p : embedded_procedures().items()) {
        const std::string text = boost::json::serialize(to_json(p));
        INFO(p.edition);
        CHECK(text.find("OCOP-RULES") == std::string::npos);
        CHECK(text.find("ARCHITECTURE.md") == std::string::npos);
    }
}

TEST_CASE("Round two: a log with CRLF line ends or a blank line is not canonical: tampered, with the line", "[bad_input]") {
    const std::string log = ocop::test::path_log();
    std::string crlf;
    for (char c : log) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    auto e = expect_error([&] { (void)event_log::import_jsonl(crlf); }, errc::tampered);
    CHECK(has_problem(e, "/0", "not canonical") );
    CHECK(has_problem(e, "/0", "ends in \\r\\n"));
    std::string blank = log;
    blank.insert(blank.find('\n') + 1, "\n");
    auto b = expect_error([&] { (void)event_log::import_jsonl(blank); }, errc::tampered);
    CHECK(has_problem(b, "/1", "a blank line: not canonical"));
    CHECK(event_log::import_jsonl(log).verify().ok);  // the log itself is fine
}

TEST_CASE("Round two: a malformed head is reported as such, not as a truncated log", "[bad_input]") {
    const event_log log = event_log::import_jsonl(ocop::test::path_log());
    const std::string head = log.head();
    std::string upper = head;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto nl = expect_error([&] { (void)log.verify(head + "\n"); }, errc::invalid_document);
    CHECK_THAT(nl.what(), Catch::Contains("malformed head") && Catch::Contains("65 characters ending in a newline"));
    auto up = expect_error([&] { (void)log.verify(upper); }, errc::invalid_document);
    CHECK_THAT(up.what(), Catch::Contains("malformed head") && Catch::Contains("with upper-case digits"));
    CHECK(log.verify(head).ok);
    CHECK(log.verify(std::string(64, '0')).fault == log_fault::truncated);  // well formed, not in the log
}

TEST_CASE("Round two: an integer field given 2.0, 1e999 or 2^64 says precisely what is wrong", "[bad_input]") {
    const std::string event = ocop::test::path_events()[2];  // a council result, "round":1
    auto message_for = [&](const std::string& round) {
        std::string text = event;
        text.replace(text.find("\"round\":1"), 9, "\"round\":" + round);
        try {
            (void)parse_event(text);
        } catch (const ocop::error& e) {
            for (const auto& p : e.problems())
                if (p.path == "/payload/round") return p.message;
            return "no problem at /payload/round: " + std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK_THAT(message_for("2.0"), Catch::Contains("not an integer as written"));
    CHECK_THAT(message_for("2.5"), Catch::EndsWith(": not an integer"));
    CHECK_THAT(message_for("18446744073709551616"), Catch::Contains("out of range"));
    CHECK_THAT(message_for("1e999"), Catch::Contains("out of range"));
    CHECK_THAT(message_for("-1e300"), Catch::Contains("out of range"));
    CHECK_THAT(message_for("\"1\""), Catch::Contains("expected an integer, found a string"));
}

TEST_CASE("Round two: declared knock-outs are named by their index, and one declared twice is refused", "[bad_input]") {
    const std::string ok = "\"food-safety-certificate-not-compliant\"";
    auto with_knockouts = [](const std::string& list) {
        return inserted(ocop::test::rau_best_card(), "{", "\"knockouts\": [" + list + "],");
    };
    auto twice = expect_error([&] { (void)parse_scorecard(with_knockouts(ok + ",\"x\"," + ok)); }, errc::invalid_document);
    CHECK(has_problem(twice, "/knockouts/2", "declared twice (first at /knockouts/0)"));
    CHECK(twice.problems().size() == 1);
    auto unknown = expect_error([&] { (void)score(embedded_catalog(), parse_scorecard(with_knockouts(ok + ",\"no-such\""))); },
                                errc::invalid_scorecard);
    CHECK(has_problem(unknown, "/knockouts/1", "unknown declared knock-out \"no-such\""));
    CHECK(unknown.problems().size() == 1);
    const auto declared = parse_scorecard(with_knockouts(ok));
    CHECK(declared.declared_knockouts == std::vector<std::string>{"food-safety-certificate-not-compliant"});
    CHECK(score(embedded_catalog(), declared).outcome != evaluation_outcome::evaluated);
}
