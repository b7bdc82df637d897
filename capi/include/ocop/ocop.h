/*
 * ocop.h: the stable C ABI of ocop, Vietnam's OCOP product star-ranking rules
 * ("Mỗi xã một sản phẩm") as a library.
 *
 * Conventions (docs/c-api.md):
 *  - Every function that can fail returns an int status: OCOP_OK (0) or a negative OCOP_E_* code.
 *    The codes never change meaning. On failure, ocop_last_error() describes what went wrong on
 *    this thread, with the JSON path of the bad input where there is one.
 *  - Argument order: a constructor (_new, _import_log) takes its out-handle first; every other
 *    function takes the handle it acts on first and its out-parameters last. On failure an
 *    out-parameter is set to NULL (or 0) whenever the pointer to it is not NULL.
 *  - Ownership: a handle you get through an out-pointer is freed with its _free function (which
 *    accepts NULL); a char* you get through an out-pointer is freed with ocop_free(). A const char*
 *    returned directly is borrowed: do not free it.
 *  - Threading: a catalog or sheet handle may be shared read-only across threads; a call that
 *    modifies a handle needs exclusive use of it. A registry (the workflow handle) is used by one
 *    thread at a time. The last error is per thread.
 *  - JSON text in and out is UTF-8, NUL-terminated.
 *
 * Valid as C99 and as C++. Every declaration says the version it appeared in.
 */
#ifndef OCOP_OCOP_H
#define OCOP_OCOP_H

#include <stddef.h>
#include <stdint.h>

/** Library version, since 0.1. ocop_version() gives the version of the library actually loaded. */
#define OCOP_VERSION_MAJOR 0
#define OCOP_VERSION_MINOR 1
#define OCOP_VERSION_PATCH 0
#define OCOP_VERSION_STRING "0.1.0"
/** ABI version, since 0.1: the SONAME is libocop.so.<OCOP_ABI_VERSION>. Bumped only on an
 *  incompatible change (docs/abi-policy.md). Compare with ocop_abi_version() at run time. */
#define OCOP_ABI_VERSION 1

#if defined(_WIN32)
#  if defined(OCOP_C_BUILDING)
#    define OCOP_API __declspec(dllexport)
#  else
#    define OCOP_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define OCOP_API __attribute__((visibility("default")))
#else
#  define OCOP_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Status codes (since 0.1). Stable: a code keeps its number and meaning for the life of ABI 1.
 * ------------------------------------------------------------------------------------------- */

/** Success. */
#define OCOP_OK 0
/** A required pointer argument was NULL, or an argument is out of its range. */
#define OCOP_E_INVALID_ARGUMENT (-1)
/** Memory could not be allocated. */
#define OCOP_E_NOMEM (-2)
/** An unexpected internal failure (a bug: please report the message). */
#define OCOP_E_INTERNAL (-3)
/** The text is not JSON (syntax, nesting depth, UTF-8). */
#define OCOP_E_INVALID_JSON (-4)
/** JSON that does not have the expected shape or breaks a rule of the format. */
#define OCOP_E_INVALID_DOCUMENT (-5)
/** An id (edition, set, criterion, level, dossier) that does not exist. */
#define OCOP_E_NOT_FOUND (-6)
/** No edition of the rules is in force on the date asked. */
#define OCOP_E_NO_EDITION_IN_FORCE (-7)
/** The product set has no score sheet. */
#define OCOP_E_UNAVAILABLE (-8)
/** A scorecard that cannot be scored (missing, unknown or misplaced answers). */
#define OCOP_E_INVALID_SCORECARD (-9)
/** A council that cannot be aggregated (too few members, mixed sets, bad policy). */
#define OCOP_E_INVALID_COUNCIL (-10)
/** A workflow event refused by a rule of the procedure. */
#define OCOP_E_RULE_VIOLATION (-11)
/** The actor's role may not apply this workflow event. */
#define OCOP_E_FORBIDDEN (-12)
/** An event log whose hash chain does not verify. */
#define OCOP_E_TAMPERED (-13)
/** Reading or writing a file failed. */
#define OCOP_E_IO (-14)

