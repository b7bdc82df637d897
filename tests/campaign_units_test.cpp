// A campaign's administrative units: a registration's district and commune are checked against the
// list after NFC normalisation, stored as the list names them, and reports group by unit.

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "ocop/campaign.hpp"
#include "ocop/campaign_json.hpp"
#include "ocop/registry_json.hpp"
#include "ocop/reports.hpp"
#include "ocop/unicode.hpp"
#include "workflow_support.hpp"

using namespace wf;
using Catch::Matchers::Contains;

namespace {

const std::string nfd_ba_vi = "Ba Vi\xcc\x80";  // "Ba Vì" with the grave accent as U+0300

/// Registers dossier `id` of `district` (and `commune`) in a registry of `c`.
const ocop::dossier_state& register_in(ocop::registry& r, const std::string& id, const std::string& district,
                                       std::optional<std::string> commune = std::nullopt) {
    ocop::dossier d = product(id, district);
    d.commune = std::move(commune);
    return r.apply(ev(id, role::subject, "2021-09-01", registration(d, "1")));
}

/// The error of registering `district` (and `commune`); checks that nothing changed.
ocop::error refused(ocop::registry& r, const std::string& district, std::optional<std::string> commune = std::nullopt) {
    const std::size_t before = r.log().size();
    try {
        register_in(r, "REFUSED", district, std::move(commune));
    } catch (const ocop::error& e) {
        CHECK(r.log().size() == before);
        CHECK(r.find("REFUSED") == nullptr);
        return e;
    }
    FAIL("registration accepted: " << district);
    return ocop::error(ocop::errc::io, "", "");
}

/// The Hanoi 2021 campaign with its units replaced by those of `units_json`.
ocop::campaign with_units(const std::string& units_json) {
    boost::json::value doc = ocop::to_json(ocop::embedded_campaign("hanoi-2021"));
    doc.as_object()["units"] = boost::json::parse(units_json);
    doc.as_object()["planned"] = boost::json::array{};  // appendix 01 names Hanoi's 26 districts
    return ocop::load_campaign(boost::json::serialize(doc));
}

/// The problems of loading Hanoi 2021 with `units_json` as its units, as "path: message" lines.
std::string load_problems(const std::string& units_json, const std::string& districts_json = "[]") {
    boost::json::value doc = ocop::to_json(ocop::embedded_campaign("hanoi-2021"));
    doc.as_object()["units"] = boost::json::parse(units_json);
    doc.as_object()["districts"] = boost::json::parse(districts_json);
    doc.as_object()["planned"] = boost::json::array{};
    try {
        ocop::load_campaign(boost::json::serialize(doc));
    } catch (const ocop::error& e) {
        std::string out;
        for (const auto& p : e.problems()) out += p.path + ": " + p.message + "\n";
        return out;
    }
    return "";
}

const std::string ba_vi_communes = R"([
    {"id": "ba-vi", "name": "Ba Vì", "kind": "rural_district"},
    {"id": "tan-linh", "name": "Tản Lĩnh", "kind": "commune", "parent": "ba-vi"},
    {"id": "phung-xa", "name": "Phùng", "kind": "commune", "parent": "ba-vi"},
    {"id": "phung-tt", "name": "Phùng", "kind": "township", "parent": "ba-vi"},
    {"id": "dan-phuong", "name": "Đan Phượng", "kind": "rural_district"},
    {"id": "tan-hoi", "name": "Tân Hội", "kind": "commune", "parent": "dan-phuong"},
    {"id": "son-tay", "name": "Sơn Tây", "kind": "town"}])";

}  // namespace

