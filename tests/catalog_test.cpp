#include "ocop/catalog.hpp"

#include <set>

#include <boost/json/serialize.hpp>
#include <catch2/catch.hpp>

#include "ocop/catalog_json.hpp"
#include "ocop/procedure.hpp"
#include "test_support.hpp"

using namespace ocop;

namespace {
const edition& ed1048() { return embedded_catalog().get("1048-781"); }
// Both transcriptions sum part C of this sheet to 38; the other two of the first transcription were
// corrected from the second (tests/verification_test.cpp).
const std::set<std::string> part_c_38{"thuc-pham-chuc-nang-thuoc-tu-duoc-lieu-thuoc-y-hoc-co-truyen"};
}  // namespace

TEST_CASE("the embedded catalog ships 1048/781 with its dates and legal references") {
    const edition& ed = ed1048();
    REQUIRE(ed.valid_from == date{2019, 8, 21});
    REQUIRE(ed.valid_until == date{2023, 2, 23});
    REQUIRE(ed.legal_references.size() == 2);
    REQUIRE(ed.legal_references[1].signed_on == date{2020, 6, 8});
    REQUIRE(ed.parts.size() == 3);
    CHECK(ed.parts[0].max_points == 35);
    CHECK(ed.parts[1].max_points == 25);
    CHECK(ed.parts[2].max_points == 40);
    REQUIRE(ed.dossier_documents.size() == 18);
    CHECK(std::count_if(ed.dossier_documents.begin(), ed.dossier_documents.end(), [](const auto& d) { return d.required; }) == 5);
}

TEST_CASE("the edition in force is found by date, and a date with none is an error") {
    const catalog& cat = embedded_catalog();
    REQUIRE(cat.in_force(date{2019, 8, 21}).id == "1048-781");
    REQUIRE(cat.in_force(date{2021, 10, 20}).id == "1048-781");
    REQUIRE(cat.in_force(date{2023, 2, 23}).id == "1048-781");
    auto e = test::expect_error([&] { cat.in_force(date{2019, 8, 20}); }, errc::no_edition_in_force);
    REQUIRE(std::string(e.what()).find("2019-08-20") != std::string::npos);
    test::expect_error([&] { cat.get("148-1489"); }, errc::not_found);  // 1489's sheets: none known
    test::expect_error([&] { cat.in_force(date{2025, 12, 1}); }, errc::no_edition_in_force);
}

TEST_CASE("levels of the 1048/781 procedure: district forwards at 50, province recognises 3 and 4 stars, central 5") {
    const procedure& proc = embedded_procedures().get("1048-781");
    REQUIRE(proc.certificate_validity_months == 36);
    const procedure_level& district = *proc.find_level("district");
    CHECK(district.forward_target(50, 1) == "province");
    CHECK(district.forward_target(4999, 100) == std::nullopt);  // 49.99: exact, not rounded
    CHECK(proc.find_level("province")->forward_target(90, 1) == "central");
    CHECK(proc.find_level("province")->forward_target(8999, 100) == std::nullopt);
    CHECK(proc.find_level("central")->forward_target(100, 1) == std::nullopt);  // the last level forwards nowhere
    REQUIRE(proc.recognising_level(3)->id == "province");
    REQUIRE(proc.recognising_level(4)->id == "province");
    REQUIRE(proc.recognising_level(5)->id == "central");
    REQUIRE(proc.recognising_level(2) == nullptr);
}

TEST_CASE("all 26 product sets are classified in 6 industries and 16 groups") {
    const edition& ed = ed1048();
    REQUIRE(ed.sets.size() == 26);
    REQUIRE(ed.classification.size() == 6);
    std::size_t groups = 0, classified = 0;
    for (const auto& ind : ed.classification) {
        groups += ind.groups.size();
        for (const auto& g : ind.groups) classified += g.sets.size();
    }
    REQUIRE(groups == 16);
    REQUIRE(classified == 26);
}

TEST_CASE("every set carries the status of its data: complete, with our reading, or incomplete") {
    std::set<std::string> incomplete, unavailable;
    for (const auto& s : ed1048().sets) {
        if (s.status == set_status::incomplete) incomplete.insert(s.id);
        if (s.status == set_status::unavailable) unavailable.insert(s.id);
        CHECK_FALSE(s.origin.source.empty());
        CHECK_FALSE(s.origin.sheet.empty());
    }
    REQUIRE(incomplete == part_c_38);
    REQUIRE(unavailable.empty());
    const product_set* functional = ed1048().find_set(*part_c_38.begin());
    REQUIRE(functional->gaps.size() == 1);
    REQUIRE(functional->gaps[0].kind == "part_total");
    REQUIRE(functional->gaps[0].part == "C");
    CHECK(ed1048().find_set("gao-ngu-coc")->status == set_status::complete_with_reading);  // its section 8 title
    REQUIRE(ed1048().find_set("rau-cu-qua-hat-tuoi")->origin.cross_checked);
}