/* ---------------------------------------------------------------------------------------------
 * Version, errors, memory
 * ------------------------------------------------------------------------------------------- */

/** The version of the loaded library, "MAJOR.MINOR.PATCH". Borrowed, static. Since 0.1. */
OCOP_API const char* ocop_version(void);

/** The ABI version of the loaded library (OCOP_ABI_VERSION it was built with). Since 0.1. */
OCOP_API int ocop_abi_version(void);

/** Frees a string (or any buffer) the library returned through an out-pointer. NULL is allowed.
 *  Since 0.1. */
OCOP_API void ocop_free(void* p);

/** The message of the last failed call on this thread: every problem, each prefixed with its JSON
 *  path ("/answers/1.1: level \"z\" is not a level of criterion 1.1"). "" when the last call
 *  succeeded. Borrowed: valid until the next ocop_* call on this thread. Never NULL. Since 0.1. */
OCOP_API const char* ocop_last_error(void);

/** The status code of the last call on this thread that returns a status (OCOP_OK after a
 *  success). Since 0.1. */
OCOP_API int ocop_last_error_code(void);

/** The problems of the last failed call on this thread as a JSON array of
 *  {"path": JSON pointer, "message": text}; "[]" when there are none. Borrowed like
 *  ocop_last_error(). Never NULL. Since 0.1. */
OCOP_API const char* ocop_last_error_problems(void);

/** The symbolic name of a status code ("OCOP_E_NOT_FOUND"), or "OCOP_E_UNKNOWN". Borrowed,
 *  static. Since 0.1. */
OCOP_API const char* ocop_error_name(int code);

/* ---------------------------------------------------------------------------------------------
 * Catalog ("bộ tiêu chí"): editions of the rules, product sets and their score sheets
 * ------------------------------------------------------------------------------------------- */

/** A set of editions of the rules. Opaque. Since 0.1. */
typedef struct ocop_catalog ocop_catalog;

/** Creates a catalog holding the editions shipped with the library (1048-781).
 *  Errors: OCOP_E_INVALID_ARGUMENT (out NULL), OCOP_E_NOMEM. Since 0.1. */
OCOP_API int ocop_catalog_new_embedded(ocop_catalog** out);

/** Creates an empty catalog, to be filled with ocop_catalog_add_edition().
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOMEM. Since 0.1. */
OCOP_API int ocop_catalog_new(ocop_catalog** out);

/** Frees a catalog. NULL is allowed. Sheets compiled from it stay valid. Since 0.1. */
OCOP_API void ocop_catalog_free(ocop_catalog* cat);

/** Validates an edition document (catalog format, docs/catalog.md) without adding it.
 *  Every problem is reported at once with its JSON path in ocop_last_error().
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT. Since 0.1. */
OCOP_API int ocop_catalog_validate_edition(const char* edition_json);

/** Loads, validates and adds an edition document (sets inline under "sets"); an edition with the
 *  same id is replaced. Strong guarantee: on error the catalog is unchanged. Needs exclusive use of
 *  `cat`. Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT (also for
 *  an edition whose dates overlap another's). Since 0.1. */
OCOP_API int ocop_catalog_add_edition(ocop_catalog* cat, const char* edition_json);

/** Validates one product set document against edition `edition_id` and adds (or replaces) it.
 *  Strong guarantee; needs exclusive use of `cat`. Errors: OCOP_E_INVALID_ARGUMENT,
 *  OCOP_E_NOT_FOUND (edition), OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT. Since 0.1. */
OCOP_API int ocop_catalog_add_set(ocop_catalog* cat, const char* edition_id, const char* set_json);

/** The editions as a JSON array of edition summaries (metadata, parts, bands; sets by id). Levels,
 *  thresholds and certificate validity are the procedure's: ocop_procedure_embedded().
 *  *out_json is freed with ocop_free(). Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOMEM. Since 0.1. */
OCOP_API int ocop_catalog_editions(const ocop_catalog* cat, char** out_json);