TEST_CASE("Units: Unicode names are compared in NFC, case and spaces aside, and folded without accents for suggestions") {
    CHECK(ocop::to_nfc(nfd_ba_vi) == "Ba Vì");
    CHECK(ocop::to_nfc("Ba Vì") == "Ba Vì");
    CHECK(ocop::name_key("  HUYỆN   Ba " + std::string("Vi\xcc\x80")) == "huyện ba vì");
    CHECK(ocop::fold_accents("Đông Anh") == "dong anh");
    CHECK(ocop::fold_accents(nfd_ba_vi) == "ba vi");
    CHECK(ocop::fold_accents("Mật ong, các sản phẩm (khác)") == "mat ong cac san pham khac");
    CHECK(ocop::edit_distance("Ba Vì", "Ba Vi") == 1);
    CHECK(ocop::edit_distance("Ba Vì", "Ba Vì") == 0);
    CHECK(ocop::edit_distance("", "abc") == 3);
    CHECK(ocop::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("Units: Hanoi 2021 lists its 26 district-level units in appendix 01's order") {
    const ocop::campaign& c = ocop::embedded_campaign("hanoi-2021");
    REQUIRE(c.units);
    REQUIRE(c.units->size() == 26);
    CHECK(c.units->front().name == "Ba Vì");
    CHECK(c.units->front().kind == ocop::unit_kind::rural_district);
    CHECK(c.district_rows().size() == 26);
    CHECK(c.district_rows().back() == "Hoàng Mai");
    int urban = 0, rural = 0, towns = 0;
    for (const auto& u : *c.units) {
        CHECK_FALSE(u.parent);
        urban += u.kind == ocop::unit_kind::urban_district;
        rural += u.kind == ocop::unit_kind::rural_district;
        towns += u.kind == ocop::unit_kind::town;
    }
    CHECK(urban == 8);
    CHECK(rural == 17);
    CHECK(towns == 1);
    REQUIRE(c.units_source);
    CHECK_THAT(*c.units_source, Contains("220/KH-UBND, Phụ lục 01"));
}

TEST_CASE("Units: NFC, NFD and a kind before the name are one unit, stored as the list names it, in one report row") {
    ocop::registry r({}, ocop::embedded_campaign("hanoi-2021"));
    CHECK(register_in(r, "A", "Ba Vì").dossier.district == "Ba Vì");
    CHECK(register_in(r, "B", nfd_ba_vi).dossier.district == "Ba Vì");
    CHECK(register_in(r, "C", "Huyện Ba Vì").dossier.district == "Ba Vì");
    CHECK(register_in(r, "D", "  huyện  BA VÌ ").dossier.district == "Ba Vì");
    CHECK(register_in(r, "E", "Thị xã Sơn Tây").dossier.district == "Sơn Tây");
    CHECK(register_in(r, "F", "Quận Ba Đình").dossier.district == "Ba Đình");

    const ocop::count_matrix m = ocop::registrations_by_district(r);
    REQUIRE(m.table.size() == 26);  // no row beyond the plan's
    CHECK(m.table[0].key == "Ba Vì");
    CHECK(m.table[0].total == 4);
    CHECK(m.total == 6);

    // The log keeps the events as written; replay reproduces the stored names.
    ocop::registry again = ocop::registry::replay(r.log(), {}, ocop::embedded_campaign("hanoi-2021"), r.log().head());
    CHECK(boost::json::serialize(ocop::to_json(again)) == boost::json::serialize(ocop::to_json(r)));
    CHECK_THAT(r.log().entries()[1].event, Contains("\"district\":\"" + nfd_ba_vi + "\""));
}

TEST_CASE("Units: an unknown name is refused with its path, what was expected and the closest name") {
    ocop::registry r({}, ocop::embedded_campaign("hanoi-2021"));
    ocop::error e = refused(r, "Ba Vi");
    CHECK(e.code() == ocop::errc::invalid_document);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].path == "/payload/dossier/district");
    CHECK(e.problems()[0].message ==
          "expected a unit directly under Hà Nội listed by campaign hanoi-2021 (220/KH-UBND), after Unicode NFC normalisation, found "
          "\"Ba Vi\"; did you mean \"Ba Vì\" (huyện Ba Vì)?");
    // A kind that is not the unit's: Ba Vì is a huyện.
    CHECK_THAT(refused(r, "Quận Ba Vì").problems()[0].message, Contains("did you mean \"Ba Vì\" (huyện Ba Vì)?"));
    CHECK_THAT(refused(r, "Huyen Dong Anh").problems()[0].message, Contains("did you mean \"Đông Anh\" (huyện Đông Anh)?"));
    // Nothing close: the names it could be.
    CHECK_THAT(refused(r, "Paris").problems()[0].message, Contains("found \"Paris\"; the campaign lists Ba Vì, Chương Mỹ, Đan Phượng"));
    CHECK(r.dossiers().empty());
}

TEST_CASE("Units: a campaign without a list of units takes names as written (behaviour of earlier versions)") {
    ocop::campaign c = ocop::embedded_campaign("hanoi-2021");
    c.units.reset();
    c.districts = {"Ba Vì"};
    ocop::registry r({}, c);
    CHECK(register_in(r, "A", "Huyện Ba Vì").dossier.district == "Huyện Ba Vì");
    CHECK(register_in(r, "B", nfd_ba_vi).dossier.district == nfd_ba_vi);
    CHECK(register_in(r, "C", "Zzz").dossier.district == "Zzz");
    const ocop::count_matrix m = ocop::registrations_by_district(r);
    CHECK(m.table.size() == 4);  // Ba Vì (planned, empty), then the three as written
    CHECK(m.table[0].total == 0);

    c.units = std::vector<ocop::admin_unit>{};  // an empty list checks nothing either
    ocop::registry empty({}, c);
    CHECK(register_in(empty, "A", "Zzz").dossier.district == "Zzz");
}

