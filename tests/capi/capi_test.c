/* The C ABI from plain C99: every function, its results and every error path.
 * Usage: ocop_capi_test <dir with host-edition.json and host-set.json> */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ocop/ocop.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                                              \
    do {                                                                                                         \
        ++checks;                                                                                                \
        if (!(cond)) {                                                                                           \
            fprintf(stderr, "%s:%d: CHECK(%s) failed (last error: %s)\n", __FILE__, __LINE__, #cond, ocop_last_error()); \
            ++failures;                                                                                          \
        }                                                                                                        \
    } while (0)

/* A call must fail with `code`, set the same last error code, and mention `text` in the message. */
#define CHECK_ERROR(call, code, text)                                                                             \
    do {                                                                                                          \
        int rc_ = (call);                                                                                         \
        ++checks;                                                                                                 \
        if (rc_ != (code) || ocop_last_error_code() != (code) || strstr(ocop_last_error(), (text)) == NULL) {    \
            fprintf(stderr, "%s:%d: %s returned %s (%d), expected %s; message \"%s\" should contain \"%s\"\n",   \
                    __FILE__, __LINE__, #call, ocop_error_name(rc_), rc_, #code, ocop_last_error(), (text));      \
            ++failures;                                                                                           \
        }                                                                                                         \
    } while (0)

#define CHECK_OK(call) CHECK_ERROR(call, OCOP_OK, "")

static const char* const card_json =
    "{\"edition\":\"1048-781\",\"set\":\"rau-cu-qua-hat-tuoi\",\"evaluator\":\"m1\",\"answers\":{"
    "\"1.1\":\"c\",\"1.2\":\"b\",\"1.3\":\"c\",\"1.4\":\"b\",\"1.5\":\"c\",\"1.6\":\"b\",\"2.1\":\"d\",\"2.2\":\"c\","
    "\"2.3\":\"b\",\"3.1\":\"c\",\"3.2\":{\"case\":\"1\",\"level\":\"b\"},\"3.3\":\"b\",\"3.4\":\"b\",\"3.5\":\"b\","
    "\"4.1\":\"c\",\"4.2\":\"c\",\"4.3\":\"c\",\"5.1\":\"d\",\"5.2\":\"d\",\"5.3\":\"b\",\"6.1\":\"c\",\"6.2\":\"e\","
    "\"6.3\":\"c\",\"6.4\":\"c\",\"6.5\":\"b\",\"7\":\"b\",\"8\":\"c\",\"9.1\":\"c\",\"9.2\":\"d\",\"10\":\"d\",\"11\":\"a\"}}";

/* The same answers as (criterion, case, level) triples, for the batch path. */
static const char* const answers[][3] = {
    {"1.1", NULL, "c"}, {"1.2", NULL, "b"}, {"1.3", NULL, "c"}, {"1.4", NULL, "b"}, {"1.5", NULL, "c"},
    {"1.6", NULL, "b"}, {"2.1", NULL, "d"}, {"2.2", NULL, "c"}, {"2.3", NULL, "b"}, {"3.1", NULL, "c"},
    {"3.2", "1", "b"},  {"3.3", NULL, "b"}, {"3.4", NULL, "b"}, {"3.5", NULL, "b"}, {"4.1", NULL, "c"},
    {"4.2", NULL, "c"}, {"4.3", NULL, "c"}, {"5.1", NULL, "d"}, {"5.2", NULL, "d"}, {"5.3", NULL, "b"},
    {"6.1", NULL, "c"}, {"6.2", NULL, "e"}, {"6.3", NULL, "c"}, {"6.4", NULL, "c"}, {"6.5", NULL, "b"},
    {"7", NULL, "b"},   {"8", NULL, "c"},   {"9.1", NULL, "c"}, {"9.2", NULL, "d"}, {"10", NULL, "d"},
    {"11", NULL, "a"}};
#define ANSWERS (sizeof answers / sizeof answers[0])

static char* read_file(const char* dir, const char* name) {
    char path[4096];
    FILE* f;
    long size;
    char* text;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)size + 1);
    if (!text || fread(text, 1, (size_t)size, f) != (size_t)size) exit(2);
    text[size] = '\0';
    fclose(f);
    return text;
}

/* The integer after "key": in a JSON text (first occurrence), or -1. */
static long json_int(const char* json, const char* key) {
    char pattern[64];
    const char* at;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    at = json ? strstr(json, pattern) : NULL;
    return at ? strtol(at + strlen(pattern), NULL, 10) : -1;
}

static void test_version_and_errors(void) {
    CHECK(strcmp(ocop_version(), OCOP_VERSION_STRING) == 0);
    CHECK(ocop_abi_version() == OCOP_ABI_VERSION);
    CHECK(strcmp(ocop_error_name(OCOP_OK), "OCOP_OK") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_INVALID_ARGUMENT), "OCOP_E_INVALID_ARGUMENT") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_NOMEM), "OCOP_E_NOMEM") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_INTERNAL), "OCOP_E_INTERNAL") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_INVALID_JSON), "OCOP_E_INVALID_JSON") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_INVALID_DOCUMENT), "OCOP_E_INVALID_DOCUMENT") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_NOT_FOUND), "OCOP_E_NOT_FOUND") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_NO_EDITION_IN_FORCE), "OCOP_E_NO_EDITION_IN_FORCE") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_UNAVAILABLE), "OCOP_E_UNAVAILABLE") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_INVALID_SCORECARD), "OCOP_E_INVALID_SCORECARD") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_INVALID_COUNCIL), "OCOP_E_INVALID_COUNCIL") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_RULE_VIOLATION), "OCOP_E_RULE_VIOLATION") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_FORBIDDEN), "OCOP_E_FORBIDDEN") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_TAMPERED), "OCOP_E_TAMPERED") == 0);
    CHECK(strcmp(ocop_error_name(OCOP_E_IO), "OCOP_E_IO") == 0);
    CHECK(strcmp(ocop_error_name(-999), "OCOP_E_UNKNOWN") == 0);
    ocop_free(NULL);
    /* A failure sets the last error with its problems; a success clears it. */
    CHECK_ERROR(ocop_catalog_new(NULL), OCOP_E_INVALID_ARGUMENT, "argument 'out' must not be NULL");
    CHECK(strstr(ocop_last_error_problems(), "argument 'out' must not be NULL") != NULL);
    {
        ocop_catalog* cat = NULL;
        CHECK_OK(ocop_catalog_new(&cat));
        CHECK(cat != NULL);
        CHECK(strcmp(ocop_last_error(), "") == 0);
        CHECK(strcmp(ocop_last_error_problems(), "[]") == 0);
        CHECK(ocop_last_error_code() == OCOP_OK);
        ocop_catalog_free(cat);
    }
    ocop_catalog_free(NULL);
    ocop_sheet_free(NULL);
}

