// Bad input at every entry point of the C ABI: NULL for every pointer argument, broken and
// ill-formed documents, unknown ids, huge counts. Each call returns its documented code, sets its
// out-parameters to NULL/0, leaves a clear ocop_last_error() naming the place, and leaves the
// catalog unchanged.

#include <cstring>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ocop/ocop.h"
#include "ocop_test/capi_text.hpp"
#include "reliability_fixtures.hpp"

namespace {

struct catalog_handle {
    ocop_catalog* p = nullptr;
    catalog_handle() { REQUIRE(ocop_catalog_new_embedded(&p) == OCOP_OK); }
    ~catalog_handle() { ocop_catalog_free(p); }
};


/// The call failed with `code`, a message containing `text`, and a problems array.
void failed(int rc, int code, const std::string& text = "") {
    INFO("status " << ocop_error_name(rc) << ": " << ocop_last_error());
    REQUIRE(rc == code);
    CHECK(ocop_last_error_code() == code);
    CHECK(std::strlen(ocop_last_error()) > 0);
    CHECK(std::string(ocop_last_error()).find(text) != std::string::npos);
    CHECK(ocop_last_error_problems()[0] == '[');
}

/// The entry points of the shape f(catalog, document, &result_json), with their arguments' names.
struct document_call {
    const char* name;
    int (*call)(const ocop_catalog*, const char*, char**);
    const char* document_argument;
    const char* out_argument;
};
const std::vector<document_call> document_calls{
    {"ocop_scorecard_score", ocop_scorecard_score, "scorecard_json", "out_result_json"},
    {"ocop_council_evaluate", ocop_council_evaluate, "council_json", "out_result_json"},
    {"ocop_advise", ocop_advise, "request_json", "out_result_json"},
    {"ocop_council_analyse", ocop_council_analyse, "council_json", "out_analysis_json"},
    {"ocop_campaign_analytics", ocop_campaign_analytics, "councils_json", "out_analytics_json"},
};

}  // namespace

