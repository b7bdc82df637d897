// 541 dossiers registered as in the Hanoi plan's appendix 01 give back exactly its matrix.

#include "ocop/reports.hpp"

#include "ocop/campaign.hpp"
#include "workflow_support.hpp"

TEST_CASE("Registrations: 541 dossiers registered as in appendix 01 give back its matrix (541: 331, 25, 21, 119, 37, 8)") {
    const ocop::campaign& plan = ocop::embedded_campaign("hanoi-2021");
    ocop::registry r({}, plan);
    int n = 0;
    for (const auto& row : plan.planned)
        for (std::size_t k = 0; k < row.by_industry.size(); ++k)
            for (int i = 0; i < row.by_industry[k]; ++i) {
                const std::string id = "HN-" + std::to_string(++n);
                r.apply(wf::ev(id, ocop::role::district_office, "2021-09-01",
                               wf::registration(wf::product(id, row.district, plan.industries[k].id), n % 2 ? "1" : "2")));
            }
    REQUIRE(r.dossiers().size() == 541);

    const ocop::count_matrix m = ocop::registrations_by_district(r);
    CHECK(m.total == 541);
    CHECK(m.columns == std::vector<std::string>{"food", "beverage", "herbal", "handicraft_decoration", "textile_garment", "rural_tourism_and_sales"});
    CHECK(m.column_totals == std::vector<int>{331, 25, 21, 119, 37, 8});
    REQUIRE(m.table.size() == 26);
    CHECK(m.table[0].key == "Ba Vì");
    CHECK(m.table[0].counts == std::vector<int>{35, 2, 1, 0, 0, 0});
    CHECK(m.table[0].total == 38);
    CHECK(m.table[5].key == "Hoài Đức");
    CHECK(m.table[5].total == 50);
    CHECK(m.table[25].key == "Hoàng Mai");

    const ocop::count_matrix planned = ocop::planned_registrations(plan);
    CHECK(planned.total == 541);
    for (std::size_t i = 0; i < 26; ++i) {
        CHECK(m.table[i].key == planned.table[i].key);
        CHECK(m.table[i].counts == planned.table[i].counts);
        CHECK(m.table[i].total == planned.table[i].total);
    }
    CHECK(m.column_totals == planned.column_totals);
    CHECK(r.log().verify(r.log().head()).ok);
}

TEST_CASE("Registrations: districts and industries outside the plan are added after the plan's, sorted") {
    ocop::campaign without_units = ocop::embedded_campaign("hanoi-2021");  // names as written (no list of units)
    without_units.districts = without_units.district_rows();
    without_units.units.reset();
    ocop::registry r({}, without_units);
    r.apply(wf::ev("X", ocop::role::subject, "2021-09-01", wf::registration(wf::product("X", "Zzz district"))));
    const ocop::count_matrix m = ocop::registrations_by_district(r);
    CHECK(m.table.size() == 27);
    CHECK(m.table.back().key == "Zzz district");
    CHECK(m.table.back().counts[0] == 1);
    CHECK(m.table[0].total == 0);
    CHECK(m.total == 1);
}
