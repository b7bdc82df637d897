// Dossiers: the document checklist of 1048/781 (5 required, 13 supporting), checks against the
// edition, and JSON.

#include "ocop/dossier.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/dossier_json.hpp"

using Catch::Matchers::Contains;

TEST_CASE("Dossier: the 1048-781 checklist has 5 required documents and 13 supporting ones") {
    const auto& docs = ocop::embedded_catalog().get("1048-781").dossier_documents;
    REQUIRE(docs.size() == 18);
    CHECK(std::count_if(docs.begin(), docs.end(), [](const ocop::dossier_document& d) { return d.required; }) == 5);
    auto missing = ocop::missing_required(docs, {"doc-01", "doc-04", "doc-09"});
    REQUIRE(missing.size() == 3);
    CHECK(missing[0]->id == "doc-02");
    CHECK(missing[1]->id == "doc-03");
    CHECK(missing[2]->id == "doc-05");
    CHECK(ocop::missing_required(docs, {"doc-05", "doc-04", "doc-03", "doc-02", "doc-01"}).empty());
}

namespace {

/// A food product of a household, without set or documents.
ocop::dossier honey_of_a_household() {
    ocop::dossier d;
    d.id = "A";
    d.product_name = "Mật ong";
    d.subject = {"Hộ ông A", ocop::subject_kind::household};
    d.province = "Hà Nội";
    d.district = "Ba Vì";
    d.industry = "food";
    return d;
}

}  // namespace

TEST_CASE("Dossier: checked against the edition's classification, sets and checklist") {
    const ocop::edition& ed = ocop::embedded_catalog().get("1048-781");
    ocop::dossier d = honey_of_a_household();
    d.set = "mat-ong-cac-san-pham-tu-mat-ong-mat-khac";
    d.documents = {"doc-01", "doc-18"};
    ocop::problem_list ok;
    ocop::check_dossier(d, ed, "", ok);
    CHECK(ok.empty());
    d.set = "vai-may-mac";
    d.documents.push_back("doc-19");
    ocop::problem_list bad;
    ocop::check_dossier(d, ed, "/dossier", bad);
    REQUIRE(bad.size() == 2);
    CHECK(bad.items()[0].path == "/dossier/set");
    CHECK_THAT(bad.items()[0].message, Contains("belongs to industry \"textile_garment\", not \"food\""));
    CHECK(bad.items()[1].path == "/dossier/documents/2");
}

TEST_CASE("Dossier: JSON round trip, optional members left out") {
    ocop::dossier d = honey_of_a_household();
    const std::string text = boost::json::serialize(ocop::to_json(d));
    CHECK(text == R"({"id":"A","product_name":"Mật ong","subject":{"name":"Hộ ông A","kind":"household"},"province":"Hà Nội",)"
                  R"("district":"Ba Vì","industry":"food","documents":[]})");
    CHECK(boost::json::serialize(ocop::to_json(ocop::parse_dossier(text))) == text);
}