/** One edition's summary as JSON. Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND. Since 0.1. */
OCOP_API int ocop_catalog_edition(const ocop_catalog* cat, const char* edition_id, char** out_json);

/** The id of the edition in force on `date` ("YYYY-MM-DD"), freed with ocop_free().
 *  Errors: OCOP_E_INVALID_ARGUMENT (NULL, or not a calendar date), OCOP_E_NO_EDITION_IN_FORCE.
 *  Since 0.1. */
OCOP_API int ocop_catalog_in_force(const ocop_catalog* cat, const char* date, char** out_edition_id);

/** The product sets of an edition as a JSON array of
 *  {"id","code","name","industry","group","status","criteria"}, in catalog order.
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND. Since 0.1. */
OCOP_API int ocop_catalog_sets(const ocop_catalog* cat, const char* edition_id, char** out_json);

/** One product set with its whole score sheet as JSON, in the catalog format.
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND. Since 0.1. */
OCOP_API int ocop_catalog_set(const ocop_catalog* cat, const char* edition_id, const char* set_id, char** out_json);

/* ---------------------------------------------------------------------------------------------
 * Scoring ("chấm điểm") and council ("hội đồng")
 * ------------------------------------------------------------------------------------------- */

/** Scores one scorecard document
 *  {"edition","set","evaluator","answers":{"1.1":"c","3.2":{"case":"1","level":"b"}},"knockouts":[]}
 *  and returns the result with its explanation (points per criterion, subtotals, total,
 *  knock-outs) as JSON, freed with ocop_free(). Errors: OCOP_E_INVALID_ARGUMENT,
 *  OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT, OCOP_E_NOT_FOUND (edition or set),
 *  OCOP_E_UNAVAILABLE, OCOP_E_INVALID_SCORECARD (each problem at "/answers/<id>"). Since 0.1. */
OCOP_API int ocop_scorecard_score(const ocop_catalog* cat, const char* scorecard_json, char** out_result_json);

/** Scores every scorecard of a council document {"policy":{...},"scorecards":[...]} and
 *  aggregates them: exact mean, band, caps, knock-outs, recognition, forwarding, divergence.
 *  Recognition and forwarding follow the edition's embedded procedure (ocop_procedure_embedded()).
 *  Result JSON freed with ocop_free(). Errors: those of ocop_scorecard_score() (paths under
 *  "/scorecards/<i>"), OCOP_E_INVALID_COUNCIL, and OCOP_E_NOT_FOUND for an edition without an
 *  embedded procedure. Since 0.1. */
OCOP_API int ocop_council_evaluate(const ocop_catalog* cat, const char* council_json, char** out_result_json);

/** What lifts a product a star (docs/scoring.md): from a request {"scorecard": {...}} or
 *  {"council": {"policy": {...}, "scorecards": [...]}}, with the optional "target" (stars; default
 *  one more than now), "alternatives" (1 to 20, default 3) and "weights" ({criterion id: cost of
 *  changing it, 0 to 1000000}), the smallest sets of level improvements that reach the target's
 *  band and its minimums per star without a knock-out, best first: fewest criteria (or least cost),
 *  then fewest points. "status" is "reachable" (with "plans"), "already_met" (no plan),
 *  "unreachable" or "knocked_out" (with "reasons"). Result JSON freed with ocop_free().
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT (paths "/target",
 *  "/alternatives", "/weights/<id>"), those of ocop_scorecard_score() under "/scorecard" and of
 *  ocop_council_evaluate() under "/council". Since 0.1. */
OCOP_API int ocop_advise(const ocop_catalog* cat, const char* request_json, char** out_result_json);

/** Analyses the consistency of a council document {"policy":{...},"scorecards":[...],"analysis":{...}}
 *  ("analysis": the thresholds, optional): each member's total against the mean of the others, the
 *  spread per criterion and the criteria most disagreed on, Krippendorff's alpha (interval) across
 *  members, members whose absence would change the stars, the nearest band edge, and the flags the
 *  thresholds raise (docs/scoring.md). Result JSON freed with ocop_free(). Errors: those of
 *  ocop_council_evaluate(); OCOP_E_INVALID_COUNCIL also for fewer than 2 scorecards; a threshold out
 *  of range is OCOP_E_INVALID_DOCUMENT at "/analysis/<name>". Since 0.1. */