TEST_CASE("C API: every NULL pointer argument is OCOP_E_INVALID_ARGUMENT naming the argument", "[bad_input][capi]") {
    catalog_handle cat;
    char* out = reinterpret_cast<char*>(1);
    const std::string card = ocop::test::rau_best_card();
    failed(ocop_catalog_new_embedded(nullptr), OCOP_E_INVALID_ARGUMENT, "out");
    failed(ocop_catalog_new(nullptr), OCOP_E_INVALID_ARGUMENT, "out");
    failed(ocop_catalog_validate_edition(nullptr), OCOP_E_INVALID_ARGUMENT, "edition_json");
    failed(ocop_catalog_add_edition(nullptr, "{}"), OCOP_E_INVALID_ARGUMENT, "cat");
    failed(ocop_catalog_add_edition(cat.p, nullptr), OCOP_E_INVALID_ARGUMENT, "edition_json");
    failed(ocop_catalog_add_set(nullptr, "1048-781", "{}"), OCOP_E_INVALID_ARGUMENT, "cat");
    failed(ocop_catalog_add_set(cat.p, nullptr, "{}"), OCOP_E_INVALID_ARGUMENT, "edition_id");
    failed(ocop_catalog_add_set(cat.p, "1048-781", nullptr), OCOP_E_INVALID_ARGUMENT, "set_json");
    failed(ocop_catalog_editions(nullptr, &out), OCOP_E_INVALID_ARGUMENT, "cat");
    CHECK(out == nullptr);
    failed(ocop_catalog_editions(cat.p, nullptr), OCOP_E_INVALID_ARGUMENT, "out_json");
    out = reinterpret_cast<char*>(1);
    failed(ocop_catalog_edition(nullptr, "1048-781", &out), OCOP_E_INVALID_ARGUMENT, "cat");
    CHECK(out == nullptr);
    failed(ocop_catalog_edition(cat.p, nullptr, &out), OCOP_E_INVALID_ARGUMENT, "edition_id");
    failed(ocop_catalog_edition(cat.p, "1048-781", nullptr), OCOP_E_INVALID_ARGUMENT, "out_json");
    failed(ocop_catalog_in_force(nullptr, "2021-01-01", &out), OCOP_E_INVALID_ARGUMENT, "cat");
    failed(ocop_catalog_in_force(cat.p, nullptr, &out), OCOP_E_INVALID_ARGUMENT, "date");
    failed(ocop_catalog_in_force(cat.p, "2021-01-01", nullptr), OCOP_E_INVALID_ARGUMENT, "out_edition_id");
    failed(ocop_catalog_sets(nullptr, "1048-781", &out), OCOP_E_INVALID_ARGUMENT, "cat");
    failed(ocop_catalog_sets(cat.p, nullptr, &out), OCOP_E_INVALID_ARGUMENT, "edition_id");
    failed(ocop_catalog_sets(cat.p, "1048-781", nullptr), OCOP_E_INVALID_ARGUMENT, "out_json");
    failed(ocop_catalog_set(nullptr, "1048-781", "x", &out), OCOP_E_INVALID_ARGUMENT, "cat");
    failed(ocop_catalog_set(cat.p, nullptr, "x", &out), OCOP_E_INVALID_ARGUMENT, "edition_id");
    failed(ocop_catalog_set(cat.p, "1048-781", nullptr, &out), OCOP_E_INVALID_ARGUMENT, "set_id");
    failed(ocop_catalog_set(cat.p, "1048-781", "x", nullptr), OCOP_E_INVALID_ARGUMENT, "out_json");
    for (const auto& f : document_calls) {
        INFO(f.name);
        out = reinterpret_cast<char*>(1);
        failed(f.call(nullptr, card.c_str(), &out), OCOP_E_INVALID_ARGUMENT, "cat");
        CHECK(out == nullptr);
        failed(f.call(cat.p, nullptr, &out), OCOP_E_INVALID_ARGUMENT, f.document_argument);
        failed(f.call(cat.p, card.c_str(), nullptr), OCOP_E_INVALID_ARGUMENT, f.out_argument);
    }
    CHECK(out == nullptr);

    ocop_sheet* sheet = reinterpret_cast<ocop_sheet*>(1);
    failed(ocop_sheet_new(nullptr, cat.p, "1048-781", "rau-cu-qua-hat-tuoi"), OCOP_E_INVALID_ARGUMENT, "out");
    failed(ocop_sheet_new(&sheet, nullptr, "1048-781", "rau-cu-qua-hat-tuoi"), OCOP_E_INVALID_ARGUMENT, "cat");
    CHECK(sheet == nullptr);
    failed(ocop_sheet_new(&sheet, cat.p, nullptr, "rau-cu-qua-hat-tuoi"), OCOP_E_INVALID_ARGUMENT, "edition_id");
    failed(ocop_sheet_new(&sheet, cat.p, "1048-781", nullptr), OCOP_E_INVALID_ARGUMENT, "set_id");
    REQUIRE(ocop_sheet_new(&sheet, cat.p, "1048-781", "rau-cu-qua-hat-tuoi") == OCOP_OK);
    std::size_t slots = 99;
    failed(ocop_sheet_slots(nullptr, &slots), OCOP_E_INVALID_ARGUMENT, "sheet");
    CHECK(slots == 0);
    failed(ocop_sheet_slots(sheet, nullptr), OCOP_E_INVALID_ARGUMENT, "out_slots");
    failed(ocop_sheet_layout(nullptr, &out), OCOP_E_INVALID_ARGUMENT, "sheet");
    failed(ocop_sheet_layout(sheet, nullptr), OCOP_E_INVALID_ARGUMENT, "out_json");
    std::size_t slot = 99;
    std::uint8_t index = 9;
    failed(ocop_sheet_option_index(nullptr, "1.1", nullptr, "a", &slot, &index), OCOP_E_INVALID_ARGUMENT, "sheet");
    CHECK(slot == 0);
    CHECK(index == OCOP_NO_ANSWER);
    failed(ocop_sheet_option_index(sheet, nullptr, nullptr, "a", &slot, &index), OCOP_E_INVALID_ARGUMENT, "criterion_id");
    failed(ocop_sheet_option_index(sheet, "1.1", nullptr, nullptr, &slot, &index), OCOP_E_INVALID_ARGUMENT, "level_id");
    failed(ocop_sheet_option_index(sheet, "1.1", nullptr, "a", nullptr, &index), OCOP_E_INVALID_ARGUMENT, "out_slot");
    failed(ocop_sheet_option_index(sheet, "1.1", nullptr, "a", &slot, nullptr), OCOP_E_INVALID_ARGUMENT, "out_index");
    std::vector<std::uint8_t> row(40, 0);
    std::int32_t total = 0, stars = 0;
    failed(ocop_sheet_score(nullptr, row.data(), 1, &total, &stars, nullptr), OCOP_E_INVALID_ARGUMENT, "sheet");
    failed(ocop_sheet_score(sheet, nullptr, 1, &total, &stars, nullptr), OCOP_E_INVALID_ARGUMENT, "levels");
    failed(ocop_sheet_score(sheet, row.data(), 1, nullptr, &stars, nullptr), OCOP_E_INVALID_ARGUMENT, "out_totals");
    failed(ocop_sheet_score(sheet, row.data(), 1, &total, nullptr, nullptr), OCOP_E_INVALID_ARGUMENT, "out_stars");
    failed(ocop_sheet_score(sheet, row.data(), SIZE_MAX, &total, &stars, nullptr), OCOP_E_INVALID_ARGUMENT, "count");
    CHECK(ocop_sheet_score(sheet, nullptr, 0, nullptr, nullptr, nullptr) == OCOP_OK);
    ocop_sheet_free(sheet);
    ocop_sheet_free(nullptr);
    ocop_catalog_free(nullptr);
    ocop_free(nullptr);
}

