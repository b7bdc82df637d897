#pragma once
/// @file catalog.hpp
/// The rules as data: editions ("phiên bản bộ tiêu chí"), product sets ("bộ sản phẩm") and their
/// criteria sheets ("phiếu đánh giá"). Immutable once loaded; safe to share read-only across threads.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include "ocop/date.hpp"
#include "ocop/enum_text.hpp"

namespace ocop {

/// One answer an evaluator may pick for a criterion ("mức").
struct level {
    std::string id;      ///< stable within its criterion (or case): "a", "b", ...
    int points = 0;      ///< non-negative integer points
    std::string label;   ///< the official wording
};
BOOST_DESCRIBE_STRUCT(level, (), (id, points, label))

/// One alternative of an either/or criterion (e.g. 3.2 case 1 for enterprises, case 2 for households).
struct criterion_case {
    std::string id;
    std::string label;
    std::vector<level> levels;
};
BOOST_DESCRIBE_STRUCT(criterion_case, (), (id, label, levels))

/// What a knock-out rule does to the evaluation when it triggers.
enum class knockout_outcome {
    eliminated,          ///< the product is eliminated ("bị loại")
    evaluation_stopped,  ///< the remaining criteria are not evaluated ("không đánh giá các bước tiếp theo")
};
BOOST_DESCRIBE_ENUM(knockout_outcome, eliminated, evaluation_stopped)

/// How a knock-out rule is triggered.
enum class trigger_kind {
    declared,  ///< the evaluator declares the fact in the scorecard (by the rule's id)
    levels,    ///< one of the listed (criterion, level) answers is chosen
};
BOOST_DESCRIBE_ENUM(trigger_kind, declared, levels)

struct level_ref {
    std::string criterion;
    std::string level;
};
BOOST_DESCRIBE_STRUCT(level_ref, (), (criterion, level))

/// A knock-out rule printed on a sheet, as data with an explicit outcome.
struct knockout_rule {
    std::string id;  ///< unique within its product set
    knockout_outcome outcome = knockout_outcome::eliminated;
    trigger_kind trigger = trigger_kind::declared;
    std::vector<level_ref> trigger_levels;  ///< for trigger_kind::levels
    std::string text;                       ///< the note as printed
    std::string source;
};

/// A level printed with asterisks (*** / **** / *****): the minimum a product must reach on this
/// criterion to hold `stars` stars or more (26/2026/QĐ-TTg, the note under each sheet: "Dấu sao là
/// yêu cầu tối thiểu phải đạt theo các cấp độ sao"). Reached when the criterion's points are at
/// least the marked level's points; our reading: a minimum for N stars holds for every higher rank.
struct min_star_level {
    int stars = 0;
    std::string level;  ///< a level id of this criterion (of any of its cases)
};
BOOST_DESCRIBE_STRUCT(min_star_level, (), (stars, level))

/// A criterion that applies only when an earlier criterion was answered with one of `levels`
/// (5.2/5.3 apply only when a product story exists).
struct applicability {
    std::string criterion;
    std::vector<std::string> levels;
    std::string text;
    std::string source;
};
BOOST_DESCRIBE_STRUCT(applicability, (), (criterion, levels, text, source))

/// How sure a sheet or a criterion is, from comparing the transcriptions we have (docs/catalog.md,
/// "Verification"): two independent ones agree, only one exists, they differ (ours kept), or ours
/// was corrected from the other.
enum class verification_status { two_sources_agree, single_source, sources_differ, corrected };
BOOST_DESCRIBE_ENUM(verification_status, two_sources_agree, single_source, sources_differ, corrected)

/// What one source gives for a value (a criterion's levels, a part's total), as text.
struct source_value {
    std::string source;
    std::string value;
};
BOOST_DESCRIBE_STRUCT(source_value, (), (source, value))

/// The verification of a sheet or of one criterion: `sources` are those behind the shipped values
/// (one for single_source), `values` what each source gives where they differ (sources_differ,
/// corrected: at least two), `text` what was compared and, for a correction, the evidence.
struct source_check {
    verification_status status = verification_status::single_source;
    std::vector<std::string> sources;
    std::vector<source_value> values;
    std::string text;
};
BOOST_DESCRIBE_STRUCT(source_check, (), (status, sources, values, text))

/// The heading that groups sub-criteria (tea: "6.1 Ngoại hình" over 6.1.1 to 6.1.3).
struct heading {
    std::string id;
    std::string title;
};
BOOST_DESCRIBE_STRUCT(heading, (), (id, title))

/// One criterion ("tiêu chí") of a sheet: plain levels, or cases for either/or criteria.
struct criterion {
    std::string id;     ///< the printed number ("1.1", "6.1.2", "7"), unique within the set
    std::string title;
    std::string part;     ///< "A", "B" or "C"
    std::string section;  ///< the section's id
    std::optional<heading> group_heading;
    std::optional<std::string> printed_number;  ///< when the id had to differ from the printed number
    std::optional<std::string> note;
    std::vector<std::string> evidence_guidance;
    std::vector<level> levels;          ///< empty when the criterion has cases
    std::vector<criterion_case> cases;  ///< either/or: exactly one case is answered
    std::vector<knockout_rule> knockouts;
    std::optional<applicability> applies_if;
    std::vector<min_star_level> min_star_levels;  ///< minimums per star marked on its levels
    std::optional<source_check> verified;  ///< its own verification, where it differs from its sheet's