OCOP_API int ocop_council_analyse(const ocop_catalog* cat, const char* council_json, char** out_analysis_json);

/** Campaign analytics over {"analysis":{...},"councils":[{"id","industry","policy"?,"scorecards":[...]}]}:
 *  per product set, the share of each criterion's maximum the councils reached (criteria most lost
 *  first); per industry, the councils' stars and means; the councils the consistency checks flag.
 *  Result JSON freed with ocop_free(). Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON,
 *  OCOP_E_INVALID_DOCUMENT, OCOP_E_NOT_FOUND, OCOP_E_INVALID_SCORECARD and OCOP_E_INVALID_COUNCIL,
 *  each problem under "/councils/<i>". Since 0.1. */
OCOP_API int ocop_campaign_analytics(const ocop_catalog* cat, const char* councils_json, char** out_analytics_json);

/* ---------------------------------------------------------------------------------------------
 * Batch scoring on a compiled sheet
 *
 * One scorecard is a row of ocop_sheet_slots() bytes, one per criterion in sheet order: the index
 * of the chosen option across the criterion's levels (cases of an either/or criterion flattened
 * in order), or OCOP_NO_ANSWER for a criterion that does not apply or was not evaluated.
 * ocop_sheet_layout() and ocop_sheet_option_index() give the indices. Level-triggered knock-outs
 * and applicability are applied from the indices; declared knock-outs cannot be and never are:
 * score such products with ocop_scorecard_score().
 * ------------------------------------------------------------------------------------------- */

/** The index meaning "no answer / not applicable". Since 0.1. */
#define OCOP_NO_ANSWER 255
/** Outcomes written by ocop_sheet_score() (since 0.1): evaluated normally, */
#define OCOP_OUTCOME_EVALUATED 0
/** eliminated by a knock-out ("bị loại"), */
#define OCOP_OUTCOME_ELIMINATED 1
/** or evaluation stopped by a knock-out ("không đánh giá các bước tiếp theo"). */
#define OCOP_OUTCOME_EVALUATION_STOPPED 2

/** A score sheet compiled into a flat points table. Immutable; shareable across threads. Since 0.1. */
typedef struct ocop_sheet ocop_sheet;

/** Compiles the sheet of set `set_id` of edition `edition_id`. The sheet does not refer to `cat`
 *  afterwards. Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND, OCOP_E_UNAVAILABLE. Since 0.1. */
OCOP_API int ocop_sheet_new(ocop_sheet** out, const ocop_catalog* cat, const char* edition_id, const char* set_id);

/** Frees a compiled sheet. NULL is allowed. Since 0.1. */
OCOP_API void ocop_sheet_free(ocop_sheet* sheet);

/** The number of criterion slots: the length of one row. Errors: OCOP_E_INVALID_ARGUMENT. Since 0.1. */
OCOP_API int ocop_sheet_slots(const ocop_sheet* sheet, size_t* out_slots);

/** The layout as JSON: {"edition","set","status","no_answer":255,"max_total",
 *  "slots":[{"criterion","options":[{"case"?,"level","points"}]}]}, freed with ocop_free().
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOMEM. Since 0.1. */
OCOP_API int ocop_sheet_layout(const ocop_sheet* sheet, char** out_json);

/** The slot of criterion `criterion_id` and the index of its answer (`case_id` NULL or "" for a
 *  criterion without cases). Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND (criterion, or
 *  no such case/level in it). Since 0.1. */
OCOP_API int ocop_sheet_option_index(const ocop_sheet* sheet, const char* criterion_id, const char* case_id,
                                     const char* level_id, size_t* out_slot, uint8_t* out_index);