TEST_CASE("part sums per set: 35/25/40, part C 38 only where declared incomplete") {
    for (const auto& s : ed1048().sets) {
        if (s.status == set_status::unavailable) {
            CHECK(s.criteria.empty());
            continue;
        }
        INFO(s.id);
        CHECK(s.part_max("A") == 35);
        CHECK(s.part_max("B") == 25);
        CHECK(s.part_max("C") == (part_c_38.contains(s.id) ? 38 : 40));
    }
}

TEST_CASE("either/or criteria are cases: part A is 35, never 36") {
    int with_cases = 0;
    for (const auto& s : ed1048().sets) {
        const criterion* c32 = s.find("3.2");
        if (!c32) continue;
        REQUIRE(c32->has_cases());
        REQUIRE(c32->cases.size() == 2);
        REQUIRE(c32->max_points() == 2);
        // The known trap: counting the best level of both cases gives part A 36 (37 for tourism,
        // whose two cases are both worth 2).
        int both_cases = 0;
        for (const auto& k : c32->cases) {
            int best = 0;
            for (const auto& l : k.levels) best = std::max(best, l.points);
            both_cases += best;
        }
        CHECK(s.part_max("A") - c32->max_points() + both_cases == (s.industry == "rural_tourism_and_sales" ? 37 : 36));
        CHECK(s.part_max("A") == 35);
        ++with_cases;
    }
    REQUIRE(with_cases == 26);
    const product_set* tourism = ed1048().find_set("dich-vu-du-lich-cong-dong-va-diem-du-lich");
    REQUIRE(std::count_if(tourism->criteria.begin(), tourism->criteria.end(), [](const criterion& c) { return c.has_cases(); }) == 4);
}

TEST_CASE("knock-out notes are rules with explicit outcomes and triggers") {
    const edition& ed = ed1048();
    auto rule = [&](const char* set, const char* crit) -> const knockout_rule& {
        const criterion* c = ed.find_set(set)->find(crit);
        REQUIRE(c != nullptr);
        REQUIRE(c->knockouts.size() == 1);
        return c->knockouts[0];
    };
    const auto& imported = rule("che-tuoi-che-bien", "1.1");
    CHECK(imported.outcome == knockout_outcome::eliminated);
    CHECK(imported.trigger == trigger_kind::declared);
    const auto& ip = rule("thu-cong-my-nghe-trang-tri", "6.2");
    CHECK(ip.id == "ip-infringement");
    CHECK(ip.outcome == knockout_outcome::eliminated);
    const auto& foreign = rule("che-bien-tu-rau-cu-qua-hat", "6.1");
    CHECK(foreign.outcome == knockout_outcome::evaluation_stopped);
    CHECK(foreign.trigger == trigger_kind::levels);
    REQUIRE(foreign.trigger_levels.size() == 1);
    CHECK(foreign.trigger_levels[0].level == "a");
    const auto& certificate = rule("rau-cu-qua-hat-tuoi", "10");
    CHECK(certificate.outcome == knockout_outcome::evaluation_stopped);
    CHECK(certificate.trigger == trigger_kind::declared);
    const auto& above = rule("nuoc-khoang-thien-nhien-nuoc-uong-tinh-khiet", "6.4");
    CHECK(above.trigger_levels.size() >= 2);  // zero points in any sensory criterion above
}

TEST_CASE("5.2 and 5.3 apply only when a product story exists") {
    const product_set* s = ed1048().find_set("rau-cu-qua-hat-tuoi");
    for (const char* id : {"5.2", "5.3"}) {
        const criterion* c = s->find(id);
        REQUIRE(c->applies_if.has_value());
        CHECK(c->applies_if->criterion == "5.1");
        CHECK(c->applies_if->levels == std::vector<std::string>{"c", "d", "e", "f"});
    }
}

TEST_CASE("sub-criteria keep their heading, notes and evidence guidance stay as text") {
    const product_set* tea = ed1048().find_set("che-tuoi-che-bien");
    const criterion* c = tea->find("6.1.2");
    REQUIRE(c->group_heading.has_value());
    CHECK(c->group_heading->id == "6.1");
    CHECK(c->group_heading->title == "Ngoại hình");
    CHECK(tea->find("1.1")->note->find("Bị loại") != std::string::npos);
    const criterion* guided = ed1048().find_set("che-bien-tu-gao-ngu-coc")->find("1.1");
    CHECK_FALSE(guided->evidence_guidance.empty());
}

TEST_CASE("781 minimum requirements are data marked as from one source") {
    const edition& ed = ed1048();
    REQUIRE(ed.minimum_requirements.size() == 3);
    for (const auto& r : ed.minimum_requirements) CHECK(r.confidence == "one_source");
    const product_set* s = ed.find_set("rau-cu-qua-hat-tuoi");
    REQUIRE(s->minimum_requirements.size() == 3);
    CHECK(s->minimum_requirements[0].criterion == "9.1");
    CHECK(s->minimum_requirements[0].at_least_points == 1);
}

TEST_CASE("a sheet written as JSON loads back identical") {
    const edition& ed = ed1048();
    for (const auto& s : ed.sets) {
        INFO(s.id);
        std::string text = boost::json::serialize(to_json(s));
        edition again = with_set(ed, text);
        CHECK(boost::json::serialize(to_json(*again.find_set(s.id))) == text);
    }
}