TEST_CASE("C API: broken and ill-formed documents name the place and the catalog is unchanged", "[bad_input][capi]") {
    catalog_handle cat;
    const std::string before = ocop::test::editions_json(cat.p);
    std::string deep(300, '[');
    deep += std::string(300, ']');
    const std::vector<std::pair<std::string, int>> docs{
        {"", OCOP_E_INVALID_JSON},         {"{", OCOP_E_INVALID_JSON},      {"{\"id\": \"\xff\"}", OCOP_E_INVALID_JSON},
        {deep, OCOP_E_INVALID_JSON},       {"[]", OCOP_E_INVALID_DOCUMENT}, {"null", OCOP_E_INVALID_DOCUMENT},
        {"{\"id\": 5}", OCOP_E_INVALID_DOCUMENT},
    };
    for (const auto& [doc, code] : docs) {
        INFO(doc.substr(0, 40));
        failed(ocop_catalog_validate_edition(doc.c_str()), code);
        failed(ocop_catalog_add_edition(cat.p, doc.c_str()), code);
        failed(ocop_catalog_add_set(cat.p, "1048-781", doc.c_str()), code);
        for (const auto& f : document_calls) {
            INFO(f.name);
            char* out = reinterpret_cast<char*>(1);
            failed(f.call(cat.p, doc.c_str(), &out), code);
            CHECK(out == nullptr);
        }
        CHECK(ocop::test::editions_json(cat.p) == before);
    }
    // A document with a bad field: the path is in the message and in the problems array.
    char* out = nullptr;
    failed(ocop_scorecard_score(cat.p, "{\"edition\": 1, \"set\": \"x\", \"answers\": {}}", &out), OCOP_E_INVALID_DOCUMENT,
           "/edition");
    CHECK(std::string(ocop_last_error_problems()).find("\"/edition\"") != std::string::npos);
    // An edition from 2099 overlaps 26-2026 (in force, no end date): refused, catalog unchanged.
    failed(ocop_catalog_add_edition(cat.p, ocop::test::one_set_edition().c_str()), OCOP_E_INVALID_DOCUMENT, "overlaps edition \"26-2026\"");
    CHECK(ocop::test::editions_json(cat.p) == before);
    // In a host's own catalog: added twice (replaced), and a set for an unknown edition.
    ocop_catalog* host = nullptr;
    REQUIRE(ocop_catalog_new(&host) == OCOP_OK);
    REQUIRE(ocop_catalog_add_edition(host, ocop::test::one_set_edition().c_str()) == OCOP_OK);
    const std::string with_fuzz = ocop::test::editions_json(host);
    REQUIRE(ocop_catalog_add_edition(host, ocop::test::one_set_edition().c_str()) == OCOP_OK);  // same id: replaced
    CHECK(ocop::test::editions_json(host) == with_fuzz);
    failed(ocop_catalog_add_set(host, "no-such-edition", ocop::test::rau_set().c_str()), OCOP_E_NOT_FOUND, "no-such-edition");
    CHECK(ocop::test::editions_json(host) == with_fuzz);
    ocop_catalog_free(host);
}

