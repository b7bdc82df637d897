// The public surface the C ABI and the command-line tool are built on: enum names both ways, set
// summaries, a compiled sheet's layout, and JSON text read with the loaders' limits.

#include <string>

#include <boost/describe/enumerators.hpp>
#include <boost/json/serialize.hpp>
#include <boost/mp11/algorithm.hpp>
#include <catch2/catch.hpp>

#include "ocop/batch.hpp"
#include "ocop/batch_json.hpp"
#include "ocop/campaign.hpp"
#include "ocop/catalog.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/enum_text.hpp"
#include "ocop/event_log.hpp"
#include "ocop/json.hpp"
#include "ocop/messages.hpp"
#include "test_support.hpp"

namespace {

const ocop::edition& ed() { return ocop::embedded_catalog().get("1048-781"); }

/// Every enumerator of E has a name, and that name reads back to it; returns how many there are.
template <class E>
int round_trips() {
    int count = 0;
    boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto D) {
        INFO(D.name);
        CHECK(ocop::to_string(D.value) == std::string_view(D.name));
        CHECK(ocop::from_string<E>(D.name) == D.value);
        ++count;
    });
    return count;
}

}  // namespace

TEST_CASE("Enum names: to_string and from_string cover every public enum, both ways") {
    CHECK(round_trips<ocop::knockout_outcome>() == 2);
    CHECK(round_trips<ocop::trigger_kind>() == 2);
    CHECK(round_trips<ocop::set_status>() == 4);
    CHECK(round_trips<ocop::verification_status>() == 4);
    CHECK(round_trips<ocop::criterion_state>() == 3);
    CHECK(round_trips<ocop::evaluation_outcome>() == 3);
    CHECK(round_trips<ocop::knockout_rule_policy>() == 2);
    CHECK(round_trips<ocop::subject_kind>() == 4);
    CHECK(round_trips<ocop::errc>() == 11);
    CHECK(round_trips<ocop::role>() == 13);
    CHECK(round_trips<ocop::event_type>() == 16);
    CHECK(round_trips<ocop::phase>() == 14);
    CHECK(round_trips<ocop::appraisal_outcome>() == 2);
    CHECK(round_trips<ocop::window_policy>() == 2);
    CHECK(round_trips<ocop::log_fault>() == 7);
    CHECK(round_trips<ocop::language>() == 2);

    CHECK(ocop::to_string(ocop::phase::completion_requested) == "completion_requested");
    CHECK(ocop::to_string(ocop::role::province_council) == "province_council");
    CHECK(ocop::to_string(static_cast<ocop::phase>(99)) == "?");  // not an enumerator
    CHECK(ocop::from_string<ocop::window_policy>("enforce") == ocop::window_policy::enforce);
    CHECK_FALSE(ocop::from_string<ocop::window_policy>("Enforce"));  // names are case-sensitive
    CHECK_FALSE(ocop::from_string<ocop::window_policy>(""));
    CHECK_FALSE(ocop::from_string<ocop::role>("province_council "));
}

TEST_CASE("Set summaries: one per set of the edition, in its order, with the size of its sheet") {
    const std::vector<ocop::set_summary> sets = ocop::set_summaries(ed());
    REQUIRE(sets.size() == ed().sets.size());
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const ocop::product_set& s = ed().sets[i];
        CHECK(sets[i].id == s.id);
        CHECK(sets[i].code == s.code);
        CHECK(sets[i].group == s.group);
        CHECK(sets[i].status == s.status);
        CHECK(sets[i].criteria == s.criteria.size());
        REQUIRE(sets[i].verification);
        CHECK(*sets[i].verification == s.verified->status);
    }
    const ocop::product_set& first = ed().sets.front();
    const std::string expected = R"({"id":")" + first.id + R"(","code":")" + first.code + R"(","name":")" + first.name +
                                 R"(","industry":")" + first.industry + R"(","group":")" + first.group + R"(","status":")" +
                                 std::string(ocop::to_string(first.status)) + R"(","criteria":)" +
                                 std::to_string(first.criteria.size()) + R"(,"verification":")" +
                                 std::string(ocop::to_string(first.verified->status)) + R"("})";
    const boost::json::value json = ocop::to_json(sets);
    REQUIRE(json.as_array().size() == sets.size());
    CHECK(boost::json::serialize(json.as_array().front()) == expected);
    CHECK(ocop::set_summaries(ocop::edition{}).empty());
}

TEST_CASE("Sheet layout: the slots in row order, each option with its index's case, level and points") {
    const ocop::product_set& set = *ed().find_set("rau-cu-qua-hat-tuoi");
    const ocop::compiled_sheet sheet(ed(), set);
    const boost::json::object layout = ocop::to_json(sheet).as_object();
    CHECK(layout.at("edition") == "1048-781");
    CHECK(layout.at("set") == "rau-cu-qua-hat-tuoi");
    CHECK(layout.at("status") == "complete");
    CHECK(layout.at("no_answer") == 255);
    CHECK(layout.at("max_total") == 100);
    const boost::json::array& slots = layout.at("slots").as_array();
    REQUIRE(slots.size() == sheet.slots());
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const boost::json::object& slot = slots[i].as_object();
        CHECK(slot.at("criterion") == sheet.criterion_id(i).c_str());
        const boost::json::array& options = slot.at("options").as_array();
        REQUIRE(options.size() == sheet.options(i).size());
        for (std::size_t o = 0; o < options.size(); ++o) {
            const ocop::sheet_option& want = sheet.options(i)[o];
            const boost::json::object& got = options[o].as_object();
            CHECK(got.at("level") == want.level.c_str());
            CHECK(got.at("points") == want.points);
            CHECK(got.contains("case") == want.case_id.has_value());
        }
    }
    const std::size_t either_or = *sheet.slot_of("3.2");
    CHECK(boost::json::serialize(slots[either_or].at("options").at(0)).starts_with(R"({"case":")"));
}

TEST_CASE("parse_json reads JSON text with the loaders' limits and names the place of an error") {
    CHECK(ocop::parse_json(R"({"a": [1, 2]})").at("a").as_array().size() == 2);
    auto e = ocop::test::expect_error([] { (void)ocop::parse_json(R"({"a": )"); }, ocop::errc::invalid_json);
    CHECK_FALSE(e.problems().empty());
    std::string deep(65, '[');
    deep += std::string(65, ']');
    ocop::test::expect_error([&] { (void)ocop::parse_json(deep); }, ocop::errc::invalid_json);
    std::string shallow(64, '[');
    shallow += std::string(64, ']');
    CHECK(ocop::parse_json(shallow).is_array());
    ocop::test::expect_error([] { (void)ocop::parse_json("\"\xff\""); }, ocop::errc::invalid_json);  // not UTF-8
}