/** Scores `count` rows stored contiguously in `levels` (count x slots bytes). Writes
 *  out_totals[i] and out_stars[i], and out_outcomes[i] (OCOP_OUTCOME_*) when out_outcomes is not
 *  NULL. Stars are those a council of this one scorecard would give: the band of the total, 0
 *  after a knock-out, capped by the minimum requirements per star. No allocation per row.
 *  Pointers may be NULL only when count is 0. On error the outputs are unspecified and
 *  ocop_last_error() names the first bad row and criterion, with the path
 *  "/scorecards/<row>/answers/<criterion>". Errors: OCOP_E_INVALID_ARGUMENT,
 *  OCOP_E_INVALID_SCORECARD (index out of range, missing answer, answer to a criterion that
 *  does not apply). Since 0.1. */
OCOP_API int ocop_sheet_score(const ocop_sheet* sheet, const uint8_t* levels, size_t count, int32_t* out_totals,
                              int32_t* out_stars, uint8_t* out_outcomes);

/* ---------------------------------------------------------------------------------------------
 * Workflow: dossiers ("hồ sơ") as events on a hash-chained log, campaigns ("kế hoạch"), reports
 *
 * Events, states, campaigns and reports are JSON in the formats of docs/workflow.md. An event is
 * {"type","dossier","actor","role","at","payload","reason"}; "at" is an ISO 8601 timestamp with
 * its zone, given by the caller (the library never reads the clock).
 * ------------------------------------------------------------------------------------------- */

/** The dossiers of a province or campaign with their event log. Opaque; used by one thread at a
 *  time (or guarded by the caller). Since 0.1. */
typedef struct ocop_registry ocop_registry;

/** A campaign shipped with the library ("hanoi-2021": Hanoi's plan 220/KH-UBND) as JSON, to pass
 *  to ocop_registry_new() as is or adapted. Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND.
 *  Since 0.1. */
OCOP_API int ocop_campaign_embedded(const char* campaign_id, char** out_json);

/** The procedure of an edition shipped with the library ("1048-781", "148", "148-1489", "26-2026")
 *  as JSON: its levels, which role may apply which event at each, rounds, thresholds, certificate
 *  validity, legal sources, the commune's pre-check contents and, for a replaced edition, the day
 *  it lapses and its transition (docs/workflow.md). Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND. Since 0.1. */
OCOP_API int ocop_procedure_embedded(const char* edition_id, char** out_json);

/** Validates a campaign document; every problem with its JSON path. Errors:
 *  OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT. Since 0.1. */
OCOP_API int ocop_campaign_validate(const char* campaign_json);

/** Creates an empty registry. `cat` (NULL: the embedded catalog) gives the editions events are
 *  checked against; the registry keeps it alive. `campaign_json` (NULL: none) pins the edition,
 *  batches and step windows, and the administrative units a registration must name. Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON,
 *  OCOP_E_INVALID_DOCUMENT (campaign). Since 0.1. */
OCOP_API int ocop_registry_new(ocop_registry** out, const ocop_catalog* cat, const char* campaign_json);

/** Rebuilds a registry from an exported log (JSON lines): verifies the hash chain, and the head
 *  hash the host kept when `expected_head` is not NULL, then replays every event. Errors:
 *  OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON / OCOP_E_INVALID_DOCUMENT (a malformed line, path
 *  "/<line>"), OCOP_E_TAMPERED (edited, deleted, reordered, truncated or extended: the message
 *  says which and where), or the first refused event's error (path "/<line>/event/..."). Since 0.1. */
OCOP_API int ocop_registry_import_log(ocop_registry** out, const ocop_catalog* cat, const char* campaign_json,
                                      const char* log_jsonl, const char* expected_head);

/** Frees a registry. NULL is allowed. Since 0.1. */
OCOP_API void ocop_registry_free(ocop_registry* reg);