static void test_catalog(const char* data_dir) {
    ocop_catalog* cat = NULL;
    ocop_catalog* host = NULL;
    char* json = NULL;
    char* id = NULL;
    char* edition = read_file(data_dir, "host-edition.json");
    char* set = read_file(data_dir, "host-set.json");

    CHECK_ERROR(ocop_catalog_new_embedded(NULL), OCOP_E_INVALID_ARGUMENT, "'out'");
    CHECK_OK(ocop_catalog_new_embedded(&cat));

    CHECK_OK(ocop_catalog_editions(cat, &json));
    CHECK(json && json[0] == '[' && strstr(json, "\"id\":\"1048-781\"") != NULL);
    ocop_free(json);
    CHECK_ERROR(ocop_catalog_editions(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_catalog_editions(cat, NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    CHECK_OK(ocop_catalog_edition(cat, "1048-781", &json));
    CHECK(json && strstr(json, "\"star_bands\"") != NULL);
    ocop_free(json);
    CHECK_ERROR(ocop_catalog_edition(cat, "148-1489", &json), OCOP_E_NOT_FOUND, "no edition with id \"148-1489\"");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_catalog_edition(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'edition_id'");
    CHECK_ERROR(ocop_catalog_edition(NULL, "1048-781", &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_catalog_edition(cat, "1048-781", NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    CHECK_OK(ocop_catalog_in_force(cat, "2021-10-20", &id));
    CHECK(id && strcmp(id, "1048-781") == 0);
    ocop_free(id);
    CHECK_OK(ocop_catalog_in_force(cat, "2026-11-29", &id)); /* 26/2026/QĐ-TTg, in force from 2026-05-22 */
    CHECK(id && strcmp(id, "26-2026") == 0);
    ocop_free(id);
    CHECK_OK(ocop_catalog_set(cat, "26-2026", "rau-cu-qua-hat-tuoi", &json));
    CHECK(json && strstr(json, "\"min_star_levels\"") && strstr(json, "\"status\":\"complete_with_reading\""));
    ocop_free(json);
    CHECK_OK(ocop_catalog_in_force(cat, "2024-06-01", &id)); /* 148/QĐ-TTg: one sheet known */
    CHECK(id && strcmp(id, "148") == 0);
    ocop_free(id);
    CHECK_ERROR(ocop_catalog_in_force(cat, "2025-12-01", &id), OCOP_E_NO_EDITION_IN_FORCE, "no edition of the rules is in force on 2025-12-01");
    CHECK(id == NULL);
    CHECK_ERROR(ocop_catalog_in_force(cat, "2021-02-30", &id), OCOP_E_INVALID_ARGUMENT, "expected a calendar day");
    CHECK_ERROR(ocop_catalog_in_force(cat, NULL, &id), OCOP_E_INVALID_ARGUMENT, "'date'");
    CHECK_ERROR(ocop_catalog_in_force(NULL, "2021-10-20", &id), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_catalog_in_force(cat, "2021-10-20", NULL), OCOP_E_INVALID_ARGUMENT, "'out_edition_id'");

    CHECK_OK(ocop_catalog_sets(cat, "1048-781", &json));
    CHECK(json && strstr(json, "\"id\":\"rau-cu-qua-hat-tuoi\"") && strstr(json, "\"verification\":\"single_source\""));
    ocop_free(json);
    CHECK_OK(ocop_catalog_edition(cat, "148", &json));
    CHECK(json && strstr(json, "\"other_sets_unavailable\":\"the score sheets of 148/Q"));
    ocop_free(json);
    CHECK_ERROR(ocop_catalog_sets(cat, "x", &json), OCOP_E_NOT_FOUND, "\"x\"");
    CHECK_ERROR(ocop_catalog_sets(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'edition_id'");
    CHECK_ERROR(ocop_catalog_sets(NULL, "1048-781", &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_catalog_sets(cat, "1048-781", NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    CHECK_OK(ocop_catalog_set(cat, "1048-781", "rau-cu-qua-hat-tuoi", &json));
    CHECK(json && strstr(json, "\"criteria\"") && strstr(json, "\"3.2\""));
    ocop_free(json);
    CHECK_ERROR(ocop_catalog_set(cat, "1048-781", "banh-mi", &json), OCOP_E_NOT_FOUND, "no set \"banh-mi\"");
    CHECK_ERROR(ocop_catalog_set(cat, "nope", "rau-cu-qua-hat-tuoi", &json), OCOP_E_NOT_FOUND, "\"nope\"");
    CHECK_ERROR(ocop_catalog_set(cat, "1048-781", NULL, &json), OCOP_E_INVALID_ARGUMENT, "'set_id'");
    CHECK_ERROR(ocop_catalog_set(cat, NULL, "x", &json), OCOP_E_INVALID_ARGUMENT, "'edition_id'");
    CHECK_ERROR(ocop_catalog_set(NULL, "1048-781", "x", &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_catalog_set(cat, "1048-781", "x", NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    /* A host's own catalog: validate, add, replace a set, and the errors with their JSON paths. */
    CHECK_OK(ocop_catalog_validate_edition(edition));
    CHECK_ERROR(ocop_catalog_validate_edition("{\"id\": 7}"), OCOP_E_INVALID_DOCUMENT, "/id: expected a string");
    CHECK(strstr(ocop_last_error_problems(), "\"path\":\"/name\"") != NULL);
    CHECK_ERROR(ocop_catalog_validate_edition("{\"id\": "), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_catalog_validate_edition(NULL), OCOP_E_INVALID_ARGUMENT, "'edition_json'");

    CHECK_OK(ocop_catalog_new(&host));
    CHECK_ERROR(ocop_catalog_in_force(host, "2099-06-01", &id), OCOP_E_NO_EDITION_IN_FORCE, "2099-06-01");
    CHECK_OK(ocop_catalog_add_edition(host, edition));
    CHECK_OK(ocop_catalog_in_force(host, "2099-06-01", &id));
    CHECK(id && strcmp(id, "host-2099") == 0);
    ocop_free(id);
    CHECK_ERROR(ocop_catalog_add_edition(host, "[1,"), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_catalog_add_edition(host, "{}"), OCOP_E_INVALID_DOCUMENT, "missing required key");
    CHECK_ERROR(ocop_catalog_add_edition(NULL, edition), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_catalog_add_edition(host, NULL), OCOP_E_INVALID_ARGUMENT, "'edition_json'");
    /* The host edition lies in 2099: the embedded 26-2026 has no end date, so the two would both be in
     * force then; adding it to the embedded catalog is refused, and the catalog is unchanged. */
    CHECK_ERROR(ocop_catalog_add_edition(cat, edition), OCOP_E_INVALID_DOCUMENT, "overlaps edition \"26-2026\"");
    CHECK_OK(ocop_catalog_in_force(cat, "2021-10-20", &id));
    CHECK(id && strcmp(id, "1048-781") == 0);
    ocop_free(id);

    CHECK_OK(ocop_catalog_add_set(host, "host-2099", set));
    CHECK_OK(ocop_catalog_sets(host, "host-2099", &json));
    CHECK(json && strstr(json, "(host copy)") != NULL);
    ocop_free(json);
    CHECK_ERROR(ocop_catalog_add_set(host, "1048-781", set), OCOP_E_NOT_FOUND, "1048-781");
    CHECK_ERROR(ocop_catalog_add_set(host, "host-2099", "{\"id\": \"x\"}"), OCOP_E_INVALID_DOCUMENT, "/");
    CHECK_ERROR(ocop_catalog_add_set(host, "host-2099", "nope"), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_catalog_add_set(NULL, "host-2099", set), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_catalog_add_set(host, NULL, set), OCOP_E_INVALID_ARGUMENT, "'edition_id'");
    CHECK_ERROR(ocop_catalog_add_set(host, "host-2099", NULL), OCOP_E_INVALID_ARGUMENT, "'set_json'");

    ocop_catalog_free(host);
    ocop_catalog_free(cat);
    free(edition);
    free(set);
}

static void test_council_analysis(ocop_catalog* cat) {
    char* json = NULL;
    char doc[8192];

    snprintf(doc, sizeof doc, "{\"analysis\":{\"band_edge_points\":2},\"scorecards\":[%s,%s,%s]}", card_json, card_json, card_json);
    CHECK_OK(ocop_council_analyse(cat, doc, &json));
    CHECK(json && strstr(json, "\"member_totals\":[{") && strstr(json, "\"method\":\"krippendorff_alpha_interval\"") &&
          strstr(json, "\"decides_stars\":false") && strstr(json, "\"band_edge_points\":2"));
    ocop_free(json);
    snprintf(doc, sizeof doc, "{\"policy\":{\"minimum_members\":1},\"scorecards\":[%s]}", card_json);
    CHECK_ERROR(ocop_council_analyse(cat, doc, &json), OCOP_E_INVALID_COUNCIL, "needs at least 2 scorecards, found 1");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_council_analyse(cat, "{\"analysis\":{\"criteria_listed\":-1},\"scorecards\":[]}", &json),
                OCOP_E_INVALID_DOCUMENT, "/analysis/criteria_listed");
    CHECK_ERROR(ocop_council_analyse(NULL, doc, &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_council_analyse(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'council_json'");
    CHECK_ERROR(ocop_council_analyse(cat, doc, NULL), OCOP_E_INVALID_ARGUMENT, "'out_analysis_json'");

    snprintf(doc, sizeof doc, "{\"councils\":[{\"id\":\"A\",\"industry\":\"food\",\"scorecards\":[%s,%s,%s]}]}", card_json, card_json,
             card_json);
    CHECK_OK(ocop_campaign_analytics(cat, doc, &json));
    CHECK(json && strstr(json, "\"councils\":1") && strstr(json, "\"share_reached\"") && strstr(json, "\"industry\":\"food\""));
    ocop_free(json);
    CHECK_ERROR(ocop_campaign_analytics(cat, "{\"councils\":[]}", &json), OCOP_E_INVALID_COUNCIL, "/councils: expected at least one council");
    CHECK_ERROR(ocop_campaign_analytics(cat, "{\"councils\":[{\"id\":\"A\"}]}", &json), OCOP_E_INVALID_DOCUMENT, "/councils/0/industry");
    CHECK_ERROR(ocop_campaign_analytics(NULL, doc, &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_campaign_analytics(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'councils_json'");
    CHECK_ERROR(ocop_campaign_analytics(cat, doc, NULL), OCOP_E_INVALID_ARGUMENT, "'out_analytics_json'");
}

static void test_scoring(ocop_catalog* cat) {
    char* json = NULL;
    char council[8192];

    CHECK_OK(ocop_scorecard_score(cat, card_json, &json));
    CHECK(json_int(json, "total") > 0 && json_int(json, "max_total") == 100);
    CHECK(json && strstr(json, "\"outcome\":\"evaluated\"") != NULL);
    /* how sure the sheet is, carried by every result */
    CHECK(json && strstr(json, "\"sheet_verification\":{\"status\":\"two_sources_agree\"") != NULL);
    ocop_free(json);
    CHECK_ERROR(ocop_scorecard_score(cat, "{\"edition\":\"1048-781\",\"set\":\"rau-cu-qua-hat-tuoi\",\"answers\":{\"1.1\":\"z\"}}", &json),
                OCOP_E_INVALID_SCORECARD, "/answers/1.1: level \"z\" is not a level of criterion 1.1");
    CHECK(json == NULL);
    CHECK(strstr(ocop_last_error_problems(), "\"path\":\"/answers/1.2\"") != NULL); /* every problem is listed */
    CHECK_ERROR(ocop_scorecard_score(cat, "{\"edition\":\"1048-781\",\"set\":\"nope\",\"answers\":{}}", &json), OCOP_E_NOT_FOUND,
                "no set \"nope\"");
    CHECK_ERROR(ocop_scorecard_score(cat, "{\"edition\":\"9\",\"set\":\"x\",\"answers\":{}}", &json), OCOP_E_NOT_FOUND, "\"9\"");
    CHECK_ERROR(ocop_scorecard_score(cat, "{\"edition\":\"148\",\"set\":\"gao-ngu-coc\",\"answers\":{}}", &json),
                OCOP_E_UNAVAILABLE, "only the fresh-produce sheet");
    CHECK_ERROR(ocop_scorecard_score(cat, "{\"set\":1}", &json), OCOP_E_INVALID_DOCUMENT, "/set");
    CHECK_ERROR(ocop_scorecard_score(cat, "not json", &json), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_scorecard_score(NULL, card_json, &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_scorecard_score(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'scorecard_json'");
    CHECK_ERROR(ocop_scorecard_score(cat, card_json, NULL), OCOP_E_INVALID_ARGUMENT, "'out_result_json'");

    snprintf(council, sizeof council, "{\"policy\":{\"minimum_members\":3},\"scorecards\":[%s,%s,%s]}", card_json, card_json, card_json);
    CHECK_OK(ocop_council_evaluate(cat, council, &json));
    CHECK(json && strstr(json, "\"stars\":") && strstr(json, "\"mean_display\""));
    ocop_free(json);
    snprintf(council, sizeof council, "{\"scorecards\":[%s]}", card_json);
    CHECK_ERROR(ocop_council_evaluate(cat, council, &json), OCOP_E_INVALID_COUNCIL, "/scorecards: policy minimum_members requires 3 members");
    CHECK_ERROR(ocop_council_evaluate(cat, "{\"scorecards\":[{\"edition\":1}]}", &json), OCOP_E_INVALID_DOCUMENT, "/scorecards/0/edition");
    CHECK_ERROR(ocop_council_evaluate(cat, "{\"scorecards\":[]}", &json), OCOP_E_INVALID_COUNCIL, "at least one scorecard");
    snprintf(council, sizeof council, "{\"policy\":{\"level\":\"moon\"},\"scorecards\":[%s,%s,%s]}", card_json, card_json, card_json);
    CHECK_ERROR(ocop_council_evaluate(cat, council, &json), OCOP_E_INVALID_COUNCIL, "/policy/level");
    CHECK_ERROR(ocop_council_evaluate(cat, "{", &json), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_council_evaluate(NULL, council, &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_council_evaluate(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'council_json'");
    CHECK_ERROR(ocop_council_evaluate(cat, council, NULL), OCOP_E_INVALID_ARGUMENT, "'out_result_json'");
    test_council_analysis(cat);
}

/* What lifts the product a star: ranked plans, an empty plan when the target is held, paths of errors. */
static void test_advise(ocop_catalog* cat) {
    char* json = NULL;
    char request[8192];

    snprintf(request, sizeof request, "{\"scorecard\":%s,\"target\":5,\"alternatives\":2,\"weights\":{\"1.1\":2}}", card_json);
    CHECK_OK(ocop_advise(cat, request, &json));
    CHECK(json && strstr(json, "\"status\":\"reachable\"") && strstr(json, "\"rank\":2") && !strstr(json, "\"rank\":3"));
    CHECK(json_int(json, "target_stars") == 5 && json_int(json, "members") == 1);
    ocop_free(json);
    snprintf(request, sizeof request, "{\"scorecard\":%s,\"target\":1}", card_json);
    CHECK_OK(ocop_advise(cat, request, &json));
    CHECK(json && strstr(json, "\"status\":\"already_met\"") && strstr(json, "\"plans\":[]"));
    ocop_free(json);
    snprintf(request, sizeof request, "{\"scorecard\":%s,\"target\":7}", card_json);
    CHECK_ERROR(ocop_advise(cat, request, &json), OCOP_E_INVALID_DOCUMENT, "/target: expected the stars of a band");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_advise(cat, "{\"target\":5}", &json), OCOP_E_INVALID_DOCUMENT, "expected exactly one of");
    CHECK_ERROR(ocop_advise(cat, "{\"scorecard\":{\"edition\":\"1048-781\",\"set\":\"rau-cu-qua-hat-tuoi\",\"answers\":{\"1.1\":\"z\"}}}", &json),
                OCOP_E_INVALID_SCORECARD, "/scorecard/answers/1.1: level \"z\"");
    snprintf(request, sizeof request, "{\"council\":{\"scorecards\":[%s]}}", card_json);
    CHECK_ERROR(ocop_advise(cat, request, &json), OCOP_E_INVALID_COUNCIL, "/council/scorecards: policy minimum_members requires 3");
    CHECK_ERROR(ocop_advise(cat, "{", &json), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_advise(NULL, request, &json), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_advise(cat, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'request_json'");
    CHECK_ERROR(ocop_advise(cat, request, NULL), OCOP_E_INVALID_ARGUMENT, "'out_result_json'");
}

static void test_batch(ocop_catalog* cat) {
    ocop_sheet* sheet = NULL;
    size_t slots = 0, slot = 0, i;
    uint8_t index = 0;
    uint8_t rows[4 * 64];
    int32_t totals[4], stars[4];
    uint8_t outcomes[4];
    char* json = NULL;
    long expected_total;

    CHECK_OK(ocop_scorecard_score(cat, card_json, &json));
    expected_total = json_int(json, "total");
    ocop_free(json);

    CHECK_ERROR(ocop_sheet_new(&sheet, cat, "148", "gao-ngu-coc"), OCOP_E_UNAVAILABLE, "no set \"gao-ngu-coc\" in edition 148");
    CHECK(sheet == NULL);
    CHECK_ERROR(ocop_sheet_new(&sheet, cat, "1048-781", "x"), OCOP_E_NOT_FOUND, "no set \"x\"");
    CHECK_ERROR(ocop_sheet_new(&sheet, cat, "x", "rau-cu-qua-hat-tuoi"), OCOP_E_NOT_FOUND, "\"x\"");
    CHECK_ERROR(ocop_sheet_new(NULL, cat, "1048-781", "rau-cu-qua-hat-tuoi"), OCOP_E_INVALID_ARGUMENT, "'out'");
    CHECK_ERROR(ocop_sheet_new(&sheet, NULL, "1048-781", "rau-cu-qua-hat-tuoi"), OCOP_E_INVALID_ARGUMENT, "'cat'");
    CHECK_ERROR(ocop_sheet_new(&sheet, cat, NULL, "rau-cu-qua-hat-tuoi"), OCOP_E_INVALID_ARGUMENT, "'edition_id'");
    CHECK_ERROR(ocop_sheet_new(&sheet, cat, "1048-781", NULL), OCOP_E_INVALID_ARGUMENT, "'set_id'");
    CHECK_OK(ocop_sheet_new(&sheet, cat, "1048-781", "rau-cu-qua-hat-tuoi"));

    CHECK_OK(ocop_sheet_slots(sheet, &slots));
    CHECK(slots == ANSWERS);
    CHECK_ERROR(ocop_sheet_slots(NULL, &slots), OCOP_E_INVALID_ARGUMENT, "'sheet'");
    CHECK(slots == 0);
    CHECK_ERROR(ocop_sheet_slots(sheet, NULL), OCOP_E_INVALID_ARGUMENT, "'out_slots'");
    CHECK_OK(ocop_sheet_slots(sheet, &slots));

    CHECK_OK(ocop_sheet_layout(sheet, &json));
    CHECK(json && strstr(json, "\"no_answer\":255") && strstr(json, "\"criterion\":\"3.2\"") && strstr(json, "\"case\":\"2\""));
    ocop_free(json);
    CHECK_ERROR(ocop_sheet_layout(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'sheet'");
    CHECK_ERROR(ocop_sheet_layout(sheet, NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    /* Rows 0 to 3: the sample card. */
    memset(rows, OCOP_NO_ANSWER, sizeof rows);
    for (i = 0; i < ANSWERS; ++i) {
        CHECK_OK(ocop_sheet_option_index(sheet, answers[i][0], answers[i][1], answers[i][2], &slot, &index));
        CHECK(slot == i);
        rows[slot] = rows[slots + slot] = rows[2 * slots + slot] = rows[3 * slots + slot] = index;
    }
    CHECK_OK(ocop_sheet_option_index(sheet, "3.2", "2", "d", &slot, &index));
    CHECK(slot == 10 && index == 3); /* cases flattened in order: 1/a, 1/b, 2/c, 2/d */
    /* An either/or criterion needs its case. */
    CHECK_ERROR(ocop_sheet_option_index(sheet, "3.2", NULL, "d", &slot, &index), OCOP_E_NOT_FOUND, "criterion 3.2 has no level \"d\"");
    CHECK_ERROR(ocop_sheet_option_index(sheet, "99", NULL, "a", &slot, &index), OCOP_E_NOT_FOUND, "no criterion \"99\"");
    CHECK(index == OCOP_NO_ANSWER);
    CHECK_ERROR(ocop_sheet_option_index(sheet, "1.1", NULL, "q", &slot, &index), OCOP_E_NOT_FOUND, "criterion 1.1 has no level \"q\"");
    CHECK_ERROR(ocop_sheet_option_index(sheet, "3.2", "7", "b", &slot, &index), OCOP_E_NOT_FOUND, "in case \"7\"");
    CHECK_ERROR(ocop_sheet_option_index(NULL, "1.1", NULL, "a", &slot, &index), OCOP_E_INVALID_ARGUMENT, "'sheet'");
    CHECK_ERROR(ocop_sheet_option_index(sheet, NULL, NULL, "a", &slot, &index), OCOP_E_INVALID_ARGUMENT, "'criterion_id'");
    CHECK_ERROR(ocop_sheet_option_index(sheet, "1.1", NULL, NULL, &slot, &index), OCOP_E_INVALID_ARGUMENT, "'level_id'");
    CHECK_ERROR(ocop_sheet_option_index(sheet, "1.1", NULL, "a", NULL, &index), OCOP_E_INVALID_ARGUMENT, "'out_slot'");
    CHECK_ERROR(ocop_sheet_option_index(sheet, "1.1", NULL, "a", &slot, NULL), OCOP_E_INVALID_ARGUMENT, "'out_index'");

    CHECK_OK(ocop_sheet_score(sheet, rows, 4, totals, stars, outcomes));
    CHECK(totals[0] == expected_total && totals[1] == expected_total);
    CHECK(stars[0] == stars[1] && stars[0] >= 1 && stars[0] <= 5);
    CHECK(outcomes[0] == OCOP_OUTCOME_EVALUATED && outcomes[3] == OCOP_OUTCOME_EVALUATED);
    CHECK_OK(ocop_sheet_score(sheet, rows, 2, totals, stars, NULL)); /* outcomes are optional */
    CHECK_OK(ocop_sheet_score(sheet, NULL, 0, NULL, NULL, NULL));     /* an empty batch */

    rows[slots + 3] = 42; /* row 1, criterion 1.4 */
    CHECK_ERROR(ocop_sheet_score(sheet, rows, 4, totals, stars, outcomes), OCOP_E_INVALID_SCORECARD,
                "scorecard 1, criterion 1.4: level index 42 is out of range");
    CHECK(strstr(ocop_last_error_problems(), "\"path\":\"/scorecards/1/answers/1.4\"") != NULL);
    rows[slots + 3] = OCOP_NO_ANSWER;
    CHECK_ERROR(ocop_sheet_score(sheet, rows, 4, totals, stars, outcomes), OCOP_E_INVALID_SCORECARD,
                "scorecard 1: missing answer for criterion 1.4");
    rows[slots + 3] = rows[3];
    rows[17] = 0; /* row 0: 5.1 level "a" (no story), so 5.2 and 5.3 must not be answered */
    CHECK_ERROR(ocop_sheet_score(sheet, rows, 4, totals, stars, outcomes), OCOP_E_INVALID_SCORECARD,
                "scorecard 0, criterion 5.2 does not apply");
    CHECK_ERROR(ocop_sheet_score(NULL, rows, 4, totals, stars, outcomes), OCOP_E_INVALID_ARGUMENT, "'sheet'");
    CHECK_ERROR(ocop_sheet_score(sheet, NULL, 4, totals, stars, outcomes), OCOP_E_INVALID_ARGUMENT, "'levels'");
    CHECK_ERROR(ocop_sheet_score(sheet, rows, 4, NULL, stars, outcomes), OCOP_E_INVALID_ARGUMENT, "'out_totals'");
    CHECK_ERROR(ocop_sheet_score(sheet, rows, 4, totals, NULL, outcomes), OCOP_E_INVALID_ARGUMENT, "'out_stars'");
    CHECK_ERROR(ocop_sheet_score(sheet, rows, (size_t)-1, totals, stars, outcomes), OCOP_E_INVALID_ARGUMENT, "too many rows");

    ocop_sheet_free(sheet);
}

/* A level-triggered knock-out: 0 points on 6.1 ("a") stops the evaluation of this sheet. */
static void test_batch_knockout(ocop_catalog* cat) {
    ocop_sheet* sheet = NULL;
    size_t slots = 0, s52 = 0, s53 = 0, s61 = 0, i;
    uint8_t index = 0;
    uint8_t rows[2 * 64];
    int32_t totals[2], stars[2];
    uint8_t outcomes[2];
    CHECK_OK(ocop_sheet_new(&sheet, cat, "1048-781", "che-bien-tu-rau-cu-qua-hat"));
    CHECK_OK(ocop_sheet_slots(sheet, &slots));
    CHECK(slots <= 64);
    CHECK_OK(ocop_sheet_option_index(sheet, "5.2", NULL, "a", &s52, &index));
    CHECK_OK(ocop_sheet_option_index(sheet, "5.3", NULL, "a", &s53, &index));
    CHECK_OK(ocop_sheet_option_index(sheet, "6.1", NULL, "a", &s61, &index));
    /* Row 0: the lowest level everywhere (5.1 "a": no story, so 5.2 and 5.3 get no answer);
       row 1: the same with nothing answered after 6.1. */
    memset(rows, 0, sizeof rows);
    rows[s52] = rows[s53] = rows[slots + s52] = rows[slots + s53] = OCOP_NO_ANSWER;
    for (i = s61 + 1; i < slots; ++i) rows[slots + i] = OCOP_NO_ANSWER;
    CHECK_OK(ocop_sheet_score(sheet, rows, 2, totals, stars, outcomes));
    CHECK(outcomes[0] == OCOP_OUTCOME_EVALUATION_STOPPED && outcomes[1] == OCOP_OUTCOME_EVALUATION_STOPPED);
    CHECK(stars[0] == 0 && stars[1] == 0 && totals[0] == totals[1]);
    ocop_sheet_free(sheet);
}

/* ---- workflow ---------------------------------------------------------------------------- */

#define EV(type, role, day, payload) \
    "{\"type\":\"" type "\",\"dossier\":\"HN-001\",\"actor\":\"actor-" role "\",\"role\":\"" role "\"," \
    "\"at\":\"" day "T09:00:00+07:00\",\"payload\":" payload ",\"reason\":\"as decided\"}"

static const char* const path_to_certificate[] = {
    EV("registered", "subject", "2021-09-01",
       "{\"dossier\":{\"id\":\"HN-001\",\"product_name\":\"B\\u01b0\\u1edfi\",\"subject\":{\"name\":\"HTX\",\"kind\":\"cooperative\"},"
       "\"province\":\"H\\u00e0 N\\u1ed9i\",\"district\":\"Ba V\\u00ec\",\"industry\":\"food\",\"set\":\"rau-cu-qua-hat-tuoi\","
       "\"documents\":[\"doc-01\",\"doc-02\",\"doc-03\",\"doc-04\",\"doc-05\"]},\"batch\":\"1\"}"),
    EV("submitted", "subject", "2021-09-02", "{\"documents\":[]}"),
    EV("council_result", "district_council", "2021-09-20", "{\"round\":1,\"mean\":{\"numerator\":362,\"denominator\":5},\"stars\":4,\"members\":5}"),
    EV("forwarded", "district_people_committee", "2021-10-05", "{\"to\":\"province\"}"),
    EV("appraisal_result", "advisory_group", "2021-10-12", "{\"outcome\":\"accepted\",\"field_inspection\":true,\"missing\":[]}"),
    EV("council_result", "province_council", "2021-10-18", "{\"round\":1,\"mean\":{\"numerator\":4400,\"denominator\":50},\"stars\":4,\"members\":5}"),
    EV("council_result", "province_council", "2021-10-27", "{\"round\":2,\"mean\":{\"numerator\":440,\"denominator\":5},\"stars\":4,\"members\":5}"),
    EV("recognition_proposed", "coordination_office", "2021-11-01", "{\"stars\":4}"),
    EV("decision_recorded", "province_people_committee", "2021-12-10",
       "{\"number\":\"5678/Q\\u0110-UBND\",\"signed_on\":\"2021-12-10\",\"signer\":\"Ch\\u1ee7 t\\u1ecbch\"}"),
    EV("certificate_issued", "province_people_committee", "2021-12-15", "{\"number\":\"GCN-HN-001\",\"issued_on\":\"2021-12-15\"}")};
#define PATH_EVENTS (sizeof path_to_certificate / sizeof path_to_certificate[0])

static void test_workflow(ocop_catalog* cat) {
    ocop_registry* reg = NULL;
    ocop_registry* again = NULL;
    char* campaign = NULL;
    char* json = NULL;
    char* state = NULL;
    char* next = NULL;
    char* log = NULL;
    char* log2 = NULL;
    char* head = NULL;
    char* tampered;
    char* at;
    size_t i;

    /* Campaigns. */
    CHECK_OK(ocop_campaign_embedded("hanoi-2021", &campaign));
    CHECK(campaign && strstr(campaign, "220/KH-UBND") != NULL);
    CHECK_ERROR(ocop_campaign_embedded("hue-2030", &json), OCOP_E_NOT_FOUND, "hue-2030");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_campaign_embedded(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'campaign_id'");
    CHECK_ERROR(ocop_campaign_embedded("hanoi-2021", NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");
    CHECK_OK(ocop_campaign_validate(campaign));
    CHECK_ERROR(ocop_campaign_validate("{\"id\":1}"), OCOP_E_INVALID_DOCUMENT, "/id");
    CHECK_ERROR(ocop_campaign_validate("{"), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_campaign_validate(NULL), OCOP_E_INVALID_ARGUMENT, "'campaign_json'");

    /* Procedures. */
    CHECK_OK(ocop_procedure_embedded("1048-781", &json));
    CHECK(json && strstr(json, "\"edition\":\"1048-781\"") && strstr(json, "\"district\""));
    ocop_free(json);
    json = NULL;
    CHECK_ERROR(ocop_procedure_embedded("2050", &json), OCOP_E_NOT_FOUND, "2050");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_procedure_embedded(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'edition_id'");
    CHECK_ERROR(ocop_procedure_embedded("148", NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    /* A registry with the Hanoi campaign, on the host's catalog handle. */
    CHECK_ERROR(ocop_registry_new(NULL, cat, campaign), OCOP_E_INVALID_ARGUMENT, "'out'");
    CHECK_ERROR(ocop_registry_new(&reg, cat, "{\"id\":\"x\"}"), OCOP_E_INVALID_DOCUMENT, "");
    CHECK(reg == NULL);
    CHECK_OK(ocop_registry_new(&reg, cat, campaign));
    for (i = 0; i < PATH_EVENTS; ++i) {
        CHECK_OK(ocop_registry_apply(reg, path_to_certificate[i], i == 0 ? NULL : &state));
        if (i > 0) {
            CHECK(state != NULL);
            ocop_free(state);
            state = NULL;
        }
    }
    CHECK_OK(ocop_registry_dossier(reg, "HN-001", &state));
    CHECK(state && strstr(state, "\"number\":\"GCN-HN-001\"") && strstr(state, "\"final_stars\":4"));
    CHECK_ERROR(ocop_registry_dossier(reg, "HN-404", &json), OCOP_E_NOT_FOUND, "no dossier \"HN-404\"");
    CHECK_ERROR(ocop_registry_dossier(NULL, "HN-001", &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_dossier(reg, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'dossier_id'");
    CHECK_ERROR(ocop_registry_dossier(reg, "HN-001", NULL), OCOP_E_INVALID_ARGUMENT, "'out_state_json'");

    /* Refused events: the registry and its log stay as they were. */
    CHECK_OK(ocop_registry_log_head(reg, &head));
    CHECK(head && strlen(head) == 64);
    CHECK_ERROR(ocop_registry_apply(reg, EV("withdrawn", "province_council", "2021-12-16", "{}"), &json),
                OCOP_E_FORBIDDEN, "");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_registry_apply(reg, EV("recognition_proposed", "coordination_office", "2021-12-16", "{\"stars\":5}"), &json),
                OCOP_E_RULE_VIOLATION, "");
    CHECK_ERROR(ocop_registry_apply(reg, EV("council_result", "district_council", "2021-12-16",
                                            "{\"round\":1,\"mean\":{\"numerator\":1,\"denominator\":\"5\"},\"stars\":4,\"members\":5}"), &json),
                OCOP_E_INVALID_DOCUMENT, "/payload/mean/denominator");
    CHECK_ERROR(ocop_registry_apply(reg, "{\"type\":", &json), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_registry_apply(NULL, path_to_certificate[1], &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_apply(reg, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'event_json'");
    CHECK_OK(ocop_registry_log_head(reg, &json));
    CHECK(json && head && strcmp(json, head) == 0);
    ocop_free(json);
    CHECK_ERROR(ocop_registry_log_head(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_log_head(reg, NULL), OCOP_E_INVALID_ARGUMENT, "'out_hash'");

    CHECK_OK(ocop_registry_dossiers(reg, &json));
    CHECK(json && strncmp(json, "{\"dossiers\":[", 13) == 0);
    ocop_free(json);
    CHECK_ERROR(ocop_registry_dossiers(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_dossiers(reg, NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    /* Reports. */
    CHECK_OK(ocop_registry_report(reg, "registrations", NULL, &json));
    CHECK(json_int(json, "total") >= 0 && strstr(json, "Ba V") != NULL);
    ocop_free(json);
    CHECK_OK(ocop_registry_report(reg, "planned", NULL, &json));
    CHECK(json && strstr(json, "\"total\":541") != NULL); /* Hanoi's plan 220/KH-UBND: 541 products */
    ocop_free(json);
    CHECK_OK(ocop_registry_report(reg, "results", NULL, &json));
    ocop_free(json);
    CHECK_OK(ocop_registry_report(reg, "candidates", NULL, &json));
    ocop_free(json);
    CHECK_OK(ocop_registry_report(reg, "recognised", "2022-01-01", &json));
    CHECK(json && strstr(json, "\"certificate\":\"GCN-HN-001\"") && strstr(json, "\"valid\":true"));
    ocop_free(json);
    CHECK_OK(ocop_registry_report(reg, "overdue", "2022-06-01", &json));
    ocop_free(json);
    CHECK_OK(ocop_registry_report(reg, "progress", NULL, &json));
    CHECK(json && strstr(json, "\"batch\":\"1\"") != NULL);
    ocop_free(json);
    CHECK_ERROR(ocop_registry_report(reg, "recognised", NULL, &json), OCOP_E_INVALID_ARGUMENT, "needs the date");
    CHECK_ERROR(ocop_registry_report(reg, "overdue", "2022-13-01", &json), OCOP_E_INVALID_ARGUMENT, "expected a calendar day");
    CHECK_ERROR(ocop_registry_report(reg, "gossip", NULL, &json), OCOP_E_NOT_FOUND, "no report \"gossip\"");
    CHECK_ERROR(ocop_registry_report(NULL, "results", NULL, &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_report(reg, NULL, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'report'");
    CHECK_ERROR(ocop_registry_report(reg, "results", NULL, NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    /* Analytics of the councils the log records: this path's results are from paper, so none. */
    CHECK_ERROR(ocop_registry_analytics(reg, NULL, &json), OCOP_E_NOT_FOUND, "(3 results entered from paper)");
    CHECK(json == NULL);
    CHECK_ERROR(ocop_registry_analytics(reg, "{\"level\":\"province\"}", &json), OCOP_E_NOT_FOUND, "at level \"province\"");
    CHECK_ERROR(ocop_registry_analytics(reg, "{\"level\":5}", &json), OCOP_E_INVALID_DOCUMENT, "/level");
    CHECK_ERROR(ocop_registry_analytics(reg, "{\"analysis\":{\"minimum_alpha_permille\":5000}}", &json), OCOP_E_INVALID_DOCUMENT,
                "/analysis/minimum_alpha_permille");
    CHECK_ERROR(ocop_registry_analytics(reg, "{", &json), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_registry_analytics(NULL, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_analytics(reg, NULL, NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");

    /* The log: export, verify, import (replay) byte for byte, and tampering detected. */
    CHECK_OK(ocop_registry_export_log(reg, &log));
    CHECK_ERROR(ocop_registry_export_log(NULL, &json), OCOP_E_INVALID_ARGUMENT, "'reg'");
    CHECK_ERROR(ocop_registry_export_log(reg, NULL), OCOP_E_INVALID_ARGUMENT, "'out_jsonl'");
    CHECK_OK(ocop_log_verify(log, head, &json));
    CHECK(json && strstr(json, "\"ok\":true") && strstr(json, "\"fault\":\"intact\""));
    ocop_free(json);
    CHECK_OK(ocop_registry_import_log(&again, cat, campaign, log, head));
    CHECK_OK(ocop_registry_export_log(again, &log2));
    CHECK(log && log2 && strcmp(log, log2) == 0);
    ocop_free(log2);
    ocop_registry_free(again);
    again = NULL;
    CHECK_OK(ocop_registry_import_log(&again, NULL, NULL, log, NULL)); /* embedded catalog, no campaign */
    ocop_registry_free(again);
    again = NULL;

    tampered = malloc(strlen(log) + 1);
    strcpy(tampered, log);
    at = strstr(tampered, "GCN-HN-001");
    CHECK(at != NULL);
    if (at) at[4] = 'X'; /* GCN-XN-001 */
    CHECK_OK(ocop_log_verify(tampered, NULL, &json));
    CHECK(json && strstr(json, "\"ok\":false") && strstr(json, "\"fault\":\"edited\""));
    ocop_free(json);
    CHECK_ERROR(ocop_registry_import_log(&again, cat, campaign, tampered, NULL), OCOP_E_TAMPERED, "");
    CHECK(again == NULL);
    /* Truncated: the last line removed, caught against the head the host kept. */
    strcpy(tampered, log);
    at = tampered + strlen(tampered) - 1; /* the final newline */
    while (at > tampered && at[-1] != '\n') --at;
    *at = '\0';
    CHECK_OK(ocop_log_verify(tampered, head, &json));
    CHECK(json && strstr(json, "\"fault\":\"truncated\""));
    ocop_free(json);
    CHECK_ERROR(ocop_registry_import_log(&again, cat, campaign, tampered, head), OCOP_E_TAMPERED, "");
    free(tampered);
    CHECK_ERROR(ocop_log_verify("{\n", NULL, &json), OCOP_E_INVALID_DOCUMENT, "/0");
    CHECK_ERROR(ocop_log_verify(NULL, NULL, &json), OCOP_E_INVALID_ARGUMENT, "'log_jsonl'");
    CHECK_ERROR(ocop_log_verify(log, NULL, NULL), OCOP_E_INVALID_ARGUMENT, "'out_json'");
    CHECK_ERROR(ocop_registry_import_log(NULL, cat, campaign, log, NULL), OCOP_E_INVALID_ARGUMENT, "'out'");
    CHECK_ERROR(ocop_registry_import_log(&again, cat, campaign, NULL, NULL), OCOP_E_INVALID_ARGUMENT, "'log_jsonl'");
    CHECK_ERROR(ocop_registry_import_log(&again, cat, "[", log, NULL), OCOP_E_INVALID_JSON, "");

    /* Pure apply, without a registry, gives the same states. */
    ocop_free(state);
    state = NULL;
    for (i = 0; i < 3; ++i) {
        CHECK_OK(ocop_workflow_apply(i % 2 ? cat : NULL, state, path_to_certificate[i], &next));
        ocop_free(state);
        state = next;
        next = NULL;
    }
    CHECK(state && strstr(state, "\"mean_display\":\"72.40\"") != NULL);
    CHECK_ERROR(ocop_workflow_apply(NULL, state, EV("forwarded", "subject", "2021-10-05", "{\"to\":\"province\"}"), &next),
                OCOP_E_FORBIDDEN, "");
    CHECK(next == NULL);
    CHECK_ERROR(ocop_workflow_apply(NULL, "{", path_to_certificate[3], &next), OCOP_E_INVALID_JSON, "");
    CHECK_ERROR(ocop_workflow_apply(NULL, state, NULL, &next), OCOP_E_INVALID_ARGUMENT, "'event_json'");
    CHECK_ERROR(ocop_workflow_apply(NULL, state, path_to_certificate[3], NULL), OCOP_E_INVALID_ARGUMENT, "'out_state_json'");

    ocop_free(state);
    ocop_free(log);
    ocop_free(head);
    ocop_free(campaign);
    ocop_registry_free(reg);
    ocop_registry_free(NULL);
}

/* The last error is per thread: a failure on one thread leaves another thread's error alone. */
/* Edition 26-2026: its procedure needs no score sheet, so an empty host catalog serves (registration
 * then warns that the product set is not checked). The commune must assess five contents. */
#define EV26(dossier, type, role, day, payload) \
    "{\"type\":\"" type "\",\"dossier\":\"" dossier "\",\"actor\":\"actor-" role "\",\"role\":\"" role "\"," \
    "\"at\":\"" day "T09:00:00+07:00\",\"payload\":" payload ",\"reason\":\"as decided\"}"
#define DOSSIER26(id)                                                                                         \
    "{\"dossier\":{\"id\":\"" id "\",\"product_name\":\"B\\u01b0\\u1edfi\",\"subject\":{\"name\":\"HTX\",\"kind\":\"cooperative\"}," \
    "\"province\":\"Ph\\u00fa Th\\u1ecd\",\"district\":\"Thanh S\\u01a1n\",\"industry\":\"food\",\"documents\":[]}}"
#define FOUR_CONTENTS                                                                                        \
    "{\"content\":\"product_origin\",\"met\":true,\"finding\":\"ok\"},{\"content\":\"local_raw_material\",\"met\":true,\"finding\":\"ok\"}," \
    "{\"content\":\"idea_origin\",\"met\":true,\"finding\":\"ok\"},{\"content\":\"local_identity\",\"met\":true,\"finding\":\"ok\"}"

static void test_workflow_2026(void) {
    ocop_catalog* none = NULL;
    ocop_registry* reg = NULL;
    char* json = NULL;
    char* state = NULL;

    CHECK_OK(ocop_procedure_embedded("26-2026", &json));
    CHECK(json && strstr(json, "\"precheck_contents\":[") && strstr(json, "\"id\":\"local_identity\""));
    ocop_free(json);
    json = NULL;
    CHECK_OK(ocop_procedure_embedded("148-1489", &json));
    CHECK(json && strstr(json, "\"lapses_on\":\"2026-07-21\"") && strstr(json, "\"rerating_within_days\":30"));
    ocop_free(json);
    json = NULL;

    CHECK_OK(ocop_catalog_new(&none));
    CHECK_OK(ocop_registry_new(&reg, none, NULL));
    CHECK_OK(ocop_registry_apply(reg, EV26("PT-1", "registered", "subject", "2026-06-01", DOSSIER26("PT-1")), &state));
    CHECK(state && strstr(state, "\"edition\":\"26-2026\"") && strstr(state, "\"level\":\"commune\""));
    ocop_free(state);
    CHECK_OK(ocop_registry_apply(reg, EV26("PT-1", "submitted", "subject", "2026-06-02", "{\"documents\":[]}"), NULL));
    CHECK_ERROR(ocop_registry_apply(reg, EV26("PT-1", "precheck_result", "commune_people_committee", "2026-06-10",
                                              "{\"passed\":true,\"findings\":[],\"contents\":[" FOUR_CONTENTS "]}"), &json),
                OCOP_E_RULE_VIOLATION, "must assess content \"local_labour\"");
    CHECK(json == NULL);
    CHECK_OK(ocop_registry_apply(reg, EV26("PT-1", "precheck_result", "commune_people_committee", "2026-06-10",
                                           "{\"passed\":true,\"findings\":[],\"contents\":[" FOUR_CONTENTS
                                           ",{\"content\":\"local_labour\",\"met\":true,\"finding\":\"ok\"}]}"), NULL));
    CHECK_OK(ocop_registry_apply(reg, EV26("PT-1", "forwarded", "commune_people_committee", "2026-06-11", "{\"to\":\"province\"}"), &state));
    CHECK(state && strstr(state, "\"level\":\"province\""));
    ocop_free(state);

    /* A 148-1489 dossier registered the day before 26/2026 took effect, filed the day it did: refused. */
    CHECK_OK(ocop_registry_apply(reg, EV26("PT-0", "registered", "subject", "2026-05-21", DOSSIER26("PT-0")), &state));
    CHECK(state && strstr(state, "\"edition\":\"148-1489\""));
    ocop_free(state);
    CHECK_ERROR(ocop_registry_apply(reg, EV26("PT-0", "submitted", "subject", "2026-05-22", "{\"documents\":[]}"), &json),
                OCOP_E_RULE_VIOLATION, "only dossiers filed before that day finish under it");
    ocop_registry_free(reg);
    ocop_catalog_free(none);
}

static void* fail_in_thread(void* arg) {
    ocop_catalog* cat = arg;
    char* json = NULL;
    int rc = ocop_catalog_edition(cat, "other-thread", &json);
    return (rc == OCOP_E_NOT_FOUND && strstr(ocop_last_error(), "other-thread")) ? arg : NULL;
}

/* A catalog and a sheet shared read-only by several threads: every thread gets the same answers. */
struct shared {
    ocop_catalog* cat;
    ocop_sheet* sheet;
    const uint8_t* rows;
    size_t count;
    long expected_total;
};

static void* score_in_thread(void* arg) {
    struct shared* sh = arg;
    int32_t totals[64], stars[64];
    char* json = NULL;
    int round, ok = 1;
    size_t i;
    for (round = 0; round < 20 && ok; ++round) {
        ok = ocop_scorecard_score(sh->cat, card_json, &json) == OCOP_OK && json_int(json, "total") == sh->expected_total;
        ocop_free(json);
        json = NULL;
        ok = ok && ocop_sheet_score(sh->sheet, sh->rows, sh->count, totals, stars, NULL) == OCOP_OK;
        for (i = 0; ok && i < sh->count; ++i) ok = totals[i] == sh->expected_total;
    }
    return ok ? arg : NULL;
}

static void test_threads(ocop_catalog* cat) {
    pthread_t t, pool[4];
    void* result = NULL;
    char* json = NULL;
    struct shared sh;
    uint8_t rows[64 * 64];
    size_t slots = 0, slot = 0, i, k;
    uint8_t index = 0;
    sh.cat = cat;
    CHECK_OK(ocop_sheet_new(&sh.sheet, cat, "1048-781", "rau-cu-qua-hat-tuoi"));
    CHECK_OK(ocop_sheet_slots(sh.sheet, &slots));
    for (i = 0; i < ANSWERS; ++i) {
        CHECK_OK(ocop_sheet_option_index(sh.sheet, answers[i][0], answers[i][1], answers[i][2], &slot, &index));
        for (k = 0; k < 64; ++k) rows[k * slots + slot] = index;
    }
    sh.rows = rows;
    sh.count = 64;
    CHECK_OK(ocop_scorecard_score(cat, card_json, &json));
    sh.expected_total = json_int(json, "total");
    ocop_free(json);
    json = NULL;
    for (i = 0; i < 4; ++i) CHECK(pthread_create(&pool[i], NULL, score_in_thread, &sh) == 0);
    for (i = 0; i < 4; ++i) {
        result = NULL;
        CHECK(pthread_join(pool[i], &result) == 0);
        CHECK(result == &sh);
    }
    ocop_sheet_free(sh.sheet);
    CHECK_ERROR(ocop_catalog_edition(cat, "main-thread", &json), OCOP_E_NOT_FOUND, "main-thread");
    CHECK(pthread_create(&t, NULL, fail_in_thread, cat) == 0);
    CHECK(pthread_join(t, &result) == 0);
    CHECK(result == cat);
    CHECK(strstr(ocop_last_error(), "main-thread") != NULL);
}

int main(int argc, char** argv) {
    ocop_catalog* cat = NULL;
    if (argc != 2) {
        fprintf(stderr, "usage: %s <test data dir>\n", argv[0]);
        return 2;
    }
    test_version_and_errors();
    test_catalog(argv[1]);
    if (ocop_catalog_new_embedded(&cat) != OCOP_OK) return 1;
    test_scoring(cat);
    test_advise(cat);
    test_batch(cat);
    test_batch_knockout(cat);
    test_workflow(cat);
    test_workflow_2026();
    test_threads(cat);
    ocop_catalog_free(cat);
    printf("capi: %d checks, %d failures\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