TEST_CASE("Units: communes listed under their district are checked, and a name two kinds share needs its kind") {
    ocop::registry r({}, with_units(ba_vi_communes));
    const auto& s = register_in(r, "A", "Huyện Ba Vì", "Xã Tản Lĩnh");
    CHECK(s.dossier.district == "Ba Vì");
    CHECK(s.dossier.commune == "Tản Lĩnh");
    CHECK(register_in(r, "B", "Ba Vì", "Thị trấn Phùng").dossier.commune == "Phùng");

    ocop::error e = refused(r, "Ba Vì", "Tan Linh");
    CHECK(e.problems()[0].path == "/payload/dossier/commune");
    CHECK_THAT(e.problems()[0].message, Contains("expected a unit under huyện Ba Vì") && Contains("did you mean \"Tản Lĩnh\" (xã Tản Lĩnh)?"));
    ocop::error two = refused(r, "Ba Vì", "Phùng");
    CHECK(two.problems()[0].path == "/payload/dossier/commune");
    CHECK(two.problems()[0].message == "\"Phùng\" names 2 units (xã Phùng, thị trấn Phùng): write its kind before the name");
    // Tản Lĩnh is Ba Vì's, not Đan Phượng's.
    CHECK(refused(r, "Đan Phượng", "Xã Tản Lĩnh").problems()[0].path == "/payload/dossier/commune");
    // A district without listed communes keeps its commune as written.
    CHECK(register_in(r, "C", "Sơn Tây", "phường Lê Lợi").dossier.commune == "phường Lê Lợi");
    // A commune is not a unit directly under the province.
    CHECK(refused(r, "Tản Lĩnh").problems()[0].path == "/payload/dossier/district");
}

TEST_CASE("Units: after the 2025 reorganisation, communes directly under the province") {
    ocop::campaign c = with_units(R"([
        {"id": "thanh-son", "name": "Thanh Sơn", "kind": "commune"},
        {"id": "phong-chau", "name": "Phong Châu", "kind": "ward"}])");
    ocop::registry r({}, c);
    CHECK(register_in(r, "A", "Xã Thanh Sơn").dossier.district == "Thanh Sơn");
    const auto& b = register_in(r, "B", "Phong Châu", "Phường Phong Châu");
    CHECK(b.dossier.district == "Phong Châu");
    CHECK(b.dossier.commune == "Phong Châu");
    ocop::error e = refused(r, "Thanh Sơn", "Phong Châu");
    CHECK(e.problems()[0].path == "/payload/dossier/commune");
    CHECK_THAT(e.problems()[0].message, Contains("expected the unit the dossier's district names (xã Thanh Sơn)"));
    CHECK(c.district_rows() == std::vector<std::string>{"Thanh Sơn", "Phong Châu"});
}

TEST_CASE("Units: a campaign's list is checked when it is loaded, every problem with its path") {
    CHECK(load_problems(ba_vi_communes).empty());
    CHECK(load_problems(R"([{"id": "a", "name": "Ba Vì", "kind": "rural_district"}, {"id": "a", "name": "Sơn Tây", "kind": "town"}])") ==
          "/units/1/id: duplicate unit id \"a\"\n");
    CHECK_THAT(load_problems(R"([{"id": "x", "name": "Tản Lĩnh", "kind": "commune", "parent": "nowhere"}])"),
               Contains("/units/0/parent: expected the id of a unit of this campaign, found \"nowhere\""));
    CHECK_THAT(load_problems(R"([{"id": "x", "name": "X", "kind": "commune"}, {"id": "y", "name": "Y", "kind": "commune", "parent": "x"}])"),
               Contains("/units/1/parent: expected a district-level unit directly under Hà Nội, found xã X"));
    CHECK_THAT(load_problems(R"([{"id": "x", "name": "X", "kind": "rural_district"}, {"id": "y", "name": "Y", "kind": "town", "parent": "x"}])"),
               Contains("/units/1/kind: expected a commune-level kind"));
    CHECK_THAT(load_problems(R"([{"id": "x", "name": "Huyện Ba Vì", "kind": "rural_district"}])"),
               Contains("/units/0/name: expected the name without its kind"));
    // The same name in NFC and in NFD is the same unit.
    CHECK_THAT(load_problems(R"([{"id": "a", "name": "Ba Vì", "kind": "rural_district"}, {"id": "b", "name": ")" + nfd_ba_vi +
                             R"(", "kind": "rural_district"}])"),
               Contains("/units/1/name: duplicate unit: huyện " + nfd_ba_vi + " is listed twice under the same parent"));
    CHECK_THAT(load_problems(R"([{"id": "a", "name": "Ba Vì", "kind": "rural_district"}])", R"(["Ba Vì", "Sơn Tây"])"),
               Contains("/districts/1: expected the name of a unit directly under Hà Nội"));
    CHECK_THAT(load_problems(R"([{"id": "a", "name": "Ba Vì", "kind": "nowhere"}])"), Contains("/units/0/kind"));
}

TEST_CASE("Units: a campaign of earlier versions (districts by name, no units) still loads and writes no units") {
    boost::json::value doc = ocop::to_json(ocop::embedded_campaign("hanoi-2021"));
    doc.as_object().erase("units");
    doc.as_object().erase("units_source");
    doc.as_object()["districts"] = boost::json::parse(R"(["Ba Vì", "Chương Mỹ"])");
    doc.as_object()["planned"] = boost::json::array{};
    const ocop::campaign c = ocop::load_campaign(boost::json::serialize(doc));
    CHECK_FALSE(c.units);
    CHECK(c.district_rows() == std::vector<std::string>{"Ba Vì", "Chương Mỹ"});
    CHECK_FALSE(ocop::to_json(c).as_object().contains("units"));
}