TEST_CASE("C API: unknown ids, bad dates and a 10 MB document", "[bad_input][capi]") {
    catalog_handle cat;
    char* out = reinterpret_cast<char*>(1);
    failed(ocop_catalog_edition(cat.p, "nope", &out), OCOP_E_NOT_FOUND, "nope");
    CHECK(out == nullptr);
    failed(ocop_catalog_sets(cat.p, "", &out), OCOP_E_NOT_FOUND);
    failed(ocop_catalog_set(cat.p, "1048-781", "moon-cheese", &out), OCOP_E_NOT_FOUND, "moon-cheese");
    failed(ocop_catalog_in_force(cat.p, "2021-02-30", &out), OCOP_E_INVALID_ARGUMENT, "2021-02-30");
    failed(ocop_catalog_in_force(cat.p, "", &out), OCOP_E_INVALID_ARGUMENT);
    failed(ocop_catalog_in_force(cat.p, "1900-01-01", &out), OCOP_E_NO_EDITION_IN_FORCE);
    CHECK(out == nullptr);
    ocop_sheet* sheet = nullptr;
    failed(ocop_sheet_new(&sheet, cat.p, "148", "gao-ngu-coc"), OCOP_E_UNAVAILABLE);
    failed(ocop_sheet_new(&sheet, cat.p, "1048-781", ""), OCOP_E_NOT_FOUND);
    CHECK(sheet == nullptr);
    REQUIRE(ocop_sheet_new(&sheet, cat.p, "1048-781", "rau-cu-qua-hat-tuoi") == OCOP_OK);
    std::size_t slot = 0;
    std::uint8_t index = 0;
    failed(ocop_sheet_option_index(sheet, "1.1", nullptr, "zz", &slot, &index), OCOP_E_NOT_FOUND, "zz");
    failed(ocop_sheet_option_index(sheet, "", "", "a", &slot, &index), OCOP_E_NOT_FOUND);
    std::size_t n = 0;
    REQUIRE(ocop_sheet_slots(sheet, &n) == OCOP_OK);
    std::vector<std::uint8_t> rows(n * 3, 250);
    std::vector<std::int32_t> totals(3), stars(3);
    failed(ocop_sheet_score(sheet, rows.data(), 3, totals.data(), stars.data(), nullptr), OCOP_E_INVALID_SCORECARD,
           "/scorecards/0/answers/");
    ocop_sheet_free(sheet);

    std::string big = ocop::test::rau_best_card();
    big.insert(1, "\"padding\": \"" + std::string(10u << 20, 'x') + "\", ");
    failed(ocop_scorecard_score(cat.p, big.c_str(), &out), OCOP_E_INVALID_DOCUMENT, "/padding");
    CHECK(out == nullptr);
}

