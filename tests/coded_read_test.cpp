// Replay's coded reader (detail::read_coded_event) reads an entry as the log keeps it in memory, its
// schema words, dates and timestamps coded (detail/log_text_codec.hpp), without decoding it: it
// must read exactly the event the direct reader reads from the decoded text, refuse what that
// refuses, and leave escapes to it; replay gives the same registry whichever reader read an entry.

#include <string>
#include <utility>
#include <vector>

#include <boost/mp11/algorithm.hpp>

#include "coded_read_check.hpp"
#include "ocop/event_log.hpp"
#include "ocop/registry.hpp"
#include "ocop/registry_json.hpp"
#include "test_support.hpp"
#include "workflow_support.hpp"

using namespace wf;

namespace {

/// A dossier's whole path, then one event per payload type (members defaulted), as canonical texts.
std::vector<std::string> sample_texts() {
    std::vector<std::string> out;
    for (const auto& e : ocop::test::certified_path("HN-09-040", "1")) out.push_back(ocop::canonical_json(e));
    for (std::size_t i = 0; i < std::variant_size_v<ocop::event_payload>; ++i)
        boost::mp11::mp_with_index<std::variant_size_v<ocop::event_payload>>(i, [&](auto I) {
            out.push_back(ocop::canonical_json(ocop::event{"HN-1", "Nguyễn Văn A", role::province_council, "2021-10-18T09:00:00+07:00",
                                                           std::variant_alternative_t<I, ocop::event_payload>{}, "lý do"}));
        });
    return out;
}

/// `text` with its first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Coded reader: every event type and a dossier's whole path are read coded, as the direct reader reads them") {
    const std::vector<std::string> texts = sample_texts();
    REQUIRE(texts.size() == 14 + 16);
    std::size_t read = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const bool ok = coded_read::check_text(texts[i]);  // the same answer as the direct reader's
        if (i < 14) CHECK(ok);                             // a real dossier's events are all read
        read += ok;
    }
    // The defaulted payloads both readers refuse, for their empty strings: registered, forwarded, decision,
    // certificate and scorecard.
    CHECK(read == texts.size() - 5);
}

TEST_CASE("Coded reader: every byte removed or changed in the text gives the direct reader's answer") {
    std::size_t read = 0, refused = 0;
    for (const auto& text : sample_texts()) {
        for (std::size_t at = 0; at < text.size(); ++at) {
            (coded_read::check_text(text.substr(0, at) + text.substr(at + 1)) ? read : refused) += 1;
            for (char c : {'0', '"', 'x', '\xc3', '-', ',', ':'}) {
                (coded_read::check_text(text.substr(0, at) + c + text.substr(at)) ? read : refused) += 1;
                std::string changed = text;
                changed[at] = c;
                (coded_read::check_text(changed) ? read : refused) += 1;
            }
        }
    }
    CHECK(read > 100);  // changes inside strings keep the event canonical
    CHECK(refused > 1000);
}

TEST_CASE("Coded reader: values that are schema words, dates or timestamps are read as the strings or dates they are") {
    const std::string text = ocop::canonical_json(ocop::test::certified_path("HN-1", "1").at(12));  // decision_recorded
    for (const std::string value : {"registered", "accepted", "province_council", "type", "2021-09-01", "2021-13-45", "0000-00-00",
                                     "2021-09-01T09:00:00+07:00", "9999-99-99T99:99:99-99:99", "2021-09-01T09:00:00Z", "\"", "a:b"}) {
        const std::string quoted = "\"" + (value == "\"" ? std::string("\\\"") : value) + "\"";
        CHECK(coded_read::check_text(replaced(text, "\"as decided\"", quoted)) == (value != "\""));  // the reason
        coded_read::check_text(replaced(text, "\"HN-1\"", quoted));                               // the dossier
        coded_read::check_text(replaced(text, "\"province_people_committee\"", quoted));           // the role: an enumerator or nothing
        coded_read::check_text(replaced(text, "\"2021-12-10\"", quoted));                         // the date signed: a valid date or nothing
        coded_read::check_text(replaced(text, "\"2021-12-10T09:00:00+07:00\"", quoted));          // at: a timestamp or nothing
    }
    // Dates that have the packed shape but are no date are refused, as the direct reader refuses them.
    for (const std::string day : {"2021-02-29", "2021-13-01", "2021-00-10", "0000-00-00"})
        CHECK_FALSE(coded_read::check_text(replaced(text, "\"2021-12-10\"", "\"" + day + "\"")));
    CHECK(coded_read::check_text(replaced(text, "\"2021-12-10\"", "\"2024-02-29\"")));
    // Timestamps in other forms than the packed one are read as text.
    for (const std::string at : {"2021-12-10T09:00:00Z", "2021-12-10T09:00:00.25+07:00", "2021-12-10T09:00:00-12:00"})
        CHECK(coded_read::check_text(replaced(text, "\"2021-12-10T09:00:00+07:00\"", "\"" + at + "\"")));
}

TEST_CASE("Coded reader: cut codes, unknown codes and codes out of place are refused or read as their decoding") {
    std::size_t read = 0;
    for (const auto& text : sample_texts()) {
        const std::string coded = coded_read::coded(text);
        ocop::event direct;
        CHECK(coded_read::check_bytes(coded) == ocop::detail::read_canonical_event(text, direct));
        for (std::size_t at = 0; at < coded.size(); ++at) {
            read += coded_read::check_bytes(coded.substr(0, at));
            read += coded_read::check_bytes(coded.substr(0, at) + coded.substr(at + 1));
            for (int c = 0; c < 0x20; ++c) {
                std::string changed = coded;
                changed[at] = static_cast<char>(c);
                read += coded_read::check_bytes(changed);
                read += coded_read::check_bytes(coded.substr(0, at) + static_cast<char>(c) + coded.substr(at));
            }
        }
    }
    CHECK(read > 0);  // e.g. one enumerator's code for another's
}

TEST_CASE("Coded reader: replay gives the same registry whether an entry is read coded, decoded or by the full reader") {
    // Strings with escapes are left to the decoded text; values that are schema words, dates and
    // timestamps are read coded.
    ocop::registry r;
    const std::vector<std::pair<std::string, std::string>> actors_and_reasons = {
        {"registered", "accepted"}, {"2021-09-01", "2021-09-01T09:00:00+07:00"}, {"a \"quoted\" actor", "tab\tand \\ backslash"}};
    for (std::size_t i = 0; i < actors_and_reasons.size(); ++i) {
        const std::string id = "HN-" + std::to_string(i + 1);
        for (ocop::event e : ocop::test::certified_path(id)) {
            e.actor = actors_and_reasons[i].first;
            e.reason = actors_and_reasons[i].second;
            r.apply(e);
        }
    }
    const ocop::registry own = ocop::registry::replay(r.log(), {}, std::nullopt, r.log().head());
    const ocop::registry imported = ocop::registry::replay(ocop::event_log::import_jsonl(r.log().export_jsonl()));
    for (const ocop::registry* again : {&own, &imported}) {
        CHECK(ocop::to_json(*again) == ocop::to_json(r));
        CHECK(again->log().export_jsonl() == r.log().export_jsonl());
    }
    for (const auto& e : r.log().entries()) {
        const bool escaped = e.event.find('\\') != std::string::npos;
        CHECK(coded_read::check_text(e.event) == !escaped);
    }
}