/** Applies one event JSON and appends it to the log; writes the dossier's new state JSON to
 *  *out_state_json unless out_state_json is NULL. A refused event leaves the registry and its log
 *  unchanged (strong guarantee), also after OCOP_E_NOMEM.
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT (path of every
 *  problem, "/payload/mean/denominator"; a district or commune the campaign does not list,
 *  "/payload/dossier/district", with the closest name), OCOP_E_FORBIDDEN (the role may not apply the event),
 *  OCOP_E_RULE_VIOLATION (a guard of the procedure or campaign: the message names the rule and its
 *  legal source), OCOP_E_NOT_FOUND, OCOP_E_NO_EDITION_IN_FORCE. Since 0.1. */
OCOP_API int ocop_registry_apply(ocop_registry* reg, const char* event_json, char** out_state_json);

/** One dossier's state JSON. Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND. Since 0.1. */
OCOP_API int ocop_registry_dossier(const ocop_registry* reg, const char* dossier_id, char** out_state_json);

/** Every dossier's state: {"dossiers":[...]} in id order. Errors: OCOP_E_INVALID_ARGUMENT. Since 0.1. */
OCOP_API int ocop_registry_dossiers(const ocop_registry* reg, char** out_json);

/** The event log as JSON lines, one canonical entry per line; ocop_registry_import_log() reads it
 *  back byte for byte. Errors: OCOP_E_INVALID_ARGUMENT. Since 0.1. */
OCOP_API int ocop_registry_export_log(const ocop_registry* reg, char** out_jsonl);

/** The hash of the log's last entry (64 hex digits; 64 zeros when empty). Keep it apart from the
 *  log to detect truncation. Errors: OCOP_E_INVALID_ARGUMENT. Since 0.1. */
OCOP_API int ocop_registry_log_head(const ocop_registry* reg, char** out_hash);

/** A report as JSON. `report` is one of "registrations" (district x industry), "planned" (the
 *  campaign's expected registrations), "results" (by stars), "candidates" (5-star candidates),
 *  "recognised" (certificates, valid on `as_of`), "overdue" (waiting past their window on
 *  `as_of`), "progress" (per batch). `as_of` ("YYYY-MM-DD") is required by "recognised" and
 *  "overdue", ignored otherwise (may be NULL). Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_NOT_FOUND
 *  (unknown report; "planned" without a campaign). Since 0.1. */
OCOP_API int ocop_registry_report(const ocop_registry* reg, const char* report, const char* as_of, char** out_json);

/** Campaign analytics of the councils the registry's log records (docs/scoring.md, "Campaign
 *  analytics from a campaign's log"): every round rebuilt from its members' scorecards
 *  (scorecard_recorded), scored against the registry's catalog, with the council policy the registry
 *  applies; the result is that of ocop_campaign_analytics(), with "from_paper" counting the results
 *  entered from paper (no scorecards: not analysed). `options_json` may be NULL or
 *  {"level": "province"?, "analysis": {thresholds}?}. Errors: OCOP_E_INVALID_ARGUMENT,
 *  OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT (options), OCOP_E_NOT_FOUND (no council recorded at
 *  the level kept). Since 0.1. */
OCOP_API int ocop_registry_analytics(const ocop_registry* reg, const char* options_json, char** out_json);

/** Verifies an exported log without replaying it, against `expected_head` when not NULL. A log
 *  that parses gives OCOP_OK and the verdict {"ok","fault","first_bad"?,"message"}, fault being
 *  "intact", "edited", "deleted", "reordered", "chain_broken", "truncated" or "extended".
 *  Errors: OCOP_E_INVALID_ARGUMENT, OCOP_E_INVALID_JSON, OCOP_E_INVALID_DOCUMENT. Since 0.1. */
OCOP_API int ocop_log_verify(const char* log_jsonl, const char* expected_head, char** out_json);

/** Pure apply without a registry: the state after `event_json` given `state_json` (NULL exactly
 *  for a "registered" event). No log is kept; renewals that name a previous cycle need a registry.
 *  `cat` NULL: the embedded catalog. Errors: those of ocop_registry_apply(). Since 0.1. */
OCOP_API int ocop_workflow_apply(const ocop_catalog* cat, const char* state_json, const char* event_json,
                                 char** out_state_json);

#ifdef __cplusplus
}
#endif

#endif /* OCOP_OCOP_H */