TEST_CASE("C API workflow: NULL arguments, bad events and tampered logs leave the registry unchanged",
          "[bad_input][capi][workflow]") {
    ocop_registry* reg = reinterpret_cast<ocop_registry*>(1);
    char* out = reinterpret_cast<char*>(1);
    failed(ocop_registry_new(nullptr, nullptr, nullptr), OCOP_E_INVALID_ARGUMENT, "out");
    failed(ocop_registry_new(&reg, nullptr, "{"), OCOP_E_INVALID_JSON);
    CHECK(reg == nullptr);
    failed(ocop_registry_new(&reg, nullptr, "{\"id\": 1}"), OCOP_E_INVALID_DOCUMENT, "/id");
    failed(ocop_registry_import_log(nullptr, nullptr, nullptr, "", nullptr), OCOP_E_INVALID_ARGUMENT, "out");
    failed(ocop_registry_import_log(&reg, nullptr, nullptr, nullptr, nullptr), OCOP_E_INVALID_ARGUMENT, "log_jsonl");
    failed(ocop_log_verify(nullptr, nullptr, &out), OCOP_E_INVALID_ARGUMENT, "log_jsonl");
    failed(ocop_log_verify("", nullptr, nullptr), OCOP_E_INVALID_ARGUMENT, "out_json");
    failed(ocop_workflow_apply(nullptr, nullptr, nullptr, &out), OCOP_E_INVALID_ARGUMENT, "event_json");
    failed(ocop_campaign_validate(nullptr), OCOP_E_INVALID_ARGUMENT, "campaign_json");
    failed(ocop_campaign_embedded(nullptr, &out), OCOP_E_INVALID_ARGUMENT, "campaign_id");
    failed(ocop_campaign_embedded("no-such-campaign", &out), OCOP_E_NOT_FOUND);
    CHECK(out == nullptr);

    REQUIRE(ocop_registry_new(&reg, nullptr, nullptr) == OCOP_OK);
    const auto& events = ocop::test::path_events();
    REQUIRE(ocop_registry_apply(reg, events[0].c_str(), nullptr) == OCOP_OK);
    REQUIRE(ocop_registry_apply(reg, events[1].c_str(), nullptr) == OCOP_OK);
    auto snapshot = [&] {
        char* log = nullptr;
        char* all = nullptr;
        REQUIRE(ocop_registry_export_log(reg, &log) == OCOP_OK);
        REQUIRE(ocop_registry_dossiers(reg, &all) == OCOP_OK);
        std::string s = std::string(log) + all;
        ocop_free(log);
        ocop_free(all);
        return s;
    };
    const std::string before = snapshot();
    failed(ocop_registry_apply(nullptr, events[2].c_str(), &out), OCOP_E_INVALID_ARGUMENT, "reg");
    failed(ocop_registry_apply(reg, nullptr, &out), OCOP_E_INVALID_ARGUMENT, "event_json");
    failed(ocop_registry_apply(reg, "", &out), OCOP_E_INVALID_JSON);
    failed(ocop_registry_apply(reg, "[]", &out), OCOP_E_INVALID_DOCUMENT);
    failed(ocop_registry_apply(reg, "{\"type\": \"council_result\"}", &out), OCOP_E_INVALID_DOCUMENT, "/dossier");
    failed(ocop_registry_apply(reg, events[1].c_str(), &out), OCOP_E_RULE_VIOLATION);  // submitted twice
    failed(ocop_registry_apply(reg, events[12].c_str(), &out), OCOP_E_RULE_VIOLATION, "decision_recorded");  // not at this level
    std::string wrong_role = events[2];
    wrong_role.replace(wrong_role.find("district_council"), 16, "subject");
    failed(ocop_registry_apply(reg, wrong_role.c_str(), &out), OCOP_E_FORBIDDEN);
    std::string bad_mean = events[2];
    bad_mean.replace(bad_mean.find("\"denominator\":5"), 15, "\"denominator\":0");
    failed(ocop_registry_apply(reg, bad_mean.c_str(), &out), OCOP_E_INVALID_DOCUMENT, "/payload/mean/denominator");
    CHECK(out == nullptr);
    CHECK(snapshot() == before);
    failed(ocop_registry_dossier(reg, "nope", &out), OCOP_E_NOT_FOUND, "nope");
    failed(ocop_registry_report(reg, "no-such-report", nullptr, &out), OCOP_E_NOT_FOUND);
    failed(ocop_registry_report(reg, "recognised", "2021-02-30", &out), OCOP_E_INVALID_ARGUMENT);
    ocop_registry_free(reg);

    // Logs: tampered, truncated against the kept head, not JSON lines.
    std::string log = ocop::test::path_log();
    std::string edited = log;
    edited[edited.find("GCN-0001")] = 'X';
    reg = reinterpret_cast<ocop_registry*>(1);
    failed(ocop_registry_import_log(&reg, nullptr, nullptr, edited.c_str(), nullptr), OCOP_E_TAMPERED);
    CHECK(reg == nullptr);
    const std::string head = log.substr(log.rfind("\"hash\":\"") + 8, 64);
    const std::string truncated = log.substr(0, log.rfind('\n', log.size() - 2) + 1);
    failed(ocop_registry_import_log(&reg, nullptr, nullptr, truncated.c_str(), head.c_str()), OCOP_E_TAMPERED);
    failed(ocop_registry_import_log(&reg, nullptr, nullptr, "not json\n", nullptr), OCOP_E_INVALID_DOCUMENT, "/0");
    failed(ocop_registry_import_log(&reg, nullptr, nullptr, log.substr(0, log.size() - 1).c_str(), nullptr),
           OCOP_E_INVALID_DOCUMENT, "newline");
    REQUIRE(ocop_log_verify(edited.c_str(), nullptr, &out) == OCOP_OK);
    CHECK(std::string(out).find("\"ok\":false") != std::string::npos);
    ocop_free(out);
    REQUIRE(ocop_registry_import_log(&reg, nullptr, nullptr, log.c_str(), head.c_str()) == OCOP_OK);
    ocop_registry_free(reg);
}