    bool has_cases() const noexcept { return !cases.empty(); }
    /// The level with this id, in `levels` or any case, or nullptr.
    const level* find_level(std::string_view level_id) const noexcept;
    /// The highest points any answer can give.
    int max_points() const noexcept;
};

/// A numbered section ("1. Tổ chức sản xuất") of a part.
struct section {
    std::string id;
    std::string part;
    std::string title;
    std::optional<std::string> note;
    std::size_t first = 0;  ///< index of its first criterion in product_set::criteria
    std::size_t count = 0;
};

/// Whether a set's sheet can be trusted, used with a warning, or not used at all.
/// complete_with_reading: every value is known, but some are our reading of a printed anomaly
/// (declared in product_set::readings, carried as warnings by every result).
enum class set_status { complete, incomplete, unavailable, complete_with_reading };
BOOST_DESCRIBE_ENUM(set_status, complete, incomplete, unavailable, complete_with_reading)

/// A known gap in a sheet, declared in the data (never papered over).
struct data_gap {
    std::string kind;  ///< "part_total", "duplicate_level_points", "sheet_missing"
    std::optional<std::string> part;
    std::optional<std::string> criterion;
    std::string text;
};
BOOST_DESCRIBE_STRUCT(data_gap, (), (kind, part, criterion, text))

/// A value that is our reading of the printed sheet (a probable typo, points or levels not printed,
/// a header that contradicts the points), declared in the data with its reason, never silent.
struct data_reading {
    std::string kind;  ///< "probable_typo", "points_not_printed", "levels_not_printed", "printed_header",
                       ///< "note_as_level" (a note printed as an answer), "repeated_star_mark" (two levels marked for the same stars)
    std::optional<std::string> part;
    std::optional<std::string> criterion;
    std::string text;  ///< what is printed, what we read, and why
};
BOOST_DESCRIBE_STRUCT(data_reading, (), (kind, part, criterion, text))

struct provenance {
    std::string source;
    std::string sheet;
    std::string transcribed_name;
    bool cross_checked = false;
    std::vector<std::string> anomalies;
    std::vector<std::string> minimum_requirements_not_linked;
};
BOOST_DESCRIBE_STRUCT(provenance, (), (source, sheet, transcribed_name, cross_checked, anomalies,
                                       minimum_requirements_not_linked))

/// Links an edition-wide minimum requirement to this sheet's criterion and threshold.
struct requirement_link {
    std::string requirement;
    std::string criterion;
    int at_least_points = 0;
};
BOOST_DESCRIBE_STRUCT(requirement_link, (), (requirement, criterion, at_least_points))

/// A product set ("bộ sản phẩm") with its score sheet.
struct product_set {
    std::string id;    ///< stable slug: "rau-cu-qua-hat-tuoi"
    std::string code;  ///< classification code: "I.1.a"
    std::string name;
    std::string industry;  ///< industry id ("food")
    std::string group;     ///< group id ("I.1")
    std::optional<std::string> lead_ministry;
    set_status status = set_status::complete;
    std::vector<data_gap> gaps;
    std::vector<data_reading> readings;  ///< our readings of printed anomalies (status complete_with_reading)
    std::vector<std::string> notes;      ///< notes printed under the whole sheet
    std::vector<knockout_rule> knockouts;  ///< set-wide declared rules ("Hồ sơ bị loại khi: ...")
    provenance origin;
    std::optional<source_check> verified;  ///< the sheet's verification against other transcriptions
    std::vector<section> sections;
    std::vector<criterion> criteria;  ///< in sheet order
    std::vector<requirement_link> minimum_requirements;

