// The message catalogues: Vietnamese by default, English on request, the same keys in both.

#include <catch2/catch.hpp>

#include <boost/describe/enumerators.hpp>
#include <boost/mp11/algorithm.hpp>

#include "ocop/enum_text.hpp"
#include "ocop/messages.hpp"
#include "ocop/procedure.hpp"
#include "ocop/scoring.hpp"

using ocop::language;

namespace {
/// Every enumerator of E has a label "<prefix>.<name>" in both languages, and a different one.
template <class E>
void check_every_label(const std::string& prefix) {
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        const std::string key = prefix + "." + D.name;
        INFO(key);
        CHECK(ocop::has_message(language::vi, key));
        CHECK(ocop::has_message(language::en, key));
    });
}
}  // namespace

TEST_CASE("messages: both catalogues have the same keys, none empty where a label is expected") {
    const auto vi = ocop::message_keys(language::vi);
    const auto en = ocop::message_keys(language::en);
    REQUIRE(vi.size() > 100);
    CHECK(vi == en);
    for (const auto& key : vi) {
        if (key == "criterion_state.scored") continue;  // a scored criterion has no note, on purpose
        INFO(key);
        CHECK_FALSE(ocop::message(language::vi, key).empty());
        CHECK_FALSE(ocop::message(language::en, key).empty());
    }
}

TEST_CASE("messages: every phase, role, outcome and set status has a label in both languages") {
    check_every_label<ocop::phase>("phase");
    check_every_label<ocop::role>("role");
    check_every_label<ocop::evaluation_outcome>("outcome");
    check_every_label<ocop::criterion_state>("criterion_state");
    check_every_label<ocop::set_status>("set_status");
    CHECK(ocop::message(language::vi, "phase.not_recognised") == "Không được công nhận");
    CHECK(ocop::message(language::en, "phase.not_recognised") == "not recognised");
    CHECK(ocop::message(language::vi, "industry.food") == "Ngành thực phẩm");
}

TEST_CASE("messages: an unknown key is shown as itself, never as an empty text") {
    CHECK(ocop::message(language::vi, "no.such.key") == "no.such.key");
    CHECK_FALSE(ocop::has_message(language::en, "no.such.key"));
}

TEST_CASE("messages: placeholders are replaced in order, a missing argument leaves its placeholder") {
    CHECK(ocop::format_message(language::en, "council.stars", {"4"}) == "Stars: 4");
    CHECK(ocop::format_message(language::vi, "council.stars", {"4"}) == "Hạng sao: 4");
    CHECK(ocop::format_message(language::en, "council.stars", {}) == "Stars: {0}");
    CHECK(ocop::format_message(language::en, "score.part", {"A", "30", "35"}) == "Part A: 30 / 35");
}

TEST_CASE("messages: dates dd/mm/yyyy and decimal commas in Vietnamese, ISO and points in English") {
    const ocop::date d{2021, 12, 5};
    CHECK(ocop::format_date(language::vi, d) == "05/12/2021");
    CHECK(ocop::format_date(language::en, d) == "2021-12-05");
    CHECK(ocop::format_decimal(language::vi, "80.40") == "80,40");
    CHECK(ocop::format_decimal(language::en, "80.40") == "80.40");
    CHECK(ocop::format_decimal(language::vi, "95") == "95");
    CHECK(ocop::format_decimal(language::vi, "-") == "-");
    CHECK(ocop::format_decimal(language::vi, ".5") == ".5");  // not a number we write: left as it is
}

TEST_CASE("messages: language ids read and written like every public enum") {
    CHECK(ocop::from_string<language>("vi") == language::vi);
    CHECK(ocop::from_string<language>("en") == language::en);
    CHECK_FALSE(ocop::from_string<language>("fr").has_value());
    CHECK(ocop::to_string(language::en) == "en");
}