TEST_CASE("C API, round two: a level of an either/or criterion asked without its case says which case has it",
          "[bad_input][capi]") {
    ocop_catalog* cat = nullptr;
    ocop_sheet* sheet = nullptr;
    REQUIRE(ocop_catalog_new_embedded(&cat) == OCOP_OK);
    REQUIRE(ocop_sheet_new(&sheet, cat, "1048-781", "rau-cu-qua-hat-tuoi") == OCOP_OK);
    size_t slot = 0;
    uint8_t index = 0;
    CHECK(ocop_sheet_option_index(sheet, "3.2", nullptr, "b", &slot, &index) == OCOP_E_NOT_FOUND);
    CHECK_THAT(ocop_last_error(), Catch::Contains("criterion 3.2 has no level \"b\"") &&
                                      Catch::Contains("it is a level of case 1 (an either/or criterion: give case_id)"));
    CHECK(ocop_sheet_option_index(sheet, "3.2", "1", "b", &slot, &index) == OCOP_OK);
    CHECK(ocop_sheet_option_index(sheet, "1.1", nullptr, "z", &slot, &index) == OCOP_E_NOT_FOUND);
    CHECK_THAT(ocop_last_error(), !Catch::Contains("case"));  // a plain criterion: nothing to add
    ocop_sheet_free(sheet);
    ocop_catalog_free(cat);
}