    /// The criterion with this id, or nullptr.
    const criterion* find(std::string_view criterion_id) const noexcept;
    /// Sum of the criteria maxima of one part (cases count once: their best case).
    int part_max(std::string_view part) const noexcept;
    /// One warning per declared data gap ("sheet incomplete: ...") and per reading ("our reading:
    /// ..."), carried by every result on this sheet.
    std::vector<std::string> warnings() const;
};

struct legal_reference {
    std::string id;
    std::string title;
    date signed_on;
};

/// A part of every sheet (A, B, C) with its maximum.
struct part_definition {
    std::string id;
    std::string name;
    int max_points = 0;
};
BOOST_DESCRIBE_STRUCT(part_definition, (), (id, name, max_points))

/// A star band on the council's mean: from <= mean < to (the last band includes its `to`).
struct star_band {
    int stars = 0;
    int from = 0;
    int to = 0;
    bool recognised = false;  ///< only recognised bands get a decision and a certificate
    std::string meaning;
};
BOOST_DESCRIBE_STRUCT(star_band, (), (stars, from, to, recognised, meaning))

/// A minimum requirement per star: a product that misses it cannot hold `stars` or more.
struct minimum_requirement {
    std::string id;
    int stars = 0;
    std::string confidence;  ///< "firm" or "one_source"
    std::vector<std::string> industries;  ///< empty: every industry
    std::string text;
    std::string source;
};
BOOST_DESCRIBE_STRUCT(minimum_requirement, (), (id, stars, confidence, industries, text, source))

struct product_group {
    std::string id;
    std::string name;
    std::vector<std::string> sets;
};
BOOST_DESCRIBE_STRUCT(product_group, (), (id, name, sets))

struct industry {
    std::string id;
    std::string code;
    std::string name;
    std::vector<product_group> groups;
};
BOOST_DESCRIBE_STRUCT(industry, (), (id, code, name, groups))

/// A document of the registration dossier.
struct dossier_document {
    std::string id;
    std::string title;
    std::string description;
    bool required = false;
};
BOOST_DESCRIBE_STRUCT(dossier_document, (), (id, title, description, required))

/// An edition of the rules, tied to its legal acts and the dates it is in force: its score sheets,
/// parts, star bands, classification, dossier checklist and minimum requirements. Who evaluates,
/// who recognises which stars, forwarding thresholds and certificate validity belong to the
/// edition's procedure (procedure.hpp), which holds each of them once.
struct edition {
    std::string id;  ///< "1048-781"
    std::string name;
    std::vector<legal_reference> legal_references;
    date valid_from;
    std::optional<date> valid_until;  ///< inclusive; none: still in force
    std::vector<part_definition> parts;
    std::vector<star_band> star_bands;
    std::string bands_source;
    std::vector<minimum_requirement> minimum_requirements;
    std::vector<industry> classification;
    std::vector<dossier_document> dossier_documents;
    std::vector<product_set> sets;
    /// Set when only some of the edition's sheets are known (148: one): why the others are not
    /// available. A set id not in `sets` is then refused as unavailable rather than unknown.
    std::optional<std::string> other_sets_unavailable;

    bool in_force_on(date d) const noexcept;
    const product_set* find_set(std::string_view set_id) const noexcept;
    /// The set with this id. Throws error(errc::not_found) at `path` naming the set and the edition,
    /// or error(errc::unavailable) with other_sets_unavailable's text when the edition declares it.
    const product_set& require_set(std::string_view set_id, const std::string& path = "") const;
    const minimum_requirement* find_requirement(std::string_view id) const noexcept;
    /// The band that holds the exact mean sum/members. Precondition: members > 0, 0 <= sum/members <= 100.
    const star_band& band_for(std::int64_t sum, std::int64_t members) const;
};

/// What a list of an edition's sets shows of each one (its sheet is product_set::criteria).
struct set_summary {
    std::string id;
    std::string code;
    std::string name;
    std::string industry;
    std::string group;
    set_status status = set_status::complete;
    std::size_t criteria = 0;  ///< number of criteria on its sheet
    std::optional<verification_status> verification;  ///< product_set::verified's status, when it has one
};
BOOST_DESCRIBE_STRUCT(set_summary, (), (id, code, name, industry, group, status, criteria, verification))

/// One summary per set of `ed`, in the edition's order. Complexity: O(sets).
std::vector<set_summary> set_summaries(const edition& ed);

/// A set of editions. Asking for a date no edition covers is an error, never a silent default.
class catalog {
public:
    catalog() = default;
    explicit catalog(std::vector<edition> editions);

    const std::vector<edition>& editions() const noexcept { return editions_; }
    /// Throws error(errc::not_found) naming the id.
    const edition& get(std::string_view edition_id) const;
    /// The edition in force on `d`; throws error(errc::no_edition_in_force) when there is none.
    const edition& in_force(date d) const;
    /// Adds (or, same id, replaces) an edition. Strong guarantee.
    void add(edition e);

private:
    std::vector<edition> editions_;
};

/// The editions shipped with the library, embedded at build time (1048-781). Parsed once,
/// on first use, thread-safe; the reference stays valid for the life of the program.
const catalog& embedded_catalog();

}  // namespace ocop
