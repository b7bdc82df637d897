// An embedded edition loaded alone, each set's sheet read on its first use (detail::lazy_edition):
// the same edition and the same sheets as the edition loaded whole by embedded_catalog(), the same
// errors for a set it lacks, and what a workflow applying events gets from it.

#include <string>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "council_events.hpp"
#include "ocop/catalog_json.hpp"
#include "ocop/detail/embedded_edition.hpp"
#include "ocop/registry.hpp"
#include "ocop/workflow_json.hpp"

namespace {

std::string text(const ocop::product_set& s) { return boost::json::serialize(ocop::to_json(s)); }

/// The error `f` throws: code, path and message, or "none".
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const ocop::error& e) {
        return std::to_string(static_cast<int>(e.code())) + " " + e.problems().at(0).path + " " + e.problems().at(0).message;
    }
    return "none";
}

}  // namespace

TEST_CASE("Embedded edition: every set of every edition read alone is the set of the edition loaded whole") {
    const auto& editions = ocop::embedded_catalog().editions();
    REQUIRE(editions.size() >= 3);
    std::size_t sets = 0;
    for (const auto& whole : editions) {
        INFO("edition " << whole.id);
        const ocop::detail::lazy_edition* alone = ocop::detail::embedded_edition(whole.id);
        REQUIRE(alone != nullptr);
        CHECK(alone == ocop::detail::embedded_edition(whole.id));  // loaded once, then kept
        CHECK(alone->fields().sets.empty());                          // no sheet read until asked for
        ocop::edition without_sets = whole;
        without_sets.sets.clear();
        CHECK(boost::json::serialize(ocop::to_json_summary(alone->fields())) == boost::json::serialize(ocop::to_json_summary(without_sets)));
        CHECK(alone->fields().other_sets_unavailable == whole.other_sets_unavailable);
        for (const auto& set : whole.sets) {
            INFO("set " << set.id);
            const ocop::product_set* read = alone->find_set(set.id);
            REQUIRE(read != nullptr);
            CHECK(read->id == set.id);
            CHECK(read->status == set.status);
            CHECK(read->warnings() == set.warnings());
            CHECK(read->sections.size() == set.sections.size());
            CHECK(text(*read) == text(set));
            CHECK(alone->find_set(set.id) == read);  // read once, then kept
            CHECK(&alone->require_set(set.id, "/set") == read);
            ++sets;
        }
    }
    CHECK(sets >= 26 + 26 + 1);  // 1048-781 and 26-2026: 26 sets each; 148: one
}

TEST_CASE("Embedded edition: a set it lacks gives the errors of the edition loaded whole") {
    for (const auto& whole : ocop::embedded_catalog().editions()) {
        INFO("edition " << whole.id);
        const ocop::detail::lazy_edition& alone = *ocop::detail::embedded_edition(whole.id);
        for (const std::string id : {"no-such-set", "", "Rau-cu-qua-hat-tuoi", "rau-cu-qua-hat-tuoi "}) {
            CHECK(alone.find_set(id) == nullptr);
            const std::string expected = error_of([&] { (void)whole.require_set(id, "/dossier/set"); });
            CHECK(expected != "none");
            CHECK(error_of([&] { (void)alone.require_set(id, "/dossier/set"); }) == expected);
        }
    }
    // 148 knows one sheet: another set is unavailable (with the edition's reason), not unknown.
    CHECK(error_of([] { (void)ocop::detail::embedded_edition("148")->require_set("hoa", ""); })
              .starts_with(std::to_string(static_cast<int>(ocop::errc::unavailable)) + " "));
    CHECK(ocop::detail::embedded_edition("1489") == nullptr);
    CHECK(ocop::detail::embedded_edition("") == nullptr);
}

TEST_CASE("Embedded edition: an edition given whole serves its own sets") {
    const ocop::edition& whole = ocop::embedded_catalog().get("26-2026");
    const ocop::detail::lazy_edition given(whole);
    CHECK(given.fields().sets.size() == whole.sets.size());
    CHECK(given.find_set(whole.sets.back().id) == &given.fields().sets.back());
    CHECK(given.find_set("no-such-set") == nullptr);
}

TEST_CASE("Embedded edition: a workflow on the embedded editions and one on the whole catalog agree") {
    // Registration with its set, members' scorecards and the round's computed result, applied with
    // the default editions (read set by set) and with the catalog loaded whole as the host's.
    namespace ce = ocop::test::council_events;
    ocop::workflow_rules host;
    host.editions = &ocop::embedded_catalog();
    ocop::registry lazy;
    ocop::registry whole(host);
    std::vector<ocop::event> events = {wf::ev("C", ocop::role::subject, "2021-09-01", wf::registration(wf::product("C"))),
                                       wf::ev("C", ocop::role::subject, "2021-09-02", ocop::submitted_payload{})};
    for (const auto& card : ce::three_members()) events.push_back(ce::recorded("C", card));
    events.push_back(ce::result("C", ce::round_only()));
    for (const auto& e : events) {
        lazy.apply(e);
        whole.apply(e);
    }
    CHECK(lazy.find("C")->results.size() == 1);
    CHECK(lazy.log().head() == whole.log().head());
    CHECK(boost::json::serialize(ocop::to_json(*lazy.find("C"))) == boost::json::serialize(ocop::to_json(*whole.find("C"))));
    // A card of another set, a dossier of a set of another industry or of no set of the edition: refused alike.
    ocop::scorecard other = ce::card("Member D");
    other.set = "hoa";
    ocop::event wrong_card = ce::recorded("C", other);
    CHECK(error_of([&] { ocop::registry(host).apply(wrong_card); }) == error_of([&] { ocop::registry().apply(wrong_card); }));
    for (const std::string set : {"hoa", "no-such-set"}) {
        ocop::dossier d = wf::product("D");
        d.set = set;
        const ocop::event bad = wf::ev("D", ocop::role::subject, "2021-09-01", wf::registration(d));
        const std::string expected = error_of([&] { ocop::registry(host).apply(bad); });
        CHECK(expected != "none");
        CHECK(error_of([&] { ocop::registry().apply(bad); }) == expected);
    }
}
